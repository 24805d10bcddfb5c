/** Fixes as data: applying edits, writing rows and tables in a table's own shape, keeping a table's syntax (HTML tags, a grid's widths). */
import type { RowModel, TableShape } from './model';
import { SECTIONS, T2, T3, T3_CORNER, T3_GROUPS, T4, T4_GROUP_COLUMNS, colsOf, sectionHeading, type TableDef } from './template';
import { isGridRule } from './scan';
import { cellSlot, markupTags, type Line, type LineList } from './text';
import type { Problem, TextEdit } from './types';

/**
 * Apply edits; an edit overlapping an earlier-sorted one is skipped, an edit identical to the one
 * sorted just before it is applied once, and several insertions at one offset go in in the order
 * given (sorting is stable).
 */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  let last: TextEdit | undefined;
  for (const e of sorted) {
    if (e.start < 0 || e.end > text.length || e.end < e.start) continue;
    if (last && e.start === last.start && e.end === last.end && e.newText === last.newText) continue;
    const insertionAtPos = e.start === e.end && e.start === pos;
    if (e.start < pos && !insertionAtPos) continue;
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
    last = e;
  }
  return out + text.slice(pos);
}

/** A text's line break: the kind its first line ends with (`\n` when it has one line). */
export function lineBreakOf(text: string): string {
  const cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  const lf = text.lastIndexOf('\n', cr);
  if (lf >= 0) return '\n';
  return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
}

/** `s` (a fix's text, lines broken by `\n`) with line break `eol`. */
export function inLineBreak(s: string, eol: string): string {
  return eol === '\n' ? s : s.replace(/\r?\n/g, eol);
}

/** Indentation (leading tabs/spaces) of a line. */
export function indentOf(line: Line): string {
  return /^[\t ]*/.exec(line.text)![0];
}

export function formatRow(label: string, values: string[], shape: TableShape, indent = ''): string {
  switch (shape) {
    case 'tabs':
      return `${indent}${label}\t${values.join('\t')}`;
    case 'pipes':
      return `| ${label} | ${values.join(' | ')} |`;
    case 'cell-per-line':
      return [indent + label, ...values.map((v) => indent + v)].join('\n');
    default:
      return `${indent}${label} ${values.join(' ')}`;
  }
}

/** Separator placed before a new value appended after the last cell of a row. */
export function cellSeparator(row: RowModel, lines: LineList): string {
  switch (row.shape) {
    case 'tabs':
      return '\t';
    case 'pipes':
      return ' | ';
    case 'cell-per-line': {
      const last = row.cells[row.cells.length - 1];
      const l = lines.at(lines.lineOf(last ? last.span.start : row.labelSpan.start))!;
      return '\n' + indentOf(l);
    }
    default:
      return ' ';
  }
}

/** `n` cells of 0. */
export function zeros(n: number): string[] {
  return new Array<string>(n).fill('0');
}

function pipeHeader(cols: string[]): string {
  return `| ${cols.join(' | ')} |\n|${cols.map(() => ' --- |').join('')}`;
}

/** The whole template table filled with zeros, in the given shape (one cell per line is written as tabs). */
export function templateTable(table: TableDef, given: TableShape): string {
  const shape: TableShape = given === 'cell-per-line' ? 'tabs' : given;
  const sep = shape === 'tabs' ? '\t' : ' ';
  const out: string[] = [];
  const headerLine = (cells: string[]) => (shape === 'pipes' ? pipeHeader(cells) : cells.join(sep));
  const labelOnly = (label: string, width: number) => (shape === 'pipes' ? `| ${label} |${' |'.repeat(width)}` : label);
  if (table.id === 't2') {
    for (const r of T2.rows) {
      if (r.caption) {
        if (shape === 'pipes' && out.length) out.push('');
        out.push(r.caption);
        if (shape === 'pipes') out.push('');
        out.push(headerLine(r.header!));
      }
      out.push(formatRow(r.label, zeros(colsOf(T2, r)), shape));
    }
    return out.join('\n');
  }
  if (table.id === 't3') {
    out.push(T3_CORNER);
    out.push(headerLine(['申请人情况', ...T3.columns]));
    for (const r of T3.rows) {
      if (r.optional) continue;
      const group = T3_GROUPS[r.key];
      if (group) out.push(labelOnly(group, 7));
      out.push(formatRow(r.label, zeros(7), shape));
    }
    return out.join('\n');
  }
  const words = T4_GROUP_COLUMNS;
  if (shape === 'pipes') {
    out.push('行政复议 · 行政诉讼（未经复议直接起诉 · 复议后起诉）');
    out.push(pipeHeader([...words, ...words, ...words]));
    out.push(`| ${zeros(15).join(' | ')} |`);
  } else {
    out.push(['行政复议', '行政诉讼'].join(sep));
    out.push(['未经复议直接起诉', '复议后起诉'].join(sep));
    out.push([...words, ...words, ...words].join(sep));
    out.push(zeros(15).join(sep));
  }
  return out.join('\n');
}

