import { msg } from '../messages';
import type { Rule } from './context';

export const rule: Rule = {
  meta: {
    id: 'RPT020',
    alias: 'table-layout',
    severity: 'warning',
    tags: ['table'],
    fixable: false,
    description: { 'zh-CN': '表格的版式无法可靠读取，未核对其中的数字', en: 'A table’s layout cannot be read reliably; its numbers are not checked' },
  },
  run(ctx) {
    const { doubts, lines } = ctx.parsed;
    for (const id of ['t2', 't3', 't4'] as const) {
      const d = doubts[id];
      if (!d) continue;
      const line = lines.at(ctx.lineOf(d.span.start))!;
      const table = `@table.${id}`;
      const doubt = d.doubt;
      const message =
        doubt.kind === 'orphans'
          ? msg('tableLayoutOrphans', { table, count: doubt.count })
          : doubt.kind === 'widths'
            ? msg('tableLayoutWidths', { table, count: doubt.count })
            : msg('tableLayoutOrder', { table });
      ctx.report({ span: { start: line.start, end: line.end }, message });
    }
  },
};
