/** Rule metadata agrees with the contract, and every rule has its test file. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES, ruleMeta } from '../../server/src/core';
import { ROOT } from './helpers';

/** alias → [id, default severity], as fixed for the project. */
const CONTRACT: Record<string, [string, string]> = {
  'row-total': ['RPT001', 'error'],
  'results-total': ['RPT002', 'error'],
  balance: ['RPT003', 'error'],
  'review-total': ['RPT004', 'error'],
  'missing-cell': ['RPT005', 'error'],
  'extra-cell': ['RPT006', 'error'],
  'invalid-number': ['RPT007', 'error'],
  'missing-row': ['RPT008', 'error'],
  'missing-table': ['RPT009', 'error'],
  'missing-section': ['RPT010', 'error'],
  'section-heading': ['RPT011', 'warning'],
  'section-order': ['RPT012', 'warning'],
  'blank-cell': ['RPT013', 'warning'],
  'old-template': ['RPT014', 'warning'],
  'label-variant': ['RPT015', 'info'],
  title: ['RPT016', 'info'],
  'narrative-mismatch': ['RPT017', 'warning'],
  'cross-year': ['RPT018', 'warning'],
  'implausible-value': ['RPT019', 'warning'],
  'table-layout': ['RPT020', 'warning'],
};

describe('rule registry (RULES)', () => {
  it('ids, aliases and default severities are the contract’s', () => {
    for (const r of RULES) assert.deepStrictEqual([r.alias, r.id, r.severity], [r.alias, ...CONTRACT[r.alias]], r.alias);
    assert.deepStrictEqual(
      RULES.map((r) => r.alias),
      Object.keys(CONTRACT),
    );
  });

  it('ruleMeta finds a rule by alias or id; descriptions are given in both locales', () => {
    for (const r of RULES) {
      assert.strictEqual(ruleMeta(r.alias), r);
      assert.strictEqual(ruleMeta(r.id), r);
      assert.ok(r.description['zh-CN'] && r.description.en, r.alias);
    }
    assert.strictEqual(ruleMeta('no-such-rule'), undefined);
  });

  it('every rule has test/unit/rules/<alias>.test.ts', () => {
    const missing = RULES.map((r) => r.alias).filter((a) => !fs.existsSync(path.join(ROOT, 'test', 'unit', 'rules', `${a}.test.ts`)));
    assert.deepStrictEqual(missing, []);
  });
});

describe('message catalogues', () => {
  const read = (locale: string) =>
    JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'src', 'core', 'messages', `${locale}.json`), 'utf8')) as Record<string, string>;
  const placeholders = (pattern: string) => [...pattern.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('zh-CN and en have the same messages, with the same placeholders', () => {
    const zh = read('zh-CN');
    const en = read('en');
    assert.deepStrictEqual(Object.keys(en).sort(), Object.keys(zh).sort());
    for (const id of Object.keys(zh)) assert.deepStrictEqual(placeholders(en[id]), placeholders(zh[id]), id);
  });
});
