/**
 * The language server: LSP wiring only, one registration function per feature (diagnostics, code
 * actions, hover, outline, inlay hints, commands, settings). Each is a thin face over the pure
 * checker in ./core; the pieces live in ./lsp, what the features share in ./lsp/context. Runs over
 * stdio (`--stdio`, the standalone `report-review-lsp`) or node-ipc (the VS Code client).
 */
import {
  CodeAction,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Message,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { summarize, titleOf } from './core/index';
import { REPORT_GLOB } from './files';
import { PreviousReports } from './previous';
import {
  anyFixable,
  fixAllAction,
  kindWanted,
  quickFixes,
  resolveFixAll,
  rulesWorthFixingAll,
  workspaceEdit,
} from './lsp/actions';
import { analyze, checkOptions, languageOfPath, type Analysis } from './lsp/analysis';
import { describe, ServerContext } from './lsp/context';
import { packageRoot, RuleDocs } from './lsp/docs';
import { hoverAt, inlayHints } from './lsp/features';
import { documentSymbols, foldingRanges } from './lsp/outline';
import { registerTables, type TableFeed } from './lsp/tables';
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
import { editableProblems, fixAllFor, isHtml, isPageAnalysis, loadedReaders, readers, registerDocuments, wholeSymbols } from './lsp/sources';
import { createServerConnection } from './lsp/transport';
import { displayLocale, effectiveLocale, normalizeSettings, SettingsCache, settingsWarnings, type Settings } from './lsp/settings';

const SECTION = 'reportReview';

/** Newest document version seen arriving, per URI (ahead of the message queue). */
const arriving = new Map<string, number>();

function peek(message: Message): void {
  const m = message as { method?: string; params?: { textDocument?: { uri?: unknown; version?: unknown } } };
  if (m.method !== 'textDocument/didChange') return;
  const td = m.params?.textDocument;
  if (typeof td?.uri === 'string' && typeof td.version === 'number') arriving.set(td.uri, td.version);
}

/** What the client can do, last year's reports and the rule docs, from `initialize`. */
function initialize(server: ServerContext, params: InitializeParams): InitializeResult {
  const { connection } = server;
  const caps = params.capabilities;
  const init = (params.initializationOptions ?? {}) as InitOptions;
  server.settings = new SettingsCache(
    caps.workspace?.configuration
      ? (uris) => connection.workspace.getConfiguration(uris.map((scopeUri) => ({ scopeUri, section: SECTION })))
      : undefined,
  );
  server.settings.global = normalizeSettings(init.settings);
  server.client = {
    edits: { documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true },
    resolveEdits: caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
    dynamicConfiguration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchFiles: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    inlayRefresh: caps.workspace?.inlayHint?.refreshSupport === true,
    status: init.status === true,
  };
  server.env = {
    docs: new RuleDocs(packageRoot(typeof init.extensionPath === 'string' ? init.extensionPath : undefined)),
    displayLocale: displayLocale(typeof init.displayLanguage === 'string' ? init.displayLanguage : undefined, process.env),
    related: caps.textDocument?.publishDiagnostics?.relatedInformation === true,
    log: server.log,
    previous: (uri, text) => {
      // When the folders hold no report at all, the title is not read on every keystroke.
      if (server.previousReports.empty) return undefined;
      const title = titleOf(text);
      return server.previousReports.find(title?.body, title?.year, () => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined));
    },
  };
  const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  // Built on first use; updated from file events, when the client watches files for us (watchFiles).
  server.previousReports = new PreviousReports(roots.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)));
  return { capabilities: server.capabilities, serverInfo: { name: 'report-review' } };
}

/** What the diagnostics feature offers the others. */
interface Diagnostics {
  /** Check every open document again, from scratch. */
  recheckOpen(): void;
  /** The settings changed: their warnings may be logged again, and every open document is checked again. */
  settingsChanged(): void;
}

/**
 * Documents kept in sync, checked on open, on every change (or on save) and when the settings
 * change; each version's diagnostics published, and a status notification when the client asks.
 */
