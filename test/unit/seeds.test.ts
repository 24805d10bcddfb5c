/** The five real reports: exactly what the checker must say about each, and what fixing them does. */
import * as assert from 'assert';
import { LineIndex, check, fixAll } from '../../server/src/core';
import { OPTIONS, SEED_IDS, expectFindings, expectFix, rowNumbers, seed, type Expected, type SeedId } from './helpers';

const EXPECTED: Record<SeedId, Expected[]> = {
  '000': [{ rule: 'label-variant', line: 175, message: 'labelVariant(found=3.危及“三安全-稳定”, label=3.危及“三安全一稳定”)' }],
  '001': [
    { rule: 'label-variant', line: 174, message: 'labelVariant(found=3.危及“三安全-稳定”, label=3.危及“三安全一稳定”)' },
    { rule: 'missing-cell', line: 200, message: 'missingCell(actual=6, expected=7, row=（五）2.重复申请)' },
    { rule: 'section-heading', line: 348, message: 'sectionHeading(found=六、他需要报告的事项, heading=六、其他需要报告的事项)' },
  ],
  '002': [
    {
      rule: 'title',
      line: 3,
      message: 'titleNonStandard(expected=吉尔格勒特郭楞蒙古民族乡2024年政府信息公开工作年度报告, found=吉尔格勒特郭楞蒙古民族乡2024年政府信息公开工作报告)',
    },
    { rule: 'label-variant', line: 30, message: 'labelVariant(found=规范性文件, label=行政规范性文件)' },
    { rule: 'label-variant', line: 132, message: 'labelVariant(found=2.其他法律和行政法规禁止公开, label=2.其他法律行政法规禁止公开)' },
    {
      rule: 'label-variant',
      line: 297,
      message: 'labelVariant(found=1.申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请, label=1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请)',
    },
    {
      rule: 'label-variant',
      line: 308,
      message: 'labelVariant(found=2.申请人逾期未按收费通知要求缴纳费用、行政机关不再受理其政府信息公开申请, label=2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请)',
    },
  ],
  '003': [
    { rule: 'section-order', line: 20, message: 'sectionOrder(after=三、收到和处理政府信息公开申请情况, heading=二、主动公开政府信息情况)' },
    { rule: 'missing-cell', line: 25, message: 'missingCell(actual=2, expected=3, row=行政规范性文件)' },
    { rule: 'label-variant', line: 64, message: 'labelVariant(found=四、结转下年继续办理, label=四、结转下年度继续办理)' },
  ],
  '004': [
    { rule: 'title', line: 3, message: 'titleNonStandard(expected=西堡镇人民政府2024年政府信息公开工作年度报告, found=西堡镇人民政府2024年信息公开工作年度报告)' },
    { rule: 'label-variant', line: 22, message: 'labelVariant(found=规范性文件, label=行政规范性文件)' },
    { rule: 'label-variant', line: 39, message: 'columnVariant(found=社会组织, label=社会公益组织)' },
  ],
};

/** Lines `fixAll` changes in each seed (1-based line → new text); nothing else changes. */
const FIXED_LINES: Record<SeedId, Record<number, string>> = {
  '000': { 175: '3.危及“三安全一稳定” 0 0 0 0 0 0 0' },
  '001': { 174: '3.危及“三安全一稳定” 0 0 0 0 0 0 0', 200: '2.重复申请 0 0 0 0 0 0 0', 348: '六、其他需要报告的事项' },
  '002': {
    30: '\t行政规范性文件',
    132: '\t2.其他法律行政法规禁止公开',
    297: '\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    308: '\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  '003': { 25: '行政规范性文件\t0\t0\t0\t', 64: '四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0' },
  '004': { 22: '行政规范性文件\t0\t0\t0', 39: '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t' },
};

/** Problems left after fixing: they have no preferred fix (a title is a judgement, order needs moving text). */
const LEFT_AFTER_FIX: Record<SeedId, string[]> = {
  '000': [],
  '001': [],
  '002': ['3 title'],
  '003': ['20 section-order'],
  '004': ['3 title'],
};

describe('seeds (test/fixtures/seeds)', () => {
  for (const id of SEED_IDS) {
    describe(`seed ${id}`, () => {
      const text = seed(id);

      it('is read as a 2021 report with six sections and tables 二, 三 (25 rows) and 四 (15 cells)', () => {
        const r = check(text, OPTIONS);
        assert.strictEqual(r.template, '2021');
        assert.deepStrictEqual(r.model.sections.map((s) => s.index).sort(), [1, 2, 3, 4, 5, 6]);
        assert.strictEqual(r.model.tables.t2?.rows.length, 6);
        assert.strictEqual(r.model.tables.t3?.rows.length, 25);
        assert.strictEqual(r.model.tables.t4?.rows[0].cells.length, 15);
      });

      it('has exactly the expected errors, warnings and infos', () => {
        expectFindings(text, EXPECTED[id]);
      });

      it('fixAll changes exactly the expected lines', () => {
        const before = text.split('\n');
        const after = fixAll(text, OPTIONS).split('\n');
        assert.strictEqual(after.length, before.length);
        const changed: Record<number, string> = {};
        after.forEach((l, i) => {
          if (l !== before[i]) changed[i + 1] = l;
        });
        assert.deepStrictEqual(changed, FIXED_LINES[id]);
      });

      it('the fixed text has no problem with a preferred fix left, and fixAll is idempotent', () => {
        const fixed = fixAll(text, OPTIONS);
        expectFix(text, fixed);
        const r = check(fixed, OPTIONS);
        const index = new LineIndex(fixed);
        assert.deepStrictEqual(
          r.problems.map((p) => `${index.positionAt(p.span.start).line + 1} ${p.rule}`),
          LEFT_AFTER_FIX[id],
        );
      });
    });
  }

  it('seed 001: every number of tables 三 and 四 is read into the right row, in order', () => {
    const r = check(seed('001'), OPTIONS);
    const t3 = rowNumbers(r.model.tables.t3!.rows);
    const z = '0 0 0 0 0 0 0';
    assert.deepStrictEqual(t3, [
      't3.new 30 0 0 0 0 0 30',
      `t3.carried ${z}`,
      't3.r1 10 0 0 0 0 0 10',
      `t3.r2 ${z}`,
      ...['1', '2', '3', '4', '5', '6', '7', '8'].map((k) => `t3.r3.${k} ${z}`),
      't3.r4.1 2 0 0 0 0 0 2',
      `t3.r4.2 ${z}`,
      `t3.r4.3 ${z}`,
      `t3.r5.1 ${z}`,
      't3.r5.2 0 0 0 0 0 0',
      `t3.r5.3 ${z}`,
      `t3.r5.4 ${z}`,
      `t3.r5.5 ${z}`,
      't3.r6.1 1 0 0 0 0 0 1',
      `t3.r6.2 ${z}`,
      't3.r6.3 16 0 0 0 0 0 16',
      't3.total 29 0 0 0 0 0 29',
      't3.next 1 0 0 0 0 0 1',
    ]);
    assert.deepStrictEqual(r.model.tables.t4!.rows[0].cells.map((c) => c.value), [6, 0, 4, 1, 11, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1]);
    assert.deepStrictEqual(r.model.tables.t2!.rows.map((row) => row.cells.map((c) => c.raw).join(' ')), ['0 0 0', '8 5 26', '63292', '2538', '33', '3883.30']);
  });
});
