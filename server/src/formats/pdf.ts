/**
 * PDF → report text, from the positioned text pdf.js finds on each page (no OCR). Text is put in
 * lines by baseline and within a line in order of x, whatever order the file stores it in; a gap
 * wider than a character or two between two pieces of a line separates cells (a tab). Lines that
 * repeat at the top or bottom of the pages (running headers and footers) and page numbers there
 * are dropped. A page whose label wrapped in its cell while the row's numbers sit on the line
 * between the label's lines is read back as one row: the label's lines joined, then the numbers.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { DocumentReading } from './index';
import { LayoutBuilder, type Run } from './layout';

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
  /** Height of the page, to tell its top and bottom margins. */
  pageHeight: number;
}

const NUMBER = /^[-−]?[0-9][0-9,.]*%?$/;
const PAGE_NUMBER = /^([-—–－\s]*[0-9]+[-—–－\s]*|第\s*[0-9]+\s*页.*|[0-9]+\s*\/\s*[0-9]+|page\s*[0-9]+.*)$/i;

/** Pieces of one page in lines, top to bottom. */
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

/** A line's pieces grouped into cells: a gap wider than one character starts a new cell. */
function cellsOf(line: Line): Piece[][] {
  const cells: Piece[][] = [];
  let end = -Infinity;
  for (const p of line.pieces) {
    if (!cells.length || p.x - end > Math.max(line.size, p.size) * 1.2) cells.push([p]);
    else cells[cells.length - 1].push(p);
    end = Math.max(end, p.x + p.width);
  }
  return cells;
}

const textOfCell = (c: Piece[]): string => c.map((p) => p.str).join('').trim();

/** Running headers and footers: the same text (digits aside) at the top or bottom of several pages; page numbers there. */
function margins(lines: Line[], pages: number): Set<Line> {
  const drop = new Set<Line>();
  const inMargin = (l: Line) => l.y > l.pageHeight * 0.9 || l.y < l.pageHeight * 0.1;
  const key = (l: Line) => `${Math.round(l.y / 4)}|${l.pieces.map((p) => p.str).join('').replace(/[0-9]+/g, '#').replace(/\s+/g, '')}`;
  const counts = new Map<string, Set<number>>();
  for (const l of lines) {
    if (!inMargin(l)) continue;
    const k = key(l);
    if (!counts.has(k)) counts.set(k, new Set());
    counts.get(k)!.add(l.page);
  }
  for (const l of lines) {
    if (!inMargin(l)) continue;
    const text = l.pieces.map((p) => p.str).join('').trim();
    if (PAGE_NUMBER.test(text) || (pages > 1 && counts.get(key(l))!.size >= Math.max(2, Math.ceil(pages / 2)))) drop.add(l);
  }
  return drop;
}

export async function readPdf(bytes: Uint8Array): Promise<DocumentReading> {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const lines: Line[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , , top] = page.view;
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
        pieces.push({ str: item.str, x: e, y: f, width: item.width, size });
      }
      lines.push(...linesOf(pieces, n, top));
      page.cleanup();
    }
    if (!lines.length) return { ok: true, kind: 'pdf', text: '', map: { offsets: new Int32Array(0), placeOf: new Int32Array(0), places: [] }, warnings: [] };
    const drop = margins(lines, doc.numPages);
    const kept = lines.filter((l) => !drop.has(l));
    const out = new LayoutBuilder();
    const pagePlace = new Map<number, number>();
    const placeOf = (page: number) => {
      if (!pagePlace.has(page)) pagePlace.set(page, out.place({ page }));
      return pagePlace.get(page)!;
    };
    const run = (s: string, page: number): Run => ({ text: s, offsets: new Array<number>(s.length).fill(-1), place: placeOf(page) });
    const cellsOfLine = kept.map(cellsOf);
    const isNumbers = (cells: Piece[][]) => cells.length > 0 && cells.every((c) => NUMBER.test(textOfCell(c)));
    const isLabel = (cells: Piece[][]) => cells.length === 1 && !NUMBER.test(textOfCell(cells[0]));
    for (let i = 0; i < kept.length; i++) {
      const l = kept[i];
      const cells = cellsOfLine[i];
      // A label wrapped around its row's numbers (numbers centred on the row): label above and below, numbers between.
      const next = kept[i + 1];
      if (
        isLabel(cells) && next && isNumbers(cellsOfLine[i + 1]) && kept[i + 2] && isLabel(cellsOfLine[i + 2]) &&
        next.page === l.page && kept[i + 2].page === l.page &&
        Math.abs(cells[0][0].x - cellsOfLine[i + 2][0][0].x) < l.size * 0.5 &&
        cellsOfLine[i + 1][0][0].x > cells[0][cells[0].length - 1].x &&
        l.y - kept[i + 2].y < l.size * 2.6
      ) {
        const label = textOfCell(cells[0]) + textOfCell(cellsOfLine[i + 2][0]);
        out.line([[run(label, l.page)], ...cellsOfLine[i + 1].map((c) => [run(textOfCell(c), l.page)])]);
        i += 2;
        continue;
      }
      out.line(cells.map((c) => [run(joinPieces(c, l.size), l.page)]));
    }
    const r = out.finish();
    return { ok: true, kind: 'pdf', text: r.text, map: r.map, warnings: [] };
  } finally {
    await doc.destroy();
  }
}

/** A cell's pieces as text: a space kept only where the PDF leaves a visible gap between two ASCII words. */
function joinPieces(c: Piece[], size: number): string {
  let s = '';
  let end = -Infinity;
  for (const p of c) {
    if (s && p.x - end > size * 0.2 && /[0-9A-Za-z]$/.test(s) && /^[0-9A-Za-z]/.test(p.str)) s += ' ';
    s += p.str;
    end = p.x + p.width;
  }
  return s;
}
