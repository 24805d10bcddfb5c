/**
 * The VS Code client: starts the language server (dist/server.js over node-ipc), registers the
 * commands and the language status item. No checking happens here.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID, SERVER_EXEC_ARGV, StatusNotification, type InitOptions, type StatusParams } from '../../server/src/lsp/protocol';
import { createReport, fixAllInFile, openRuleDocs, showSummary } from './commands';
import { DocumentTextProvider, openAsText, TEXT_SCHEME } from './documents';
import { ReportStatus } from './status';
import { TableView } from './tableView';
import { WorkspaceCheck } from './workspaceCheck';

let client: LanguageClient | undefined;

/**
 * Report files, plain text / Markdown and HTML pages that the server checks when they are
 * reports, and the report text of Word and PDF documents (TEXT_SCHEME).
 */
const SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', TEXT_SCHEME];
const LANGUAGES = [LANGUAGE_ID, 'plaintext', 'markdown'];
const TEXT_SELECTOR = LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => ({ language, scheme })));
export const DOCUMENT_SELECTOR = [...TEXT_SELECTOR, ...SCHEMES.map((scheme) => ({ language: 'html', scheme }))];

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitOptions = {
    extensionPath: context.extensionPath,
    displayLanguage: vscode.env.language,
    status: true,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    initializationOptions,
    diagnosticCollectionName: 'report-review',
    // The server registers its own watcher of report files (workspace/didChangeWatchedFiles).
  };
  // The id `reportReview` makes the client honour `reportReview.trace.server`.
  return new LanguageClient('reportReview', vscode.l10n.t('Report Review'), serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Report Review'));
  // Web pages that are not reports show no status item.
  const status = new ReportStatus(TEXT_SELECTOR);
  const workspaceCheck = new WorkspaceCheck(() => client, output);
  const tableView = new TableView(context.extensionUri);
  context.subscriptions.push(
    output,
    status,
    workspaceCheck,
    tableView,
    vscode.workspace.registerTextDocumentContentProvider(TEXT_SCHEME, new DocumentTextProvider(() => client)),
  );

  const start = async () => {
    client = createClient(context, output);
    client.onNotification(StatusNotification, (s: StatusParams) => {
      status.update(s);
      tableView.status(s);
    });
    tableView.attach(client);
    await client.start();
  };

  const run = (name: string, fn: (...args: unknown[]) => Promise<unknown>) =>
    vscode.commands.registerCommand(name, async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (error) {
        output.appendLine(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Report Review: {0} failed. See the output channel.', name));
      }
    });

  context.subscriptions.push(
    run('reportReview.checkWorkspace', () => workspaceCheck.run()),
    run('reportReview.fixAll', () => fixAllInFile(client)),
    run('reportReview.openRuleDocs', (alias) => openRuleDocs(context.extensionUri, alias)),
    run('reportReview.showSummary', () => showSummary(client)),
    run('reportReview.showTables', (uri) => tableView.show(uri instanceof vscode.Uri ? uri : undefined)),
    run('reportReview.newReport', () => createReport()),
    run('reportReview.openAsText', (uri) => openAsText(client, uri)),
    run('reportReview.restartServer', async () => {
      if (client) await client.restart();
      else await start();
    }),
  );

  try {
    await start();
  } catch (error) {
    output.appendLine(`start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Report Review: the language server did not start. See the output channel.'));
  }
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
