/**
 * Table readers: walk the token stream of a region, match label fragments to template rows
 * (tolerant: normalised substrings, then the shortest suffix of fragments that identifies a
 * row, in template order first), and collect each row's cells with their exact spans.
 */
import type { CellModel, RowModel, TableModel, TableShape } from './model';
import { JIAN, YUAN, gridRow, noCellsIn, type ScannedLine, type Tok } from './scan';
import { REPLACED_AT, T3_CORNER, T3_GROUPS, T4_GROUP_COLUMNS, T4_GROUPS, T4_HEADER_WORDS, T4_IDENTITIES, colsOf, rowDef, t3Identities, type CellRef, type Identity, type RowDef, type TableDef } from './template';
import { beyondExact, digitsOnly, lcs, norm, parseNumber, stripMarker, type LineList } from './text';

export interface ReadResult {
  table: TableModel;
  /** Rows whose labels matched no template row (cells without a known row). */
  orphans: RowModel[];
  /**
   * Why the numbers cannot be lined up with the rows, when they cannot: the table is then not
   * checked at all (one `table-layout` finding instead of a flood of cell and row findings).
   */
  doubt?: LayoutDoubt;
}

/** Why a table's numbers could not be lined up with its rows. */
export type LayoutDoubt =
  /** Groups of numbers under no row label the reader knows. */
  | { kind: 'orphans'; count: number }
  /** Rows whose numbers are not as many as the template's columns. */
  | { kind: 'widths'; count: number }
  /** Numbers interleaved with header text, so that their order is not known. */
  | { kind: 'order' }
  /** Numbers or marks under a table's header, and not one row read from them. */
  | { kind: 'unread' }
  /** Numbers set out as a table in the table's section, and no header of the table found. */
  | { kind: 'unanchored' }
  /** Numbers with other text between them (a page's running header in PDF text) that do not make a whole row. */
  | { kind: 'interrupted' }
  /** Rows whose digits are written together, in more than one way (or none) to make its cells. */
  | { kind: 'glued'; count: number };

/** Rows with the wrong number of cells a reading may have before it is not trusted. */
const MAX_ODD_ROWS = 2;

interface RowBuild {
  def: RowDef | null;
  /** Index of `def` in the table. */
  index: number;
  label: Tok[];
  cells: CellModel[];
  /** How many distinct lines the cells are on (cells arrive in line order), and the last one. */
  cellLineCount: number;
  lastCellLine: number;
  /** Shape of the line of the first cell. */
  shape: TableShape | undefined;
  /** Empty `|` fields of a row written one cell per line (`at`: the number of cells before it). */
  gaps: Gap[];
  /** Between each two cells on lines of their own: the lines without a cell between them. */
  between: Gap[];
  /** Lines without a cell since the last cell, and the last of them as a blank field. */
  run: number;
  runTok: Tok | null;
  /** A number came from a piece of a longer line (`ScannedLine.piece`): its digits may be several cells. */
  glued: boolean;
}

/** A row about to be read: its template row (`def`, at `index`; null and -1 for numbers under no row label) and its label. */
function newRow(def: RowDef | null, index: number, label: Tok[]): RowBuild {
  return { def, index, label, cells: [], cellLineCount: 0, lastCellLine: -1, shape: undefined, gaps: [], between: [], run: 0, runTok: null, glued: false };
}

interface Gap {
  at: number;
  tok: Tok;
  /** Lines without a cell (for `between`). */
  lines: number;
}

/**
 * Fill a row written one cell per line with the blank cells it shows, when that makes it exactly
 * as wide as the template row: its empty `|` fields, or else the places where more lines without
 * a cell stand between two cells than between most (one cell per line: an empty line where the
 * others have none; a browser's copy: two tab lines where the others have one).
 */
function fillGaps(b: RowBuild, width: number): void {
  const short = width - b.cells.length;
  if (short <= 0) return;
  let gaps = b.gaps;
  if (gaps.length !== short && b.between.length === b.cells.length - 1) {
    const count = new Map<number, number>();
    for (const g of b.between) count.set(g.lines, (count.get(g.lines) ?? 0) + 1);
    let usual = 0;
    let most = 0;
    for (const [lines, k] of count) if (k > most || (k === most && lines < usual)) [usual, most] = [lines, k];
    gaps = b.between.filter((g) => g.lines > usual);
  }
  if (gaps.length !== short && b.cellLineCount === 1) gaps = spacedGaps(b);
  if (gaps.length !== short) return;
  const cells: CellModel[] = [];
  let g = 0;
  for (let i = 0; i <= b.cells.length; i++) {
    while (g < gaps.length && gaps[g].at === i) cells.push(toCell(gaps[g++].tok, cells.length));
    if (i < b.cells.length) cells.push({ ...b.cells[i], col: cells.length });
  }
  b.cells = cells;
}

/**
 * The blank cells a row laid out on one line shows by its spacing (PDF text extracted with its
 * layout: cells stand at their columns' places, a blank cell leaves a gap). The usual distance
 * between two cells' middles is the commonest one; a distance of k such steps, rounded to the
 * nearest whole number, holds k − 1 blank cells. None when no distance is the commonest of at
 * least two.
 */
function spacedGaps(b: RowBuild): Gap[] {
  const c = b.cells;
  const mid = (i: number) => (c[i].span.start + c[i].span.end) / 2;
  const count = new Map<number, number>();
  for (let i = 1; i < c.length; i++) {
    const d = mid(i) - mid(i - 1);
    count.set(d, (count.get(d) ?? 0) + 1);
  }
  let usual = 0;
  let most = 1;
  for (const [d, k] of count) if (k > most || (k === most && d < usual)) [usual, most] = [d, k];
  if (!usual) return [];
  const gaps: Gap[] = [];
  for (let i = 1; i < c.length; i++) {
    const steps = Math.round((mid(i) - mid(i - 1)) / usual);
    for (let k = 1; k < steps; k++) {
      const at = Math.round(mid(i - 1) + k * usual);
      gaps.push({ at: i, tok: { kind: 'empty', start: at, end: at, raw: '', line: b.lastCellLine }, lines: 0 });
    }
  }
  return gaps;
}

/** What reading a table needs to know of its rows, by row index. */
interface RowInfo {
  /**
   * The most label text that may stand between two rows' numbers: all the table's own words
   * together (its rows' labels, captions and headers, its columns, group labels and corner), as
   * when a converter sets every label apart from the numbers. More text than that after a row is
   * not the table's: it is prose after it, and ends the table.
   */
  maxPending: number;
  /** The optional row that stands for the row when present (the old single （六）其他处理), or -1. */
  replacedBy: Int16Array;
  /** The row has keys and `norm` leaves each as it is, so a label holding one as written names the row. */
  plainKeys: Uint8Array;
  /** Each row's label normalised, without its list marker. */
  wholeLabels: string[];
  /** The table's words that are no row's label (captions, column headers, group labels, corner), normalised, longest first. */
  headerWords: string[];
}

