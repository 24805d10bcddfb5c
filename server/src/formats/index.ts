/**
 * Readers of the formats reports are published in: HTML pages, Word (.docx) and PDF. Each turns a
 * document into the report text the core checks, in one canonical layout (see layout.ts), with a
 * map from every character of that text back to its place in the document. Loaded only when a
 * file of one of these kinds is read (the text path never loads them); the PDF and Word readers
 * load on first use of their kind.
 */
import { decodeText } from '../decode';
import { readHtml } from './html';
import type { SourceMap } from './layout';

export type { Place, SourceMap } from './layout';
export { articleHtml, readHtml } from './html';
export { fixHtmlSource, toSourceEdit, type Checker, type HtmlFix } from './html-fix';
export type DocumentKind = 'html' | 'docx' | 'pdf';
export type ReadFailure = 'legacy-word' | 'scanned-pdf' | 'damaged' | 'empty' | 'unknown-kind';

export interface DocumentReading {
  ok: true;
  kind: DocumentKind;
  /** The report text in the canonical layout. */
  text: string;
  map: SourceMap;
  /** HTML: the decoded page the map's offsets index; its encoding (to write the page back). */
  source?: string;
  encoding?: string;
  /** What the reader could not read and left out (in Chinese and English). */
  warnings: { 'zh-CN': string; en: string }[];
}

export interface ReadError {
  ok: false;
  reason: ReadFailure;
  /** One line saying why, Chinese and English. */
  message: { 'zh-CN': string; en: string };
}

const KINDS: Record<string, DocumentKind | 'legacy-word'> = {
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf',
  doc: 'legacy-word',
  wps: 'legacy-word',
};

/** The kind of document a file name names, or undefined for text (and anything else). */
export function documentKind(fileName: string): DocumentKind | 'legacy-word' | undefined {
  const m = /\.([A-Za-z]+)$/.exec(fileName);
  return m ? KINDS[m[1].toLowerCase()] : undefined;
}

/** File name extensions the readers take (for folder walks and file pickers). */
export const DOCUMENT_EXTENSIONS = Object.keys(KINDS);

export const MESSAGES: Record<ReadFailure, { 'zh-CN': string; en: string }> = {
  'legacy-word': {
    'zh-CN': '旧版 Word/WPS 二进制文档（.doc/.wps）无法直接读取：请在 Word 或 WPS 中“另存为” .docx 后再检查',
    en: 'a binary Word/WPS document (.doc/.wps) cannot be read: save it as .docx in Word or WPS and check that',
  },
  'scanned-pdf': {
    'zh-CN': 'PDF 没有文字层（扫描件或图片），无法读取其中的文字（不做 OCR）：请使用原始文档或可复制文字的 PDF',
    en: 'the PDF has no text layer (a scan or images), so there is no text to read (no OCR): use the original document or a PDF with selectable text',
  },
  damaged: {
    'zh-CN': '文档已损坏或不是所声称的格式，无法读取',
    en: 'the document is damaged or not of the format its name says, and cannot be read',
  },
  empty: { 'zh-CN': '文档中没有文字', en: 'the document has no text' },
  'unknown-kind': { 'zh-CN': '不支持的文件类型', en: 'not a supported kind of file' },
};

const fail = (reason: ReadFailure): ReadError => ({ ok: false, reason, message: MESSAGES[reason] });

/** The charset a page declares in its first 1024 bytes (<meta charset> or http-equiv). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  return m?.[1].toLowerCase();
}

/** An HTML page's text: by BOM, else by its declared charset, else UTF-8 when valid, else GB18030. */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const declared = declaredCharset(bytes);
  const bom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
  if (!bom && declared && !/^utf-?8$/.test(declared)) {
    // GB2312 and GBK pages are read as GB18030, their superset (as browsers do).
    const label = /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/.test(declared) ? 'gb18030' : declared;
    try {
      return { text: new TextDecoder(label).decode(bytes), encoding: label };
    } catch {
      // An unknown label: fall through to detection.
    }
  }
  const d = decodeText(bytes);
  return { text: d.text, encoding: d.encoding };
}

/** Reads a document of any supported kind (by its file name) into report text with a source map. */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<DocumentReading | ReadError> {
  const kind = documentKind(fileName);
  if (!kind) return fail('unknown-kind');
  if (kind === 'legacy-word') return fail('legacy-word');
  if (bytes.length === 0) return fail('empty');
  try {
    let reading: DocumentReading | ReadError;
    if (kind === 'html') {
      const { text: source, encoding } = decodeHtml(bytes);
      const r = readHtml(source);
      reading = { ok: true, kind, text: r.text, map: r.map, source, encoding, warnings: [] };
    } else if (kind === 'docx') {
      if (!isZip(bytes)) return fail(isOle(bytes) ? 'legacy-word' : 'damaged');
      reading = await (await import('./docx')).readDocx(bytes);
    } else {
      if (!isPdf(bytes)) return fail('damaged');
      reading = await (await import('./pdf')).readPdf(bytes);
    }
    if (reading.ok && !reading.text.trim()) return fail(kind === 'pdf' ? 'scanned-pdf' : 'empty');
    return reading;
  } catch {
    return fail('damaged');
  }
}

const startsWith = (b: Uint8Array, sig: number[]): boolean => sig.every((x, i) => b[i] === x);
const isZip = (b: Uint8Array) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]);
/** The compound-file signature of .doc, .wps and .xls. */
const isOle = (b: Uint8Array) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const isPdf = (b: Uint8Array) => {
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
};
