/**
 * Documents (HTML pages, Word .docx, PDF) on the command line: read through the readers' bundle,
 * loaded only when a document is among the inputs, and findings moved from the extracted text
 * back to the document: an HTML page's line:column, a Word paragraph or table cell, a PDF page,
 * each with the template cell the finding is at.
 */
import { LineIndex, tablePlaceOf, type CheckResult, type Locale, type Span, type TablePlace } from './core';
import type { CellPlace, DocumentPlace, Located, LocatedFile } from './output';
import type { DocumentKind, Place } from './formats';

/** A document read for checking: plain data (it crosses to worker threads). */
export interface ReadDocument {
  kind: DocumentKind;
  text: string;
  /** Per character of `text`: an offset in `source` (HTML), and an index into `places`. */
  offsets: Int32Array;
  placeOf: Int32Array;
  places: Place[];
  /** HTML: the decoded page. */
  source?: string;
  encoding?: string;
  warnings: string[];
}

export type DocumentOutcome = { ok: true; doc: ReadDocument } | { ok: false; message: string };

type Formats = typeof import('./formats');
let formats: Promise<Formats> | undefined;
/** The readers, loaded on first use. */
export function loadFormats(): Promise<Formats> {
  return (formats ??= import('./formats'));
}

export async function readDocumentFile(bytes: Uint8Array, fileName: string, locale: Locale): Promise<DocumentOutcome> {
  const f = await loadFormats();
  const r = await f.readDocument(bytes, fileName);
  if (!r.ok) return { ok: false, message: r.message[locale] };
  return {
    ok: true,
    doc: {
      kind: r.kind,
      text: r.text,
      offsets: r.map.offsets,
      placeOf: r.map.placeOf,
      places: [...r.map.places],
      source: r.source,
      encoding: r.encoding,
      warnings: r.warnings.map((w) => w[locale]),
    },
  };
}

/** The source offset of a text offset: its own, else the nearest character before it that has one. */
function sourceOffset(doc: ReadDocument, at: number): number {
  for (let i = Math.min(at, doc.offsets.length - 1); i >= 0; i--) if (doc.offsets[i] >= 0) return doc.offsets[i];
  return 0;
}

/** Names a place: 第 3 页, 第 12 段, 第 2 个表格第 5 行第 3 列 (page 3, paragraph 12, table 2 row 5 column 3). */
export function describePlace(p: Place | undefined, locale: Locale): string {
  if (!p) return '';
  const parts: string[] = [];
  if (locale === 'en') {
    if (p.page) parts.push(`page ${p.page}`);
    if (p.table) parts.push(`table ${p.table} row ${p.row} column ${p.column}`);
    else if (p.paragraph) parts.push(`paragraph ${p.paragraph}`);
    return parts.join(', ');
  }
  if (p.page) parts.push(`第 ${p.page} 页`);
  if (p.table) parts.push(`第 ${p.table} 个表格第 ${p.row} 行第 ${p.column} 列`);
  else if (p.paragraph) parts.push(`第 ${p.paragraph} 段`);
  return parts.join(' ');
}

const TABLE_NUMERAL = { t2: '二', t3: '三', t4: '四' };

/** A template cell in words: 表三「（二）部分公开」·总计, 表三「（五）2.重复申请」, 表二 (Table 三… in English). */
export function describeCell(p: TablePlace, locale: Locale): CellPlace {
  const table = `${locale === 'en' ? 'Table ' : '表'}${TABLE_NUMERAL[p.table]}`;
  const name = `${table}${p.row ? `「${p.row}」` : ''}${p.column ? `·${p.column}` : ''}`;
  return { table: p.table, ...(p.row ? { row: p.row } : {}), ...(p.column ? { column: p.column } : {}), name };
}

/**
 * Moves a located file's positions to the document: HTML findings to the page's line:column;
 * Word and PDF findings keep the extracted text's line:column (what `extract` writes) and name
 * their paragraph, table cell or page in `place`. Each names the template cell it is at (`cell`).
 */
export function locateInDocument(file: LocatedFile, result: CheckResult, doc: ReadDocument, locale: Locale): LocatedFile {
  const html = doc.kind === 'html' && doc.source !== undefined;
  const index = html ? new LineIndex(doc.source!) : undefined;
  const move = (l: Located, s: Span): Located => {
    if (!index) return l;
    const a = index.positionAt(sourceOffset(doc, s.start));
    const b = s.end > s.start ? index.positionAt(sourceOffset(doc, s.end - 1) + 1) : a;
    return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
  };
  const placeOf = (s: Span) => {
    const i = Math.max(0, Math.min(s.start, doc.placeOf.length - 1));
    return doc.placeOf.length ? doc.places[doc.placeOf[i]] : undefined;
  };
  const where = (s: Span, rule?: string): DocumentPlace => {
    const place = html ? undefined : describePlace(placeOf(s), locale) || undefined;
    const cell = tablePlaceOf(result, s, rule);
    return { ...(place ? { place } : {}), ...(cell ? { cell: describeCell(cell, locale) } : {}) };
  };
  return {
    ...file,
    problems: file.problems.map((p, i) => {
      const { span, related, rule } = result.problems[i];
      return {
        ...p,
        ...move(p, span),
        ...where(span, rule),
        related: p.related.map((r, j) => ({ ...r, ...move(r, related[j].span), ...where(related[j].span) })),
      };
    }),
  };
}
