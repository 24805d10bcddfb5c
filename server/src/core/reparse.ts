/**
 * Reading again after an edit that only changed the digits of one number in a table (typing a
 * figure): the earlier reading with that cell's number replaced and every offset after it moved,
 * instead of scanning and reading the whole text again. Whatever this cannot vouch for gives
 * undefined, and the text is parsed from scratch. The result equals `parse(text)`; a property
 * test compares the two on random edits of every fixture.
 */
import type { CellModel, ReportModel, RowModel, SectionModel, TableModel, TitleModel } from './model';
import type { Figure } from './narrative';
import { movedOffset, type HeadingFound, type NumberEdit, type Parsed } from './parse';
import { digitsStayOneNumber, LONE_NUMBER_DIGITS, scanLine, type ScannedLine, type Tok } from './scan';
import { allDigits, parseNumber, type LineList } from './text';
import type { CellRef } from './template';
import type { Span } from './types';

/** Longest line taken: shorter than every line length the readers treat differently. */
const MAX_LINE = 200;
/**
 * Characters compared at a time when looking for the edit, largest first: comparing slices runs
 * in native code, so the loop over single characters is left with fewer than the smallest.
 */
const CHUNKS = [4096, 512, 64, 8];

/** The tables, in the order a reading holds them (indexed loops: typing runs this code cold). */
const TABLE_IDS = ['t2', 't3', 't4'] as const;

/** 1 to LONE_NUMBER_DIGITS ASCII digits (a number the scanner reads the same way on any line). */
function plainNumber(s: string): boolean {
  return s.length <= LONE_NUMBER_DIGITS && allDigits(s);
}

/** Length of the common prefix of `a` and `b`; `guess`: a length it likely reaches. */
function commonPrefix(a: string, b: string, guess: number): number {
  const min = Math.min(a.length, b.length);
  let p = guess > 0 && guess <= min && a.slice(0, guess) === b.slice(0, guess) ? guess : 0;
  for (let k = 0; k < CHUNKS.length; k++) {
    const chunk = CHUNKS[k];
    while (p + chunk <= min && a.slice(p, p + chunk) === b.slice(p, p + chunk)) p += chunk;
  }
  while (p < min && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** Length of the common suffix of `a` and `b`, at most `max`; `guess`: a length it likely reaches. */
function commonSuffix(a: string, b: string, max: number, guess: number): number {
  let s = guess > 0 && guess <= max && a.slice(a.length - guess) === b.slice(b.length - guess) ? guess : 0;
  for (let k = 0; k < CHUNKS.length; k++) {
    const chunk = CHUNKS[k];
    while (s + chunk <= max && a.slice(a.length - s - chunk, a.length - s) === b.slice(b.length - s - chunk, b.length - s)) s += chunk;
  }
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

interface Found {
  table: TableModel;
  row: RowModel;
  /** The row's index in its table. */
  r: number;
  cell: CellModel;
  /** The cell's index in its row. */
  c: number;
}

/** The table cell (with its row and table) whose digits span [p, q) of the text lies in. */
function cellAround(model: ReportModel, p: number, q: number): Found | undefined {
  for (let k = 0; k < TABLE_IDS.length; k++) {
    const table = model.tables[TABLE_IDS[k]];
    if (!table || p < table.span.start || q > table.span.end) continue;
    for (let r = 0; r < table.rows.length; r++) {
      const row = table.rows[r];
      if (p < row.span.start || q > row.span.end) continue;
      for (let c = 0; c < row.cells.length; c++) {
        const cell = row.cells[c];
        if (cell.span.start <= p && q <= cell.span.end) return { table, row, r, cell, c };
      }
    }
  }
  return undefined;
}

/** The line's tokens are the same before and after, except the edited number's. */
function sameTokens(before: Tok[], after: Tok[], cellStart: number, cellEnd: number, raw: string, delta: number): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) {
    const a = before[i];
    const b = after[i];
    if (a.kind !== b.kind) return false;
    if (a.start === cellStart) {
      if (a.end !== cellEnd || b.start !== cellStart || b.raw !== raw) return false;
    } else {
      const moved = a.start >= cellEnd ? delta : 0;
      if (b.start !== a.start + moved || b.raw !== a.raw) return false;
    }
  }
  return true;
}

/** Maps the arrays' items; the same array when no item changed. */
function mapSame<T>(items: T[], fn: (x: T) => T): T[] {
  let out: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const y = fn(items[i]);
    if (y !== items[i]) (out ??= items.slice())[i] = y;
  }
  return out ?? items;
}

