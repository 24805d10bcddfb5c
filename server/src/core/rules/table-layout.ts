import { msg } from '../messages';
import type { LayoutDoubt } from '../tables';
import type { Message } from '../types';
import type { Rule } from './context';

/** Why a table's numbers could not be lined up with its rows, in words. */
export function layoutMessage(id: 't2' | 't3' | 't4', doubt: LayoutDoubt): Message {
  const table = `@table.${id}`;
  if (doubt.kind === 'orphans') return msg('tableLayoutOrphans', { table, count: doubt.count });
  if (doubt.kind === 'widths') return msg('tableLayoutWidths', { table, count: doubt.count });
  if (doubt.kind === 'glued') return msg('tableLayoutGlued', { table, count: doubt.count });
  if (doubt.kind === 'interrupted') return msg('tableLayoutInterrupted', { table });
  if (doubt.kind === 'unread') return msg('tableLayoutUnread', { table });
  if (doubt.kind === 'unanchored') return msg('tableLayoutUnanchored', { table });
  return msg('tableLayoutOrder', { table });
}

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
      ctx.report({ span: { start: line.start, end: line.end }, message: layoutMessage(id, d.doubt) });
    }
  },
};
