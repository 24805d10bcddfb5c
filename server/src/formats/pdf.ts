/**
 * PDF → report text, from what pdf.js finds on each page (no OCR): the text with its positions,
 * and the ruling lines tables are drawn with. Where rules enclose a table, its cells are the
 * boxes the rules make (a box without a rule through it spans rows or columns, as a merged cell
 * does) and the text in each box is that cell's, whatever order the file stores the text in; the
 * table is then written as an HTML table is; a table a page or column break cuts goes on in the
 * next one (a row cut in two is one row). A page set in columns is read a column at a time. Other
 * text is put in lines by baseline, in order of x, a wide gap between two pieces separating
 * cells. A document that draws no rules at all is read in the order the file stores its text (a
 * printed page's or a Word export's reading order): without rules, the place of text on the page
 * does not tell a table's rows and columns from a page's, so nothing is guessed from it but the
 * lines and their cells. Lines repeated at the top or bottom of the pages (running headers and
 * footers) and page numbers there are dropped.
 */
import './pdf-globals';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { DocumentReading } from './index';
import { LayoutBuilder, NUMBER, writeTable, type GridCell, type Run } from './layout';

// pdf.js runs its worker in this thread when it finds the worker's module here.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;

interface Piece {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Line {
  y: number;
  size: number;
  pieces: Piece[];
  page: number;
  pageHeight: number;
}

/** A horizontal (y, x1..x2) or vertical (x, y1..y2) ruling line, in page space. */
interface Rule {
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

/** A table found by its rules: the grid's column x's (left to right) and row y's (top to bottom). */
interface RuledTable {
  xs: number[];
  ys: number[];
  rules: Rule[];
  cells: Piece[][][];
  /** Per column: no rule closes it at the table's top (bottom), as where a page or column break cuts a cell. */
  openAbove: boolean[];
  openBelow: boolean[];
}

const TOLERANCE = 2;
const PAGE_NUMBER = /^([-—–－\s]*[0-9]+[-—–－\s]*|第\s*[0-9]+\s*页.*|[0-9]+\s*\/\s*[0-9]+|page\s*[0-9]+.*)$/i;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The ruling lines a page draws: axis-aligned stroked segments and thin filled rectangles. */
async function rulesOf(page: pdfjs.PDFPageProxy): Promise<Rule[]> {
  const ops = await page.getOperatorList();
  const OPS = pdfjs.OPS as Record<string, number>;
  const painting = new Set(['stroke', 'closeStroke', 'fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map((n) => OPS[n]));
  const strokes = new Set(['stroke', 'closeStroke'].map((n) => OPS[n]));
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const segment = (a: [number, number], b: [number, number]) => {
    if (Math.abs(a[1] - b[1]) <= 0.5 && Math.abs(a[0] - b[0]) > 3)
      rules.push({ horizontal: true, at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) });
    else if (Math.abs(a[0] - b[0]) <= 0.5 && Math.abs(a[1] - b[1]) > 3)
      rules.push({ horizontal: false, at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const [op, data] = args as [number, (Float32Array | number[] | null)[]];
      const path = data?.[0];
      if (!painting.has(op) || !path) continue;
      // Subpaths of the path (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4).
      const subpaths: [number, number][][] = [];
      for (let k = 0; k < path.length; ) {
        const code = path[k];
        if (code === 0) {
          subpaths.push([apply(ctm, path[k + 1], path[k + 2])]);
          k += 3;
        } else if (code === 1) {
          subpaths[subpaths.length - 1]?.push(apply(ctm, path[k + 1], path[k + 2]));
          k += 3;
        } else if (code === 2) k += 7;
        else if (code === 3) k += 5;
        else {
          const sp = subpaths[subpaths.length - 1];
          if (sp?.length) sp.push(sp[0]);
          k += 1;
        }
      }
      for (const sp of subpaths) {
        const xs = sp.map((p) => p[0]);
        const ys = sp.map((p) => p[1]);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        if (!strokes.has(op) && sp.length >= 4) {
          // A filled rectangle is a rule when it is thin; a wide one is a background.
          if (y1 - y0 <= 3 && x1 - x0 > 3) rules.push({ horizontal: true, at: (y0 + y1) / 2, from: x0, to: x1 });
          else if (x1 - x0 <= 3 && y1 - y0 > 3) rules.push({ horizontal: false, at: (x0 + x1) / 2, from: y0, to: y1 });
        } else for (let k = 1; k < sp.length; k++) segment(sp[k - 1], sp[k]);
      }
    }
  }
  return rules;
}

/** Positions within TOLERANCE of each other taken as one, sorted. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out[out.length - 1] > TOLERANCE) out.push(v);
  return out;
}

/** Tables: groups of crossing rules with at least two rows and two columns. */
function tablesOf(rules: Rule[]): RuledTable[] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // Rules meet when they cross, or when one continues the other (a border drawn cell by cell).
  const meet = (a: Rule, b: Rule) =>
    a.horizontal === b.horizontal
      ? Math.abs(a.at - b.at) <= TOLERANCE && a.from <= b.to + TOLERANCE && b.from <= a.to + TOLERANCE
      : b.at >= a.from - TOLERANCE && b.at <= a.to + TOLERANCE && a.at >= b.from - TOLERANCE && a.at <= b.to + TOLERANCE;
  for (let i = 0; i < rules.length; i++) for (let j = i + 1; j < rules.length; j++) if (meet(rules[i], rules[j])) parent[find(i)] = find(j);
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const g = find(i);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(r);
  });
  const framed = [...groups.values()].filter((g) => g.some((r) => r.horizontal));
  // A column that is one merged cell all the way down a page's part of a table (a group label cut
  // by the page break) has no rule across it: its side rules, reaching the cut as the table's
  // do, belong to the nearest table beside them that the cut leaves open.
  const span = (g: Rule[]) => {
    const v = g.filter((r) => !r.horizontal);
    const h = g.filter((r) => r.horizontal).map((r) => r.at);
    return { top: Math.max(...v.map((r) => r.to)), bottom: Math.min(...v.map((r) => r.from)), left: Math.min(...v.map((r) => r.at)), right: Math.max(...v.map((r) => r.at)), first: Math.max(...h), last: Math.min(...h) };
  };
  for (const g of groups.values()) {
    if (g.some((r) => r.horizontal)) continue;
    const v = span(g);
    let best: Rule[] | undefined;
    let distance = Infinity;
    for (const f of framed) {
      const e = span(f);
      const open = e.top > e.first + TOLERANCE || e.bottom < e.last - TOLERANCE;
      if (!open || Math.abs(v.top - e.top) > TOLERANCE || Math.abs(v.bottom - e.bottom) > TOLERANCE || (v.right >= e.left && v.left <= e.right)) continue;
      const d = v.right < e.left ? e.left - v.right : v.left - e.right;
      if (d < distance) [best, distance] = [f, d];
    }
    best?.push(...g);
  }
  const tables: RuledTable[] = [];
  for (const g of framed) {
    const verticals = g.filter((r) => !r.horizontal);
    const xs = cluster(verticals.map((r) => r.at));
    const ys = cluster(g.filter((r) => r.horizontal).map((r) => r.at)).reverse();
    if (xs.length < 3 || !ys.length) continue;
    // A table cut by a page break has no rule where the page cuts it: its sides end there.
    const top = Math.max(...verticals.map((r) => r.to));
    const bottom = Math.min(...verticals.map((r) => r.from));
    const edge = (at: number) => g.push({ horizontal: true, at, from: xs[0], to: xs[xs.length - 1] });
    const openTop = top > ys[0] + TOLERANCE;
    const openBottom = bottom < ys[ys.length - 1] - TOLERANCE;
    // Where the sides end at a rule, a column with none there is a cell going on over the break.
    const unruled = (at: number) => xs.slice(1).map((x, c) => !g.some((r) => r.horizontal && Math.abs(r.at - at) <= TOLERANCE && r.from <= (xs[c] + x) / 2 && r.to >= (xs[c] + x) / 2));
    const openAbove = openTop ? xs.slice(1).map(() => true) : unruled(ys[0]);
    const openBelow = openBottom ? xs.slice(1).map(() => true) : unruled(ys[ys.length - 1]);
    if (openTop) {
      ys.unshift(top);
      edge(top);
    }
    if (openBottom) {
      ys.push(bottom);
      edge(bottom);
    }
    if (ys.length < 2) continue;
    tables.push({ xs, ys, rules: g, cells: ys.slice(1).map(() => xs.slice(1).map(() => [])), openAbove, openBelow });
  }
  return tables;
}

/** The table box a point is in: [row, column] of the grid, or undefined. */
function boxAt(t: RuledTable, x: number, y: number): [number, number] | undefined {
  if (x < t.xs[0] || x > t.xs[t.xs.length - 1] || y > t.ys[0] || y < t.ys[t.ys.length - 1]) return undefined;
  let col = 0;
  while (col < t.xs.length - 2 && x >= t.xs[col + 1]) col++;
  let row = 0;
  while (row < t.ys.length - 2 && y <= t.ys[row + 1]) row++;
  return [row, col];
}

/** The merged cells of a ruled table: boxes with no rule between them are one cell. */
function gridOf(t: RuledTable, run: (pieces: Piece[]) => Run[]): { grid: (GridCell | undefined)[][]; cells: GridCell[] } {
  const rows = t.ys.length - 1;
  const cols = t.xs.length - 1;
  const ruled = (horizontal: boolean, at: number, across: number) =>
    t.rules.some((r) => r.horizontal === horizontal && Math.abs(r.at - at) <= TOLERANCE && across >= r.from - 1 && across <= r.to + 1);
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const midY = (t.ys[r] + t.ys[r + 1]) / 2;
      const midX = (t.xs[c] + t.xs[c + 1]) / 2;
      if (c + 1 < cols && !ruled(false, t.xs[c + 1], midY)) parent[find(id(r, c))] = find(id(r, c + 1));
      if (r + 1 < rows && !ruled(true, t.ys[r + 1], midX)) parent[find(id(r, c))] = find(id(r + 1, c));
    }
  }
  const byRoot = new Map<number, GridCell & { pieces: Piece[] }>();
  const grid: (GridCell | undefined)[][] = Array.from({ length: rows }, () => new Array<GridCell | undefined>(cols));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      let cell = byRoot.get(root);
      if (!cell) {
        cell = { runs: [], text: '', row: r, col: c, rowspan: 1, colspan: 1, pieces: [] };
        byRoot.set(root, cell);
      }
      cell.rowspan = Math.max(cell.rowspan, r - cell.row + 1);
      cell.colspan = Math.max(cell.colspan, c - cell.col + 1);
      cell.pieces.push(...t.cells[r][c]);
      grid[r][c] = cell;
    }
  }
  const cells = [...byRoot.values()];
  for (const cell of cells) {
    cell.runs = run(cell.pieces);
    cell.text = cell.runs.map((x) => x.text).join('').replace(/[\s\u00a0\u3000]+/g, '');
  }
  return { grid, cells };
}

