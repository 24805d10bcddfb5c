/**
 * Tables 二, 三 and 四 as the template's grids: every template row and column with its label, each
 * cell with the value read, its span and its state. One description for every view of the tables
 * (the editor's table view, the review report), so that they cannot disagree. Plain data: it goes
 * over LSP as JSON.
 */
import type { Arith } from './arith';
import { formatMessage, msg } from './messages';
import type { CellModel, RowModel, TableId, TableModel } from './model';
import type { Parsed } from './parse';
import { layoutMessage } from './rules/table-layout';
import { IDENTITY_KINDS, REPLACED_AT, T3_GROUPS, T4_IDENTITIES, TABLES, colsOf, columnName, t3Identities, templatePositions, usesOldSingleOther, type RowDef } from './template';
import type { LineIndex } from './text';
import type { Locale, Problem, Span } from './types';

/**
 * - `ok`: a number that takes part in no broken identity;
 * - `wrong`: the cell a broken identity is reported on (its total; 四、结转下年度 for the balance);
 * - `blank`: nothing written (counted as 0);
 * - `missing`: the row has fewer numbers than the template's columns, and this is one not there;
 * - `invalid`: not a valid number.
 */
export type GridCellState = 'ok' | 'wrong' | 'blank' | 'missing' | 'invalid';

/** 0-based lines of a span's start and end (for a click to select the cell). */
export interface GridLines {
  start: number;
  end: number;
}

export interface GridCell {
  /** The column's label in the template. */
  column: string;
  state: GridCellState;
  /** The text as written ('' for a missing cell or an empty field, a placeholder such as 「—」 for a blank one). */
  raw: string;
  /** The number read (blank: 0); absent for a missing or invalid cell. */
  value?: number;
  /** Where the cell is in the text (an empty field: an empty span where it stands); absent for a missing cell. */
  span?: Span;
  lines?: GridLines;
  /** The value the cell should have: a wrong cell's, or a missing cell's when the identities determine it. */
  expected?: number;
  /** Why: each broken identity on the cell in words, or the row's missing-cell finding. */
  notes?: string[];
}

/**
 * - `present`: read from the text;
 * - `missing`: a template row the table lacks;
 * - `replaced`: a row the old single （六）其他处理 row stands in for (shown without cells).
 */
export type GridRowState = 'present' | 'missing' | 'replaced';

export interface GridRow {
  /** Template row key, e.g. `t3.r5.2`. */
  key: string;
  /** The label printed in the template. */
  label: string;
  /** The merged group labels the row sits under, outermost first (table 三: `三、本年度办理结果`, `（五）不予处理`). */
  groups: string[];
  /** Table 二: the caption and column headers of the sub-table the row opens. */
  caption?: string;
  header?: string[];
  state: GridRowState;
  /** The label as written, when it differs from the template's. */
  written?: string;
  span?: Span;
  lines?: GridLines;
  /**
   * The cells are in their template columns. False when numbers are missing and the identities do
   * not tell which: the numbers read stand in the order read, the missing ones last.
   */
  placed: boolean;
  cells: GridCell[];
  /** Numbers beyond the template's columns. */
  extra: GridCell[];
  /** The findings on the row itself (missing row, missing or extra cells), in words. */
  notes: string[];
}

/**
 * - `read`: its rows lined up with the template's;
 * - `layout`: the reader could not line its numbers up with the rows (nothing in it is shown as cells);
 * - `missing`: no table found.
 */
export type GridTableState = 'read' | 'layout' | 'missing';

export interface GridColumn {
  label: string;
  /** Table 四: the column group (行政复议, 行政诉讼·未经复议直接起诉, 行政诉讼·复议后起诉). */
  group?: string;
}

export interface GridTable {
  id: TableId;
  /** e.g. 表三（收到和处理政府信息公开申请情况）. */
  title: string;
  state: GridTableState;
  /** Why a table is `layout` or `missing`, in words. */
  reason?: string;
  span?: Span;
  lines?: GridLines;
  /** The widest rows' columns (table 二's one-number rows name theirs in their cells). */
  columns: GridColumn[];
  rows: GridRow[];
  /** Rows read whose label names no template row. */
  unmatched: { label: string; span: Span; raw: string[] }[];
}

