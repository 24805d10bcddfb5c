/**
 * Names and shapes shared by the language server and the VS Code client. Plain data only: this
 * file imports types only, so the client bundle can include it without pulling in the server.
 */
import type { GridTable } from '../core/index';

export const SOURCE = 'report-review';
export const LANGUAGE_ID = 'gov-report';
export const FIX_ALL_KIND = 'source.fixAll.reportReview';

/**
 * Node options of the server process. Every check reads the whole text again and allocates about
 * 0.5 MB (a 9 KB report) to 2 MB (a 100 KB report) that dies young; while typing, V8 grows each
 * semi-space of the young generation to its default 16 MB, 32 MB of RSS held for the whole
 * session. At 8 MB the server keeps 16 MB less for no measured cost in time (docs/PERFORMANCE.md).
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=8'];

/** What a client passes in `initializationOptions`. */
export interface InitOptions {
  /** Absolute path of the installed extension: rule docs are under `<path>/docs/rules/`. */
  extensionPath?: string;
  /** VS Code's display language (`vscode.env.language`), e.g. `zh-cn` or `en`. */
  displayLanguage?: string;
  /** Settings for clients that do not answer `workspace/configuration`. */
  settings?: unknown;
  /** Send `reportReview/status` after every check (the VS Code client shows it). */
  status?: boolean;
}

/** `reportReview/summary`: the summary of an open document. */
export const SummaryRequest = 'reportReview/summary';
export interface SummaryParams { uri: string }
export interface SummaryResult {
  uri: string;
  version: number;
  /** False when the document was not checked (not a report, too large). */
  checked: boolean;
  template: string;
  title?: string;
  /** A total whose cell is missing is NaN in the core, null on the wire. */
  tables: { id: string; name: string; totals: { label: string; value: number | null }[] }[];
  counts: Record<'error' | 'warning' | 'info' | 'hint', number>;
}

/** `reportReview/checkFiles`: check texts that are not open (workspace check). */
export const CheckFilesRequest = 'reportReview/checkFiles';
export interface CheckFilesParams { files: { uri: string; text: string; languageId?: string }[] }
/** One entry per input file that is a report; `diagnostics` are LSP diagnostics. */
export interface CheckFilesResult { files: { uri: string; diagnostics: unknown[] }[] }

/** `reportReview/fixAll`: the versioned workspace edit that fixes everything fixable. */
export const FixAllRequest = 'reportReview/fixAll';
export interface FixAllParams { uri: string; version?: number }

/** `reportReview/status` (notification, server → client) after every check of an open document. */
export const StatusNotification = 'reportReview/status';
export interface StatusParams {
  uri: string;
  version: number;
  /** `checked`; `not-report` (detection said no); `too-large` (over `reportReview.maxFileSize`); `failed` (the checker threw). */
  state: 'checked' | 'not-report' | 'too-large' | 'failed';
  template: string;
  counts: Record<'error' | 'warning' | 'info' | 'hint', number>;
  /** Milliseconds the check took. */
  ms: number;
  /** What is wrong in the document's settings (unknown rule names or levels), in its locale; absent when nothing is. */
  settingsWarnings?: string[];
}

/** The kinds of document the readers take (HTML pages, Word .docx, PDF). */
export type DocumentKindName = 'html' | 'docx' | 'pdf';

/** `reportReview/extract`: a document's report text (the file's bytes in base64; its kind from its name). */
export const ExtractRequest = 'reportReview/extract';
export interface ExtractParams { uri: string; data: string }
export type ExtractResult =
  | { ok: true; kind: DocumentKindName; text: string; warnings: string[] }
  | { ok: false; message: string };

/**
 * `reportReview/checkDocument`: check a document that is not open (workspace check). An HTML page's
 * diagnostics are on the page (`uri`); a Word or PDF document's on its report text, as `textUri`.
 */
export const CheckDocumentRequest = 'reportReview/checkDocument';
export interface CheckDocumentParams { uri: string; data: string; textUri?: string }
/** `report`: the document is a report; `message`: why it could not be read. */
export interface CheckDocumentResult { report: boolean; message?: string; diagnostics: unknown[] }

/**
 * `reportReview/watchTables` (notification, client → server): the open documents whose tables a
 * table view shows (`[]` when none is open). Replaces the previous list.
 */
export const WatchTablesNotification = 'reportReview/watchTables';
export interface WatchTablesParams { uris: string[] }

/**
 * `reportReview/tables` (notification, server → client): a watched document's tables as the
 * template's grids (server/src/core/grid.ts), sent with the diagnostics of the same
 * check of the same version, and once when the document becomes watched.
 */
export const TablesNotification = 'reportReview/tables';
export interface TablesParams {
  uri: string;
  version: number;
  state: StatusParams['state'];
  /**
   * Tables 二, 三 and 四; empty when the document was not checked (`state` says why). Spans are
   * offsets in the document itself (an HTML page's: in the page).
   */
  tables: GridTable[];
}
