/** The harness itself: markers parse exactly, and the expectations fail when they should. */
import * as assert from 'assert';
import { assertSameText, expectFindings, expectFix, expectNoFindings, lineOf, loadFixture, parseMarkers, replaceOnce } from './helpers';

describe('test helpers', () => {
  it('parseMarkers strips exactly the markers and reads their lines', () => {
    const raw = 'a\nb 1〔row-total〕〔balance〕\n\nc\t〔missing-row:-1〕\nd〔x:+1〕\ne';
    const { text, expected } = parseMarkers(raw);
    assert.strictEqual(text, 'a\nb 1\n\nc\t\nd\ne');
    assert.deepStrictEqual(expected, [
      { rule: 'row-total', line: 2 },
      { rule: 'balance', line: 2 },
      { rule: 'missing-row', line: 3 },
      { rule: 'x', line: 6 },
    ]);
  });

  it('parseMarkers keeps CRLF line ends and rejects malformed or out-of-range markers', () => {
    assert.strictEqual(parseMarkers('a〔title〕\r\nb\r\n').text, 'a\r\nb\r\n');
    assert.throws(() => parseMarkers('a〔Row Total〕'), /malformed marker/);
    assert.throws(() => parseMarkers('a〔title:+5〕'), /outside the file/);
  });

  it('lineOf and replaceOnce are exact', () => {
    assert.strictEqual(lineOf('x\ny\nx', 'x', 2), 3);
    assert.throws(() => lineOf('x', 'z'));
    assert.throws(() => replaceOnce('aa', 'a', 'b'), /more than once/);
    assert.throws(() => replaceOnce('a', 'z', 'b'), /not found/);
  });

  it('expectFindings fails on a missing, an extra or a misplaced finding, or a wrong message', () => {
    const f = loadFixture('section-heading-typo.txt');
    const [e] = f.expected;
    expectFindings(f.text, f.expected);
    assert.throws(() => expectFindings(f.text, []));
    assert.throws(() => expectFindings(f.text, [e, { rule: 'title', line: 1 }]));
    assert.throws(() => expectFindings(f.text, [{ ...e, line: e.line + 1 }]));
    assert.throws(() => expectFindings(f.text, [{ ...e, message: '别的消息' }]));
    assert.throws(() => expectNoFindings(f.text));
    expectNoFindings(f.text, ['error']);
  });

  it('expectFix fails when the fixed text differs', () => {
    const f = loadFixture('section-heading-typo.txt');
    expectFix(f.text, f.fixed!);
    assert.throws(() => expectFix(f.text, f.text));
    assert.throws(() => assertSameText('a\nb', 'a\nc'), /line 2/);
  });
});
