import { msg } from '../messages';
import type { Rule } from './context';
import { eachRowWidth, rowName } from './cells';

export const rule: Rule = {
  meta: {
    id: 'RPT006',
    alias: 'extra-cell',
    severity: 'error',
    tags: ['table'],
    fixable: false,
    description: { 'zh-CN': '一行的数字多于模板的列数', en: 'A row has more numbers than the template has columns' },
  },
  run(ctx) {
    eachRowWidth(ctx, (_table, row, want) => {
      if (row.cells.length <= want) return;
      ctx.report({
        span: { start: row.cells[want].span.start, end: row.span.end },
        message: msg('extraCell', { row: rowName(row.key), expected: want, actual: row.cells.length, extra: row.cells.length - want }),
      });
    });
  },
};