const ROW_INFO = new Map<TableDef, RowInfo>();

function rowInfo(table: TableDef): RowInfo {
  let info = ROW_INFO.get(table);
  if (!info) {
    const rows = table.rows;
    const headers = [...rows.flatMap((r) => [r.caption ?? '', ...(r.header ?? [])]), ...table.columns, ...(table.id === 't3' ? [...Object.values(T3_GROUPS), T3_CORNER] : [])];
    info = {
      replacedBy: new Int16Array(rows.length).fill(-1),
      plainKeys: new Uint8Array(rows.length),
      maxPending: [...rows.map((r) => r.label), ...headers].reduce((n, w) => n + w.length, 0),
      wholeLabels: rows.map((r) => stripMarker(norm(r.label))),
      headerWords: [...new Set(headers.map(norm).filter((w) => w.length > 0))].sort((a, b) => b.length - a.length),
    };
    for (let i = 0; i < rows.length; i++) {
      for (const j of REPLACED_AT[table.id][i]) if (j >= 0) info.replacedBy[j] = i;
      const keys = rows[i].keys;
      info.plainKeys[i] = keys.length > 0 && keys.every((k) => k.length > 0 && norm(k) === k) ? 1 : 0;
    }
    ROW_INFO.set(table, info);
  }
  return info;
}

/** Whether row `r` is named by the normalised label `joined` (`core` without its list marker). */
function isNamed(r: RowDef, joined: string, core: string): boolean {
  if (r.exact && r.exact.includes(core)) return true;
  for (const key of r.keys) if (joined.includes(key)) return true;
  return false;
}

interface RowMatch {
  /** Index of the row in the table. */
  index: number;
  /** How many of the last fragments make its label. */
  take: number;
}

/** The row, not read yet (`used` by index), that the last label fragments name. */
function matchRow(table: TableDef, info: RowInfo, frags: Tok[], expect: number, used: Uint8Array): RowMatch | null {
  const rows = table.rows;
  // The commonest case, the last fragment naming the expected row as written, is found without
  // normalising: `norm` keeps every character of a plain key, so it keeps the key too.
  if (frags.length && expect < rows.length && !used[expect] && info.plainKeys[expect]) {
    const raw = frags[frags.length - 1].raw;
    for (const key of rows[expect].keys) if (raw.includes(key)) return { index: expect, take: 1 };
  }
  const maxK = Math.min(frags.length, 6);
  let joined = '';
  for (let k = 1; k <= maxK; k++) {
    joined = norm(frags[frags.length - k].raw) + joined;
    if (!joined) continue;
    const core = stripMarker(joined);
    // The rows from the expected one on, then the ones before it (a row out of order).
    for (let i = expect; i < rows.length; i++) if (!used[i] && isNamed(rows[i], joined, core)) return { index: i, take: k };
    for (let i = expect - 1; i >= 0; i--) if (!used[i] && isNamed(rows[i], joined, core)) return { index: i, take: k };
  }
  // No row is named: the label just before the numbers may still be the expected row's, cut
  // short by wrapping (`2.其他法律行政法规禁止` … `公开`) or garbled by extraction.
  if (frags.length) {
    const raw = frags[frags.length - 1].raw;
    // The fragment, or its last word (a group label and a row label on one line: `（四）无法 1.本机关不掌`).
    const word = raw.slice(raw.search(/\S+$/));
    // The expected row, or the one after it when the expected row is optional.
    for (let i = expect; i < rows.length && i <= expect + 1; i++) {
      if (!used[i] && (agrees(raw, rows[i]) || (word !== raw && agrees(word, rows[i])))) return { index: i, take: 1 };
      if (!rows[i].optional) break;
    }
  }
  return null;
}

/** Characters a label fragment needs before it can be compared with a row's label (`agrees`). */
const MIN_AGREEING = 3;

/**
 * Whether a label fragment is row `def`'s label cut short or garbled: its list marker, if it has
 * one, is the row's, and at least four in five of its other characters stand in the row's label
 * in the same order.
 */
function agrees(raw: string, def: RowDef): boolean {
  const n = norm(raw);
  const a = stripMarker(n);
  if (a.length < MIN_AGREEING) return false;
  const t = norm(def.label);
  const b = stripMarker(t);
  const markA = n.slice(0, n.length - a.length);
  const markB = t.slice(0, t.length - b.length);
  if (markA && markB && markA !== markB) return false;
  return lcs(a, b) * 5 >= a.length * 4;
}

function rowShape(b: RowBuild): TableShape {
  if (b.cells.length > 1 && b.cellLineCount === b.cells.length) return 'cell-per-line';
  if (b.cells.length === 1 && b.label.length && b.lastCellLine !== b.label[b.label.length - 1].line) return 'cell-per-line';
  return b.shape ?? 'spaces';
}

/** The label fragments' text, joined. */
function joinRaw(label: Tok[]): string {
  let s = '';
  for (const t of label) s += t.raw;
  return s;
}

function finish(b: RowBuild): RowModel {
  const first = b.label[0];
  const last = b.label[b.label.length - 1];
  const labelSpan = first ? { start: first.start, end: last.end } : { start: b.cells[0].span.start, end: b.cells[0].span.start };
  const end = b.cells.length ? b.cells[b.cells.length - 1].span.end : labelSpan.end;
  return {
    key: b.def ? b.def.key : '',
    label: joinRaw(b.label),
    labelSpan,
    cells: b.cells,
    span: { start: labelSpan.start, end },
    shape: rowShape(b),
    aligned: false,
  };
}

/** Mark the cells of row `r` (of template row `def`) that its column does not allow, and whether the row is aligned. */
function validate(r: RowModel, def: RowDef, table: TableDef): void {
  let valid = true;
  for (const c of r.cells) {
    // Counts are whole numbers, in 件 if in any unit; only the fee may have decimals (and is in 元).
    const unit = c.raw.charCodeAt(c.raw.length - 1);
    if (!c.invalid && !c.blank && (def.decimal ? unit === JIAN : !Number.isInteger(c.value) || unit === YUAN)) {
      c.invalid = true;
      c.value = NaN;
    }
    if (c.invalid) valid = false;
  }
  r.aligned = r.cells.length === colsOf(table, def) && valid;
}

/**
 * A row with more cells than its `width` only by its empty fields (no more than `width` written):
 * its columns were aligned with several tabs (a table typed into a text file), and its empty
 * fields are no blank cells. They are dropped (a cell left out is then missing, said once).
 */
function dropAlignmentFields(cells: CellModel[], width: number): void {
  if (cells.length <= width) return;
  const written = cells.filter((c) => c.raw !== '');
  if (written.length <= width) cells.splice(0, cells.length, ...written.map((c, col) => ({ ...c, col })));
}

