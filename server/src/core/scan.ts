/**
 * Scan: a line of table text → tokens with offsets. Every table shape (spaces with wrapped
 * labels, tabs, one cell per line, Markdown pipes, HTML flattened to `|`) reduces to one stream
 * of label fragments and cells. Delimited rows keep their empty fields, so a blank cell is not
 * silently lost.
 */
import type { TableShape } from './model';
import { NUMBER_RE, allDigits, isDigitCode, isRegexSpace, type LineList } from './text';

export type TokKind = 'text' | 'num' | 'bad' | 'empty';

export interface Tok {
  kind: TokKind;
  start: number;
  end: number;
  raw: string;
  /** 0-based line. */
  line: number;
}

export interface ScannedLine {
  toks: Tok[];
  /** `pipes`: delimited by `|`, where empty fields up to the row width are blank cells. */
  shape: TableShape;
  /** Nothing but page furniture or a Markdown separator row. */
  skip: boolean;
  /** One field closed by a `|` (a cell of a table copied one cell per line, `0 |`). */
  oneField?: boolean;
  /** A piece of a longer line (`LineList.isPiece`): its runs of digits may be several cells written together. */
  piece?: boolean;
}

const FURNITURE = /^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;
/**
 * A table's rule: a Markdown table's separator row (|---|:--:|), a grid table's border
 * (+----+====+, as pandoc writes a table with cells of several lines), a text table's (-----).
 */
const TABLE_RULE = /^\s*[|+]?\s*:?[-=]{2,}:?\s*(?:[|+]\s*:?[-=]{2,}:?\s*)*[|+]?\s*$/;
/** Whether a line is a table's rule (`TABLE_RULE`; one without -- or == is not looked at further). */
function isRule(line: string): boolean {
  return (line.includes('--') || line.includes('==')) && TABLE_RULE.test(line);
}
/**
 * A mark written in a number's place (a junk cell): dashes, slashes and crosses, 无, 空, N/A, and a
 * zero's look-alikes (the letter O of a text recognised from a scan, 〇 typed for zero).
 */
const BAD = /^(?:[-—–－/／\\×*＊]{1,3}|无|空|[Nn]\/?[Aa]|[Oo〇Ｏ])$/;
/** Length of the longest junk cell `BAD` matches. */
const BAD_MAX = 3;
/** A number written with its unit: a fee in 元 or 万元, a count in 件 (`validate` tells which a column takes). */
const WITH_UNIT = /^[0-9０-９]+(?:[,，][0-9]{3})*(?:(?:[.．][0-9０-９]+)?万?元|件)$/;
/** 元 and 件, the units a cell may end with. */
export const YUAN = 0x5143;
export const JIAN = 0x4ef6;

/**
 * What separates cells like a space (tabs are separators of their own): a space, an ideographic
 * or no-break space, the other Unicode spaces, and control characters (a stray one pasted
 * between two numbers keeps them two numbers, as it looks).
 */
function isSpace(c: number): boolean {
  if (c === 32) return true;
  if (c < 32) return c !== 9;
  return c >= 0x7f && (c <= 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff);
}

/** A space or a tab: what separates the words of a line. */
function isBlank(c: number): boolean {
  return isSpace(c) || c === 9;
}