type Grid = { grid: (GridCell | undefined)[][]; cells: GridCell[] };

/** A table read so far that a break may cut: its grid, its columns (x from its left side), the columns open at its foot. */
interface OpenTable {
  grid: Grid;
  columns: number[];
  openBelow: boolean[];
}

/**
 * A table a page or column break cuts goes on in the next table when that one has the same
 * columns and cells open where the first one's are. Where every column is open, the break cut a
 * row in two: it is one row (each cell's text joined). Where some are (a group label over the
 * break), those cells span the rows on both sides. Undefined when the tables do not fit.
 */
function continueGrid(before: OpenTable, t: RuledTable, after: Grid): Grid | undefined {
  const xs = t.xs.map((x) => x - t.xs[0]);
  if (xs.length !== before.columns.length || xs.some((x, i) => Math.abs(x - before.columns[i]) > TOLERANCE)) return undefined;
  const open = t.openAbove.map((o, c) => o && before.openBelow[c]);
  if (!open.some(Boolean)) return undefined;
  const whole = open.every(Boolean);
  const rows = before.grid.grid;
  const last = rows.length - 1;
  const joined = new Map<GridCell, GridCell>();
  for (const c of new Set(after.grid[0])) {
    if (!c) continue;
    const cols = open.slice(c.col, c.col + c.colspan);
    if (!cols.some(Boolean)) continue;
    const into = rows[last][c.col];
    if (!into || into.col !== c.col || into.colspan !== c.colspan || !cols.every(Boolean)) return undefined;
    joined.set(c, into);
  }
  for (const [c, into] of joined) {
    into.runs = [...into.runs, ...c.runs];
    into.text += c.text;
    into.rowspan += c.rowspan - (whole ? 1 : 0);
  }
  const offset = whole ? last : last + 1;
  const cells = [...before.grid.cells];
  for (const c of after.cells) {
    if (joined.has(c)) continue;
    c.row += offset;
    cells.push(c);
  }
  const grid = rows.map((row) => [...row]);
  for (const row of whole ? after.grid.slice(1) : after.grid) grid.push(row.map((c) => (c ? (joined.get(c) ?? c) : c)));
  return { grid, cells };
}

