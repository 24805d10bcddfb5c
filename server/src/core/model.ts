/** The report as data: what the scanner and the table readers found, with exact spans. */
import type { Span, TemplateId } from './types';

export type TableId = 't2' | 't3' | 't4';
/** How a table's cells are laid out in the text (used to write fixes in the table's own shape). */
export type TableShape = 'spaces' | 'tabs' | 'pipes' | 'cell-per-line';

export interface CellModel {
  /** Column index within the row (0-based). */
  col: number;
  span: Span;
  /** The text as written. */
  raw: string;
  /** Numeric value; blank cells count as 0; NaN for invalid cells. */
  value: number;
  /** No number written: an empty field, or only a placeholder such as 「—」「/」「无」 (`raw`). */
  blank: boolean;
  invalid: boolean;
}

export interface RowModel {
  /** Template row key, e.g. `t3.r1` or `t3.r3.2` (see template.ts). */
  key: string;
  /** The label as written (joined fragments) and its span. */
  label: string;
  labelSpan: Span;
  /** Cells found, in order. `cells.length` may differ from the template's column count. */
  cells: CellModel[];
  /** From label start to the end of the last cell. */
  span: Span;
  shape: TableShape;
  /** Cells are present in the expected number: column positions can be trusted. */
  aligned: boolean;
}

export interface TableModel {
  id: TableId;
  /** From the first row's label (table 四: its header line) to the end of the last cell. */
  span: Span;
  rows: RowModel[];
  shape: TableShape;
  /** Index of the section the table sits in (1–6), or 0 before the first heading. */
  inSection: number;
}

export interface SectionModel {
  /** 1–6. */
  index: number;
  /** The heading line as written (trimmed) and its span. */
  text: string;
  span: Span;
  /** End offset of the section body (start of the next heading or end of text). */
  end: number;
  /** Exact canonical or accepted variant. */
  canonical: boolean;
}

export interface TitleModel {
  span: Span;
  text: string;
  body?: string;
  year?: number;
  standard: boolean;
}

export interface ReportModel {
  text: string;
  template: TemplateId;
  title?: TitleModel;
  sections: SectionModel[];
  tables: Partial<Record<TableId, TableModel>>;
}
