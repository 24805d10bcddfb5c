/**
 * The text helpers the hot paths use, against their plain definitions: the bounded similarity
 * of heading detection, the list-marker strip of row matching, the offset → position of the
 * line index (which remembers the last line it found), and the sort that leaves sorted lists be.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { LineIndex, LineList, closestPrefix, lastAtOrBefore, markupRows, similarityAtLeast, stripMarker, visible } from '../../server/src/core/text';
import { FC_SEED } from './helpers';

/** Longest common subsequence by the textbook table (the reference, not the core's). */
function referenceLcs(a: string, b: string): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) t[i][j] = a[i - 1] === b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
  }
  return t[a.length][b.length];
}
const short = fc.string({ unit: fc.constantFrom(...'一二三四五六七八九十总体情况主动公开政府信息12 #*、'), maxLength: 24 });

describe('text helpers', () => {
  it('similarityAtLeast is the similarity whenever that reaches the minimum, and below the minimum otherwise', () => {
    fc.assert(
      fc.property(short, short, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, min) => {
        const exact = a.length + b.length === 0 ? 1 : (2 * referenceLcs(a, b)) / (a.length + b.length);
        const got = similarityAtLeast(a, b, min);
        if (exact >= min) assert.strictEqual(got, exact);
        else assert.ok(got < min, `${got} for ${JSON.stringify([a, b, min])}`);
      }),
      { numRuns: 2000, seed: FC_SEED },
    );
  });

  it('similarityAtLeast examples', () => {
    assert.strictEqual(similarityAtLeast('他需要报告的事项', '其他需要报告的事项', 0.5), 16 / 17);
    assert.strictEqual(similarityAtLeast('总体情况', '收费', 0.5), 0);
    assert.strictEqual(similarityAtLeast('', '', 0.9), 1);
  });

  it('closestPrefix is the prefix with the fewest edits from the word and nearest it in length, by the textbook table', () => {
    const edits = (a: string, b: string): number => {
      const t = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) t[i][j] = Math.min(t[i - 1][j] + 1, t[i][j - 1] + 1, t[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      return t[a.length][b.length];
    };
    fc.assert(
      fc.property(short, short, (w, s) => {
        const d = Array.from({ length: s.length + 1 }, (_, n) => edits(w, s.slice(0, n)));
        const least = Math.min(...d);
        const ends = d.map((_, n) => n).filter((n) => d[n] === least);
        const nearest = Math.min(...ends.map((n) => Math.abs(n - w.length)));
        assert.strictEqual(closestPrefix(w, s), Math.max(...ends.filter((n) => Math.abs(n - w.length) === nearest)));
      }),
      { numRuns: 2000, seed: FC_SEED },
    );
    // A heading run into its section's text ends where the wording does: after a word it has in
    // addition (的), after a word put for its last one (措施 for 情况), not before it, and not one
    // character into the text after it (举措 for 措施, then 主要问题…).
    assert.strictEqual(closestPrefix('主动公开政府信息情况', '主动公开政府信息的情况一主动公开政府信息的数量'), 11);
    assert.strictEqual(closestPrefix('存在的主要问题及改进情况', '存在的主要问题及改进措施目前我局在'), 12);
    assert.strictEqual(closestPrefix('存在的主要问题及改进措施', '存在的主要问题及改进举措主要问题信息'), 12);
  });

  it('stripMarker removes what the pattern ^(?:[一…十]{1,2}|\\d{1,2}) matches, and nothing else', () => {
    const marker = /^(?:[一二三四五六七八九十]{1,2}|\d{1,2})/;
    fc.assert(
      fc.property(short, (s) => assert.strictEqual(stripMarker(s), s.replace(marker, ''))),
      { numRuns: 2000, seed: FC_SEED },
    );
    assert.strictEqual(stripMarker('十二重复申请'), '重复申请');
    assert.strictEqual(stripMarker('123其他'), '3其他');
    assert.strictEqual(stripMarker('属于国家秘密'), '属于国家秘密');
  });

  it('LineIndex.positionAt answers any sequence of offsets as a search from scratch does', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '表', '\n', '\r', '\r\n'), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: -3, max: 70 }), { maxLength: 30 }), (t, offsets) => {
        const index = new LineIndex(t);
        const starts = new LineList(t).starts;
        for (const offset of offsets) {
          const o = Math.max(0, Math.min(offset, t.length));
          const line = lastAtOrBefore(starts, o);
          assert.deepStrictEqual(index.positionAt(offset), { line, character: o - starts[line] }, `offset ${offset} of ${JSON.stringify(t)}`);
        }
      }),
      { numRuns: 2000, seed: FC_SEED },
    );
  });

  it('visible reads HTML\'s tags as spaces, one for each of their characters, and leaves other angle brackets be', () => {
    const row = '<tr><td rowspan="2">规章</td><TD>0</TD><td></td><td>1<br/>2</td></tr>';
    const read = visible(row);
    assert.strictEqual(read.length, row.length);
    assert.deepStrictEqual(read.split(/\s+/).filter(Boolean), ['规章', '0', '1', '2']);
    assert.strictEqual(read.indexOf('规章'), row.indexOf('规章'));
    // A tag over two lines keeps its line break: lines and offsets stay the text's own.
    const broken = '<td\n  rowspan="2">规章</td>';
    assert.deepStrictEqual([visible(broken).split('\n').length, visible(broken).indexOf('规章')], [2, broken.indexOf('规章')]);
    // Not a tag of HTML's tables, paragraphs or inline text: text.
    for (const text of ['x<5 且 y>3', '<p 不予公开>', '<tree>', '<trx>', '3 < 5 > 4', '<abbr>']) assert.strictEqual(visible(text), text);
  });

  it('markupRows cuts a line at each <tr> only where the line holds two or more rows', () => {
    const one = '<table><tr><td>规章</td><td>0</td></tr><tr class="x"><td>行政许可</td><td>3</td></tr></table>';
    const text = `标题\n${one}\n<tr>\n<td>0</td>\n</tr>\n<tr><td>1</td></tr> <trace>`;
    const at = (from: number, tag: string) => text.indexOf(tag, from);
    assert.deepStrictEqual(markupRows(text), [at(0, '<tr>'), at(0, '<tr class')]);
    // The rows are lines as read, not pieces of a text written without line breaks.
    const lines = new LineList(visible(text), [], markupRows(text));
    assert.deepStrictEqual(
      [0, 1, 2, 3].map((n) => lines.at(n)!.text.trim().replace(/\s+/g, ' ')),
      ['标题', '', '规章 0', '行政许可 3'],
    );
    assert.ok([0, 1, 2, 3].every((n) => !lines.isPiece(n)));
    // Positions still count the text's own lines.
    assert.deepStrictEqual(new LineIndex(text, lines).positionAt(text.indexOf('行政许可')), { line: 1, character: one.indexOf('行政许可') });
  });
});
