import { msg } from '../messages';
import type { CellModel } from '../model';
import { cellLabel } from './cells';
import type { Rule, RuleContext } from './context';

/** The span of a blank cell's finding: the cell and the separators around it, on its line. */
function around(ctx: RuleContext, cell: CellModel) {
  const line = ctx.parsed.lines.at(ctx.lineOf(cell.span.start))!;
  return { start: Math.max(line.start, cell.span.start - 1), end: Math.min(line.end, cell.span.end + 1) };
}

export const rule: Rule = {
  meta: {
    id: 'RPT013',
    alias: 'blank-cell',
    severity: 'warning',
    tags: ['table'],
    fixable: true,
    description: { 'zh-CN': '单元格为空或只有「—」之类的符号（按 0 计算）', en: 'A cell is blank or holds only a mark such as “—” (counted as 0)' },
  },
  run(ctx) {
    const { t2, t3, t4 } = ctx.parsed.model.tables;
    for (const table of [t2, t3, t4]) {
      if (!table) continue;
      let cells = 0;
      const blanks: { cell: CellModel; row: string }[] = [];
      for (const row of table.rows) {
        cells += row.cells.length;
        for (const cell of row.cells) if (cell.blank) blanks.push({ cell, row: row.key });
      }
      // Most of a table blank: blank is how it writes 0, said once for the table. A few blank
      // cells may each be a number lost in copying: each is said.
      if (blanks.length > 1 && blanks.length * 2 > cells) {
        const args = { table: `@table.${table.id}`, count: blanks.length };
        // A table that writes its zeros as 「—」 (or 「/」, 「无」) is said so, with the first of them.
        const placeholder = blanks.find(({ cell }) => cell.raw !== '')?.cell.raw;
        ctx.report({
          span: around(ctx, blanks[0].cell),
          message: placeholder === undefined ? msg('blankCells', args) : msg('placeholderCells', { ...args, raw: placeholder }),
          fixes: [{ title: msg('fixBlanks', args), preferred: true, edits: blanks.map(({ cell }) => ({ start: cell.span.start, end: cell.span.end, newText: '0' })) }],
        });
        continue;
      }
      for (const { cell, row } of blanks) {
        const name = cellLabel(row, cell.col);
        ctx.report({
          span: around(ctx, cell),
          message: cell.raw === '' ? msg('blankCell', { cell: name }) : msg('placeholderCell', { cell: name, raw: cell.raw }),
          fixes: [{ title: msg('fixBlank', { cell: name }), preferred: true, edits: [{ start: cell.span.start, end: cell.span.end, newText: '0' }] }],
        });
      }
    }
  },
};
