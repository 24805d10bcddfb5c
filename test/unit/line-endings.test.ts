/** Windows line endings (Word on Windows): the same findings, and fixes that keep CRLF. */
import * as assert from 'assert';
import { check, fixAll, formatMessage, lineIndexOf } from '../../server/src/core';
import { SEED_IDS, loadFixture, seed } from './helpers';

const crlf = (t: string) => t.replace(/\r?\n/g, '\r\n');
const found = (t: string) => {
  const r = check(t);
  const index = lineIndexOf(r);
  return r.problems.map((p) => ({ rule: p.rule, at: index.positionAt(p.span.start), message: formatMessage(p.message) }));
};

describe('CRLF line endings', () => {
  for (const id of SEED_IDS) {
    it(`seed ${id}: the same problems at the same lines and columns`, () => {
      assert.deepStrictEqual(found(crlf(seed(id))), found(seed(id)));
    });
    it(`seed ${id}: fixes insert CRLF, never a bare LF`, () => {
      const fixed = fixAll(crlf(seed(id)));
      assert.ok(!/[^\r]\n/.test(fixed), 'a bare LF was inserted');
      assert.strictEqual(fixed.replace(/\r\n/g, '\n'), fixAll(seed(id)));
    });
  }

  it('an inserted row (one cell per line) uses CRLF', () => {
    const text = crlf(loadFixture('missing-row-cell-per-line.txt').text);
    const fixed = fixAll(text);
    assert.notStrictEqual(fixed, text);
    assert.ok(!/[^\r]\n/.test(fixed), 'a bare LF was inserted');
  });
});
