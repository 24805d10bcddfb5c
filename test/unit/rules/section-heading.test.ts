import * as assert from 'assert';
import { check, fixAll } from '../../../server/src/core';
import { OPTIONS, checkFixture, expectFindings, expectFix, expectNoFindings, loadFixture, problemsOf, replaceOnce, seed, said } from '../helpers';

describe('rule section-heading (RPT011)', () => {
  it('a near miss of the wording (seed 001’s 六、他需要报告的事项) is replaced by the template heading', () => {
    const f = checkFixture('section-heading-typo.txt');
    const [p] = problemsOf(f.text, 'section-heading');
    assert.strictEqual(p.severity, 'warning');
    assert.strictEqual(said(p.message), 'sectionHeading(found=六、他需要报告的事项, heading=六、其他需要报告的事项)');
    assert.strictEqual(f.text.slice(p.span.start, p.span.end), '六、他需要报告的事项');
    assert.deepStrictEqual(p.fixes.map((x) => [said(x.title), x.preferred]), [['fixHeading(heading=六、其他需要报告的事项)', true]]);
    assert.deepStrictEqual(problemsOf(seed('001'), 'section-heading').map((q) => said(q.message)), [said(p.message)]);
  });

  it('a heading line that holds other text too: the fix is offered, not applied by Fix All (it would drop the text)', () => {
    // Table 三's caption glued to its heading (its 勾稽关系 line anchors the table): rewriting the line would lose the table.
    const text = replaceOnce(seed('000'), '三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息（本列数据的勾稽关系');
    const [p] = problemsOf(text, 'section-heading');
    assert.deepStrictEqual(p.fixes.map((f) => [said(f.title), f.preferred]), [['fixHeading(heading=三、收到和处理政府信息公开申请情况)', false]]);
    assert.ok(fixAll(text, OPTIONS).includes('\n三、收到和处理政府信息（本列数据的勾稽关系\n'));
  });

  it('a heading wrapped onto the next line (a narrow column, text of a PDF set in two columns) is that heading, over both lines', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const text = replaceOnce(base, '三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申\n请情况');
    expectNoFindings(text);
    const s = check(text, OPTIONS).model.sections.find((x) => x.index === 3)!;
    assert.strictEqual(s.text, '三、收到和处理政府信息公开申请情况');
    assert.strictEqual(text.slice(s.span.start, s.span.end), '三、收到和处理政府信息公开申\n请情况');
    // The next line must complete the wording; otherwise the first line is a near miss, as before.
    const cut = replaceOnce(base, '三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申\n请的情况');
    expectFindings(cut, [{ rule: 'section-heading', line: 28, message: 'sectionHeading(found=三、收到和处理政府信息公开申, heading=三、收到和处理政府信息公开申请情况)' }]);
  });

  it('a heading with the start of a table after it on its line (PDF text joins a heading that reaches the margin to the next line) is that heading', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const corner = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
    const text = replaceOnce(base, `三、收到和处理政府信息公开申请情况\n\n${corner}`, '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系\n为：第一项加第二项之和，等于第三项加第四项之和）');
    expectNoFindings(text);
    const s = check(text, OPTIONS).model.sections.find((x) => x.index === 3)!;
    assert.strictEqual(s.text, '三、收到和处理政府信息公开申请情况');
    // Another heading's words after it are no table's start: the line is a near miss, as before.
    const other = replaceOnce(base, `三、收到和处理政府信息公开申请情况\n\n${corner}`, `三、收到和处理政府信息公开申请情况及其他\n\n${corner}`);
    assert.deepStrictEqual(problemsOf(other, 'section-heading').length, 1);
  });

  it('wrapped and under the wrong numeral: quoted whole, and fixed onto one line', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const text = replaceOnce(base, '三、收到和处理政府信息公开申请情况', '四、收到和处理政府信息公开申\n请情况');
    assert.deepStrictEqual(
      problemsOf(text, 'section-heading').map((p) => said(p.message)),
      ['sectionHeading(found=四、收到和处理政府信息公开申请情况, heading=三、收到和处理政府信息公开申请情况)'],
    );
    expectFix(text, base);
  });

  it('the wrong numeral on a right wording', () => {
    const f = checkFixture('section-heading-numeral.txt');
    const [p] = problemsOf(f.text, 'section-heading');
    assert.strictEqual(said(p.message), 'sectionHeading(found=四、存在的主要问题及改进情况, heading=五、存在的主要问题及改进情况)');
  });

  it('Markdown marks and bold stay, only the wording inside changes', () => {
    const f = checkFixture('section-heading-markdown-bold.md');
    const [p] = problemsOf(f.text, 'section-heading');
    assert.strictEqual(said(p.message), 'sectionHeading(found=五、存在的主要问题和改进情况, heading=五、存在的主要问题及改进情况)');
    assert.strictEqual(f.text.slice(p.span.start, p.span.end), '五、存在的主要问题和改进情况');
    assert.ok(f.fixed!.includes('\n## **五、存在的主要问题及改进情况**\n'));
  });

  it('accepted variants and spacing are no problem', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const variants: [string, string][] = [
      ['二、主动公开政府信息情况', '二、行政机关主动公开政府信息情况'],
      ['三、收到和处理政府信息公开申请情况', '三、行政机关收到和处理政府信息公开申请情况'],
      ['四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议和行政诉讼情况'],
      ['四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议与行政诉讼情况'],
      ['三、收到和处理政府信息公开申请情况', '三、收到与处理政府信息公开申请情况'],
      ['五、存在的主要问题及改进情况', '五、存在的主要问题及改进措施'],
      ['五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施'],
      ['五、存在的主要问题及改进情况', '五、 存在的主要问题 及改进情况'],
      ['一、总体情况', '一.总体情况'],
      ['一、总体情况', '**一、总体情况**'],
    ];
    for (const [from, to] of variants) expectNoFindings(replaceOnce(base, `\n${from}\n`, `\n${to}\n`));
  });

  it('a heading among no-break spaces (a copied web page) is read as any other', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const pad = '\u00a0'.repeat(80);
    expectNoFindings(replaceOnce(base, '\n一、总体情况\n', `\n\u00a0一、总体情况\u00a0 \n`));
    expectNoFindings(replaceOnce(base, '\n三、收到和处理政府信息公开申请情况\n', `\n三、收到和处理政府信息公开申请情况${pad}\n`));
    const typo = replaceOnce(base, '\n六、其他需要报告的事项\n', `\n\u00a0\u3000六、他需要报告的事项${pad}\n`);
    const [f] = expectFindings(typo, [{ rule: 'section-heading', line: 76, message: 'sectionHeading(found=六、他需要报告的事项, heading=六、其他需要报告的事项)' }]);
    assert.strictEqual(typo.slice(f.problem.span.start, f.problem.span.end), '六、他需要报告的事项');
  });

  it('a report in the 2008 outline (a fees section): its headings are that era’s, said once as an info', () => {
    const text = loadFixture('originals/010_pingtan_shehuishiye_2014/word-tabs.txt').text;
    const fee = 'outline2008(found=四、政府信息公开的收费及减免情况)';
    expectFindings(text, [
      { rule: 'title', line: 1, message: 'titleNonStandard(expected=平潭综合实验区社会事业局2014年政府信息公开工作年度报告, found=平潭综合实验区社会事业局2014年政府信息公开年度报告)' },
      { rule: 'missing-table', line: 5, message: 'missingTable(table=@table.t2)' },
      { rule: 'missing-table', line: 12, message: 'missingTable(table=@table.t3)' },
      { rule: 'section-heading', line: 14, message: fee },
      { rule: 'missing-table', line: 16, message: 'missingTable(table=@table.t4)' },
    ]);
    // Without the fees section the same headings are held to the 2021 wording again.
    const cut = replaceOnce(text, '四、政府信息公开的收费及减免情况\n', '');
    assert.deepStrictEqual(
      problemsOf(cut, 'section-heading').map((p) => said(p.message)),
      [
        'sectionHeading(found=一、概述, heading=一、总体情况)',
        'sectionHeading(found=二、主动公开政府信息的情况, heading=二、主动公开政府信息情况)',
        'sectionHeading(found=三、政府信息依申请公开办理情况, heading=三、收到和处理政府信息公开申请情况)',
        'sectionHeading(found=五、因政府信息公开申请行政复议、提起行政诉讼的情况, heading=四、政府信息公开行政复议、行政诉讼情况)',
        'sectionHeading(found=六、政府信息公开工作存在的主要问题及改进措施, heading=五、存在的主要问题及改进情况)',
      ],
    );
    assert.deepStrictEqual(problemsOf(cut, 'missing-section').map((p) => said(p.message)), ['missingSection(heading=六、其他需要报告的事项, numeral=六)']);
  });
});
