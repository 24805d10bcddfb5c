/**
 * Reports in other formats, in the editor. An HTML page open in the editor is checked in place:
 * the HTML reader (loaded on first use) turns the page into report text, the core checks that,
 * and every position goes back to the page through the reader's map, so diagnostics, hover,
 * outline and inlay hints sit on the cells of the page, and a fix edits only a cell's text (or is
 * not offered). A page that is not a report gets nothing. Word and PDF documents (and pages too)
 * are read on request into their report text (`reportReview/extract`) and checked unopened by
 * the workspace check (`reportReview/checkDocument`).
 */
import type { Diagnostic, DocumentSymbol, Position } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  applyEdits,
  check,
  LineIndex,
  lineIndexOf,
  looksLikeReport,
  type CheckOptions,
  type CheckResult,
  type Fix,
  type Problem,
  type TextEdit,
} from '../core/index';
import { loadFormats } from '../documents';
import type { SourceMap } from '../formats';
import { isReportDocument } from '../reports';
import { fixAllEdits } from './actions';
import { analyze, checkOptions, utf8Size, type Analysis, type AnalysisInput, type AnalyzerEnv } from './analysis';
import type { ServerContext } from './context';
import { toDiagnostic } from './convert';
import { minimalEdits } from './diff';
import {
  CheckDocumentRequest,
  ExtractRequest,
  LANGUAGE_ID,
  SOURCE,
  type CheckDocumentParams,
  type CheckDocumentResult,
  type ExtractParams,
  type ExtractResult,
} from './protocol';
import { effectiveLocale, type Settings } from './settings';
import { t } from './strings';

type Formats = Awaited<ReturnType<typeof loadFormats>>;

let formats: Formats | undefined;
/** The readers, once loaded (undefined before: see `readers`). */
export function loadedReaders(): Formats | undefined {
  return formats;
}
/** Loads the readers (once). */
export async function readers(): Promise<Formats> {
  return (formats ??= await loadFormats());
}

