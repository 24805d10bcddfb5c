/**
 * The connection, with a look at each message as it arrives (before it waits in the queue):
 * the server uses it to know the newest version of a document that is on its way, so a check is
 * never spent on a version that a queued change has already replaced.
 */
import * as util from 'util';
import {
  AbstractMessageWriter,
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  type Connection,
  type DataCallback,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

class PeekingReader implements MessageReader {
  constructor(
    private readonly inner: MessageReader,
    private readonly peek: (message: Message) => void,
  ) {}
  get onError() {
    return this.inner.onError;
  }
  get onClose() {
    return this.inner.onClose;
  }
  get onPartialMessage() {
    return this.inner.onPartialMessage;
  }
  listen(callback: DataCallback) {
    return this.inner.listen((message) => {
      try {
        this.peek(message);
      } catch {
        // a look must never lose a message
      }
      callback(message);
    });
  }
  dispose(): void {
    this.inner.dispose();
  }
}

/**
 * Writes each message in one piece, header and body together. The library's stream writer
 * writes the header and then the body: two system calls, and a reader that may wake up twice.
 */
export class WholeMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (error: Error) => this.fireError(error));
    out.on('close', () => this.fireClose());
  }

  /** Never throws: a message that cannot be encoded or written rejects, and is an error of the writer. */
  write(msg: Message): Promise<void> {
    let chunk: Buffer;
    try {
      const json = JSON.stringify(msg);
      const size = Buffer.byteLength(json, 'utf8');
      const head = `Content-Length: ${size}\r\n\r\n`;
      chunk = Buffer.allocUnsafe(head.length + size);
      chunk.write(head, 0, 'latin1');
      chunk.write(json, head.length, 'utf8');
    } catch (error) {
      this.fireError(error);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.out.write(chunk, (error?: Error | null) => {
        if (!error) return resolve();
        this.fireError(error, msg, ++this.errors);
        reject(error);
      });
    });
  }

  end(): void {
    this.out.end();
  }
}

/**
 * `--node-ipc` and `--stdio` get a peeking reader; other transports (`--socket`, `--pipe`) the
 * library's own connection, without the look-ahead.
 */
export function createServerConnection(peek: (message: Message) => void): Connection {
  const argv = process.argv.slice(2);
  let reader: MessageReader;
  let writer: MessageWriter;
  if (argv.includes('--node-ipc')) {
    reader = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
  } else if (argv.includes('--stdio')) {
    reader = new StreamMessageReader(process.stdin);
    writer = new WholeMessageWriter(process.stdout);
    // stdout carries the protocol: anything printed goes to stderr instead.
    const toStderr = (...args: unknown[]) => void process.stderr.write(util.format(...args) + '\n');
    console.log = console.info = console.debug = console.warn = toStderr;
  } else {
    return createConnection(ProposedFeatures.all);
  }
  // A message that cannot be read (a header without a number for its length, a body that is not
  // JSON) means the client broke the protocol: the stream is out of step, and nothing after it
  // would be answered. Leave with an error, as a crash, so that the client starts a new server.
  reader.onError((error) => {
    process.stderr.write(`report-review-lsp：无法读取客户端发来的消息，退出。Cannot read a message from the client; exiting. ${String(error?.message ?? error).replace(/\s+/g, ' ')}\n`);
    process.exit(1);
  });
  const connection = createConnection(ProposedFeatures.all, new PeekingReader(reader, peek), writer);
  if (argv.includes('--stdio')) {
    // The client closed our input: leave, as the library does for a stdio stream. This takes the
    // connection's one onShutdown handler: the server must not register another.
    let shutdown = false;
    connection.onShutdown(() => {
      shutdown = true;
    });
    const leave = () => process.exit(shutdown ? 0 : 1);
    process.stdin.on('end', leave);
    process.stdin.on('close', leave);
  }
  return connection;
}
