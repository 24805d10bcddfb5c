/**
 * The connection, with a look at each message as it arrives (before it waits in the queue):
 * the server uses it to know the newest version of a document that is on its way, so a check is
 * never spent on a version that a queued change has already replaced.
 */
import * as util from 'util';
import {
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
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
    writer = new StreamMessageWriter(process.stdout);
    // stdout carries the protocol: anything printed goes to stderr instead.
    const toStderr = (...args: unknown[]) => void process.stderr.write(util.format(...args) + '\n');
    console.log = console.info = console.debug = console.warn = toStderr;
  } else {
    return createConnection(ProposedFeatures.all);
  }
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
