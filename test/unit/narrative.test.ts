/**
 * Issue-4 rules: narrative-mismatch, cross-year, implausible-value. Seed 001's tables: 一 30,
 * 二 0, （七） 29, 四 1, 予以公开 10; table 四: 复议 6 0 4 1 | 11, 诉讼 1 0 0 0 | 1, 0 1 0 0 | 1.
 */
import * as assert from 'assert';
import { check, fixAll, type CheckOptions } from '../../server/src/core';
import { ARITHMETIC, SEED_IDS, lineOf, replaceOnce, seed, seed001Complete, said } from './helpers';

const ALL: CheckOptions = {};

function found(text: string, rule: string, options: CheckOptions = ALL) {
  return check(text, options)
    .problems.filter((p) => p.rule === rule)
    .map((p) => ({ line: text.slice(0, p.span.start).split('\n').length, text: text.slice(p.span.start, p.span.end), message: said(p.message), problem: p }));
}

/** Seed 001 with the paragraph of 依申请公开 figures replaced by `sentence`. */
function withNarrative(sentence: string, text = seed001Complete()): string {
  const start = text.indexOf('一规范答复口径。');
  const end = text.indexOf('委 4件，已全部审结。') + '委 4件，已全部审结。'.length;
  return text.slice(0, start) + '一规范答复口径。' + sentence + text.slice(end);
}

