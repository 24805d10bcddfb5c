/**
 * "Check every report in the workspace": finds .txt/.md files (report files included), reads
 * them without opening editors, asks the server to check them and fills the Problems panel for
 * the files that are not open (open ones already get diagnostics from the server).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckFilesRequest, type CheckFilesParams, type CheckFilesResult } from '../../server/src/lsp/protocol';
import { decodeText } from '../../server/src/decode';
import { REPORT_GLOB, SKIP_DIR_NAMES } from '../../server/src/files';

const EXCLUDE = `**/{${SKIP_DIR_NAMES.join(',')}}/**`;
const BATCH = 25;

export class WorkspaceCheck implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('report-review-workspace');
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    // Once a file is open the server reports on it; drop the workspace-check copy.
    this.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => this.collection.delete(d.uri)));
  }

  async run(): Promise<void> {
    const client = this.client();
    if (!client) return;
    const files = await vscode.workspace.findFiles(REPORT_GLOB, EXCLUDE);
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const todo = files.filter((f) => !open.has(f.toString()));
    this.collection.clear();
    let reports = 0;
    let problems = 0;
    const cancelled = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking reports in the workspace'), cancellable: true },
      async (progress, token) => {
        for (let i = 0; i < todo.length; i += BATCH) {
          if (token.isCancellationRequested) return true;
          const batch = todo.slice(i, i + BATCH);
          const params: CheckFilesParams = { files: [] };
          for (const uri of batch) {
            try {
              params.files.push({ uri: uri.toString(), text: decodeText(await vscode.workspace.fs.readFile(uri)).text });
            } catch {
              // unreadable (deleted meanwhile, permissions): skip it
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
    if (cancelled) return;
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Checked {0} files that are not open: {1} reports, {2} problems.', todo.length, reports, problems),
    );
  }

  dispose(): void {
    this.collection.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
