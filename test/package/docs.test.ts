/** The README and the docs: links that resolve, and one name for the extension. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

import { ROOT } from '../unit/helpers';
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, string>;

/** README.md, CHANGELOG.md and every Markdown file under docs/, relative to the root. */
function markdownFiles(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : [],
    );
  return ['README.md', 'CHANGELOG.md', ...walk('docs')];
}

describe('docs', () => {
  it('every relative link and image of the README and the docs names a file that exists', () => {
    const broken: string[] = [];
    let links = 0;
    for (const file of markdownFiles()) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1].replace(/#.*$/, '');
        if (!target || /^[a-z]+:/i.test(target)) continue;
        links++;
        if (!fs.existsSync(path.join(ROOT, path.dirname(file), decodeURIComponent(target)))) broken.push(`${file}: ${m[1]}`);
      }
    }
    assert.ok(links > 40, `only ${links} links found`);
    assert.deepStrictEqual(broken, []);
  });
});

describe('the name', () => {
  it('is 年报审校 in Chinese: the commands\' category, the settings, the status item and output channel, the docs', () => {
    const zh = read('package.nls.zh-cn.json');
    const l10n = read('l10n/bundle.l10n.zh-cn.json');
    assert.strictEqual(zh.category, '年报审校');
    assert.strictEqual(zh['config.title'], '年报审校');
    assert.strictEqual(l10n['Report Review'], '年报审校');
    assert.ok(zh.displayName.endsWith('年报审校'), zh.displayName);
    const files = ['package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json', ...markdownFiles()];
    const variants = /报告审查|年报审查|报告审校|审校器|年报检查器/;
    assert.deepStrictEqual(files.filter((f) => variants.test(fs.readFileSync(path.join(ROOT, f), 'utf8'))), []);
  });
});
