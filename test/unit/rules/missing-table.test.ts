import * as assert from 'assert';
import { applyEdits, check, fixAll } from '../../../server/src/core';
import { OPTIONS, checkFixture, expectFindings, findings, lineOf, loadFixture, problemsOf, said } from '../helpers';

describe('rule missing-table (RPT009)', () => {
  it('section 三 with nothing under its heading: the whole zero table is offered (not preferred)', () => {
    const f = checkFixture('missing-table-table3.txt');
    const [p] = problemsOf(f.text, 'missing-table');
    assert.strictEqual(said(p.message), 'missingTable(table=@table.t3)');
    assert.deepStrictEqual(p.fixes.map((x) => [said(x.title), x.preferred]), [['fixInsertTable(table=@table.t3)', false]]);
    assert.strictEqual(fixAll(f.text, OPTIONS), f.text);

    const fixed = applyEdits(f.text, p.fixes[0].edits);
    expectFindings(fixed, []);
    const t3 = check(fixed, OPTIONS).model.tables.t3!;
    assert.strictEqual(t3.rows.length, 25);
    assert.ok(t3.rows.every((r) => r.aligned && r.cells.length === 7 && r.cells.every((c) => c.raw === '0')));
    assert.strictEqual(t3.shape, 'spaces');
    assert.ok(t3.span.start > fixed.indexOf('三、收到和处理政府信息公开申请情况') && t3.span.end < fixed.indexOf('四、政府信息公开行政复议'));
  });

  it('table 四 pasted as an image: reported on the section heading, the zero table re-parses', () => {
    const f = checkFixture('missing-table-table4-image.txt');
    const [p] = problemsOf(f.text, 'missing-table');
    assert.strictEqual(said(p.message), 'missingTable(table=@table.t4)');
    const fixed = applyEdits(f.text, p.fixes[0].edits);
    expectFindings(fixed, []);
    assert.deepStrictEqual(check(fixed, OPTIONS).model.tables.t4!.rows[0].cells.map((c) => c.value), new Array(15).fill(0));
  });

  it('a header of table 三 without any numbers: “没有数据”', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const a = base.indexOf('一、本年新收政府信息公开申请数量 30');
    const empty = base.slice(0, a) + '\n' + base.slice(base.indexOf('四、政府信息公开行政复议'));
    expectFindings(empty, [{ rule: 'missing-table', line: lineOf(empty, '（本列数据的勾稽关系'), message: 'emptyTable(table=@table.t3)' }]);
  });

  it('table 三 is found by its corner text written 钩稽 as well as 勾稽, when its first row is not (a header piece before it)', () => {
    // A narrow PDF page: the header's 其他 broken, its 他 on the first row's line.
    const text = loadFixture('shape-spaces.txt').text.replace('勾稽关系', '钩稽关系').replace('法律服务机构 其他\n一、本年新收', '法律服务机构 其\n他一、本年新收');
    assert.ok(text.includes('钩稽关系') && text.includes('他一、本年新收'));
    assert.deepStrictEqual(findings(text), []);
    assert.ok(check(text, OPTIONS).model.tables.t3);
  });

  it('no finding when the three tables are there', () => {
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-pipes.md', 'shape-cell-per-line.txt']) {
      assert.deepStrictEqual(findings(loadFixture(name).text).filter((x) => x.rule === 'missing-table'), [], name);
    }
  });
});
