import * as assert from 'assert';
import { check, fixAll } from '../../../server/src/core';
import { OPTIONS, checkFixture, expectFindings, lineOf, loadFixture, problemsOf, replaceOnce, said } from '../helpers';

describe('rule blank-cell (RPT013)', () => {
  it('tabs: legal-person columns left empty are reported one by one and filled with 0', () => {
    const f = checkFixture('blank-cell-tabs.txt');
    const ps = problemsOf(f.text, 'blank-cell');
    assert.deepStrictEqual(ps.map((p) => said(p.message)), [
      'blankCell(cell=一、本年新收·社会公益组织)',
      'blankCell(cell=一、本年新收·其他)',
      'blankCell(cell=二、上年结转·商业企业)',
      'blankCell(cell=二、上年结转·科研机构)',
      'blankCell(cell=二、上年结转·社会公益组织)',
      'blankCell(cell=二、上年结转·法律服务机构)',
      'blankCell(cell=二、上年结转·其他)',
    ]);
    assert.ok(ps.every((p) => p.severity === 'warning'));
    assert.deepStrictEqual(ps[0].fixes.map((x) => [said(x.title), x.preferred]), [['fixBlank(cell=一、本年新收·社会公益组织)', true]]);
    // The blank cells count as 0: the arithmetic holds as written.
    assert.deepStrictEqual(check(f.text, OPTIONS).problems.filter((p) => p.severity === 'error'), []);
  });

  it('pipes: empty fields between `|` are blank cells, filled as `| 0 |`', () => {
    const f = checkFixture('blank-cell-pipes.md');
    const line = lineOf(f.text, '| 2.重复申请');
    expectFindings(f.text, ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((c) => ({ rule: 'blank-cell', line, message: `blankCell(cell=（五）2.重复申请·${c})` })));
    assert.ok(f.text.includes('\n| 2.重复申请 | 0 |  |  |  |  |  | 0 |\n'));
    assert.ok(f.fixed!.includes('\n| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n'));
    const r = check(f.fixed!, OPTIONS).model.tables.t3!.rows.find((x) => x.key === 't3.r5.2')!;
    assert.deepStrictEqual(r.cells.map((c) => [c.raw, c.blank]), new Array(7).fill(['0', false]));
  });

  it('pipes: trailing empty fields fill a short row up to its width, no further', () => {
    const text = replaceOnce(
      loadFixture('shape-pipes.md').text,
      '| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
      '| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 |  |  |  |',
    );
    const row = check(text, OPTIONS).model.tables.t3!.rows.find((r) => r.key === 't3.carried')!;
    assert.deepStrictEqual(row.cells.map((c) => [c.raw, c.blank]), [['2', false], ['0', false], ['0', false], ['0', false], ['0', false], ['0', false], ['', true]]);
    const line = lineOf(text, '| 二、上年结转');
    expectFindings(text, [{ rule: 'blank-cell', line, message: 'blankCell(cell=二、上年结转·总计)' }], { rules: { ...OPTIONS.rules, 'row-total': 'off', balance: 'off' } });
    assert.deepStrictEqual(problemsOf(text, 'extra-cell'), []);
  });

  /** shape-tabs.txt with every zero of table 三 written as `zero`; said once for the table with `message`, and fixed back. */
  function zerosOfTable3As(zero: string, message: string): string {
    const tabs = loadFixture('shape-tabs.txt').text;
    const start = tabs.indexOf('一、本年新收');
    const end = tabs.indexOf('四、政府信息公开行政复议');
    const text = tabs.slice(0, start) + tabs.slice(start, end).replace(/\t0(?=\t|\n)/g, `\t${zero}`) + tabs.slice(end);
    const [f] = expectFindings(text, [{ rule: 'blank-cell', line: lineOf(text, '一、本年新收'), message }]);
    assert.deepStrictEqual(f.problem.fixes.map((x) => [said(x.title), x.preferred, x.edits.length]), [['fixBlanks(count=141, table=@table.t3)', true, 141]]);
    assert.strictEqual(fixAll(text, OPTIONS), tabs);
    return text;
  }

  it('a table written mostly in blank cells (its zeros left blank) is said once, and Fix All fills every blank', () => {
    zerosOfTable3As('', 'blankCells(count=141, table=@table.t3)');
  });

  it('a cell of only 「—」 or 「无」 holds no number: said as such, counted as 0, filled with 0', () => {
    const said1 = (name: string) => problemsOf(checkFixture(name).text, 'blank-cell').map((p) => [said(p.message), p.severity, said(p.fixes[0].title)]);
    assert.deepStrictEqual(said1('blank-cell-dash.txt'), [['placeholderCell(cell=（五）2.重复申请·商业企业, raw=—)', 'warning', 'fixBlank(cell=（五）2.重复申请·商业企业)']]);
    assert.deepStrictEqual(said1('blank-cell-dash-first-cell.txt'), [['placeholderCell(cell=（三）1.属于国家秘密·自然人, raw=—)', 'warning', 'fixBlank(cell=（三）1.属于国家秘密·自然人)']]);
    assert.deepStrictEqual(said1('blank-cell-word.md'), [['placeholderCell(cell=（三）8.行政查询事项·社会公益组织, raw=无)', 'warning', 'fixBlank(cell=（三）8.行政查询事项·社会公益组织)']]);
    const f = loadFixture('blank-cell-dash.txt');
    const [p] = problemsOf(f.text, 'blank-cell');
    assert.strictEqual(f.text.slice(p.fixes[0].edits[0].start, p.fixes[0].edits[0].end), '—');
  });

  it('a table that writes its zeros as 「—」 is said once, its sums are still checked, and Fix All writes the zeros', () => {
    const dashes = zerosOfTable3As('—', 'placeholderCells(count=141, raw=—, table=@table.t3)');
    // A figure typed wrong among the dashes still breaks its sums (the dashes count as 0).
    const wrong = replaceOnce(dashes, '二、上年结转政府信息公开申请数量\t2', '二、上年结转政府信息公开申请数量\t3');
    assert.deepStrictEqual(
      check(wrong, OPTIONS).problems.filter((p) => p.severity === 'error').map((p) => said(p.message)),
      ['rowTotal(actual=2, expected=3, parts=, row=二、上年结转)', 'balance(carried=3, col=自然人, new=30, next=1, total=31)'],
    );
  });

  it('table 四 in tabs', () => {
    const bad = replaceOnce(loadFixture('shape-tabs.txt').text, '6\t0\t4\t1\t11', '6\t\t4\t1\t11');
    expectFindings(bad, [{ rule: 'blank-cell', line: lineOf(bad, '6\t\t4'), message: 'blankCell(cell=表四·行政复议·结果纠正)' }]);
    assert.strictEqual(fixAll(bad, OPTIONS), loadFixture('shape-tabs.txt').text);
  });

  it('no finding when every cell holds a number; a space-separated row has no blank cells, only missing ones', () => {
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-pipes.md', 'shape-cell-per-line.txt', 'shape-html-flattened.txt']) {
      assert.deepStrictEqual(problemsOf(loadFixture(name).text, 'blank-cell'), [], name);
    }
    assert.deepStrictEqual(problemsOf(loadFixture('missing-cell-zeros-spaces.txt').text, 'blank-cell'), []);
  });
});