export function reparse(before: Parsed, text: string): Parsed | undefined {
  const old = before.model.text;
  if (old === text) return before;
  // Typing goes on where it was: the text before and after the line of the last number typed is
  // compared first, in one piece each.
  let head = 0;
  let tail = 0;
  if (before.edit) {
    const line = before.lines.lineOf(before.edit.at);
    head = before.lines.starts[line];
    tail = old.length - before.lines.endOf(line);
  }
  const p = commonPrefix(old, text, head);
  const s = commonSuffix(old, text, Math.min(old.length, text.length) - p, tail);
  const q = old.length - s;
  const delta = text.length - old.length;

  const found = cellAround(before.model, p, q);
  if (!found) return undefined;
  const { cell: target, row: targetRow } = found;
  if (target.blank || target.invalid || !plainNumber(target.raw)) return undefined;
  const cs = target.span.start;
  const ce = target.span.end;
  if (ce - cs !== target.raw.length) return undefined;
  const raw = text.slice(cs, ce + delta);
  if (!plainNumber(raw)) return undefined;

  // The line reads the same way with the new number, and it is not where the title is looked for.
  const lines = before.lines;
  const n = lines.lineOf(cs);
  const first = before.headings[0];
  if (!first || n <= first.line) return undefined;
  const ls = lines.starts[n];
  const le = lines.endOf(n);
  if (le - ls > MAX_LINE || le + delta - ls > MAX_LINE) return undefined;
  const edited = lines.edited(text, n, delta);
  // Digits typed over a number that is a word of its own leave the line's reading as it was (the
  // line is scanned only when that cannot be told so simply, and then before and after). A number
  // of the same length has the same line around it after as before.
  let scanned: ScannedLine | undefined;
  if (!digitsStayOneNumber(old, ls, le, cs, ce, delta === 0) || (delta !== 0 && !digitsStayOneNumber(text, ls, le + delta, cs, ce + delta, false))) {
    const was = before.editedLine?.n === n ? before.editedLine.scanned : scanLine(old, ls, le, n);
    scanned = scanLine(text, ls, le + delta, n);
    if (was.skip || scanned.skip || was.shape !== scanned.shape || !sameTokens(was.toks, scanned.toks, cs, ce, raw, delta)) return undefined;
  }

  const ref: CellRef = [targetRow.key, target.col];
  const value = parseNumber(raw);
  const editedLine = scanned && { n, scanned };
  if (delta === 0) return inPlace(before, text, edited, ref, found, raw, value, editedLine);
  return moved(before, text, edited, { ref, at: ce, delta, cells: undefined }, found, raw, value, editedLine);
}

/** A number of the same length moves nothing: only its row and table are copied, the rest is shared. */
function inPlace(before: Parsed, text: string, lines: LineList, ref: CellRef, found: Found, raw: string, value: number, editedLine: Parsed['editedLine']): Parsed {
  const { table: t, row: r, cell: c } = found;
  const cells = r.cells.slice();
  cells[found.c] = { col: c.col, span: c.span, raw, value, blank: false, invalid: false };
  const rows = t.rows.slice();
  rows[found.r] = { key: r.key, label: r.label, labelSpan: r.labelSpan, cells, span: r.span, shape: r.shape, aligned: r.aligned };
  const edit: NumberEdit = { ref, at: c.span.end, delta: 0, cells: { was: r.cells, now: cells } };
  const m = before.model;
  const tables: ReportModel['tables'] = {};
  for (let k = 0; k < TABLE_IDS.length; k++) {
    const id = TABLE_IDS[k];
    if (m.tables[id]) tables[id] = id === t.id ? { id: t.id, span: t.span, rows, shape: t.shape, inSection: t.inSection } : m.tables[id];
  }
  const parsed: Parsed = {
    model: { text, template: m.template, title: m.title, sections: m.sections, tables },
    lines,
    headings: before.headings,
    orphans: before.orphans,
    oldToken: before.oldToken,
    emptyHeaders: before.emptyHeaders,
    markdown: before.markdown,
    edit,
    editedLine,
  };
  // The narrative is read outside the tables: the same figures and sentences.
  if (before.figures) parsed.figures = before.figures;
  if (before.sentences) parsed.sentences = before.sentences;
  return parsed;
}

