import * as assert from 'assert';
import { applyEdits } from '../../../server/src/core';
import { expectFindings, lineOf, loadFixture, problemsOf, replaceOnce, said } from '../helpers';

const current = () => loadFixture('shape-spaces.txt').text;
/** The same body's 2023 report: 四 = 2 0 0 0 0 0 2, 行政规范性文件 现行有效 23 (23 + 8 − 5 = 26). */
const previous = () => loadFixture('cross-year-previous-2023.txt').text;

describe('rule cross-year (RPT018)', () => {
  it('no finding when this year follows on from last year', () => {
    expectFindings(current(), [], { previous: previous() });
  });

  it('二、上年结转 differs from last year’s 四、结转下年度: per column, with a non-preferred fix to last year’s figure', () => {
    const prev = replaceOnce(previous(), '四、结转下年度继续办理 2 0 0 0 0 0 2', '四、结转下年度继续办理 3 0 0 0 0 0 3');
    const text = current();
    const line = lineOf(text, '二、上年结转');
    expectFindings(
      text,
      [
        { rule: 'cross-year', line, message: 'crossYearCarried(col=自然人, previous=3, value=2)' },
        { rule: 'cross-year', line, message: 'crossYearCarried(col=总计, previous=3, value=2)' },
      ],
      { previous: prev },
    );
    const ps = problemsOf(text, 'cross-year', { previous: prev });
    assert.deepStrictEqual(ps.map((p) => p.fixes.map((f) => [said(f.title), f.preferred])), [[['fixSetCell(cell=二、上年结转·自然人, value=3)', false]], [['fixSetCell(cell=二、上年结转·总计, value=3)', false]]]);
    assert.ok(applyEdits(text, ps.flatMap((p) => p.fixes[0].edits)).includes('\n二、上年结转政府信息公开申请数量 3 0 0 0 0 0 3\n'));
  });

  it('现行有效件数 ≠ last year’s + 制发 − 废止', () => {
    const prev = replaceOnce(previous(), '行政规范性文件 4 1 23', '行政规范性文件 4 1 20');
    const text = current();
    expectFindings(text, [{ rule: 'cross-year', line: lineOf(text, '行政规范性文件 8 5 26'), message: 'crossYearInForce(expected=23, made=8, previous=20, repealed=5, row=行政规范性文件, value=26)' }], { previous: prev });
  });

  it('the same text as last year (内容雷同): an info on the title', () => {
    const text = current();
    const prev = text.replace('2024年政府信息公开工作年度报告', '2023年政府信息公开工作年度报告').replace('四、结转下年度继续办理 1 0 0 0 0 0 1', '四、结转下年度继续办理 2 0 0 0 0 0 2').replace('行政规范性文件 8 5 26', '行政规范性文件 8 5 23');
    const ps = problemsOf(text, 'cross-year', { previous: prev });
    assert.deepStrictEqual(ps.map((p) => [p.severity, said(p.message), text.slice(p.span.start, p.span.end)]), [
      ['info', 'crossYearRepeated(percent=100)', '示例县民政局2024年政府信息公开工作年度报告'],
    ]);
  });

  it('typing the numbers it compares: the findings follow each digit', () => {
    const options = { previous: previous() };
    const base = current();
    // 二、上年结转·自然人 (2 → 3 → 2) and 行政规范性文件's 现行有效件数 (26 → 27 → 26), one digit at a time.
    const carried = base.indexOf('二、上年结转政府信息公开申请数量 ') + '二、上年结转政府信息公开申请数量 '.length;
    const inForce = base.indexOf('行政规范性文件 8 5 26') + '行政规范性文件 8 5 2'.length;
    const steps: [number, string][] = [[carried, '3'], [carried, '2'], [inForce, '7'], [inForce, '6']];
    let text = base;
    const counts: number[] = [];
    for (const [at, digit] of steps) {
      text = text.slice(0, at) + digit + text.slice(at + 1);
      counts.push(problemsOf(text, 'cross-year', options).length);
    }
    assert.deepStrictEqual(counts, [1, 0, 1, 0]);
  });

  it('follows whichever previous report it is given, check after check (last year’s report is read once per text)', () => {
    const changed = replaceOnce(previous(), '四、结转下年度继续办理 2 0 0 0 0 0 2', '四、结转下年度继续办理 3 0 0 0 0 0 3');
    const counts = [changed, previous(), changed, changed, previous()].map((prev) => problemsOf(current(), 'cross-year', { previous: prev }).length);
    assert.deepStrictEqual(counts, [2, 0, 2, 2, 0]);
  });

  it('says nothing without a previous report, for another body, or for a year that is not the one before', () => {
    const prev = replaceOnce(previous(), '四、结转下年度继续办理 2 0 0 0 0 0 2', '四、结转下年度继续办理 3 0 0 0 0 0 3');
    assert.deepStrictEqual(problemsOf(current(), 'cross-year', {}), []);
    assert.deepStrictEqual(problemsOf(current(), 'cross-year', { previous: prev.replace('示例县民政局2023', '示例县财政局2023') }), []);
    assert.deepStrictEqual(problemsOf(current(), 'cross-year', { previous: prev.replace('示例县民政局2023', '示例县民政局2021') }), []);
    assert.strictEqual(problemsOf(current(), 'cross-year', { previous: prev }).length, 2);
  });
});
