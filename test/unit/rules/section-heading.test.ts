import * as assert from 'assert';
import { fixAll, formatMessage } from '../../../server/src/core';
import { OPTIONS, checkFixture, expectFindings, expectNoFindings, loadFixture, problemsOf, replaceOnce, seed } from '../helpers';

describe('rule section-heading (RPT011)', () => {
  it('a near miss of the wording (seed 001’s 六、他需要报告的事项) is replaced by the template heading', () => {
    const f = checkFixture('section-heading-typo.txt');
    const [p] = problemsOf(f.text, 'section-heading');
    assert.strictEqual(p.severity, 'warning');
    assert.strictEqual(formatMessage(p.message), '标题「六、他需要报告的事项」与模板不符，应为「六、其他需要报告的事项」');
    assert.strictEqual(f.text.slice(p.span.start, p.span.end), '六、他需要报告的事项');
    assert.deepStrictEqual(p.fixes.map((x) => [formatMessage(x.title), x.preferred]), [['改为「六、其他需要报告的事项」', true]]);
    assert.deepStrictEqual(problemsOf(seed('001'), 'section-heading').map((q) => formatMessage(q.message)), [formatMessage(p.message)]);
  });

  it('a heading line that holds other text too: the fix is offered, not applied by Fix All (it would drop the text)', () => {
    // Table 三's caption glued to its heading (its 勾稽关系 line anchors the table): rewriting the line would lose the table.
    const text = replaceOnce(seed('000'), '三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息（本列数据的勾稽关系');
    const [p] = problemsOf(text, 'section-heading');
    assert.deepStrictEqual(p.fixes.map((f) => [formatMessage(f.title), f.preferred]), [['改为「三、收到和处理政府信息公开申请情况」', false]]);
    assert.ok(fixAll(text, OPTIONS).includes('\n三、收到和处理政府信息（本列数据的勾稽关系\n'));
  });

  it('the wrong numeral on a right wording', () => {
    const f = checkFixture('section-heading-numeral.txt');
    const [p] = problemsOf(f.text, 'section-heading');
    assert.strictEqual(formatMessage(p.message), '标题「四、存在的主要问题及改进情况」与模板不符，应为「五、存在的主要问题及改进情况」');
  });

  it('Markdown marks and bold stay, only the wording inside changes', () => {
    const f = checkFixture('section-heading-markdown-bold.md');
    const [p] = problemsOf(f.text, 'section-heading');
    assert.strictEqual(formatMessage(p.message), '标题「五、存在的主要问题和改进情况」与模板不符，应为「五、存在的主要问题及改进情况」');
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
    const [f] = expectFindings(typo, [{ rule: 'section-heading', line: 76, message: '标题「六、他需要报告的事项」与模板不符，应为「六、其他需要报告的事项」' }]);
    assert.strictEqual(typo.slice(f.problem.span.start, f.problem.span.end), '六、他需要报告的事项');
  });

  it('a report in the 2008 outline (a fees section): its headings are that era’s, said once as an info', () => {
    const text = loadFixture('originals/010_pingtan_shehuishiye_2014/word-tabs.txt').text;
    const fee = '本报告按 2008 年条例时期的提纲编写（有「四、政府信息公开的收费及减免情况」一节），各部分标题未与 2021 年模板逐个比较';
    expectFindings(text, [
      { rule: 'title', line: 1, message: '标题「平潭综合实验区社会事业局2014年政府信息公开年度报告」不规范，应为「平潭综合实验区社会事业局2014年政府信息公开工作年度报告」' },
      { rule: 'missing-table', line: 5, message: '缺少表格「表二（主动公开政府信息情况）」（表格可能以图片形式粘贴）' },
      { rule: 'missing-table', line: 12, message: '缺少表格「表三（收到和处理政府信息公开申请情况）」（表格可能以图片形式粘贴）' },
      { rule: 'section-heading', line: 14, message: fee },
      { rule: 'missing-table', line: 16, message: '缺少表格「表四（政府信息公开行政复议、行政诉讼情况）」（表格可能以图片形式粘贴）' },
    ]);
    // Without the fees section the same headings are held to the 2021 wording again.
    const cut = replaceOnce(text, '四、政府信息公开的收费及减免情况\n', '');
    assert.deepStrictEqual(
      problemsOf(cut, 'section-heading').map((p) => formatMessage(p.message)),
      [
        '标题「一、概述」与模板不符，应为「一、总体情况」',
        '标题「二、主动公开政府信息的情况」与模板不符，应为「二、主动公开政府信息情况」',
        '标题「三、政府信息依申请公开办理情况」与模板不符，应为「三、收到和处理政府信息公开申请情况」',
        '标题「五、因政府信息公开申请行政复议、提起行政诉讼的情况」与模板不符，应为「四、政府信息公开行政复议、行政诉讼情况」',
        '标题「六、政府信息公开工作存在的主要问题及改进措施」与模板不符，应为「五、存在的主要问题及改进情况」',
      ],
    );
    assert.deepStrictEqual(problemsOf(cut, 'missing-section').map((p) => formatMessage(p.message)), ['缺少第六部分「六、其他需要报告的事项」']);
  });
});
