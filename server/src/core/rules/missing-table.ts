import { templateTable } from '../fixes';
import { msg } from '../messages';
import type { TableShape } from '../model';
import { TABLES } from '../template';
import type { Rule } from './context';

export const rule: Rule = {
  meta: {
    id: 'RPT009',
    alias: 'missing-table',
    severity: 'error',
    tags: ['table', 'template'],
    fixable: true,
    description: { 'zh-CN': '缺少模板规定的统计表（或表格没有数据）', en: 'A template table is missing (or has no data)' },
  },
  run(ctx) {
    const p = ctx.parsed;
    const tables = p.model.tables;
    const shapes = Object.values(tables).map((t) => t!.shape);
    const shape: TableShape = shapes[0] ?? (p.markdown ? 'pipes' : 'tabs');
    for (const id of ['t2', 't3', 't4'] as const) {
      if (tables[id] || p.doubts[id]) continue;
      const def = TABLES[id];
      const header = p.emptyHeaders[id];
      const heading = p.headings.find((h) => h.index === def.section);
      if (!header && !heading) continue;
      const at = header ?? heading!.span;
      const text = templateTable(def, shape);
      ctx.report({
        span: at,
        message: msg(header ? 'emptyTable' : 'missingTable', { table: `@table.${id}` }),
        fixes: [{ title: msg('fixInsertTable', { table: `@table.${id}` }), preferred: false, edits: [{ start: at.end, end: at.end, newText: '\n' + text }] }],
      });
    }
  },
};
