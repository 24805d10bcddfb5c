/** Model: text → title, sections, tables 二/三/四, template — everything with exact spans. */
import type { ReportModel, RowModel, SectionModel, TableModel, TitleModel } from './model';
import { readFigures, sentences, type Figure } from './narrative';
import { noCellsIn, scanLine, textChars, type ScannedLine } from './scan';
import { isT4Header, readRows, readT4, type LayoutDoubt, type ReadResult } from './tables';
import { HEADING_SYNONYMS, OUTLINE_2008, SECTIONS, T2, T3, T3_CORNER, T3_CORNER_WORDS, T3_GROUPS, T4_GROUPS, T4_GROUP_COLUMNS, T4_HEADER_WORDS, TABLES } from './template';
import { findOldTemplate } from './template2019';
import { LineList, arabicYears, charFlags, closestPrefix, commonChars, halfWidth, isDigitCode, isRegexSpace, markupRows, norm, similarityAtLeast, stripMarker, visible, type Line } from './text';
import type { Span } from './types';

export interface HeadingFound {
  /** The 2021 section; 0 for a section only the 2008 outline has (`OUTLINE_2008`). */
  index: number;
  line: number;
  span: Span;
  text: string;
  /** Exact canonical wording or an accepted variant, with the right numeral. */
  canonical: boolean;
  /** Span of the heading text without Markdown marks (what a fix replaces). */
  inner: Span;
  /** The section's first paragraph follows on the heading's line (`inlineHeading`). */
  inline?: boolean;
}

/** The line below a heading (a heading may be wrapped onto a second line). */
export function lineBelow(lines: LineList, h: HeadingFound): number {
  return lines.lineOf(h.span.end - 1) + 1;
}

export interface Parsed {
  model: ReportModel;
  lines: LineList;
  headings: HeadingFound[];
  /** Rows whose label matched no template row, per table. */
  orphans: Partial<Record<'t2' | 't3', RowModel[]>>;
  /** The first of the 2019 template's own words standing as a table cell (`findOldTemplate`). */
  oldToken?: Span;
  /**
   * The heading of a section only the 2008 outline has (`OUTLINE_2008`), if any: the report is of
   * that era, and its headings are not held to the 2021 wording.
   */
  outline2008?: HeadingFound;
  /** Tables whose numbers could not be lined up with their rows (left out of the model: nothing in them is checked). */
  doubts: Partial<Record<'t2' | 't3' | 't4', { span: Span; doubt: LayoutDoubt }>>;
  /** A table's caption or header was found but no numbers under it. */
  emptyHeaders: Partial<Record<'t2' | 't3' | 't4', Span>>;
  /** Whether the document uses Markdown headings (for inserted text). */
  markdown: boolean;
  /** The title of a second report pasted after the first (from there on nothing is read). */
  otherReport?: Span;
  /** The narrative's figures, read on first use (`figuresOf`). */
  figures?: Figure[];
  /** The narrative's sentences, read on first use (`sentencesOf`). */
  sentences?: string[];
}

/** The figures the narrative states, read once per parsed text. */
export function figuresOf(parsed: Parsed): Figure[] {
  return (parsed.figures ??= readFigures(parsed.model));
}

/** The narrative's sentences without white space or digits, read once per parsed text. */
export function sentencesOf(parsed: Parsed): string[] {
  return (parsed.sentences ??= sentences(parsed.model));
}

/** A label numbered as a section heading is (一、…). */
const NUMBERED_LABEL = /^[一二三四五六七八九十]、/;
/**
 * The words of table 三's rows and groups numbered as headings are (一、本年新收…, 三、本年度办理结果):
 * a numbered line holding one is that row, however like a heading's wording it is.
 */
const ROW_WORDS = [
  ...T3.rows.filter((r) => NUMBERED_LABEL.test(r.label)).flatMap((r) => r.keys),
  ...Object.values(T3_GROUPS).filter((l) => NUMBERED_LABEL.test(l)).map((l) => stripMarker(norm(l))),
];

const span = (l: Line): Span => ({ start: l.start, end: l.end });

/** Markdown marks and white space around a heading or title: # * > _ and any white space (a copied page's no-break spaces too). */
function isMark(c: number): boolean {
  return c === 35 || c === 42 || c === 62 || c === 95 || isRegexSpace(c);
}

function innerSpan(line: Line): { inner: Span; clean: string } {
  const t = line.text;
  let a = 0;
  let b = t.length;
  while (a < b && isMark(t.charCodeAt(a))) a++;
  while (b > a && isMark(t.charCodeAt(b - 1))) b--;
  return { inner: { start: line.start + a, end: line.start + b }, clean: t.slice(a, b) };
}

