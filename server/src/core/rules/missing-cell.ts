import { cellSeparator } from '../fixes';
import { msg } from '../messages';
import type { RowModel, TableModel } from '../model';
import { T4_IDENTITIES, t3Identities, usesOldSingleOther, type CellRef, type Identity } from '../template';
import type { Fix } from '../types';
import { cellLabel, expectedCols, rowName } from './cells';
import type { Rule, RuleContext } from './context';

/** Candidate rows with one cell inserted at each position, kept when every checkable identity holds. */
function solveOneMissing(ctx: RuleContext, table: TableModel, row: RowModel): { pos: number; value: number } | 'ambiguous' {
  const ids: Identity[] = table.id === 't4' ? T4_IDENTITIES : t3Identities(usesOldSingleOther(table));
  const mine = ids.filter((id) => [...id.lhs, ...id.rhs].some((r) => r[0] === row.key));
  const present = row.cells.map((c) => c.value);
  const get = (vals: number[], r: CellRef): number | undefined => (r[0] === row.key ? vals[r[1]] : ctx.arith.cell(r)?.value);
  /** A side's sum with the row's values `vals`; undefined when one of its cells is not known. */
  const sum = (vals: number[], refs: CellRef[]): number | undefined => {
    let total = 0;
    for (const r of refs) {
      const x = get(vals, r);
      if (x === undefined) return undefined;
      total += x;
    }
    return total;
  };
  const results = new Map<string, { pos: number; value: number }>();
  for (let pos = 0; pos <= present.length; pos++) {
    const rowVals = (v: number) => [...present.slice(0, pos), v, ...present.slice(pos)];
    // Solve for v from the first identity that names the missing cell and is otherwise known.
    let v: number | undefined;
    const probe = rowVals(0);
    for (const id of mine) {
      if (![...id.lhs, ...id.rhs].some((r) => r[0] === row.key && r[1] === pos)) continue;
      const l = sum(probe, id.lhs);
      const r = sum(probe, id.rhs);
      if (l === undefined || r === undefined) continue;
      v = id.lhs.some((x) => x[0] === row.key && x[1] === pos) ? r - l : l - r;
      break;
    }
    if (v === undefined || v < 0 || !Number.isInteger(v)) continue;
    const vals = rowVals(v);
    let checked = 0;
    let ok = true;
    for (const id of mine) {
      const l = sum(vals, id.lhs);
      const r = sum(vals, id.rhs);
      if (l === undefined || r === undefined) continue;
      checked++;
      if (Math.abs(l - r) > 1e-9) ok = false;
    }
    if (ok && checked > 0) results.set(vals.join(','), { pos, value: v });
  }
  return results.size === 1 ? [...results.values()][0] : 'ambiguous';
}

function missingFix(ctx: RuleContext, table: TableModel, row: RowModel, want: number): Fix | undefined {
  const cells = row.cells;
  const missing = want - cells.length;
  const sep = cellSeparator(row, ctx.parsed.lines);
  const last = cells[cells.length - 1];
  if (cells.every((c) => !c.invalid && c.value === 0)) {
    return {
      title: msg('fixZeros', { row: rowName(row.key) }),
      preferred: true,
      edits: [{ start: last.span.end, end: last.span.end, newText: (sep + '0').repeat(missing) }],
    };
  }
  if (missing !== 1 || table.id === 't2' || cells.some((c) => c.invalid)) return undefined;
  const s = solveOneMissing(ctx, table, row);
  if (s === 'ambiguous') return undefined;
  const value = String(s.value);
  const edit =
    s.pos < cells.length
      ? { start: cells[s.pos].span.start, end: cells[s.pos].span.start, newText: value + sep }
      : { start: last.span.end, end: last.span.end, newText: sep + value };
  return { title: msg('fixInsertCell', { cell: cellLabel(row.key, s.pos), value }), preferred: true, edits: [edit] };
}

export const rule: Rule = {
  meta: {
    id: 'RPT005',
    alias: 'missing-cell',
    severity: 'error',
    tags: ['table'],
    fixable: true,
    description: { 'zh-CN': '一行的数字少于模板的列数（单元格丢失）', en: 'A row has fewer numbers than the template has columns (a dropped cell)' },
  },
  run(ctx) {
    for (const table of Object.values(ctx.parsed.model.tables)) {
      if (!table) continue;
      for (const row of table.rows) {
        const want = expectedCols(table, row);
        if (!row.cells.length || row.cells.length >= want) continue;
        const fix = missingFix(ctx, table, row, want);
        const args = { row: rowName(row.key), expected: want, actual: row.cells.length };
        const ambiguous = !fix && want - row.cells.length === 1 && table.id !== 't2';
        ctx.report({
          // Table 四's label is its header, far from the numbers: the problem sits on the numbers.
          span: { start: row.key === 't4.row' || row.labelSpan.start === row.labelSpan.end ? row.cells[0].span.start : row.labelSpan.start, end: row.span.end },
          message: msg(ambiguous ? 'missingCellAmbiguous' : 'missingCell', args),
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