/** The first character of line `text[start, end)` past spaces and tabs (`end` when there is none). */
function firstNonBlank(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** Whether a character may begin a number: a digit (ASCII or full-width) or a sign. */
function startsNumber(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || c === 43 || c === 45;
}

/** Whether a character may end a number: a digit (ASCII or full-width), 元 or 件 (`WITH_UNIT`). */
function endsNumber(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || c === YUAN || c === JIAN;
}

/**
 * Whether the word `s[start, end)` may be a cell: it starts and ends like a number, or is short
 * enough to be junk (`classify` tells). Any other word, such as a numbered label ("1.属于国家秘密"),
 * is label text, known without slicing it.
 */
function mayBeCell(s: string, start: number, end: number): boolean {
  return (startsNumber(s.charCodeAt(start)) && endsNumber(s.charCodeAt(end - 1))) || end - start <= BAD_MAX;
}

function classify(raw: string): TokKind {
  if (allDigits(raw)) return 'num';
  // Only a word that starts and ends like a number is tried against the number patterns.
  if (startsNumber(raw.charCodeAt(0)) && endsNumber(raw.charCodeAt(raw.length - 1)) && (NUMBER_RE.test(raw) || WITH_UNIT.test(raw))) return 'num';
  if (raw.length <= BAD_MAX && BAD.test(raw)) return 'bad';
  return 'text';
}

function pushTok(toks: Tok[], kind: TokKind, start: number, raw: string, line: number): void {
  toks.push({ kind, start, end: start + raw.length, raw, line });
}

/**
 * What follows a figure of a sentence, never a cell: its unit (件, 条, 年, %, …), a clause's
 * punctuation or a closing bracket (`制作、获取政府信息11条，`, `2014年度`).
 */
const PROSE_AFTER = '件项个条次篇层起人余年月日号期批家份宗笔张%％，,。；;：:）)〕';

/**
 * The numbers inside the word `s[from, to)` of a text written without separators, where a row's
 * numbers stand between its label and the next (`规章000规范性文件107`): each run of digits
 * (with a decimal point between digits) that is neither a list marker (`2.` before text) nor a
 * figure of a sentence (`PROSE_AFTER`), as [start, end) pairs. Full-width digits count as digits.
 */
function gluedNumbers(s: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = from; i < to; ) {
    if (!isDigitCode(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const a = i;
    while (i < to && isDigitCode(s.charCodeAt(i))) i++;
    if (i + 1 < to && (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 0xff0e) && isDigitCode(s.charCodeAt(i + 1))) {
      i++;
      while (i < to && isDigitCode(s.charCodeAt(i))) i++;
    }
    const after = s.charCodeAt(i);
    const marker = i < to && (after === 46 || after === 0xff0e || after === 0x3001);
    if (!marker && !(i < to && PROSE_AFTER.includes(s[i]))) out.push([a, i]);
  }
  return out;
}

/** Brackets a note after a number opens and closes (（…） (…) 〔…〕 […]). */
const NOTE_OPEN = '（(〔[';
const NOTE_CLOSE = '）)〕]';
/** A list numeral alone in brackets: （二）, (3): the next row's label, never a note. */
const LIST_NUMERAL = /^\s*(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})\s*$/;

/** A footnote mark after a number: * ＊ ※, ① … ⑳, superscript digits. */
function isNoteMark(c: number): boolean {
  return c === 42 || c === 0xff0a || c === 0x203b || (c >= 0x2460 && c <= 0x2473) || c === 0xb9 || c === 0xb2 || c === 0xb3 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

/**
 * Where the note written right after a number ends, the number ending at `k` in `s[.., to)`: a
 * note in brackets (22（其中修订16件）, 55（含自然失效 29 件）, 0（注）; its figures are not
 * cells) or one or two footnote marks (5*, 5①) before white space; -1 when there is none.
 */
function noteEnd(s: string, k: number, to: number): number {
  const open = NOTE_OPEN.indexOf(s[k]);
  if (open >= 0) {
    const close = s.indexOf(NOTE_CLOSE[open], k + 1);
    return close >= 0 && close < to && !LIST_NUMERAL.test(s.slice(k + 1, close)) ? close + 1 : -1;
  }
  let e = k;
  while (e < to && e - k < 2 && isNoteMark(s.charCodeAt(e))) e++;
  return e > k && (e >= to || isBlank(s.charCodeAt(e))) ? e : -1;
}

/** The end of the number a word `s[st, end)` starts with (digits, a decimal point, thousands' commas), or `st`. */
function leadingNumberEnd(s: string, st: number, end: number): number {
  let k = st;
  while (k < end && (isDigitCode(s.charCodeAt(k)) || ((s[k] === '.' || s[k] === ',' || s[k] === '．') && k > st && isDigitCode(s.charCodeAt(k + 1))))) k++;
  return k;
}

/**
 * Split `s[from, to)` on white space into number/text tokens; consecutive text joins. `glued`: the
 * line is a piece of a text written without line breaks, where a row's numbers follow its label
 * with nothing between (`行政许可0`): a word's closing number is a token of its own.
 */
function scanSpaced(s: string, from: number, to: number, line: number, toks: Tok[], glued = false): void {
  let i = from;
  let textStart = -1;
  let textEnd = -1;
  const n = to;
  while (i < n) {
    let c = s.charCodeAt(i);
    while (i < n && isBlank(c)) c = s.charCodeAt(++i);
    if (i >= n) break;
    const st = i;
    // A word of ASCII digits only, the commonest cell, is a number without classifying it.
    let digits = true;
    while (i < n && !isBlank(c)) {
      if (c < 48 || c > 57) digits = false;
      c = s.charCodeAt(++i);
    }
    // A number with a note attached (22（其中修订 16 件）): the number is the cell, the note is passed over.
    const k = digits || glued || !isDigitCode(s.charCodeAt(st)) ? st : leadingNumberEnd(s, st, i);
    const note = k > st && k < i ? noteEnd(s, k, n) : -1;
    if (note >= 0 && classify(s.slice(st, k)) === 'num') {
      if (textStart >= 0) {
        pushTok(toks, 'text', textStart, s.slice(textStart, textEnd), line);
        textStart = -1;
      }
      pushTok(toks, 'num', st, s.slice(st, k), line);
      i = note;
      continue;
    }
    const raw = digits || mayBeCell(s, st, i) ? s.slice(st, i) : '';
    const read = digits ? 'num' : raw ? classify(raw) : 'text';
    // A number with its unit or a clause's punctuation after it is a figure of a sentence (`11 条，`);
    // one with the next cell or the line's end after it, the commonest, is not looked at further.
    const next = read === 'num' ? firstNonBlank(s, i, n) : n;
    const kind = next < n && !isDigitCode(s.charCodeAt(next)) && PROSE_AFTER.includes(s[next]) ? 'text' : read;
    const nums = glued && read === 'text' ? gluedNumbers(s, st, i) : undefined;
    if (nums && nums.length) {
      let at = st;
      for (const [a, b] of nums) {
        if (a > at) {
          if (textStart < 0) textStart = at;
          pushTok(toks, 'text', textStart, s.slice(textStart, a), line);
        } else if (textStart >= 0) pushTok(toks, 'text', textStart, s.slice(textStart, textEnd), line);
        textStart = -1;
        pushTok(toks, 'num', a, s.slice(a, b), line);
        at = b;
      }
      if (at < i) {
        textStart = at;
        textEnd = i;
      }
    } else if (kind === 'text') {
      if (textStart < 0) textStart = st;
      textEnd = i;
    } else {
      if (textStart >= 0) {
        pushTok(toks, 'text', textStart, s.slice(textStart, textEnd), line);
        textStart = -1;
      }
      pushTok(toks, kind, st, raw, line);
    }
  }
  if (textStart >= 0) pushTok(toks, 'text', textStart, s.slice(textStart, textEnd), line);
}

/** Scan the field `t[from, to)` of a delimited row. */
function scanField(t: string, from: number, to: number, line: number, toks: Tok[]): void {
  let a = from;
  let b = to;
  while (a < b && isSpace(t.charCodeAt(a))) a++;
  while (b > a && isSpace(t.charCodeAt(b - 1))) b--;
  if (a === b) {
    // Empty fields before the first filled one are label columns: nothing reads them. (Empty
    // fields are only kept after a filled one, so any token so far means one was filled.)
    if (toks.length === 0) return;
    const at = Math.min(from + 1, to, a);
    toks.push({ kind: 'empty', start: at, end: at, raw: '', line });
    return;
  }
  const inner = t.slice(a, b);
  const kind = classify(inner);
  if (kind !== 'text') {
    pushTok(toks, kind, a, inner, line);
    return;
  }
  // A field with spaces inside ("0 0 0", or a label and its numbers), or a number with a note
  // attached, is read like a line of space-separated cells: numbers split off, label words stay
  // one fragment, notes are passed over.
  if (hasSpace(t, a, b) || isDigitCode(t.charCodeAt(a))) scanSpaced(t, a, b, line, toks);
  else pushTok(toks, 'text', a, inner, line);
}

function hasSpace(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isSpace(t.charCodeAt(i))) return true;
  return false;
}

/**
 * Whether a line whose first character past spaces and tabs is `c` may be page furniture or a
 * table's rule: those start with a dash, 第, a digit, `|`, `+`, `=` or `:` after white space
 * (`\s`, which also takes a few rare spaces the line's start was not trimmed of).
 */
export function mayStartFurniture(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 124 || c === 43 || c === 61 || c === 58 || c === 0x2013 || c === 0x2014 || c === 0xff0d || c === 0x7b2c || isRegexSpace(c);
}

/** Page furniture has a digit; a table's rule has a dash or = (in `t[from, to)`). */
function hasDigitOrRule(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 45 || c === 61) return true;
  }
  return false;
}