/** Pieces in lines, top to bottom, each line left to right. */
function linesOf(pieces: Piece[], page: number, pageHeight: number): Line[] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const p of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - p.y) <= Math.min(last.size, p.size) * 0.4) {
      last.pieces.push(p);
      last.size = Math.max(last.size, p.size);
    } else lines.push({ y: p.y, size: p.size, pieces: [p], page, pageHeight });
  }
  for (const l of lines) l.pieces.sort((a, b) => a.x - b.x);
  return lines;
}

/**
 * A piece split at the spaces inside it (a file may set a label and its value as one string with
 * a space between them): each part placed by its share of the piece's width, a full-width
 * character counting twice.
 */
function words(p: Piece): Piece[] {
  const parts = p.str.split(/(\s+)/);
  if (parts.length < 3) return [p];
  const weight = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);
  const unit = p.width / weight(p.str);
  const out: Piece[] = [];
  let x = p.x;
  for (const s of parts) {
    if (s.trim()) out.push({ ...p, str: s, x, width: weight(s) * unit });
    x += weight(s) * unit;
  }
  return out;
}

/**
 * Pieces in lines in the order the file stores them: a piece goes on the line before it when it
 * stands on the same baseline to its right; anything else starts a line.
 */
function storedLinesOf(pieces: Piece[], page: number, pageHeight: number): Line[] {
  const lines: Line[] = [];
  let end = -Infinity;
  for (const p of pieces.flatMap(words)) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - p.y) <= Math.min(last.size, p.size) * 0.4 && p.x >= end - TOLERANCE) {
      last.pieces.push(p);
      last.size = Math.max(last.size, p.size);
    } else lines.push({ y: p.y, size: p.size, pieces: [p], page, pageHeight });
    end = p.x + p.width;
  }
  return lines;
}