/** Each interchangeable word of a heading (`HEADING_SYNONYMS`) → the first of its group. */
const SYNONYM_OF = new Map(HEADING_SYNONYMS.flatMap((g) => g.slice(1).map((w) => [w, g[0]] as const)));
const SYNONYM_RE = new RegExp(
  [...SYNONYM_OF.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  'g',
);

/** A heading's wording as compared: interchangeable words made one, then normalised (`norm`). */
export function headingKey(s: string): string {
  return norm(SYNONYM_OF.size ? s.replace(SYNONYM_RE, (w) => SYNONYM_OF.get(w)!) : s);
}

/** `headingKey` of each character (UTF-16 code unit), as it is first asked for: a one-line text reads many. */
const CHAR_KEYS: (string | undefined)[] = [];
function keyOfChar(text: string, i: number): string {
  const c = text.charCodeAt(i);
  return (CHAR_KEYS[c] ??= headingKey(text[i]));
}

/** Canonical wordings and variants (`headingKey`) → section index. */
const EXACT = new Map<string, number>();
const WORDINGS: { index: number; n: string }[] = [];
for (const s of SECTIONS) {
  for (const v of [s.canonical, ...s.variants]) {
    EXACT.set(headingKey(v), s.index);
    WORDINGS.push({ index: s.index, n: headingKey(v) });
  }
}
/** The wordings as compared, each once. */
const EXACT_KEYS = [...EXACT.keys()];
/** The 2008 outline's wordings (`headingKey`), matched only as near misses of numbered headings. */
const WORDINGS_2008 = OUTLINE_2008.flatMap((o) => o.wordings.map((w) => ({ index: o.section, n: headingKey(w) })));
const NUMERAL_OF = new Map(SECTIONS.map((s) => [s.numeral, s.index]));
/** The length of the shortest normalised wording: a bare heading (without numeral) is a whole wording. */
const SHORTEST_WORDING = Math.min(...WORDINGS.map((w) => w.n.length));
/**
 * How long a bare heading's line may be: twice the longest wording, room for a space after every
 * character (总 体 情 况); longer, it is text that happens to hold a wording.
 */
const LONGEST_BARE = 2 * Math.max(...WORDINGS.map((w) => w.n.length));
/**
 * The least similarity (`similarityAtLeast`) at which a numbered line is a heading of that wording
 * at all (a test shows the real headings and near misses on either side).
 */
export const NEAR_MISS = 0.5;
/**
 * The least similarity at which a line numbered as another section is a heading of that wording:
 * above the sub-heads of 总体情况 numbered 一、… (主动公开, 政府信息管理: 0.5 to 0.57).
 */
export const MISNUMBERED = 0.6;
const ALL_WORDINGS = [...WORDINGS, ...WORDINGS_2008];
/**
 * The longest body of a numbered heading that can be a near miss of a wording: a similarity of
 * 2·LCS / (a + b) ≥ `NEAR_MISS` needs b ≤ (2 / NEAR_MISS − 1) · a, the common part being at most
 * the wording.
 */
const LONGEST_BODY = (2 / NEAR_MISS - 1) * Math.max(...ALL_WORDINGS.map((w) => w.n.length));
/**
 * The longest prefix `closestPrefix` can choose: no longer than a wording by more edits than the
 * wording has characters.
 */
const LONGEST_NEAR_MISS = 2 * Math.max(...ALL_WORDINGS.map((w) => w.n.length));
/**
 * The longest line that may be a heading: its body with a space after every character (PDF text),
 * and room as wide again for the numeral, Markdown marks and the punctuation `headingKey` drops.
 */
const LONGEST_HEADING_LINE = 4 * LONGEST_BODY;

/** Whether `t[from, to)` has an ASCII or full-width digit, or 。 */
function hasDigitOrStop(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (isDigitCode(c) || c === 0x3002) return true;
  }
  return false;
}

/**
 * Where the body of a numbered heading ("一、…") starts in `h`: after a numeral 一 … 六 and a
 * separator (、 . ． , ，) or white space alone (一 总体情况, 一　总体情况), white space allowed
 * after each. -1 when `h` is not numbered so, or when its body has a line break (\n, \r, U+2028,
 * U+2029): a heading is one line.
 */
export function numberedBody(h: string): number {
  if (!h.length || !(HEADING_CHAR[h.charCodeAt(0)] & NUMERAL_1_6)) return -1;
  let i = 1;
  while (i < h.length && isRegexSpace(h.charCodeAt(i))) i++;
  if (i >= h.length) return i > 1 ? i : -1;
  if (HEADING_CHAR[h.charCodeAt(i)] & SEPARATOR) i++;
  else if (i === 1) return -1;
  while (i < h.length && isRegexSpace(h.charCodeAt(i))) i++;
  for (let j = i; j < h.length; j++) {
    const c = h.charCodeAt(j);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return -1;
  }
  return i;
}

/** What may follow an Arabic numeral 1 … 6 that numbers a heading (1．总体情况). */
const ARABIC_SEPARATORS = '、.．';
/** A section's number written as a part (第一部分, 第1部分), up to the separator. */
const PART_NUMBER = '第\\s*([一二三四五六1-6])\\s*部分';
/**
 * A heading numbered otherwise than 一、: with an Arabic numeral 1 … 6 (1．总体情况) or as a part
 * (第一部分 总体情况, 第一部分：总体情况). Its numeral in group 1 or 2, its body after the match.
 */
const OTHER_NUMBERED = new RegExp(`^(?:([1-6])\\s*[${ARABIC_SEPARATORS}]|${PART_NUMBER}\\s*[、.．:：,，]?)\\s*`);
const PART_START = new RegExp(`^${PART_NUMBER}`);

/** Whether the line `t[start, end)` starts, past Markdown marks and white space, with a numeral 1 … 6 (ASCII or full-width) or 第. */
function startsOtherNumbered(t: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isMark(t.charCodeAt(i))) i++;
  const c = t.charCodeAt(i);
  return (c >= 49 && c <= 54) || (c >= 0xff11 && c <= 0xff16) || c === 0x7b2c;
}

/**
 * A heading numbered 1 … 6 or 第一部分 … 第六部分 instead of 一 … 六: an exact wording under its own
 * number, never a near miss (a table's numbered rows are numbered so). Not canonical: the
 * template numbers sections 一、.
 */
function otherNumberedHeading(line: Line): HeadingFound | null {
  const { inner, clean } = innerSpan(line);
  const h = halfWidth(clean);
  const m = OTHER_NUMBERED.exec(h);
  if (!m || hasDigitOrStop(h, m[0].length, h.length)) return null;
  const index = EXACT.get(headingKey(h.slice(m[0].length)));
  if (index === undefined || index !== (m[1] ? Number(m[1]) : (NUMERAL_OF.get(m[2]) ?? Number(m[2])))) return null;
  return { index, line: line.n, span: span(line), text: line.text.trim(), canonical: false, inner };
}

/** The heading line `n` is, if any. */
function findHeading(lines: LineList, n: number): HeadingFound | null {
  // A sentence is not a heading (marks stripped below never include 。), nor is a line with a
  // digit: no wording of the template has one, and a numbered table row has its numbers.
  const digitOrStop = hasDigitOrStop(lines.text, lines.starts[n], lines.endOf(n));
  if (startsOtherNumbered(lines.text, lines.starts[n], lines.endOf(n))) {
    const other = otherNumberedHeading(lines.at(n)!);
    if (other || digitOrStop) return other;
  } else if (digitOrStop) return null;
  const line = lines.at(n)!;
  const t = line.text;
  const { inner, clean } = innerSpan(line);
  const half = halfWidth(clean);
  const h = half.includes('**') ? half.replace(/\*\*/g, '') : half;
  const bodyAt = numberedBody(h);
  // A tab inside a line's words parts cells (a table's row); after a heading's numeral it is the
  // list number's own (Word and WPS number headings so: 一、⇥总体情况).
  if (h.includes('\t', Math.max(bodyAt, 0))) return null;
  const body = headingKey(bodyAt >= 0 ? h.slice(bodyAt) : h);
  const exactIndex = EXACT.get(body);
  if (bodyAt >= 0 && !exactIndex) {
    // An exact wording over more or less than this line: wrapped onto the next, or ending before a table's start.
    const over = (index: number, end: number, innerEnd: number, text: string): HeadingFound => ({
      index,
      line: line.n,
      span: { start: line.start, end },
      text,
      canonical: NUMERAL_OF.get(h[0]) === index,
      inner: { start: inner.start, end: innerEnd },
    });
    const wrapped = EXACT_KEYS.some((k) => k.startsWith(body)) ? wrappedOnto(lines, n, h.slice(bodyAt)) : undefined;
    if (wrapped) return over(wrapped.index, wrapped.next.end, innerSpan(wrapped.next).inner.end, `${t.trim()}${wrapped.next.text.trim()}`);
    const before = EXACT_KEYS.some((k) => body.startsWith(k)) ? headingBeforeTable(lines.text, inner) : undefined;
    if (before) return over(before.index, before.end, before.end, lines.text.slice(inner.start, before.end));
  }
  if (body.length < 2 || body.length > LONGEST_BODY) return null;
  if (bodyAt < 0) {
    // Without a numeral only an exact wording on a heading-like line counts.
    if (!exactIndex || !(t.trimStart().startsWith('#') || t.includes('**') || clean.length <= LONGEST_BARE)) return null;
    return { index: exactIndex, line: line.n, span: span(line), text: t.trim(), canonical: false, inner };
  }
  const numeral = h[0];
  if (exactIndex) {
    const canonical = NUMERAL_OF.get(numeral) === exactIndex;
    return { index: exactIndex, line: line.n, span: span(line), text: t.trim(), canonical, inner };
  }
  const best = nearestSection(body, numeral);
  if (best < 0) return null;
  return { index: best, line: line.n, span: span(line), text: t.trim(), canonical: false, inner };
}