/** Most digits of a number on its own line that is read without the general scanner. */
const LONE_NUMBER_DIGITS = 9;

/**
 * The commonest table line, a cell on its own line ("0"), is read without the general scanner:
 * the end of its digits from `first` (the line ends at `end`), or -1. Only up to nine plain
 * digits followed by nothing but spaces qualify (a tab after them would make an empty field; tabs
 * before them only make empty label columns, which are not kept, so "\t0" is one cell too).
 */
function loneNumberEnd(t: string, first: number, end: number): number {
  let i = first;
  for (; i < end && i - first < LONE_NUMBER_DIGITS; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) break;
  }
  if (i === first) return -1;
  for (let j = i; j < end; j++) if (!isSpace(t.charCodeAt(j))) return -1;
  return i;
}

/** Where character `c` is first found in `t[from, to)`, or -1. */
function indexIn(t: string, c: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (t.charCodeAt(i) === c) return i;
  return -1;
}

/**
 * Whether every token `scanLine` finds in `text[from, to)` (a line) is label text or a blank field:
 * the line has no character a number or a junk cell (`BAD`) is made of.
 */
export function noCellsIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      // Digits, + - * / \, N (of N/A) and O (a zero's look-alike).
      if ((c >= 42 && c <= 57) || c === 92 || c === 78 || c === 110 || c === 79 || c === 111) return false;
    } else if ((c >= 0xff10 && c <= 0xff19) || c === 0x2013 || c === 0x2014 || c === 0xff0d || c === 0xff0f || c === 0xd7 || c === 0xff0a || c === 0x65e0 || c === 0x7a7a || c === 0x3007 || c === 0xff2f) {
      return false;
    }
  }
  return true;
}

