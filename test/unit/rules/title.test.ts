import * as assert from 'assert';
import { applyEdits, check } from '../../../server/src/core';
import { OPTIONS, checkFixture, expectFindings, loadFixture, problemsOf, replaceOnce, seed, said } from '../helpers';

describe('rule title (RPT016)', () => {
  it('a title without 年度: info, with a non-preferred fix to the standard title', () => {
    const f = checkFixture('title-missing-niandu.txt');
    const [p] = problemsOf(f.text, 'title');
    assert.strictEqual(p.severity, 'info');
    assert.strictEqual(said(p.message), 'titleNonStandard(expected=示例县民政局2024年政府信息公开工作年度报告, found=示例县民政局2024年政府信息公开工作报告)');
    assert.deepStrictEqual(p.fixes.map((x) => [said(x.title), x.preferred]), [['fixTitle(title=示例县民政局2024年政府信息公开工作年度报告)', false]]);
    assert.strictEqual(applyEdits(f.text, p.fixes[0].edits), loadFixture('shape-spaces.txt').text);
  });

  it('no title at all', () => {
    const f = checkFixture('title-missing.txt');
    const [p] = problemsOf(f.text, 'title');
    assert.strictEqual(said(p.message), 'titleMissing');
    assert.deepStrictEqual(p.fixes, []);
  });

  it('a title without the body’s name cannot be completed', () => {
    const text = replaceOnce(loadFixture('shape-spaces.txt').text, '示例县民政局2024年政府信息公开工作年度报告', '2024年政府信息公开工作年度报告');
    expectFindings(text, [{ rule: 'title', line: 1, message: 'titleNonStandard(expected=<机关名称>2024年政府信息公开工作年度报告, found=2024年政府信息公开工作年度报告)' }]);
    assert.deepStrictEqual(problemsOf(text, 'title')[0].fixes, []);
  });

  it('seeds 002 (title broken over two lines, no 年度) and 004 (no 政府)', () => {
    const s2 = seed('002');
    const [p] = problemsOf(s2, 'title');
    assert.strictEqual(s2.slice(p.span.start, p.span.end), '吉尔格勒特郭楞蒙古民族乡2024年\n政府信息公开工作报告');
    assert.strictEqual(applyEdits(s2, p.fixes[0].edits).split('\n')[3], '政府信息公开工作年度报告');
    const s4 = seed('004');
    const [q] = problemsOf(s4, 'title');
    assert.strictEqual(said(q.message), 'titleNonStandard(expected=西堡镇人民政府2024年政府信息公开工作年度报告, found=西堡镇人民政府2024年信息公开工作年度报告)');
    assert.strictEqual(applyEdits(s4, q.fixes[0].edits).split('\n')[2], '# 西堡镇人民政府 2024年政府信息公开工作年度报告');
  });

  /** The standard fixture with its title written as `title`: no finding, and the whole title read. */
  function readWhole(title: string): string {
    const text = replaceOnce(loadFixture('shape-spaces.txt').text, '示例县民政局2024年政府信息公开工作年度报告', title);
    assert.deepStrictEqual(problemsOf(text, 'title'), []);
    const t = check(text, OPTIONS).model.title!;
    assert.deepStrictEqual([t.body, t.year, t.standard, text.slice(t.span.start, t.span.end)], ['示例县民政局', 2024, true, title]);
    return text;
  }

  it('a title wrapped in a narrow column (…工作年 / 度报告) is read over both lines', () => {
    const text = readWhole('示例县民政局2024年政府信息公开工作年\n度报告');
    // A sentence going on after the line is no title's end.
    const sentence = replaceOnce(text, '年\n度报告', '年\n度报告，现予公布');
    assert.deepStrictEqual(problemsOf(sentence, 'title').map((p) => said(p.message)), ['titleMissing']);
  });

  it('a title set on three lines (body / year / the rest, as a PDF cover gives it) is read over all three', () => {
    const text = readWhole('示例县民政局\n2024年\n政府信息公开工作年度报告');
    // Without 年度: the body's name is in the message, and the fix puts 年度 back where it belongs.
    const short = replaceOnce(text, '政府信息公开工作年度报告\n', '政府信息公开工作报告\n');
    const [p] = problemsOf(short, 'title');
    assert.strictEqual(said(p.message), 'titleNonStandard(expected=示例县民政局2024年政府信息公开工作年度报告, found=示例县民政局2024年政府信息公开工作报告)');
    assert.strictEqual(applyEdits(short, p.fixes[0].edits), text);
  });

  it('the body\'s name after the year (2024年某县…政府信息公开…): named in the message, and the fix puts it first', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const text = replaceOnce(base, '示例县民政局2024年政府信息公开工作年度报告', '# 2024年度示例县人民政府政府信息公开工作年度报告');
    const [p] = problemsOf(text, 'title');
    assert.strictEqual(said(p.message), 'titleNonStandard(expected=示例县人民政府2024年政府信息公开工作年度报告, found=2024年度示例县人民政府政府信息公开工作年度报告)');
    const fixed = applyEdits(text, p.fixes[0].edits);
    assert.strictEqual(fixed.split('\n')[0], '# 示例县人民政府2024年政府信息公开工作年度报告');
    assert.deepStrictEqual(problemsOf(fixed, 'title'), []);
    // Over two lines the title is not rewritten.
    const two = replaceOnce(base, '示例县民政局2024年政府信息公开工作年度报告', '2024年\n示例县民政局政府信息公开工作年度报告');
    assert.deepStrictEqual(problemsOf(two, 'title').map((q) => [said(q.message), q.fixes.length]), [
      ['titleNonStandard(expected=示例县民政局2024年政府信息公开工作年度报告, found=2024年示例县民政局政府信息公开工作年度报告)', 0],
    ]);
  });

  it('a page copied whole: its navigation before the title (a line naming 政府信息公开…工作报告…) is no title', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const nav = ['首页', '政务公开', '政府信息公开领导之窗政府机构要闻政府会议最新文件政策文件库政府工作报告公示公告规划信息专题专栏', '当前位置：', '首页', '政府信息公开', '政府信息公开年报'];
    const page = [...nav, ...nav, base].join('\n');
    assert.deepStrictEqual(check(page, OPTIONS).model.title?.text, '示例县民政局2024年政府信息公开工作年度报告');
    assert.deepStrictEqual(problemsOf(page, 'title'), []);
    // A title without its year is still found past them, and said to lack it; so is one with a note in brackets.
    const noYear = replaceOnce(page, '示例县民政局2024年政府信息公开工作年度报告', '示例县民政局政府信息公开工作年度报告');
    assert.strictEqual(check(noYear, OPTIONS).model.title?.text, '示例县民政局政府信息公开工作年度报告');
    const whole = replaceOnce(page, '示例县民政局2024年政府信息公开工作年度报告', '示例县民政局2024年政府信息公开工作年度报告（全文）');
    assert.strictEqual(check(whole, OPTIONS).model.title?.text, '示例县民政局2024年政府信息公开工作年度报告(全文)');
  });

  it('the year in brackets after the report\'s name (…工作年度报告（2024年度）): the body\'s name is read before the report\'s', () => {
    const text = replaceOnce(loadFixture('shape-spaces.txt').text, '示例县民政局2024年政府信息公开工作年度报告', '示例县民政局政府信息公开工作年度报告（2024年度）');
    expectFindings(text, [{ rule: 'title', line: 1, message: 'titleNonStandard(expected=示例县民政局2024年政府信息公开工作年度报告, found=示例县民政局政府信息公开工作年度报告(2024年度))' }]);
  });

  it('no finding on standard titles (seed 003 writes 2024 年度…年度报告)', () => {
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-pipes.md']) assert.deepStrictEqual(problemsOf(loadFixture(name).text, 'title'), [], name);
    assert.deepStrictEqual(problemsOf(seed('003'), 'title'), []);
    assert.deepStrictEqual(problemsOf(seed('000'), 'title'), []);
  });
});
