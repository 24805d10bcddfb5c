/** The tables as the template's grids (`tableGrids`): rows, columns, cells with spans and states. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { check, tableGrids, type GridCell, type GridTable } from '../../server/src/core';
import { FIXTURES, SEED_IDS, lineOf as lineOf1, loadFixture, replaceOnce, seed, seed001Complete, en, zh } from './helpers';

const grids = (text: string) => tableGrids(check(text));
const table = (text: string, id: string): GridTable => grids(text).find((t) => t.id === id)!;
const row = (t: GridTable, key: string) => t.rows.find((r) => r.key === key)!;
/** A cell in short: state, raw and (when there is one) the expected value. */
const brief = (c: GridCell) => `${c.state}:${c.raw}${c.expected === undefined ? '' : `→${c.expected}`}`;
/** 0-based line (grids count lines as LSP does). */
const lineOf = (text: string, needle: string) => lineOf1(text, needle) - 1;
const original = (report: string, name: string) => fs.readFileSync(path.join(FIXTURES, 'originals', report, name), 'utf8');

describe('tableGrids', () => {
  it('every template row and column with the template’s labels (seed 001)', () => {
    const [t2, t3, t4] = grids(seed('001'));
    assert.deepStrictEqual([t2.id, t3.id, t4.id], ['t2', 't3', 't4']);
    assert.deepStrictEqual([t2.state, t3.state, t4.state], ['read', 'read', 'read']);
    assert.strictEqual(t3.title, zh('table.t3'));
    // 25 rows: the template's, without the old single （六）其他处理 row the report does not use.
    assert.strictEqual(t3.rows.length, 25);
    assert.deepStrictEqual(t3.columns.map((c) => c.label), ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    assert.deepStrictEqual(row(t3, 't3.r3.4').groups, ['三、本年度办理结果', '（三）不予公开']);
    assert.deepStrictEqual(row(t3, 't3.total').groups, ['三、本年度办理结果']);
    assert.deepStrictEqual(row(t3, 't3.next').groups, []);
    assert.strictEqual(row(t3, 't3.r6.1').label, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    assert.deepStrictEqual(t4.columns.slice(4, 6), [{ label: '总计', group: '行政复议' }, { label: '结果维持', group: '行政诉讼·未经复议直接起诉' }]);
    assert.deepStrictEqual(t4.rows[0].cells.map((c) => c.raw), ['6', '0', '4', '1', '11', '1', '0', '0', '0', '1', '0', '1', '0', '0', '1']);
    // Table 二: each sub-table's caption and header, the one-number rows naming their column.
    assert.deepStrictEqual(
      t2.rows.map((r) => [r.key, r.caption ?? '', r.cells.map((c) => `${c.column}=${c.raw}`).join(' ')]),
      [
        ['t2.rules', '第二十条第（一）项', '本年制发件数=0 本年废止件数=0 现行有效件数=0'],
        ['t2.norms', '', '本年制发件数=8 本年废止件数=5 现行有效件数=26'],
        ['t2.permit', '第二十条第（五）项', '本年处理决定数量=63292'],
        ['t2.penalty', '第二十条第（六）项', '本年处理决定数量=2538'],
        ['t2.force', '', '本年处理决定数量=33'],
        ['t2.fee', '第二十条第（八）项', '本年收费金额=3883.30'],
      ],
    );
    assert.deepStrictEqual(row(t2, 't2.fee').header, ['信息内容', '本年收费金额（单位：万元）']);
  });

  it('each cell’s span and lines are where its number is written (every seed)', () => {
    for (const id of SEED_IDS) {
      const text = seed(id);
      for (const t of grids(text)) {
        for (const r of t.rows) {
          for (const c of [...r.cells, ...r.extra]) {
            if (c.state === 'missing') {
              assert.strictEqual(c.span, undefined);
              continue;
            }
            assert.strictEqual(text.slice(c.span!.start, c.span!.end), c.raw, `${id} ${r.key} ${c.column}`);
            assert.strictEqual(c.lines!.start, text.slice(0, c.span!.start).split('\n').length - 1);
          }
        }
      }
    }
  });

  it('seed 001’s dropped cell: the row’s six numbers in the order read, the missing one last and 0', () => {
    const text = seed('001');
    const r = row(table(text, 't3'), 't3.r5.2');
    assert.strictEqual(r.state, 'present');
    // All six numbers are 0: which column lost its 0 cannot be told, so the cells are not placed.
    assert.strictEqual(r.placed, false);
    assert.deepStrictEqual(r.cells.map(brief), ['ok:0', 'ok:0', 'ok:0', 'ok:0', 'ok:0', 'ok:0', 'missing:→0']);
    assert.deepStrictEqual(r.notes, [zh('missingCell', { row: '（五）2.重复申请', expected: 7, actual: 6 })]);
    assert.deepStrictEqual(r.lines, { start: lineOf(text, '2.重复申请'), end: lineOf(text, '2.重复申请') });
    // Every other cell of the seed's three tables is ok.
    const others = grids(text).flatMap((t) => t.rows.filter((x) => x.key !== 't3.r5.2').flatMap((x) => x.cells));
    assert.deepStrictEqual([...new Set(others.map((c) => c.state))], ['ok']);
  });

  it('a dropped number the identities determine: placed in its column, with its value', () => {
    const text = replaceOnce(seed001Complete(), '（一）予以公开 10 0 0 0 0 0 10', '（一）予以公开 0 0 0 0 0 10');
    const r = row(table(text, 't3'), 't3.r1');
    assert.strictEqual(r.placed, true);
    assert.deepStrictEqual(r.cells.map(brief), ['missing:→10', 'ok:0', 'ok:0', 'ok:0', 'ok:0', 'ok:0', 'ok:10']);
    assert.strictEqual(r.cells[0].column, '自然人');
  });

  it('a broken total: wrong, with the value it should have and the identity in words', () => {
    const text = replaceOnce(seed001Complete(), '（一）予以公开 10 0 0 0 0 0 10', '（一）予以公开 10 0 0 0 0 0 11');
    const t3 = table(text, 't3');
    const wrong = t3.rows.flatMap((r) => r.cells.filter((c) => c.state === 'wrong').map((c) => ({ row: r.key, ...c })));
    const at = text.indexOf('（一）予以公开 10 0 0 0 0 0 11') + '（一）予以公开 10 0 0 0 0 0 '.length;
    const line = lineOf(text, '（一）予以公开');
    const total = text.indexOf('（七）总计 29 0 0 0 0 0 29') + '（七）总计 29 0 0 0 0 0 '.length;
    assert.deepStrictEqual(wrong, [
      { row: 't3.r1', column: '总计', state: 'wrong', raw: '11', value: 11, span: { start: at, end: at + 2 }, lines: { start: line, end: line }, expected: 10, notes: [zh('rowTotal', { expected: 10, parts: '', actual: '11', row: '（一）予以公开' })] },
      {
        row: 't3.total', column: '总计', state: 'wrong', raw: '29', value: 29, span: { start: total, end: total + 2 },
        lines: { start: lineOf(text, '（七）总计'), end: lineOf(text, '（七）总计') }, expected: 30, notes: [zh('resultsTotal', { expected: 30, parts: '（11+2+1+16）', actual: '29', col: '总计' })],
      },
    ]);
  });

  it('a wrong cell is one a rule reported: with the rule turned off the cell is ok', () => {
    const text = replaceOnce(seed001Complete(), '（一）予以公开 10 0 0 0 0 0 10', '（一）予以公开 10 0 0 0 0 0 11');
    const cells = (rules: Record<string, 'off'>) => row(tableGrids(check(text, { rules })).find((t) => t.id === 't3')!, 't3.r1').cells.map(brief);
    assert.deepStrictEqual(cells({}).slice(6), ['wrong:11→10']);
    assert.deepStrictEqual(cells({ 'row-total': 'off' }).slice(6), ['ok:11']);
  });

  it('the balance: 四、结转下年度 is wrong, expected 一 + 二 − （七）', () => {
    const text = replaceOnce(seed001Complete(), '结转下年度继续办理 1 0 0 0 0 0 1', '结转下年度继续办理 1 0 0 0 0 0 3');
    const next = row(table(text, 't3'), 't3.next');
    assert.deepStrictEqual(next.cells.map(brief), ['ok:1', 'ok:0', 'ok:0', 'ok:0', 'ok:0', 'ok:0', 'wrong:3→1']);
    assert.deepStrictEqual(next.cells[6].notes, [
      zh('rowTotal', { expected: 1, parts: '', actual: '3', row: '四、结转下年度' }),
      zh('balance', { col: '总计', new: 30, carried: 0, total: 29, next: 3 }),
    ]);
  });

  it('blank and invalid cells', () => {
    const text = replaceOnce(seed001Complete(), '（一）予以公开 10 0 0 0 0 0 10', '（一）予以公开\t10\t\t0\t0\t0\t0\t10');
    assert.deepStrictEqual(row(table(text, 't3'), 't3.r1').cells.map(brief), ['ok:10', 'blank:', 'ok:0', 'ok:0', 'ok:0', 'ok:0', 'ok:10']);
    const bad = replaceOnce(seed001Complete(), '（一）予以公开 10 0 0 0 0 0 10', '（一）予以公开 10 0 0 -1 0 0 10');
    assert.deepStrictEqual(row(table(bad, 't3'), 't3.r1').cells.map(brief), ['ok:10', 'ok:0', 'ok:0', 'invalid:-1', 'ok:0', 'ok:0', 'ok:10']);
  });

  it('a missing row: marked, without cells, with its finding', () => {
    const text = loadFixture('missing-row-tabs.txt').text;
    const t3 = table(text, 't3');
    assert.strictEqual(t3.rows.length, 25);
    const r = row(t3, 't3.r5.2');
    assert.deepStrictEqual(
      { state: r.state, cells: r.cells, span: r.span, notes: r.notes },
      { state: 'missing', cells: [], span: undefined, notes: [zh('missingRow', { table: '@table.t3', row: '2.重复申请' })] },
    );
    assert.deepStrictEqual(row(t3, 't3.r5.1').cells.map((c) => c.raw), ['4', '0', '0', '0', '0', '0', '4']);
  });

  it('a table the reader could not line up: described as such, with the reason, no cells', () => {
    const text = original('004_pingtan_jinjingpianqu_2024', 'pdf-raw.txt');
    const t3 = table(text, 't3');
    assert.deepStrictEqual(
      { state: t3.state, reason: t3.reason, rows: t3.rows, startLine: t3.lines?.start },
      {
        state: 'layout',
        reason: zh('tableLayoutOrphans', { table: '@table.t3', count: 3 }),
        rows: [],
        startLine: lineOf(text, '一、本年新收政府信息公开申请数量'),
      },
    );
    assert.deepStrictEqual(grids(text).map((t) => t.state), ['read', 'layout', 'read']);
  });

  it('a table not found: missing, with the reason', () => {
    const t3 = table(loadFixture('missing-table-table3.txt').text, 't3');
    assert.deepStrictEqual(
      { state: t3.state, reason: t3.reason, rows: t3.rows },
      { state: 'missing', reason: zh('missingTable', { table: '@table.t3' }), rows: [] },
    );
    const none = tableGrids(check('一段不是年报的文字。\n'), 'en');
    assert.deepStrictEqual(none.map((t) => [t.state, t.reason]), [
      ['missing', en('gridNotFound', { table: en('table.t2') })],
      ['missing', en('gridNotFound', { table: en('table.t3') })],
      ['missing', en('gridNotFound', { table: en('table.t4') })],
    ]);
  });

  it('plain JSON: the same after a round trip; the same from a result that went over the wire', () => {
    const result = check(seed('001'));
    const g = tableGrids(result);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(g)), g);
    // A result rebuilt from JSON (no internals) describes the same grids.
    assert.deepStrictEqual(tableGrids(JSON.parse(JSON.stringify(result))), g);
  });
});
