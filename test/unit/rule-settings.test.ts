/** Rule settings as users write them (`--rule`, `reportReview.rules`): unknown names and levels are told, with the nearest known one. */
import * as assert from 'assert';
import { nearestName, validateRuleSettings } from '../../server/src/core';
import { said } from './helpers';

const told = (settings: Record<string, unknown>) => validateRuleSettings(settings).problems.map((m) => said(m));

describe('rule settings: validateRuleSettings', () => {
  it('known aliases and ids with known levels pass through, nothing to say', () => {
    const settings = { 'label-variant': 'off', RPT011: 'error', title: 'hint', 'row-total': 'warning', balance: 'info' };
    assert.deepStrictEqual(validateRuleSettings(settings), { rules: settings, problems: [] });
  });

  it('an unknown name is told with the nearest alias (case, dashes, a typo, an id in lower case), and left out', () => {
    const r = validateRuleSettings({ labelvariant: 'off', 'Row-Total': 'off', 'sectoin-order': 'off', rpt001: 'off', 'label-variant': 'hint' });
    assert.deepStrictEqual(r.rules, { 'label-variant': 'hint' });
    assert.deepStrictEqual(r.problems.map((m) => said(m)), [
      'unknownRuleSuggest(name=labelvariant, suggestion=label-variant)',
      'unknownRuleSuggest(name=Row-Total, suggestion=row-total)',
      'unknownRuleSuggest(name=sectoin-order, suggestion=section-order)',
      'unknownRuleSuggest(name=rpt001, suggestion=row-total)',
    ]);
  });

  it('a name near nothing, or near several alike (RPT999), gets no guess', () => {
    assert.deepStrictEqual(told({ RPT999: 'off', frobnicate: 'off' }), ['unknownRule(name=RPT999)', 'unknownRule(name=frobnicate)']);
  });

  it('an unknown level is told with the nearest level, or the list of levels; non-strings too', () => {
    assert.deepStrictEqual(told({ 'row-total': 'warn', title: 'Error', balance: 'loud', 'missing-row': 3 }), [
      'unknownLevelSuggest(level=warn, name=row-total, suggestion=warning)',
      'unknownLevelSuggest(level=Error, name=title, suggestion=error)',
      'unknownLevel(level=loud, name=balance)',
      'unknownLevel(level=3, name=missing-row)',
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
