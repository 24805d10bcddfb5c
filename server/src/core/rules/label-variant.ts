import { msg } from '../messages';
import type { RowModel } from '../model';
import { lineBelow } from '../parse';
import { T2, T3, T3_GROUPS, templatePositions, type RowDef } from '../template';
import { isRegexSpace, norm, stripMarker, type LineList } from '../text';
import type { Span } from '../types';
import type { Rule } from './context';

/** Each template row's label normalised without its list marker. */
const coresOf = (rows: RowDef[]): string[] => rows.map((def) => stripMarker(norm(def.label)));
const CORES_T2 = coresOf(T2.rows);
const CORES_T3 = coresOf(T3.rows);

/** Per template row, whether a written label reads as it (labels repeat from version to version and report to report). */
const READS_AS = new Map<RowDef, Map<string, boolean>>();
function readsAs(label: string, def: RowDef, core: string): boolean {
  // `norm` keeps or drops each character by itself and leaves `core` as it is: a label that ends
  // with `core` as written reads as the row.
  if (label.endsWith(core)) return true;
  let known = READS_AS.get(def);
  if (!known) READS_AS.set(def, (known = new Map()));
  let same = known.get(label);
  if (same === undefined) {
    if (known.size >= 1000) known.clear();
    known.set(label, (same = norm(label).endsWith(core)));
  }
  return same;
}

/** Table 三's group labels, normalised: their pieces stand in the column left of the rows' labels. */
const GROUP_KEYS = Object.values(T3_GROUPS).map((g) => norm(g));

/** The label without the words before it that are pieces of a group label (PDF text puts the group's column on the row's line). */
function withoutGroupPieces(label: string): string {
  const words = label.trim().split(/\s+/);
  const isPiece = (word: string) => {
    const w = norm(word);
    return w.length > 0 && GROUP_KEYS.some((g) => g.includes(w));
  };
  let k = 0;
  while (k < words.length - 1 && isPiece(words[k])) k++;
  return words.slice(k).join('');
}

/**
 * Text between two offsets as compared with a label: without the cells of `rows` (numbers with
 * their units, marks such as 「无」 in place of one), white space and digits, normalised.
 */
function squeezed(text: string, from: number, to: number, rows: readonly RowModel[]): string {
  let kept = text.slice(from, to);
  for (const r of rows) {
    for (const c of r.cells) {
      if (c.span.start < c.span.end && c.span.start >= from && c.span.end <= to) {
        kept = kept.slice(0, c.span.start - from) + ' '.repeat(c.span.end - c.span.start) + kept.slice(c.span.end - from);
      }
    }
  }
  return norm(kept.replace(/[\s0-9０-９]+/g, ''));
}

/**
 * Whether row `i`'s label is the template's cut by a narrow cell: the label as read (less pieces
 * of a group label before it) is a piece of the template label, under its list marker if it has
 * one, and what it lacks stands next to it in the text, numbers aside: the head between the row
 * before and the label, the tail between the label and the next row (a PDF's text wraps a label in
 * its cell onto the lines below, between and after the row's numbers, or puts its first words
 * above them).
 */
function wrappedInCell(text: string, rows: readonly RowModel[], i: number, def: RowDef, core: string): boolean {
  const row = rows[i];
  const written = norm(withoutGroupPieces(row.label));
  const own = stripMarker(written);
  const at = own ? core.indexOf(own) : -1;
  if (at < 0) return false;
  const mark = written.slice(0, written.length - own.length);
  if (mark && !norm(def.label).startsWith(mark)) return false;
  const head = core.slice(0, at);
  const tail = core.slice(at + own.length);
  // The rows around, in the text's order: the text between them and this one (none before the
  // table's first row or after its last).
  let before = -1;
  let after = -1;
  for (const r of rows) {
    if (r === row) continue;
    if (r.span.end <= row.labelSpan.start && r.span.end > before) before = r.span.end;
    if (r.labelSpan.start >= row.span.end && (after < 0 || r.labelSpan.start < after)) after = r.labelSpan.start;
  }
  const has = (from: number, to: number, part: string) => !part || (from >= 0 && to >= 0 && squeezed(text, from, to, rows).includes(part));
  return has(before, row.labelSpan.start, head) && has(row.labelSpan.end, after, tail);
}

