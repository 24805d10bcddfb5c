/**
 * The floor for the LSP benchmark: a language server that does nothing but keep documents in
 * sync incrementally (the same TextDocuments as the real server) and publish an empty
 * diagnostic list for every version. Whatever the real server costs above this is ours.
 */
import { createConnection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
}));

documents.onDidChangeContent((e) => {
  void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
