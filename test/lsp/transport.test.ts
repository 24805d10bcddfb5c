import * as assert from 'assert';
import { PassThrough } from 'stream';
import { StreamMessageReader, type Message } from 'vscode-languageserver/node';
import { WholeMessageWriter } from '../../server/src/lsp/transport';

describe('WholeMessageWriter (stdio)', () => {
  const messages: Message[] = [
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.txt', diagnostics: [{ message: '一、本年新收·总计 应为 5，实为 0 😀' }] } } as Message,
    { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'ok' } } as Message,
  ];

  it('writes each message as one chunk: header and body together, the length in UTF-8 bytes', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const writer = new WholeMessageWriter(out);
    for (const m of messages) await writer.write(m);
    assert.strictEqual(chunks.length, messages.length);
    chunks.forEach((chunk, i) => {
      const text = chunk.toString('utf8');
      const body = JSON.stringify(messages[i]);
      assert.strictEqual(text, `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
  });

  it('is read back by the library reader, in order', async () => {
    const pipe = new PassThrough();
    const reader = new StreamMessageReader(pipe);
    const read: Message[] = [];
    const all = new Promise<void>((resolve) =>
      reader.listen((m) => {
        read.push(m);
        if (read.length === messages.length) resolve();
      }),
    );
    const writer = new WholeMessageWriter(pipe);
    await Promise.all(messages.map((m) => writer.write(m)));
    await all;
    reader.dispose();
    assert.deepStrictEqual(read, messages);
  });

  it('rejects a message it cannot encode, writing nothing, and reports it as an error of the writer', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const writer = new WholeMessageWriter(out);
    const errors: Error[] = [];
    writer.onError(([e]) => errors.push(e));
    const cyclic: Record<string, unknown> = { jsonrpc: '2.0', method: 'x' };
    cyclic.params = cyclic;
    await assert.rejects(writer.write(cyclic as unknown as Message), TypeError);
    assert.strictEqual(errors.length, 1);
    await writer.write(messages[1]);
    assert.deepStrictEqual(chunks.map((c) => c.toString('utf8').split('\r\n\r\n')[1]), [JSON.stringify(messages[1])]);
  });

  it('reports a failed write as an error of the writer, with the message', async () => {
    const out = new PassThrough();
    const writer = new WholeMessageWriter(out);
    const errors: [Error, Message | undefined, number | undefined][] = [];
    writer.onError((e) => errors.push(e));
    out.destroy();
    await assert.rejects(writer.write(messages[1]));
    assert.strictEqual(errors.length >= 1, true);
    const withMessage = errors.find(([, m]) => m !== undefined);
    assert.deepStrictEqual(withMessage?.[1], messages[1]);
    assert.strictEqual(withMessage?.[2], 1);
  });
});
