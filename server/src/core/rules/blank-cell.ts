import { msg } from '../messages';
import { TABLES, columnName, rowDef } from '../template';
import type { Rule } from './context';
import { rowName } from './missing-cell';

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
    for (const table of Object.values(ctx.parsed.model.tables)) {
      if (!table) continue;
      for (const row of table.rows) {
        const def = rowDef(row.key);
        for (const c of row.cells) {
          if (!c.blank) continue;
          const col = def ? columnName(TABLES[table.id], def, c.col) : TABLES.t4.columns[c.col];
          const cell = `${rowName(row.key)}·${col ?? ''}`;
          ctx.report({
            span: { start: Math.max(0, c.span.start - 1), end: c.span.end + 1 },
            message: msg('blankCell', { cell }),
            fixes: [{ title: msg('fixBlank', { cell }), preferred: true, edits: [{ start: c.span.start, end: c.span.end, newText: '0' }] }],
          });
        }
      }
    }
  },
};
