/** The checker's public face: `check(text)` and what the adapters (LSP, CLI, tests) need around it. */
import { buildArith, cellName, refKey, type Arith, type BuiltArith, type Evaluated } from './arith';
import { applyEdits } from './fixes';
import type { CellModel, ReportModel, RowModel, TableModel } from './model';
import { formatMessage, msg } from './messages';
import { findTitle, movedOffset, parse, type NumberEdit, type Parsed } from './parse';
import { reparse } from './reparse';
export { bodyKey } from './parse';
import { ALL_RULES, ALWAYS } from './rules';
import type { Finding, Rule, RuleContext } from './rules/context';
import { IDENTITY_KINDS, T3, T4_GROUPS, TABLES, columnName, rowDef, type CellRef, type Identity } from './template';
import { LineIndex, LineList, sortIfNeeded } from './text';
import type { CheckOptions, Fix, Locale, Problem, RuleMeta, Severity, Span, TemplateId, TextEdit } from './types';

export * from './types';
export * from './model';
export { LineIndex, applyEdits };

export interface CheckResult {
  template: TemplateId;
  model: ReportModel;
  problems: Problem[];
}

export interface CellInfo {
  title: string;
  lines: string[];
  /** The cell (empty for a blank cell). */
  span: Span;
}

export interface Summary {
  template: TemplateId;
  title?: string;
  tables: { id: string; name: string; totals: { label: string; value: number }[] }[];
  counts: Record<Severity, number>;
}

export const RULES: RuleMeta[] = ALL_RULES.map((r) => r.meta);

export function ruleMeta(aliasOrId: string): RuleMeta | undefined {
  return RULES.find((r) => r.alias === aliasOrId || r.id === aliasOrId);
}

export { formatMessage };

/** The rules of the identities (arithmetic fixes come after structural ones in fixAll). */
const ARITHMETIC = new Set<string>(IDENTITY_KINDS);

/** A rule's findings in one check, and the cells it read through `ctx.arith` (`all`: it needs every number). */
interface RuleRun {
  problems: Problem[];
  reads?: CellRef[] | 'all';
}

interface Internals {
  parsed: Parsed;
  arith: BuiltArith;
  options: CheckOptions;
  /** Per rule of ALL_RULES, in order; undefined for a rule that did not run. */
  runs: (RuleRun | undefined)[];
  /** The text's line breaks are CRLF. */
  crlf: boolean;
  index?: LineIndex;
}
/** What a result keeps for the adapters (line index, hover), out of sight of JSON and enumeration. */
const INTERNALS = Symbol('internals');
const internalsOf = (r: CheckResult): Internals | undefined => (r as CheckResult & { [INTERNALS]?: Internals })[INTERNALS];

/** The severity the user set for a rule (by alias or id), if any. */
function userSetting(options: CheckOptions, meta: RuleMeta): Severity | 'off' | undefined {
  return options.rules?.[meta.alias] ?? options.rules?.[meta.id];
}

function withCrlf(f: Fix): Fix {
  return { ...f, edits: f.edits.map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, '\r\n') })) };
}

/**
 * A problem whose fixes are computed on first read (then kept), so a check whose fixes nobody
 * asks for (a keystroke) does not pay for them. JSON sees `fixes` as any other property.
 */
class ProblemWithLazyFixes implements Problem {
  readonly rule: string;
  readonly code: string;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: Problem['message'];
  readonly related: Problem['related'];
  #fixes: Fix[] | undefined;
  readonly #compute: () => Fix[];

  constructor(p: Omit<Problem, 'fixes'>, compute: () => Fix[]) {
    this.rule = p.rule;
    this.code = p.code;
    this.severity = p.severity;
    this.span = p.span;
    this.message = p.message;
    this.related = p.related;
    this.#compute = compute;
  }

