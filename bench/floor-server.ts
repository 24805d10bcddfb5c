/**
 * The floor for the LSP benchmark: a language server that does nothing but keep documents in
 * sync incrementally (the same TextDocuments as the real server) and publish an empty
 * diagnostic list for every version, over the same stdio transport as the real server (its
 * reader, and its writer of whole messages). Whatever the real server costs above this is ours.
 */
import { createConnection, StreamMessageReader, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WholeMessageWriter } from '../server/src/lsp/transport';

const connection = createConnection(new StreamMessageReader(process.stdin), new WholeMessageWriter(process.stdout));
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
}));

documents.onDidChangeContent((e) => {
  void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