/**
 * A numbered heading with the start of a table after it on its line (a PDF's text joins a heading
 * that reaches the right margin to the line below): an exact wording of the template, then the
 * beginning of one of its captions, row or group labels or table 三's corner text. Its section
 * and where the wording ends.
 */
function headingBeforeTable(text: string, inner: Span): { index: number; end: number } | undefined {
  let from = inner.start + 1;
  while (from < inner.end && isRegexSpace(text.charCodeAt(from))) from++;
  if (!(HEADING_CHAR[text.charCodeAt(from)] & SEPARATOR)) return undefined;
  const end = wordingEnd(keyFrom(text, from + 1, inner.end));
  if (end < 0) return undefined;
  const index = EXACT.get(headingKey(text.slice(from + 1, end)));
  const rest = norm(text.slice(end, inner.end));
  if (!index || !rest) return undefined;
  return LANDMARK_KEYS.some((l) => l.startsWith(rest) || rest.startsWith(l)) ? { index, end } : undefined;
}

/**
 * A numbered heading wrapped onto the next line (a narrow column, a page set in two columns):
 * line `n + 1` completes `rest`, the body of line `n`, to a wording of the template. Its section
 * and that line, or undefined.
 */
function wrappedOnto(lines: LineList, n: number, rest: string): { index: number; next: Line } | undefined {
  const next = lines.at(n + 1);
  if (!next || next.text.length > LONGEST_HEADING_LINE) return undefined;
  const index = EXACT.get(headingKey(rest + halfWidth(innerSpan(next).clean)));
  return index ? { index, next } : undefined;
}

/**
 * The section of the wording (`WORDINGS`, `WORDINGS_2008`) a numbered heading's body (`headingKey`)
 * is a near miss of, or -1: the most similar wording, at least `NEAR_MISS` alike under the
 * section's own numeral and `MISNUMBERED` alike under another. A body holding a word of table
 * 三's numbered rows is that row.
 */
function nearestSection(body: string, numeral: string): number {
  for (const w of ROW_WORDS) if (body.includes(w)) return -1;
  let best = -1;
  let bestSim = 0;
  for (const w of ALL_WORDINGS) {
    // Below NEAR_MISS no wording is accepted; at or below the best so far none is chosen.
    const sim = similarityAtLeast(w.n, body, Math.max(NEAR_MISS, bestSim));
    if (sim > bestSim) {
      bestSim = sim;
      best = w.index;
    }
  }
  return best >= 0 && (bestSim >= MISNUMBERED || NUMERAL_OF.get(numeral) === best) ? best : -1;
}

const TITLE_RE = /^(.*?)(\d{4})\s*年\s*(?:度)?\s*(.*)$/;
/** The standard end of a title, after the body's name and the year. */
export const STANDARD_REST = '政府信息公开工作年度报告';

/** Whether a line's text (marks stripped, half-width) names a report on information disclosure. */
function namesReport(c: string): boolean {
  return c.includes('报告') && (c.includes('信息公开') || c.includes('政务公开'));
}

/** A title of a body and a year broken after the year: "…乡2024年" / "政府信息公开工作报告". */
const YEAR_AT_END = /\d{4}\s*年\s*度?$/;
/** A year, as a title names it. */
const YEAR_IN = /\d{4}\s*年/;
/** What a sentence has and a title's line does not. */
const SENTENCE_MARKS = /[。，；,;]/;

/**
 * Where a second report starts (two reports pasted one after another): a title line, ending with
 * 报告, between two
 * headings where the later one is an 一 and an 一 came before (a report has one 一; a title
 * repeated as a running page header before the only 一 is not a second report). A title broken
 * after the year, or with the body's name on the line before, spans both lines.
 */
function otherReportLines(lines: LineList, found: HeadingFound[]): { first: number; last: number } | undefined {
  const firstOne = found.findIndex((h) => h.index === 1);
  if (firstOne < 0) return undefined;
  for (let i = firstOne + 1; i < found.length; i++) {
    if (found[i].index !== 1) continue;
    for (let n = found[i - 1].line + 1; n < found[i].line; n++) {
      const l = lines.at(n)!;
      if (l.text.length > 120) continue;
      const c = titleText(l);
      // A title ends with 报告 (a sentence about the report goes on after the word).
      if (c.length > 80 || c.includes('。') || !c.trimEnd().endsWith('报告') || !namesReport(c)) continue;
      let prev = n - 1;
      while (prev > found[i - 1].line && !lines.at(prev)!.text.trim()) prev--;
      const before = prev > found[i - 1].line ? titleText(lines.at(prev)!) : '';
      const broken = before.length > 0 && before.length < 40 && !before.includes('。') && (YEAR_AT_END.test(before) || /^\d{4}/.test(c));
      if (broken) return { first: prev, last: n };
      // Broken after the year: the rest of the title is on the next line with text.
      let next = n + 1;
      while (next < found[i].line && !lines.at(next)!.text.trim()) next++;
      return { first: n, last: YEAR_AT_END.test(c) && next < found[i].line ? next : n };
    }
  }
  return undefined;
}

