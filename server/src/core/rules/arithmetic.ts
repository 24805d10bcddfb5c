/** Shared by the four arithmetic rules: a violated identity → a finding with numbers, related cells and fixes. */
import { cellName, type Evaluated } from '../arith';
import { msg } from '../messages';
import { T3, T4_GROUPS, type CellRef } from '../template';
import type { Fix, Related } from '../types';
import { rowName, writtenLike } from './cells';
import type { Finding, Rule, RuleContext } from './context';

function partsText(values: number[]): string {
  const nz = values.filter((v) => v !== 0);
  return nz.length > 1 ? `（${nz.join('+')}）` : '';
}

function identityFinding(ctx: RuleContext, e: Evaluated): Finding {
  const a = ctx.arith;
  const { id } = e;
  // The problem sits on the total (on 结转下年 for the balance). The identity's cells in other rows
  // are related: those of the total's own row are beside it, and the message gives their values.
  const reportedOn = id.kind === 'balance' ? id.rhs[1] : id.lhs[0];
  const related: Related[] = [];
  const relate = (r: CellRef) => {
    if (r[0] === reportedOn[0]) return;
    const c = a.cell(r)!;
    related.push({ span: c.span, message: msg('relatedPart', { cell: cellName(r), value: c.raw || '0' }) });
  };
  for (const r of [...id.lhs, ...id.rhs]) relate(r);
  // Only a value held exactly is written (never in exponent form).
  const fixes: Fix[] =
    a.fixesFor(e).filter((f) => Number.isSafeInteger(f.value)).map((f) => {
      const c = a.cell(f.ref)!;
      const value = writtenLike(c.raw, f.value);
      const title =
        id.kind === 'balance'
          ? msg('fixBalance', { col: T3.columns[id.col ?? 0], value })
          : msg(f.recompute ? 'fixRecompute' : 'fixSetCell', { cell: cellName(f.ref), value });
      return { title, preferred: f.preferred, edits: [{ start: c.span.start, end: c.span.end, newText: value }] };
    });
  if (id.kind === 'balance') {
    const [n, c] = id.lhs.map((r) => a.value(r));
    const [t, x] = id.rhs.map((r) => a.value(r));
    const at = a.cell(reportedOn)!;
    return {
      span: at.span,
      message: msg('balance', { col: T3.columns[id.col ?? 0], new: n, carried: c, total: t, next: x }),
      related,
      fixes,
    };
  }
  const total = reportedOn;
  const at = a.cell(total)!;
  const parts = partsText(id.rhs.map((r) => a.value(r)));
  const actual = at.raw || '0';
  // Each message's arguments are written out: spreading shared ones costs more than the rest of the finding.
  let message;
  if (id.kind === 'row-total') message = msg('rowTotal', { expected: e.rhs, parts, actual, row: rowName(total[0]) });
  else if (id.kind === 'results-total') message = msg('resultsTotal', { expected: e.rhs, parts, actual, col: T3.columns[id.col ?? 0] });
  else message = msg('reviewTotal', { expected: e.rhs, parts, actual, group: T4_GROUPS[id.col ?? 0] });
  return { span: at.span, message, related, fixes };
}

function runIdentities(ctx: RuleContext, kind: Evaluated['id']['kind']): void {
  for (const e of ctx.arith.broken) if (e.id.kind === kind) ctx.report(identityFinding(ctx, e));
}

/** The four arithmetic rules differ only in their metadata and the identities they report. */
export function identityRule(alias: Evaluated['id']['kind'], id: string, zh: string, en: string): Rule {
  return {
    meta: { id, alias, severity: 'error', tags: ['table', 'numbers'], fixable: true, description: { 'zh-CN': zh, en } },
    run: (ctx) => runIdentities(ctx, alias),
  };
}

