import * as assert from 'assert';
import { fixAll, type CheckOptions } from '../../../server/src/core';
import { SEED_IDS, expectFindings, lineOf, loadFixture, problemsOf, replaceOnce, seed } from '../helpers';

const ALL: CheckOptions = {};
const base = () => loadFixture('shape-spaces.txt').text;
/** The fixture report as a township's. */
const township = () => base().split('示例县民政局').join('某某乡人民政府');

describe('rule implausible-value (RPT019)', () => {
  it('a fee written in 元 where the template asks for 万元', () => {
    const text = replaceOnce(base(), '行政事业性收费 3883.30', '行政事业性收费 3883.30元');
    expectFindings(text, [{ rule: 'implausible-value', line: lineOf(text, '3883.30元'), message: 'implausibleFeeUnit(raw=3883.30元)' }], ALL);
  });

  it('规章 reported by a township, which cannot make them; a township fee over 1000 万元', () => {
    const text = replaceOnce(township(), '规章 0 0 0', '规章 1 0 1');
    expectFindings(
      text,
      [
        { rule: 'implausible-value', line: lineOf(text, '规章 1 0 1'), message: 'implausibleRules(body=某某乡人民政府, value=1)' },
        { rule: 'implausible-value', line: lineOf(text, '行政事业性收费'), message: 'implausibleFee(limit=1000, value=3883.3)' },
      ],
      ALL,
    );
    assert.ok(problemsOf(text, 'implausible-value', ALL).every((p) => p.severity === 'warning' && p.fixes.length === 0));
    assert.strictEqual(fixAll(text, ALL), text);
  });

  it('typing the numbers it reads: the findings follow each digit', () => {
    let text = replaceOnce(township(), '行政事业性收费 3883.30', '行政事业性收费 100');
    const fee = text.indexOf('行政事业性收费 100') + '行政事业性收费 '.length;
    const rules = text.indexOf('规章 0 0 0') + '规章 '.length;
    // 100 → 900 → 9000 (over a township's 1000 万元) → 900; 规章 0 → 1 → 0.
    const steps: [number, number, string][] = [[fee, 1, '9'], [fee + 3, 0, '0'], [fee + 3, 1, ''], [rules, 1, '1'], [rules, 1, '0']];
    const counts: number[] = [];
    for (const [at, remove, insert] of steps) {
      text = text.slice(0, at) + insert + text.slice(at + remove);
      counts.push(problemsOf(text, 'implausible-value', ALL).length);
    }
    assert.deepStrictEqual(counts, [0, 1, 0, 1, 0]);
  });

  it('no finding on plausible values (the seeds, a county body’s fee of 3883.30 万元, a township’s small fee)', () => {
    for (const id of SEED_IDS) assert.deepStrictEqual(problemsOf(seed(id), 'implausible-value', ALL), [], id);
    assert.deepStrictEqual(problemsOf(base(), 'implausible-value', ALL), []);
    assert.deepStrictEqual(problemsOf(replaceOnce(township(), '行政事业性收费 3883.30', '行政事业性收费 0.35'), 'implausible-value', ALL), []);
  });
});