/** Is this open document an HTML page (by language, or by name for clients that send none)? */
export function isHtml(languageId: string, uri: string): boolean {
  return languageId === 'html' || /\.x?html?$/i.test(uri.replace(/[?#].*$/, ''));
}

/**
 * Every report names itself and its tables with these words; a page without either is not read
 * at all (web pages that are not reports cost nothing as they are typed). Characters written as
 * references (`&#20844;`) are let through to the reader.
 */
function mayBeReport(source: string): boolean {
  return source.includes('公开') || source.includes('&#');
}

/**
 * Positions of the report text in the page. A position at the end of a field (before a tab or a
 * line break) is the end of that field's last character in the page, so that a range ends
 * where its text ends and not at the next cell; a blank field is where its cell's text would go.
 * A page position back in the text is the character written there, else none (-1: markup).
 */
export class PageIndex extends LineIndex {
  private readonly page: LineIndex;
  /** Text offsets of the characters that have a page offset, by page offset. */
  private byPage: Int32Array | undefined;

  constructor(
    text: string,
    private readonly map: SourceMap,
    source: string,
  ) {
    super(text);
    this.page = new LineIndex(source);
  }

  /** The page offset of text offset `o` (start or end of a range, see above). */
  pageOffset(o: number): number {
    const text = this.text;
    const offsets = this.map.offsets;
    o = Math.max(0, Math.min(o, text.length));
    const atBreak = o === text.length || text[o] === '\t' || text[o] === '\n';
    if (o > 0) {
      const prev = text[o - 1];
      if (prev === '\t' && atBreak && offsets[o - 1] >= 0) return offsets[o - 1];
      if (prev !== '\t' && prev !== '\n' && offsets[o - 1] >= 0 && (atBreak || offsets[o] < 0)) return offsets[o - 1] + 1;
    }
    for (let i = o; i < text.length; i++) if (offsets[i] >= 0) return offsets[i];
    for (let i = o - 1; i >= 0; i--) if (offsets[i] >= 0) return offsets[i] + 1;
    return 0;
  }

  override positionAt(offset: number): { line: number; character: number } {
    return this.page.positionAt(this.pageOffset(offset));
  }

  override offsetAt(line: number, character: number): number {
    const at = this.page.offsetAt(line, character);
    const offsets = this.map.offsets;
    if (!this.byPage) {
      const order: number[] = [];
      for (let i = 0; i < offsets.length; i++) if (offsets[i] >= 0 && this.text[i] !== '\t' && this.text[i] !== '\n') order.push(i);
      order.sort((a, b) => offsets[a] - offsets[b] || a - b);
      this.byPage = Int32Array.from(order);
    }
    // The first text character written at `at`, or just before it (the cursor after a cell's last digit).
    const list = this.byPage;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[list[mid]] < at) lo = mid + 1;
      else hi = mid;
    }
    if (lo < list.length && offsets[list[lo]] === at) return list[lo];
    if (lo > 0 && offsets[list[lo - 1]] === at - 1) return list[lo - 1] + 1;
    return -1;
  }
}

/** What a page's analysis keeps beside the analysis: its report text, the map, the fixes in page edits. */
interface PageReading {
  text: string;
  map: SourceMap;
  source: string;
  /** The problems with only the fixes that edit cell text, in page offsets (made on first use). */
  problems?: Problem[];
}
const pages = new WeakMap<Analysis, PageReading>();

/** An analysis of the same shape as `analyze`'s (see there). */
function analysisOf(input: AnalysisInput, settings: Settings, env: AnalyzerEnv, state: Analysis['state'], diagnostics: Diagnostic[] = [], ms = 0, result?: CheckResult, index?: LineIndex): Analysis {
  return { uri: input.uri, version: input.version, settings, locale: effectiveLocale(settings, env.displayLocale), state, result, index, diagnostics, ms };
}

/** Is the text a report: it starts as one and reads as one (as the command line decides for a page). */
function reportOf(text: string, options: CheckOptions): CheckResult | undefined {
  if (!looksLikeReport(text)) return undefined;
  const result = check(text, options);
  return isReportDocument(text, result, false) ? result : undefined;
}

/**
 * Analyses an HTML page open in the editor (`input.text` is the page). The readers must be loaded
 * (`readers()`); until they are, undefined.
 */
export function analyzePage(input: AnalysisInput, settings: Settings, env: AnalyzerEnv): Analysis | undefined {
  const f = formats;
  if (!f) return undefined;
  const source = input.text;
  try {
    if (settings.detect === 'never' || !mayBeReport(source)) return analysisOf(input, settings, env, 'not-report');
    const size = utf8Size(source, settings.maxFileSize);
    if (size > settings.maxFileSize) {
      // Too large to read: said only of a page that names itself a report.
      if (!looksLikeReport(source.replace(/<[^>]*>/g, ''))) return analysisOf(input, settings, env, 'not-report');
      const diagnostic: Diagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        message: t(effectiveLocale(settings, env.displayLocale), 'tooLarge', size, settings.maxFileSize),
      };
      return analysisOf(input, settings, env, 'too-large', [diagnostic]);
    }
    const started = performance.now();
    const reading = f.readHtml(source);
    const options = checkOptions(settings);
    const previous = env.previous?.(input.uri, reading.text);
    if (previous) options.previous = previous;
    const result = reportOf(reading.text, options);
    if (!result) return analysisOf(input, settings, env, 'not-report');
    const index = new PageIndex(reading.text, reading.map, source);
    const locale = effectiveLocale(settings, env.displayLocale);
    const ctx = { uri: input.uri, index, locale, docs: env.docs, related: env.related };
    const diagnostics = result.problems.map((p) => toDiagnostic(p, ctx));
    const a = analysisOf(input, settings, env, 'checked', diagnostics, performance.now() - started, result, index);
    pages.set(a, { text: reading.text, map: reading.map, source });
    return a;
  } catch (error) {
    env.log(`check failed for ${input.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return analysisOf(input, settings, env, 'failed');
  }
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/**
 * A page's outline, made whole. A page holds the text of a cell that spans rows once, for each of
 * its rows, so a row's range may end before it starts, or a table's range miss a row: each range
 * is put in order and widened to hold its selection and its children.
 */
export function wholeSymbols(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.map((s) => {
    const children = s.children && wholeSymbols(s.children);
    const ordered = (r: DocumentSymbol['range']) => (before(r.end, r.start) ? { start: r.end, end: r.start } : r);
    const selectionRange = ordered(s.selectionRange);
    let { start, end } = ordered(s.range);
    for (const r of [selectionRange, ...(children ?? []).map((c) => c.range)]) {
      if (before(r.start, start)) start = r.start;
      if (before(end, r.end)) end = r.end;
    }
    return { ...s, range: { start, end }, selectionRange, ...(children ? { children } : {}) };
  });
}

/** Is this the analysis of a page (its fixes and fix-all go through the page)? */
export function isPageAnalysis(a: Analysis | undefined): boolean {
  return !!a && pages.has(a);
}

/**
 * The problems of an analysis as code actions offer them: a page's with only the fixes whose
 * every edit stays in the text of one cell, moved to page offsets; any other's as they are.
 */
export function editableProblems(a: Analysis): readonly Problem[] {
  const page = pages.get(a);
  if (!page) return a.result?.problems ?? [];
  if (page.problems) return page.problems;
  const f = formats!;
  const toPage = (fix: Fix): Fix | undefined => {
    const edits: TextEdit[] = [];
    for (const e of fix.edits) {
      const m = f.toSourceEdit(page.text, page.source, page.map, e);
      if (!m) return undefined;
      edits.push(m);
    }
    return edits.length ? { ...fix, edits } : undefined;
  };
  page.problems = (a.result?.problems ?? []).map((p) => ({ ...p, fixes: p.fixes.map(toPage).filter((x): x is Fix => !!x) }));
  return page.problems;
}

/** The edits that fix a page's cells (all fixable problems, or one rule's), or undefined for a document that is no page. */
export function pageFixAllEdits(a: Analysis | undefined, source: string, options: CheckOptions, rule?: string): TextEdit[] | undefined {
  if (!a || !pages.has(a) || !formats) return undefined;
  const checker = {
    check: (text: string, o?: CheckOptions) => {
      const r = check(text, o);
      return rule ? { problems: r.problems.filter((p) => p.rule === rule) } : r;
    },
    applyEdits,
  };
  return minimalEdits(source, formats.fixHtmlSource(source, checker, options).source);
}

/** An open document's analysis: a page's through the reader, any other's as text. */
export function analyzeOpen(input: AnalysisInput, settings: Settings, env: AnalyzerEnv): Analysis {
  if (!isHtml(input.languageId, input.uri)) return analyze(input, settings, env);
  return analyzePage(input, settings, env) ?? analysisOf(input, settings, env, 'failed');
}

/** The fix-all edits of an open document: a page's through its cells, any other's as text. */
export function fixAllFor(a: Analysis | undefined): (doc: TextDocument, options: CheckOptions, rule?: string) => TextEdit[] {
  return (doc, options, rule) => pageFixAllEdits(a, doc.getText(), options, rule) ?? fixAllEdits(doc, options, rule);
}

/** A Word or PDF document's report text checked as a report, when it is one (diagnostics on `input.uri`). */
function analyzeExtracted(input: AnalysisInput, settings: Settings, env: AnalyzerEnv): Analysis {
  const options = checkOptions(settings);
  const result = reportOf(input.text, options);
  if (!result) return analysisOf(input, settings, env, 'not-report');
  const index = lineIndexOf(result);
  const ctx = { uri: input.uri, index, locale: effectiveLocale(settings, env.displayLocale), docs: env.docs, related: env.related };
  return analysisOf(input, settings, env, 'checked', result.problems.map((p) => toDiagnostic(p, ctx)), 0, result, index);
}

/** Answers `reportReview/extract` and `reportReview/checkDocument`. */
export function registerDocuments(server: ServerContext): void {
  const { connection } = server;
  const read = async (uri: string, data: string, settings: Settings) => {
    const f = await readers();
    const bytes = Buffer.from(typeof data === 'string' ? data : '', 'base64');
    const r = await f.readDocument(bytes, uri.replace(/[?#].*$/, ''));
    return { f, r, locale: effectiveLocale(settings, server.env.displayLocale) };
  };

  connection.onRequest(ExtractRequest, async (params: ExtractParams): Promise<ExtractResult> => {
    try {
      const { r, locale } = await read(params.uri, params.data, await server.settings.load(params.uri));
      if (!r.ok) return { ok: false, message: r.message[locale] };
      return { ok: true, kind: r.kind, text: r.text, warnings: r.warnings.map((w) => w[locale]) };
    } catch (error) {
      server.logError(`extract ${params?.uri}`, error);
      return { ok: false, message: String(error) };
    }
  });

  connection.onRequest(CheckDocumentRequest, async (params: CheckDocumentParams): Promise<CheckDocumentResult> => {
    try {
      const settings = await server.settings.load(params.uri);
      const { f, r, locale } = await read(params.uri, params.data, settings);
      if (!r.ok) return { report: false, message: r.message[locale], diagnostics: [] };
      const a =
        r.kind === 'html'
          ? analyzePage({ uri: params.uri, version: null, languageId: 'html', text: r.source ?? f.decodeHtml(Buffer.from(params.data, 'base64')).text }, settings, server.env)
          : analyzeExtracted({ uri: params.textUri ?? params.uri, version: null, languageId: LANGUAGE_ID, text: r.text }, settings, server.env);
      if (!a || a.state === 'not-report') return { report: false, diagnostics: [] };
      return { report: true, diagnostics: a.diagnostics };
    } catch (error) {
      server.logError(`checkDocument ${params?.uri}`, error);
      return { report: false, message: String(error), diagnostics: [] };
    }
  });
}
