import * as assert from 'assert';
import { check, fixAll } from '../../../server/src/core';
import { ARITHMETIC, OPTIONS, checkFixture, expectNoFindings, loadFixture, problemsOf, replaceOnce, said } from '../helpers';

function only(name: string): string {
  const f = checkFixture(name);
  const ps = problemsOf(f.text, 'invalid-number');
  assert.strictEqual(ps.length, 1, name);
  assert.strictEqual(ps[0].fixes.length, 0, name);
  return said(ps[0].message);
}

describe('rule invalid-number (RPT007)', () => {
  it('negative, a decimal in table 三 or in a count of table 二 (a cell of only 「—」 or 「无」 is blank-cell)', () => {
    assert.strictEqual(only('invalid-number-negative.txt'), 'invalidNumber(cell=（三）1.属于国家秘密·商业企业, kind=@kindInteger, raw=-1)');
    assert.strictEqual(only('invalid-number-decimal-table3.txt'), 'invalidNumber(cell=（三）1.属于国家秘密·商业企业, kind=@kindInteger, raw=0.5)');
    assert.strictEqual(only('invalid-number-decimal-table2.txt'), 'invalidNumber(cell=行政许可·本年处理决定数量, kind=@kindInteger, raw=63.2)');
  });

  it('the span is the cell as written, and a row with an invalid cell is not summed', () => {
    const f = loadFixture('invalid-number-negative.txt');
    const [p] = problemsOf(f.text, 'invalid-number');
    assert.strictEqual(f.text.slice(p.span.start, p.span.end), '-1');
    assert.deepStrictEqual(check(f.text, OPTIONS).problems.filter((q) => ARITHMETIC.has(q.rule)), []);
    assert.strictEqual(check(f.text, OPTIONS).model.tables.t3!.rows.find((r) => r.key === 't3.r3.1')!.aligned, false);
  });

  it('the fee (万元) may have decimals but not be negative', () => {
    const base = loadFixture('shape-spaces.txt').text;
    expectNoFindings(base);
    expectNoFindings(replaceOnce(base, '行政事业性收费 3883.30', '行政事业性收费 12.5'));
    const neg = replaceOnce(base, '行政事业性收费 3883.30', '行政事业性收费 -3');
    assert.deepStrictEqual(problemsOf(neg, 'invalid-number').map((p) => said(p.message)), ['invalidNumber(cell=行政事业性收费·本年收费金额, kind=@kindDecimal, raw=-3)']);
  });

  it('a count may carry its unit 件 (read as the number, kept by fixes); the fee may not', () => {
    const tabs = loadFixture('shape-tabs.txt').text;
    const start = tabs.indexOf('一、本年新收');
    const withUnit = tabs.slice(0, start) + tabs.slice(start).replace(/(\t)(\d+)(?=\t|\n)/g, '$1$2件');
    expectNoFindings(withUnit);
    const wrong = replaceOnce(withUnit, '二、上年结转政府信息公开申请数量\t2件', '二、上年结转政府信息公开申请数量\t3件');
    const [p] = problemsOf(wrong, 'row-total');
    assert.deepStrictEqual([said(p.message), p.fixes.map((f) => f.edits[0].newText)], ['rowTotal(actual=2件, expected=3, parts=, row=二、上年结转)', ['2件', '3件']]);
    assert.strictEqual(fixAll(wrong, OPTIONS), withUnit);
    const fee = replaceOnce(loadFixture('shape-spaces.txt').text, '行政事业性收费 3883.30', '行政事业性收费 12件');
    assert.deepStrictEqual(problemsOf(fee, 'invalid-number').map((x) => said(x.message)), ['invalidNumber(cell=行政事业性收费·本年收费金额, kind=@kindDecimal, raw=12件)']);
  });

  it('full-width digits and thousands separators are valid numbers', () => {
    expectNoFindings(loadFixture('shape-fullwidth-digits.txt').text);
    const base = loadFixture('shape-spaces.txt').text;
    expectNoFindings(replaceOnce(base, '行政处罚 2538', '行政处罚 2,538'));
  });
});
