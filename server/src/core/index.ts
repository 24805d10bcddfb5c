/** The checker's public face: `check(text)` and what the adapters (LSP, CLI, tests) need around it. */
import { buildArith, cellName, type Arith } from './arith';
import { lastYearOf } from './caches';
import { applyEdits, inLineBreak, keepGridAligned, keepOffMarkup, lineBreakOf } from './fixes';
import type { CellModel, ReportModel, RowModel, TableId, TableModel } from './model';
import { buildGrids, type GridTable } from './grid';
import { formatMessage, msg } from './messages';
import { findTitle, parse, type Parsed } from './parse';
export { bodyKey } from './parse';
import { ALL_RULES, ALWAYS } from './rules';
import type { Finding } from './rules/context';
import { IDENTITY_KINDS, T3, T3_CORNER_WORDS, T4_GROUP_COLUMNS, T4_GROUPS, TABLES, columnName, rowDef } from './template';
import { LineIndex, LineList, visible } from './text';
import type { CheckOptions, Fix, Locale, Problem, RuleMeta, Severity, Span, TemplateId, TextEdit } from './types';

export * from './types';
export * from './model';
export type { GridCell, GridCellState, GridColumn, GridLines, GridRow, GridRowState, GridTable, GridTableState } from './grid';
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

interface Internals {
  parsed: Parsed;
  arith: Arith;
  index?: LineIndex;
}
/** What a result keeps for the adapters (line index, hover), out of sight of JSON and enumeration. */
const INTERNALS = Symbol('internals');
const internalsOf = (r: CheckResult): Internals | undefined => (r as CheckResult & { [INTERNALS]?: Internals })[INTERNALS];

/** The severity the user set for a rule (by alias or id), if any. */
function userSetting(options: CheckOptions, meta: RuleMeta): Severity | 'off' | undefined {
  return options.rules?.[meta.alias] ?? options.rules?.[meta.id];
}

function withEol(f: Fix, eol: string): Fix {
  return { ...f, edits: f.edits.map((e) => ({ ...e, newText: inLineBreak(e.newText, eol) })) };
}

