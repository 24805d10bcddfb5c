/** Every scenario fixture: its inline markers exactly, then its fixed snapshot (see helpers.ts). */
import * as assert from 'assert';
import * as fs from 'fs';
import { RULES } from '../../server/src/core';
import { FIXTURES, checkFixture, fixtureNames } from './helpers';

describe('fixtures (test/fixtures/*.txt|md, markers + .fixed snapshots)', () => {
  const names = fixtureNames();

  it('are named <rule alias>-<scenario> or shape-<scenario>', () => {
    const aliases = RULES.map((r) => r.alias).sort((a, b) => b.length - a.length);
    const bad = names.filter((n) => !n.startsWith('shape-') && !aliases.some((a) => n.startsWith(`${a}-`)));
    assert.deepStrictEqual(bad, []);
  });

  it('every .fixed snapshot has its scenario beside it', () => {
    const orphans = fs
      .readdirSync(FIXTURES)
      .filter((n) => /\.fixed\.(txt|md)$/.test(n))
      .filter((n) => !fs.existsSync(`${FIXTURES}/${n.replace(/\.fixed\.(txt|md)$/, '.$1')}`));
    assert.deepStrictEqual(orphans, []);
  });

  for (const name of names) {
    it(name, () => {
      checkFixture(name);
    });
  }
});