/** Whether nothing but cells (numbers, junk, empty fields) follows `toks[i]` on its line. */
function cellsToEnd(toks: Tok[], i: number): boolean {
  for (let k = i + 1; k < toks.length; k++) if (toks[k].kind === 'text') return false;
  return true;
}

function toCell(t: Tok, col: number): CellModel {
  // A cell holding only a placeholder (「—」「/」「无」) has no number written, as a blank field.
  const blank = t.kind === 'empty' || t.kind === 'bad';
  const value = t.kind === 'num' ? parseNumber(t.raw) : NaN;
  // A number beyond what is held exactly is invalid too (the commonest cell, a few digits, is not tested).
  const invalid = t.kind === 'num' && (!Number.isFinite(value) || value < 0 || (t.raw.length > 15 && beyondExact(t.raw)));
  return { col, span: { start: t.start, end: t.end }, raw: t.raw, value: blank ? 0 : invalid ? NaN : value, blank, invalid };
}

/**
 * The cells of one line as they are read: a blank field counts as a cell when a number follows
 * it on the line, or (a `|` row) when the row is short of its width at the end of the line.
 */
class LineCells {
  private blanks: Tok[] = [];
  /** A number was read on this line. */
  private hasNumber = false;

  startLine(): void {
    if (this.blanks.length) this.blanks.length = 0;
    this.hasNumber = false;
  }

  blank(tok: Tok): void {
    if (this.hasNumber) this.blanks.push(tok);
  }

  /** A number: the blanks before it on the line, then the number, are the next cells. */
  number(tok: Tok, cells: CellModel[]): void {
    if (this.blanks.length) {
      for (const e of this.blanks) cells.push(toCell(e, cells.length));
      this.blanks.length = 0;
    }
    cells.push(toCell(tok, cells.length));
    this.hasNumber = true;
  }

  /** End of a delimited row (`|` or tabs): its trailing blank fields, up to `width` cells. */
  endDelimitedRow(cells: CellModel[], width: number): void {
    for (const e of this.blanks) if (cells.length < width) cells.push(toCell(e, cells.length));
  }
}

export interface ReadOptions {
  /** The line that ends the region (a section heading, another table's start), or -1. */
  stopAt: number;
  /** The row after which the table is complete. */
  lastKey: string;
  inSection: (offset: number) => number;
}

/**
 * Reading one table's rows (`readRows`), a token at a time: label fragments wait (`pending`)
 * until numbers come, which start a row named by the last fragments; text after numbers closes
 * the row.
 */
class RowReader {
  readonly rows: RowModel[] = [];
  readonly orphans: RowModel[] = [];
  /** Every label fragment of the region, in order. */
  readonly texts: Tok[] = [];
  /** Rows whose digits are written together, with the ways they make the row's cells (`gluedChoices`). */
  readonly undecided = new Map<RowModel, Ways>();
  /** The table is complete: nothing more is read. */
  done = false;
  /** Rows read, by index. */
  private readonly used: Uint8Array;
  private readonly info: RowInfo;
  /** Label fragments not given to a row yet, and their length. */
  private pending: Tok[] = [];
  private pendingChars = 0;
  private cur: RowBuild | null = null;
  /** The template row expected next. */
  private expect = 0;
  /** The last row was read while template rows were still unread (a moved row): only rows of the template are read on. */
  private pastLast = false;
  /**
   * The last row was read short of its cells: one group of numbers after other text may be the
   * rest of it (written one cell a line over a page break, the page's running header between).
   */
  private lastShort = false;
  /**
   * How many blank fields stood between the label and the numbers of the last whole delimited row
   * (label columns merged across several: a page's table copied with its spans), or -1 before one.
   */
  private labelColumns = -1;
  private sawAny = false;
  private readonly line = new LineCells();

  constructor(
    private readonly table: TableDef,
    private readonly lastKey: string,
  ) {
    this.used = new Uint8Array(table.rows.length);
    this.info = rowInfo(table);
  }

  /** Template rows not read yet (besides row `except`, the one being read). */
  private remaining(except: number): boolean {
    const { rows } = this.table;
    const replacer = this.info.replacedBy;
    for (let i = 0; i < rows.length; i++) {
      if (i !== except && !rows[i].optional && !this.used[i] && !(replacer[i] >= 0 && this.used[replacer[i]])) return true;
    }
    return false;
  }

  /**
   * A label with nothing but blank fields after it (a delimited row left blank): that row, its
   * cells blank, after as many label columns as the whole rows had (or, before one, when the
   * fields are as many as its columns or one more). Not a row that may be a group's label
   * instead (the old single （六）其他处理).
   */
  private blankRow(toks: Tok[], from: number, shape: TableShape): void {
    const m = this.match();
    const width = m && !this.table.rows[m.index].optional ? colsOf(this.table, this.table.rows[m.index]) : 0;
    const skip = this.labelColumnsOf(toks.length - from, width);
    if (!m || !width || skip < 0 || toks.length - from < skip + width) return;
    const cur = this.start(m);
    for (let k = from + skip; k < from + skip + width; k++) cur.cells.push(toCell(toks[k], cur.cells.length));
    cur.cellLineCount = 1;
    cur.lastCellLine = toks[from].line;
    cur.shape = shape;
  }

  /**
   * How many of `fields` blank fields after a label are label columns when `cells` of them are to
   * be the row's: as many as the whole rows had; before one, the fields beyond the cells, at most
   * one (-1: none fits).
   */
  private labelColumnsOf(fields: number, cells: number): number {
    if (this.labelColumns >= 0) return this.labelColumns;
    const skip = fields - cells;
    return skip >= 0 && skip <= 1 ? skip : -1;
  }

  /**
   * A delimited row's blank fields between its label and its first number (`toks[from, to)`): past
   * the label columns (`labelColumnsOf`), its first cells when they make the row whole. A whole row
   * tells how many label columns the table has.
   */
  private leadingBlanks(c: RowBuild, toks: Tok[], from: number, to: number): void {
    const short = colsOf(this.table, c.def!) - c.cells.length;
    if (short <= 0) {
      this.labelColumns = to - from;
      return;
    }
    const skip = this.labelColumnsOf(to - from, short);
    if (skip < 0 || to - from - skip !== short) return;
    c.cells.unshift(...toks.slice(from + skip, to).map((e) => toCell(e, 0)));
    c.cells.forEach((cell, col) => (cell.col = col));
  }