function registerDiagnostics(server: ServerContext, tables: TableFeed): Diagnostics {
  const { connection, documents, analyses } = server;
  /** State of each open document's last analysis. */
  const lastState = new Map<string, Analysis['state']>();
  /** URIs whose last published diagnostics were not empty. */
  const published = new Set<string>();
  /** URIs whose check was left to a change on its way (see validate and settle). */
  const deferred = new Set<string>();
  /** Settings warnings already in the log (each once, until the configuration changes). */
  const warned = new Set<string>();
  /** Open documents already seen by `onDidChangeContent` (which TextDocuments also fires on open). */
  const opened = new Set<string>();
  server.capabilities.textDocumentSync = { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } };

  function publish(a: Analysis, version: number): void {
    if (a.diagnostics.length > 0 || published.has(a.uri) || a.state !== 'not-report') {
      void connection.sendDiagnostics({ uri: a.uri, version, diagnostics: a.diagnostics });
      if (a.diagnostics.length > 0) published.add(a.uri);
      else published.delete(a.uri);
    }
    tables.published(a, version);
    // Plain text that is not a report: say so once, not on every keystroke.
    const repeat = a.state === 'not-report' && lastState.get(a.uri) === 'not-report';
    lastState.set(a.uri, a.state);
    if (server.client.status && !repeat) {
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

  function warnAbout(s: Settings): void {
    if (s.rulesProblems.length === 0) return;
    for (const w of settingsWarnings(s, effectiveLocale(s, server.env.displayLocale))) {
      if (warned.has(w)) continue;
      warned.add(w);
      connection.console.warn(w);
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
      const s = server.settings.get(doc.uri);
      if (!s) {
        // First sight of this URI: ask for its settings once, then check the version still current.
        server.settings
          .load(doc.uri)
          .then(() => {
            const cur = documents.get(doc.uri);
            if (cur && cur.version === doc.version) validate(cur, reason);
          })
          .catch((error) => server.logError(`settings for ${doc.uri}`, error));
        return;
      }
      warnAbout(s);
      if (isHtml(doc.languageId, doc.uri) && !loadedReaders()) {
        // An HTML page: read by the readers, loaded on first sight of one.
        readers()
          .then(() => {
            const cur = documents.get(doc.uri);
            if (cur && cur.version === doc.version) validate(cur, reason);
          })
          .catch((error) => server.logError('loading the readers', error));
        return;
      }
      if (reason === 'change' && s.run === 'onSave') return;
      if (reason === 'save' && s.run !== 'onSave') return; // already checked on the last change
      publish(server.analysisFor(doc, s, reason === 'open' || reason === 'settings'), doc.version);
    } catch (error) {
      server.logError(`validating ${doc.uri}`, error);
    }
  }

  function recheckOpen(): void {
    analyses.clear();
    for (const doc of documents.all()) validate(doc, 'settings');
  }

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

  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    const first = !opened.has(uri);
    opened.add(uri);
    validate(e.document, first ? 'open' : 'change');
  });
  documents.onDidSave((e) => validate(e.document, 'save'));
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    opened.delete(uri);
    arriving.delete(uri);
    deferred.delete(uri);
    lastState.delete(uri);
    analyses.delete(uri);
    server.settings.delete(uri);
    if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
  // The documents' own change handler, then settle.
  documents.listen({
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
  });

  return {
    recheckOpen,
    settingsChanged: () => {
      warned.clear();
      recheckOpen();
    },
  };
}

/** Quick fixes from the current version's analysis; fix all, resolved lazily when the client can. */
function registerCodeActions(server: ServerContext): void {
  const { connection } = server;
  server.capabilities.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true };

  connection.onCodeAction(
    server.guard('codeAction', [] as CodeAction[], async (params) => {
      const c = await server.current(params.textDocument.uri);
      if (!c) return [];
      const { doc, analysis } = c;
      const editOptions = server.client.edits;
      const only = params.context.only;
      const problems = editableProblems(analysis);
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
      if (server.client.resolveEdits) return actions.concat(lazy);
      const options = checkOptions(analysis.settings);
      for (const action of lazy) {
        resolveFixAll(action, doc, options, editOptions, fixAllFor(analysis));
        delete action.data;
        if (action.edit) actions.push(action);
      }
      return actions;
    }),
  );

  connection.onCodeActionResolve(async (action: CodeAction): Promise<CodeAction> => {
    try {
      const data = action.data as { uri?: unknown } | undefined;
      const c = await server.current(typeof data?.uri === 'string' ? data.uri : '');
      return resolveFixAll(action, c?.doc, checkOptions(c?.analysis.settings ?? server.settings.global), server.client.edits, fixAllFor(c?.analysis));
    } catch (error) {
      server.logError('codeAction/resolve', error);
      return action;
    }
  });
}

/** A table cell's row, column and identities. */
function registerHover(server: ServerContext): void {
  server.capabilities.hoverProvider = true;
  server.connection.onHover(
    server.guard('hover', null, async (params) => {
      const a = (await server.current(params.textDocument.uri))?.analysis;
      if (!a?.result || !a.index) return null;
      return hoverAt(a.result, a.index, params.position.line, params.position.character, a.locale);
    }),
  );
}

