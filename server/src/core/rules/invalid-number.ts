import { msg } from '../messages';
import { beyondExact } from '../text';
import { eachOddCell } from './cells';
import type { Rule } from './context';

export const rule: Rule = {
  meta: {
    id: 'RPT007',
    alias: 'invalid-number',
    severity: 'error',
    tags: ['table', 'numbers'],
    fixable: false,
    description: { 'zh-CN': '单元格不是有效的数字（负数、非整数、带单位或过大）', en: 'A cell is not a valid number (negative, not an integer, with a unit, or too large)' },
  },
  run(ctx) {
    eachOddCell(ctx, ({ cell, name, decimal }) => {
      if (!cell.invalid) return;
      const message = beyondExact(cell.raw)
        ? msg('numberBeyondExact', { cell: name, raw: cell.raw })
        : msg('invalidNumber', { cell: name, raw: cell.raw, kind: decimal ? '@kindDecimal' : '@kindInteger' });
      ctx.report({ span: cell.span, message });
    });
  },
};