const IDENTITY_RULES = new Set<string>(IDENTITY_KINDS);
const TABLE_IDS: TableId[] = ['t2', 't3', 't4'];
const RESULTS_GROUP = '三、本年度办理结果';

/** The merged group labels each template row of table 三 sits under (rows 三 … （七）总计 under 三、本年度办理结果). */
const T3_ROW_GROUPS: Map<string, string[]> = (() => {
  const keys = TABLES.t3.rows.map((r) => r.key);
  const from = keys.indexOf('t3.r1');
  const to = keys.indexOf('t3.total');
  return new Map(
    keys.map((k, i) => {
      if (i < from || i > to) return [k, []];
      const sub = /^t3\.r(\d)\.\d$/.exec(k);
      return [k, sub ? [RESULTS_GROUP, T3_GROUPS[`t3.r${sub[1]}.1`]] : [RESULTS_GROUP]];
    }),
  );
})();

function columnsOf(id: TableId): GridColumn[] {
  if (id === 't4') return TABLES.t4.columns.map((c) => ({ label: c.slice(c.lastIndexOf('·') + 1), group: c.slice(0, c.lastIndexOf('·')) }));
  return TABLES[id].columns.map((label) => ({ label }));
}

interface Context {
  parsed: Parsed;
  arith: Arith;
  problems: Problem[];
  index: LineIndex;
  locale: Locale;
}

/** Every table of a checked report as the template's grid. */
export function buildGrids(parsed: Parsed, arith: Arith, problems: Problem[], index: LineIndex, locale: Locale = 'zh-CN'): GridTable[] {
  const ctx: Context = { parsed, arith, problems, index, locale };
  return TABLE_IDS.map((id) => gridOf(ctx, id));
}

function linesOf(ctx: Context, span: Span): GridLines {
  return { start: ctx.index.positionAt(span.start).line, end: ctx.index.positionAt(span.end).line };
}

const say = (ctx: Context, id: string, args?: Record<string, string | number>) => formatMessage(msg(id, args), ctx.locale);

function gridOf(ctx: Context, id: TableId): GridTable {
  const def = TABLES[id];
  const title = say(ctx, `table.${id}`);
  const base = { id, title, columns: columnsOf(id), unmatched: [] };
  const table = ctx.parsed.model.tables[id];
  const doubt = ctx.parsed.doubts[id];
  if (doubt) {
    const reason = formatMessage(layoutMessage(id, doubt.doubt), ctx.locale);
    return { ...base, state: 'layout', reason, span: doubt.span, lines: linesOf(ctx, doubt.span), rows: [] };
  }
  if (!table) {
    const found = ctx.problems.find((p) => p.rule === 'missing-table' && (p.message.args?.table === `@table.${id}`));
    const reason = found ? formatMessage(found.message, ctx.locale) : say(ctx, 'gridNotFound', { table: `@table.${id}` });
    return { ...base, state: 'missing', reason, rows: [] };
  }
  const at = templatePositions(table);
  const byPos = new Map<number, RowModel>();
  table.rows.forEach((r, i) => {
    if (at[i] >= 0 && !byPos.has(at[i])) byPos.set(at[i], r);
  });
  const replaced = new Set<number>();
  for (const [pos] of byPos) for (const k of REPLACED_AT[id][pos]) replaced.add(k);
  const rows: GridRow[] = [];
  def.rows.forEach((rd, pos) => {
    const row = byPos.get(pos);
    if (!row && rd.optional) return;
    const common = { key: rd.key, label: rd.label, groups: T3_ROW_GROUPS.get(rd.key) ?? [], ...(rd.caption ? { caption: rd.caption } : {}), ...(rd.header ? { header: rd.header } : {}) };
    if (!row) {
      const state: GridRowState = replaced.has(pos) ? 'replaced' : 'missing';
      const notes = ctx.problems
        .filter((p) => p.rule === 'missing-row' && p.message.args?.row === rd.label && p.message.args?.table === `@table.${id}`)
        .map((p) => formatMessage(p.message, ctx.locale));
      rows.push({ ...common, state, placed: true, cells: [], extra: [], notes });
      return;
    }
    rows.push(rowOf(ctx, table, row, rd, common));
  });
  const unmatched = (id === 't4' ? [] : (ctx.parsed.orphans[id] ?? [])).map((r) => ({ label: r.label, span: r.span, raw: r.cells.map((c) => c.raw) }));
  return { ...base, state: 'read', span: table.span, lines: linesOf(ctx, table.span), rows, unmatched };
}

