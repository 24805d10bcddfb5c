import { msg } from '../messages';
import { eachOddCell } from './cells';
import type { Rule } from './context';

export const rule: Rule = {
  meta: {
    id: 'RPT013',
    alias: 'blank-cell',
    severity: 'warning',
    tags: ['table'],
    fixable: true,
    description: { 'zh-CN': '单元格为空（按 0 计算）', en: 'A cell is blank (counted as 0)' },
  },
  run(ctx) {
    eachOddCell(ctx, ({ cell, name }) => {
      if (!cell.blank) return;
      const line = ctx.parsed.lines.at(ctx.lineOf(cell.span.start))!;
      ctx.report({
        // The blank cell and the separators around it, on its line.
        span: { start: Math.max(line.start, cell.span.start - 1), end: Math.min(line.end, cell.span.end + 1) },
        message: msg('blankCell', { cell: name }),
        fixes: [{ title: msg('fixBlank', { cell: name }), preferred: true, edits: [{ start: cell.span.start, end: cell.span.end, newText: '0' }] }],
      });
    });
  },
};
