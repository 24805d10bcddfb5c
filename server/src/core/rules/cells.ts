/** Walking the cells of every table, with the names messages use for them. */
import type { CellModel, RowModel, TableModel } from '../model';
import { cellName } from '../arith';
import { TABLES, colsOf, rowDef } from '../template';
import type { RuleContext } from './context';

export interface NamedCell {
  cell: CellModel;
  /** `row·column`, e.g. `（五）2.重复申请·总计`. */
  name: string;
  decimal: boolean;
}

/** Every blank or invalid cell (the only ones the cell rules speak about). */
export function eachOddCell(ctx: RuleContext, fn: (c: NamedCell) => void): void {
  for (const table of Object.values(ctx.parsed.model.tables)) {
    if (!table) continue;
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (cell.blank || cell.invalid) fn({ cell, name: cellLabel(row.key, cell.col), decimal: !!rowDef(row.key)!.decimal });
      }
    }
  }
}

/** A cell as the cell rules name it: `row·column`, e.g. `（五）2.重复申请·总计`, `表四·行政复议·总计`. */
export function cellLabel(rowKey: string, col: number): string {
  return (rowKey === 't4.row' ? '表四·' : '') + cellName([rowKey, col]);
}

/** The row's name in messages. */
export function rowName(key: string): string {
  return key === 't4.row' ? '表四' : (rowDef(key)?.short ?? key);
}

export function expectedCols(table: TableModel, row: RowModel): number {
  const def = rowDef(row.key);
  return def ? colsOf(TABLES[table.id], def) : 0;
}
