/**
 * 表格视图 The table view: a webview beside a report that draws tables 二, 三 and 四 as the
 * template's grids from the server's `reportReview/tables` notifications (sent with the
 * diagnostics of the same check, only for the document a view shows). It follows the active
 * report, selects a cell's text when the cell is chosen, and marks the cell under the cursor.
 * The webview runs only media/tableView.js (strict CSP); report text reaches it as data.
 */
import { randomBytes } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { GridTable } from '../../server/src/core/index';
import {
  TablesNotification,
  WatchTablesNotification,
  type StatusParams,
  type TablesParams,
  type WatchTablesParams,
} from '../../server/src/lsp/protocol';

export const VIEW_TYPE = 'reportReview.tables';
/** `resourcePath in reportReview.checkedReports` (menus): the paths of the documents checked as reports. */
const CONTEXT_KEY = 'reportReview.checkedReports';

/** What the webview says (see media/tableView.js). */
type FromView =
  | { type: 'ready' }
  | { type: 'select'; at: string }
  | { type: 'rendered'; uri: string; version: number; marked: DrawnCell[] };

/** A cell the view drew in a state other than ok: its address, state, the number or word and the value it should have, its label. */
export interface DrawnCell {
  at: string;
  state: string;
  text: string;
  expected: string;
  label: string;
}

/** What the view drew for one version of a document (its acknowledgement of a grid). */
export interface Rendered {
  uri: string;
  version: number;
  marked: DrawnCell[];
}

/** The `resourcePath` context value of a URI, as the workbench computes it. */
function resourcePath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.path;
}

/**
 * The view's address of what holds an offset: `t.r.c` (a cell; `c` counts on into the extra
 * numbers), `t.r` (a row, outside its cells) or `t` (a table, outside its rows); null for none.
 */
export function addressAt(tables: GridTable[], offset: number): string | null {
  const inside = (s?: { start: number; end: number }) => s !== undefined && s.start <= offset && offset <= s.end;
  for (let t = 0; t < tables.length; t++) {
    const rows = tables[t].rows;
    for (let r = 0; r < rows.length; r++) {
      if (!inside(rows[r].span)) continue;
      const c = [...rows[r].cells, ...rows[r].extra].findIndex((cell) => inside(cell.span));
      return c >= 0 ? `${t}.${r}.${c}` : `${t}.${r}`;
    }
    if (inside(tables[t].span)) return `${t}`;
  }
  return null;
}

/** The words of the view, in VS Code's display language. */
function strings(): Record<string, string> {
  return {
    waiting: vscode.l10n.t('Waiting for the check of this report…'),
    notReport: vscode.l10n.t('This document is not checked as a report.'),
    tooLarge: vscode.l10n.t('Larger than reportReview.maxFileSize: not checked.'),
    failed: vscode.l10n.t('The check failed. See the Report Review output channel.'),
    noReport: vscode.l10n.t('Open a report to see its tables.'),
    blank: vscode.l10n.t('blank'),
    missing: vscode.l10n.t('missing'),
    invalid: vscode.l10n.t('not a number'),
    shouldBe: vscode.l10n.t('should be {0}'),
    missingRow: vscode.l10n.t('Row missing'),
    replacedRow: vscode.l10n.t('Stood in for by the old single row'),
    unplaced: vscode.l10n.t('Numbers missing where the totals cannot tell which: shown in the order read, the missing ones last.'),
    extra: vscode.l10n.t('Extra numbers'),
    unmatched: vscode.l10n.t('Rows that match no template row'),
    writtenAs: vscode.l10n.t('written as 「{0}」'),
    stale: vscode.l10n.t('The text changed; the tables follow with the next check.'),
  };
}

