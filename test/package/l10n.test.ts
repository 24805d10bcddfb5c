/** Every manifest and client string is translated: package.nls*.json and l10n/bundle.l10n*.json. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { RULES } from '../../server/src/core/index';

import { ROOT } from '../unit/helpers';
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, string>;

/** The first argument of every `vscode.l10n.t('…')` call in client/src. */
function clientStrings(): string[] {
  const dir = path.join(ROOT, 'client', 'src');
  const found = new Set<string>();
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
    const sf = ts.createSourceFile(f, fs.readFileSync(path.join(dir, f), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n) && n.expression.getText(sf) === 'vscode.l10n.t') {
        const arg = n.arguments[0];
        assert.ok(arg && ts.isStringLiteralLike(arg), `${f}: vscode.l10n.t needs a literal message: ${n.getText(sf)}`);
        found.add(arg.text);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return [...found].sort();
}

describe('localisation', () => {
  it('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))].sort();
    assert.ok(keys.length > 20);
    const en = read('package.nls.json');
    const zh = read('package.nls.zh-cn.json');
    assert.deepStrictEqual(keys.filter((k) => !en[k]), []);
    assert.deepStrictEqual(keys.filter((k) => !zh[k]), []);
    assert.deepStrictEqual(Object.keys(en).sort(), keys, 'package.nls.json has no unused keys');
    assert.deepStrictEqual(Object.keys(zh).sort(), keys, 'package.nls.zh-cn.json has no unused keys');
  });

  it('the l10n bundles hold exactly the client\'s strings, translated into Chinese', () => {
    const strings = clientStrings();
    const en = read('l10n/bundle.l10n.json');
    const zh = read('l10n/bundle.l10n.zh-cn.json');
    assert.deepStrictEqual(Object.keys(en).sort(), strings);
    assert.deepStrictEqual(Object.keys(zh).sort(), strings);
    for (const s of strings) {
      assert.strictEqual(en[s], s);
      assert.ok(/[\u4e00-\u9fff]/.test(zh[s]), `not translated: ${s}`);
      const placeholders = (x: string) => (x.match(/\{\d+\}/g) ?? []).sort().join();
      assert.strictEqual(placeholders(zh[s]), placeholders(s), `placeholders differ: ${s}`);
    }
  });
});

describe('settings descriptions', () => {
  it('describe each rule with the checker\'s own metadata, in both languages', () => {
    const en = read('package.nls.json');
    const zh = read('package.nls.zh-cn.json');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties['reportReview.rules'].properties as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(props), RULES.map((r) => r.alias));
    for (const r of RULES) {
      assert.strictEqual(en[`config.rules.${r.alias}`], `${r.id} \`${r.alias}\`: ${r.description.en}.`);
      assert.strictEqual(zh[`config.rules.${r.alias}`], `${r.id} \`${r.alias}\`：${r.description['zh-CN']}。`);
    }
  });
});