  /** Close the row being read, if any. */
  close(): void {
    const cur = this.cur;
    if (!cur) return;
    const table = this.table;
    const choices = cur.def && cur.glued ? gluedChoices(cur.cells, colsOf(table, cur.def), rowIdentities(table, cur.def.key)) : undefined;
    if (cur.def && !choices) {
      fillGaps(cur, colsOf(table, cur.def));
      dropAlignmentFields(cur.cells, colsOf(table, cur.def));
    }
    const r = finish(cur);
    if (choices) this.undecided.set(r, choices);
    if (cur.def) {
      validate(r, cur.def, table);
      this.rows.push(r);
      this.used[cur.index] = 1;
      this.expect = cur.index + 1;
      if (cur.def.key === this.lastKey) {
        // The last row ends the table unless template rows are still unread (a moved row), or
        // it is short of its cells (its rest may follow).
        if (this.remaining(-1)) this.pastLast = true;
        else if (r.cells.length < colsOf(table, cur.def)) this.pastLast = this.lastShort = true;
        else this.done = true;
      }
    } else this.orphans.push(r);
    this.cur = null;
  }

  /** Line `n` (starting at `at`) has no token: inside a row written one cell per line, it is counted (`fillGaps`). */
  emptyLine(at: number, n: number): void {
    const cur = this.cur;
    if (cur && cur.cells.length && cur.cellLineCount === cur.cells.length) {
      cur.run++;
      cur.runTok = { kind: 'empty', start: at, end: at, raw: '', line: n };
    }
  }

  /** Read a line's tokens; true when the table's last row is complete at the end of the line. */
  readLine(sl: ScannedLine): boolean {
    this.line.startLine();
    const toks = sl.toks;
    /** Where the blank fields after the line's last label text start (-1: no label on the line, or a row since). */
    let blanksFrom = -1;
    /** Those before the first number of a row that starts on this line: `toks[leadFrom, leadTo)`. */
    let leadFrom = -1;
    let leadTo = -1;
    for (let i = 0; i < toks.length; i++) {
      const tok = toks[i];
      // A junk cell ("—", "无") stands where a number would: in a row being read, or with nothing
      // but cells after it on its line. Anywhere else it is label text.
      if (tok.kind === 'text' || (tok.kind === 'bad' && !this.cur && !cellsToEnd(toks, i))) {
        this.text(tok);
        blanksFrom = i + 1;
      } else if (tok.kind === 'empty') {
        if (sl.oneField && this.cur) this.cur.gaps.push({ at: this.cur.cells.length, tok, lines: 0 });
        else this.line.blank(tok);
      } else {
        if (!this.cur && blanksFrom >= 0) [leadFrom, leadTo] = [blanksFrom, i];
        this.number(tok, sl);
        blanksFrom = -1;
      }
      if (this.done) return false;
    }
    // After the line's last label only blank fields (no row since: the label closed the one before).
    if (blanksFrom >= 0 && blanksFrom < toks.length && !this.cur) this.blankRow(toks, blanksFrom, sl.shape);
    const c = this.cur;
    if (c?.def && sl.shape === 'pipes') this.line.endDelimitedRow(c.cells, colsOf(this.table, c.def));
    if (c?.def && leadFrom >= 0 && (sl.shape === 'tabs' || sl.shape === 'pipes')) this.leadingBlanks(c, toks, leadFrom, leadTo);
    return !!c && !!c.def && c.def.key === this.lastKey && c.cells.length >= colsOf(this.table, c.def) && !this.remaining(c.index);
  }

  private match(): RowMatch | null {
    return matchRow(this.table, this.info, this.pending, this.expect, this.used);
  }

  /** Label text: it closes the row being read and waits for numbers. */
  private text(tok: Tok): void {
    if (this.cur) {
      this.close();
      if (this.done) return;
    }
    this.pending.push(tok);
    if (tok.kind === 'text') this.texts.push(tok);
    this.pendingChars += tok.raw.length;
    if (this.pendingChars > this.info.maxPending && this.sawAny) this.done = true;
  }

  /**
   * Start the row `m` names (or, for null, a group of numbers under no row label) with the last
   * pending fragments as its label. The fragments right before those that are each a whole row's
   * label (`1.属于国家秘密` alone, its cells left out, the next row's label after it, or a caption and
   * header between them) are those rows, without cells.
   */
  private start(m: RowMatch | null, at?: Tok): RowBuild {
    const pending = this.pending;
    const take = m ? m.take : Math.min(pending.length, 1);
    const label = take === pending.length ? pending : pending.slice(pending.length - take);
    if (m && at && m.index > this.expect) {
      // Rows were skipped: back over whole labels and the table's own captions and headers (table 二's sub-tables).
      let first = pending.length - take;
      while (first > 0 && (this.wholeRowOf(pending[first - 1], m.index) >= 0 || this.onlyHeaderWords(pending[first - 1]))) first--;
      for (let k = first; k < pending.length - take; k++) this.rowWithoutCells(pending[k], m.index);
    }
    const cur = newRow(m ? this.table.rows[m.index] : null, m ? m.index : -1, label);
    this.cur = cur;
    this.pending = [];
    this.pendingChars = 0;
    this.sawAny = true;
    return cur;
  }

  /**
   * A label fragment that is the whole label of a row not read yet, before row `before`: that row,
   * read without cells. Not a row that may be a group's label instead (the old single （六）其他处理).
   */
  private rowWithoutCells(f: Tok, before: number): void {
    const i = this.wholeRowOf(f, before);
    if (i < 0) return;
    const row = this.table.rows[i];
    const r = finish(newRow(row, i, [f]));
    validate(r, row, this.table);
    this.rows.push(r);
    this.used[i] = 1;
    this.expect = i + 1;
  }

  /** Whether fragment `f` is made of nothing but the table's captions and column headers (`headerWords`). */
  private onlyHeaderWords(f: Tok): boolean {
    let rest = norm(f.raw);
    for (const w of this.info.headerWords) rest = rest.replaceAll(w, '');
    return rest.length === 0;
  }

  /** The row not read yet, before row `before`, whose whole label fragment `f` is (not an optional row), or -1. */
  private wholeRowOf(f: Tok, before: number): number {
    const rows = this.table.rows;
    const core = stripMarker(norm(f.raw));
    for (let i = this.expect; i < before; i++) {
      if (!this.used[i] && !rows[i].optional && (this.info.wholeLabels[i] === core || rows[i].exact?.includes(core))) return i;
    }
    return -1;
  }

  /** A cell: the next of the row being read, or the first of the row the waiting label names. */
  private number(tok: Tok, sl: ScannedLine): void {
    let cur = this.cur;
    if (!cur) {
      const m = this.match();
      if (!m && this.pastLast) {
        // Past the last row only rows of the template are read on, and the rest of a short last
        // row; anything else ends the table.
        if (!this.lastShort) {
          this.done = true;
          return;
        }
        this.lastShort = false;
      }
      // A text written on one line has its labels and numbers in pieces: not lines to tell rows by.
      cur = this.start(m, sl.piece ? undefined : tok);
    }
    if (tok.line !== cur.lastCellLine && cur.cells.length) cur.between.push({ at: cur.cells.length, tok: cur.runTok ?? tok, lines: cur.runTok ? cur.run : 0 });
    cur.run = 0;
    cur.runTok = null;
    if (sl.piece) cur.glued = true;
    this.line.number(tok, cur.cells);
    if (tok.line !== cur.lastCellLine) {
      cur.cellLineCount++;
      cur.lastCellLine = tok.line;
    }
    cur.shape ??= sl.shape;
  }
}

