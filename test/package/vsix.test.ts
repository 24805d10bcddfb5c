/**
 * The packaged extension: what `npm run package` put into report-review.vsix. The .vsix is a zip;
 * its central directory is read here directly.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../server/src/core/index';

import { ROOT } from '../unit/helpers';
const VSIX = path.join(ROOT, 'report-review.vsix');

interface Entry {
  name: string;
  size: number;
}

/** Names and uncompressed sizes from a zip's central directory. */
export function zipEntries(buf: Buffer): Entry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLen), size });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

describe('report-review.vsix', () => {
  let names: string[];
  let bytes: number;

  before(function () {
    if (!fs.existsSync(VSIX)) throw new Error('report-review.vsix is missing: run `npm run package` first');
    const buf = fs.readFileSync(VSIX);
    bytes = buf.length;
    names = zipEntries(buf).map((e) => e.name);
  });

  it('holds the bundles, manifest, grammar, nls files and l10n bundles', () => {
    for (const f of [
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/package.nls.json',
      'extension/package.nls.zh-cn.json',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/dist/formats/index.mjs',
      'extension/syntaxes/gov-report.tmLanguage.json',
      'extension/l10n/bundle.l10n.json',
      'extension/l10n/bundle.l10n.zh-cn.json',
    ]) {
      assert.ok(names.includes(f), `${f} missing from the package`);
    }
  });

  it('holds every file the README links to (the extension page opens them from the package)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
    const links = [...readme.matchAll(/\]\(([^)\s#]+)\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/i.test(l));
    assert.ok(links.length > 20, `only ${links.length} links`);
    // Every screenshot in docs/images (the icon is package.json's) is shown by the README.
    const icon = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).icon;
    const shots = fs.readdirSync(path.join(ROOT, 'docs', 'images')).filter((n) => n.endsWith('.png')).map((n) => `docs/images/${n}`).filter((n) => n !== icon);
    assert.deepStrictEqual([...new Set(links.filter((l) => l.startsWith('docs/images/')))].sort(), shots.sort(), 'the screenshots');
    assert.deepStrictEqual([...new Set(links)].filter((l) => !names.includes(`extension/${l}`)), []);
  });

  it('holds its icon, a 128×128 PNG', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.ok(names.includes(`extension/${pkg.icon}`), `${pkg.icon} missing from the package`);
    const png = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.strictEqual(png.toString('latin1', 1, 4), 'PNG');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('holds the docs page of every rule the checker has (the diagnostics link to them)', () => {
    const expected = RULES.map((r) => `extension/docs/rules/${r.alias}.md`).sort();
    assert.strictEqual(expected.length, 20);
    assert.deepStrictEqual(expected.filter((f) => !names.includes(f)), []);
  });

  it('holds no sources, tests, maps, node_modules or compiled test output', () => {
    const bad = names.filter((n) =>
      /\.ts$|\.map$|(^|\/)(node_modules|out|test|client|server|scripts|bench|\.ci|\.vscode-test)\//.test(n.replace(/^extension\//, '')),
    );
    assert.deepStrictEqual(bad, []);
    const allowed = /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|package\.nls(\.zh-cn)?\.json|dist\/(extension|server)\.js|dist\/formats\/[\w.-]+\.mjs|media\/tableView\.(js|css)|l10n\/bundle\.l10n(\.zh-cn)?\.json|syntaxes\/[^/]+\.json|docs\/rules\/[^/]+\.md|docs\/PERFORMANCE\.md|docs\/images\/[^/]+\.png|readme\.md|changelog\.md|LICENSE\.txt))$/i;
    assert.deepStrictEqual(names.filter((n) => !allowed.test(n)), []);
  });

  it('carries the document readers as chunks of their own, Word and PDF apart from the HTML reader', () => {
    const chunks = names.filter((n) => n.startsWith('extension/dist/formats/'));
    const read = (n: string) => fs.readFileSync(path.join(ROOT, n.replace(/^extension\//, '')), 'utf8');
    // The server loads the readers only by a dynamic import; the HTML reader loads the others the same way.
    assert.match(read('extension/dist/server.js'), /import\(["']\.\/formats\/index\.mjs["']\)/);
    assert.doesNotMatch(read('extension/dist/server.js'), /pdfjs|mammoth|parse5/i);
    const index = read('extension/dist/formats/index.mjs');
    assert.ok(chunks.length >= 3, chunks.join(' '));
    assert.doesNotMatch(index, /GlobalWorkerOptions|mammoth/);
  });

  it('is smaller than 3 MB, readers included (pdf.js is most of it)', () => {
    // Without the readers the package is about 0.5 MB.
    assert.ok(bytes < 3 * 1024 * 1024, `${bytes} bytes`);
  });

  it('declares the contract: engines, untrusted and virtual workspaces, language, grammar, commands', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.strictEqual(pkg.engines.vscode, '^1.90.0');
    assert.deepStrictEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
    assert.deepStrictEqual(pkg.contributes.grammars, [
      { language: 'gov-report', scopeName: 'text.gov-report', path: './syntaxes/gov-report.tmLanguage.json' },
    ]);
    assert.deepStrictEqual(pkg.contributes.languages[0].extensions, ['.report.txt', '.report.md']);
    assert.deepStrictEqual(
      pkg.contributes.commands.map((c: { command: string }) => c.command),
      ['reportReview.checkWorkspace', 'reportReview.fixAll', 'reportReview.openRuleDocs', 'reportReview.showSummary', 'reportReview.showTables', 'reportReview.newReport', 'reportReview.openAsText', 'reportReview.restartServer'],
    );
  });
});
