/**
 * The message catalogues (server/src/core/messages/*.json): the one place their wording is
 * asserted. Every other test names a message by its id and arguments (`said` in helpers.ts), so a
 * change of wording fails here alone, and its review is the diff of the snapshot
 * (`test/unit/snapshots/messages.<locale>.txt`, one `id: pattern` a line). After a deliberate
 * change, `UPDATE_SNAPSHOTS=1 npm run test:unit` writes the snapshots anew.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

const LOCALES = ['zh-CN', 'en'];
const catalogue = (locale: string) =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'src', 'core', 'messages', `${locale}.json`), 'utf8')) as Record<string, string>;
const placeholders = (pattern: string) => [...pattern.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('zh-CN and en have the same messages, with the same placeholders', () => {
    const zh = catalogue('zh-CN');
    const en = catalogue('en');
    assert.deepStrictEqual(Object.keys(en).sort(), Object.keys(zh).sort());
    for (const id of Object.keys(zh)) assert.deepStrictEqual(placeholders(en[id]), placeholders(zh[id]), id);
  });

  for (const locale of LOCALES) {
    it(`${locale}: the wording is the snapshot's (test/unit/snapshots/messages.${locale}.txt)`, () => {
      const file = path.join(ROOT, 'test', 'unit', 'snapshots', `messages.${locale}.txt`);
      const now = Object.entries(catalogue(locale)).map(([id, pattern]) => `${id}: ${pattern}\n`).join('');
      if (process.env.UPDATE_SNAPSHOTS) fs.writeFileSync(file, now);
      const snap = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      const was = new Map(snap.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(': ')), l]));
      const changed = now.split('\n').filter((l) => l && was.get(l.slice(0, l.indexOf(': '))) !== l);
      assert.strictEqual(now, snap, `wording changed (review, then UPDATE_SNAPSHOTS=1 npm run test:unit):\n  ${changed.join('\n  ')}`);
    });
  }
});