/**
 * Line `n` as a table's row is read from it: a grid table's row over several lines as one
 * (`gridRow`, within the region up to `stopAt`), with the last line it takes.
 */
function rowAt(lines: LineList, scanned: (n: number) => ScannedLine, n: number, stopAt: number): { sl: ScannedLine; last: number } {
  const sl = scanned(n);
  const grid = sl.shape === 'pipes' ? gridRow(lines, n) : undefined;
  return grid && (stopAt < 0 || grid.next <= stopAt) ? { sl: grid.sl, last: grid.next - 1 } : { sl, last: n };
}

/** Read the rows of table 二 or 三 from `from` onwards. */
export function readRows(lines: LineList, scanned: (n: number) => ScannedLine, from: number, table: TableDef, opts: ReadOptions): ReadResult {
  const reader = new RowReader(table, opts.lastKey);
  for (let n = from; n < lines.length && n !== opts.stopAt && !reader.done; n++) {
    const row = rowAt(lines, scanned, n, opts.stopAt);
    const sl = row.sl;
    n = row.last;
    if (sl.skip) continue;
    if (!sl.toks.length) reader.emptyLine(lines.starts[n], n);
    else if (reader.readLine(sl)) break;
  }
  reader.close();
  const { rows, orphans } = reader;
  let start: number;
  let end: number;
  if (rows.length) {
    start = rows[0].span.start;
    end = rows[rows.length - 1].span.end;
    for (const o of orphans) {
      start = Math.min(start, o.span.start);
      end = Math.max(end, o.span.end);
    }
  } else {
    const l = lines.at(from)!;
    start = l.start;
    end = l.end;
  }
  const read: ReadResult = { table: { id: table.id, span: { start, end }, rows, shape: mostCommonShape(rows), inSection: opts.inSection(start) }, orphans };
  const decided = reader.undecided.size ? decideGlued(table, read, reader.undecided) : read;
  if (decided.doubt) return decided;
  return settle(table, joinSplitRows(table, decided, lines), reader.texts);
}

/** Whether `text` is a piece of row `def`'s label (the rest of a label wrapped in PDF text): at least half of it is in the label. */
function pieceOfLabel(text: string, def: RowDef): boolean {
  const piece = norm(text);
  return piece.length > 0 && 2 * lcs(piece, norm(def.label)) >= piece.length;
}

/**
 * A row of text laid out in columns (PDF text with its layout) may have its numbers on two lines
 * with a wrapped piece of its label between them: its total on the label's first line, the other
 * numbers on the next. The group of numbers under no label right after a row short of cells joins
 * that row when the two together are as many as the row's columns and no two of their cells stand
 * in the same place on their lines; the cells are then taken in the order of their places.
 */
function joinSplitRows(def: TableDef, r: ReadResult, lines: LineList): ReadResult {
  if (!r.orphans.some((o) => o.cells.length)) return r;
  const place = (c: CellModel) => c.span.start - lines.starts[lines.lineOf(c.span.start)];
  const rows = [...r.table.rows];
  const orphans: RowModel[] = [];
  for (const o of r.orphans) {
    const at = o.cells.length ? o.cells[0].span.start : -1;
    // The row read just before the group, with nothing read between them.
    let i = -1;
    for (let k = 0; k < rows.length; k++) if (rows[k].span.end <= at && (i < 0 || rows[k].span.end > rows[i].span.end)) i = k;
    const row = i >= 0 ? rows[i] : undefined;
    const between = row && [...rows, ...r.orphans].some((x) => x !== row && x !== o && x.span.start >= row.span.end && x.span.start < at);
    const width = row ? colsOf(def, rowDef(row.key)!) : 0;
    if (!row || between || row.cells.length + o.cells.length !== width) {
      orphans.push(o);
      continue;
    }
    // Written one cell a line with other text between its cells (a row over a page break, the
    // page's running header between), the cells are in the order of the text; laid out in columns,
    // or with a piece of its own label between (wrapped in PDF text), in the order of their places.
    const perLine = row.shape === 'cell-per-line' && o.shape === 'cell-per-line' && !pieceOfLabel(o.label, rowDef(row.key)!);
    const cells = perLine ? [...row.cells, ...o.cells] : [...row.cells, ...o.cells].sort((a, b) => place(a) - place(b));
    const apart = perLine || cells.every((c, k) => k === 0 || place(cells[k - 1]) + (cells[k - 1].span.end - cells[k - 1].span.start) <= place(c));
    if (!apart) {
      orphans.push(o);
      continue;
    }
    const joined: RowModel = { ...row, cells: cells.map((c, col) => ({ ...c, col })), span: { start: row.span.start, end: Math.max(row.span.end, o.span.end) } };
    validate(joined, rowDef(row.key)!, def);
    rows[i] = joined;
  }
  return { ...r, table: { ...r.table, rows }, orphans };
}

/** The most ways of writing a row's digits as its cells that are tried; beyond, the row is not read (safe: said once). */
const MAX_WAYS = 256;

/**
 * The ways digits written together (`0000000`, `801000081`: a text without separators) make a
 * row of `width` cells: every cell of digits (ASCII or full-width) is split into one or more numbers, none with a
 * leading zero, so that the row has `width` cells. One way: the count decides (seven digits, seven
 * cells). Several: only those on which the row's own identities hold (`ids`), for the table's
 * identities to confirm (`decideGlued`). Undefined when the cells are already as many as the
 * columns or more; an empty list when no way (or too many ways) is found.
 */
interface Ways {
  ways: CellModel[][];
  /** Chosen by the row's identities among more ways. */
  byIdentity: boolean;
}

function gluedChoices(cells: CellModel[], width: number, ids: Identity[]): Ways | undefined {
  if (cells.length >= width) return undefined;
  const ways: CellModel[][] = [];
  const part = (c: CellModel, from: number, to: number): CellModel => {
    const raw = c.raw.slice(from, to);
    return { col: 0, span: { start: c.span.start + from, end: c.span.start + to }, raw, value: parseNumber(raw), blank: false, invalid: false };
  };
  const walk = (i: number, pos: number, acc: CellModel[]): void => {
    if (ways.length > MAX_WAYS) return;
    const left = width - acc.length;
    if (i === cells.length) {
      if (left === 0) ways.push(acc.map((c, col) => ({ ...c, col })));
      return;
    }
    const c = cells[i];
    const later = cells.length - i - 1;
    if (!digitsOnly(c.raw) || c.raw.length < 2) {
      if (left - 1 >= later) walk(i + 1, 0, [...acc, c]);
      return;
    }
    // The next number of cell `c` from `pos`: to the end of the cell, or shorter, leaving digits for more.
    for (let end = c.raw.length; end > pos; end--) {
      if (end - pos > 1 && parseNumber(c.raw[pos]) === 0) continue;
      const next = [...acc, part(c, pos, end)];
      if (end === c.raw.length) {
        if (width - next.length >= later) walk(i + 1, 0, next);
      } else if (width - next.length >= later + 1) walk(i, end, next);
    }
  };
  walk(0, 0, []);
  if (ways.length > MAX_WAYS) return { ways: [], byIdentity: false };
  if (ways.length <= 1) return { ways, byIdentity: false };
  const value = (row: CellModel[], refs: CellRef[]) => refs.reduce((n, [, col]) => n + row[col].value, 0);
  return { ways: ways.filter((row) => ids.every((id) => value(row, id.lhs) === value(row, id.rhs))), byIdentity: true };
}

