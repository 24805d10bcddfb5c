/**
 * The scanner's shortcuts agree with `scanLine`: a line `noCellsIn` passes over has no token
 * but label text and blank fields; digits `digitsStayOneNumber` vouches for scan, once replaced,
 * to the same tokens but that number's.
 */
import * as assert from 'assert';
import { digitsStayOneNumber, noCellsIn, scanLine, type Tok } from '../../server/src/core/scan';

/** Pieces lines are made of: cells of every kind, the characters they are made of, separators and label words. */
const PIECES = ['0', '12', '１', '3.5', '1,000', '万元', '+', '-', '--', '—', '–', '－', '/', '／', '\\', '×', '*', '＊', '无', '空', 'N/A', 'n/a', 'NA', 'Ｎ', '第', '页', '共', '行政复议', '结果维持', '总计', 'a', '.', ':', ' ', ' ', '　', '\u00a0', '\t', '|'];

/** A small deterministic generator (the same lines on every run). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff);
}

describe('scan', () => {
  it('a line noCellsIn passes over scans to label text and blank fields only', () => {
    const next = lcg(7);
    let passed = 0;
    for (let k = 0; k < 20000; k++) {
      let text = '';
      const n = 1 + (next() % 8);
      for (let j = 0; j < n; j++) text += PIECES[next() % PIECES.length];
      if (!noCellsIn(text, 0, text.length)) continue;
      passed++;
      const kinds = scanLine(text, 0, text.length, 0).toks.map((t) => t.kind);
      assert.ok(kinds.every((kind) => kind === 'text' || kind === 'empty'), `${JSON.stringify(text)}: ${kinds.join(' ')}`);
    }
    assert.ok(passed > 1000);
  });

  it('digits digitsStayOneNumber vouches for scan, replaced by others, to the same tokens but their own', () => {
    const lower = lcg(11);
    // The generator's high bits: its low bits repeat too soon to put every two pieces side by side.
    const next = () => lower() >>> 12;
    let vouched = 0;
    let refused = 0;
    const plain = (toks: Tok[]) => toks.map((t) => [t.kind, t.start, t.end, t.raw]);
    for (let k = 0; k < 60000; k++) {
      let line = '';
      const n = 1 + (next() % 8);
      for (let j = 0; j < n; j++) line += PIECES[next() % PIECES.length];
      const runs = [...line.matchAll(/[0-9]+/g)];
      if (!runs.length) continue;
      const run = runs[next() % runs.length];
      const from = run.index!;
      const to = from + run[0].length;
      const digits = String(next() % 1000).slice(0, 1 + (next() % 3));
      const after = line.slice(0, from) + digits + line.slice(to);
      const delta = digits.length - run[0].length;
      if (!digitsStayOneNumber(line, 0, line.length, from, to, delta === 0) || !digitsStayOneNumber(after, 0, after.length, from, to + delta, delta === 0)) {
        refused++;
        continue;
      }
      vouched++;
      const expected = scanLine(line, 0, line.length, 0);
      const got = scanLine(after, 0, after.length, 0);
      const moved = expected.toks.map((t) =>
        t.start === from ? { ...t, end: to + delta, raw: digits } : t.start > from ? { ...t, start: t.start + delta, end: t.end + delta } : t,
      );
      const what = `${JSON.stringify(line)} → ${JSON.stringify(after)}`;
      assert.deepStrictEqual([got.shape, got.skip], [expected.shape, expected.skip], what);
      assert.deepStrictEqual(plain(got.toks), plain(moved), what);
    }
    assert.ok(vouched > 300 && refused > 3000, `vouched ${vouched}, refused ${refused}`);
  });

  it('digitsStayOneNumber: a number glued to a word or a pipe, or a page number changing length, is not vouched for', () => {
    const say = (line: string, digits: string, sameLength: boolean) => {
      const from = line.indexOf(digits);
      return digitsStayOneNumber(line, 0, line.length, from, from + digits.length, sameLength);
    };
    assert.strictEqual(say('一、本年新收政府信息公开申请数量 0 0 0', '0', true), true);
    assert.strictEqual(say('一、本年新收政府信息公开申请数量 12 0 0', '12', false), true);
    assert.strictEqual(say('总计5 0', '5', true), false);
    assert.strictEqual(say('| 总计 |5|', '5', true), false);
    assert.strictEqual(say('- 12345 -', '12345', true), true);
    assert.strictEqual(say('- 12345 -', '12345', false), false);
  });

  it('noCellsIn reads only its range', () => {
    const text = '0 行政复议 行政诉讼 0';
    assert.strictEqual(noCellsIn(text, 2, text.length - 2), true);
    assert.strictEqual(noCellsIn(text, 0, text.length), false);
  });
});
