import * as assert from 'assert';
import { ruleMeta } from '../../../server/src/core';
import { checkFixture, loadFixture, problemsOf, said } from '../helpers';

describe('rule extra-cell (RPT006)', () => {
  it('a table 三 row with 8 numbers: the span starts at the first extra number; no fix', () => {
    const f = checkFixture('extra-cell-table3.txt');
    const [p] = problemsOf(f.text, 'extra-cell');
    assert.strictEqual(said(p.message), 'extraCell(actual=8, expected=7, extra=1, row=（三）1.属于国家秘密)');
    const row = f.text.indexOf('1.属于国家秘密 ');
    assert.deepStrictEqual(p.span, { start: row + '1.属于国家秘密 0 0 0 0 0 0 0 '.length, end: row + '1.属于国家秘密 0 0 0 0 0 0 0 0'.length });
    assert.deepStrictEqual(p.fixes, []);
    assert.strictEqual(ruleMeta('extra-cell')?.fixable, false);
  });

  it('table 四 with 16 numbers', () => {
    const f = checkFixture('extra-cell-table4.txt');
    const [p] = problemsOf(f.text, 'extra-cell');
    assert.strictEqual(said(p.message), 'extraCell(actual=16, expected=15, extra=1, row=表四)');
    assert.strictEqual(f.text.slice(p.span.start, p.span.end), '0');
    assert.strictEqual(f.text.slice(p.span.start - 2, p.span.end + 1), '1\t0\n');
  });

  it('no finding on complete tables', () => {
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-pipes.md', 'shape-cell-per-line.txt', 'shape-html-flattened.txt', 'shape-pdf-wrapped.txt']) {
      assert.deepStrictEqual(problemsOf(loadFixture(name).text, 'extra-cell'), [], name);
    }
  });
});
