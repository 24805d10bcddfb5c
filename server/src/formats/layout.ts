/**
 * The canonical report text every reader produces, built line by line with the source place of
 * each character: headings and paragraphs on lines of their own, a table as one line per row
 * with its cells separated by tabs (a blank cell is an empty field), a label that heads a group of
 * rows on its own line above them.
 */

/** Where a character of the extracted text came from. */
export interface SourceMap {
  /** Per character of the text: an offset in the source string (HTML), or -1 when it has none. */
  readonly offsets: Int32Array;
  /** Per character of the text: an index into `places`. */
  readonly placeOf: Int32Array;
  /** The places characters come from (a paragraph, a table cell, a PDF page). */
  readonly places: readonly Place[];
}

/** A paragraph, a table cell (1-based table, row and column of the resolved grid) or a PDF page. */
export interface Place {
  page?: number;
  paragraph?: number;
  table?: number;
  row?: number;
  column?: number;
}

/**
 * A run of characters with the source offset of each and one place. A field's first run may be
 * empty with one offset: where text typed into the (blank) field would go.
 */
export interface Run {
  text: string;
  offsets: number[];
  place: number;
}

/** Accumulates lines of runs; whitespace is trimmed at line ends and collapsed inside. */
export class LayoutBuilder {
  private chars: string[] = [];
  private offs: number[] = [];
  private plc: number[] = [];
  readonly places: Place[] = [];

  place(p: Place): number {
    this.places.push(p);
    return this.places.length - 1;
  }

  /** Appends one line made of fields (joined by tabs); a line with no text at all is dropped. */
  line(fields: Run[][], keepEmptyFields = false): void {
    const parts = fields.map(normaliseRuns);
    if (!parts.some((p) => p.text.length)) return;
    let first = true;
    for (const p of parts) {
      if (!p.text.length && !keepEmptyFields) continue;
      // The tab before a field stands for it when it is blank (where a value would be typed in).
      if (!first) this.push('\t', p.offsets[0] ?? p.anchor?.offset ?? this.lastOffset(), p.places[0] ?? p.anchor?.place ?? this.lastPlace());
      first = false;
      for (let i = 0; i < p.text.length; i++) this.push(p.text[i], p.offsets[i], p.places[i]);
    }
    this.push('\n', this.lastOffset(), this.lastPlace());
  }

  /** A blank line (between blocks that are not table rows). */
  blank(): void {
    if (this.chars.length && this.chars[this.chars.length - 1] === '\n' && this.chars[this.chars.length - 2] !== '\n')
      this.push('\n', this.lastOffset(), this.lastPlace());
  }

  finish(): { text: string; map: SourceMap } {
    while (this.chars.length > 1 && this.chars[this.chars.length - 1] === '\n' && this.chars[this.chars.length - 2] === '\n') {
      this.chars.pop();
      this.offs.pop();
      this.plc.pop();
    }
    return {
      text: this.chars.join(''),
      map: { offsets: Int32Array.from(this.offs), placeOf: Int32Array.from(this.plc), places: this.places },
    };
  }

  private push(c: string, offset: number, place: number): void {
    this.chars.push(c);
    this.offs.push(offset);
    this.plc.push(place);
  }
  private lastOffset(): number {
    return this.offs.length ? this.offs[this.offs.length - 1] : -1;
  }
  private lastPlace(): number {
    return this.plc.length ? this.plc[this.plc.length - 1] : 0;
  }
}

/** Spaces of any kind (ASCII, no-break, ideographic) that a line may be padded with. */
const SPACE = /[\s\u00a0\u3000\u200b\ufeff]/;
/** Characters between which a dropped space would glue two words or numbers together. */
const WORD = /[0-9A-Za-z]/;

/**
 * One field's runs as text: no-break and other spaces read as spaces, runs of them collapsed to one,
 * kept only between two ASCII letters or digits (Chinese text has none; "4 条" reads as "4条"), and
 * the field trimmed. A zero-width space is dropped.
 */
export function normaliseRuns(runs: Run[]): { text: string; offsets: number[]; places: number[]; anchor?: { offset: number; place: number } } {
  const text: string[] = [];
  const offsets: number[] = [];
  const places: number[] = [];
  let pendingSpace: { offset: number; place: number } | undefined;
  for (const r of runs) {
    for (let i = 0; i < r.text.length; i++) {
      const c = r.text[i];
      if (SPACE.test(c)) {
        if (c !== '\u200b' && c !== '\ufeff' && !pendingSpace) pendingSpace = { offset: r.offsets[i], place: r.place };
        continue;
      }
      if (pendingSpace && text.length && WORD.test(text[text.length - 1]) && WORD.test(c)) {
        text.push(' ');
        offsets.push(pendingSpace.offset);
        places.push(pendingSpace.place);
      }
      pendingSpace = undefined;
      text.push(c);
      offsets.push(r.offsets[i]);
      places.push(r.place);
    }
  }
  const anchor = runs.length ? { offset: runs[0].offsets[0] ?? -1, place: runs[0].place } : undefined;
  return { text: text.join(''), offsets, places, anchor };
}

/** A cell of a table: its text, and where it starts and how far it spans in the resolved grid (0-based). */
export interface GridCell {
  runs: Run[];
  /** The text without spaces (to tell labels from numbers). */
  text: string;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

/** A cell's text (without spaces) that is a number. */
export const NUMBER = /^[-−+]?[0-9０-９][0-9０-９,，.．]*%?$/;

/**
 * Writes a table, row by row: its labels and values (tab-separated; a blank cell in a row of
 * numbers is an empty field). A label that spans several rows holding numbers and labels of their
 * own, with no other label before it, heads a group of rows (三、本年度办理结果, （三）不予公开): it
 * stands on its own line above them. A label or a column-spanning value is written where it
 * starts; a number spanning rows belongs to each of them.
 */
export function writeTable(out: LayoutBuilder, grid: (GridCell | undefined)[][], cells: GridCell[]): void {
  const isNumber = (c: GridCell) => NUMBER.test(c.text);
  const isLabel = (c: GridCell) => c.text.length > 0 && !isNumber(c);
  const heads = new Set<GridCell>();
  for (const c of cells) {
    if (c.rowspan < 2 || !isLabel(c) || grid[c.row].slice(0, c.col).some((x) => x && x.text && !heads.has(x))) continue;
    let numbers = false;
    let labels = false;
    for (let r = c.row; r < c.row + c.rowspan; r++) {
      for (const x of new Set(grid[r])) {
        if (!x || x === c) continue;
        if (isNumber(x)) numbers = true;
        else if (isLabel(x) && x.col > c.col) labels = true;
      }
    }
    if (numbers && labels) heads.add(c);
  }
  grid.forEach((row, r) => {
    const seen = new Set<GridCell>();
    const fields: Run[][] = [];
    let hasNumber = false;
    for (const c of row) {
      if (!c || seen.has(c)) continue;
      seen.add(c);
      if (heads.has(c)) {
        if (c.row === r) out.line([c.runs]);
        continue;
      }
      if (c.row !== r && !(isNumber(c) && c.rowspan > 1)) continue;
      // A row starts at its first cell with text (a blank cell before it is the rest of a group
      // label that began on an earlier page).
      if (!fields.length && !c.text) continue;
      if (isNumber(c)) hasNumber = true;
      fields.push(c.runs);
    }
    // Trailing blank cells are still cells of the row (a dropped total is blank, not absent).
    if (hasNumber) out.line(fields, true);
    else out.line(fields.filter((f) => f.some((x) => x.text.trim())));
  });
}