/**
 * A line as a title is read: its text without marks and white space (PDF text sets a large title's
 * characters apart, or leaves a space anywhere in it), half-width, a year in Chinese numerals in digits.
 */
function titleText(l: Line): string {
  return arabicYears(halfWidth(innerSpan(l).clean).replace(/\s+/g, ''));
}

/**
 * The report's title: a line before the first heading (among the first 12 lines written, without
 * one) that names a report on information disclosure, or such a title broken over two or three
 * lines. A title ending in 报告 (before a note in brackets) with a year and no comma is taken at
 * once; before it, a page copied whole may have its navigation (政府信息公开…专题专栏), which names
 * one too: the first of the best kind found (ending in 报告 with a year, ending in 报告, naming a
 * report) is the title.
 */
export function findTitle(lines: LineList, firstHeadingLine: number): TitleModel | undefined {
  let seen = 0;
  const limit = firstHeadingLine >= 0 ? firstHeadingLine : lines.length;
  const nonEmpty = (from: number, step: number, max: number): Line | undefined => {
    for (let i = from, k = 0; i >= 0 && i < lines.length && k < max; i += step, k++) {
      const x = lines.at(i)!;
      if (x.text.trim()) return x;
    }
    return undefined;
  };
  /** The title's lines if one starts at line `i` (its text `c`). */
  const titleAt = (i: number, l: Line, c: string): Line[] | undefined => {
    // The body's name on the line before a line that starts with the year ("…乡" / "2024年…").
    const withBody = (parts: Line[]): Line[] => {
      if (!/^\d{4}/.test(c)) return parts;
      const prev = nonEmpty(i - 1, -1, i);
      return prev && innerSpan(prev).clean.length < 40 && !prev.text.includes('。') ? [prev, ...parts] : parts;
    };
    if (namesReport(c)) return withBody([l]);
    const next = nonEmpty(i + 1, 1, 2);
    if (!next) return undefined;
    const nc = titleText(next);
    // A title broken after the year: "…乡2024年" / "政府信息公开工作报告", or "…乡" / "2024年" / "政府信息公开工作报告".
    if (YEAR_AT_END.test(c) && nc.includes('报告') && nc.includes('公开') && nc.length < 40) return withBody([l, next]);
    // A title wrapped elsewhere (a narrow column): "…2024年度政府信息公开工作年" / "度报告".
    const joined = c + nc;
    if (YEAR_IN.test(c) && nc.length < 40 && !SENTENCE_MARKS.test(nc) && joined.trimEnd().endsWith('报告') && namesReport(joined)) return [l, next];
    return undefined;
  };
  let best: TitleModel | undefined;
  let bestRank = -1;
  for (let i = 0; i < limit && (firstHeadingLine >= 0 || seen < 12); i++) {
    const l = lines.at(i)!;
    if (!l.text.trim()) continue;
    seen++;
    const c = titleText(l);
    if (c.length > 80 || c.includes('。')) continue;
    const parts = titleAt(i, l, c);
    if (!parts) continue;
    const title = makeTitle(parts);
    // Ending in 报告, or 报告 and a note in brackets (（全文）, （2024年度）).
    const named = title.text.replace(/[（(][^（()）]*[）)]$/, '');
    const rank = named.endsWith('报告') && !SENTENCE_MARKS.test(title.text) ? (YEAR_IN.test(title.text) ? 2 : 1) : 0;
    if (rank === 2) return title;
    if (rank > bestRank) [best, bestRank] = [title, rank];
  }
  return best;
}

/** A body's name for comparing titles: normalised, without a trailing 人民政府 / 政府. */
export function bodyKey(body: string): string {
  return norm(body).replace(/人民政府$|政府$/, '');
}

/** What a title reports on, after the body's name (`makeTitle`). */
const REPORT_NAME = /政府信息公开|政务公开|信息公开/;

/**
 * The body's name in a title, from what stands before its year and after it: before the year
 * (某县民政局2024年…), before the report's name with the year after it (某县民政局政府信息公开工作年度报告（2024年度）),
 * or after the year (2024年某县人民政府政府信息公开工作年度报告: not the standard order).
 */
function bodyOf(beforeYear: string, afterYear: string): string | undefined {
  const named = beforeYear.search(REPORT_NAME);
  if (named >= 0) return beforeYear.slice(0, named) || undefined;
  if (beforeYear) return beforeYear;
  const at = afterYear.search(REPORT_NAME);
  return at > 0 ? afterYear.slice(0, at) : undefined;
}

function makeTitle(parts: Line[]): TitleModel {
  const first = innerSpan(parts[0]).inner;
  const last = innerSpan(parts[parts.length - 1]).inner;
  const joined = parts.map(titleText).join('');
  const m = TITLE_RE.exec(joined);
  const span = { start: first.start, end: last.end };
  if (!m) return { span, text: joined, standard: false };
  return {
    span,
    text: joined,
    body: bodyOf(m[1], m[3]),
    year: Number(m[2]),
    standard: m[3] === STANDARD_REST && m[1].length > 0,
  };
}

/** A word with white space allowed between its characters (`spaced` in `nextLineWith`), by word. */
const SPACED = new Map<string, RegExp>();

/**
 * The first line from offset `from` on that holds `word` and may anchor a table (2 to 200
 * characters long, not counting white space and the marks `norm` drops: a Markdown table's row
 * padded to its columns' widths is as long as its words), or undefined. Each word is searched
 * for by itself: a plain search is cheaper than one regular expression of all four, and stops at
 * the first line that anchors. `spaced`:
 * with white space allowed between the word's characters (a header cell set with its characters
 * spread across it, as PDF text gives it: 行 政 复 议).
 */
function nextLineWith(lines: LineList, word: string, from: number, spaced = false): Line | undefined {
  const text = lines.text;
  let re: RegExp | undefined;
  if (spaced) {
    re = SPACED.get(word);
    if (!re) SPACED.set(word, (re = new RegExp([...word].join('\\s*'), 'g')));
  }
  const find = (at: number): number => {
    if (!re) return text.indexOf(word, at);
    re.lastIndex = at;
    return re.exec(text)?.index ?? -1;
  };
  for (let i = find(from); i >= 0; ) {
    const l = lines.at(lines.lineOf(i))!;
    if (l.text.length >= 2 && (l.text.length <= 200 || norm(l.text).length <= 200)) return l;
    i = find(l.end);
  }
  return undefined;
}

/**
 * Where a table region starting at line `from` ends: the first line after it that is a heading
 * or the start of another table (`starts`, -1 for one not found), or -1 when none is.
 */