/** A cell whose text (without spaces) is a number. */
const isNumber = (cell: Piece[]) => cell.length > 0 && NUMBER.test(cell.map((p) => p.str.trim()).join(''));

/** A gap between two pieces of a line that shows as space (in ems of the line's size). */
const VISIBLE_GAP = 0.15;

/**
 * A line's pieces as cells: a gap wider than about a character starts a new one. Where no rules
 * draw the cells (`apart`), a number at a cell's end set apart from what comes before it by a
 * visible gap is a cell of its own too (a label and its value, or two values, in narrow columns).
 */
function cellsOf(line: Line, apart = false): Piece[][] {
  const cells: Piece[][] = [];
  let end = -Infinity;
  for (const p of line.pieces) {
    if (!cells.length || p.x - end > Math.max(line.size, p.size) * 1.2) cells.push([p]);
    else cells[cells.length - 1].push(p);
    end = Math.max(end, p.x + p.width);
  }
  if (!apart) return cells;
  return cells.flatMap((cell) => {
    const out: Piece[][] = [];
    let rest = cell;
    for (let k = rest.length - 1; k > 0; k--) {
      const gap = rest[k].x - (rest[k - 1].x + rest[k - 1].width);
      if (gap > line.size * VISIBLE_GAP && isNumber(rest.slice(k))) {
        out.unshift(rest.slice(k));
        rest = rest.slice(0, k);
      }
    }
    return [rest, ...out];
  });
}

/**
 * Blank cells of rows drawn without rules, told from the rows beside them: where a row's numbers
 * stand under the first and last numbers of the row before it (or else after it), each under a
 * number of its own, the numbers of that row with none under them are blank cells of this one.
 * Only cells between two numbers are told: a blank cell at a row's end looks like a shorter row.
 */
