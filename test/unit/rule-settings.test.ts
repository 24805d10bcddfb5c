/** Rule settings as users write them (`--rule`, `reportReview.rules`): unknown names and levels are told, with the nearest known one. */
import * as assert from 'assert';
import { formatMessage, nearestName, validateRuleSettings } from '../../server/src/core';

const zh = (settings: Record<string, unknown>) => validateRuleSettings(settings).problems.map((m) => formatMessage(m, 'zh-CN'));

describe('rule settings: validateRuleSettings', () => {
  it('known aliases and ids with known levels pass through, nothing to say', () => {
    const settings = { 'label-variant': 'off', RPT011: 'error', title: 'hint', 'row-total': 'warning', balance: 'info' };
    assert.deepStrictEqual(validateRuleSettings(settings), { rules: settings, problems: [] });
  });

  it('an unknown name is told with the nearest alias (case, dashes, a typo, an id in lower case), and left out', () => {
    const r = validateRuleSettings({ labelvariant: 'off', 'Row-Total': 'off', 'sectoin-order': 'off', rpt001: 'off', 'label-variant': 'hint' });
    assert.deepStrictEqual(r.rules, { 'label-variant': 'hint' });
    assert.deepStrictEqual(r.problems.map((m) => formatMessage(m, 'zh-CN')), [
      '未知规则「labelvariant」，是否为「label-variant」？',
      '未知规则「Row-Total」，是否为「row-total」？',
      '未知规则「sectoin-order」，是否为「section-order」？',
      '未知规则「rpt001」，是否为「row-total」？',
    ]);
    assert.strictEqual(formatMessage(r.problems[0], 'en'), 'unknown rule “labelvariant”; did you mean “label-variant”?');
  });

  it('a name near nothing, or near several alike (RPT999), gets no guess', () => {
    assert.deepStrictEqual(zh({ RPT999: 'off', frobnicate: 'off' }), ['未知规则「RPT999」', '未知规则「frobnicate」']);
  });

  it('an unknown level is told with the nearest level, or the list of levels; non-strings too', () => {
    assert.deepStrictEqual(zh({ 'row-total': 'warn', title: 'Error', balance: 'loud', 'missing-row': 3 }), [
      '规则「row-total」的级别「warn」无效，是否为「warning」？',
      '规则「title」的级别「Error」无效，是否为「error」？',
      '规则「balance」的级别「loud」无效，可用：off、error、warning、info、hint',
      '规则「missing-row」的级别「3」无效，可用：off、error、warning、info、hint',
    ]);
    assert.deepStrictEqual(validateRuleSettings({ 'row-total': 'warn' }).rules, {});
  });
});

describe('rule settings: nearestName', () => {
  it('the same but for case and separators; a prefix; one edit per four letters; undefined when tied or far', () => {
    const names = ['check', 'fix', 'format', 'locale'];
    assert.strictEqual(nearestName('CHECK', names), 'check');
    assert.strictEqual(nearestName('form', names), 'format');
    assert.strictEqual(nearestName('chek', names), 'check');
    assert.strictEqual(nearestName('frob', names), undefined);
    assert.strictEqual(nearestName('', names), undefined);
    assert.strictEqual(nearestName('ab', ['ac', 'ad']), undefined);
  });
});
