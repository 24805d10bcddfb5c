import * as assert from 'assert';
import { applyEdits, fixAll, type CheckOptions } from '../../../server/src/core';
import { expectFindings, lineAt, lineOf, loadFixture, problemsOf, replaceOnce, seed, SEED_IDS, said } from '../helpers';

/** Every rule on (the helpers' default turns the three newest rules off). */
const ALL: CheckOptions = {};

describe('rule narrative-mismatch (RPT017)', () => {
  it('seed 001: the text says 行政诉讼 3 件 and 行政复议 5 件, table 四 says 2 and 11', () => {
    const s = seed('001');
    const ps = problemsOf(s, 'narrative-mismatch', ALL);
    assert.deepStrictEqual(ps.map((p) => [lineAt(s, p.span.start), s.slice(p.span.start, p.span.end), p.severity, said(p.message)]), [
      [52, '3', 'warning', 'narrativeMismatch(stated=3, table=2, where=@where.litigation)'],
      [54, '5', 'warning', 'narrativeMismatch(stated=5, table=11, where=@where.review)'],
    ]);
    // Related: the table cells the figure is compared with (both 诉讼 totals; the 复议 total).
    assert.deepStrictEqual(ps.map((p) => p.related.map((r) => s.slice(r.span.start, r.span.end))), [['1', '1'], ['11']]);
    assert.deepStrictEqual(ps.map((p) => p.fixes.map((f) => [said(f.title), f.preferred])), [[['fixNarrative(value=2)', false]], [['fixNarrative(value=11)', false]]]);
    // Which side is wrong is a judgement: fixAll leaves the narrative alone.
    assert.strictEqual(problemsOf(fixAll(s, ALL), 'narrative-mismatch', ALL).length, 2);
  });

  it('a figure for 一、本年新收 that differs from the table; its fix writes the table’s figure', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const text = replaceOnce(base, '新收政府信息公开申请34件', '新收政府信息公开申请33件');
    expectFindings(text, [{ rule: 'narrative-mismatch', line: lineOf(text, '33件'), message: 'narrativeMismatch(stated=33, table=34, where=@where.received)' }], ALL);
    const [p] = problemsOf(text, 'narrative-mismatch', ALL);
    assert.strictEqual(applyEdits(text, p.fixes[0].edits), base);
  });

  it('“未收到” while the table has applications', () => {
    const text = replaceOnce(loadFixture('shape-spaces.txt').text, '本年度新收政府信息公开申请34件', '本年度未收到政府信息公开申请');
    expectFindings(text, [{ rule: 'narrative-mismatch', line: lineOf(text, '未收到'), message: 'narrativeStatement(stated=未收到, table=34, where=@where.received)' }], ALL);
    assert.deepStrictEqual(problemsOf(text, 'narrative-mismatch', ALL)[0].fixes, []);
  });

  it('no finding when the text agrees with the tables (seeds 000, 002–004 and the shape fixtures)', () => {
    for (const id of SEED_IDS.filter((x) => x !== '001')) assert.deepStrictEqual(problemsOf(seed(id), 'narrative-mismatch', ALL), [], id);
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-pipes.md', 'shape-cell-per-line.txt']) {
      assert.deepStrictEqual(problemsOf(loadFixture(name).text, 'narrative-mismatch', ALL), [], name);
    }
  });
});
