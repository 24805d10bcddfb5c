/**
 * The language server: LSP wiring only. Documents, settings, diagnostics, code actions, hover,
 * outline, folding and inlay hints are thin faces over the pure checker in ./core; the pieces
 * live in ./lsp. Runs over stdio (`--stdio`, the standalone `report-review-lsp`) or node-ipc
 * (the VS Code client).
 */
import {
  CodeAction,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Message,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { summarize, titleOf } from './core/index';
import { REPORT_GLOB } from './files';
import { PreviousReports } from './previous';
import {
  anyFixable,
  fixAllAction,
  fixAllEdits,
  kindWanted,
  quickFixes,
  resolveFixAll,
  rulesWorthFixingAll,
  workspaceEdit,
  type EditOptions,
} from './lsp/actions';
import { analyze, AnalysisCache, checkOptions, languageOfPath, type Analysis, type AnalyzerEnv } from './lsp/analysis';
import { packageRoot, RuleDocs } from './lsp/docs';
import { hoverAt, inlayHints } from './lsp/features';
import { documentSymbols, foldingRanges } from './lsp/outline';
import {
  CheckFilesRequest,
  FIX_ALL_KIND,
  FixAllRequest,
  StatusNotification,
  SummaryRequest,
  type CheckFilesParams,
  type CheckFilesResult,
  type FixAllParams,
  type InitOptions,
  type StatusParams,
  type SummaryParams,
  type SummaryResult,
} from './lsp/protocol';
import { createServerConnection } from './lsp/transport';
import { displayLocale, effectiveLocale, normalizeSettings, SettingsCache, settingsWarnings, type Settings } from './lsp/settings';

const SECTION = 'reportReview';

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Newest document version seen arriving, per URI (ahead of the message queue). */
const arriving = new Map<string, number>();

function peek(message: Message): void {
  const m = message as { method?: string; params?: { textDocument?: { uri?: unknown; version?: unknown } } };
  if (m.method !== 'textDocument/didChange') return;
  const td = m.params?.textDocument;
  if (typeof td?.uri === 'string' && typeof td.version === 'number') arriving.set(td.uri, td.version);
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new AnalysisCache();
  /** State of each open document's last analysis. */
  const lastState = new Map<string, Analysis['state']>();
  /** URIs whose last published diagnostics were not empty. */
  const published = new Set<string>();
  /** URIs whose check was left to a change on its way (see validate and settle). */
  const deferred = new Set<string>();
  let settings = new SettingsCache(undefined);
  let env: AnalyzerEnv;
  let previousReports: PreviousReports;
  let editOptions: EditOptions = { documentChanges: false };
  let resolveEdits = false;
  let dynamicConfiguration = false;
  let watchFiles = false;
  let inlayRefresh = false;
  let sendStatus = false;

  const log = (message: string) => connection.console.error(message);

  /** Runs a handler; a throw is logged and answered with `fallback`, never allowed to kill the server. */
  function guard<P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => R | Promise<R>) {
    return async (...args: P): Promise<R> => {
      try {
        return await fn(...args);
      } catch (error) {
        log(`${name} failed: ${describe(error)}`);
        return fallback;
      }
    };
  }

  /** `provisional`: a check nothing asked for yet (see AnalysisCache.set). */
  function analysisFor(doc: TextDocument, s: Settings, provisional = false): Analysis {
    const hit = analyses.get(doc.uri, doc.version, s);
    if (hit) return hit;
    const a = analyze({ uri: doc.uri, version: doc.version, languageId: doc.languageId, text: doc.getText() }, s, env);
    analyses.set(a, provisional);
    return a;
  }

  /** The current version of an open document and its analysis. */
  async function current(uri: string): Promise<{ doc: TextDocument; analysis: Analysis } | undefined> {
    if (!documents.get(uri)) return undefined;
    const s = await settings.load(uri);
    const doc = documents.get(uri);
    return doc ? { doc, analysis: analysisFor(doc, s) } : undefined;
  }

  function publish(a: Analysis, version: number): void {
    if (a.diagnostics.length > 0 || published.has(a.uri) || a.state !== 'not-report') {
      void connection.sendDiagnostics({ uri: a.uri, version, diagnostics: a.diagnostics });
      if (a.diagnostics.length > 0) published.add(a.uri);
      else published.delete(a.uri);
    }
    // Plain text that is not a report: say so once, not on every keystroke.
    const repeat = a.state === 'not-report' && lastState.get(a.uri) === 'not-report';
    lastState.set(a.uri, a.state);
    if (sendStatus && !repeat) {
      const counts = { error: 0, warning: 0, info: 0, hint: 0 };
      for (const p of a.result?.problems ?? []) counts[p.severity]++;
      const status: StatusParams = {
        uri: a.uri,
        version,
        state: a.state,
        template: a.result?.template ?? 'unknown',
        counts,
        ms: Math.round(a.ms * 100) / 100,
      };
      const warnings = settingsWarnings(a.settings, a.locale);
      if (warnings.length > 0) status.settingsWarnings = warnings;
      void connection.sendNotification(StatusNotification, status);
    }
  }

  function validate(doc: TextDocument, reason: 'open' | 'change' | 'save' | 'settings'): void {
    try {
      // A change already on its way replaces this version: check that one instead (no debounce,
      // yet typing into a slow document never queues a check per keystroke).
      if (reason === 'change') {
        if ((arriving.get(doc.uri) ?? -1) > doc.version) {
          deferred.add(doc.uri);
          return;
        }
        deferred.delete(doc.uri);
      }
      const s = settings.get(doc.uri);
      if (!s) {
        // First sight of this URI: ask for its settings once, then check the version still current.
        settings
          .load(doc.uri)
          .then(() => {
            const cur = documents.get(doc.uri);
            if (cur && cur.version === doc.version) validate(cur, reason);
          })
          .catch((error) => log(`settings for ${doc.uri}: ${describe(error)}`));
        return;
      }
      warnAbout(s);
      if (reason === 'change' && s.run === 'onSave') return;
      if (reason === 'save' && s.run !== 'onSave') return; // already checked on the last change
      publish(analysisFor(doc, s, reason === 'open' || reason === 'settings'), doc.version);
    } catch (error) {
      log(`validating ${doc.uri} failed: ${describe(error)}`);
    }
  }

  /** Settings warnings already in the log (each once, until the configuration changes). */
  const warned = new Set<string>();
  function warnAbout(s: Settings): void {
    if (s.rulesProblems.length === 0) return;
    for (const w of settingsWarnings(s, effectiveLocale(s, env.displayLocale))) {
      if (warned.has(w)) continue;
      warned.add(w);
      connection.console.warn(w);
    }
  }

  /** Check every open document again, from scratch. */
  function recheckOpen(): void {
    analyses.clear();
    for (const doc of documents.all()) validate(doc, 'settings');
  }

  function revalidateAll(): void {
    settings.clear();
    warned.clear();
    recheckOpen();
    if (inlayRefresh) connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    const init = (params.initializationOptions ?? {}) as InitOptions;
    settings = new SettingsCache(
      caps.workspace?.configuration
        ? (uris) => connection.workspace.getConfiguration(uris.map((scopeUri) => ({ scopeUri, section: SECTION })))
        : undefined,
    );
    settings.global = normalizeSettings(init.settings);
    dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    watchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    inlayRefresh = caps.workspace?.inlayHint?.refreshSupport === true;
    editOptions = { documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true };
    resolveEdits = caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    sendStatus = init.status === true;
    env = {
      docs: new RuleDocs(packageRoot(typeof init.extensionPath === 'string' ? init.extensionPath : undefined)),
      displayLocale: displayLocale(typeof init.displayLanguage === 'string' ? init.displayLanguage : undefined, process.env),
      related: caps.textDocument?.publishDiagnostics?.relatedInformation === true,
      log,
      previous: (uri, text) => {
        // When the folders hold no report at all, the title is not read on every keystroke.
        if (previousReports.empty) return undefined;
        const title = titleOf(text);
        return previousReports.find(title?.body, title?.year, () => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined));
      },
    };
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    // Built on first use; updated from file events, when the client watches files for us (watchFiles).
    previousReports = new PreviousReports(roots.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        inlayHintProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'report-review' },
    };
  });

  connection.onInitialized(() => {
    if (dynamicConfiguration) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: SECTION })
        .catch((error) => log(`registering for configuration changes failed: ${describe(error)}`));
    }
    // Report files coming and going keep the index of last year's reports current, in any
    // client that can watch files for the server.
    if (watchFiles) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: REPORT_GLOB }] })
        .catch((error) => log(`registering the report file watcher failed: ${describe(error)}`));
    }
  });

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, (change) => {
      const raw = (change.settings as Record<string, unknown> | null | undefined)?.[SECTION];
      if (raw !== undefined) settings.global = normalizeSettings(raw);
      revalidateAll();
    }),
  );

  connection.onDidChangeWatchedFiles((params) => {
    const files = params.changes.filter((c) => c.uri.startsWith('file:')).map((c) => fileURLToPath(c.uri));
    // Only last year's reports feed the checks; saving this year's changes nothing they use.
    if (!previousReports.update(files)) return;
    recheckOpen();
  });

  /** Open documents already seen by `onDidChangeContent` (which TextDocuments also fires on open). */
  const opened = new Set<string>();
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    const first = !opened.has(uri);
    opened.add(uri);
    validate(e.document, first ? 'open' : 'change');
  });
  documents.onDidSave((e) => validate(e.document, 'save'));

  /**
   * After a change was handled: if it was the last one on its way and a check was left to it,
   * but it was not applied (no content changes, or a change that failed), the
   * version it was to replace is still current and still unchecked: check it now.
   */
  function settle(uri: string, version: number): void {
    if (!deferred.has(uri) || (arriving.get(uri) ?? -1) > version) return;
    deferred.delete(uri);
    arriving.delete(uri);
    const doc = documents.get(uri);
    if (doc) validate(doc, 'change');
  }
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    opened.delete(uri);
    arriving.delete(uri);
    deferred.delete(uri);
    lastState.delete(uri);
    analyses.delete(uri);
    settings.delete(uri);
    if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onCodeAction(
    guard('codeAction', [] as CodeAction[], async (params) => {
      const c = await current(params.textDocument.uri);
      if (!c) return [];
      const { doc, analysis } = c;
      const only = params.context.only;
      const problems = analysis.result?.problems ?? [];
      const actions: CodeAction[] = [];
      const lazy: CodeAction[] = [];
      if (kindWanted(CodeActionKind.QuickFix, only)) {
        actions.push(...quickFixes(doc, params.context.diagnostics, { problems, diagnostics: analysis.diagnostics, locale: analysis.locale }, editOptions));
        for (const rule of rulesWorthFixingAll(params.context.diagnostics, problems)) {
          lazy.push(fixAllAction(doc, analysis.locale, rule));
        }
      }
      if (only && kindWanted(FIX_ALL_KIND, only) && anyFixable(problems)) {
        lazy.push(fixAllAction(doc, analysis.locale, undefined));
      }
      if (resolveEdits) return actions.concat(lazy);
      const options = checkOptions(analysis.settings);
      for (const action of lazy) {
        resolveFixAll(action, doc, options, editOptions);
        delete action.data;
        if (action.edit) actions.push(action);
      }
      return actions;
    }),
  );

  connection.onCodeActionResolve(
    async (action: CodeAction): Promise<CodeAction> => {
      try {
        const data = action.data as { uri?: unknown } | undefined;
        const c = await current(typeof data?.uri === 'string' ? data.uri : '');
        return resolveFixAll(action, c?.doc, checkOptions(c?.analysis.settings ?? settings.global), editOptions);
      } catch (error) {
        log(`codeAction/resolve failed: ${describe(error)}`);
        return action;
      }
    },
  );

  connection.onHover(
    guard('hover', null, async (params) => {
      const c = await current(params.textDocument.uri);
      const a = c?.analysis;
      if (!a?.result || !a.index) return null;
      return hoverAt(a.result, a.index, params.position.line, params.position.character, a.locale);
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', [], async (params) => {
      const a = (await current(params.textDocument.uri))?.analysis;
      return a?.result && a.index ? documentSymbols(a.result, a.index, a.locale) : [];
    }),
  );

  connection.onFoldingRanges(
    guard('foldingRange', [], async (params) => {
      const a = (await current(params.textDocument.uri))?.analysis;
      return a?.result && a.index ? foldingRanges(a.result, a.index) : [];
    }),
  );

  connection.languages.inlayHint.on(
    guard('inlayHint', [], async (params) => {
      const a = (await current(params.textDocument.uri))?.analysis;
      if (!a?.result || !a.index || !a.settings.inlayHints) return [];
      return inlayHints(a.result, a.index, params.range, a.locale);
    }),
  );

  connection.onRequest(
    SummaryRequest,
    guard('summary', null, async (params: SummaryParams): Promise<SummaryResult | null> => {
      const c = await current(params.uri);
      if (!c) return null;
      const { doc, analysis } = c;
      if (!analysis.result) {
        return { uri: doc.uri, version: doc.version, checked: false, template: 'unknown', tables: [], counts: { error: 0, warning: 0, info: 0, hint: 0 } };
      }
      return { uri: doc.uri, version: doc.version, checked: true, ...summarize(analysis.result) };
    }),
  );

  connection.onRequest(
    CheckFilesRequest,
    guard('checkFiles', { files: [] }, async (params: CheckFilesParams): Promise<CheckFilesResult> => {
      const files = Array.isArray(params?.files) ? params.files.filter((f) => typeof f?.uri === 'string' && typeof f.text === 'string') : [];
      const all = await settings.loadMany(files.map((f) => f.uri), false);
      const out: CheckFilesResult = { files: [] };
      files.forEach((f, i) => {
        const languageId = typeof f.languageId === 'string' ? f.languageId : languageOfPath(f.uri);
        const a = analyze({ uri: f.uri, version: null, languageId, text: f.text }, all[i], env);
        if (a.state !== 'not-report') out.files.push({ uri: f.uri, diagnostics: a.diagnostics });
      });
      return out;
    }),
  );

  connection.onRequest(
    FixAllRequest,
    guard('fixAll', null, async (params: FixAllParams) => {
      const c = await current(params.uri);
      if (!c || (typeof params.version === 'number' && params.version !== c.doc.version) || !c.analysis.result) return null;
      const edits = fixAllEdits(c.doc, checkOptions(c.analysis.settings));
      return edits.length > 0 ? workspaceEdit(c.doc, edits, editOptions) : null;
    }),
  );

  // The documents' own change handler, then settle.
  const sync: Parameters<typeof documents.listen>[0] = {
    onDidOpenTextDocument: (h) => connection.onDidOpenTextDocument(h),
    onDidChangeTextDocument: (h) =>
      connection.onDidChangeTextDocument((params) => {
        try {
          h(params);
        } finally {
          settle(params.textDocument.uri, params.textDocument.version);
        }
      }),
    onDidCloseTextDocument: (h) => connection.onDidCloseTextDocument(h),
    onWillSaveTextDocument: (h) => connection.onWillSaveTextDocument(h),
    onWillSaveTextDocumentWaitUntil: (h) => connection.onWillSaveTextDocumentWaitUntil(h),
    onDidSaveTextDocument: (h) => connection.onDidSaveTextDocument(h),
  };
  documents.listen(sync);
  connection.listen();
}

process.on('uncaughtException', (error) => {
  try {
    process.stderr.write(`report-review: uncaught ${describe(error)}\n`);
  } catch {
    // nothing left to report to
  }
});

startServer(createServerConnection(peek));