function regionEnd(from: number, headingLines: number[], starts: number[]): number {
  let end = -1;
  for (const list of [headingLines, starts]) for (const n of list) if (n > from && (end < 0 || n < end)) end = n;
  return end;
}

/** A heading's body from `from` (before `to`) as `headingKey` reads it, up to the first digit or 。 (no heading has one) and at most `LONGEST_NEAR_MISS` long, with where each of its characters ends. */
function keyFrom(text: string, from: number, to: number): { key: string; ends: number[] } {
  let key = '';
  const ends: number[] = [];
  for (let i = from; i < to && key.length < LONGEST_NEAR_MISS; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c) || c === 0x3002) break;
    const k = keyOfChar(text, i);
    if (!k) continue;
    key += k;
    while (ends.length < key.length) ends.push(i + 1);
  }
  return { key, ends };
}

/** Where the longest wording (`WORDINGS`, `WORDINGS_2008`) a body (`keyFrom`) begins with ends, or -1. */
function wordingEnd({ key, ends }: { key: string; ends: number[] }): number {
  let exact = 0;
  for (const w of ALL_WORDINGS) if (w.n.length > exact && key.startsWith(w.n)) exact = w.n.length;
  return exact ? ends[exact - 1] : -1;
}

/**
 * The end of the numbered heading whose body begins at `from` in a line of the text written without
 * line breaks (ending at `to`), or -1: after the longest wording it begins with (`wordingEnd`);
 * failing that, after the prefix fewest edits from the wording it is most like (`closestPrefix`),
 * when that prefix is a heading as `findHeading` would read it (`nearestSection`).
 */
function headingEnd(text: string, from: number, to: number, numeral: string): number {
  const body = keyFrom(text, from, to);
  const exact = wordingEnd(body);
  if (exact >= 0) return exact;
  const { key, ends } = body;
  let bestSim = 0;
  let bestLength = 0;
  for (const w of ALL_WORDINGS) {
    // A prefix with c characters in common with the wording is at most 2c / (|w| + c) alike.
    const common = commonChars(w.n, key);
    if ((2 * common) / (w.n.length + common) < Math.max(NEAR_MISS, bestSim)) continue;
    const length = closestPrefix(w.n, key);
    const sim = similarityAtLeast(w.n, key.slice(0, length), Math.max(NEAR_MISS, bestSim));
    if (sim > bestSim) {
      bestSim = sim;
      bestLength = length;
    }
  }
  return bestLength && nearestSection(key.slice(0, bestLength), numeral) >= 0 ? ends[bestLength - 1] : -1;
}

/** What goes on a sentence after a wording it names. */
const CLAUSE_PUNCTUATION = '；;，,、：:。';
/** What leads from an entry of a table of contents to its page number. */
const LEADER = '…．.·・-—';

/** Whether a numbered heading's numeral and 、 stand at `at`. */
function startsNumbered(text: string, at: number): boolean {
  return (HEADING_CHAR[text.charCodeAt(at)] & NUMERAL_1_6) !== 0 && text[at + 1] === '、';
}

/** The first character of `text[from, to)` that is not white space (`to` when there is none). */
function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isRegexSpace(text.charCodeAt(i))) i++;
  return i;
}

/** A numbered heading's numeral and 、 (`numberedBody` reads the rest). */
const NUMBERED = new RegExp(`[${SECTIONS.map((s) => s.numeral).join('')}]、`, 'g');

/** Where the template's captions, labels and corner text begin, searched as written. */
const LANDMARKS = [
  ...new Set([
    ...[T2, T3].flatMap((t) => t.rows.flatMap((r) => [r.label, ...(r.caption ? [r.caption] : [])])),
    ...Object.values(T3_GROUPS),
    T3_CORNER,
  ]),
].filter((l) => l.length > 0);
/** The same, as compared (`norm`). */
const LANDMARK_KEYS = LANDMARKS.map(norm);

/** The end of a run of table 四's header words (white space between them) starting at `from`, when it holds every column word of a group. */
function t4HeaderEnd(text: string, from: number, to: number): number {
  let i = from;
  let words = '';
  for (;;) {
    while (i < to && isRegexSpace(text.charCodeAt(i))) i++;
    const w = T4_HEADER_WORDS_LONGEST.find((x) => text.startsWith(x, i));
    if (!w) break;
    words += w;
    i += w.length;
  }
  return T4_GROUP_COLUMNS.every((c) => words.includes(c)) ? i : -1;
}
const T4_HEADER_WORDS_LONGEST = [...T4_HEADER_WORDS].sort((a, b) => b.length - a.length);

/**
 * Where a text written without line breaks (a page's text content: the whole report on one line)
 * is read as having them. A line of the text is cut when it holds two or more numbered headings of
 * the template's wording or near misses of it (`headingEnd`): where a numbered heading begins and after it, where a caption,
 * a row or group label of tables 二 and 三 or table 三's corner text begins, before and after table
 * 四's header, and after each run of two or more white-space characters (what stood between the
 * page's elements; one is a space between words).
 */
export function cutsOf(text: string): number[] {
  const cuts: number[] = [];
  // Two numbered headings take two numerals with 、 (一、 … 六、): only the lines of the text with
  // two are looked at, found in one pass over the text's 、.
  let end = -1;
  let count = 0;
  for (let i = text.indexOf('、'); i >= 0; i = text.indexOf('、', i + 1)) {
    if (!startsNumbered(text, i - 1)) continue;
    if (i > end) {
      end = i;
      while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
      count = 0;
    }
    if (++count !== 2) continue;
    let start = i;
    while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
    cutLine(text, start, end, cuts);
  }
  return cuts;
}

