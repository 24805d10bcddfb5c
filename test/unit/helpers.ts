/**
 * Test helpers for the core checker: exact expectations on findings and fixes, fixtures with
 * inline markers, the seeds.
 *
 * Fixture files: `test/fixtures/<alias>-<scenario>.txt` (or `.md`), one small report per
 * scenario. Expected findings are written inline as markers at the END of the line where the
 * finding starts (its span's start line):
 *
 *   （七）总计 30 2 1 0 1 0 35〔results-total〕〔row-total〕
 *
 *   〔rule〕          one finding of `rule` (alias) starts on this line
 *   〔a〕〔a〕〔b〕     several findings on the same line (a repeated marker = that many findings)
 *   〔rule:+2〕       the finding starts two lines below (`:-1` one line above); for lines that
 *                    cannot carry a marker (an empty line)
 *
 * The harness strips exactly the markers (nothing else: a space before a marker belongs to the
 * text) and checks the stripped text. The markers of a fixture are the complete list of its
 * errors, warnings and infos (hints are not listed). A sibling `<name>.fixed.txt` (`.fixed.md`)
 * is the fully fixed text: `fixAll` must produce it byte for byte, it must re-check with no
 * problem that still has a preferred fix, and fixing it again must change nothing. Without a
 * `.fixed` sibling, `fixAll` must leave the fixture unchanged (no preferred fix applies).
 *
 * The three newest rules (narrative-mismatch, cross-year, implausible-value) are checked by their
 * own test files with every rule on; every other check made through these helpers turns them off
 * (unless a test passes its own options), so the exact expectations elsewhere hold still while
 * those rules settle.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { LineIndex, check, fixAll, formatMessage, type CheckOptions, type Message, type Problem, type RowModel, type Severity } from '../../server/src/core';
import { IDENTITY_KINDS } from '../../server/src/core/template';

function findRoot(from: string): string {
  for (let dir = from, i = 0; i < 8; i++, dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'report-review') return dir;
  }
  throw new Error(`package root not found above ${from}`);
}

export const ROOT = findRoot(__dirname);
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const SEEDS_DIR = path.join(FIXTURES, 'seeds');

/** The newest rules: tested in their own files, off in the helpers' default options. */
export const NEWEST = ['narrative-mismatch', 'cross-year', 'implausible-value'];
export const OPTIONS: CheckOptions = { rules: Object.fromEntries(NEWEST.map((r) => [r, 'off' as const])) };
/** The same, as the CLI's `--rule` flags. */
export const CLI_OFF = NEWEST.flatMap((r) => ['--rule', `${r}=off`]);

/** The CLI as a user runs it (`bin/report-review.js`): exit code, stdout and stderr. */
export function runCli(args: string[], input?: string | Buffer, cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'report-review.js'), ...args], { cwd, input, encoding: 'utf8', timeout: 30000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const ARITHMETIC = new Set<string>(IDENTITY_KINDS);

/**
 * A message as tests compare it: its id and its arguments (sorted by name), never its wording,
 * e.g. `rowTotal(actual=5, expected=4, parts=（3+1）, row=（二）部分公开)`. The wording is
 * reviewed in one place, the catalogue snapshots (`test/unit/messages.test.ts`).
 */
export function said(m: Message): string {
  const args = Object.entries(m.args ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return args.length ? `${m.id}(${args.map(([k, v]) => `${k}=${v}`).join(', ')})` : m.id;
}

/** The zh-CN text of a message, for output the adapters render (CLI, language server, hover). */
export function zh(id: string, args?: Message['args']): string {
  return formatMessage({ id, args }, 'zh-CN');
}

/** The same in English. */
export function en(id: string, args?: Message['args']): string {
  return formatMessage({ id, args }, 'en');
}

/** fast-check's seed: fixed for reproducible runs; FC_SEED=<n> picks another, FC_SEED=random a new one each run. */
export const FC_SEED = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 20250110);
const LISTED: Severity[] = ['error', 'warning', 'info'];

export interface Expected {
  rule: string;
  /** 1-based line where the finding starts. */
  line: number;
  /** The message's id and arguments, as `said` writes them. */
  message?: string;
}

export interface Found {
  rule: string;
  line: number;
  severity: Severity;
  message: string;
  problem: Problem;
}

/** 1-based line of the `nth` (1-based) occurrence of `needle`; throws when there is none. */
export function lineOf(text: string, needle: string, nth = 1): number {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`lineOf: occurrence ${nth} of ${JSON.stringify(needle)} not found`);
  }
  return new LineIndex(text).positionAt(at).line + 1;
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  return new LineIndex(text).positionAt(offset).line + 1;
}