function fillBlanks(rows: Piece[][][]): void {
  const numbersOf = (row: Piece[][]) => {
    let k = row.length;
    while (k > 0 && isNumber(row[k - 1])) k--;
    return { start: k, cells: row.slice(k) };
  };
  const numbered = rows.map((row) => ({ row, ...numbersOf(row) })).filter((r) => r.cells.length >= 2);
  const extent = (c: Piece[]) => [Math.min(...c.map((p) => p.x)), Math.max(...c.map((p) => p.x + p.width))];
  const under = (a: Piece[], b: Piece[]) => {
    const [a0, a1] = extent(a);
    const [b0, b1] = extent(b);
    return a0 <= b1 + TOLERANCE && b0 <= a1 + TOLERANCE;
  };
  numbered.forEach(({ row, start, cells }, i) => {
    for (const beside of [numbered[i - 1], numbered[i + 1]]) {
      if (!beside || beside.cells.length <= cells.length) continue;
      const at = cells.map((c) => beside.cells.findIndex((b) => under(c, b)));
      if (at[0] !== 0 || at[at.length - 1] !== beside.cells.length - 1 || at.some((j, k) => k > 0 && j <= at[k - 1])) continue;
      row.splice(start, cells.length, ...beside.cells.map((_, j) => (at.includes(j) ? cells[at.indexOf(j)] : [])));
      return;
    }
  });
}

/** Pieces as text: a space only where the PDF leaves a visible gap between two ASCII words. */
function joinPieces(pieces: Piece[], size: number): string {
  let s = '';
  let end = -Infinity;
  for (const p of pieces) {
    if (s && p.x - end > size * VISIBLE_GAP && /[0-9A-Za-z]$/.test(s) && /^[0-9A-Za-z]/.test(p.str)) s += ' ';
    s += p.str;
    end = p.x + p.width;
  }
  return s;
}

const lineText = (l: Line) => l.pieces.map((p) => p.str).join('').trim();

/** Running headers and footers (the same text, digits aside, at the top or bottom of most pages) and page numbers there. */
function margins(lines: Line[], pages: number): Set<Line> {
  const drop = new Set<Line>();
  const inMargin = (l: Line) => l.y > l.pageHeight * 0.9 || l.y < l.pageHeight * 0.1;
  const key = (l: Line) => `${Math.round(l.y / 4)}|${lineText(l).replace(/[0-9]+/g, '#').replace(/\s+/g, '')}`;
  const pagesOf = new Map<string, Set<number>>();
  for (const l of lines) {
    if (!inMargin(l)) continue;
    const k = key(l);
    if (!pagesOf.has(k)) pagesOf.set(k, new Set());
    pagesOf.get(k)!.add(l.page);
  }
  for (const l of lines) {
    if (!inMargin(l)) continue;
    if ((cellsOf(l).length === 1 && PAGE_NUMBER.test(lineText(l))) || (pages > 1 && pagesOf.get(key(l))!.size >= Math.max(2, Math.ceil(pages / 2)))) drop.add(l);
  }
  return drop;
}

/** A part of a page read on its own, top to bottom: the whole page, or a column of a page set in columns. */
interface Region {
  lines: Line[];
  tables: RuledTable[];
  /** A box across the columns on its own: a paragraph neither goes on into it nor out of it. */
  alone?: boolean;
}

const UNRULED = {
  'zh-CN': 'PDF 中的表格没有表格线：按文件中文字的顺序读取，单元格按文字间距和上下行的对齐划分，可能读错：请核对 extract 导出的表格，或改查网页或 Word 原件',
  en: 'the PDF draws its tables without rules: they are read in the order the file stores its text, their cells told by the gaps between words and by the rows above and below, and may be misread: check the tables extract writes, or the page or Word original',
};

interface PageContent {
  page: number;
  top: number;
  free: Piece[];
  tables: RuledTable[];
  regions: Region[];
}

/** Something on a page that takes room: a piece of text or a table. */
interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  piece?: Piece;
  table?: RuledTable;
}

const boxOfPiece = (p: Piece): Box => ({ x0: p.x, x1: p.x + p.width, y0: p.y - p.size * 0.2, y1: p.y + p.size * 0.8, piece: p });
const boxOfTable = (t: RuledTable): Box => ({ x0: t.xs[0], x1: t.xs[t.xs.length - 1], y0: t.ys[t.ys.length - 1], y1: t.ys[0], table: t });

/**
 * The regions of a page in reading order. A page set in columns has a gutter: a band no text or
 * table crosses (only a few wide boxes may, a title over both columns), with text filling the
 * width of each side in many lines (a table counts by its height); then each stretch between two
 * wide boxes is read left side first, then right side (each side split again if it has columns of
 * its own). Anything else is one region: text aligned in columns of a table without rules has no
 * side filled with lines, so its rows stay rows.
 */
