/**
 * Properties (fast-check): the checker never throws, its spans and edits stay inside the text, a
 * single fix always applies, and `fixAll` is idempotent, on arbitrary strings and on the seeds
 * after random edits. Runs are bounded so the suite stays fast, and seeded so a run is
 * reproducible: FC_SEED=<n> picks another seed, FC_SEED=random a new one each run (fast-check
 * prints the seed and the shrunk counterexample of a failure).
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { applyEdits, check, fixAll, titleOf, type CheckResult } from '../../server/src/core';
import { findTitle } from '../../server/src/core/parse';
import { SECTIONS, T2, T3, T4, colsOf, sectionHeading } from '../../server/src/core/template';
import { LineList } from '../../server/src/core/text';
import type { TableModel } from '../../server/src/core/model';
import { FC_SEED, OPTIONS, SEED_IDS, seed } from './helpers';

const SEEDS = SEED_IDS.map((id) => seed(id));
const runs = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, seed: FC_SEED });

/** Pieces real reports are made of, so random text reaches the table readers and the rules. */
const PIECES = [
  '\n', '\n\n', '\t', ' ', '|', ' | ', '0', '1', '7', '12', '３', '-1', '—', '3.5', '无',
  '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '## ', '**',
  '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（七）总计', '四、结转下年度继续办理',
  '1.属于国家秘密', '2.重复申请', '3.其他', '（六）其他处理', '行政复议', '结果维持', '总计', '规章', '行政事业性收费',
  '第二十条第（一）项', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '本年新制作数量',
  '-3-', '某局2024年政府信息公开工作年度报告', '。', '\r\n', '\u3000', '😀', '\ud800',
];
const reportish = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((xs) => xs.join(''));
const anyChar = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
);
const anyText = fc.oneof(anyChar, reportish, fc.tuple(fc.oneof(anyChar, reportish), fc.integer({ min: 1, max: 400 })).map(([s, n]) => s.repeat(n)));