/**
 * The cheap test a line (`text[start, end)`, its first character past spaces and tabs at `first`)
 * passes before it is matched against the page-furniture patterns: starting like furniture, with
 * a digit or a dash.
 */
function mayBeFurniture(text: string, start: number, first: number, end: number): boolean {
  return mayStartFurniture(text.charCodeAt(first)) && hasDigitOrRule(text, start, end);
}

/** A line of nothing but white space. */
const EMPTY_LINE: ScannedLine = { toks: [], shape: 'spaces', skip: false };

/** Whether a whole text has `|` and tabs at all: the lines of a text without them are not searched for them. */
export interface TextChars {
  pipes: boolean;
  tabs: boolean;
}

export function textChars(text: string): TextChars {
  return { pipes: text.includes('|'), tabs: text.includes('\t') };
}

/**
 * Scan line `n`, `text[start, end)`, in place (token offsets are offsets in `text`); `chars`: what
 * the whole text has, when known.
 */
export function scanLine(text: string, start: number, end: number, n: number, chars?: TextChars, piece = false): ScannedLine {
  const first = firstNonBlank(text, start, end);
  if (first === end) return EMPTY_LINE;
  const lone = loneNumberEnd(text, first, end);
  if (lone >= 0) {
    // Its one token in an array of one (pushing onto an empty array reserves room for many).
    const raw = text.slice(first, lone);
    return { toks: [{ kind: 'num', start: first, end: lone, raw, line: n }], shape: 'cell-per-line', skip: false, piece };
  }
  const toks: Tok[] = [];
  if (mayBeFurniture(text, start, first, end) && isFurniture(text.slice(start, end))) {
    return { toks, shape: 'spaces', skip: true };
  }
  const firstPipe = chars && !chars.pipes ? -1 : indexIn(text, 124, start, end);
  if (firstPipe >= 0 && indexIn(text, 124, firstPipe + 1, end) < 0 && !text.slice(firstPipe + 1, end).trim()) {
    // One field closed by a `|` (`规章 |`, `0 |`, and a lone `|` for a blank cell): a table copied
    // one cell per line. Its empty field is a blank cell of the row it stands in.
    const a = firstNonBlank(text, start, firstPipe);
    let b = firstPipe;
    while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
    if (a === b) toks.push({ kind: 'empty', start: firstPipe, end: firstPipe, raw: '', line: n });
    else scanField(text, a, b, n, toks);
    return { toks, shape: 'cell-per-line', skip: false, oneField: true };
  }
  if (firstPipe >= 0 && (firstPipe === first || indexIn(text, 124, firstPipe + 1, end) >= 0)) {
    const line = text.slice(start, end);
    if (isRule(line)) return { toks, shape: 'spaces', skip: true };
    const s = firstPipe === first ? first + 1 : start;
    let e = end;
    const last = text.lastIndexOf('|', end - 1);
    if (last >= s && !text.slice(last + 1, end).trim()) e = last;
    let fs = s;
    for (let i = s; i <= e; i++) {
      if (i === e || text.charCodeAt(i) === 124) {
        scanField(text, fs, i, n, toks);
        fs = i + 1;
      }
    }
    return { toks, shape: 'pipes', skip: false };
  }
  const firstTab = chars && !chars.tabs ? -1 : indexIn(text, 9, start, end);
  if (firstTab >= 0) {
    let fs = start;
    for (let i = firstTab; i <= end; i++) {
      if (i === end || text.charCodeAt(i) === 9) {
        scanField(text, fs, i, n, toks);
        fs = i + 1;
      }
    }
    // One field with content on the line: the one-cell-per-line shape (Word).
    let filled = 0;
    for (const k of toks) if (k.kind !== 'empty') filled++;
    return { toks, shape: filled <= 1 ? 'cell-per-line' : 'tabs', skip: false };
  }
  scanSpaced(text, start, end, n, toks, piece);
  return { toks, piece, shape: toks.length === 1 && toks[0].kind !== 'text' ? 'cell-per-line' : 'spaces', skip: false };
}

