/**
 * The 2019 template (国办公开办函〔2019〕60号) recognised from its tables: the captions, column
 * headers and rows only it prints (`T2_2019`), found where they stand as cells of a table, never
 * inside a sentence. A narrative may well name 政府集中采购 or cite 第二十条第（九）项; a table
 * cell is bounded by the start or end of a line, a tab, a pipe, a number or another cell's words,
 * and a sentence's word is bounded by other words. One such word could still be chance; the
 * template is decided by `OLD_TEMPLATE_MIN` different ones (its table 二 prints eleven).
 */
import { OLD_TEMPLATE_MIN, OLD_TEMPLATE_TOKENS, T2 } from './template';
import { charFlags } from './text';
import type { Span } from './types';

/** A token as a pattern: white space allowed between its characters (PDF text breaks labels), either width of bracket, an optional slash. */
function pattern(token: string): string {
  return [...token]
    .map((c) => (c === '（' || c === '(' ? '[（(]' : c === '）' || c === ')' ? '[）)]' : c === '/' ? '[/／]?' : c))
    .join('\\s*');
}

const TOKENS_RE = new RegExp(OLD_TEMPLATE_TOKENS.map((t) => `(${pattern(t)})`).join('|'), 'g');

/** Words of a table 二 of either template: a cell next to one of them is a cell too. */
const CELL_WORDS = [...OLD_TEMPLATE_TOKENS, '信息内容', '处理决定数量', ...T2.rows.map((r) => r.label), '规范性文件'];
const WORD_BEFORE = new RegExp(`(?:${CELL_WORDS.map(pattern).join('|')}|第二十条第[（(][一二三四五六七八九十]+[）)]项)$`);
const WORD_AFTER = new RegExp(`(?:${CELL_WORDS.map(pattern).join('|')}|第二十条)`, 'y');
/**
 * How far before a token `WORD_BEFORE` looks: the longest cell word (`CELL_WORDS`, and a caption
 * 第二十条第（十五）项 as long) with a space after every character, as PDF text spaces them.
 */
const WORD_BEFORE_REACH = 2 * Math.max(...CELL_WORDS.map((w) => w.length), '第二十条第（十五）项'.length);

const SPACE = 1;
/** A line break or a tab: a cell ends there. */
const BREAK = 2;
const DIGIT = 4;
/** What may follow a number in a sentence, not in a table: a unit or a clause's punctuation. */
const PROSE_AFTER_NUMBER = 8;
const KIND = charFlags([
  [' \u3000\u00a0', SPACE],
  ['\t\n\r\f\v\u2028\u2029', SPACE | BREAK],
  ['0123456789０１２３４５６７８９', DIGIT],
  ['件项个条次万元亿%％年月日批家人份起宗笔张，,。；;、：:', PROSE_AFTER_NUMBER],
]);

function standsBefore(text: string, start: number): boolean {
  let i = start;
  let broke = false;
  for (; i > 0 && KIND[text.charCodeAt(i - 1)] & SPACE; i--) if (KIND[text.charCodeAt(i - 1)] & BREAK) broke = true;
  if (i === 0 || broke) return true;
  const c = text.charCodeAt(i - 1);
  if (c === 124 || KIND[c] & DIGIT) return true; // |
  return WORD_BEFORE.test(text.slice(Math.max(0, i - WORD_BEFORE_REACH), i));
}

function standsAfter(text: string, end: number): boolean {
  let i = end;
  let broke = false;
  for (; i < text.length && KIND[text.charCodeAt(i)] & SPACE; i++) if (KIND[text.charCodeAt(i)] & BREAK) broke = true;
  if (i === text.length || text.charCodeAt(i) === 124) return true;
  if (KIND[text.charCodeAt(i)] & DIGIT) {
    // The cells' numbers: a sentence's number has its unit or punctuation after it.
    while (i < text.length && (KIND[text.charCodeAt(i)] & (DIGIT | SPACE) || text[i] === '.' || text[i] === '|')) i++;
    return i === text.length || !(KIND[text.charCodeAt(i)] & PROSE_AFTER_NUMBER);
  }
  if (broke) return !(KIND[text.charCodeAt(i)] & PROSE_AFTER_NUMBER);
  WORD_AFTER.lastIndex = i;
  return WORD_AFTER.test(text);
}

/** The first of the 2019 template's own words standing as a table cell, when at least `OLD_TEMPLATE_MIN` different ones do. */
export function findOldTemplate(text: string): Span | undefined {
  let first: Span | undefined;
  const seen = new Set<number>();
  TOKENS_RE.lastIndex = 0;
  for (let m = TOKENS_RE.exec(text); m; m = TOKENS_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!standsBefore(text, start) || !standsAfter(text, end)) continue;
    first ??= { start, end };
    seen.add(m.findIndex((g, k) => k > 0 && g !== undefined));
    if (seen.size >= OLD_TEMPLATE_MIN) return first;
  }
  return undefined;
}
