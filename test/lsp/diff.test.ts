import * as assert from 'assert';
import fc from 'fast-check';
import { applyEdits } from '../../server/src/core';
import { minimalEdits } from '../../server/src/lsp/diff';

describe('minimalEdits (fix-all diff)', () => {
  it('returns nothing for equal texts', () => {
    assert.deepStrictEqual(minimalEdits('a\nb\n', 'a\nb\n'), []);
  });

  it('changes only the digits that differ, on each changed line', () => {
    const before = '标题\n一、本年新收 1 2 3 0 0 0 7\n正文\n（七）总计 5 0 0 0 0 0 4\n结尾\n';
    const after = '标题\n一、本年新收 1 2 3 0 0 0 6\n正文\n（七）总计 5 0 0 0 0 0 5\n结尾\n';
    const edits = minimalEdits(before, after);
    assert.deepStrictEqual(edits, [
      { start: before.indexOf('7'), end: before.indexOf('7') + 1, newText: '6' },
      { start: before.lastIndexOf('4'), end: before.lastIndexOf('4') + 1, newText: '5' },
    ]);
  });

  it('inserts and deletes whole lines without touching their neighbours', () => {
    const before = 'a\nb\nc\n';
    assert.deepStrictEqual(minimalEdits(before, 'a\nb\nx\nc\n'), [{ start: 4, end: 4, newText: 'x\n' }]);
    assert.deepStrictEqual(minimalEdits(before, 'a\nc\n'), [{ start: 2, end: 4, newText: '' }]);
  });

  it('never splits a surrogate pair', () => {
    const edits = minimalEdits('x😀y', 'x😁y');
    assert.deepStrictEqual(edits, [{ start: 1, end: 3, newText: '😁' }]);
  });

  it('falls back to one trimmed edit beyond the line budget', () => {
    const before = Array.from({ length: 50 }, (_, i) => `line ${i}\n`).join('');
    const after = Array.from({ length: 50 }, (_, i) => `LINE ${i}\n`).join('');
    const edits = minimalEdits(before, after, 10);
    assert.strictEqual(edits.length, 1);
    assert.strictEqual(edits[0].start, 0);
    assert.strictEqual(applyEdits(before, edits), after);
  });

  it('always reproduces the new text, with sorted non-overlapping edits (property)', () => {
    const line = fc.stringMatching(/^[ab0-9一二\r]{0,4}\n?$/);
    const doc = fc.array(line, { maxLength: 12 }).map((ls) => ls.join(''));
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        const edits = minimalEdits(a, b);
        for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].end <= edits[i].start);
        for (const e of edits) assert.ok(e.start < e.end || e.newText !== '');
        assert.strictEqual(applyEdits(a, edits), b);
      }),
      { numRuns: 2000 },
    );
  });
});