/**
 * A number of another length: offsets after it move with it; those before it (its own start
 * included) stay. A row that ends before the number is kept as it is; what holds a moved offset
 * is copied. Copies are object literals, not spreads: spreading is several times slower here,
 * where a 1 MB report moves thousands of objects.
 */
function moved(before: Parsed, text: string, lines: LineList, edit: NumberEdit, found: Found, raw: string, value: number, editedLine: Parsed['editedLine']): Parsed {
  const { cell: target, row: targetRow } = found;
  const ce = target.span.end;
  const at = (x: number): number => movedOffset(x, edit);
  const spans = new Map<Span, Span>();
  const span = (x: Span): Span => {
    const a = at(x.start);
    const b = at(x.end);
    if (a === x.start && b === x.end) return x;
    let y = spans.get(x);
    if (!y) spans.set(x, (y = { start: a, end: b }));
    return y;
  };
  const cell = (c: CellModel): CellModel => {
    const sp = span(c.span);
    if (c === target) return { col: c.col, span: sp, raw, value, blank: false, invalid: false };
    return sp === c.span ? c : { col: c.col, span: sp, raw: c.raw, value: c.value, blank: c.blank, invalid: c.invalid };
  };
  const rows = new Map<RowModel, RowModel>();
  const row = (r: RowModel): RowModel => {
    if (r !== targetRow && r.span.end < ce) return r;
    let y = rows.get(r);
    if (y) return y;
    const cells = mapSame(r.cells, cell);
    const labelSpan = span(r.labelSpan);
    const sp = span(r.span);
    y = cells === r.cells && labelSpan === r.labelSpan && sp === r.span ? r : { key: r.key, label: r.label, labelSpan, cells, span: sp, shape: r.shape, aligned: r.aligned };
    rows.set(r, y);
    return y;
  };
  const table = (t: TableModel | undefined): TableModel | undefined => {
    if (!t || t.span.end < ce) return t;
    const rs = mapSame(t.rows, row);
    const sp = span(t.span);
    return rs === t.rows && sp === t.span ? t : { id: t.id, span: sp, rows: rs, shape: t.shape, inSection: t.inSection };
  };
  const section = (x: SectionModel): SectionModel => {
    const sp = span(x.span);
    const end = at(x.end);
    return sp === x.span && end === x.end ? x : { index: x.index, text: x.text, span: sp, end, canonical: x.canonical };
  };
  const heading = (h: HeadingFound): HeadingFound => {
    const sp = span(h.span);
    const inner = span(h.inner);
    return sp === h.span && inner === h.inner ? h : { index: h.index, line: h.line, span: sp, text: h.text, canonical: h.canonical, inner };
  };
  const title = (t: TitleModel | undefined): TitleModel | undefined => {
    if (!t) return t;
    const sp = span(t.span);
    return sp === t.span ? t : { ...t, span: sp };
  };
  const figure = (f: Figure): Figure => {
    const sp = span(f.span);
    if (sp === f.span) return f;
    return f.scope ? { kind: f.kind, value: f.value, scope: f.scope, span: sp, phrase: f.phrase } : { kind: f.kind, value: f.value, span: sp, phrase: f.phrase };
  };

  const m = before.model;
  const tables: ReportModel['tables'] = {};
  for (const id of TABLE_IDS) if (m.tables[id]) tables[id] = table(m.tables[id]);
  const orphans: Parsed['orphans'] = {};
  for (const id of ['t2', 't3'] as const) {
    const o = before.orphans[id];
    if (o) orphans[id] = mapSame(o, row);
  }
  const emptyHeaders: Parsed['emptyHeaders'] = {};
  for (const id of TABLE_IDS) {
    const e = before.emptyHeaders[id];
    if (e) emptyHeaders[id] = span(e);
  }
  const parsed: Parsed = {
    model: { text, template: m.template, title: title(m.title), sections: mapSame(m.sections, section), tables },
    lines,
    headings: mapSame(before.headings, heading),
    orphans,
    oldToken: before.oldToken && span(before.oldToken),
    emptyHeaders,
    markdown: before.markdown,
    edit,
    editedLine,
  };
  // The narrative is read outside the tables: the same figures, moved, and the same sentences.
  if (before.figures) parsed.figures = mapSame(before.figures, figure);
  if (before.sentences) parsed.sentences = before.sentences;
  return parsed;
}
