/**
 * "Check every report in the workspace": finds .txt/.md files (report files included) and HTML,
 * Word and PDF documents, reads them without opening editors, asks the server to check them and
 * fills the Problems panel for the files that are not open (open ones already get diagnostics
 * from the server). An HTML page's problems point at its cells; a Word or PDF document's at its
 * report text (opened, from the Problems panel, as a read-only view at the cell). Only regular
 * files within `reportReview.maxFileSize` (documents: 50 MB) are read; each file skipped is named
 * in the output channel with the reason.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CheckDocumentRequest,
  CheckFilesRequest,
  type CheckDocumentParams,
  type CheckDocumentResult,
  type CheckFilesParams,
  type CheckFilesResult,
} from '../../server/src/lsp/protocol';
import { decodeText } from '../../server/src/decode';
import { DEFAULT_MAX_DOCUMENT_SIZE, DEFAULT_MAX_FILE_SIZE, REPORT_GLOB, SKIP_DIR_NAMES, refusalFor, refusalText } from '../../server/src/files';
import { BINARY_DOCUMENT, DOCUMENT_EXTENSIONS, textUriOf } from './documents';

const EXCLUDE = `**/{${SKIP_DIR_NAMES.join(',')}}/**`;
const DOCUMENT_GLOB = `**/*.{${DOCUMENT_EXTENSIONS.join(',')}}`;
const isDocument = (uri: vscode.Uri) => new RegExp(`\\.(${DOCUMENT_EXTENSIONS.join('|')})$`, 'i').test(uri.path);
const BATCH = 25;

/** What a run found; the command returns it. */
export interface WorkspaceCheckResult {
  /** Files found that are not open. */
  files: number;
  reports: number;
  problems: number;
  skipped: { uri: string; reason: string }[];
}

/**
 * Why a file is not read, checked before reading it: a device or a named pipe may never end,
 * and a file over `reportReview.maxFileSize` is not checked when open either. Undefined: read it.
 */
async function skipReason(uri: vscode.Uri): Promise<string | undefined> {
  const stat = await vscode.workspace.fs.stat(uri);
  const kind = stat.type & vscode.FileType.File ? 'file' : stat.type & vscode.FileType.Directory ? 'directory' : 'other';
  const max = isDocument(uri)
    ? DEFAULT_MAX_DOCUMENT_SIZE
    : vscode.workspace.getConfiguration('reportReview', uri).get<number>('maxFileSize', DEFAULT_MAX_FILE_SIZE);
  const refusal = refusalFor(kind, stat.size, max);
  return refusal && refusalText(refusal, vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
}

export class WorkspaceCheck implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('report-review-workspace');
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly output: vscode.OutputChannel,
  ) {
    // Once a file is open the server reports on it; drop the workspace-check copy.
    this.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => this.collection.delete(d.uri)));
  }

  async run(): Promise<WorkspaceCheckResult | undefined> {
    const client = this.client();
    if (!client) return undefined;
    const files = [...(await vscode.workspace.findFiles(REPORT_GLOB, EXCLUDE)), ...(await vscode.workspace.findFiles(DOCUMENT_GLOB, EXCLUDE))];
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const todo = files.filter((f) => !open.has(f.toString()));
    this.collection.clear();
    let reports = 0;
    let problems = 0;
    const skipped: WorkspaceCheckResult['skipped'] = [];
    const skip = (uri: vscode.Uri, reason: string) => {
      skipped.push({ uri: uri.toString(), reason });
      this.output.appendLine(vscode.l10n.t('Skipped {0}: {1}', vscode.workspace.asRelativePath(uri), reason));
    };
    const cancelled = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking reports in the workspace'), cancellable: true },
      async (progress, token) => {
        for (let i = 0; i < todo.length; i += BATCH) {
          if (token.isCancellationRequested) return true;
          const batch = todo.slice(i, i + BATCH);
          const params: CheckFilesParams = { files: [] };
          for (const uri of batch) {
            try {
              const reason = await skipReason(uri);
              if (reason) skip(uri, reason);
              else if (isDocument(uri)) {
                const found = await this.checkDocument(client, uri, token);
                if (typeof found === 'string') skip(uri, found);
                else if (found !== undefined) {
                  reports++;
                  problems += found;
                }
              } else params.files.push({ uri: uri.toString(), text: decodeText(await vscode.workspace.fs.readFile(uri)).text });
            } catch (error) {
              // deleted meanwhile, no permission
              skip(uri, vscode.l10n.t('cannot be read: {0}', error instanceof Error ? error.message : String(error)));
            }
          }
          const result = await client.sendRequest<CheckFilesResult>(CheckFilesRequest, params, token);
          for (const f of result?.files ?? []) {
            reports++;
            const diagnostics = await client.protocol2CodeConverter.asDiagnostics(f.diagnostics as never[]);
            problems += diagnostics.length;
            this.collection.set(vscode.Uri.parse(f.uri), diagnostics);
          }
          progress.report({
            increment: (batch.length / Math.max(todo.length, 1)) * 100,
            message: vscode.l10n.t('{0} of {1} files', Math.min(i + BATCH, todo.length), todo.length),
          });
        }
        return false;
      },
    );
    if (cancelled) return undefined;
    const checked = todo.length - skipped.length;
    void vscode.window.showInformationMessage(
      skipped.length === 0
        ? vscode.l10n.t('Checked {0} files that are not open: {1} reports, {2} problems.', checked, reports, problems)
        : vscode.l10n.t(
            'Checked {0} files that are not open: {1} reports, {2} problems. Skipped {3} (see the output channel).',
            checked,
            reports,
            problems,
            skipped.length,
          ),
    );
    return { files: todo.length, reports, problems, skipped };
  }

  /** Checks a document: the number of its problems, undefined when it is no report, or why it cannot be read. */
  private async checkDocument(client: LanguageClient, uri: vscode.Uri, token: vscode.CancellationToken): Promise<number | string | undefined> {
    const params: CheckDocumentParams = { uri: uri.toString(), data: Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('base64') };
    const target = BINARY_DOCUMENT.test(uri.path) ? textUriOf(uri) : uri;
    if (target !== uri) params.textUri = target.toString();
    const r = await client.sendRequest<CheckDocumentResult>(CheckDocumentRequest, params, token);
    if (r.message) return r.message;
    if (!r.report) return undefined;
    const diagnostics = await client.protocol2CodeConverter.asDiagnostics(r.diagnostics as never[]);
    this.collection.set(target, diagnostics);
    return diagnostics.length;
  }

  dispose(): void {
    this.collection.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
