import * as assert from 'assert';
import { check } from '../../../server/src/core';
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

  it('full-width digits and thousands separators are valid numbers', () => {
    expectNoFindings(loadFixture('shape-fullwidth-digits.txt').text);
    const base = loadFixture('shape-spaces.txt').text;
    expectNoFindings(replaceOnce(base, '行政处罚 2538', '行政处罚 2,538'));
  });
});