/** \n or \r: where a line of the text ends. */
function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function cutLine(text: string, start: number, end: number, cuts: number[]): void {
  const line = text.slice(start, end);
  const here: number[] = [];
  /** Spans no cut may fall inside: the wordings of headings, table 四's header. */
  const whole: [number, number][] = [];
  let headings = 0;
  const numbered = [...line.matchAll(NUMBERED)];
  // Fewer than two numerals with 、: not two headings, nothing to read further.
  if (numbered.length < 2) return;
  for (const m of numbered) {
    const at = start + m.index;
    here.push(at);
    const e = headingEnd(text, at + m[0].length, end, m[0][0]);
    // A wording followed by a clause's punctuation is named in a sentence (一、总体情况；二、…), one
    // followed by the next numbered wording or a leader is an entry of a table of contents: neither
    // is a heading.
    const next = firstNonSpace(text, e, end);
    if (e < 0 || CLAUSE_PUNCTUATION.includes(text[next]) || LEADER.includes(text[next]) || startsNumbered(text, next)) continue;
    headings++;
    here.push(e);
    whole.push([at, e]);
  }
  if (headings < 2) return;
  // Labels are searched with full-width digits and points read as ASCII (１．属于国家秘密 is 1.属于国家秘密).
  const seen = /[０-９．]/.test(line) ? line.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : line;
  for (const l of LANDMARKS) for (let i = seen.indexOf(l); i >= 0; i = seen.indexOf(l, i + l.length)) here.push(start + i);
  const first = T4_HEADER_WORDS_LONGEST.find((w) => T4_GROUPS[0].startsWith(w))!;
  for (let i = line.indexOf(first); i >= 0; i = line.indexOf(first, i + 1)) {
    const e = t4HeaderEnd(text, start + i, end);
    if (e < 0) continue;
    here.push(start + i, e);
    whole.push([start + i, e]);
    i = e - start;
  }
  for (let i = start; i < end; i++) {
    if (!isRegexSpace(text.charCodeAt(i)) || !isRegexSpace(text.charCodeAt(i + 1))) continue;
    while (i < end && isRegexSpace(text.charCodeAt(i))) i++;
    here.push(i);
  }
  // One sweep over the cuts and the spans, both in order: a cut is inside a span that starts
  // before it when the farthest end of those is past it.
  whole.sort((a, b) => a[0] - b[0]);
  let w = 0;
  let reach = -1;
  for (const o of [...new Set(here)].sort((a, b) => a - b)) {
    for (; w < whole.length && whole[w][0] < o; w++) reach = Math.max(reach, whole[w][1]);
    if (o > start && o < end && o >= reach) cuts.push(o);
  }
}

/** Every line that reads as a section heading (of the 2021 wording or the 2008 outline), in order. */
function findHeadings(lines: LineList): HeadingFound[] {
  const text = lines.text;
  const found: HeadingFound[] = [];
  for (let n = 0; n < lines.length; n++) {
    const start = lines.starts[n];
    let end = lines.endOf(n);
    // A copied page may pad a heading with white space (no-break spaces) to the right margin.
    while (end > start && isRegexSpace(text.charCodeAt(end - 1))) end--;
    if (!mayBeHeading(text, start, end)) continue;
    const h = (end - start <= LONGEST_HEADING_LINE ? findHeading(lines, n) : null) ?? inlineHeading(lines, n, end);
    if (h) found.push(h);
  }
  return found;
}

/** What ends a heading on its line before its section's first paragraph: a stop, a colon or white space. */
function endsHeading(c: number): boolean {
  return c === 0x3002 || c === 0xff1a || c === 58 || isRegexSpace(c);
}

/** What a sentence has and a heading has not: a comma or a semicolon (a wording may have 、). */
function partsClauses(c: number): boolean {
  return c === 0xff0c || c === 44 || c === 0xff1b || c === 59;
}

/**
 * A numbered heading with its section's first paragraph on its line (a page that sets its headings
 * in bold at the start of a paragraph: 一、总体情况2024年，…; 六、其他需要报告的事项：无。). Up to the
 * first stop, colon, white space or figure, the line begins with a wording of the template (the
 * heading ends there), or, ended by a stop, a colon or white space, is a near miss of one. A comma
 * or a semicolon before that makes it a sentence (一、总体情况良好，…; 一、总体情况；二、…). Such a
 * heading is taken only for a section no line of its own heads (`rank`).
 */
function inlineHeading(lines: LineList, n: number, end: number): HeadingFound | null {
  const text = lines.text;
  let i = lines.starts[n];
  while (i < end && isMark(text.charCodeAt(i))) i++;
  const bodyAt = i < end ? numberedBody(text.slice(i, end)) : -1;
  if (bodyAt < 0) return null;
  const j = i + bodyAt;
  let e = j;
  while (e < end && e - j <= LONGEST_BODY && !endsHeading(text.charCodeAt(e)) && !isDigitCode(text.charCodeAt(e))) {
    if (partsClauses(text.charCodeAt(e))) return null;
    e++;
  }
  if (e >= end || e - j > LONGEST_BODY) return null;
  const numeral = text[i];
  const heading = (index: number, to: number, canonical: boolean): HeadingFound => ({
    index,
    line: n,
    span: { start: lines.starts[n], end: to },
    text: text.slice(i, to),
    canonical,
    inner: { start: i, end: to },
    inline: true,
  });
  const w = wordingEnd(keyFrom(text, j, e));
  const exact = w >= 0 ? EXACT.get(headingKey(text.slice(j, w))) : undefined;
  if (exact) return heading(exact, w, NUMERAL_OF.get(numeral) === exact);
  if (isDigitCode(text.charCodeAt(e))) return null;
  // The ** closing a bold heading.
  let to = e;
  while (to > j && text.charCodeAt(to - 1) === 42) to--;
  const key = headingKey(text.slice(j, to));
  const near = key.length >= 2 ? nearestSection(key, numeral) : -1;
  return near > 0 ? heading(near, to, false) : null;
}

/**
 * How a heading of a section is preferred to another: one in the body over one in a list of
 * contents, one on a line of its own, a canonical one over a near miss.
 */
function rank(h: HeadingFound, listed: boolean): number {
  return listed ? -1 : h.inline ? 0 : h.canonical ? 2 : 1;
}

/** How many headings in a row, nothing but blank lines between them, make a list of contents (目录) rather than sections. */
const CONTENTS_RUN = 3;

/**
 * Which of `found` stand in a list of contents: a run of `CONTENTS_RUN` or more headings of
 * different sections with nothing but blank lines between them (the section after the list may
 * follow it directly).
 */
function listedHeadings(lines: LineList, found: HeadingFound[]): boolean[] {
  const listed = found.map(() => false);
  const adjacent = (a: HeadingFound, b: HeadingFound): boolean => {
    if (a.inline || b.inline) return false;
    for (let n = lineBelow(lines, a); n < b.line; n++) if (lines.at(n)!.text.trim()) return false;
    return true;
  };
  for (let k = 0; k < found.length; ) {
    let end = k + 1;
    const sections = new Set([found[k].index]);
    while (end < found.length && !sections.has(found[end].index) && adjacent(found[end - 1], found[end])) sections.add(found[end++].index);
    if (end - k >= CONTENTS_RUN) for (let j = k; j < end; j++) listed[j] = true;
    k = end;
  }
  return listed;
}

/**
 * The best heading of each section (by `rank`, else the first) before line `stop`, in order;
 * others are ordinary lines. The first heading of a section only the 2008 outline has.
 */
