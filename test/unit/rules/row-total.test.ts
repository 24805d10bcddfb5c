import * as assert from 'assert';
import { applyEdits, fixAll } from '../../../server/src/core';
import { ARITHMETIC, OPTIONS, checkFixture, expectFindings, expectNoFindings, lineOf, loadFixture, problemsOf, replaceOnce, seed, seed001Complete, said } from '../helpers';

describe('rule row-total (RPT001)', () => {
  it('a wrong row total: message with the expected sum and its parts, no related cells, a preferred recompute', () => {
    const f = checkFixture('row-total-total-cell.txt');
    const [p] = problemsOf(f.text, 'row-total');
    assert.strictEqual(said(p.message), 'rowTotal(actual=5, expected=4, parts=（3+1）, row=（二）部分公开)');
    assert.strictEqual(p.severity, 'error');
    assert.strictEqual(p.code, 'RPT001');
    const rowStart = f.text.indexOf('3 0 1 0 0 0 5', f.text.indexOf('（二）部分公开'));
    assert.deepStrictEqual(p.span, { start: rowStart + 12, end: rowStart + 13 });
    // Its six parts are on its own row, beside it, and their values are in the message: nothing related.
    assert.deepStrictEqual(p.related, []);
    assert.deepStrictEqual(
      p.fixes.map((x) => [said(x.title), x.preferred, x.edits]),
      [['fixRecompute(cell=（二）部分公开·总计, value=4)', true, [{ start: rowStart + 12, end: rowStart + 13, newText: '4' }]]],
    );
  });

  it('its fixes are computed when read, for the version checked: JSON carries them, and they can be replaced', () => {
    const f = checkFixture('row-total-total-cell.txt');
    const [p] = problemsOf(f.text, 'row-total');
    const json = JSON.parse(JSON.stringify(p));
    assert.deepStrictEqual(Object.keys(json), ['rule', 'code', 'severity', 'span', 'message', 'related', 'fixes']);
    assert.deepStrictEqual(json.fixes, JSON.parse(JSON.stringify(p.fixes)));
    assert.strictEqual(json.fixes.length, 1);
    // Read again: the same fixes, not computed anew.
    assert.strictEqual(p.fixes, p.fixes);
    p.fixes = [];
    assert.deepStrictEqual(p.fixes, []);
    // With CRLF line endings the fix is the same (it inserts no line).
    const [q] = problemsOf(f.text.replace(/\n/g, '\r\n'), 'row-total');
    assert.deepStrictEqual(q.fixes.map((x) => x.edits[0].newText), ['4']);
  });

  it('a wrong part: the preferred fix restores that part, recomputing the total is the alternative', () => {
    const f = checkFixture('row-total-part-cell.txt');
    const [p] = problemsOf(f.text, 'row-total');
    assert.strictEqual(said(p.message), 'rowTotal(actual=4, expected=5, parts=, row=（五）1.信访举报投诉类)');
    assert.deepStrictEqual(
      p.fixes.map((x) => [said(x.title), x.preferred]),
      [
        ['fixSetCell(cell=（五）1.信访举报投诉类·自然人, value=4)', true],
        ['fixRecompute(cell=（五）1.信访举报投诉类·总计, value=5)', false],
      ],
    );
    const alt = applyEdits(f.text, p.fixes[1].edits);
    assert.ok(alt.includes('1.信访举报投诉类申请\t5\t0\t0\t0\t0\t0\t5'));
  });

  it('seed 001 with one cell changed: row and column messages with numbers; fixing the arithmetic restores the seed', () => {
    const good = seed001Complete();
    const bad = replaceOnce(good, '（七）总计 29 0 0 0 0 0 29', '（七）总计 28 0 0 0 0 0 29');
    const total = lineOf(bad, '（七）总计 28');
    expectFindings(bad, [
      { rule: 'label-variant', line: 174 },
      { rule: 'results-total', line: total, message: 'resultsTotal(actual=28, col=自然人, expected=29, parts=（10+2+1+16）)' },
      { rule: 'row-total', line: total, message: 'rowTotal(actual=29, expected=28, parts=, row=（七）总计)' },
      { rule: 'balance', line: lineOf(bad, '四、结转下年度继续办理 1'), message: 'balance(carried=0, col=自然人, new=30, next=1, total=28)' },
      { rule: 'section-heading', line: 348 },
    ]);
    const [p] = problemsOf(bad, 'row-total');
    assert.deepStrictEqual(p.fixes.map((x) => [said(x.title), x.preferred]), [
      ['fixSetCell(cell=（七）总计·自然人, value=29)', true],
      ['fixRecompute(cell=（七）总计·总计, value=28)', false],
    ]);
    assert.strictEqual(fixAll(bad, OPTIONS, (q) => ARITHMETIC.has(q.rule)), good);
  });

  it('no finding for correct rows: blank cells count as 0, full-width digits are numbers', () => {
    const tabs = loadFixture('shape-tabs.txt').text;
    const blanks = replaceOnce(tabs, '一、本年新收政府信息公开申请数量\t30\t2\t1\t0\t1\t0\t34', '一、本年新收政府信息公开申请数量\t30\t2\t1\t\t1\t\t34');
    assert.deepStrictEqual(problemsOf(blanks, 'row-total'), []);
    assert.strictEqual(problemsOf(blanks, 'blank-cell').length, 2);
    expectNoFindings(loadFixture('shape-fullwidth-digits.txt').text);
    expectNoFindings(seed001Complete(), ['error']);
  });

  it('a row that is missing a cell is not summed (no finding on a guess)', () => {
    const bad = replaceOnce(seed('001'), '2.重复申请 0 0 0 0 0 0\n', '2.重复申请 0 0 1 0 0 0\n');
    assert.deepStrictEqual(problemsOf(bad, 'row-total'), []);
    assert.strictEqual(problemsOf(bad, 'missing-cell').length, 1);
  });

  it('fix: the fixed text has no row-total left', () => {
    for (const name of ['row-total-total-cell.txt', 'row-total-part-cell.txt']) {
      const f = loadFixture(name);
      const fixed = fixAll(f.text, OPTIONS);
      assert.strictEqual(fixed, f.fixed);
      assert.deepStrictEqual(problemsOf(fixed, 'row-total'), []);
    }
  });
});
