import { cellName, type Arith } from '../arith';
import { msg } from '../messages';
import { bodyKey, sentencesOf } from '../parse';
import { T3 } from '../template';
import { rowName, writtenLike } from './cells';
import type { Rule, RuleContext } from './context';

function sameBody(a?: string, b?: string): boolean {
  if (!a || !b) return true;
  const x = bodyKey(a);
  const y = bodyKey(b);
  return x === y || x.includes(y) || y.includes(x);
}

type Titled = { body?: string; year?: number } | undefined;

/**
 * Why last year's report (by its title) is not the one before `me`: another body, or a year
 * other than the one before. Undefined when it fits or a title does not say.
 */
export function previousMismatch(me: Titled, them: Titled): 'body' | 'year' | undefined {
  if (!sameBody(me?.body, them?.body)) return 'body';
  if (me?.year && them?.year && them.year !== me.year - 1) return 'year';
  return undefined;
}

function repeatedShare(ctx: RuleContext, theirs: Set<string>): number {
  const mine = sentencesOf(ctx.parsed);
  let total = 0;
  let same = 0;
  for (const s of mine) {
    total += s.length;
    if (theirs.has(s)) same += s.length;
  }
  return total >= 200 ? same / total : 0;
}

function carried(ctx: RuleContext, prev: Arith): void {
  for (let c = 0; c < 7; c++) {
    const mine = ctx.arith.cell(['t3.carried', c]);
    const theirs = prev.cell(['t3.next', c]);
    if (!mine || !theirs || mine.value === theirs.value) continue;
    ctx.report({
      span: mine.span,
      message: msg('crossYearCarried', { col: T3.columns[c], value: mine.raw || '0', previous: theirs.value }),
      fixes: [{ title: msg('fixSetCell', { cell: cellName(['t3.carried', c]), value: theirs.value }), preferred: false, edits: [{ start: mine.span.start, end: mine.span.end, newText: writtenLike(mine.raw, theirs.value) }] }],
    });
  }
}

function inForce(ctx: RuleContext, prev: Arith): void {
  for (const key of ['t2.rules', 't2.norms']) {
    const made = ctx.arith.cell([key, 0]);
    const repealed = ctx.arith.cell([key, 1]);
    const now = ctx.arith.cell([key, 2]);
    const before = prev.cell([key, 2]);
    if (!made || !repealed || !now || !before) continue;
    const expected = before.value + made.value - repealed.value;
    if (expected === now.value) continue;
    ctx.report({
      span: now.span,
      message: msg('crossYearInForce', {
        row: rowName(key),
        value: now.value,
        previous: before.value,
        made: made.value,
        repealed: repealed.value,
        expected,
      }),
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'RPT018',
    alias: 'cross-year',
    severity: 'warning',
    tags: ['numbers', 'cross-year'],
    fixable: true,
    description: { 'zh-CN': '与上一年度报告不衔接（结转、现行有效件数、内容雷同）', en: "Does not follow on from last year's report (carried cases, documents in force, repeated text)" },
  },
  // Last year's report comes read (`ctx.lastYear`, from the text in the options).
  run(ctx) {
    const p = ctx.lastYear;
    if (!p) return;
    const me = ctx.parsed.model.title;
    if (previousMismatch(me, p.title)) return;
    carried(ctx, p.arith);
    inForce(ctx, p.arith);
    const share = repeatedShare(ctx, p.sentences);
    if (share > 0.5) {
      const at = me?.span ?? ctx.parsed.headings[0]?.span ?? { start: 0, end: 0 };
      ctx.report({ span: at, message: msg('crossYearRepeated', { percent: Math.round(share * 100) }), severity: 'info' });
    }
  },
};
