/**
 * Reports in Word, PDF and HTML documents. The language server reads them (its readers load only
 * when a document of their kind is read); here they become report text: a read-only view of a
 * document's text (scheme `report-review-text`, where the workspace check puts a document's
 * problems), and `reportReview.openAsText`, which opens that text as an editable draft.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExtractRequest, LANGUAGE_ID, type ExtractParams, type ExtractResult } from '../../server/src/lsp/protocol';

export const TEXT_SCHEME = 'report-review-text';
/** Documents the readers take. */
export const DOCUMENT_EXTENSIONS = ['html', 'htm', 'docx', 'pdf'];
/** Documents whose problems are shown on their text (an HTML page's are shown on the page). */
export const BINARY_DOCUMENT = /\.(docx|pdf)$/i;

/** The URI of a document's report text: its path with `.report.txt` after it; the document's URI as the query. */
export function textUriOf(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: TEXT_SCHEME, path: `${source.path}.report.txt`, query: source.toString() });
}

/** A document's report text, or why it has none (a scanned PDF, a .doc file, a damaged file). */
export async function extractText(client: LanguageClient, source: vscode.Uri): Promise<ExtractResult> {
  const bytes = await vscode.workspace.fs.readFile(source);
  const params: ExtractParams = { uri: source.toString(), data: Buffer.from(bytes).toString('base64') };
  return client.sendRequest<ExtractResult>(ExtractRequest, params);
}

/** The read-only report text of a document, by `textUriOf`. */
export class DocumentTextProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly client: () => LanguageClient | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const client = this.client();
    if (!client) throw new Error(vscode.l10n.t('The language server is not running.'));
    const r = await extractText(client, vscode.Uri.parse(uri.query, true));
    if (!r.ok) throw new Error(r.message);
    return r.text;
  }
}

/** `name.report.txt` beside the document, or `name (2).report.txt` … when that exists. */
async function draftUri(source: vscode.Uri): Promise<vscode.Uri> {
  const base = source.path.replace(/\.[^./]*$/, '');
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  for (let n = 1; ; n++) {
    const candidate = source.with({ path: `${base}${n > 1 ? ` (${n})` : ''}.report.txt`, query: '', fragment: '' });
    const draft = candidate.with({ scheme: 'untitled' });
    if (open.has(draft.toString())) continue;
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return draft;
    }
  }
}

/** The document a command was run on: the explorer's or editor title's file, the active editor's, or one picked. */
async function documentToOpen(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document.uri ?? activeTabUri();
  if (active && new RegExp(`\\.(${DOCUMENT_EXTENSIONS.join('|')})$`, 'i').test(active.path)) return active;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    title: vscode.l10n.t('Open a report as text'),
    filters: { [vscode.l10n.t('Reports (Word, PDF, web pages)')]: DOCUMENT_EXTENSIONS },
  });
  return picked?.[0];
}

/** The file of the active tab when it is not a text editor (a PDF or Word file shown as binary). */
function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input && typeof input === 'object' && 'uri' in input && input.uri instanceof vscode.Uri ? input.uri : undefined;
}

/**
 * `reportReview.openAsText`: opens a document's report text beside it as an untitled draft
 * (`name.report.txt`, checked as a report), or says why the document has none.
 */
export async function openAsText(client: LanguageClient | undefined, arg?: unknown): Promise<vscode.TextEditor | undefined> {
  if (!client) return undefined;
  const source = await documentToOpen(arg);
  if (!source) return undefined;
  const r = await extractText(client, source);
  if (!r.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Report Review: {0} cannot be read: {1}', vscode.workspace.asRelativePath(source), r.message));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(await draftUri(source));
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside });
  await editor.edit((e) => e.insert(new vscode.Position(0, 0), r.text));
  if (doc.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  for (const w of r.warnings) void vscode.window.showWarningMessage(w);
  return editor;
}