/** A whole report skeleton: title, six sections, three zero tables. */
export function newReport(body: string, year: number): string {
  const parts: string[] = [`${body}${year}年政府信息公开工作年度报告`, ''];
  const lead: Record<number, string> = {
    1: '（一）主动公开\n\n（二）依申请公开\n\n（三）政府信息管理\n\n（四）政府信息公开平台建设\n\n（五）监督保障',
    2: templateTable(T2, 'tabs'),
    3: templateTable(T3, 'tabs'),
    4: templateTable(T4, 'tabs'),
    5: '',
    6: `本机关${year}年度未收取政府信息公开信息处理费。`,
  };
  for (const s of SECTIONS) {
    parts.push(sectionHeading(s.index), '');
    if (lead[s.index]) parts.push(lead[s.index], '');
  }
  parts.push(body, `${year + 1}年1月  日`, '');
  return parts.join('\n');
}

/** Each edit of each fix through `edit`; a fix with an edit `edit` leaves out (undefined) is left out. */
function editFixes(problems: Problem[], edit: (e: TextEdit) => TextEdit | undefined): void {
  for (const p of problems) {
    p.fixes = p.fixes.flatMap((f) => {
      const edits = f.edits.map(edit);
      return edits.every((e) => e) ? [{ ...f, edits: edits as TextEdit[] }] : [];
    });
  }
}

/**
 * Fixes in a text with HTML's tags (a Markdown file with a table as HTML): a fix never changes a
 * tag. A value written into a blank cell goes into the empty cell its tags leave there
 * (`cellSlot`); a fix that would change a tag, or insert a line among them, or find no one empty
 * cell to write into, is left out (its finding stays).
 */
export function keepOffMarkup(text: string, problems: Problem[]): void {
  const tags = markupTags(text);
  if (!tags.length) return;
  const moved = (e: TextEdit): TextEdit | undefined => {
    if (e.start < e.end) return tags.some((t) => t.start < e.end && t.end > e.start) ? undefined : e;
    if (!tags.some((t) => t.start <= e.start && e.start <= t.end)) return e;
    if (/[\r\n]/.test(e.newText)) return undefined;
    const at = cellSlot(text, tags, e.start);
    if (at < 0) return undefined;
    return at === e.start ? e : { ...e, start: at, end: at };
  };
  editFixes(problems, moved);
}

/** Columns a text takes in a grid table: two for CJK and other wide characters. */
function columns(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.codePointAt(0)! >= 0x1100 ? 2 : 1;
  return n;
}

/**
 * Fixes in the rows of a grid table (pandoc's `+----+` tables, whose lines must keep their width
 * to stay a table): an edit that makes a cell's text wider takes as many of the spaces after it,
 * one that makes it narrower gives them back; a fix that cannot keep its row's width (no spaces
 * to take, an edit over lines) is left out (its finding stays).
 */
export function keepGridAligned(lines: LineList, problems: Problem[]): void {
  const text = lines.text;
  // No rule of a grid (+-, +=): no grid.
  if (!text.includes('+-') && !text.includes('+=')) return;
  /** Whether line `n` is a row's line in a grid table: `|` lines up to a rule above it. */
  const inGrid = (n: number): boolean => {
    for (let k = n; k >= 0; k--) {
      const start = lines.starts[k];
      const end = lines.endOf(k);
      if (isGridRule(text, start, end)) return k < n;
      if (!text.slice(start, end).trimStart().startsWith('|')) return false;
    }
    return false;
  };
  const aligned = (e: TextEdit): TextEdit | undefined => {
    const n = lines.lineOf(e.start);
    if (!inGrid(n)) return e;
    if (e.end > lines.endOf(n) || /[\r\n]/.test(e.newText)) return undefined;
    const delta = columns(e.newText) - columns(text.slice(e.start, e.end));
    if (delta === 0) return e;
    if (delta < 0) return { ...e, newText: e.newText + ' '.repeat(-delta) };
    // Spaces after the edit, one of them kept before the next `|`.
    let spaces = 0;
    while (text.charCodeAt(e.end + spaces) === 32) spaces++;
    return spaces > delta && text[e.end + spaces] === '|' ? { ...e, end: e.end + delta } : undefined;
  };
  editFixes(problems, aligned);
}