function regionsOf(boxes: Box[], page: number, pageHeight: number): Region[] {
  const region = (bs: Box[]): Region => ({
    lines: linesOf(bs.flatMap((b) => (b.piece ? [b.piece] : [])), page, pageHeight),
    tables: bs.flatMap((b) => (b.table ? [b.table] : [])),
  });
  if (boxes.length < 6) return [region(boxes)];
  const x0 = Math.min(...boxes.map((b) => b.x0));
  const x1 = Math.max(...boxes.map((b) => b.x1));
  const sizes = boxes.flatMap((b) => (b.piece ? [b.piece.size] : [])).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)] ?? 10;
  const wide = (b: Box) => b.x1 - b.x0 > (x1 - x0) * 0.6;
  // The widest band inside the page's extent that no narrow box crosses.
  const spans = boxes.filter((b) => !wide(b)).map((b) => [b.x0, b.x1]).sort((a, b) => a[0] - b[0]);
  let gutter: [number, number] | undefined;
  let reach = x0;
  for (const [a, b] of spans) {
    if (a - reach >= size && reach > x0 && (!gutter || a - reach > gutter[1] - gutter[0])) gutter = [reach, a];
    reach = Math.max(reach, b);
  }
  if (!gutter) return [region(boxes)];
  const [g0, g1] = gutter;
  const crossing = (b: Box) => b.x0 < g0 && b.x1 > g1;
  const left = boxes.filter((b) => !crossing(b) && b.x1 <= g0 + TOLERANCE);
  const right = boxes.filter((b) => !crossing(b) && b.x0 >= g1 - TOLERANCE);
  const top = Math.max(...boxes.map((b) => b.y1));
  const bottom = Math.min(...boxes.map((b) => b.y0));
  // Each side is filled: lines running most of its width (or tables) over a fifth of the page's height.
  const filled = (side: Box[], from: number, to: number) => {
    const width = to - from;
    let height = 0;
    for (const b of side) if (b.table && b.x1 - b.x0 >= width * 0.7) height += b.y1 - b.y0;
    for (const l of linesOf(side.flatMap((b) => (b.piece ? [b.piece] : [])), page, pageHeight)) {
      const last = l.pieces[l.pieces.length - 1];
      if (last.x + last.width - l.pieces[0].x >= width * 0.7) height += l.size;
    }
    return height >= (top - bottom) * 0.2;
  };
  if (!filled(left, x0, g0) || !filled(right, g1, x1)) return [region(boxes)];
  // Stretches between the boxes that cross the gutter, top to bottom.
  const across = boxes.filter(crossing).sort((a, b) => b.y1 - a.y1);
  const out: Region[] = [];
  let above = Infinity;
  for (const cut of [...across, undefined]) {
    const below = cut ? cut.y1 : -Infinity;
    const within = (b: Box) => b.y1 <= above + TOLERANCE && b.y1 > below;
    out.push(...regionsOf(left.filter(within), page, pageHeight), ...regionsOf(right.filter(within), page, pageHeight));
    if (cut) out.push({ ...region([cut]), alone: true });
    above = cut ? cut.y0 : -Infinity;
  }
  return out.filter((r) => r.lines.length || r.tables.length);
}