function chooseHeadings(lines: LineList, found: HeadingFound[], stop: number): { headings: HeadingFound[]; outline2008?: HeadingFound } {
  /** Per section, where its best heading is in `found` (-1: none yet). */
  const best: number[] = new Array(SECTIONS.length + 1).fill(-1);
  let outline2008: HeadingFound | undefined;
  const listed = listedHeadings(lines, found);
  for (let k = 0; k < found.length; k++) {
    const h = found[k];
    if (h.line >= stop) break;
    if (h.index === 0) {
      outline2008 ??= h;
      continue;
    }
    const cur = best[h.index];
    if (cur < 0 || rank(h, listed[k]) > rank(found[cur], listed[cur])) best[h.index] = k;
  }
  return { headings: best.filter((k) => k >= 0).map((k) => found[k]).sort((a, b) => a.line - b.line), outline2008 };
}

/** The lines the tables are read from (-1: none found). */
interface Anchors {
  /** Table 二's caption 第二十条第（一）项. */
  t2Caption: number;
  /** Table 三's first row (or the line after its corner text). */
  t3Start: number;
  /** Table 三's corner text (勾稽关系, `T3_CORNER_WORDS`). */
  corner: number;
  /** Table 四's header. */
  t4: number;
}

/** Finds the next line with a word from an offset on (`nextLineWith`, before a second report). */
type LineWith = (word: string, from: number, spaced: boolean) => Line | undefined;

/**
 * Each table's anchor: the first line with its word that passes its test. A word not found as
 * written is looked for with white space between its characters.
 */
function findAnchors(lineWith: LineWith, headingLines: number[]): Anchors {
  /** The anchor `search` finds with words as written, else with words spaced out (-1: none). */
  const either = (search: (spaced: boolean) => number): number => {
    const n = search(false);
    return n >= 0 ? n : search(true);
  };
  let t3Loose = -1;
  let t3Start = either((spaced) => {
    for (let l = lineWith('新收', 0, spaced); l; l = lineWith('新收', l.end, spaced)) {
      if (l.text.includes('。')) continue;
      const n = stripMarker(norm(l.text));
      if (n.startsWith('本年新收政府信息公开申请') || n.startsWith('新收政府信息公开申请')) return l.n;
      if (t3Loose < 0 && n.startsWith('本年新收')) t3Loose = l.n;
    }
    return -1;
  });
  const cornerLine = either((spaced) => {
    const corners = T3_CORNER_WORDS.map((w) => lineWith(w, 0, spaced)?.n ?? -1).filter((n) => n >= 0);
    return corners.length ? Math.min(...corners) : -1;
  });
  const t2Caption = either((spaced) => {
    for (let l = lineWith('第二十条', 0, spaced); l; l = lineWith('第二十条', l.end, spaced)) {
      if (norm(l.text).includes('第二十条第一项')) return l.n;
    }
    return -1;
  });
  // Table 四 starts at its header, or, set out a group a row (行政复议 6 0 4 1 11 / 行政诉讼（未经复议直接起诉）…),
  // at its first group's row: header words and numbers only.
  const t4 = either((spaced) => {
    let groupRow = -1;
    for (let l = lineWith('行政复议', 0, spaced); l; l = lineWith('行政复议', l.end, spaced)) {
      if (headingLines.includes(l.n)) continue;
      if (isT4Header(l.text)) return l.n;
      if (groupRow < 0 && isT4Header(l.text.replace(/[0-9０-９]+/g, ''))) groupRow = l.n;
    }
    return groupRow;
  });
  if (t3Start < 0) t3Start = t3Loose;
  if (t3Start < 0 && cornerLine >= 0) t3Start = cornerLine + 1;
  return { t2Caption, t3Start, corner: cornerLine, t4 };
}

/** What reading the tables gives: the tables used, and what was found instead of others. */
type TablesRead = Pick<Parsed, 'orphans' | 'doubts' | 'emptyHeaders'> & { tables: Partial<Record<'t2' | 't3' | 't4', TableModel>> };

/**
 * Read tables 二, 三 and 四 from their anchors, each up to the next heading or table (`other`: a
 * second report's first line, or -1). A doubted table is left out of the model and kept in
 * `doubts`; a caption or header with no numbers under it is kept in `emptyHeaders`.
 */
function readTables(lines: LineList, scanned: (n: number) => ScannedLine, a: Anchors, headings: HeadingFound[], other: number, inSection: (o: number) => number): TablesRead {
  const out: TablesRead = { tables: {}, orphans: {}, doubts: {}, emptyHeaders: {} };
  const headingLines = headings.map((h) => h.line);
  /** Whether a reading is used: a doubted one is only recorded as such (nothing in it is checked). */
  const usable = (id: 't2' | 't3' | 't4', r: ReadResult): boolean => {
    if (r.doubt) out.doubts[id] = { span: r.table.span, doubt: r.doubt };
    return !r.doubt;
  };
  /**
   * A caption or header with no row read under it (lines `from` to `to`, -1: the end): a table
   * without data, unless a number or a mark stands there that no row could be read from.
   */
  const nothingRead = (id: 't2' | 't3' | 't4', header: number, from: number, to: number): void => {
    const at = span(lines.at(header)!);
    for (let n = from; n < (to < 0 ? lines.length : to); n++) {
      if (!noCellsIn(lines.text, lines.starts[n], lines.endOf(n))) {
        out.doubts[id] = { span: at, doubt: { kind: 'unread' } };
        return;
      }
    }
    out.emptyHeaders[id] = at;
  };
  const s2 = headings.find((h) => h.index === 2);
  const t2From = a.t2Caption >= 0 ? a.t2Caption : s2 ? lineBelow(lines, s2) : -1;
  if (t2From >= 0 && t2From < lines.length) {
    const stopAt = regionEnd(t2From, headingLines, [a.t3Start, a.corner, a.t4, other]);
    const r = readRows(lines, scanned, t2From, T2, { stopAt, lastKey: 't2.fee', inSection });
    if (!usable('t2', r)) {
      // A doubted table is left out of the model.
    } else if (r.table.rows.length) {
      out.tables.t2 = r.table;
      out.orphans.t2 = r.orphans;
    } else if (a.t2Caption >= 0) nothingRead('t2', a.t2Caption, t2From, stopAt);
  }
  if (a.t3Start >= 0 && a.t3Start < lines.length) {
    const stopAt = regionEnd(a.t3Start, headingLines, [a.t4, other]);
    const r = readRows(lines, scanned, a.t3Start, T3, { stopAt, lastKey: 't3.next', inSection });
    if (!usable('t3', r)) {
      // A doubted table is left out of the model.
    } else if (r.table.rows.length) {
      out.tables.t3 = r.table;
      out.orphans.t3 = r.orphans;
    } else {
      nothingRead('t3', a.corner >= 0 ? a.corner : a.t3Start, a.t3Start, stopAt);
    }
  }
  if (a.t4 >= 0) {
    const stopAt = regionEnd(a.t4, headingLines, [other]);
    const r = readT4(lines, scanned, a.t4, stopAt, inSection);
    if (usable('t4', r)) {
      if (r.table.rows.length) out.tables.t4 = r.table;
      else nothingRead('t4', a.t4, a.t4, stopAt);
    }
  }
  // A table not found by its header, whose section has numbers set out as a table (its header
  // wrapped past recognition in a grid table's narrow cells, say): not missing, but not read.
  for (const id of ['t2', 't3', 't4'] as const) {
    if (out.tables[id] || out.doubts[id] || out.emptyHeaders[id]) continue;
    const k = headings.findIndex((h) => h.index === TABLES[id].section);
    if (k < 0) continue;
    const end = k + 1 < headings.length ? headings[k + 1].line : other >= 0 ? other : lines.length;
    let tableLines = 0;
    for (let n = lineBelow(lines, headings[k]); n < end && tableLines < TABLE_LINES; n++) {
      const sl = scanned(n);
      if (sl.shape !== 'spaces' && sl.toks.some((t) => t.kind === 'num')) tableLines++;
    }
    if (tableLines >= TABLE_LINES) out.doubts[id] = { span: headings[k].span, doubt: { kind: 'unanchored' } };
  }
  return out;
}

