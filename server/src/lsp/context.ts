/**
 * What the language server's features share: the connection, the open documents and the analysis
 * of each one's latest version, the settings, and what the client said it can do. Each feature
 * (see server.ts) registers its handlers on the connection and adds its capabilities here.
 */
import { TextDocuments, type Connection, type ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PreviousReports } from '../previous';
import type { EditOptions } from './actions';
import { AnalysisCache, type Analysis, type AnalyzerEnv } from './analysis';
import { SettingsCache, type Settings } from './settings';
import { analyzeOpen, isHtml, readers } from './sources';

/** What the client can do, from its `initialize` request. */
export interface ClientSupport {
  edits: EditOptions;
  /** Code actions may leave their edit to `codeAction/resolve`. */
  resolveEdits: boolean;
  dynamicConfiguration: boolean;
  watchFiles: boolean;
  inlayRefresh: boolean;
  /** Send `reportReview/status` after each check. */
  status: boolean;
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export class ServerContext {
  readonly documents = new TextDocuments(TextDocument);
  readonly analyses = new AnalysisCache();
  /** The answer to `initialize`: each feature adds its own as it registers. */
  readonly capabilities: ServerCapabilities = {};
  settings = new SettingsCache(undefined);
  client: ClientSupport = {
    edits: { documentChanges: false },
    resolveEdits: false,
    dynamicConfiguration: false,
    watchFiles: false,
    inlayRefresh: false,
    status: false,
  };
  /** Set on `initialize`. */
  env!: AnalyzerEnv;
  previousReports!: PreviousReports;

  constructor(readonly connection: Connection) {}

  readonly log = (message: string): void => this.connection.console.error(message);

  logError(what: string, error: unknown): void {
    this.log(`${what} failed: ${describe(error)}`);
  }

  /** Runs a handler; a throw is logged and answered with `fallback`, never allowed to kill the server. */
  guard<P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => R | Promise<R>) {
    return async (...args: P): Promise<R> => {
      try {
        return await fn(...args);
      } catch (error) {
        this.logError(name, error);
        return fallback;
      }
    };
  }

  /** `provisional`: a check nothing asked for yet (see AnalysisCache.set). */
  analysisFor(doc: TextDocument, s: Settings, provisional = false): Analysis {
    const hit = this.analyses.get(doc.uri, doc.version, s);
    if (hit) return hit;
    // The analysis of an older version is of no more use: let it go before the check allocates, or
    // every scavenge during the check carries it to the old generation.
    this.analyses.delete(doc.uri);
    const a = analyzeOpen({ uri: doc.uri, version: doc.version, languageId: doc.languageId, text: doc.getText() }, s, this.env);
    this.analyses.set(a, provisional);
    return a;
  }

  /** The current version of an open document and its analysis. */
  async current(uri: string): Promise<{ doc: TextDocument; analysis: Analysis } | undefined> {
    const first = this.documents.get(uri);
    if (!first) return undefined;
    // An HTML page is read by the readers (loaded on first use).
    if (isHtml(first.languageId, uri)) await readers();
    const s = await this.settings.load(uri);
    const doc = this.documents.get(uri);
    return doc ? { doc, analysis: this.analysisFor(doc, s) } : undefined;
  }
}