/** The identities of table `def` that name only cells of row `key`. */
function rowIdentities(def: TableDef, key: string): Identity[] {
  const all = def.id === 't4' ? T4_IDENTITIES : def.id === 't3' ? t3Identities(false) : [];
  return all.filter((id) => [...id.lhs, ...id.rhs].every(([k]) => k === key));
}

/**
 * A reading with rows whose digits are written together: each row's cells are one of its ways
 * (`gluedChoices`). A row with one way by count alone is read so (its arithmetic is checked like
 * any row's). Rows with a way chosen among several by their own identities are trusted only when
 * exactly one choice for all of them makes every identity of the table hold; otherwise the table
 * is doubted.
 */
function decideGlued(def: TableDef, r: ReadResult, undecided: Map<RowModel, Ways>): ReadResult {
  const fix = (row: RowModel, cells: CellModel[]) => {
    row.cells = cells;
    validate(row, rowDef(row.key)!, def);
  };
  const unsure = [...undecided.values()].filter((w) => w.ways.length !== 1 || w.byIdentity).length;
  const open: [RowModel, CellModel[][]][] = [];
  for (const [row, { ways, byIdentity }] of undecided) {
    if (ways.length === 0) return { ...r, doubt: { kind: 'glued', count: unsure } };
    if (ways.length === 1 && !byIdentity) fix(row, ways[0]);
    else open.push([row, ways]);
  }
  if (!open.length) return r;
  let found: CellModel[][] | undefined;
  let count = 0;
  const pick: CellModel[][] = [];
  const walk = (i: number): void => {
    if (count > 1) return;
    if (i === open.length) {
      open.forEach(([row], k) => (row.cells = pick[k]));
      if (holds(def, r.table.rows)) {
        count++;
        found = [...pick];
      }
      return;
    }
    for (const way of open[i][1]) {
      pick[i] = way;
      walk(i + 1);
    }
  };
  const product = open.reduce((n, [, ways]) => n * ways.length, 1);
  if (product <= MAX_WAYS && def.id !== 't2') walk(0);
  if (count !== 1 || !found) return { ...r, doubt: { kind: 'glued', count: unsure } };
  open.forEach(([row], k) => fix(row, found![k]));
  return r;
}

/** The cells a reading has, of its rows and its orphans, in text order. */
function allCells(r: ReadResult): CellModel[] {
  const cells: CellModel[] = [];
  for (const row of r.table.rows) for (const c of row.cells) cells.push(c);
  for (const row of r.orphans) for (const c of row.cells) cells.push(c);
  return cells.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Whether a row holds another whole row's numbers besides its own (twice its width, and at least two
 * more): numbers of other rows read into it, never an extra cell typed.
 */
function overfull(def: TableDef, row: RowModel): boolean {
  const width = colsOf(def, rowDef(row.key)!);
  return row.cells.length >= width + Math.max(2, width);
}

/**
 * A reading as the checker will use it. A reading whose rows all have their template widths is
 * kept. Otherwise the numbers are lined up with the template's rows in order, when they are
 * exactly as many as the rows present need (labels and numbers apart, as converters write them:
 * the numbers are all there and in order). Failing that, a reading with a few odd rows is kept
 * (a dropped or extra cell is a real finding) unless one holds another row's numbers (`overfull`),
 * and any other is doubted.
 */
function settle(def: TableDef, r: ReadResult, texts: Tok[]): ReadResult {
  const orphanGroups = r.orphans.filter((o) => o.cells.length > 0).length;
  const odd = r.table.rows.filter((row) => row.cells.length !== colsOf(def, rowDef(row.key)!)).length;
  if (!orphanGroups && odd === 0) return r;
  const lined = lineUp(def, r, texts);
  if (lined) return lined;
  if (orphanGroups) return { ...r, doubt: { kind: 'orphans', count: orphanGroups } };
  if (odd > MAX_ODD_ROWS || r.table.rows.some((row) => overfull(def, row))) return { ...r, doubt: { kind: 'widths', count: odd } };
  return r;
}

/**
 * Whether every identity of the template holds on rows lined up by order. Such a reading is a
 * guess that the numbers stand in the template's order (a PDF can put a row's total on the line
 * above its other numbers): it is only trusted when the table's own arithmetic confirms it.
 */
function holds(def: TableDef, rows: RowModel[]): boolean {
  if (def.id !== 't3') return true;
  const byKey = new Map(rows.map((r) => [r.key, r.cells]));
  const sum = (refs: CellRef[]) => refs.reduce((n, [key, col]) => n + (byKey.get(key)?.[col]?.value ?? NaN), 0);
  return t3Identities(byKey.has('t3.r6')).every((id) => sum(id.lhs) === sum(id.rhs));
}

/** The first label fragment of the region that names each template row (or null). */
function namingFragments(def: TableDef, texts: Tok[]): (Tok | null)[] {
  const found: (Tok | null)[] = def.rows.map(() => null);
  for (let k = 0; k < texts.length; k++) {
    const joined = norm(texts[k].raw);
    const core = stripMarker(joined);
    if (!joined) continue;
    for (let i = 0; i < def.rows.length; i++) if (!found[i] && isNamed(def.rows[i], joined, core)) found[i] = texts[k];
  }
  return found;
}

/**
 * The rows of a reading re-made by giving the region's numbers, in text order, to the template's
 * rows in order: every row the template requires, or every such row whose label is in the region.
 * Undefined unless the numbers are exactly as many as those rows' columns.
 */