/** Whether `text[start, end)` is a grid table's rule (`+----+====+`). */
export function isGridRule(text: string, start: number, end: number): boolean {
  const first = firstNonBlank(text, start, end);
  return text.charCodeAt(first) === 43 && isRule(text.slice(start, end));
}

/** The fields of a delimited row `text[start, end)` between its first and last `|` (none without two). */
function pipeFields(text: string, start: number, end: number): [number, number][] {
  const first = indexIn(text, 124, start, end);
  const last = text.lastIndexOf('|', end - 1);
  const fields: [number, number][] = [];
  if (first < 0 || last <= first) return fields;
  let from = first + 1;
  for (let i = from; i <= last; i++) {
    if (text.charCodeAt(i) !== 124) continue;
    fields.push([from, i]);
    from = i + 1;
  }
  return fields;
}

/**
 * A row of a grid table (pandoc's, for cells of several lines) written over lines `n` … : the
 * lines between two of its rules (`+----+`), each cell's text wrapped onto the lines below in its
 * column. Read as one line: each column's pieces in order (a label's pieces are the label), its
 * one number, or a blank field when the column is empty; every token on line `n`. Undefined unless
 * line `n - 1` is a rule, two or more lines of as many fields follow up to the next rule, and no
 * column has numbers on two lines (then they are rows of their own).
 */
export function gridRow(lines: LineList, n: number): { sl: ScannedLine; next: number } | undefined {
  const text = lines.text;
  if (n === 0 || !isGridRule(text, lines.starts[n - 1], lines.endOf(n - 1))) return undefined;
  const width = pipeFields(text, lines.starts[n], lines.endOf(n)).length;
  let m = n;
  const rows: [number, number][][] = [];
  for (; m < lines.length && !isGridRule(text, lines.starts[m], lines.endOf(m)); m++) {
    const fields = pipeFields(text, lines.starts[m], lines.endOf(m));
    if (fields.length !== width || width === 0) return undefined;
    rows.push(fields);
  }
  if (m >= lines.length || rows.length < 2) return undefined;
  const toks: Tok[] = [];
  for (let k = 0; k < width; k++) {
    const column: Tok[] = [];
    /** How many of the row's lines have text in this column. */
    let filled = 0;
    for (const fields of rows) {
      const [a, b] = fields[k];
      if (firstNonBlank(text, a, b) < b) {
        scanField(text, a, b, n, column);
        filled++;
      }
    }
    if (filled > 1 && column.some((t) => t.kind !== 'text')) {
      // A cell wrapped with a number among its lines (数据 / 10): one text, or not a row of pieces.
      const raw = column.map((t) => t.raw).join('');
      if (classify(raw) !== 'text') return undefined;
      column.splice(0, column.length, { kind: 'text', start: column[0].start, end: column[column.length - 1].end, raw, line: n });
    }
    if (column.length) toks.push(...column);
    else if (toks.length) {
      const at = Math.min(rows[0][k][0] + 1, rows[0][k][1]);
      toks.push({ kind: 'empty', start: at, end: at, raw: '', line: n });
    }
  }
  return { sl: { toks, shape: 'pipes', skip: false }, next: m };
}

/** Whether a line (short, starting as `mayStartFurniture` and with a digit, a dash or =) is page furniture or a table's rule. */
export function isFurniture(line: string): boolean {
  return FURNITURE.test(line) || isRule(line);
}
