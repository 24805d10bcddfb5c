import * as assert from 'assert';
import { fixAll } from '../../../server/src/core';
import { checkFixture, expectFindings, lineAt, lineOf, loadFixture, OPTIONS, problemsOf, replaceOnce, seed, said } from '../helpers';

describe('rule missing-cell (RPT005)', () => {
  it('an all-zero row with dropped cells: zeros appended in the row’s own shape (spaces, tabs, pipes, one per line)', () => {
    const cases: [string, string, string][] = [
      ['missing-cell-zeros-spaces.txt', '1.属于国家秘密 0 0 0 0 0', '1.属于国家秘密 0 0 0 0 0 0 0'],
      ['missing-cell-zeros-tabs.txt', '1.属于国家秘密\t0\t0\t0\t0\t0', '1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0'],
      ['missing-cell-zeros-pipes.md', '| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 |', '| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'],
      ['missing-cell-zeros-cell-per-line.txt', '\t1.属于国家秘密\n\t0\n\t0\n\t0\n\t0\n\t0\n\n', '\t1.属于国家秘密\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\n'],
    ];
    for (const [name, before, after] of cases) {
      const f = checkFixture(name);
      const [p] = problemsOf(f.text, 'missing-cell');
      assert.strictEqual(said(p.message), 'missingCell(actual=5, expected=7, row=（三）1.属于国家秘密)', name);
      assert.deepStrictEqual(p.fixes.map((x) => [said(x.title), x.preferred]), [['fixZeros(row=（三）1.属于国家秘密)', true]], name);
      const fixed = fixAll(f.text, OPTIONS);
      assert.ok(f.text.includes(before) && fixed.includes(after), name);
      assert.deepStrictEqual(problemsOf(fixed, 'missing-cell'), [], name);
    }
  });

  it('a non-zero row whose missing cell is determined by the identities: that value goes in its place', () => {
    const f = checkFixture('missing-cell-value.txt');
    const [p] = problemsOf(f.text, 'missing-cell');
    assert.strictEqual(said(p.message), 'missingCell(actual=6, expected=7, row=一、本年新收)');
    assert.deepStrictEqual(p.fixes.map((x) => [said(x.title), x.preferred]), [['fixInsertCell(cell=一、本年新收·商业企业, value=2)', true]]);
    assert.ok(fixAll(f.text, OPTIONS).includes('一、本年新收政府信息公开申请数量 30 2 1 0 1 0 34'));

    const g = checkFixture('missing-cell-value-total.txt');
    const [q] = problemsOf(g.text, 'missing-cell');
    assert.deepStrictEqual(q.fixes.map((x) => said(x.title)), ['fixInsertCell(cell=（四）1.不掌握相关信息·总计, value=3)']);
  });

  it('ambiguous: no fix, and the message says the cell cannot be told', () => {
    const f = checkFixture('missing-cell-ambiguous.txt');
    expectFindings(f.text, [
      { rule: 'missing-cell', line: lineOf(f.text, '一、本年新收'), message: 'missingCellAmbiguous(actual=6, expected=7, row=一、本年新收)' },
      { rule: 'missing-cell', line: lineOf(f.text, '二、上年结转'), message: 'missingCellAmbiguous(actual=6, expected=7, row=二、上年结转)' },
    ]);
    assert.ok(problemsOf(f.text, 'missing-cell').every((p) => p.fixes.length === 0));
    const t4 = replaceOnce(loadFixture('shape-spaces.txt').text, '6 0 4 1 11 1 0 0 0 1 0 1 0 0 1', '6 0 4 1 11 1 0 0 0 1 0 1 0 1');
    const ps = problemsOf(t4, 'missing-cell');
    assert.deepStrictEqual(ps.map((p) => [said(p.message), p.fixes.length]), [['missingCellAmbiguous(actual=14, expected=15, row=表四)', 0]]);
  });

  it('table 二: a non-zero row gets no guess', () => {
    const bad = replaceOnce(loadFixture('shape-spaces.txt').text, '行政规范性文件 8 5 26', '行政规范性文件 8 26');
    const ps = problemsOf(bad, 'missing-cell');
    assert.deepStrictEqual(ps.map((p) => [said(p.message), p.fixes.length]), [['missingCell(actual=2, expected=3, row=行政规范性文件)', 0]]);
  });

  it('seeds 001 and 003: the dropped cells of the published reports', () => {
    const s1 = seed('001');
    const [p] = problemsOf(s1, 'missing-cell');
    assert.strictEqual(lineAt(s1, p.span.start), 200);
    assert.strictEqual(s1.slice(p.span.start, p.span.end), '2.重复申请 0 0 0 0 0 0');
    assert.ok(fixAll(s1, OPTIONS).includes('\n2.重复申请 0 0 0 0 0 0 0\n'));
    const s3 = seed('003');
    const [q] = problemsOf(s3, 'missing-cell');
    assert.strictEqual(said(q.message), 'missingCell(actual=2, expected=3, row=行政规范性文件)');
    assert.ok(fixAll(s3, OPTIONS).includes('\n行政规范性文件\t0\t0\t0\t\n'));
  });

  it('no finding when every row has its numbers', () => {
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-pipes.md', 'shape-cell-per-line.txt', 'shape-html-flattened.txt', 'shape-pdf-wrapped.txt']) {
      assert.deepStrictEqual(problemsOf(loadFixture(name).text, 'missing-cell'), [], name);
    }
  });
});
