/** Walking the cells of every table, with the names messages use for them. */
import type { CellModel, ReportModel, RowModel, TableModel } from '../model';
import { cellName } from '../arith';
import { lastOne } from '../caches';
import { T2, T3, T4, colsOf, rowDef, templatePositions } from '../template';
import type { RuleContext } from './context';

/** Whether a number is written with full-width digits (０-９). */
function fullWidthDigits(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) return true;
  }
  return false;
}

/** A whole number as a fix writes it into a cell: in the cell's own digits (full-width stays full-width) and unit (件). */
export function writtenLike(raw: string, value: number): string {
  const digits = fullWidthDigits(raw) ? String(value).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : String(value);
  return raw.endsWith('件') ? `${digits}件` : digits;
}

export interface NamedCell {
  cell: CellModel;
  /** `row·column`, e.g. `（五）2.重复申请·总计`. */
  name: string;
  decimal: boolean;
}

/** The blank and invalid cells of a reading, found once for the rules of a check that walk them. */
const oddCells = lastOne((model: ReportModel): NamedCell[] => {
  const odd: NamedCell[] = [];
  for (const table of [model.tables.t2, model.tables.t3, model.tables.t4]) {
    if (!table) continue;
    for (const row of table.rows) {
      const cells = row.cells;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (cell.blank || cell.invalid) odd.push({ cell, name: cellLabel(row.key, cell.col), decimal: !!rowDef(row.key)!.decimal });
      }
    }
  }
  return odd;
});

/** Every blank or invalid cell (the only ones the cell rules speak about). */
export function eachOddCell(ctx: RuleContext, fn: (c: NamedCell) => void): void {
  for (const c of oddCells(ctx.parsed.model)) fn(c);
}

/** A cell as the cell rules name it: `row·column`, e.g. `（五）2.重复申请·总计`, `表四·行政复议·总计`. */
export function cellLabel(rowKey: string, col: number): string {
  return (rowKey === 't4.row' ? '表四·' : '') + cellName([rowKey, col]);
}

/** The row's name in messages. */
export function rowName(key: string): string {
  return key === 't4.row' ? '表四' : (rowDef(key)?.short ?? key);
}

/** Per table, the number of cells of each template row, by position. */
const COLS = { t2: T2.rows.map((r) => colsOf(T2, r)), t3: T3.rows.map((r) => colsOf(T3, r)), t4: T4.rows.map((r) => colsOf(T4, r)) };

/** Every row of every table, with the number of cells the template gives it (0 for a row of no template row). */
export function eachRowWidth(ctx: RuleContext, fn: (table: TableModel, row: RowModel, want: number) => void): void {
  for (const table of Object.values(ctx.parsed.model.tables)) {
    if (!table) continue;
    const cols = COLS[table.id];
    const at = templatePositions(table);
    for (let i = 0; i < table.rows.length; i++) fn(table, table.rows[i], at[i] < 0 ? 0 : cols[at[i]]);
  }
}
