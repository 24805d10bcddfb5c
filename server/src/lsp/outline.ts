/** Outline and folding from the checker's model: title, sections, tables, rows. */
import { DocumentSymbol, FoldingRange, SymbolKind } from 'vscode-languageserver';
import type { CheckResult, LineIndex, Locale, Span, TableId, TableModel } from '../core/index';
import { spanToRange } from './convert';
import { t } from './strings';

const TABLE_IDS: TableId[] = ['t2', 't3', 't4'];

function symbol(index: LineIndex, name: string, kind: SymbolKind, span: Span, select: Span, detail?: string): DocumentSymbol {
  const range = spanToRange(index, span);
  // The selection must lie inside the range.
  const s = { start: Math.max(select.start, span.start), end: Math.min(select.end, span.end) };
  const selectionRange = spanToRange(index, s.start <= s.end ? s : { start: span.start, end: span.start });
  const sym: DocumentSymbol = { name: name.trim() || '…', kind, range, selectionRange, children: [] };
  if (detail) sym.detail = detail;
  return sym;
}

function tableSymbol(index: LineIndex, table: TableModel, locale: Locale): DocumentSymbol {
  const first = table.rows[0];
  const select = first ? { start: table.span.start, end: Math.min(first.labelSpan.start, table.span.end) } : table.span;
  const sym = symbol(index, t(locale, table.id), SymbolKind.Struct, table.span, select.end > select.start ? select : table.span);
  for (const row of table.rows) {
    const rowSpan = { start: Math.min(row.span.start, row.labelSpan.start), end: Math.max(row.span.end, row.labelSpan.end) };
    const detail = row.cells.map((c) => (c.blank ? '—' : c.raw)).join(' ');
    const child = symbol(index, row.label.replace(/\s+/g, ' ') || row.key, SymbolKind.Field, rowSpan, row.labelSpan, detail);
    // Keep the tree well-formed even if a row strays outside the table's span.
    if (rowSpan.start >= table.span.start && rowSpan.end <= table.span.end) sym.children!.push(child);
  }
  return sym;
}

export function documentSymbols(result: CheckResult, index: LineIndex, locale: Locale): DocumentSymbol[] {
  const model = result.model;
  const top: { start: number; sym: DocumentSymbol }[] = [];
  if (model.title) {
    top.push({
      start: model.title.span.start,
      sym: symbol(index, model.title.text, SymbolKind.File, model.title.span, model.title.span, t(locale, 'title')),
    });
  }
  const sections = model.sections.map((s) => ({
    s,
    span: { start: s.span.start, end: Math.max(s.end, s.span.end) },
    sym: symbol(index, s.text, SymbolKind.Namespace, { start: s.span.start, end: Math.max(s.end, s.span.end) }, s.span),
  }));
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table) continue;
    const sym = tableSymbol(index, table, locale);
    const home = sections.find((x) => x.span.start <= table.span.start && table.span.end <= x.span.end);
    if (home) home.sym.children!.push(sym);
    else top.push({ start: table.span.start, sym });
  }
  for (const x of sections) {
    x.sym.children!.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    top.push({ start: x.span.start, sym: x.sym });
  }
  return top.sort((a, b) => a.start - b.start).map((x) => x.sym);
}

/** Last offset before `end` that is not white space (so a fold does not swallow blank lines). */
function lastInk(text: string, start: number, end: number): number {
  let i = Math.min(end, text.length) - 1;
  while (i > start && /\s/.test(text[i])) i--;
  return i;
}

export function foldingRanges(result: CheckResult, index: LineIndex): FoldingRange[] {
  const text = result.model.text;
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number) => {
    const startLine = index.positionAt(start).line;
    const endLine = index.positionAt(lastInk(text, start, end)).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  for (const s of result.model.sections) add(s.span.start, Math.max(s.end, s.span.end));
  for (const id of TABLE_IDS) {
    const table = result.model.tables[id];
    if (table) add(table.span.start, table.span.end);
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
