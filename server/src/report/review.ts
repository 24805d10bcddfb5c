/**
 * What the review report says about one checked file besides its findings: body and year, the
 * three tables as grids (core `tableGrids`), and where each finding sits in them (table, row,
 * column, the value found and the value expected). Plain data: worker threads send it back.
 */
import { formatMessage, tableGrids, type CheckResult, type GridTable, type Locale, type Problem, type Span } from '../core';

/** Where a finding sits in the tables; every field is '' when it does not apply. */
export interface Place {
  table: string;
  row: string;
  column: string;
  found: string;
  expected: string;
}

export interface Review {
  body?: string;
  year?: number;
  grids: GridTable[];
  /** One per finding, in the order of the check's problems. */
  places: Place[];
}

const NOWHERE: Place = { table: '', row: '', column: '', found: '', expected: '' };

const within = (s: Span, offset: number) => s.start <= offset && offset <= s.end;
const covers = (outer: Span, inner: Span) => outer.start <= inner.start && inner.end <= outer.end;
const str = (v: number | undefined) => (v === undefined ? '' : String(v));

/** The cell, row or table of the grids a finding is about. */
function placeOf(p: Problem, text: string, grids: GridTable[]): Place {
  for (const t of grids) {
    const table = t.title;
    if (t.state !== 'read') {
      if (t.reason === text) return { ...NOWHERE, table };
      continue;
    }
    for (const r of t.rows) {
      if (r.state !== 'present') {
        if (r.notes.includes(text)) return { ...NOWHERE, table, row: r.label };
        continue;
      }
      for (const c of [...r.cells, ...r.extra]) {
        if (!c.span) continue;
        // A cell finding covers the cell (a blank cell's, the separators around it too).
        const blank = c.span.start === c.span.end;
        if ((blank && covers(p.span, c.span) && p.span.end - p.span.start <= 2) || (!blank && p.span.start === c.span.start && p.span.end === c.span.end)) {
          return { table, row: r.label, column: c.column, found: c.raw, expected: str(c.expected) };
        }
      }
      if (r.span && within(r.span, p.span.start)) {
        // A row's missing number: its column when placed, the value when determined.
        const missing = r.cells.filter((c) => c.state === 'missing');
        const one = missing.length === 1 && r.placed ? missing[0] : undefined;
        const expected = missing.length === 1 ? str(missing[0].expected) : '';
        return { table, row: r.label, column: one?.column ?? '', found: '', expected: r.notes.includes(text) ? expected : '' };
      }
    }
    if (t.span && within(t.span, p.span.start)) return { ...NOWHERE, table };
  }
  return NOWHERE;
}

export function reviewOf(result: CheckResult, locale: Locale): Review {
  const grids = tableGrids(result, locale);
  const title = result.model.title;
  const places = result.problems.map((p) => placeOf(p, formatMessage(p.message, locale), grids));
  return { ...(title?.body ? { body: title.body } : {}), ...(title?.year ? { year: title.year } : {}), grids, places };
}