function lineUp(def: TableDef, r: ReadResult, texts: Tok[]): ReadResult | undefined {
  const info = rowInfo(def);
  const read = new Set(r.table.rows.map((row) => row.key));
  const required: number[] = [];
  for (let i = 0; i < def.rows.length; i++) {
    const row = def.rows[i];
    const standIn = info.replacedBy[i];
    if (row.optional ? read.has(row.key) : !(standIn >= 0 && read.has(def.rows[standIn].key))) required.push(i);
  }
  const byKey = new Map(r.table.rows.map((row) => [row.key, row]));
  const width = (list: number[]) => list.reduce((n, i) => n + colsOf(def, def.rows[i]), 0);
  // Every row the template requires was read under its label: the numbers fit those rows, or no order does.
  const count = [...r.table.rows, ...r.orphans].reduce((n, row) => n + row.cells.length, 0);
  if (width(required) !== count && required.every((i) => byKey.has(def.rows[i].key))) return undefined;
  const cells = allCells(r);
  const naming = namingFragments(def, texts);
  const labelled = required.filter((i) => byKey.has(def.rows[i].key) || naming[i]);
  const order = width(required) === cells.length ? required : width(labelled) === cells.length ? labelled : undefined;
  if (!order) return undefined;
  const build = (seq: CellModel[]): RowModel[] => {
    const rows: RowModel[] = [];
    let next = 0;
    for (const i of order) {
      const rd = def.rows[i];
      const own = seq.slice(next, next + colsOf(def, rd)).map((c, col) => ({ ...c, col }));
      next += own.length;
      const was = byKey.get(rd.key);
      const tok = naming[i];
      const label = was ? was.label : tok ? tok.raw : '';
      const labelSpan = was ? was.labelSpan : tok ? { start: tok.start, end: tok.end } : { start: own[0].span.start, end: own[0].span.start };
      const row: RowModel = {
        key: rd.key,
        label,
        labelSpan,
        cells: own,
        span: { start: Math.min(labelSpan.start, own[0].span.start), end: Math.max(labelSpan.end, own[own.length - 1].span.end) },
        shape: was ? was.shape : r.table.shape,
        aligned: false,
      };
      validate(row, rd, def);
      rows.push(row);
    }
    return rows;
  };
  let rows = build(cells);
  if (!holds(def, rows)) {
    // Only numbers standing under no label, as a PDF's text without its layout leaves them, may
    // have been taken out of their row; in rows written a line each, a number on the wrong line is a finding.
    const moved = def.id === 't3' && r.orphans.some((o) => o.cells.length) ? oneMoved(def, order, cells, build) : undefined;
    if (!moved) return undefined;
    rows = build(moved);
  }
  let start = Infinity;
  let end = 0;
  for (const row of rows) {
    start = Math.min(start, row.span.start);
    end = Math.max(end, row.span.end);
  }
  return { table: { ...r.table, rows, span: { start, end } }, orphans: [] };
}

/**
 * The numbers of a table, in text order, with one of them moved to another place so that every
 * identity of the table holds (`holds`); undefined unless exactly one reading, the values of all
 * its cells, is found so. A PDF's text without its layout can take one cell out of its row: the
 * first cell, set beside a wrapped label, comes out with the label ahead of the row's other
 * numbers; a total printed a line above its row's numbers comes out rows later. `order` is the
 * template rows the numbers are given to, in order (`lineUp`).
 */
function oneMoved(def: TableDef, order: number[], cells: CellModel[], build: (seq: CellModel[]) => RowModel[]): CellModel[] | undefined {
  const n = cells.length;
  const values = Float64Array.from(cells, (c) => c.value);
  const starts = new Int32Array(order.length + 1);
  const rowAt = new Int32Array(n);
  for (let k = 0; k < order.length; k++) {
    starts[k + 1] = starts[k] + colsOf(def, def.rows[order[k]]);
    rowAt.fill(k, starts[k], starts[k + 1]);
  }
  // Each row's own identities (its total), as columns.
  const own = order.map((i) => rowIdentities(def, def.rows[i].key).map((id) => [id.lhs.map(([, c]) => c), id.rhs.map(([, c]) => c)]));
  // The number at `a` moved to `b` (`later`), or the number at `b` moved to `a`: the place each place takes its number from.
  let a = 0;
  let b = 0;
  let later = true;
  const from = (p: number): number => (p < a || p > b ? p : later ? (p === b ? a : p + 1) : p === a ? b : p - 1);
  const sum = (k: number, cols: number[]): number => {
    let t = 0;
    for (const c of cols) t += values[from(starts[k] + c)];
    return t;
  };
  const rowHolds = (k: number): boolean => own[k].every(([lhs, rhs]) => sum(k, lhs) === sum(k, rhs));
  // Rows whose totals fail in text order; and, for each way of moving, rows that fail when
  // every number of theirs comes from the next place (or the one before), counted up to each row.
  [a, b] = [n, n];
  let first = -1;
  let last = -1;
  for (let k = 0; k < order.length; k++) {
    if (rowHolds(k)) continue;
    if (first < 0) first = k;
    last = k;
  }
  if (first < 0) return undefined;
  const failsShifted = [true, false].map((way) => {
    [a, b, later] = [0, n, way];
    const count = new Int32Array(order.length + 1);
    for (let k = 0; k < order.length; k++) count[k + 1] = count[k] + (starts[k] > 0 && starts[k + 1] < n && !rowHolds(k) ? 1 : 0);
    return count;
  });
  let found: CellModel[] | undefined;
  let readings = '';
  // A move changes the places from `a` to `b` only: every row whose total fails in text order
  // has a place among them, and the rows wholly between them are shifted by one place.
  for (let lo = 0; lo < starts[first + 1]; lo++) {
    for (const way of [true, false]) {
      for (let hi = Math.max(lo + 1, starts[last]); hi < n; hi++) {
        [a, b, later] = [lo, hi, way];
        const ka = rowAt[a];
        const kb = rowAt[b];
        const shifted = failsShifted[way ? 0 : 1];
        if (kb > ka + 1 && shifted[kb] - shifted[ka + 1] > 0) break;
        if (!rowHolds(ka) || (kb !== ka && !rowHolds(kb))) continue;
        const seq = cells.map((_, p) => cells[from(p)]);
        if (!holds(def, build(seq))) continue;
        const reading = seq.map((c) => c.value).join(' ');
        if (!found) [found, readings] = [seq, reading];
        else if (reading !== readings) return undefined;
      }
    }
  }
  return found;
}

/** The shape most rows have; of shapes as common, the one that comes first. */
function mostCommonShape(rows: RowModel[]): TableShape {
  // A Map keeps its keys in the order they were first set.
  const count = new Map<TableShape, number>();
  for (const r of rows) count.set(r.shape, (count.get(r.shape) ?? 0) + 1);
  let best: TableShape = 'spaces';
  let bestN = 0;
  for (const [s, k] of count) if (k > bestN) [best, bestN] = [s, k];
  return best;
}

const T4_HEADER = new RegExp(`^(?:${T4_HEADER_WORDS.join('|')})*$`);

/** True when a text fragment is made only of table 四 header words. */
export function isT4Header(raw: string): boolean {
  return T4_HEADER.test(norm(raw));
}

/** The characters of table 四's header words. */
const T4_HEADER_CHARS = new Set(T4_HEADER_WORDS.join(''));

/**
 * True when a text fragment is a piece of table 四's header: made only of its header words'
 * characters (a narrow column breaks 结果维持 into 结 / 果 / 维 / 持).
 */
