/** Rule metadata agrees with the published rule docs, what is generated from it is up to date, and every rule has its test file. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { RULES, ruleMeta } from '../../server/src/core';
import { ROOT } from './helpers';

/** A rule doc's front matter (`docs/rules/<alias>.md`): the published id and default severity of the rule. */
function published(alias: string): Record<string, string> {
  const text = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${alias}.md`), 'utf8');
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
  return Object.fromEntries(fm.split('\n').map((l) => /^([a-z-]+):\s*(.*)$/.exec(l)).filter((m) => m !== null).map((m) => [m![1], m![2].trim()]));
}

describe('rule registry (RULES)', () => {
  it('ids run RPT001, RPT002, … in registry order, aliases are unique, and each agrees with its published doc', () => {
    assert.deepStrictEqual(
      RULES.map((r) => r.id),
      RULES.map((_, i) => `RPT${String(i + 1).padStart(3, '0')}`),
    );
    assert.strictEqual(new Set(RULES.map((r) => r.alias)).size, RULES.length);
    for (const r of RULES) {
      const fm = published(r.alias);
      assert.deepStrictEqual([fm.alias, fm.id, fm.severity], [r.alias, r.id, r.severity], r.alias);
    }
  });

  it('the generated parts (registry, rules tables, package.json settings, package.nls*.json) are up to date', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'rules-index.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
    assert.strictEqual(r.status, 0, r.stderr);
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
