import { msg } from '../messages';
import type { Figure, FigureKind } from '../narrative';
import { figuresOf } from '../parse';
import { T3_GROUPS, T3_LEAVES, type CellRef } from '../template';
import type { Related } from '../types';
import type { Rule, RuleContext } from './context';

const T = 6;
const sumOf = (prefix: string): CellRef[] => T3_LEAVES.filter((k) => k.startsWith(prefix)).map((k) => [k, T] as CellRef);

type Counted = Exclude<FigureKind, 'allConcluded' | 'allUpheld' | 'noCases'>;

/**
 * Which table cells a stated figure is about (their sum), and what the message calls them. A
 * received count may be read two ways (the text often counts last year's requests with the
 * new ones without saying so): it agrees when it equals either.
 */
const TARGETS: Record<Counted, { readings: CellRef[][]; where: string }> = {
  received: { readings: [[['t3.new', T]], [['t3.new', T], ['t3.carried', T]]], where: '@where.received' },
  receivedWithCarried: { readings: [[['t3.new', T], ['t3.carried', T]]], where: '@where.receivedWithCarried' },
  carriedIn: { readings: [[['t3.carried', T]]], where: '@where.carriedIn' },
  handled: { readings: [[['t3.total', T]]], where: '@where.handled' },
  carriedForward: { readings: [[['t3.next', T]]], where: '@where.carriedForward' },
  granted: { readings: [[['t3.r1', T]]], where: '@where.granted' },
  partial: { readings: [[['t3.r2', T]]], where: '@where.partial' },
  refused: { readings: [sumOf('t3.r3.')], where: '@where.refused' },
  unavailable: { readings: [sumOf('t3.r4.')], where: '@where.unavailable' },
  notProcessed: { readings: [sumOf('t3.r5.')], where: '@where.notProcessed' },
  otherHandling: { readings: [sumOf('t3.r6.')], where: '@where.otherHandling' },
  review: { readings: [[['t4.row', 4]]], where: '@where.review' },
  litigation: { readings: [[['t4.row', 9], ['t4.row', 14]]], where: '@where.litigation' },
  noRequests: { readings: [[['t3.new', T]]], where: '@where.received' },
  normsMade: { readings: [[['t2.norms', 0]]], where: '@where.normsMade' },
  normsRepealed: { readings: [[['t2.norms', 1]]], where: '@where.normsRepealed' },
  normsInForce: { readings: [[['t2.norms', 2]]], where: '@where.normsInForce' },
};

/** Table 三's result rows (or groups) as printed, for a figure that is the sum of several. */
const RESULT_ROWS: Partial<Record<FigureKind, string>> = {
  granted: '（一）予以公开',
  partial: '（二）部分公开',
  refused: T3_GROUPS['t3.r3.1'],
  unavailable: T3_GROUPS['t3.r4.1'],
  notProcessed: T3_GROUPS['t3.r5.1'],
  otherHandling: T3_GROUPS['t3.r6.1'],
};

/** The cells of a counted figure, each reading it may have, and how its message names them. */
function countedCells(f: Figure): { readings: CellRef[][]; where: string; rows?: string } {
  const t = TARGETS[f.kind as Counted];
  if (!f.also) return t;
  const kinds = [f.kind, ...f.also];
  return {
    readings: [kinds.flatMap((k) => TARGETS[k as Counted].readings[0])],
    where: t.where,
    rows: kinds.map((k) => `“${RESULT_ROWS[k]}”`).join('、'),
  };
}

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

/** The cells a statement without a number speaks of: one set, or for 未发生 行政复议、行政诉讼 one set of each. */
function statementTargets(f: Figure): { cells: CellRef[]; where: string }[] {
  if (f.kind === 'noRequests') return [{ cells: TARGETS.noRequests.readings[0], where: TARGETS.noRequests.where }];
  if (f.kind !== 'noCases') return [statementCells(f)];
  return [
    ...(f.scope !== 'litigation' ? [{ cells: TARGETS.review.readings[0], where: TARGETS.review.where }] : []),
    ...(f.scope !== 'review' ? [{ cells: TARGETS.litigation.readings[0], where: TARGETS.litigation.where }] : []),
  ];
}

/** The sum of the table's cells, or undefined when one of them is not read. */
function tableValue(ctx: RuleContext, cells: CellRef[]): number | undefined {
  let value = 0;
  for (const r of cells) {
    const c = ctx.arith.cell(r);
    if (!c) return undefined;
    value += c.value;
  }
  return value;
}

/** The cells a figure is compared with, for a finding (only built for one). */
function relatedOf(ctx: RuleContext, cells: CellRef[]): Related[] {
  return cells.map((r) => {
    const c = ctx.arith.cell(r)!;
    return { span: c.span, message: msg('narrativeCell', { value: c.raw || '0' }) };
  });
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
      if (f.kind === 'allConcluded' || f.kind === 'allUpheld' || f.kind === 'noRequests' || f.kind === 'noCases') {
        for (const target of statementTargets(f)) {
          const table = tableValue(ctx, target.cells);
          // Unreadable cells, or none pending / not upheld / received / brought: the statement stands.
          if (table === undefined || table === 0) continue;
          const stated = ctx.parsed.model.text.slice(f.span.start, f.span.end);
          ctx.report({ span: f.span, message: msg('narrativeStatement', { stated, where: target.where, table }), related: relatedOf(ctx, target.cells) });
        }
        continue;
      }
      const target = countedCells(f);
      const values = target.readings.map((cells) => tableValue(ctx, cells));
      // Unreadable cells: nothing to compare; a reading the figure equals: no contradiction.
      const table = values[0];
      if (table === undefined || values.includes(f.value)) continue;
      ctx.report({
        span: f.span,
        message: target.rows
          ? msg('narrativeMismatchRows', { stated: f.value, rows: target.rows, table })
          : msg('narrativeMismatch', { stated: f.value, where: target.where, table }),
        related: relatedOf(ctx, target.readings[0]),
        fixes: [
          {
            title: msg('fixNarrative', { value: table }),
            preferred: false,
            edits: [{ start: f.span.start, end: f.span.end, newText: String(table) }],
          },
        ],
      });
    }
  },
};
