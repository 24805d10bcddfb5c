/**
 * Re-reading after typing a number (`reparse`, and `check(text, options, before)` built on it):
 * whenever it takes the short way its reading equals a full `parse`, and the problems equal a
 * full check's; the edits it cannot vouch for fall back to a full parse.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { check, type CellModel, type CheckResult, type Problem } from '../../server/src/core';
import { figuresOf, parse, sentencesOf, type Parsed } from '../../server/src/core/parse';
import { reparse } from '../../server/src/core/reparse';
import { scanLine } from '../../server/src/core/scan';
import { FC_SEED, FIXTURES, SEED_IDS, fixtureNames, loadFixture, seed } from './helpers';

const LF = [...SEED_IDS.map((id) => seed(id)), ...fixtureNames(FIXTURES).map((n) => loadFixture(n).text)];
/** Every fixture, and each with CRLF line endings too. */
const TEXTS = [...LF, ...LF.map((t) => t.replace(/\r?\n/g, '\r\n'))];

/** Every table cell of a check's reading. */
function cellsOf(result: CheckResult): CellModel[] {
  const out: CellModel[] = [];
  for (const t of Object.values(result.model.tables)) for (const r of t?.rows ?? []) out.push(...r.cells);
  return out;
}
const CELLS = TEXTS.map((t) => cellsOf(check(t)));

/** Problems as plain data, their fixes included (some are computed on first read). */
const plain = (problems: Problem[]): unknown => JSON.parse(JSON.stringify(problems));

/**
 * Everything a reading holds, as plain data (the lines by their boundaries), but how it was made
 * (`edit`, and `editedLine`, which must be the scan of that line).
 */
function reading(p: Parsed): unknown {
  if (p.editedLine) assert.deepStrictEqual(p.editedLine.scanned, scanLine(p.lines.text, p.lines.starts[p.editedLine.n], p.lines.endOf(p.editedLine.n), p.editedLine.n));
  const ends = Array.from({ length: p.lines.length }, (_, i) => p.lines.endOf(i));
  const { edit: _made, editedLine: _scanned, ...rest } = p;
  return { ...rest, lines: { starts: p.lines.starts, ends }, figures: figuresOf(p), sentences: sentencesOf(p) };
}

function assertSameAsFull(before: string, after: string): boolean {
  const old = parse(before);
  figuresOf(old);
  sentencesOf(old);
  const quick = reparse(old, after);
  const full = parse(after);
  if (quick) assert.deepStrictEqual(reading(quick), reading(full));
  assert.deepStrictEqual(plain(check(after, {}, check(before)).problems), plain(check(after).problems));
  return quick !== undefined;
}

const seedText = seed('000');
const NEW = '一、本年新收政府信息公开申请数量 ';
const cell = seedText.indexOf(NEW) + NEW.length;
const typed = (s: string, del = 1) => seedText.slice(0, cell) + s + seedText.slice(cell + del);

describe('reparse: reading again after a number is typed', function () {
  this.timeout(60000);

  it('typing over, into, after and before a number in a table is read the short way, with a full reading', () => {
    assert.strictEqual(seedText.slice(cell, cell + 2), '0 ');
    for (const [s, del] of [['7', 1], ['12', 1], ['17', 0], ['71', 0], ['987654321', 1]] as const) {
      assert.ok(assertSameAsFull(seedText, typed(s, del)), `typing ${s} is read the short way`);
    }
    // Deleting digits of a longer number, then the other way round.
    assert.ok(assertSameAsFull(typed('123'), typed('13')));
    assert.ok(assertSameAsFull(typed('13'), typed('123')));
  });

  it('edits that change more than a number are parsed from scratch', () => {
    const cases: [string, string][] = [
      ['a letter in the number', typed('1a')],
      ['a space splitting the number', typed('1 2')],
      ['a number cleared', typed('')],
      ['ten digits', typed('1234567890')],
      ['a full-width digit', typed('１')],
      ['a line break', typed('1\n')],
      ['the narrative', seedText.replace('一、总体情况', '一、总体情况 ')],
      ['the title', seedText.replace('2024', '2025')],
    ];
    for (const [what, after] of cases) {
      const quick = reparse(parse(seedText), after);
      assert.strictEqual(quick, undefined, what);
      assertSameAsFull(seedText, after);
    }
  });

  it('a number that makes its line read differently (12345 / 3 → 1234 / 3, a page number) is parsed from scratch', () => {
    const row = '（一）予以公开 0 0 0 0 0 0 0';
    const before = seedText.replace(row, `${row}\n12345 / 3`);
    const after = before.replace('12345 / 3', '1234 / 3');
    assert.strictEqual(reparse(parse(before), after), undefined);
    assertSameAsFull(before, after);
  });

  it('the same text gives the same reading', () => {
    const p = parse(seedText);
    assert.strictEqual(reparse(p, seedText), p);
  });

  it('random digit edits in the cells of every fixture read and check as from scratch', () => {
    const digits = fc.stringMatching(/^[0-9]{0,4}$/);
    const edit = fc.record({ text: fc.nat({ max: TEXTS.length - 1 }), cell: fc.nat(), from: fc.nat(), to: fc.nat(), ins: fc.oneof(digits, fc.constantFrom('', ' ', 'x', '-', '0\n', '１')) });
    let quick = 0;
    fc.assert(
      fc.property(edit, (e) => {
        const text = TEXTS[e.text];
        const cells = CELLS[e.text];
        if (!cells.length) return;
        const c = cells[e.cell % cells.length];
        const len = c.span.end - c.span.start;
        const a = c.span.start + (e.from % (len + 1));
        const b = a + (e.to % (c.span.end - a + 1));
        if (assertSameAsFull(text, text.slice(0, a) + e.ins + text.slice(b))) quick++;
      }),
      { numRuns: 1500, seed: FC_SEED },
    );
    assert.ok(quick > 300, `only ${quick} of 1500 edits took the short way`);
  });

  it('typing into one cell after another, each check reusing the last, finds what a full check finds', () => {
    const step = fc.record({ cell: fc.nat(), digits: fc.stringMatching(/^[0-9]{1,3}$/), over: fc.boolean() });
    const options = [{}, { rules: { 'label-variant': 'warning' as const, 'blank-cell': 'off' as const } }];
    fc.assert(
      fc.property(fc.nat({ max: TEXTS.length - 1 }), fc.nat({ max: 1 }), fc.array(step, { minLength: 1, maxLength: 6 }), (t, o, steps) => {
        const opts = options[o];
        let text = TEXTS[t];
        let last = check(text, opts);
        for (const s of steps) {
          const cells = cellsOf(last);
          if (!cells.length) return;
          const c = cells[s.cell % cells.length];
          text = text.slice(0, c.span.start) + s.digits + text.slice(s.over ? c.span.end : c.span.start);
          last = check(text, opts, last);
          assert.deepStrictEqual(plain(last.problems), plain(check(text, opts).problems));
        }
      }),
      { numRuns: 300, seed: FC_SEED },
    );
  });

  it('random edits anywhere check as from scratch', () => {
    const edit = fc.record({ text: fc.nat({ max: TEXTS.length - 1 }), at: fc.nat(), del: fc.nat({ max: 3 }), ins: fc.constantFrom('', '1', '9', ' ', '\n', '0 ', '|', '\t') });
    fc.assert(
      fc.property(edit, (e) => {
        const text = TEXTS[e.text];
        const at = e.at % (text.length + 1);
        assertSameAsFull(text, text.slice(0, at) + e.ins + text.slice(at + e.del));
      }),
      { numRuns: 400, seed: FC_SEED },
    );
  });
});
