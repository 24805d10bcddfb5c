/** Windows (CRLF) and old Mac (CR) line endings: the same findings, and fixes that keep the document's own. */
import * as assert from 'assert';
import { check, fixAll, lineIndexOf } from '../../server/src/core';
import { SEED_IDS, loadFixture, seed, said } from './helpers';

const crlf = (t: string) => t.replace(/\r?\n/g, '\r\n');
const found = (t: string) => {
  const r = check(t);
  const index = lineIndexOf(r);
  return r.problems.map((p) => ({ rule: p.rule, at: index.positionAt(p.span.start), message: said(p.message) }));
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

  const cr = (t: string) => t.replace(/\r?\n/g, '\r');
  for (const id of SEED_IDS) {
    it(`seed ${id} with CR only: the same problems, and fixes insert CR, never LF`, () => {
      assert.deepStrictEqual(found(cr(seed(id))), found(seed(id)));
      const fixed = fixAll(cr(seed(id)));
      assert.ok(!fixed.includes('\n'), 'a LF was inserted');
      assert.strictEqual(fixed, cr(fixAll(seed(id))));
    });
  }

  it('an inserted row and an inserted heading use CR in a CR-only file', () => {
    const text = cr(loadFixture('missing-row-cell-per-line.txt').text);
    const fixed = fixAll(text);
    assert.notStrictEqual(fixed, text);
    assert.ok(!fixed.includes('\n'), 'a LF was inserted');
    const headless = cr(seed('000')).replace('五、存在的主要问题及改进情况\r', '');
    const edits = check(headless).problems.filter((p) => p.rule === 'missing-section').flatMap((p) => p.fixes.flatMap((f) => f.edits));
    assert.strictEqual(edits.length, 1);
    assert.ok(edits[0].newText.includes('\r') && !edits[0].newText.includes('\n'), JSON.stringify(edits[0].newText));
  });
});