/**
 * How many lines of numbers set out as a table (in `|` rows, tab-separated or one a line) make a
 * section hold a table: more than a sentence's figure on a line of its own, fewer than any of the
 * template's tables has rows.
 */
const TABLE_LINES = 3;

export function parse(written: string): Parsed {
  const text = visible(written);
  const lines = new LineList(text, cutsOf(text), markupRows(written));
  const cache: (ScannedLine | undefined)[] = new Array(lines.length);
  const chars = textChars(text);
  const scanned = (n: number): ScannedLine => (cache[n] ??= scanLine(text, lines.starts[n], lines.endOf(n), n, chars, lines.isPiece(n)));

  const found = findHeadings(lines);
  // A second report starts at a heading of its own line (a heading inline is not sure enough).
  const otherLines = otherReportLines(lines, found.filter((h) => !h.inline));
  const other = otherLines ? otherLines.first : -1;
  /** The line nothing is read from: a second report's title, or the end. */
  const stop = other >= 0 ? other : lines.length;
  const { headings, outline2008 } = chooseHeadings(lines, found, stop);
  const sections: SectionModel[] = headings.map((h, i) => ({
    index: h.index,
    text: h.text,
    span: h.span,
    end: i + 1 < headings.length ? headings[i + 1].span.start : text.length,
    canonical: h.canonical,
  }));
  const inSection = (o: number): number => {
    let idx = 0;
    for (const s of sections) if (s.span.start <= o) idx = s.index;
    return idx;
  };
  const title = findTitle(lines, headings.length ? headings[0].line : -1);
  const oldToken = findOldTemplate(other >= 0 ? text.slice(0, lines.starts[other]) : text);
  const lineWith: LineWith = (word, from, spaced) => {
    const l = nextLineWith(lines, word, from, spaced);
    return l && l.n < stop ? l : undefined;
  };
  const anchors = findAnchors(lineWith, headings.map((h) => h.line));
  const { tables, orphans, doubts, emptyHeaders } = readTables(lines, scanned, anchors, headings, other, inSection);

  const looksReport = !!title || headings.length > 0 || Object.keys(tables).length > 0;
  const template = oldToken ? '2019' : looksReport ? '2021' : 'unknown';
  const markdown = text.includes('#') && /^#{1,6}\s/m.test(text);
  return {
    model: { text, template, title, sections, tables },
    lines,
    headings,
    orphans,
    oldToken,
    outline2008,
    doubts,
    emptyHeaders,
    markdown,
    otherReport: otherLines && { start: lines.starts[otherLines.first], end: lines.endOf(otherLines.last) },
  };
}

/** What a character may be at the start of a heading (`mayBeHeading`). */
const NUMERAL_1_6 = 1;
const SEPARATOR = 2;
const BODY_START = 4;
const HEADING_CHAR = charFlags([
  [SECTIONS.map((s) => s.numeral).join(''), NUMERAL_1_6],
  ['、.．,，', SEPARATOR],
  // A bare heading starts as one of the wordings does.
  [WORDINGS.map((w) => w.n[0]).join(''), BODY_START],
]);

/** White space and `>` (a Markdown quote) before a heading. */
function isHeadingIndent(c: number): boolean {
  return c === 62 || isRegexSpace(c);
}

/**
 * Cheap pre-test on the line `text[start, end)`: a numeral and a separator or white space, Markdown marks, or a
 * short line that may be a bare heading (as long as a wording at least: normalising only drops
 * characters).
 */
function mayBeHeading(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isHeadingIndent(text.charCodeAt(i))) i++;
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  if (c === 35 || c === 42) return true; // # *
  if (c === 0x7b2c) return end - i <= LONGEST_HEADING_LINE && PART_START.test(text.slice(i, i + 8)); // 第一部分 (`otherNumberedHeading`)
  if ((c >= 49 && c <= 54) || (c >= 0xff11 && c <= 0xff16)) {
    // 1 … 6 (ASCII or full-width), a separator and the start of a wording (`otherNumberedHeading`).
    let j = i + 1;
    while (j < end && isRegexSpace(text.charCodeAt(j))) j++;
    const d = text[j++];
    while (j < end && isRegexSpace(text.charCodeAt(j))) j++;
    return end - i <= LONGEST_HEADING_LINE && j <= end && ARABIC_SEPARATORS.includes(d) && (HEADING_CHAR[text.charCodeAt(j)] & BODY_START) !== 0;
  }
  if (HEADING_CHAR[c] & NUMERAL_1_6) {
    let j = i + 1;
    while (j < end && isRegexSpace(text.charCodeAt(j))) j++;
    return j < end && (j > i + 1 || (HEADING_CHAR[text.charCodeAt(j)] & SEPARATOR) !== 0);
  }
  return end - i <= LONGEST_BARE && end - i >= SHORTEST_WORDING && (HEADING_CHAR[c] & BODY_START) !== 0;
}