const byPosition = (a: Problem, b: Problem): number => a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Check a report: read the whole text, evaluate the tables' identities, run every rule. */
export function check(text: string, options: CheckOptions = {}): CheckResult {
  const parsed = parse(text);
  const arith = buildArith(parsed);
  // Fixes insert lines with the document's own line ending.
  const eol = lineBreakOf(text);
  const problems: Problem[] = [];
  const template = parsed.model.template;
  for (const rule of ALL_RULES) {
    const set = userSetting(options, rule.meta);
    if (set === 'off') continue;
    if (template !== '2021' && !ALWAYS.has(rule.meta.alias)) continue;
    const { alias, id } = rule.meta;
    rule.run({
      parsed,
      arith,
      options,
      // A plain field, not a getter: an object literal with an accessor is a slow object, and every
      // rule reads this context (a getter here made every check twice as slow).
      lastYear: options.previous ? lastYearOf(options.previous) : undefined,
      lineOf: (o) => parsed.lines.lineOf(o),
      report: (f: Finding) => {
        // A severity the user set replaces the one a finding asks for.
        const severity = set ?? f.severity ?? rule.meta.severity;
        const fixes = f.fixes ?? [];
        problems.push({ rule: alias, code: id, severity, span: f.span, message: f.message, related: f.related ?? [], fixes: eol === '\n' ? fixes : fixes.map((x) => withEol(x, eol)) });
      },
    });
  }
  keepOffMarkup(text, problems);
  keepGridAligned(parsed.lines, problems);
  problems.sort(byPosition);
  const result: CheckResult = { template, model: parsed.model, problems };
  Object.defineProperty(result, INTERNALS, { value: { parsed, arith } satisfies Internals });
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
  const value = !c.blank ? c.raw : c.raw ? say('hoverPlaceholder', { raw: c.raw }) : say('hoverBlank');
  const title = say('hoverCell', { row, col, value });
  const lines: string[] = [];
  const arith = internalsOf(result)?.arith;
  for (const e of arith?.at([r.key, c.col]) ?? []) {
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

/**
 * Tables 二, 三 and 四 as the template's grids (`grid.ts`): every template row and column, each
 * cell with its value, span and state; a table not lined up or not found, with the reason.
 */
export function tableGrids(result: CheckResult, locale: Locale = 'zh-CN'): GridTable[] {
  let i = internalsOf(result);
  if (!i) {
    const parsed = parse(result.model.text);
    i = { parsed, arith: buildArith(parsed) };
  }
  return buildGrids(i.parsed, i.arith, result.problems, lineIndexOf(result), locale);
}

/** Where in the tables a span lies, named from the template: a cell (row and column), a row, or the table. */
export interface TablePlace {
  table: TableId;
  /** The row's short template name (table 四: the column group). */
  row?: string;
  column?: string;
}

/** Rules that find something absent: the span marks where it would go, in no row or cell of its own. */
const ABSENT = new Set(['missing-row', 'missing-table', 'missing-section']);

/**
 * The table, row and cell of the report as read that a span lies in: a cell when the span is
 * within it (a blank cell: when it holds the blank and no number), else the row when it starts in
 * one, else the table. A finding of `rule` about something absent names the table alone.
 */
export function tablePlaceOf(result: CheckResult, span: Span, rule?: string): TablePlace | undefined {
  const filled = (c: CellModel) => c.span.end > c.span.start;
  for (const t of Object.values(result.model.tables)) {
    if (!t || span.start < t.span.start || span.start > t.span.end) continue;
    if (rule && ABSENT.has(rule)) return { table: t.id };
    for (const r of t.rows) {
      if (span.start < r.span.start || span.start > r.span.end) continue;
      const within = (c: CellModel) =>
        filled(c)
          ? c.span.start <= span.start && span.end <= c.span.end
          : span.start <= c.span.start && c.span.start <= span.end && !r.cells.some((y) => filled(y) && y.span.start < span.end && span.start < y.span.end);
      const c = r.cells.find(within);
      if (t.id === 't4') return c ? { table: t.id, row: T4_GROUPS[Math.floor(c.col / 5)], column: T4_GROUP_COLUMNS[c.col % 5] } : { table: t.id };
      const def = rowDef(r.key);
      const row = def?.short ?? r.label;
      return c && def ? { table: t.id, row, column: columnName(TABLES[t.id], def, c.col) } : { table: t.id, row };
    }
    return { table: t.id };
  }
  return undefined;
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

/**
 * How far into a text a template phrase is looked for past its start (`looksLikeReport`): well past
 * any report's first section, while a large text that is no report costs little on each keystroke.
 */
const HINT_REACH = 200_000;

const REPORT_HINTS = ['政府信息公开工作年度报告', '政府信息公开工作报告', '信息公开工作年度报告', '政务公开工作年度报告', ...T3_CORNER_WORDS, '主动公开政府信息情况', '收到和处理政府信息公开申请情况'];

/**
 * True when a text looks like an annual report: its start has the title or a template phrase, or
 * the rest has a template phrase as written (a long first section puts the section headings past
 * the start, and a title being retyped must not make a report stop being checked).
 */
export function looksLikeReport(text: string): boolean {
  const head = visible(text.length > 4000 ? text.slice(0, 4000) : text);
  if (REPORT_HINTS.some((h) => head.includes(h))) return true;
  // Phrases broken by spaces or line breaks (PDF extraction), or by characters that show nothing.
  const squeezed = head.replace(/\s+/g, '');
  if (REPORT_HINTS.some((h) => squeezed.includes(h))) return true;
  const reach = text.length > HINT_REACH ? text.slice(0, HINT_REACH) : text;
  return text.length > 4000 && REPORT_HINTS.some((h) => reach.includes(h));
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

/** The title of a report (body and year) from the start of its text, without checking it. */
export function titleOf(text: string): { body?: string; year?: number } | undefined {
  const t = findTitle(new LineList(visible(head(text, TITLE_LINES))), -1);
  return t && { body: t.body, year: t.year };
}

export { newReport } from './fixes';

export { RULE_LEVELS, nearestName, validateRuleSettings } from './ruleSettings';
export { previousMismatch } from './rules/cross-year';
