/**
 * A small LSP client for the tests and the benchmark: starts a server script as a child process
 * over stdio and speaks JSON-RPC to it. Every wait is on an event, with a timeout.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import {
  createMessageConnection,
  ErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

/** What a full-featured editor (VS Code) announces. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    inlayHint: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: {},
    inlayHint: {},
  },
};

export interface StartOptions {
  script?: string;
  args?: string[];
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** Answer to `workspace/configuration` for the `reportReview` section, per scope URI. */
  settings?: (uri: string | undefined) => unknown;
  env?: NodeJS.ProcessEnv;
  /** Node options before the script (e.g. V8 flags). */
  execArgv?: string[];
  /** Workspace folder URIs sent with `initialize`. */
  workspaceFolders?: string[];
  /** Answer `client/registerCapability` with an error, as a client that cannot do what it announced. */
  refuseRegistrations?: boolean;
  /**
   * Keep no publishDiagnostics in `published` (a benchmark): one only reaches a waiter already
   * waiting when it arrives. By default all are kept; hundreds of large ones would grow this
   * process's heap, and its garbage collections would count as the server's latency.
   */
  forgetPublished?: boolean;
}

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly log: string[] = [];
  /** What the server registered with `client/registerCapability`. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  private waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private noteWaiters: { method: string; test: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  settings: (uri: string | undefined) => unknown;
  initializeResult!: InitializeResult;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
    opts: StartOptions,
  ) {
    this.settings = opts.settings ?? (() => ({}));
  }

  static async start(opts: StartOptions = {}): Promise<LspClient> {
    const proc = spawn(process.execPath, [...(opts.execArgv ?? []), opts.script ?? SERVER, ...(opts.args ?? ['--stdio'])], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: opts.env ?? { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', VSCODE_NLS_CONFIG: '' },
    });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, conn, opts);
    proc.stderr!.on('data', (d: Buffer) => client.log.push(d.toString()));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (!opts.forgetPublished) client.published.push(p);
      client.waiters = client.waiters.filter((w) => {
        if (!w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => client.log.push(p.message));
    conn.onNotification((method: string, params: unknown) => {
      client.notifications.push({ method, params });
      client.noteWaiters = client.noteWaiters.filter((w) => {
        if (w.method !== method || !w.test(params)) return true;
        w.resolve(params);
        return false;
      });
    });
    conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) =>
      p.items.map((i) => client.settings(i.scopeUri)),
    );
    conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...p.registrations.map((r) => ({ method: r.method, registerOptions: r.registerOptions })));
      return opts.refuseRegistrations ? new ResponseError(ErrorCodes.MethodNotFound, 'not here') : null;
    });
    conn.onRequest('workspace/inlayHint/refresh', () => null);
    conn.listen();
    client.initializeResult = await conn.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: opts.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
      capabilities: opts.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: opts.initializationOptions,
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  /** The next publishDiagnostics that passes `test` (including one already received if `past`). */
  waitFor(test: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 10000, past = true): Promise<PublishDiagnosticsParams> {
    if (past) {
      const hit = this.published.find(test);
      if (hit) return Promise.resolve(hit);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for publishDiagnostics\n${this.log.join('')}`));
      }, timeoutMs);
      const done = (p: PublishDiagnosticsParams) => {
        clearTimeout(timer);
        resolve(p);
      };
      this.waiters.push({ test, resolve: done });
    });
  }

  /** A notification other than publishDiagnostics (already received or the next one) that passes `test`. */
  notification<T>(method: string, test: (p: T) => boolean, timeoutMs = 10000): Promise<T> {
    const hit = this.notifications.find((n) => n.method === method && test(n.params as T));
    if (hit) return Promise.resolve(hit.params as T);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${method}`)), timeoutMs);
      this.noteWaiters.push({
        method,
        test: (p) => test(p as T),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p as T);
        },
      });
    });
  }

  diagnosticsFor(uri: string, version: number, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    return this.waitFor((p) => p.uri === uri && p.version === version, timeoutMs);
  }

  open(uri: string, text: string, languageId = 'gov-report', version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Writes notifications in one write (≤ 4 KB arrives as one chunk), so the server receives them together. */
  burst(notifications: { method: string; params: unknown }[]): void {
    const frames = notifications.map((n) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: n.method, params: n.params }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    const all = Buffer.concat(frames);
    if (all.length > 4096) throw new Error('a burst must fit in one pipe write (4 KB)');
    this.proc.stdin!.write(all);
  }

  /**
   * A request answered after everything sent before it: the server handles messages in order,
   * so whatever they made it send (diagnostics, log lines) has arrived by the time this resolves.
   */
  async roundTrip(): Promise<void> {
    await this.request('textDocument/hover', { textDocument: { uri: 'file:///round-trip.txt' }, position: { line: 0, character: 0 } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  /** shutdown + exit; kills the process if it does not leave in time. */
  async stop(timeoutMs = 5000): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) resolve();
      else this.proc.once('exit', () => resolve());
    });
    // Set before asking: a server that no longer answers is killed too.
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), timeoutMs);
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), exited]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    await exited;
    clearTimeout(timer);
    this.conn.dispose();
  }
}