export class TableView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The document the view shows. */
  private uri: vscode.Uri | undefined;
  /** The latest tables of that document. */
  private latest: TablesParams | undefined;
  /** Per document: the last status state. */
  private readonly states = new Map<string, StatusParams['state']>();
  private client: LanguageClient | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<Rendered>();
  /** Fires when the view has drawn a grid (what it drew, read back from its page). */
  readonly onDidRender = this.rendered.event;
  /** What the view drew last. */
  lastRendered: Rendered | undefined;
  private contextValue = '';

  constructor(private readonly extensionUri: vscode.Uri) {
    this.subscriptions.push(
      this.rendered,
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
          const uri = (state as { uri?: unknown } | undefined)?.uri;
          this.adopt(panel, typeof uri === 'string' ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri);
        },
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && this.states.get(e.document.uri.toString()) === 'checked') this.follow(e.document.uri);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.uri && e.textEditor.document.uri.toString() === this.uri.toString()) this.highlight(e.textEditor);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.states.delete(d.uri.toString());
        this.updateContext();
      }),
    );
  }

  /** Listens to a (re)started client; the watch list is sent again whenever it starts. */
  attach(client: LanguageClient): void {
    this.client = client;
    client.onNotification(TablesNotification, (p: TablesParams) => this.tables(p));
    this.subscriptions.push(
      client.onDidChangeState((e) => {
        if (e.newState === State.Running && this.client === client) this.watch();
      }),
    );
  }

  /** A status notification: which documents are checked reports (for the editor-title button and following). */
  status(s: StatusParams): void {
    const before = this.states.get(s.uri);
    this.states.set(s.uri, s.state);
    if (before !== s.state) this.updateContext();
    const active = vscode.window.activeTextEditor?.document.uri;
    if (s.state === 'checked' && active?.toString() === s.uri) this.follow(active);
  }

  /** `reportReview.showTables`: opens (or reveals) the view beside the report. */
  async show(uri?: vscode.Uri): Promise<TableView> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri ?? this.uri;
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        vscode.l10n.t('Tables'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] },
      );
      this.adopt(panel, target);
    }
    if (target) this.follow(target);
    return this;
  }

  /** The document the view shows and the version of the tables it has. */
  get showing(): { uri: string; version: number } | undefined {
    return this.latest && { uri: this.latest.uri, version: this.latest.version };
  }

  /** The server's tables of a document (those of the document shown are drawn). */
  tables(p: TablesParams): void {
    if (this.uri?.toString() !== p.uri) return;
    this.latest = p;
    this.post();
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri | undefined): void {
    this.panel = panel;
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage((m) => void this.fromView(m), undefined, this.subscriptions);
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      this.uri = undefined;
      this.latest = undefined;
      this.watch();
    }, undefined, this.subscriptions);
    if (uri) this.follow(uri);
  }

  private follow(uri: vscode.Uri): void {
    if (!this.panel) return;
    if (this.uri?.toString() === uri.toString()) return;
    this.uri = uri;
    this.latest = undefined;
    this.panel.title = vscode.l10n.t('Tables: {0}', path.posix.basename(uri.path));
    this.post();
    this.watch();
  }

  private watch(): void {
    const params: WatchTablesParams = { uris: this.panel && this.uri ? [this.uri.toString()] : [] };
    if (this.client?.state === State.Running) void this.client.sendNotification(WatchTablesNotification, params);
  }

  private document(): vscode.TextDocument | undefined {
    const uri = this.uri?.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  }

  /** Sends the view what it shows: the document, the tables of its latest check, the words. */
  private post(): void {
    if (!this.panel || !this.uri) return;
    const doc = this.document();
    const state = this.latest?.state ?? this.states.get(this.uri.toString());
    void this.panel.webview.postMessage({
      type: 'show',
      uri: this.uri.toString(),
      name: path.posix.basename(this.uri.path),
      version: this.latest?.version ?? null,
      state: this.latest ? state : state && state !== 'checked' ? state : 'waiting',
      tables: this.latest?.tables ?? [],
      stale: this.latest !== undefined && doc !== undefined && doc.version !== this.latest.version,
      strings: strings(),
    });
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri?.toString());
    if (editor) this.highlight(editor);
  }

  /** A message from the view (a test may post one as the view would). */
  async fromView(message: unknown): Promise<void> {
    const m = message as FromView | undefined;
    switch (m?.type) {
      case 'ready':
        this.post();
        break;
      case 'rendered':
        if (typeof m.uri === 'string' && typeof m.version === 'number' && Array.isArray(m.marked)) {
          this.lastRendered = { uri: m.uri, version: m.version, marked: m.marked };
          this.rendered.fire(this.lastRendered);
        }
        break;
      case 'select':
        if (typeof m.at === 'string') await this.select(m.at);
        break;
    }
  }

  /** The span a view address stands for, in the tables of the current version (none when the text moved on). */
  private spanOf(at: string): { start: number; end: number } | undefined {
    const tables = this.latest?.tables;
    const doc = this.document();
    if (!tables || !doc || doc.version !== this.latest?.version) return undefined;
    const [t, r, c] = at.split('.').map(Number);
    const table = tables[t];
    if (!table) return undefined;
    if (Number.isNaN(r)) return table.span;
    const row = table.rows[r];
    if (!row) return r >= table.rows.length ? table.unmatched[r - table.rows.length]?.span : undefined;
    if (Number.isNaN(c)) return row.span;
    const cell = c < row.cells.length ? row.cells[c] : row.extra[c - row.cells.length];
    // A missing cell has no text of its own: its row has.
    return cell?.span ?? row.span;
  }

  /** Selects the text of a cell (row, table) in the report's editor and reveals it. */
  private async select(at: string): Promise<void> {
    const span = this.spanOf(at);
    const doc = this.document();
    if (!span || !doc) return;
    const range = new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
    let editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    if (!editor) {
      const column = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
      editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: true });
    }
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Marks in the view the cell (or row, or table) under the editor's cursor. */
  private highlight(editor: vscode.TextEditor): void {
    if (!this.panel) return;
    const tables = this.latest?.tables;
    const at = tables && editor.document.version === this.latest?.version ? addressAt(tables, editor.document.offsetAt(editor.selection.active)) : null;
    void this.panel.webview.postMessage({ type: 'highlight', at });
  }

  private updateContext(): void {
    const paths = vscode.workspace.textDocuments
      .filter((d) => this.states.get(d.uri.toString()) === 'checked')
      .map((d) => resourcePath(d.uri))
      .sort();
    const value = JSON.stringify(paths);
    if (value === this.contextValue) return;
    this.contextValue = value;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, paths);
  }

  private html(webview: vscode.Webview): string {
    const media = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', f));
    const n = randomBytes(18).toString('base64');
    const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${n}';`;
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('tableView.css')}">
<title>${vscode.l10n.t('Tables')}</title>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${n}" src="${media('tableView.js')}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
