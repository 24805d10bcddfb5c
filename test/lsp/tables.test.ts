/**
 * The table view's feed over LSP: `reportReview/watchTables` names the documents a view shows;
 * the server sends `reportReview/tables` with the grids of the check whose diagnostics it
 * published, for that exact version, and nothing for documents no view shows.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { check, formatMessage, LineIndex, type GridTable } from '../../server/src/core/index';
import type { TablesParams } from '../../server/src/lsp/protocol';
import { LspClient, ROOT } from './client';
import { seedText, seedUri } from './fixtures';

const TABLES = 'reportReview/tables';
const SEED1 = '001_b58105edacdfa4c5.txt';
const SEED0 = '000_540e64cb95a423eb.txt';

/** Every cell not ok, as `row column state raw expected`. */
function marked(tables: GridTable[]): string[] {
  return tables.flatMap((t) =>
    t.rows.flatMap((r) => r.cells.filter((c) => c.state !== 'ok').map((c) => `${r.key} ${c.column} ${c.state} ${c.raw} ${c.expected ?? '-'}`)),
  );
}

describe('table view feed (reportReview/tables)', function () {
  this.timeout(20000);
  let client: LspClient;

  beforeEach(async () => {
    client = await LspClient.start({ initializationOptions: { status: true } });
  });
  afterEach(async () => {
    await client.stop();
  });

  const tablesOf = (uri: string, version: number) =>
    client.notification<TablesParams>(TABLES, (p) => p.uri === uri && p.version === version);

  it('sends the grids of a watched document with each check: seed 001 shows its dropped cell, then a wrong total typed into it', async () => {
    const uri = seedUri(SEED1);
    const text = seedText(SEED1);
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    // Watched after its first check: the tables of the current version come at once.
    await client.conn.sendNotification('reportReview/watchTables', { uris: [uri] });
    const first = await tablesOf(uri, 1);
    assert.strictEqual(first.state, 'checked');
    const tables = first.tables;
    assert.deepStrictEqual(tables.map((t) => [t.id, t.state, t.rows.length]), [['t2', 'read', 6], ['t3', 'read', 25], ['t4', 'read', 1]]);
    // （五）2.重复申请 has six zeros of seven: the seventh is missing (0, whichever column it was).
    assert.deepStrictEqual(marked(tables), ['t3.r5.2 总计 missing  0']);
    const row = tables[1].rows.find((r) => r.key === 't3.r5.2')!;
    assert.strictEqual(row.placed, false);
    const problem = check(text).problems.find((p) => p.rule === 'missing-cell')!;
    assert.deepStrictEqual(row.notes, [formatMessage(problem.message, 'zh-CN')]);
    assert.strictEqual(text.slice(row.span!.start, row.span!.end), '2.重复申请 0 0 0 0 0 0');

    // （七）总计's 总计 column typed as 99: version 2's tables mark it with 29, and the balance's cell.
    const index = new LineIndex(text);
    const at = text.indexOf('（七）总计 29 0 0 0 0 0 29') + '（七）总计 29 0 0 0 0 0 '.length;
    await client.change(uri, 2, [{ range: { start: index.positionAt(at), end: index.positionAt(at + 2) }, text: '99' }]);
    const published = await client.diagnosticsFor(uri, 2);
    const second = await tablesOf(uri, 2);
    assert.ok(published.diagnostics.some((d) => d.code === 'row-total'));
    assert.deepStrictEqual(marked(second.tables), [
      't3.r5.2 总计 missing  0',
      't3.total 总计 wrong 99 29',
      't3.next 总计 wrong 1 -',
    ]);
    const wrong = second.tables[1].rows.find((r) => r.key === 't3.total')!.cells[6];
    assert.deepStrictEqual(wrong.span, { start: at, end: at + 2 });
    // One check per version: one tables notification each.
    assert.strictEqual(client.notifications.filter((n) => n.method === TABLES).length, 2);
  });

  it('sends nothing for a document no view shows, nor after the view closes', async () => {
    const shown = seedUri(SEED1);
    const other = seedUri(SEED0);
    await client.conn.sendNotification('reportReview/watchTables', { uris: [shown] });
    await client.open(other, seedText(SEED0));
    await client.open(shown, seedText(SEED1));
    await tablesOf(shown, 1);
    await client.diagnosticsFor(other, 1);
    await client.conn.sendNotification('reportReview/watchTables', { uris: [] });
    await client.change(shown, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    await client.diagnosticsFor(shown, 2);
    await client.roundTrip();
    const sent = client.notifications.filter((n) => n.method === TABLES).map((n) => [(n.params as TablesParams).uri, (n.params as TablesParams).version]);
    assert.deepStrictEqual(sent, [[shown, 1]]);
  });

  it('an HTML page checked in place: the span of every cell is its number in the page', async () => {
    const uri = 'file:///reports/005.html';
    const page = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'formats', 'html', '005_pingtan_xingzhengshenpi_2024.html'), 'utf8');
    await client.conn.sendNotification('reportReview/watchTables', { uris: [uri] });
    await client.open(uri, page, 'html');
    const p = await tablesOf(uri, 1);
    assert.deepStrictEqual(p.tables.map((t) => t.state), ['read', 'read', 'read']);
    const cells = p.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).filter((c) => c.span && c.raw);
    assert.ok(cells.length > 60, `${cells.length} cells`);
    assert.deepStrictEqual(cells.filter((c) => page.slice(c.span!.start, c.span!.end) !== c.raw), []);
  });

  it('says why a watched document has no tables: not a report', async () => {
    const uri = 'file:///notes/readme.txt';
    await client.conn.sendNotification('reportReview/watchTables', { uris: [uri] });
    await client.open(uri, '会议纪要\n今天讨论了三件事。\n', 'plaintext');
    const p = await tablesOf(uri, 1);
    assert.deepStrictEqual(p, { uri, version: 1, state: 'not-report', tables: [] });
  });
});