function isT4HeaderPiece(raw: string): boolean {
  const n = norm(raw);
  if (!n) return false;
  for (const c of n) if (!T4_HEADER_CHARS.has(c)) return false;
  return true;
}

/** The cells of table 四's one row, and of each of its three groups. */
const T4_WIDTH = 15;
const T4_GROUP = 5;

/** Read table 四 (one row of 15 numbers) from its header line. */
export function readT4(lines: LineList, scanned: (n: number) => ScannedLine, anchor: number, stopAt: number, inSection: (o: number) => number): ReadResult {
  const cells: CellModel[] = [];
  /** How many distinct lines the cells are on (cells arrive in line order), and the last one. */
  let cellLineCount = 0;
  let lastCellLine = -1;
  let n = anchor;
  let numbersStarted = false;
  let shape: TableShape | undefined;
  let stop = false;
  /** How many cells had been read each time header text came between the numbers, and that text (normalised). */
  const breaks: number[] = [];
  const breakTexts: string[] = [];
  const line = new LineCells();
  /** A number came from a piece of a longer line: its digits may be several cells. */
  let glued = false;
  /** Other text came before the row was whole (`foreign`), and numbers after it (`interrupted`). */
  let foreign = false;
  let interrupted = false;
  for (; n < lines.length && !stop; n++) {
    if (n === stopAt) break;
    // Before the numbers, a line without cells (the header: its text and blank fields are passed
    // over there) is not scanned.
    if (!numbersStarted && noCellsIn(lines.text, lines.starts[n], lines.endOf(n))) continue;
    const row = rowAt(lines, scanned, n, stopAt);
    const sl = row.sl;
    n = row.last;
    if (sl.skip) continue;
    line.startLine();
    for (const tok of sl.toks) {
      if (tok.kind === 'text') {
        // Pieces of the header are passed over until the row is complete (before the numbers, and
        // between them: the table split in three groups, each under its own header, in PDF text
        // and converters' output); before the numbers other text too, within the table's region
        // (up to the next heading). Other text ends a whole row; before the row is whole it is
        // passed over (a page's running header or footer in PDF text), but the row must then come
        // out whole to be read. (Digits written together are not counted as cells yet: their text ends them.)
        const header = !numbersStarted || (cells.length < T4_WIDTH && isT4HeaderPiece(tok.raw));
        if (!header) {
          if (cells.length < T4_WIDTH && !glued) {
            foreign = true;
            continue;
          }
          stop = true;
          break;
        }
        if (numbersStarted) {
          if (breaks[breaks.length - 1] !== cells.length) {
            breaks.push(cells.length);
            breakTexts.push('');
          }
          breakTexts[breakTexts.length - 1] += norm(tok.raw);
        }
        continue;
      }
      if (tok.kind === 'empty') {
        line.blank(tok);
        continue;
      }
      if (sl.piece) glued = true;
      if (foreign) interrupted = true;
      line.number(tok, cells);
      if (tok.line !== lastCellLine) {
        cellLineCount++;
        lastCellLine = tok.line;
      }
      shape ??= sl.shape;
      numbersStarted = true;
    }
    if (stop) break;
    // Blank fields after a line's last number (a delimited line's) are cells too: the row has no label to be taken for.
    if (numbersStarted) line.endDelimitedRow(cells, T4_WIDTH);
  }
  dropAlignmentFields(cells, T4_WIDTH);
  const head = lines.at(anchor)!;
  const labelSpan = { start: head.start, end: head.end };
  const split = glued ? gluedChoices(cells, T4_WIDTH, T4_IDENTITIES) : undefined;
  if (split && split.ways.length === 1) cells.splice(0, cells.length, ...split.ways[0]);
  const gluedDoubt: LayoutDoubt | undefined = split && split.ways.length !== 1 ? { kind: 'glued', count: 1 } : undefined;
  const rows: RowModel[] = [];
  if (cells.length) {
    rows.push({
      key: 't4.row',
      label: head.text.trim(),
      labelSpan,
      cells,
      span: { start: labelSpan.start, end: cells[cells.length - 1].span.end },
      shape: cells.length > 1 && cellLineCount === cells.length ? 'cell-per-line' : (shape ?? 'spaces'),
      aligned: cells.length === T4_WIDTH && cells.every((c) => !c.invalid),
    });
  }
  const end = rows.length ? rows[0].span.end : labelSpan.end;
  const apart = breaks.some((b) => b < cells.length);
  return {
    table: { id: 't4', span: { start: labelSpan.start, end }, rows, shape: rows[0]?.shape ?? 'spaces', inSection: inSection(labelSpan.start) },
    orphans: [],
    doubt:
      gluedDoubt ??
      (interrupted && cells.length !== T4_WIDTH ? { kind: 'interrupted' } : undefined) ??
      (apart && !inGroups(breaks, breakTexts, cells.length) ? { kind: 'order' } : undefined),
  };
}

/** The header of each group's last column, its total (`总计`). */
const T4_TOTAL_HEADER = norm(T4_GROUP_COLUMNS[T4_GROUP - 1]);

/**
 * Whether table 四's `count` numbers, split by header text after `breaks[k]` of them
 * (`texts[k]`), are in the template's order: each run of them is whole groups of the table
 * (行政复议, and each kind of 行政诉讼: five columns each), or a group's four results followed,
 * under its own header alone, by the group's total (a total column wide enough for its header to
 * stand on one line: `2 0 0 0 总计 2`). A PDF that stores vertical header text cell by cell
 * interleaves the numbers otherwise, and their order is not known.
 */
function inGroups(breaks: number[], texts: string[], count: number): boolean {
  let from = 0;
  for (let k = 0; k < breaks.length && breaks[k] < count; k++) {
    const b = breaks[k];
    const next = k + 1 < breaks.length && breaks[k + 1] < count ? breaks[k + 1] : count;
    const results = T4_GROUP - 1;
    if (b % T4_GROUP !== 0 && !(b - from === results && b % T4_GROUP === results && texts[k] === T4_TOTAL_HEADER && next === b + 1)) return false;
    // A group's own label before its numbers (a group a row) must be the group that stands there.
    const named = groupNamed(texts[k]);
    if (b % T4_GROUP === 0 && named >= 0 && named !== b / T4_GROUP) return false;
    from = b;
  }
  return count % T4_GROUP === 0;
}

/** Each kind of 行政诉讼 by its own words (未经复议直接起诉, 复议后起诉), and the words of the kind they are of (行政诉讼). */
const LITIGATION_KINDS = T4_GROUPS.map((g) => g.split('·'));

/** The 行政诉讼 group (1, 2) a normalised header text is the label of, alone (with or without 行政诉讼), or -1. */
function groupNamed(text: string): number {
  return LITIGATION_KINDS.findIndex((words) => words.length === 2 && (text === words[1] || text === words.join('')));
}