describe('narrative-mismatch', () => {
  it('seed 001 gives exactly its two mismatches (行政诉讼 3 vs 2, 行政复议 5 vs 11)', () => {
    const text = seed('001');
    const f = found(text, 'narrative-mismatch');
    assert.deepStrictEqual(
      f.map((x) => [x.line, x.text, x.message]),
      [
        [52, '3', 'narrativeMismatch(stated=3, table=2, where=@where.litigation)'],
        [54, '5', 'narrativeMismatch(stated=5, table=11, where=@where.review)'],
      ],
    );
    assert.strictEqual(lineOf(text, '行政诉讼案件 3件'), 52);
    // The related information points at the table cells; the fix is offered but not preferred.
    const review = f[1].problem;
    assert.strictEqual(text.slice(review.related[0].span.start, review.related[0].span.end), '11');
    assert.deepStrictEqual(review.fixes.map((x) => [said(x.title), x.preferred, x.edits[0].newText]), [['fixNarrative(value=11)', false, '11']]);
    const lit = f[0].problem;
    assert.deepStrictEqual(lit.related.map((r) => text.slice(r.span.start, r.span.end)), ['1', '1']);
  });

  it('seed 001 figures that agree with the tables (30, 29, 1) are not flagged', () => {
    const f = found(seed('001'), 'narrative-mismatch').map((x) => x.text);
    assert.ok(!f.includes('30') && !f.includes('29') && !f.includes('1'));
  });

  for (const id of SEED_IDS.filter((s) => s !== '001')) {
    it(`seed ${id} gives none`, () => assert.deepStrictEqual(found(seed(id), 'narrative-mismatch'), []));
  }

  const cases: [string, string, string[]][] = [
    ['Chinese numerals agreeing', '本年度共收到政府信息公开申请三十件，办结二十九件。', []],
    ['Chinese numerals disagreeing', '本年度共收到政府信息公开申请十二件。', ['十二']],
    ['full-width digits and a space before 件', '本年度共收到政府信息公开申请 ３１ 件。', ['３１']],
    ['thousands separators: the whole number, not the digits after the comma', '本年度共收到政府信息公开申请1,030件，办结29件。', ['1,030']],
    ['a comma between figures is not a thousands separator', '本年度共收到政府信息公开申请30,29件。', []],
    ['a sentence broken across lines', '本年度共收到政府信息\n\n公开申请 31\n件。', ['31']],
    ['办结 / 答复 → （七）总计', '全年答复申请 28 件。', ['28']],
    ['结转 → 四', '另有 2 件结转下年度继续办理。', ['2']],
    ['予以公开', '其中予以公开 9 件。', ['9']],
    ['含上年结转 compares with 一 + 二', '共受理政府信息公开申请 30 件（含上年结转 0 件）。', []],
    ['行政复议 agreeing', '被申请行政复议 11 件。', []],
    ['行政诉讼 agreeing', '发生政府信息公开行政诉讼 2 件。', []],
    ['行政复议案件 contradicted', '本年度共发生行政复议案件 12 件。', ['12']],
    ['行政复议申请 contradicted', '行政复议申请 10 件。', ['10']],
    ['均已审结 contradicted by 尚未审结 1', '行政复议案件均已审结。', ['均已审结']],
    ['均获维持 contradicted by 纠正 and 其他', '行政复议案件均获维持。', ['均获维持']],
    ['未收到申请 contradicted by 一 = 30', '本年度未收到政府信息公开申请。', ['未收到']],
    ['未收到 everyone\'s requests (公民、法人或其他组织) contradicted', '本年度未收到公民、法人或其他组织提出的政府信息公开申请。', ['未收到']],
    ['未收到任何…申请 contradicted', '全年没有收到任何依申请公开的申请。', ['没有收到']],
    ['未发生 行政复议、行政诉讼 contradicted by 复议 11 and 诉讼 2: one finding each', '全年未发生因政府信息公开引起的行政复议、行政诉讼案件。', ['未发生', '未发生']],
    ['没有发生 行政诉讼 contradicted by 诉讼 2', '本年度没有发生政府信息公开行政诉讼案件。', ['没有发生']],
    ['未发生…被申请行政复议或提起行政诉讼: both', '全年未发生因政府信息公开工作被申请行政复议或提起行政诉讼的情况。', ['未发生', '未发生']],
    ['未出现…行政复议, with neither 件 nor 申请', '全年未出现因政府信息公开引起的行政复议。', ['未出现']],
    ['无…行政复议、行政诉讼: both', '本年度无政府信息公开行政复议、行政诉讼案件。', ['无', '无']],
    ['无…申请 contradicted by 一 = 30', '本年度无政府信息公开申请。', ['无']],
    // Every word a figure needs (件, 审结, 维持, 未, 没有) broken by a line break, as PDF text breaks it,
    // in a sentence found by its 申请.
    ['件 after a line break', '本年度共收到政府信息公开申请 31\n件。', ['31']],
    ['均已审\\n结', '申请行政复议的均已审\n结。', ['均已审\n结']],
    ['均获维\\n持', '申请行政复议的均获维\n持。', ['均获维\n持']],
    ['没\\n有收到申请', '本年度没\n有收到政府信息公开申请。', ['没\n有收到']],
  ];
  for (const [name, sentence, expected] of cases) {
    it(name, () => assert.deepStrictEqual(found(withNarrative(sentence), 'narrative-mismatch').map((x) => x.text), expected));
  }

  const falseAlarms: [string, string][] = [
    ['信件 rather than 申请', '全年办理群众来信 12 件，收到申请的答复及时。'],
    ['留言', '网站收到留言 45 件。'],
    ['last year', '2023年收到政府信息公开申请 18 件。'],
    ['one office inside the body', '其中，市住建局收到政府信息公开申请 5 件。'],
    ['numbers that are not counts', '按照“一件一审”原则，20个工作日内答复。'],
    ['复议 and 诉讼 together', '行政复议、行政诉讼共 7 件。'],
    ['a figure about documents, not requests', '主动公开政策文件 47 件。'],
    // Table 四: 复议 6 0 4 1 | 11, 诉讼 1 0 0 0 | 1, 0 1 0 0 | 1. A word between 行政复议 / 行政诉讼 and its
    // count names a part or a change, not the total.
    ['a result of 行政复议 (维持 6)', '本年度行政复议维持6件。'],
    ['行政复议 corrected (纠错 0)', '本年度行政复议被纠错0件。'],
    ['行政复议 not concluded (尚未审结 1)', '行政复议尚未审结1件。'],
    ['a part of 行政复议 after 中', '行政复议案件中被纠错的0件。'],
    ['a change of 行政复议', '行政复议同比下降2件。'],
    ['行政复议 withdrawn', '行政复议申请人撤回1件。'],
    ['a result of 行政诉讼 (败诉 0)', '行政诉讼败诉0件。'],
    // A change, a time or a channel makes a count a part or a change of what it names.
    ['a change of 收到', '收到申请同比增加5件。'],
    ['late answers (逾期答复 0)', '答复申请人29件，逾期答复0件。'],
    ['overdue among 办结 (超期办结 0)', '办结申请中，超期办结0件。'],
    ['a channel (网上收到 28)', '全年通过网上收到申请28件。'],
    // Words between a result row and its count make the count something inside the row.
    ['a part inside a result row (a note under table 三)', '注：本表“（六）其他处理”中第3项包含申请人撤回申请2件。'],
    // A sentence about another period than the report's year counts something else.
    ['several years (近三年来)', '近三年来，共收到政府信息公开申请200件。'],
    ['years since (五年来)', '五年来累计受理申请160件。'],
    ['a quarter', '第四季度收到政府信息公开申请8件。'],
    ['half a year', '上半年收到政府信息公开申请12件，办结12件。'],
    // 未收到 said of some applicants or some matter only.
    ['no requests from organisations (法人或其他组织: 0)', '共有30名自然人提出申请，未收到法人或其他组织的申请。'],
    ['no requests on a matter', '本年度未收到涉及国家秘密的政府信息公开申请。'],
    ['no written requests', '本年度未收到书面政府信息公开申请。'],
    // 未发生 said of some cases only, or of one office.
    ['no review corrected', '本年度未发生行政复议被纠错的案件。'],
    ['no litigation lost', '本年度未发生败诉的行政诉讼案件。'],
    ['no review on a matter', '本年度未发生涉及征收补偿的行政复议案件。'],
    // 无 in a word (无法, 无需, 无效) or of some cases.
    ['无法提供', '无法提供的申请2件。'],
    ['无效申请', '本年度无效申请0件。'],
    ['无一起…被纠错', '全年无一起行政复议案件被纠错。'],
    ['one office', '其中，市住建局未发生行政复议案件。'],
  ];
  for (const [name, sentence] of falseAlarms) {
    it(`says nothing: ${name}`, () => assert.deepStrictEqual(found(withNarrative(sentence), 'narrative-mismatch'), []));
  }

  /**
   * Seed 001 with table 三's 自然人 and 总计 columns set from the leaves given (others 0); （七）总计
   * and 四、结转下年度 follow from them, so the tables stay consistent.
   */
  function withT3(text: string, n: { new: number; carried: number; granted?: number; partial?: number; secret?: number; unavailable?: number; overdue?: number; other?: number }): string {
    const row = (x: number) => `${x} 0 0 0 0 0 ${x}`;
    const leaves = [n.granted, n.partial, n.secret, n.unavailable, n.overdue, n.other].map((x) => x ?? 0);
    const total = leaves.reduce((a, b) => a + b, 0);
    const [granted, partial, secret, unavailable, overdue, other] = leaves;
    const swaps: [string, string][] = [
      ['一、本年新收政府信息公开申请数量 30 0 0 0 0 0 30', `一、本年新收政府信息公开申请数量 ${row(n.new)}`],
      ['二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0', `二、上年结转政府信息公开申请数量 ${row(n.carried)}`],
      ['（一）予以公开 10 0 0 0 0 0 10', `（一）予以公开 ${row(granted)}`],
      ['计其他情形）\n0 0 0 0 0 0 0', `计其他情形）\n${row(partial)}`],
      ['1.属于国家秘密 0 0 0 0 0 0 0', `1.属于国家秘密 ${row(secret)}`],
      ['1.本机关不掌握相关政府信息 2 0 0 0 0 0 2', `1.本机关不掌握相关政府信息 ${row(unavailable)}`],
      ['机关不再处理其政府信息公开申请\n\n1 0 0 0 0 0 1', `机关不再处理其政府信息公开申请\n\n${row(overdue)}`],
      ['3.其他 16 0 0 0 0 0 16', `3.其他 ${row(other)}`],
      ['（七）总计 29 0 0 0 0 0 29', `（七）总计 ${row(total)}`],
      ['四、结转下年度继续办理 1 0 0 0 0 0 1', `四、结转下年度继续办理 ${row(n.new + n.carried - total)}`],
    ];
    const out = swaps.reduce((t, [from, to]) => replaceOnce(t, from, to), text);
    assert.deepStrictEqual(check(out).problems.filter((p) => ARITHMETIC.has(p.rule)), [], 'the tables add up');
    return out;
  }

  // Figures that equal a plausible reading of what they count, in the wordings of real reports.
  const readings: [string, Parameters<typeof withT3>[1], string, string[]][] = [
    [
      '受理 = 新收 + 上年结转, the text not saying so (749 = 713 + 36)',
      { new: 713, carried: 36, granted: 500, unavailable: 200, overdue: 1, other: 16 },
      '本年度共受理申请 749 件，办结 717 件，32 件结转下年度继续办理。',
      [],
    ],
    ['收到 = 新收 + 上年结转 (75 = 74 + 1)', { new: 74, carried: 1, granted: 40, unavailable: 18, overdue: 1, other: 16 }, '收到申请75件，均已按时办结。', []],
    [
      '（含上年结转）belongs to the count before it (办结), not to 受理',
      { new: 1295, carried: 189, granted: 900, unavailable: 274, overdue: 1, other: 16 },
      '全年共受理政府信息公开申请 1295 件，办结 1191 件（含上年结转 189 件），293 件结转下年度继续办理。',
      [],
    ],
    [
      '…and when it follows 受理, 受理 counts both',
      { new: 1295, carried: 189, granted: 900, unavailable: 274, overdue: 1, other: 16 },
      '全年共受理政府信息公开申请 1295 件（含上年结转 189 件）。',
      ['1295:narrativeMismatch(stated=1295, table=1484, where=@where.receivedWithCarried)'],
    ],
    [
      '予以公开及部分公开: the sum of the rows named (208 = 206 + 2)',
      { new: 230, carried: 0, granted: 206, partial: 2, unavailable: 5, overdue: 1, other: 16 },
      '办结申请 230 件，其中予以公开及部分公开 208 件，无法提供 5 件，其他处理 17 件。',
      [],
    ],
    [
      '…which it is compared with',
      { new: 230, carried: 0, granted: 206, partial: 2, unavailable: 5, overdue: 1, other: 16 },
      '其中予以公开及部分公开 206 件。',
      ['206:narrativeMismatchRows(rows=“（一）予以公开”、“（二）部分公开”, stated=206, table=208)'],
    ],
    [
      'results among 所有办结的申请中 are result rows, not 办结',
      { new: 12, carried: 0, granted: 9, secret: 2, overdue: 1 },
      '本年度收到申请 12 件，所有办结的申请中同意公开答复 9 件，部分公开答复 0 件，不予公开答复 2 件，其他处理答复 1 件。',
      [],
    ],
    [
      '…each compared with its row',
      { new: 12, carried: 0, granted: 9, secret: 2, overdue: 1 },
      '所有办结的申请中同意公开答复 9 件，部分公开答复 0 件，不予公开答复 3 件。',
      ['3:narrativeMismatch(stated=3, table=2, where=@where.refused)'],
    ],
    [
      'a part after 其中 is not the whole',
      { new: 30, carried: 0, granted: 20, unavailable: 9, overdue: 1 },
      '共收到申请 30 件，其中网上收到申请 10 件，办结 30 件。',
      [],
    ],
  ];
  for (const [name, table, sentence, expected] of readings) {
    it(name, () => {
      const text = withNarrative(sentence, withT3(seed001Complete(), table));
      assert.deepStrictEqual(found(text, 'narrative-mismatch').map((x) => `${x.text}:${x.message}`), expected);
    });
  }

  it('a count of received requests that is neither 新收 nor 新收 + 结转 is a mismatch, told against 新收', () => {
    const text = withNarrative('本年度共受理申请 750 件。', withT3(seed001Complete(), { new: 713, carried: 36, granted: 500, unavailable: 200, overdue: 1, other: 16 }));
    assert.deepStrictEqual(found(text, 'narrative-mismatch').map((x) => [x.text, x.message]), [['750', 'narrativeMismatch(stated=750, table=713, where=@where.received)']]);
  });

  it('the body itself under a shortened name (实验区管委会（办公室）) is not another body: 受理 34 vs 新收 32', () => {
    const own = replaceOnce(seed001Complete(), '格尔木市2024 年政府信息公开工作年度报告', '平潭综合实验区管委会办公室2024年政府信息公开工作年度报告');
    const table = withT3(own, { new: 32, carried: 0, granted: 20, unavailable: 11, overdue: 1 });
    const text = withNarrative('2024年，实验区管委会（办公室）共受理公开申请34件，均在法定期限内予以办理。', table);
    assert.deepStrictEqual(found(text, 'narrative-mismatch').map((x) => [x.text, x.message]), [['34', 'narrativeMismatch(stated=34, table=32, where=@where.received)']]);
    assert.deepStrictEqual(found(withNarrative('2024年，区住建局共受理公开申请34件。', table), 'narrative-mismatch'), []);
  });

  // Table 二's 行政规范性文件 in the text: 制发 / 废止 / 现行有效 N 件.
  const norms: [string, string, string, string[]][] = [
    [
      'a 现行有效 count that contradicts 表二 (393 vs 470)',
      '行政规范性文件 77 0 470',
      '清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。',
      ['393:narrativeMismatch(stated=393, table=470, where=@where.normsInForce)'],
    ],
    ['制发, 废止 and 现行有效 that agree', '行政规范性文件 9 7 253', '2024年，制发行政规范性文件9件，按程序确认失效或废止文件7件，现行有效行政规范性文件共253件。', []],
    ['废止 and 制定 by 我局', '行政规范性文件 15 6 21', '2024年，我局废止规范性文件6件，制定规范性文件15件。', []],
    ['规章和规范性文件 together say nothing', '行政规范性文件 15 6 21', '全年制发规章和规范性文件 16 件。', []],
  ];
  for (const [name, row, sentence, expected] of norms) {
    it(name, () => {
      const text = withNarrative(sentence, replaceOnce(seed001Complete(), '行政规范性文件 8 5 26', row));
      assert.deepStrictEqual(found(text, 'narrative-mismatch').map((x) => `${x.text}:${x.message}`), expected);
    });
  }

  it("the quick fix writes the table's number, and the text then re-checks clean for the rule", () => {
    const text = withNarrative('本年度共收到政府信息公开申请十二件。');
    const [p] = found(text, 'narrative-mismatch');
    const fixed = text.slice(0, p.problem.span.start) + p.problem.fixes[0].edits[0].newText + text.slice(p.problem.span.end);
    assert.ok(fixed.includes('申请30件'));
    assert.deepStrictEqual(found(fixed, 'narrative-mismatch'), []);
    // Not preferred: fix-all leaves the narrative alone.
    assert.ok(fixAll(text).includes('十二件'));
  });
});

