import * as assert from 'assert';
import { fixAll } from '../../../server/src/core';
import { OPTIONS, checkFixture, loadFixture, problemsOf, replaceOnce, said } from '../helpers';

describe('rule review-total (RPT004)', () => {
  it('a wrong 总计 in table 四: message with its parts, no related cells (the parts are beside it), preferred recompute', () => {
    const f = checkFixture('review-total-total-cell.txt');
    const [p] = problemsOf(f.text, 'review-total');
    assert.strictEqual(said(p.message), 'reviewTotal(actual=12, expected=11, group=行政复议, parts=（6+4+1）)');
    assert.strictEqual(p.severity, 'error');
    const row = f.text.indexOf('6\t0\t4\t1\t12\t');
    assert.deepStrictEqual(p.span, { start: row + 8, end: row + 10 });
    // Its parts are on its own row, beside it, and their values are in the message: nothing related.
    assert.deepStrictEqual(p.related, []);
    assert.deepStrictEqual(p.fixes.map((x) => [said(x.title), x.preferred, x.edits]), [
      ['fixRecompute(cell=行政复议·总计, value=11)', true, [{ start: row + 8, end: row + 10, newText: '11' }]],
    ]);
  });

  it('one number per line: the third group (复议后起诉)', () => {
    const f = checkFixture('review-total-cell-per-line.txt');
    const [p] = problemsOf(f.text, 'review-total');
    assert.strictEqual(said(p.message), 'reviewTotal(actual=2, expected=1, group=行政诉讼·复议后起诉, parts=)');
    assert.strictEqual(f.text.slice(p.span.start, p.span.end), '2');
  });

  it('a wrong part: the total is recomputed from the parts as written', () => {
    const bad = replaceOnce(loadFixture('shape-spaces.txt').text, '6 0 4 1 11 1', '7 0 4 1 11 1');
    const [p] = problemsOf(bad, 'review-total');
    assert.strictEqual(said(p.message), 'reviewTotal(actual=11, expected=12, group=行政复议, parts=（7+4+1）)');
    assert.deepStrictEqual(p.fixes.map((x) => [said(x.title), x.preferred]), [['fixRecompute(cell=行政复议·总计, value=12)', true]]);
  });

  it('fix: the fixed text has no review-total left', () => {
    for (const name of ['review-total-total-cell.txt', 'review-total-cell-per-line.txt']) {
      const f = loadFixture(name);
      const fixed = fixAll(f.text, OPTIONS);
      assert.strictEqual(fixed, f.fixed);
      assert.deepStrictEqual(problemsOf(fixed, 'review-total'), []);
    }
  });

  it('no finding on correct tables, nor on a table 四 with a dropped number', () => {
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-pipes.md', 'shape-cell-per-line.txt', 'shape-pdf-wrapped.txt']) {
      assert.deepStrictEqual(problemsOf(loadFixture(name).text, 'review-total'), [], name);
    }
    assert.deepStrictEqual(problemsOf(loadFixture('missing-cell-ambiguous.txt').text, 'review-total'), []);
    const dropped = replaceOnce(loadFixture('shape-spaces.txt').text, '6 0 4 1 11 1 0 0 0 1 0 1 0 0 1', '6 0 4 1 12 1 0 0 0 1 0 1 0 1');
    assert.deepStrictEqual(problemsOf(dropped, 'review-total'), []);
  });
});
