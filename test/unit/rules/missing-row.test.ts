import * as assert from 'assert';
import { applyEdits } from '../../../server/src/core';
import { checkFixture, expectFindings, loadFixture, problemsOf, said } from '../helpers';

describe('rule missing-row (RPT008)', () => {
  it('a dropped row of table 三 is inserted in place, in the table’s shape (spaces, tabs, pipes, one per line)', () => {
    const cases: [string, string][] = [
      ['missing-row-spaces.txt', '5.属于三类内部事务信息'],
      ['missing-row-tabs.txt', '2.重复申请'],
      ['missing-row-pipes.md', '3.补正后申请内容仍不明确'],
      ['missing-row-cell-per-line.txt', '7.属于行政执法案卷'],
    ];
    for (const [name, row] of cases) {
      // The .fixed snapshot is the complete table: the row is back between its neighbours.
      const f = checkFixture(name);
      const [p] = problemsOf(f.text, 'missing-row');
      assert.strictEqual(said(p.message), `missingRow(row=${row}, table=@table.t3)`, name);
      assert.deepStrictEqual(p.fixes.map((x) => [said(x.title), x.preferred]), [[`fixInsertRow(row=${row})`, true]], name);
      assert.strictEqual(applyEdits(f.text, p.fixes[0].edits), f.fixed, name);
    }
  });

  it('table 二: the first row (规章) is inserted before the second', () => {
    const f = checkFixture('missing-row-table2.txt');
    const [p] = problemsOf(f.text, 'missing-row');
    assert.strictEqual(said(p.message), 'missingRow(row=规章, table=@table.t2)');
    assert.deepStrictEqual(p.fixes[0].edits.map((e) => e.newText), ['规章 0 0 0\n']);
  });

  it('the old single （六）其他处理 row is not reported as three missing rows', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const old = base.slice(0, base.indexOf('（六）其他处理\n')) + '（六）其他处理 10 1 0 0 0 0 11\n' + base.slice(base.indexOf('（七）总计'));
    expectFindings(old, []);
  });

  it('no finding on complete tables', () => {
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-pipes.md', 'shape-cell-per-line.txt', 'shape-html-flattened.txt', 'shape-pdf-wrapped.txt']) {
      assert.deepStrictEqual(problemsOf(loadFixture(name).text, 'missing-row'), [], name);
    }
  });
});