/** Replace the single occurrence of `from`; throws when it occurs zero or several times. */
export function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`replaceOnce: ${JSON.stringify(from)} not found`);
  if (text.indexOf(from, i + 1) >= 0) throw new Error(`replaceOnce: ${JSON.stringify(from)} occurs more than once`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** Errors, warnings and infos of `text`, in the checker's order, with 1-based lines and messages as `said` writes them. */
export function findings(text: string, options: CheckOptions = OPTIONS, severities: Severity[] = LISTED): Found[] {
  const index = new LineIndex(text);
  return check(text, options)
    .problems.filter((p) => severities.includes(p.severity))
    .map((p) => ({ rule: p.rule, line: index.positionAt(p.span.start).line + 1, severity: p.severity, message: said(p.message), problem: p }));
}

/** Problems of one rule (all severities). */
export function problemsOf(text: string, rule: string, options: CheckOptions = OPTIONS): Problem[] {
  return check(text, options).problems.filter((p) => p.rule === rule);
}

const key = (x: { line: number; rule: string }) => `${x.line} ${x.rule}`;
const order = (a: string, b: string) => {
  const d = parseInt(a, 10) - parseInt(b, 10);
  return d || (a < b ? -1 : a > b ? 1 : 0);
};

/**
 * Exactly these findings (errors, warnings and infos), nothing else. Lines are 1-based; a
 * `message` given is compared with the message's id and arguments (`said`).
 */
export function expectFindings(text: string, expected: Expected[], options: CheckOptions = OPTIONS): Found[] {
  const got = findings(text, options);
  assert.deepStrictEqual(got.map(key).sort(order), expected.map(key).sort(order), 'findings (line rule)');
  const pool = [...got];
  for (const e of expected) {
    if (e.message === undefined) continue;
    const i = pool.findIndex((g) => g.rule === e.rule && g.line === e.line && g.message === e.message);
    if (i < 0) {
      const same = got.filter((g) => g.rule === e.rule && g.line === e.line).map((g) => g.message);
      assert.fail(`no ${e.rule} on line ${e.line} says ${JSON.stringify(e.message)}; found ${JSON.stringify(same)}`);
    }
    pool.splice(i, 1);
  }
  return got;
}

/** No finding of the given severities (default: errors, warnings and infos). */
export function expectNoFindings(text: string, severities: Severity[] = LISTED, options: CheckOptions = OPTIONS): void {
  const got = findings(text, options, severities);
  assert.deepStrictEqual(got.map((g) => `${g.line} ${g.severity} ${g.rule} ${g.message}`), []);
}

/**
 * `fixAll` turns `text` into `fixed` exactly; the fixed text re-checks with no problem that
 * still has a preferred fix, and fixing it again changes nothing.
 */
export function expectFix(text: string, fixed: string, options: CheckOptions = OPTIONS): void {
  const out = fixAll(text, options);
  assertSameText(out, fixed, 'fixAll result');
  const left = check(out, options).problems.filter((p) => p.fixes.some((f) => f.preferred));
  assert.deepStrictEqual(left.map((p) => `${p.rule}: ${said(p.message)}`), [], 'problems with a preferred fix left after fixAll');
  assertSameText(fixAll(out, options), out, 'fixAll is idempotent');
}

/** Text equality with a readable first difference. */
export function assertSameText(actual: string, expected: string, what = 'text'): void {
  if (actual === expected) return;
  const a = actual.split('\n');
  const b = expected.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  assert.fail(`${what} differs first at line ${i + 1}:\n  actual:   ${JSON.stringify(a[i])}\n  expected: ${JSON.stringify(b[i])}`);
}

// ── fixtures ──

const MARKERS = /((?:〔[^〔〕\r\n]+〕)+)$/;
const ONE = /〔([a-z0-9-]+)(?::([+-]\d+))?〕/g;

/** Split a fixture into the text to check and the findings its markers expect. */
export function parseMarkers(raw: string): { text: string; expected: Expected[] } {
  const expected: Expected[] = [];
  const lines = raw.split('\n');
  const out = lines.map((l, i) => {
    const cr = l.endsWith('\r') ? '\r' : '';
    const body = cr ? l.slice(0, -1) : l;
    const m = MARKERS.exec(body);
    if (!m) return l;
    const all = m[1];
    let seen = '';
    for (const x of all.matchAll(ONE)) {
      seen += x[0];
      const line = i + 1 + (x[2] ? parseInt(x[2], 10) : 0);
      if (line < 1 || line > lines.length) throw new Error(`marker ${x[0]} on line ${i + 1} points outside the file`);
      expected.push({ rule: x[1], line });
    }
    if (seen !== all) throw new Error(`malformed marker on line ${i + 1}: ${all}`);
    return body.slice(0, m.index) + cr;
  });
  return { text: out.join('\n'), expected };
}

export interface Fixture {
  name: string;
  text: string;
  expected: Expected[];
  /** The fully fixed text, when the fixture has a `.fixed` sibling. */
  fixed?: string;
}

export function fixturePath(name: string, dir = FIXTURES): string {
  return path.join(dir, name);
}

export function loadFixture(name: string, dir = FIXTURES): Fixture {
  const raw = fs.readFileSync(fixturePath(name, dir), 'utf8');
  const { text, expected } = parseMarkers(raw);
  const fixedName = name.replace(/\.(txt|md)$/, '.fixed.$1');
  const fixedPath = fixturePath(fixedName, dir);
  const fixed = fs.existsSync(fixedPath) ? fs.readFileSync(fixedPath, 'utf8') : undefined;
  return { name, text, expected, fixed };
}

/** Scenario fixtures (not the `.fixed` snapshots) directly in `dir`, sorted. */
export function fixtureNames(dir = FIXTURES): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.(txt|md)$/.test(e.name) && !/\.fixed\.(txt|md)$/.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** Check a fixture completely: its markers exactly, then its fixed snapshot (or no change). */
export function checkFixture(name: string, dir = FIXTURES): Fixture {
  const f = loadFixture(name, dir);
  expectFindings(f.text, f.expected);
  if (f.fixed !== undefined) expectFix(f.text, f.fixed);
  else assertSameText(fixAll(f.text, OPTIONS), f.text, `fixAll must leave ${name} unchanged (it has no .fixed snapshot)`);
  return f;
}

/** Each row as `key n n n …` (the numbers as read), for comparing a table with its expected numbers. */
export function rowNumbers(rows: RowModel[]): string[] {
  return rows.map((r) => `${r.key} ${r.cells.map((c) => c.value).join(' ')}`);
}

// ── seeds ──

export const SEED_IDS = ['000', '001', '002', '003', '004'] as const;
export type SeedId = (typeof SEED_IDS)[number];

export function seedPath(id: SeedId): string {
  const f = fs.readdirSync(SEEDS_DIR).find((n) => n.startsWith(`${id}_`));
  if (!f) throw new Error(`seed ${id} not found`);
  return path.join(SEEDS_DIR, f);
}

export function seed(id: SeedId): string {
  return fs.readFileSync(seedPath(id), 'utf8');
}

/** Seed 001 with its dropped cell (2.重复申请) restored: the only seed with real numbers, every identity checkable. */
export function seed001Complete(): string {
  return replaceOnce(seed('001'), '2.重复申请 0 0 0 0 0 0\n', '2.重复申请 0 0 0 0 0 0 0\n');
}

/** Seed 000 in UTF-8 with three bytes that start no UTF-8 character put at the start of its 40th line. */
export function damagedUtf8(): { bytes: Buffer; offset: number; line: number } {
  const utf8 = Buffer.from(seed('000'), 'utf8');
  let offset = 0;
  for (let line = 1; line < 40; line++) offset = utf8.indexOf(0x0a, offset) + 1;
  return { bytes: Buffer.concat([utf8.subarray(0, offset), Buffer.from([0xff, 0xfe, 0xfd]), utf8.subarray(offset)]), offset, line: 40 };
}
