import { msg } from '../messages';
import type { Figure, FigureKind } from '../narrative';
import { figuresOf } from '../parse';
import { T3_LEAVES, type CellRef } from '../template';
import type { Related } from '../types';
import type { Rule, RuleContext } from './context';

const T = 6;
const sumOf = (prefix: string): CellRef[] => T3_LEAVES.filter((k) => k.startsWith(prefix)).map((k) => [k, T] as CellRef);

/** Which table cells a stated figure is about (their sum), and what the message calls them. */
const TARGETS: Record<Exclude<FigureKind, 'allConcluded' | 'allUpheld'>, { cells: CellRef[]; where: string }> = {
  received: { cells: [['t3.new', T]], where: '@where.received' },
  receivedWithCarried: { cells: [['t3.new', T], ['t3.carried', T]], where: '@where.receivedWithCarried' },
  handled: { cells: [['t3.total', T]], where: '@where.handled' },
  carriedForward: { cells: [['t3.next', T]], where: '@where.carriedForward' },
  granted: { cells: [['t3.r1', T]], where: '@where.granted' },
  partial: { cells: [['t3.r2', T]], where: '@where.partial' },
  refused: { cells: sumOf('t3.r3.'), where: '@where.refused' },
  unavailable: { cells: sumOf('t3.r4.'), where: '@where.unavailable' },
  notProcessed: { cells: sumOf('t3.r5.'), where: '@where.notProcessed' },
  otherHandling: { cells: sumOf('t3.r6.'), where: '@where.otherHandling' },
  review: { cells: [['t4.row', 4]], where: '@where.review' },
  litigation: { cells: [['t4.row', 9], ['t4.row', 14]], where: '@where.litigation' },
  noRequests: { cells: [['t3.new', T]], where: '@where.received' },
};

function statementCells(f: Figure): { cells: CellRef[]; where: string } {
  const review = f.scope !== 'litigation';
  const lit = f.scope !== 'review';
  if (f.kind === 'allConcluded') {
    const cells: CellRef[] = [...(review ? [['t4.row', 3] as CellRef] : []), ...(lit ? [['t4.row', 8], ['t4.row', 13]] as CellRef[] : [])];
    return { cells, where: '@where.pending' };
  }
  const cells: CellRef[] = [
    ...(review ? ([['t4.row', 1], ['t4.row', 2]] as CellRef[]) : []),
    ...(lit ? ([['t4.row', 6], ['t4.row', 7], ['t4.row', 11], ['t4.row', 12]] as CellRef[]) : []),
  ];
  return { cells, where: '@where.notUpheld' };
}

function tableValue(ctx: RuleContext, cells: CellRef[]): { value: number; related: Related[] } | undefined {
  let value = 0;
  const related: Related[] = [];
  for (const r of cells) {
    const c = ctx.arith.cell(r);
    if (!c) return undefined;
    value += c.value;
    related.push({ span: c.span, message: msg('narrativeCell', { value: c.raw || '0' }) });
  }
  return { value, related };
}

export const rule: Rule = {
  meta: {
    id: 'RPT017',
    alias: 'narrative-mismatch',
    severity: 'warning',
    tags: ['narrative', 'numbers'],
    fixable: true,
    description: { 'zh-CN': '正文中的数字与统计表不一致', en: 'A figure in the narrative contradicts the tables' },
  },
  run(ctx) {
    for (const f of figuresOf(ctx.parsed)) {
      const isStatement = f.kind === 'allConcluded' || f.kind === 'allUpheld';
      const target = isStatement ? statementCells(f) : TARGETS[f.kind as keyof typeof TARGETS];
      const cells = target.cells;
      const tv = tableValue(ctx, cells);
      if (!tv) continue;
      const stated = ctx.parsed.model.text.slice(f.span.start, f.span.end);
      if (isStatement || f.kind === 'noRequests') {
        if (tv.value === 0) continue;
        ctx.report({
          span: f.span,
          message: msg('narrativeStatement', { stated, where: target.where, table: tv.value }),
          related: tv.related,
        });
        continue;
      }
      if (tv.value === f.value) continue;
      ctx.report({
        span: f.span,
        message: msg('narrativeMismatch', { stated: f.value, where: target.where, table: tv.value }),
        related: tv.related,
        fixes: [
          {
            title: msg('fixNarrative', { value: tv.value }),
            preferred: false,
            edits: [{ start: f.span.start, end: f.span.end, newText: String(tv.value) }],
          },
        ],
      });
    }
  },
};