/** Title, sections, tables and rows as symbols and folding ranges. */
function registerOutline(server: ServerContext): void {
  server.capabilities.documentSymbolProvider = true;
  server.capabilities.foldingRangeProvider = true;
  server.connection.onDocumentSymbol(
    server.guard('documentSymbol', [], async (params) => {
      const a = (await server.current(params.textDocument.uri))?.analysis;
      if (!a?.result || !a.index) return [];
      const symbols = documentSymbols(a.result, a.index, a.locale);
      return isPageAnalysis(a) ? wholeSymbols(symbols) : symbols;
    }),
  );
  server.connection.onFoldingRanges(
    server.guard('foldingRange', [], async (params) => {
      const a = (await server.current(params.textDocument.uri))?.analysis;
      return a?.result && a.index ? foldingRanges(a.result, a.index) : [];
    }),
  );
}

/** The expected value beside a wrong total. */
function registerInlayHints(server: ServerContext): void {
  server.capabilities.inlayHintProvider = { resolveProvider: false };
  server.connection.languages.inlayHint.on(
    server.guard('inlayHint', [], async (params) => {
      const a = (await server.current(params.textDocument.uri))?.analysis;
      if (!a?.result || !a.index || !a.settings.inlayHints) return [];
      return inlayHints(a.result, a.index, params.range, a.locale);
    }),
  );
}

/** The client's commands: a report's summary, the workspace check, fix all. */
function registerCommands(server: ServerContext): void {
  const { connection } = server;
  connection.onRequest(
    SummaryRequest,
    server.guard('summary', null, async (params: SummaryParams): Promise<SummaryResult | null> => {
      const c = await server.current(params.uri);
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
    server.guard('checkFiles', { files: [] }, async (params: CheckFilesParams): Promise<CheckFilesResult> => {
      const files = Array.isArray(params?.files) ? params.files.filter((f) => typeof f?.uri === 'string' && typeof f.text === 'string') : [];
      const all = await server.settings.loadMany(files.map((f) => f.uri), false);
      const out: CheckFilesResult = { files: [] };
      files.forEach((f, i) => {
        const languageId = typeof f.languageId === 'string' ? f.languageId : languageOfPath(f.uri);
        const a = analyze({ uri: f.uri, version: null, languageId, text: f.text }, all[i], server.env);
        if (a.state !== 'not-report') out.files.push({ uri: f.uri, diagnostics: a.diagnostics });
      });
      return out;
    }),
  );

  connection.onRequest(
    FixAllRequest,
    server.guard('fixAll', null, async (params: FixAllParams) => {
      const c = await server.current(params.uri);
      if (!c || (typeof params.version === 'number' && params.version !== c.doc.version) || !c.analysis.result) return null;
      const edits = fixAllFor(c.analysis)(c.doc, checkOptions(c.analysis.settings));
      return edits.length > 0 ? workspaceEdit(c.doc, edits, server.client.edits) : null;
    }),
  );
}

/**
 * Configuration changes (pushed or, when the client registers for them, announced) and report
 * files coming and going in the workspace (last year's reports feed the cross-year check).
 */
function registerSettings(server: ServerContext, diagnostics: Diagnostics): void {
  const { connection } = server;
  connection.onInitialized(() => {
    if (server.client.dynamicConfiguration) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: SECTION })
        .catch((error) => server.logError('registering for configuration changes', error));
    }
    // Report files coming and going keep the index of last year's reports current, in any
    // client that can watch files for the server.
    if (server.client.watchFiles) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: REPORT_GLOB }] })
        .catch((error) => server.logError('registering the report file watcher', error));
    }
  });

  connection.onDidChangeConfiguration(
    server.guard('didChangeConfiguration', undefined, (change) => {
      const raw = (change.settings as Record<string, unknown> | null | undefined)?.[SECTION];
      if (raw !== undefined) server.settings.global = normalizeSettings(raw);
      server.settings.clear();
      diagnostics.settingsChanged();
      if (server.client.inlayRefresh) connection.languages.inlayHint.refresh().catch(() => undefined);
    }),
  );

  connection.onDidChangeWatchedFiles((params) => {
    const files = params.changes.filter((c) => c.uri.startsWith('file:')).map((c) => fileURLToPath(c.uri));
    // Only last year's reports feed the checks; saving this year's changes nothing they use.
    if (server.previousReports.update(files)) diagnostics.recheckOpen();
  });
}

export function startServer(connection: Connection): void {
  const server = new ServerContext(connection);
  connection.onInitialize((params) => initialize(server, params));
  const diagnostics = registerDiagnostics(server, registerTables(server));
  registerCodeActions(server);
  registerHover(server);
  registerOutline(server);
  registerInlayHints(server);
  registerCommands(server);
  registerDocuments(server);
  registerSettings(server, diagnostics);
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
