import * as assert from 'assert';
import { applyEdits, fixAll } from '../../../server/src/core';
import { checkFixture, lineAt, lineOf, loadFixture, OPTIONS, problemsOf, replaceOnce, said } from '../helpers';

describe('rule balance (RPT003)', () => {
  it('一 + 二 ≠ （七） + 四 in a column: one finding per column, on the 四 cell, with the four numbers', () => {
    const f = checkFixture('balance-carried-forward.txt');
    const ps = problemsOf(f.text, 'balance');
    assert.deepStrictEqual(ps.map((p) => said(p.message)), [
      'balance(carried=2, col=自然人, new=30, next=2, total=31)',
      'balance(carried=2, col=总计, new=34, next=2, total=35)',
    ]);
    const row = f.text.indexOf('2 0 0 0 0 0 2', f.text.indexOf('四、结转下年度继续办理'));
    assert.deepStrictEqual(ps.map((p) => p.span), [
      { start: row, end: row + 1 },
      { start: row + 12, end: row + 13 },
    ]);
    // Related: 一, 二 and （七） of that column (the problem is on its 四).
    assert.deepStrictEqual(ps[0].related.map((r) => [lineAt(f.text, r.span.start), f.text.slice(r.span.start, r.span.end)]), [
      [lineOf(f.text, '一、本年新收'), '30'],
      [lineOf(f.text, '二、上年结转'), '2'],
      [lineOf(f.text, '（七）总计'), '31'],
    ]);
  });

  it('its fix (四 = 一 + 二 − （七）) is offered but never preferred: fixAll leaves the text alone', () => {
    const f = loadFixture('balance-carried-forward.txt');
    const ps = problemsOf(f.text, 'balance');
    assert.deepStrictEqual(ps.map((p) => p.fixes.map((x) => [said(x.title), x.preferred])), [
      [['fixBalance(col=自然人, value=1)', false]],
      [['fixBalance(col=总计, value=1)', false]],
    ]);
    assert.strictEqual(fixAll(f.text, OPTIONS), f.text);
    const fixed = applyEdits(f.text, ps.flatMap((p) => p.fixes[0].edits));
    assert.strictEqual(fixed, loadFixture('shape-spaces.txt').text);
    assert.deepStrictEqual(problemsOf(fixed, 'balance'), []);
  });

  it('no fix when the balancing value would be negative', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const bad = replaceOnce(base, '一、本年新收政府信息公开申请数量 30 2 1 0 1 0 34', '一、本年新收政府信息公开申请数量 28 2 1 0 1 0 32');
    const ps = problemsOf(bad, 'balance');
    assert.deepStrictEqual(ps.map((p) => [said(p.message), p.fixes.length]), [
      ['balance(carried=2, col=自然人, new=28, next=1, total=31)', 0],
      ['balance(carried=2, col=总计, new=32, next=1, total=35)', 0],
    ]);
  });

  it('no finding when every column balances', () => {
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-pipes.md', 'shape-cell-per-line.txt']) {
      assert.deepStrictEqual(problemsOf(loadFixture(name).text, 'balance'), [], name);
    }
  });
});