function rowOf(ctx: Context, table: TableModel, row: RowModel, rd: RowDef, common: Pick<GridRow, 'key' | 'label' | 'groups' | 'caption' | 'header'>): GridRow {
  const def = TABLES[table.id];
  const want = colsOf(def, rd);
  const column = (col: number) => (table.id === 't4' ? columnsOf('t4')[col]?.label ?? '' : columnName(def, rd, col));
  const notes = ctx.problems
    .filter((p) => (p.rule === 'missing-cell' || p.rule === 'extra-cell') && p.span.start >= row.span.start && p.span.start <= row.span.end)
    .map((p) => formatMessage(p.message, ctx.locale));
  const read = row.cells.slice(0, want);
  const extra = row.cells.slice(want).map((c) => cellOf(ctx, c, ''));
  let cells: GridCell[];
  let placed = true;
  if (read.length === want) {
    cells = read.map((c, i) => cellOf(ctx, c, column(i)));
  } else {
    const solved = solveMissing(ctx, table, row, want);
    if (solved) {
      cells = [];
      for (let i = 0, j = 0; i < want; i++) {
        if (i === solved.pos) cells.push({ column: column(i), state: 'missing', raw: '', expected: solved.value, notes });
        else cells.push(cellOf(ctx, read[j++], column(i)));
      }
    } else {
      placed = false;
      // All numbers 0: the missing ones are 0 too, wherever they were.
      const zeros = read.every((c) => !c.invalid && c.value === 0);
      cells = read.map((c, i) => cellOf(ctx, c, column(i)));
      for (let i = read.length; i < want; i++) cells.push({ column: column(i), state: 'missing', raw: '', ...(zeros ? { expected: 0 } : {}), notes });
    }
  }
  const written = row.label && row.label !== rd.label ? { written: row.label } : {};
  return { ...common, state: 'present', ...written, span: row.span, lines: linesOf(ctx, row.span), placed, cells, extra, notes };
}

/** The one missing number of a row of table 三 or 四, where the identities determine its column and value. */
function solveMissing(ctx: Context, table: TableModel, row: RowModel, want: number): { pos: number; value: number } | undefined {
  if (table.id === 't2' || row.cells.length !== want - 1 || row.cells.some((c) => c.invalid)) return undefined;
  // An all-zero row fits a 0 in any column: no column is determined.
  if (row.cells.every((c) => c.value === 0)) return undefined;
  const ids = table.id === 't4' ? T4_IDENTITIES : t3Identities(usesOldSingleOther(table));
  const s = ctx.arith.solveMissing(row.key, row.cells.map((c) => c.value), ids);
  return s === 'ambiguous' ? undefined : s;
}

function cellOf(ctx: Context, c: CellModel, column: string): GridCell {
  const where = { span: c.span, lines: linesOf(ctx, c.span) };
  const wrong = ctx.problems.filter((p) => IDENTITY_RULES.has(p.rule) && p.span.start === c.span.start && p.span.end === c.span.end);
  if (wrong.length) {
    const expected = expectedOf(wrong[0]);
    return {
      column,
      state: 'wrong',
      raw: c.raw,
      ...(c.invalid ? {} : { value: c.value }),
      ...where,
      ...(expected === undefined ? {} : { expected }),
      notes: wrong.map((p) => formatMessage(p.message, ctx.locale)),
    };
  }
  if (c.invalid) return { column, state: 'invalid', raw: c.raw, ...where };
  if (c.blank) return { column, state: 'blank', raw: c.raw, value: 0, ...where };
  return { column, state: 'ok', raw: c.raw, value: c.value, ...where };
}

/** The value an identity finding's cell should have: the recomputed sum, or 一 + 二 − （七） for the balance. */
function expectedOf(p: Problem): number | undefined {
  const a = p.message.args ?? {};
  if (p.rule === 'balance') {
    const v = Number(a.new) + Number(a.carried) - Number(a.total);
    return Number.isFinite(v) && v >= 0 ? v : undefined;
  }
  const v = Number(a.expected);
  return Number.isFinite(v) ? v : undefined;
}
