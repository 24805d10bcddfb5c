/** Walking the cells of every table, with the names messages use for them. */
import type { CellModel, RowModel, TableModel } from '../model';
import { TABLES, columnName, rowDef } from '../template';
import type { RuleContext } from './context';
import { rowName } from './missing-cell';

export interface NamedCell {
  table: TableModel;
  row: RowModel;
  cell: CellModel;
  /** `row·column`, e.g. `（五）2.重复申请·总计`. */
  name: string;
  decimal: boolean;
}

export function eachCell(ctx: RuleContext, fn: (c: NamedCell) => void): void {
  for (const table of Object.values(ctx.parsed.model.tables)) {
    if (!table) continue;
    for (const row of table.rows) {
      const def = rowDef(row.key);
      for (const cell of row.cells) {
        const col = def ? columnName(TABLES[table.id], def, cell.col) : TABLES.t4.columns[cell.col];
        fn({ table, row, cell, name: `${rowName(row.key)}·${col ?? ''}`, decimal: !!def?.decimal });
      }
    }
  }
}