/** Table 三's column labels, normalised → the column. */
const COLUMN_OF = new Map(T3.columns.map((c, i) => [norm(c), i]));
const columnOf = (raw: string): number => COLUMN_OF.get(norm(raw)) ?? -1;

/** What separates the cells of a header line: white space and `|`. */
const isCellBreak = (c: number): boolean => c === 124 || c === 0xff5c || isRegexSpace(c);

/** Whether `text[start, end)` has 。 or ，: a sentence, not a header line. */
function isSentence(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff0c) return true;
  }
  return false;
}

/**
 * The cells of the header lines in `[from, to)` read in order (a sentence, with 。 or ，, breaks
 * the order) that stand between the template labels of the columns on either side of one column
 * and are not that column's label: each with the column it stands for.
 */
function columnVariants(lines: LineList, from: number, to: number): { span: Span; column: number }[] {
  const text = lines.text;
  const found: { span: Span; column: number }[] = [];
  // The two cells before the one read: their columns (-1: none; -2: no cell) and the last one's span.
  let before = -2;
  let last = -2;
  let lastStart = 0;
  let lastEnd = 0;
  for (let n = from; n < to; n++) {
    const start = lines.starts[n];
    const end = lines.endOf(n);
    if (isSentence(text, start, end)) {
      before = last = -2;
      continue;
    }
    for (let i = start; i < end; ) {
      while (i < end && isCellBreak(text.charCodeAt(i))) i++;
      const a = i;
      while (i < end && !isCellBreak(text.charCodeAt(i))) i++;
      if (i === a) continue;
      const column = columnOf(text.slice(a, i));
      if (last === -1 && before >= 0 && column === before + 2) found.push({ span: { start: lastStart, end: lastEnd }, column: before + 1 });
      before = last;
      last = column;
      lastStart = a;
      lastEnd = i;
    }
  }
  return found;
}

export const rule: Rule = {
  meta: {
    id: 'RPT015',
    alias: 'label-variant',
    severity: 'info',
    tags: ['table', 'template'],
    fixable: true,
    description: { 'zh-CN': '行标签或列标题与模板措辞不同', en: 'A row or column label differs from the template wording' },
  },
  run(ctx) {
    const { model, lines } = ctx.parsed;
    for (const [table, defs, cores] of [[model.tables.t2, T2.rows, CORES_T2], [model.tables.t3, T3.rows, CORES_T3]] as const) {
      if (!table) continue;
      const at = templatePositions(table);
      for (let i = 0; i < table.rows.length; i++) {
        const row = table.rows[i];
        const j = at[i];
        if (j < 0 || row.labelSpan.end <= row.labelSpan.start) continue;
        const def = defs[j];
        if (readsAs(row.label, def, cores[j])) continue;
        if (wrappedInCell(model.text, table.rows, i, def, cores[j])) continue;
        const raw = model.text.slice(row.labelSpan.start, row.labelSpan.end);
        const oneLine = !/[\r\n]/.test(raw);
        ctx.report({
          span: row.labelSpan,
          message: msg('labelVariant', { found: row.label, label: def.label }),
          fixes: oneLine
            ? [{ title: msg('fixLabel', { label: def.label }), preferred: true, edits: [{ start: row.labelSpan.start, end: row.labelSpan.end, newText: def.label }] }]
            : [],
        });
      }
    }
    // Column labels of table 三, in its header above its first row, in the table's own region
    // (below the heading before it): a cell between the labels of the columns on either side of
    // one column, read in order, is that column's label however it is worded.
    const t3 = model.tables.t3;
    if (!t3) return;
    const first = ctx.lineOf(t3.span.start);
    const above = ctx.parsed.headings.filter((h) => h.line < first);
    const top = above.length ? lineBelow(lines, above[above.length - 1]) : 0;
    for (const { span, column } of columnVariants(lines, top, first)) {
      const found = model.text.slice(span.start, span.end);
      const good = T3.columns[column];
      ctx.report({
        span,
        message: msg('columnVariant', { found, label: good }),
        fixes: [{ title: msg('fixLabel', { label: good }), preferred: true, edits: [{ start: span.start, end: span.end, newText: good }] }],
      });
    }
  },
};
