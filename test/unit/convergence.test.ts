/**
 * Fixes converge and never damage a file: numbers beyond exact integers, rows a fix inserts and
 * the next reading must find, headings inserted where their section's content starts, line
 * endings of the document's own kind.
 */
import * as assert from 'assert';
import { check, fixAll } from '../../server/src/core';
import { OPTIONS, expectFindings, lineOf, replaceOnce, seed, seed001Complete } from './helpers';

/** The findings seed 001 (its dropped cell restored) has of itself. */
const SEED_001 = [
  { rule: 'label-variant', line: 174, message: '行标签「3.危及“三安全-稳定”」与模板不同，模板为「3.危及“三安全一稳定”」' },
  { rule: 'section-heading', line: 348, message: '标题「六、他需要报告的事项」与模板不符，应为「六、其他需要报告的事项」' },
];

/** Every edit of every fix of `text`'s problems. */
function writtenByFixes(text: string): string[] {
  return check(text, OPTIONS).problems.flatMap((p) => p.fixes.flatMap((f) => f.edits.map((e) => e.newText)));
}

describe('numbers beyond exact integers', () => {
  const base = seed001Complete();
  const NEW = '一、本年新收政府信息公开申请数量 ';
  const first = base.indexOf(NEW) + NEW.length;
  /** Seed 001 with the first cell of 一、本年新收 (自然人, 28) written as `raw`. */
  const withFirst = (raw: string) => {
    assert.strictEqual(base.slice(first, first + 3), '30 ');
    return base.slice(0, first) + raw + base.slice(first + 2);
  };

  for (const raw of ['1000000000000000000000', '9007199254740993']) {
    it(`${raw} is an invalid-number, takes part in no sum, and no fix writes a number for it`, () => {
      const text = withFirst(raw);
      expectFindings(text, [
        { rule: 'invalid-number', line: 153, message: `一、本年新收·自然人：「${raw}」超出能精确计算的范围（最大 9007199254740991），不参与求和` },
        ...SEED_001,
      ]);
      // The seed's own fixes and nothing else: the number stays as written, and fixing again changes nothing.
      const fixedBase = fixAll(base, OPTIONS);
      const fixed = fixAll(text, OPTIONS);
      assert.strictEqual(fixed, fixedBase.slice(0, first) + raw + fixedBase.slice(first + 2));
      assert.strictEqual(fixAll(fixed, OPTIONS), fixed);
    });
  }

  it('9007199254740991 (the largest exact integer) is a number: the sums it is in are checked', () => {
    const found = check(withFirst('9007199254740991'), OPTIONS).problems.filter((p) => p.rule === 'row-total' || p.rule === 'balance');
    assert.deepStrictEqual(found.map((p) => p.rule).sort(), ['balance', 'row-total']);
  });

  it('a sum beyond exact integers is not evaluated, and no total is ever written in exponent form', () => {
    // Two cells of the largest exact integer: their row's sum is beyond it.
    const row = '二、上年结转政府信息公开申请数量 ';
    const at = base.indexOf(row) + row.length;
    const big = '9007199254740991 9007199254740991';
    const text = base.slice(0, at) + big + base.slice(base.indexOf(' ', base.indexOf(' ', at) + 1));
    assert.ok(text.includes(row + big + ' '), 'the row was edited');
    for (const s of writtenByFixes(text)) assert.ok(!/e[+-]?\d/i.test(s) && !/\d{17}/.test(s), `a fix writes ${JSON.stringify(s)}`);
    const rowTotals = check(text, OPTIONS).problems.filter((p) => p.rule === 'row-total' && p.span.start > at && p.span.start < text.indexOf('\n', at));
    assert.deepStrictEqual(rowTotals, []);
    const fixed = fixAll(text, OPTIONS);
    assert.ok(!/\d+e\+\d+/.test(fixed));
    assert.strictEqual(fixAll(fixed, OPTIONS), fixed);
  });

  it('a fee of more than 15 significant digits is an invalid-number too; 3883.30 is not', () => {
    const fee = (v: string) => replaceOnce(seed('000'), '行政事业性收费 0', `行政事业性收费 ${v}`);
    const line = lineOf(seed('000'), '行政事业性收费 0');
    expectFindings(fee('1234567890.1234567'), [
      { rule: 'invalid-number', line, message: '行政事业性收费·本年收费金额：「1234567890.1234567」超出能精确计算的范围（最大 9007199254740991），不参与求和' },
      { rule: 'label-variant', line: 175 },
    ]);
    expectFindings(fee('3883.30'), [{ rule: 'label-variant', line: 175 }]);
  });
});