interface Edit {
  at: number;
  del: number;
  ins: string;
}
const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 40 }), ins: fc.oneof(reportish, fc.string({ maxLength: 10 })) });
const editedSeed = fc.tuple(fc.nat({ max: SEEDS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([i, edits]) => applyRandom(SEEDS[i], edits));

function applyRandom(text: string, edits: Edit[]): string {
  let t = text;
  for (const e of edits) {
    const at = e.at % (t.length + 1);
    t = t.slice(0, at) + e.ins + t.slice(Math.min(t.length, at + e.del));
  }
  return t;
}

/** Line-level damage to a seed: a line deleted, doubled, moved, or a stray character put into it. */
const lineOp = fc.record({ op: fc.constantFrom('del', 'dup', 'move', 'char'), a: fc.nat(), b: fc.nat(), c: fc.constantFrom('\x16', '\x00', '\u2003', '\v', 'x', '—') });
const damagedSeed = fc
  .tuple(fc.nat({ max: SEEDS.length - 1 }), fc.array(lineOp, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([i, ops, eol]) => {
    let lines = SEEDS[i].split('\n');
    for (const o of ops) {
      const a = o.a % lines.length;
      const b = o.b % lines.length;
      if (o.op === 'del') lines.splice(a, 1);
      else if (o.op === 'dup') lines.splice(b, 0, lines[a]);
      else if (o.op === 'move') lines.splice(b % lines.length, 0, ...lines.splice(a, 1));
      else lines[a] = lines[a].slice(0, o.b % (lines[a].length + 1)) + o.c + lines[a].slice(o.b % (lines[a].length + 1));
      if (!lines.length) lines = [''];
    }
    return lines.join(eol);
  });

/**
 * What fixing may add to a text at most: every row of tables 二 and 三 and every section heading
 * inserted, one cell per line under the text's deepest indentation, with two-character line
 * breaks; every cell of the template written with up to 16 more digits.
 */
function templateRoom(text: string): number {
  let indent = 0;
  for (const m of text.matchAll(/^[\t ]+/gm)) indent = Math.max(indent, m[0].length);
  let room = 0;
  for (const t of [T2, T3]) for (const r of t.rows) room += indent + r.label.length + 2 + colsOf(t, r) * (indent + 3);
  for (const s of SECTIONS) room += 6 + sectionHeading(s.index).length + 4;
  const cells = [T2, T3, T4].reduce((n, t) => n + t.rows.reduce((k, r) => k + colsOf(t, r), 0), 0);
  return room + cells * 16;
}

const errorCount = (text: string) => check(text, OPTIONS).problems.filter((p) => p.severity === 'error').length;

const ARITHMETIC = new Set(['row-total', 'results-total', 'balance', 'review-total']);

/** The table whose span holds `at`, in a checked text. */
const tableAt = (r: CheckResult, at: number) =>
  (Object.values(r.model.tables) as TableModel[]).find((t) => t && t.span.start <= at && at <= t.span.end)?.id;

/**
 * The errors of `fixed` that count against the fix of `text`: all of them but the broken sums of
 * a table whose dropped cells the fix filled in. Those sums could not be checked while a cell was
 * missing; the fix brings them to light, it does not make them.
 */
function errorsAfterFix(text: string, fixed: string): number {
  const before = check(text, OPTIONS);
  const after = check(fixed, OPTIONS);
  const missing = (r: CheckResult) => r.problems.filter((p) => p.rule === 'missing-cell').map((p) => tableAt(r, p.span.start));
  const left = missing(after);
  const filled = new Set(missing(before).filter((id) => !left.includes(id)));
  return after.problems.filter((p) => p.severity === 'error' && !(ARITHMETIC.has(p.rule) && filled.has(tableAt(after, p.span.start)))).length;
}

/** Cases of the fixing property: FUZZ_RUNS=<n> runs another number (50 000 takes about ten minutes). */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

function assertSpansInside(text: string, r: CheckResult): void {
  const inside = (s: { start: number; end: number }) => Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length;
  for (const p of r.problems) {
    assert.ok(inside(p.span), `${p.rule} span ${JSON.stringify(p.span)} outside [0, ${text.length}]`);
    for (const rel of p.related) assert.ok(inside(rel.span), `${p.rule} related span ${JSON.stringify(rel.span)}`);
    for (const f of p.fixes) for (const e of f.edits) assert.ok(inside(e), `${p.rule} edit ${JSON.stringify(e)}`);
  }
  for (let i = 1; i < r.problems.length; i++) assert.ok(r.problems[i - 1].span.start <= r.problems[i].span.start, 'problems sorted by position');
}

describe('properties (fast-check)', function () {
  this.timeout(60000);

  it('check never throws on arbitrary text (any code unit, lone surrogates, report fragments, long lines); spans stay inside', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        assertSpansInside(text, check(text, OPTIONS));
        assertSpansInside(text, check(text));
      }),
      runs(300),
    );
  });

  it('one line of 300 000 characters, and 20 000 short lines, are checked without error', () => {
    const long = '一、本年新收政府信息公开申请数量 ' + '1 '.repeat(150000);
    assertSpansInside(long, check(long, OPTIONS));
    const many = '0\n'.repeat(20000);
    assertSpansInside(many, check(many, OPTIONS));
  });

  it('check never throws on seeds after random edits; spans and edits stay inside the text', () => {
    fc.assert(
      fc.property(editedSeed, (text) => {
        assertSpansInside(text, check(text, OPTIONS));
      }),
      runs(200),
    );
  });

  it('titleOf reads only the first lines, and finds what reading the first 8000 characters finds', () => {
    const full = (text: string) => {
      const t = findTitle(new LineList(text.slice(0, 8000)), -1);
      return t && { body: t.body, year: t.year };
    };
    const blankLines = fc.tuple(fc.nat({ max: 30 }), editedSeed).map(([n, text]) => '\n \n'.repeat(n) + text);
    fc.assert(
      fc.property(fc.oneof(editedSeed, reportish, anyText, blankLines), (text) => {
        assert.deepStrictEqual(titleOf(text), full(text));
      }),
      runs(300),
    );
  });

  it('applying any single fix never throws and yields a string', () => {
    fc.assert(
      fc.property(fc.oneof(editedSeed, reportish), (text) => {
        for (const p of check(text, OPTIONS).problems) {
          for (const f of p.fixes) assert.strictEqual(typeof applyEdits(text, f.edits), 'string');
        }
      }),
      runs(150),
    );
  });

  it('fixAll is idempotent on seeds after random edits', () => {
    fc.assert(
      fc.property(editedSeed, (text) => {
        const once = fixAll(text, OPTIONS);
        assert.strictEqual(fixAll(once, OPTIONS), once);
      }),
      runs(150),
    );
  });

  it(`fixing converges on ${FUZZ_RUNS} damaged reports: twice is once, never more errors, growth bounded by what the template can add`, function () {
    this.timeout(0);
    fc.assert(
      fc.property(fc.oneof(editedSeed, damagedSeed), (text) => {
        const once = fixAll(text, OPTIONS);
        assert.strictEqual(fixAll(once, OPTIONS), once, 'fixAll twice differs from once');
        assert.ok(errorsAfterFix(text, once) <= errorCount(text), `more errors after fixAll: ${errorCount(text)} → ${errorCount(once)}`);
        assert.ok(once.length <= text.length + templateRoom(text), `fixAll grew the text from ${text.length} to ${once.length}`);
      }),
      runs(FUZZ_RUNS),
    );
  });
});
