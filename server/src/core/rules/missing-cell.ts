import { cellSeparator } from '../fixes';
import { msg } from '../messages';
import type { RowModel, TableModel } from '../model';
import { T4_IDENTITIES, t3Identities, usesOldSingleOther } from '../template';
import type { Fix } from '../types';
import { cellLabel, eachRowWidth, rowName } from './cells';
import type { Rule, RuleContext } from './context';

/**
 * The fix of a row that lacks cells: zeros when all its numbers are 0, else the one missing
 * number where the identities determine it. `ambiguous`: one number is missing from a row of
 * table 三 or 四 and the identities do not tell which one, or what it is.
 */
function missingFix(ctx: RuleContext, table: TableModel, row: RowModel, want: number): { fix?: Fix; ambiguous: boolean } {
  const cells = row.cells;
  if (!cells.length) {
    // A label without numbers: zeros after it are offered, not applied by Fix All (that they are 0 is not known).
    const sep = cellSeparator({ ...row, shape: table.shape }, ctx.parsed.lines);
    const at = row.labelSpan.end;
    return { fix: { title: msg('fixZeros', { row: rowName(row.key) }), preferred: false, edits: [{ start: at, end: at, newText: (sep + '0').repeat(want) }] }, ambiguous: false };
  }
  const missing = want - cells.length;
  const sep = cellSeparator(row, ctx.parsed.lines);
  const last = cells[cells.length - 1];
  if (cells.every((c) => !c.invalid && c.value === 0)) {
    const fix: Fix = {
      title: msg('fixZeros', { row: rowName(row.key) }),
      preferred: true,
      edits: [{ start: last.span.end, end: last.span.end, newText: (sep + '0').repeat(missing) }],
    };
    return { fix, ambiguous: false };
  }
  if (missing !== 1 || table.id === 't2') return { ambiguous: false };
  if (cells.some((c) => c.invalid)) return { ambiguous: true };
  const ids = table.id === 't4' ? T4_IDENTITIES : t3Identities(usesOldSingleOther(table));
  const s = ctx.arith.solveMissing(row.key, cells.map((c) => c.value), ids);
  if (s === 'ambiguous') return { ambiguous: true };
  const value = String(s.value);
  const edit =
    s.pos < cells.length
      ? { start: cells[s.pos].span.start, end: cells[s.pos].span.start, newText: value + sep }
      : { start: last.span.end, end: last.span.end, newText: sep + value };
  return { fix: { title: msg('fixInsertCell', { cell: cellLabel(row.key, s.pos), value }), preferred: true, edits: [edit] }, ambiguous: false };
}

export const rule: Rule = {
  meta: {
    id: 'RPT005',
    alias: 'missing-cell',
    severity: 'error',
    tags: ['table'],
    fixable: true,
    description: { 'zh-CN': '一行的数字少于模板的列数（单元格丢失）', en: 'A row has fewer numbers than the template has columns (a dropped cell)' },
  },
  // A report without dropped cells reads no number.
  run(ctx) {
    eachRowWidth(ctx, (table, row, want) => {
      if (row.cells.length >= want) return;
      const { fix, ambiguous } = missingFix(ctx, table, row, want);
      const args = { row: rowName(row.key), expected: want, actual: row.cells.length };
      ctx.report({
        // Table 四's label is its header, far from the numbers: the problem sits on the numbers.
        span: { start: (row.key === 't4.row' || row.labelSpan.start === row.labelSpan.end) && row.cells.length ? row.cells[0].span.start : row.labelSpan.start, end: row.span.end },
        message: msg(ambiguous ? 'missingCellAmbiguous' : 'missingCell', args),
        fixes: fix ? [fix] : [],
      });
    });
  },
};
