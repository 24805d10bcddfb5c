/** Last year's report of the same body among the workspace files feeds the cross-year rule. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient } from './client';
import { SEEDS_DIR, zh } from './fixtures';

const SEED = path.join(SEEDS_DIR, '001_b58105edacdfa4c5.txt');

describe('cross-year from the workspace', function () {
  this.timeout(30000);
  let dir: string;
  let client: LspClient | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-ws-'));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const thisYear = () => fs.readFileSync(SEED, 'utf8').replace('格尔木市2024 年', '格尔木市2025 年');

  it("compares with last year's report of the same body found in the workspace", async () => {
    fs.mkdirSync(path.join(dir, '2024'));
    fs.copyFileSync(SEED, path.join(dir, '2024', 'report.txt'));
    const uri = pathToFileURL(path.join(dir, '2025.txt')).href;
    fs.writeFileSync(path.join(dir, '2025.txt'), thisYear());
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
    const waiting = client.diagnosticsFor(uri, 1);
    await client.open(uri, thisYear(), 'plaintext', 1);
    const d = (await waiting).diagnostics.filter((x) => x.code === 'cross-year');
    assert.deepStrictEqual(
      d.map((x) => x.message),
      [
        zh('crossYearRepeated', { percent: 100 }),
        zh('crossYearInForce', { row: '行政规范性文件', value: 26, previous: 26, made: 8, repealed: 5, expected: 29 }),
        zh('crossYearCarried', { col: '自然人', value: '0', previous: 1 }),
        zh('crossYearCarried', { col: '总计', value: '0', previous: 1 }),
      ],
    );
  });

  it('asks the client to watch report files, when it can watch for the server', async () => {
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
    await client.roundTrip();
    assert.deepStrictEqual(
      client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles'),
      [{ method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [{ globPattern: '**/*.{txt,md}' }] } }],
    );
  });

  it('keeps working, and says why in its log, when the client refuses to watch files for it', async () => {
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href], refuseRegistrations: true });
    const uri = pathToFileURL(path.join(dir, '2025.txt')).href;
    const opened = client.diagnosticsFor(uri, 1);
    await client.open(uri, thisYear(), 'plaintext', 1);
    assert.ok((await opened).diagnostics.length > 0);
    // The refusal reached the server before the diagnostics reached us; its log line comes before the answer.
    await client.roundTrip();
    assert.ok(client.log.some((l) => l.includes('registering the report file watcher failed')), client.log.join(''));
    assert.ok(!client.log.some((l) => l.includes('uncaught')), client.log.join(''));
  });

  it('follows file events: last year\'s report appearing in a workspace with no report, changing and going away', async () => {
    // This year's report is open but not saved: the workspace holds no report at first.
    const uri = pathToFileURL(path.join(dir, '2025.txt')).href;
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
    const c = client;
    const opened = c.diagnosticsFor(uri, 1);
    await c.open(uri, thisYear(), 'plaintext', 1);
    const crossYear = (p: { diagnostics: { code?: unknown; message: string }[] }) => p.diagnostics.filter((x) => x.code === 'cross-year').map((x) => x.message);
    assert.deepStrictEqual(crossYear(await opened), []);
    const last = path.join(dir, '2024', 'report.txt');
    /** Tells the server about `last` and returns the diagnostics it publishes again. */
    const event = async (type: 1 | 2 | 3) => {
      const next = c.waitFor((p) => p.uri === uri, 10000, false);
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(last).href, type }] });
      return crossYear(await next);
    };

    fs.mkdirSync(path.dirname(last));
    fs.copyFileSync(SEED, last);
    assert.strictEqual((await event(1)).length, 4);
    fs.writeFileSync(last, fs.readFileSync(SEED, 'utf8').replace('四、结转下年度继续办理 1 0 0 0 0 0 1', '四、结转下年度继续办理 0 0 0 0 0 0 0'));
    assert.deepStrictEqual(await event(2), [
      zh('crossYearRepeated', { percent: 100 }),
      zh('crossYearInForce', { row: '行政规范性文件', value: 26, previous: 26, made: 8, repealed: 5, expected: 29 }),
    ]);
    fs.rmSync(last);
    assert.deepStrictEqual(await event(3), []);
  });

  it('does not check again when a report other than last year\'s is saved', async () => {
    fs.mkdirSync(path.join(dir, '2024'));
    fs.copyFileSync(SEED, path.join(dir, '2024', 'report.txt'));
    const file = path.join(dir, '2025.txt');
    const uri = pathToFileURL(file).href;
    fs.writeFileSync(file, thisYear());
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
    const opened = client.diagnosticsFor(uri, 1);
    await client.open(uri, thisYear(), 'plaintext', 1);
    await opened;
    const before = client.published.length;
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    // A check caused by the event would be published before the answer.
    await client.roundTrip();
    assert.strictEqual(client.published.length, before);
  });

  it('says nothing when the workspace has no report of the previous year', async () => {
    const uri = pathToFileURL(path.join(dir, '2025.txt')).href;
    fs.writeFileSync(path.join(dir, '2025.txt'), thisYear());
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).href] });
    const waiting = client.diagnosticsFor(uri, 1);
    await client.open(uri, thisYear(), 'plaintext', 1);
    assert.deepStrictEqual((await waiting).diagnostics.filter((x) => x.code === 'cross-year'), []);
  });
});
