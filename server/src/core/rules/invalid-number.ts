import { msg } from '../messages';
import { TABLES, columnName, rowDef } from '../template';
import type { Rule } from './context';
import { rowName } from './missing-cell';

export const rule: Rule = {
  meta: {
    id: 'RPT007',
    alias: 'invalid-number',
    severity: 'error',
    tags: ['table', 'numbers'],
    fixable: false,
    description: { 'zh-CN': '单元格不是有效的数字（负数、非数字或非整数）', en: 'A cell is not a valid number (negative, non-numeric or not an integer)' },
  },
  run(ctx) {
    for (const table of Object.values(ctx.parsed.model.tables)) {
      if (!table) continue;
      for (const row of table.rows) {
        const def = rowDef(row.key);
        for (const c of row.cells) {
          if (!c.invalid) continue;
          const col = def ? columnName(TABLES[table.id], def, c.col) : TABLES.t4.columns[c.col];
          ctx.report({
            span: c.span,
            message: msg('invalidNumber', { cell: `${rowName(row.key)}·${col ?? ''}`, raw: c.raw, kind: def?.decimal ? '@kindDecimal' : '@kindInteger' }),
          });
        }
      }
    }
  },
};