describe('cross-year', () => {
  const last = seed001Complete();
  const next = (t: string) => replaceOnce(t, '格尔木市2024 年', '格尔木市2025 年');

  it('二、上年结转 must equal last year\'s 四、结转下年度, per column', () => {
    const f = found(next(seed001Complete()), 'cross-year', { previous: last }).filter((x) => x.problem.message.id === 'crossYearCarried');
    assert.deepStrictEqual(
      f.map((x) => x.message),
      ['crossYearCarried(col=自然人, previous=1, value=0)', 'crossYearCarried(col=总计, previous=1, value=0)'],
    );
    assert.deepStrictEqual(f.map((x) => x.problem.fixes[0].preferred), [false, false]);
  });

  it('现行有效件数 = last year + 制发 − 废止, with the caveat in the message', () => {
    const mine = replaceOnce(next(seed001Complete()), '行政规范性文件 8 5 26', '行政规范性文件 3 1 27');
    const f = found(mine, 'cross-year', { previous: last }).filter((x) => x.problem.message.id === 'crossYearInForce');
    assert.deepStrictEqual(f.map((x) => [x.text, x.message]), [
      ['27', 'crossYearInForce(expected=28, made=3, previous=26, repealed=1, row=行政规范性文件, value=27)'],
    ]);
  });

  it('repeating most of last year\'s narrative is reported as info', () => {
    const f = found(next(seed001Complete()), 'cross-year', { previous: last }).filter((x) => x.problem.severity === 'info');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].message, 'crossYearRepeated(percent=100)');
  });

  it('says nothing for another body or a year that does not follow', () => {
    const other = replaceOnce(next(seed001Complete()), '格尔木市2025 年', '德令哈市2025 年');
    assert.deepStrictEqual(found(other, 'cross-year', { previous: last }), []);
    assert.deepStrictEqual(found(seed001Complete(), 'cross-year', { previous: last }), []);
  });

  it('does nothing without a previous report', () => assert.deepStrictEqual(found(next(seed001Complete()), 'cross-year'), []));
});

