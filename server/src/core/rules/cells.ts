/** Walking the cells of every table, with the names messages use for them. */
import type { CellModel, RowModel, TableModel } from '../model';
import { TABLES, colsOf, columnName, rowDef } from '../template';
import type { RuleContext } from './context';

export interface NamedCell {
  table: TableModel;
  row: RowModel;
  cell: CellModel;
  /** `row·column`, e.g. `（五）2.重复申请·总计` (built on demand: most cells need no name). */
  name(): string;
  decimal: boolean;
}

/** Every blank or invalid cell (the only ones the cell rules speak about). */
export function eachOddCell(ctx: RuleContext, fn: (c: NamedCell) => void): void {
  for (const table of Object.values(ctx.parsed.model.tables)) {
    if (!table) continue;
    for (const row of table.rows) {
      for (const cell of row.cells) if (cell.blank || cell.invalid) fn(named(table, row, cell));
    }
  }
}

/** (Its own function: a closure inside the loops above would cost a scope per cell, odd or not.) */
function named(table: TableModel, row: RowModel, cell: CellModel): NamedCell {
  const def = rowDef(row.key);
  const name = () => `${rowName(row.key)}·${(def ? columnName(TABLES[table.id], def, cell.col) : TABLES.t4.columns[cell.col]) ?? ''}`;
  return { table, row, cell, name, decimal: !!def?.decimal };
}

/** The row's name in messages. */
export function rowName(key: string): string {
  return key === 't4.row' ? '表四' : (rowDef(key)?.short ?? key);
}

export function expectedCols(table: TableModel, row: RowModel): number {
  const def = rowDef(row.key);
  return def ? colsOf(TABLES[table.id], def) : 0;
}