export async function readPdf(bytes: Uint8Array): Promise<DocumentReading> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const top = page.view[3];
      const tables = tablesOf(await rulesOf(page));
      const free: Piece[] = [];
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        const p: Piece = { str: item.str, x: e, y: f, width: item.width, size: Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10 };
        const cx = p.x + p.width / 2;
        const cy = p.y + p.size * 0.35;
        let placed = false;
        for (const t of tables) {
          const box = boxAt(t, cx, cy);
          if (box) {
            t.cells[box[0]][box[1]].push(p);
            placed = true;
            break;
          }
        }
        if (!placed) free.push(p);
      }
      pages.push({ page: n, top, free, tables: tables.filter((t) => t.cells.some((r) => r.some((c) => c.length))), regions: [] });
      page.cleanup();
    }
    const ruled = pages.some((p) => p.tables.length);
    for (const p of pages)
      p.regions = ruled ? regionsOf([...p.free.map(boxOfPiece), ...p.tables.map(boxOfTable)], p.page, p.top) : [{ lines: storedLinesOf(p.free, p.page, p.top), tables: [] }];
    const drop = margins(pages.flatMap((p) => p.regions.flatMap((r) => r.lines)), doc.numPages);
    const out = new LayoutBuilder();
    // A paragraph wrapped over several lines: a line of one cell that runs to the right edge of
    // the text of its page (or column) goes on in the next line of one cell that starts at the
    // left edge (in this column, the next or on the next page).
    let paragraph: Run[] = [];
    const endParagraph = () => {
      if (paragraph.length) out.line([paragraph]);
      paragraph = [];
    };
    // A table cut at its foot by a page or column break, written when it ends (it may go on in the next table).
    let open: OpenTable | undefined;
    const flushTable = () => {
      if (open) writeTable(out, open.grid.grid, open.grid.cells);
      open = undefined;
    };
    // Each line's cells, and whether it stops short of the right edge of its page's (or column's)
    // text; without rules, a row's blank cells are told from the rows beside it.
    const read = new Map<Line, { cells: Piece[][]; short: boolean }>();
    for (const region of pages.flatMap((p) => p.regions)) {
      const lines = region.lines.filter((l) => !drop.has(l));
      const right = Math.max(...lines.map((l) => l.pieces[l.pieces.length - 1].x + l.pieces[l.pieces.length - 1].width));
      for (const l of lines) {
        const last = l.pieces[l.pieces.length - 1];
        const short = last.x + last.width < right - l.size * 4;
        // Without rules, a row of a table, or a line that stops short, may hold a label and its value in narrow columns.
        const cells = cellsOf(l);
        read.set(l, { cells: !ruled && (short || cells.length > 1) ? cellsOf(l, true) : cells, short });
      }
    }
    if (!ruled) fillBlanks([...read.values()].map((r) => r.cells));
    for (const p of pages) {
      const place = out.place({ page: p.page });
      const run = (s: string): Run => ({ text: s, offsets: new Array<number>(s.length).fill(-1), place });
      // A cell's text: its lines in order, joined (a label wrapped in its cell reads as one).
      const cellRuns = (pieces: Piece[]): Run[] => linesOf(pieces, p.page, 0).map((l) => run(joinPieces(l.pieces, l.size) + ' '));
      for (const region of p.regions) {
        if (region.alone) endParagraph();
        const lines = region.lines.filter((l) => !drop.has(l));
        const left = Math.min(...lines.map((l) => l.pieces[0].x));
        const blocks = [
          ...lines.map((l) => ({
            y: l.y,
            table: false,
            write: () => {
              const { cells, short } = read.get(l)!;
              // A line of several cells is a table's row; so is a line of one number (no running text is).
              if (cells.length > 1 || isNumber(cells[0])) {
                endParagraph();
                out.line(cells.map((c) => [run(joinPieces(c, l.size))]), !ruled);
                return;
              }
              // Not a continuation: the line before stopped short, or this one is indented (a first line, a heading, a signature).
              if (l.pieces[0].x > left + l.size * 0.5) endParagraph();
              paragraph.push(run(joinPieces(cells[0], l.size)));
              if (short) endParagraph();
            },
          })),
          ...region.tables.map((t) => ({
            y: t.ys[0],
            table: true,
            write: () => {
              endParagraph();
              const read = gridOf(t, cellRuns);
              const grid = (open && continueGrid(open, t, read)) || (flushTable(), read);
              open = { grid, columns: t.xs.map((x) => x - t.xs[0]), openBelow: t.openBelow };
              if (!t.openBelow.some(Boolean)) flushTable();
            },
          })),
        ];
        if (region.tables.length) blocks.sort((a, b) => b.y - a.y);
        for (const b of blocks) {
          if (!b.table) flushTable();
          b.write();
        }
        if (region.alone) endParagraph();
      }
    }
    flushTable();
    endParagraph();
    const r = out.finish();
    // Tables drawn without rules: rows of numbers split only by the gaps in their lines.
    const rows = pages.flatMap((p) => p.regions.flatMap((g) => g.lines)).filter((l) => !drop.has(l) && cellsOf(l).filter((c) => /^[0-9.,\s]+$/.test(c.map((x) => x.str).join(''))).length >= 2);
    const warnings = !ruled && rows.length >= 3 ? [UNRULED] : [];
    return { ok: true, kind: 'pdf', text: r.text, map: r.map, warnings };
  } finally {
    await doc.destroy();
  }
}