  get fixes(): Fix[] {
    return (this.#fixes ??= this.#compute());
  }

  set fixes(fixes: Fix[]) {
    this.#fixes = fixes;
  }

  toJSON(): Problem {
    return { rule: this.rule, code: this.code, severity: this.severity, span: this.span, message: this.message, related: this.related, fixes: this.fixes };
  }
}

/** A problem of the earlier reading, with the offsets from `edit.at` on moved (the same object if none moves). */
function moved(p: Problem, edit: NumberEdit): Problem {
  const span = (s: Span): Span => (s.end < edit.at ? s : { start: movedOffset(s.start, edit), end: movedOffset(s.end, edit) });
  const edit1 = (e: TextEdit): TextEdit => (e.end < edit.at ? e : { start: movedOffset(e.start, edit), end: movedOffset(e.end, edit), newText: e.newText });
  const sp = span(p.span);
  const related = p.related.map((r) => {
    const s = span(r.span);
    return s === r.span ? r : { span: s, message: r.message };
  });
  const fixes = p.fixes.map((f) => {
    const edits = f.edits.map(edit1);
    return edits.every((e, i) => e === f.edits[i]) ? f : { ...f, edits };
  });
  if (sp === p.span && related.every((r, i) => r === p.related[i]) && fixes.every((f, i) => f === p.fixes[i])) return p;
  return { ...p, span: sp, related, fixes };
}

/** The earlier run of a rule still holds after `edit`: the rule reads no number the edit changed. */
function stillHolds(rule: Rule, run: RuleRun | undefined, edit: NumberEdit): run is RuleRun {
  if (!run || !rule.numbers) return false;
  if (rule.numbers === 'none') return true;
  const [key, col] = edit.ref;
  return run.reads !== 'all' && !run.reads?.some((r) => r[0] === key && r[1] === col);
}

/**
 * `arith` for one rule, writing down the cells it reads (`all` once it reads more than cells).
 * A class: its getter lives on the prototype, so every check's instance shares one shape.
 */
class TrackedArith implements Arith {
  reads: CellRef[] | 'all' = [];
  constructor(private readonly arith: Arith) {}
  get evals() {
    this.reads = 'all';
    return this.arith.evals;
  }
  get broken() {
    this.reads = 'all';
    return this.arith.broken;
  }
  at(k: string) {
    this.reads = 'all';
    return this.arith.at(k);
  }
  fixesFor(e: Evaluated) {
    this.reads = 'all';
    return this.arith.fixesFor(e);
  }
  solveMissing(key: string, present: number[], ids: Identity[]) {
    this.reads = 'all';
    return this.arith.solveMissing(key, present, ids);
  }
  value(ref: CellRef) {
    if (this.reads !== 'all') this.reads.push(ref);
    return this.arith.value(ref);
  }
  cell(ref: CellRef) {
    if (this.reads !== 'all') this.reads.push(ref);
    return this.arith.cell(ref);
  }
}

const sameOptions = (a: CheckOptions, b: CheckOptions): boolean => a.rules === b.rules && a.previous === b.previous;

/**
 * Check a report. `before`, the result for an earlier version of the same document, lets the
 * check reuse that reading when the edit since only changed a number in a table (see
 * `reparse`), and the findings of the rules that number cannot change; the result is the same
 * either way.
 */
export function check(text: string, options: CheckOptions = {}, before?: CheckResult): CheckResult {
  const prior = before && internalsOf(before);
  const same = !!prior && sameOptions(prior.options, options);
  const reread = prior && reparse(prior.parsed, text);
  if (same && reread === prior.parsed) return before!; // the same text
  const parsed = reread || parse(text);
  // Earlier findings and evaluations stand only for the same options.
  const edit = same ? parsed.edit : undefined;
  const arith = buildArith(parsed, edit && { arith: prior!.arith, ref: edit.ref });
  // Fixes insert lines with the document's own line ending (which a typed number does not change).
  const crlf = reread ? prior!.crlf : text.includes('\r\n');
  const problems: Problem[] = [];
  const runs: (RuleRun | undefined)[] = [];
  const template = parsed.model.template;
  let meta: RuleMeta = ALL_RULES[0].meta;
  let sev: Severity = meta.severity;
  /** The user set this rule's severity: it replaces the severity a finding asks for. */
  let sevFixed = false;
  /** The current rule's reads, when it declares `numbers: 'arith'`. */
  let tracked: TrackedArith | undefined;
  const ctx: RuleContext = {
    parsed,
    arith,
    options,
    lineOf: (o) => parsed.lines.lineOf(o),
    readAllNumbers: () => {
      if (tracked) tracked.reads = 'all';
    },
    report: (f: Finding) => {
      const severity = f.severity && !sevFixed ? f.severity : sev;
      const related = f.related ?? [];
      const fixes = f.fixes;
      if (typeof fixes === 'function') {
        const p = { rule: meta.alias, code: meta.id, severity, span: f.span, message: f.message, related };
        problems.push(new ProblemWithLazyFixes(p, crlf ? () => fixes().map(withCrlf) : fixes));
      } else {
        const all = crlf && fixes ? fixes.map(withCrlf) : (fixes ?? []);
        problems.push({ rule: meta.alias, code: meta.id, severity, span: f.span, message: f.message, related, fixes: all });
      }
    },
  };
  for (let i = 0; i < ALL_RULES.length; i++) {
    const rule = ALL_RULES[i];
    const set = userSetting(options, rule.meta);
    if (set === 'off') continue;
    if (template !== '2021' && !ALWAYS.has(rule.meta.alias)) continue;
    const earlier = prior?.runs[i];
    if (edit && stillHolds(rule, earlier, edit)) {
      // A number of the same length moves nothing: the earlier run stands as it is.
      const run = edit.delta === 0 ? earlier : { problems: earlier.problems.map((p) => moved(p, edit)), reads: earlier.reads };
      runs[i] = run;
      for (let k = 0; k < run.problems.length; k++) problems.push(run.problems[k]);
      continue;
    }
    meta = rule.meta;
    sev = set ?? meta.severity;
    sevFixed = !!set;
    const from = problems.length;
    tracked = rule.numbers === 'arith' ? new TrackedArith(arith) : undefined;
    ctx.arith = tracked ?? arith;
    rule.run(ctx);
    runs[i] = { problems: problems.slice(from), reads: tracked?.reads };
  }
  sortIfNeeded(problems, (a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const result: CheckResult = { template, model: parsed.model, problems };
  Object.defineProperty(result, INTERNALS, { value: { parsed, arith, options, runs, crlf } satisfies Internals });
  return result;
}

/** Offset ↔ line/character for the checked text, from the lines the check already split. */
export function lineIndexOf(result: CheckResult): LineIndex {
  const i = internalsOf(result);
  if (!i) return new LineIndex(result.model.text);
  return (i.index ??= new LineIndex(result.model.text, i.parsed.lines));
}

/** Apply every preferred fix (of the problems `filter` keeps) until none is left. */
export function fixAll(text: string, options: CheckOptions = {}, filter: (p: Problem) => boolean = () => true): string {
  let cur = text;
  for (let pass = 0; pass < 16; pass++) {
    // Structure first: once every row lines up, the arithmetic sees all its identities.
    const structural: TextEdit[] = [];
    const arithmetic: TextEdit[] = [];
    for (const p of check(cur, options).problems) {
      if (!filter(p)) continue;
      const f = p.fixes.find((x) => x.preferred);
      if (f) (ARITHMETIC.has(p.rule) ? arithmetic : structural).push(...f.edits);
    }
    const edits = structural.length ? structural : arithmetic;
    if (!edits.length) break;
    const next = applyEdits(cur, edits);
    if (next === cur) break;
    cur = next;
  }
  return cur;
}

/**
 * The cell at `offset`: a number written there (from just before its first character to just
 * after its last), else a blank cell there or just before.
 */
function cellAt(result: CheckResult, offset: number) {
  let blank: { t: TableModel; r: RowModel; c: CellModel } | undefined;
  for (const t of Object.values(result.model.tables)) {
    if (!t || offset < t.span.start || offset > t.span.end + 1) continue;
    for (const r of t.rows) {
      for (const c of r.cells) {
        if (c.span.end > c.span.start) {
          if (c.span.start <= offset && offset <= c.span.end) return { t, r, c };
        } else if (!blank && (offset === c.span.start || offset === c.span.start + 1)) blank = { t, r, c };
      }
    }
  }
  return blank;
}

/** Hover data: which row × column a cell is, and the identities it takes part in. */
export function describeAt(result: CheckResult, offset: number, locale: Locale = 'zh-CN'): CellInfo | undefined {
  const hit = cellAt(result, offset);
  if (!hit) return undefined;
  const { t, r, c } = hit;
  const say = (id: string, args?: Record<string, string | number>) => formatMessage(msg(id, args), locale);
  const def = rowDef(r.key);
  const col = def ? columnName(TABLES[t.id], def, c.col) : '';
  const row = r.key === 't4.row' ? say('hoverTable4') : (def?.short ?? r.label);
  const title = say('hoverCell', { row, col, value: c.blank ? say('hoverBlank') : c.raw });
  const lines: string[] = [];
  const arith = internalsOf(result)?.arith;
  for (const e of arith?.at(refKey([r.key, c.col])) ?? []) {
    const mark = e.holds ? '✓' : '✗';
    const label = say(`kind.${e.id.kind}`);
    if (e.id.kind === 'balance') {
      const [n, carried] = e.id.lhs.map((x) => arith!.value(x));
      const [total, next] = e.id.rhs.map((x) => arith!.value(x));
      lines.push(say('hoverBalance', { label, col: T3.columns[e.id.col ?? 0], new: n, carried, total, next, mark }));
    } else {
      const parts = e.id.rhs.map((x) => arith!.value(x)).filter((v) => v !== 0);
      const sum = parts.length ? parts.join(' + ') : '0';
      lines.push(say('hoverSum', { label, cell: cellName(e.id.lhs[0]), sum, expected: e.rhs, actual: e.lhs, mark }));
    }
  }
  return { title, lines, span: c.span };
}

/** Totals that are wrong, with the value they should have (inlay hints). */
export function expectedTotals(result: CheckResult): { span: Span; expected: number }[] {
  const arith = internalsOf(result)?.arith;
  if (!arith) return [];
  const out: { span: Span; expected: number }[] = [];
  for (const e of arith.broken) {
    if (e.id.kind === 'balance') continue;
    out.push({ span: arith.cell(e.id.lhs[0])!.span, expected: e.rhs });
  }
  return out;
}

export function summarize(result: CheckResult): Summary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const p of result.problems) counts[p.severity]++;
  const tables: Summary['tables'] = [];
  const m = result.model;
  const total = (key: string, col: number) => {
    for (const t of Object.values(m.tables)) {
      const row = t?.rows.find((r) => r.key === key);
      const c = row?.cells[col];
      if (c && !c.invalid) return c.value;
    }
    return NaN;
  };
  if (m.tables.t2) {
    tables.push({
      id: 't2',
      name: TABLES.t2.name,
      totals: TABLES.t2.rows.map((r) => ({ label: r.label, value: total(r.key, r.cols === 3 ? 2 : 0) })),
    });
  }
  if (m.tables.t3) {
    tables.push({
      id: 't3',
      name: TABLES.t3.name,
      totals: ['t3.new', 't3.carried', 't3.total', 't3.next'].map((k) => ({ label: rowDef(k)!.label, value: total(k, 6) })),
    });
  }
  if (m.tables.t4) {
    tables.push({ id: 't4', name: TABLES.t4.name, totals: T4_GROUPS.map((g, i) => ({ label: `${g}·总计`, value: total('t4.row', i * 5 + 4) })) });
  }
  return { template: result.template, title: m.title?.text, tables, counts };
}

const REPORT_HINTS = ['政府信息公开工作年度报告', '政府信息公开工作报告', '信息公开工作年度报告', '政务公开工作年度报告', '勾稽关系', '主动公开政府信息情况', '收到和处理政府信息公开申请情况'];

/** True when the start of a text looks like an annual report (title or template phrases). */
export function looksLikeReport(text: string): boolean {
  const head = text.length > 4000 ? text.slice(0, 4000) : text;
  if (REPORT_HINTS.some((h) => head.includes(h))) return true;
  // Phrases broken by spaces or line breaks (PDF extraction).
  const squeezed = head.replace(/\s+/g, '');
  return REPORT_HINTS.some((h) => squeezed.includes(h));
}

/** `findTitle` reads at most the first 12 non-empty lines and the one after; 16 leaves room. */
const TITLE_LINES = 16;

/** The start of `text` up to the end of its `n`th non-empty line (or all of it), at most 8000 characters. */
function head(text: string, n: number): string {
  let count = 0;
  let i = 0;
  while (i < text.length && i < 8000) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = text.length;
    if (text.slice(i, j).trim() && ++count >= n) return text.slice(0, Math.min(j, 8000));
    i = j + 1;
  }
  return text.length > 8000 ? text.slice(0, 8000) : text;
}

/** The start of a text `titleOf` last read, and what it gave: typing rarely changes a title. */
let lastHead = '';
let lastTitle: { body?: string; year?: number } | undefined;

/** The title of a report (body and year) from the start of its text, without checking it. */
export function titleOf(text: string): { body?: string; year?: number } | undefined {
  const h = head(text, TITLE_LINES);
  if (h !== lastHead) {
    const t = findTitle(new LineList(h), -1);
    lastHead = h;
    lastTitle = t && { body: t.body, year: t.year };
  }
  return lastTitle && { ...lastTitle };
}

export { newReport } from './fixes';

