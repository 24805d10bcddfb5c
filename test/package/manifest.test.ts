/**
 * The JSON files of the extension have no key written twice: JSON.parse keeps the last one
 * silently, so a merge that leaves two `"editor/title"` blocks hides the first without an error.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ROOT } from '../unit/helpers';

/** Every key written twice in one object of a JSON text, as `path.to.key`. */
export function duplicateKeys(text: string): string[] {
  const file = ts.parseJsonText('x.json', text);
  const found: string[] = [];
  const visit = (node: ts.Node, where: string) => {
    if (ts.isObjectLiteralExpression(node)) {
      const seen = new Set<string>();
      for (const p of node.properties) {
        if (!ts.isPropertyAssignment(p)) continue;
        const key = ts.isStringLiteral(p.name) || ts.isIdentifier(p.name) ? p.name.text : p.name.getText(file);
        const at = where ? `${where}.${key}` : key;
        if (seen.has(key)) found.push(at);
        seen.add(key);
        visit(p.initializer, at);
      }
    } else if (ts.isArrayLiteralExpression(node)) {
      node.elements.forEach((e, i) => visit(e, `${where}[${i}]`));
    }
  };
  for (const s of file.statements) visit(s.expression, '');
  return found;
}

const MANIFESTS = ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json'];

describe('manifest', () => {
  it('finds a key written twice (the check itself)', () => {
    assert.deepStrictEqual(duplicateKeys('{"menus": {"editor/title": [1], "x": {"a": 1, "a": 2}, "editor/title": [2]}}'), [
      'menus.x.a',
      'menus.editor/title',
    ]);
  });

  for (const f of MANIFESTS) {
    it(`${f} has no key written twice`, () => {
      assert.deepStrictEqual(duplicateKeys(fs.readFileSync(path.join(ROOT, f), 'utf8')), []);
    });
  }
});