describe('implausible-value', () => {
  it('non-zero 规章 for a township', () => {
    const text = replaceOnce(seed('000'), '规章 0 0 0', '规章 1 0 1');
    assert.deepStrictEqual(found(text, 'implausible-value').map((x) => [x.text, x.message]), [
      ['1', 'implausibleRules(body=格尔木市大格勒乡人民政府, value=1)'],
    ]);
  });

  it('规章 of a city is fine', () => {
    assert.deepStrictEqual(found(replaceOnce(seed('001'), '规章 0 0 0', '规章 1 0 1'), 'implausible-value'), []);
  });

  it('a fee written in 元', () => {
    const text = replaceOnce(seed('001'), '行政事业性收费 3883.30', '行政事业性收费 1200元');
    assert.deepStrictEqual(found(text, 'implausible-value').map((x) => x.message), ['implausibleFeeUnit(raw=1200元)']);
  });

  it('an implausibly large fee in 万元 for a township', () => {
    const text = replaceOnce(seed('000'), '行政事业性收费 0', '行政事业性收费 3883.30');
    assert.deepStrictEqual(found(text, 'implausible-value').map((x) => x.message), ['implausibleFee(limit=1000, value=3883.3)']);
  });

  for (const id of SEED_IDS) it(`seed ${id} gives none`, () => assert.deepStrictEqual(found(seed(id), 'implausible-value'), []));
});
