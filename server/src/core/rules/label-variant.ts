import { msg } from '../messages';
import { T2, T3, T3_COLUMN_VARIANTS, templatePositions, type RowDef } from '../template';
import { norm, stripMarker } from '../text';
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

/** Each variant of a column label of table 三 with its label (`T3_COLUMN_VARIANTS`), and the column labels. */
const COLUMN_VARIANTS = Object.entries(T3_COLUMN_VARIANTS).flatMap(([label, variants]) => variants.map((v) => [v, label] as const));
const COLUMN_LABELS = T3.columns.map(norm);

/** A line of table 三's header: one of its column labels, and no sentence (no 。 or ，). */
function isHeaderLine(text: string, key: string): boolean {
  return !text.includes('。') && !text.includes('，') && COLUMN_LABELS.some((c) => key.includes(c));
}

/** Whether `word` is in `text[from, to)`. */
function foundIn(text: string, word: string, from: number, to: number): boolean {
  const i = text.indexOf(word, from);
  return i >= 0 && i + word.length <= to;
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
    // Column labels of table 三: the header lines above its first row, in the table's own region
    // (below the heading before it); a header line holds one of the template's column labels (one
    // search tells whether the region holds a variant at all; most reports have none).
    const t3 = model.tables.t3;
    if (!t3) return;
    const first = ctx.lineOf(t3.span.start);
    const above = ctx.parsed.headings.filter((h) => h.line < first);
    const top = above.length ? above[above.length - 1].line + 1 : 0;
    if (!COLUMN_VARIANTS.some(([bad]) => foundIn(model.text, bad, lines.starts[top], lines.starts[first]))) return;
    for (let n = first - 1; n >= top; n--) {
      const l = lines.at(n)!;
      const key = norm(l.text);
      for (const [bad, good] of COLUMN_VARIANTS) {
        const i = l.text.indexOf(bad);
        if (i < 0 || key.includes(good) || !isHeaderLine(l.text, key)) continue;
        const span = { start: l.start + i, end: l.start + i + bad.length };
        ctx.report({
          span,
          message: msg('columnVariant', { found: bad, label: good }),
          fixes: [{ title: msg('fixLabel', { label: good }), preferred: true, edits: [{ start: span.start, end: span.end, newText: good }] }],
        });
      }
    }
  },
};
