import { formatRow, indentOf, zeros } from '../fixes';
import { msg } from '../messages';
import type { TableModel } from '../model';
import { TABLES, colsOf, type RowDef } from '../template';
import type { Rule, RuleContext } from './context';

/** Template rows the table lacks, given which optional rows it uses. */
function missingRows(table: TableModel): RowDef[] {
  const def = TABLES[table.id];
  const present = new Set(table.rows.map((r) => r.key));
  const replaced = new Set(def.rows.filter((r) => r.replaces && present.has(r.key)).flatMap((r) => r.replaces!));
  return def.rows.filter((r) => !r.optional && !replaced.has(r.key) && !present.has(r.key));
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

export const rule: Rule = {
  meta: {
    id: 'RPT008',
    alias: 'missing-row',
    severity: 'error',
    tags: ['table', 'template'],
    fixable: true,
    description: { 'zh-CN': '表格缺少模板中的一行', en: 'A table lacks a template row' },
  },
  numbers: 'none',
  run(ctx) {
    for (const table of Object.values(ctx.parsed.model.tables)) {
      if (!table || table.id === 't4') continue;
      for (const r of missingRows(table)) {
        const edit = insertRow(ctx, table, r);
        const line = ctx.parsed.lines.at(ctx.lineOf(edit ? edit.start : table.span.start))!;
        ctx.report({
          span: { start: line.start, end: line.end },
          message: msg('missingRow', { table: `@table.${table.id}`, row: r.label }),
          fixes: edit ? [{ title: msg('fixInsertRow', { row: r.label }), preferred: true, edits: [edit] }] : [],
        });
      }
    }
  },
};
