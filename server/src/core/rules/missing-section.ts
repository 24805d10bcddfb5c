import { msg } from '../messages';
import type { TableModel } from '../model';
import { lineBelow, type HeadingFound, type Parsed } from '../parse';
import { arabicYears, halfWidth, type Line } from '../text';
import { SECTIONS, T3_CORNER_WORDS, TABLES, sectionHeading } from '../template';
import type { Message, Span } from '../types';
import type { Rule } from './context';

/** A date on its own line, its year read in digits (２０２６年１月２０日 and 二〇二六年一月二十日 too). */
const DATE_LINE = /^\s*\d{4}\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$/;

/** Words of the lines a table's caption or header starts with (table 四's reading starts at its header). */
const TOP_WORDS = { t2: ['第二十条'], t3: [...T3_CORNER_WORDS, '申请人情况'], t4: [] as string[] };

/** How much of a line a fix's title quotes to say where the heading goes. */
const QUOTED = 16;

/** Where a missing heading goes, and whether that place is known (then the fix is preferred). */
interface Place {
  /** The line the heading goes before (`lines.length`: the end of the text). */
  line: number;
  /** Where the finding is shown. */
  at: Span;
  known: boolean;
}

/** The first line of `[from, to)` with something on it, or -1. */
function firstContent(p: Parsed, from: number, to: number): number {
  for (let n = Math.max(0, from); n < to; n++) if (p.lines.at(n)!.text.trim()) return n;
  return -1;
}

/** The table of section `index`, when it is read between lines `from` and `to`. */
function tableOf(p: Parsed, index: number, from: number, to: number): TableModel | undefined {
  for (const t of Object.values(p.model.tables)) {
    if (!t || TABLES[t.id].section !== index) continue;
    const line = p.lines.lineOf(t.span.start);
    if (line >= from && line < to) return t;
  }
  return undefined;
}

/**
 * The first line of table `t` with its caption and header: the topmost line with a caption or
 * header word among the lines above its first row up to a sentence (a line with 。), not above
 * `from`. However many lines a header takes (one cell a line, blank lines between), it stands
 * between the text before the table and its first row.
 */
function tableTop(p: Parsed, t: TableModel, from: number): number {
  const first = p.lines.lineOf(t.span.start);
  let top = first;
  for (let n = first - 1; n >= from; n--) {
    const text = p.lines.at(n)!.text;
    if (text.includes('。')) break;
    if (TOP_WORDS[t.id].some((w) => text.includes(w))) top = n;
  }
  return top;
}

/** What a sentence has and a body's name never does. */
const SENTENCE_MARKS = /[。，；：、！？,;:!?]/;

/**
 * The closing signature (body name and date) among the last three lines with text: its first
 * line, or `lines.length` when there is none; and the last line of the body before it. The line
 * before the date is the body's name when it has none of a sentence's punctuation.
 */
function signature(p: Parsed): { sig: number; lastBody: Line | undefined } {
  const nonEmpty: Line[] = [];
  for (let i = p.lines.length - 1; i >= 0 && nonEmpty.length < 3; i--) if (p.lines.at(i)!.text.trim()) nonEmpty.unshift(p.lines.at(i)!);
  let n = nonEmpty.length;
  if (n && DATE_LINE.test(arabicYears(halfWidth(nonEmpty[n - 1].text)))) n -= n >= 2 && !SENTENCE_MARKS.test(nonEmpty[n - 2].text) ? 2 : 1;
  return { sig: n < nonEmpty.length ? nonEmpty[n].n : p.lines.length, lastBody: nonEmpty[n - 1] };
}

/**
 * Where section `index`'s heading goes: before the section's surviving content. When the section
 * before is the previous one and its table is read (sections 二 to 四 are their tables), that
 * content is the first text that is not that table; else it starts at the section's own table.
 * With no content at all, the heading goes before the next heading. Anywhere else the content of
 * two sections cannot be told apart: the heading goes before the next heading (section 一: after
 * the title), and the place is not known.
 */
function placeOf(p: Parsed, index: number, prev: HeadingFound | undefined, next: HeadingFound | undefined): Place {
  const lineSpan = (n: number): Span => ({ start: p.lines.at(n)!.start, end: p.lines.at(n)!.end });
  const { sig, lastBody } = signature(p);
  const end = next ? next.line : sig;
  const atEnd: Place = { line: end, at: next ? next.span : lastBody ? lineSpan(lastBody.n) : { start: 0, end: 0 }, known: true };
  const titleEnd = p.model.title ? p.lines.lineOf(p.model.title.span.end) + 1 : 0;
  const from = prev ? lineBelow(p.lines, prev) : titleEnd;
  const content = firstContent(p, from, end);
  if (content < 0) return atEnd;
  const prevTable = prev && prev.index === index - 1 ? tableOf(p, prev.index, from, end) : undefined;
  if (prevTable) {
    // The section's content is what is not the table; a page break may have put the table in its middle.
    const top = tableTop(p, prevTable, from);
    const c = content < top ? content : firstContent(p, p.lines.lineOf(prevTable.span.end) + 1, end);
    return c < 0 ? atEnd : { line: c, at: lineSpan(c), known: true };
  }
  const own = tableOf(p, index, from, end);
  if (own) {
    const top = tableTop(p, own, from);
    return { line: top, at: lineSpan(top), known: true };
  }
  if (index === 1 && !prev) return { line: content, at: lineSpan(content), known: false };
  return { ...atEnd, known: false };
}

export const rule: Rule = {
  meta: {
    id: 'RPT010',
    alias: 'missing-section',
    severity: 'error',
    tags: ['template'],
    fixable: true,
    description: { 'zh-CN': '缺少模板规定的六个部分之一', en: 'One of the six template sections is missing' },
  },
  run(ctx) {
    const p = ctx.parsed;
    // A report in the 2008 outline has its own sections (section-heading says so once).
    if (p.outline2008) return;
    const found = new Set(p.headings.map((h) => h.index));
    /** A heading's Markdown marks (`## `), so an inserted heading matches its neighbours. */
    const marksOf = (h: HeadingFound | undefined) => (h ? (/^[#\s]*#\s*/.exec(p.lines.at(h.line)!.text)?.[0] ?? '') : '');
    for (const s of SECTIONS) {
      if (found.has(s.index)) continue;
      const heading = sectionHeading(s.index);
      // The first heading (in document order) of a later section, and the last of an earlier one before it.
      const next = p.headings.find((h) => h.index > s.index);
      let prev: HeadingFound | undefined;
      for (const h of p.headings) if (h.index < s.index && (!next || h.line < next.line)) prev = h;
      const place = placeOf(p, s.index, prev, next);
      const prefix = marksOf(next ?? prev);
      const line = p.lines.at(place.line);
      const insertAt = line ? line.start : p.model.text.length;
      const text = line ? `${prefix}${heading}\n\n` : `\n\n${prefix}${heading}\n`;
      let title: Message;
      if (place.known) title = msg('fixInsertSection', { heading });
      else if (line) title = msg('fixInsertSectionBefore', { heading, line: quote(line.text) });
      else title = msg('fixInsertSectionAtEnd', { heading });
      ctx.report({
        span: place.at,
        message: msg('missingSection', { numeral: s.numeral, heading }),
        fixes: [{ title, preferred: place.known, edits: [{ start: insertAt, end: insertAt, newText: text }] }],
      });
    }
  },
};

/** The start of a line, as a fix's title quotes it. */
function quote(text: string): string {
  const t = text.trim();
  return t.length > QUOTED ? `${t.slice(0, QUOTED)}…` : t;
}
