/**
 * The floor for the LSP benchmark: a language server that does nothing but keep documents in
 * sync incrementally (the same TextDocuments as the real server) and publish an empty
 * diagnostic list for every version. Whatever the real server costs above this is ours.
 *
 * With REPORT_REVIEW_BENCH_PUBLISH naming a JSON file of diagnostics, it publishes those for
 * every version instead: what sending the real server's diagnostics costs, without checking.
 */
import { createConnection, TextDocuments, TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';

const replay = process.env.REPORT_REVIEW_BENCH_PUBLISH;
const diagnostics: Diagnostic[] = replay ? (JSON.parse(readFileSync(replay, 'utf8')) as Diagnostic[]) : [];

const connection = createConnection();
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
}));

documents.onDidChangeContent((e) => {
  void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics });
});

documents.listen(connection);
connection.listen();
