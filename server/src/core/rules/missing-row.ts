import { applyEdits, formatRow, indentOf, inLineBreak, lineBreakOf, zeros } from '../fixes';
import { msg } from '../messages';
import type { TableModel } from '../model';
import { REPLACED_AT, TABLES, colsOf, templatePositions, type RowDef } from '../template';
import { parse } from '../parse';
import type { TextEdit } from '../types';
import type { Rule, RuleContext } from './context';

/** Template rows the table lacks, given which optional rows it uses. */
function missingRows(table: TableModel): RowDef[] {
  const rows = TABLES[table.id].rows;
  // 1: the table has the row; 2: it has a row that stands in for it.
  const seen = new Uint8Array(rows.length);
  for (const j of templatePositions(table)) if (j >= 0) seen[j] = 1;
  const replaces = REPLACED_AT[table.id];
  for (let i = 0; i < rows.length; i++) if (seen[i] === 1) for (const k of replaces[i]) seen[k] ||= 2;
  const out: RowDef[] = [];
  for (let i = 0; i < rows.length; i++) if (!seen[i] && !rows[i].optional) out.push(rows[i]);
  return out;
}

function insertRow(ctx: RuleContext, table: TableModel, missing: RowDef) {
  const def = TABLES[table.id];
  const order = def.rows.map((r) => r.key);
  const idx = order.indexOf(missing.key);
  const before = [...table.rows].filter((r) => order.indexOf(r.key) < idx).sort((a, b) => order.indexOf(b.key) - order.indexOf(a.key))[0];
  const after = [...table.rows].filter((r) => order.indexOf(r.key) > idx).sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))[0];
  const lines = ctx.parsed.lines;
  const cells = zeros(colsOf(def, missing));
  if (before) {
    const lastLine = lines.at(ctx.lineOf(before.span.end))!;
    const labelLine = lines.at(ctx.lineOf(before.labelSpan.start))!;
    const row = formatRow(missing.label, cells, before.shape, indentOf(labelLine));
    const spaced = before.shape === 'cell-per-line' && lines.at(lastLine.n + 1)?.text.trim() === '';
    return { start: lastLine.end, end: lastLine.end, newText: (spaced ? '\n\n' : '\n') + row };
  }
  if (after) {
    const labelLine = lines.at(ctx.lineOf(after.labelSpan.start))!;
    const row = formatRow(missing.label, cells, after.shape, indentOf(labelLine));
    return { start: labelLine.start, end: labelLine.start, newText: row + '\n' };
  }
  return undefined;
}

/**
 * Which of the insertions `edits` (one per missing row, undefined for none) the reading finds
 * again: a row inserted where the table reader would not read it (past what ends the table) would
 * be inserted again by every fix run. The insertions are tried together; those whose rows are not
 * read are dropped and the rest tried again (a few rounds). None counts when an insertion makes
 * a row read before unread.
 */
function readBack(ctx: RuleContext, table: TableModel, missing: RowDef[], edits: (TextEdit | undefined)[]): boolean[] {
  const text = ctx.parsed.model.text;
  const eol = lineBreakOf(text);
  const had = table.rows.map((r) => r.key);
  let keep = edits.map((e) => !!e);
  for (let round = 0; round < 3; round++) {
    const tried = edits.filter((e, i): e is TextEdit => !!e && keep[i]).map((e) => ({ ...e, newText: inLineBreak(e.newText, eol) }));
    if (!tried.length) return keep;
    const now = new Set(parse(applyEdits(text, tried)).model.tables[table.id]?.rows.map((r) => r.key));
    if (!had.every((k) => now.has(k))) break;
    const next = keep.map((k, i) => k && now.has(missing[i].key));
    if (next.every((k, i) => k === keep[i])) return keep;
    keep = next;
  }
  return edits.map(() => false);
}

export const rule: Rule = {
  meta: {
    id: 'RPT008',
    alias: 'missing-row',
    severity: 'error',
    tags: ['table', 'template'],
    fixable: true,
    description: { 'zh-CN': '表格缺少模板中的一行', en: 'A table lacks a template row' },
  },
  run(ctx) {
    for (const table of Object.values(ctx.parsed.model.tables)) {
      if (!table || table.id === 't4') continue;
      const missing = missingRows(table);
      const edits = missing.map((r) => insertRow(ctx, table, r));
      const read = missing.length ? readBack(ctx, table, missing, edits) : [];
      missing.forEach((r, i) => {
        const edit = edits[i];
        const line = ctx.parsed.lines.at(ctx.lineOf(edit ? edit.start : table.span.start))!;
        ctx.report({
          span: { start: line.start, end: line.end },
          message: msg('missingRow', { table: `@table.${table.id}`, row: r.label }),
          fixes: edit && read[i] ? [{ title: msg('fixInsertRow', { row: r.label }), preferred: true, edits: [edit] }] : [],
        });
      });
    }
  },
};
