/** Text utilities: lines with offsets, offset ↔ position, tolerant normalisation. */

export interface Line {
  /** 0-based line number. */
  n: number;
  start: number;
  /** End of the line's content (before the line break). */
  end: number;
  text: string;
}

/**
 * The lines of a text, materialised on demand: only their boundaries are computed up front, so
 * a large report costs one pass over its text, and only the lines that are read become strings.
 */
export class LineList {
  readonly starts: number[];
  /**
   * Where each line's content ends, kept only when a line break may be two characters (a text
   * with "\r"): otherwise a line ends one character before the next starts.
   */
  private readonly ends: number[] | undefined;
  /** The lines made so far (a few of a long text: a sparse array would grow to its length). */
  private readonly made = new Map<number, Line>();
  /**
   * Lines that are pieces of a longer line of the text, by line: 1 for a text written without line
   * breaks, read as the lines it would have had (`cuts`); 2 for the rows of a table written as
   * markup on one line (`rowCuts`).
   */
  readonly pieces: Uint8Array | undefined;

  /**
   * `cuts`: ascending offsets inside lines of the text where a line is to start as well (the text
   * itself is not changed: a piece ends where the next begins, without a line break). `rowCuts`:
   * the same, where a row of a table written as markup starts (`markupRows`).
   */
  constructor(
    readonly text: string,
    cuts?: number[],
    rowCuts?: number[],
  ) {
    const starts: number[] = (this.starts = [0]);
    if (!text.includes('\r') && !cuts?.length && !rowCuts?.length) {
      this.ends = undefined;
      this.pieces = undefined;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      return;
    }
    const rows = new Set(rowCuts);
    const all = rowCuts?.length ? [...(cuts ?? []), ...rowCuts].sort((a, b) => a - b) : cuts;
    const ends: number[] = (this.ends = []);
    const pieces: number[] = [];
    let k = 0;
    /** Cuts up to `to` (the end of a line of the text): each ends a piece and starts one. */
    const cutUpTo = (to: number) => {
      const first = starts.length - 1;
      // A line cut as text written without line breaks is read so throughout.
      let kind = 0;
      for (; all && k < all.length && all[k] <= to; k++) {
        if (all[k] <= starts[first] || all[k] >= to) continue;
        kind = kind === 1 || !rows.has(all[k]) ? 1 : 2;
        if (all[k] === starts[starts.length - 1]) continue; // the same place cut twice
        ends.push(all[k]);
        starts.push(all[k]);
      }
      if (kind) for (let n = first; n < starts.length; n++) pieces[n] = kind;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        cutUpTo(i);
        ends.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    cutUpTo(text.length);
    ends.push(text.length);
    this.pieces = pieces.length ? Uint8Array.from({ length: starts.length }, (_, n) => pieces[n] ?? 0) : undefined;
  }

  /** Whether line `n` is a piece of a longer line of the text written without line breaks (`cuts`). */
  isPiece(n: number): boolean {
    return !!this.pieces && this.pieces[n] === 1;
  }

  get length(): number {
    return this.starts.length;
  }

  /** Line `n` (0-based); out of range gives undefined. */
  at(n: number): Line | undefined {
    if (n < 0 || n >= this.starts.length) return undefined;
    let l = this.made.get(n);
    if (!l) {
      const start = this.starts[n];
      const end = this.endOf(n);
      l = { n, start, end, text: this.text.slice(start, end) };
      this.made.set(n, l);
    }
    return l;
  }

  /** End offset of line `n`'s content (before its line break). */
  endOf(n: number): number {
    if (this.ends) return this.ends[n];
    return n + 1 < this.starts.length ? this.starts[n + 1] - 1 : this.text.length;
  }

  /** The line an offset is on. */
  lineOf(offset: number): number {
    return lastAtOrBefore(this.starts, offset);
  }
}

/** Index of the last element of an ascending array that is ≤ x (0 when none is). */
export function lastAtOrBefore(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offset ↔ 0-based line/character (UTF-16 code units), as LSP and VS Code count them. */
export class LineIndex {
  private readonly starts: number[];
  /** The line of the last position asked for: positions come in clusters (a problem and its cells). */
  private last = 0;
  constructor(
    readonly text: string,
    lines?: LineList,
  ) {
    // Positions count the text's own lines, not the pieces a line may be read as.
    this.starts = (lines && !lines.pieces ? lines : new LineList(text)).starts;
  }
  positionAt(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    let line = this.last;
    if (o < starts[line] || (line + 1 < starts.length && o >= starts[line + 1])) line = this.last = lastAtOrBefore(starts, o);
    return { line, character: o - starts[line] };
  }
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[line];
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return Math.min(start + Math.max(0, character), next);
  }
}

/**
 * Characters that show nothing: the soft hyphen, zero-width spaces and joiners, direction marks,
 * the word joiner, and the byte-order mark a web editor leaves at a paragraph's start. Pages
 * copied from the web carry them at the starts of lines and inside words.
 */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/;
/**
 * HTML's references to white space (`&nbsp;`, `&#160;`, `&emsp;` …), left in text taken from a
 * page's source by a script that strips its tags.
 */
const SPACE_REFERENCE = /&(?:nbsp|ensp|emsp|thinsp|#160|#x[aA]0|#12288|#x3000);/;
/** The marks that quote a line (`> `, `> > `: a Markdown block quote, a reply in a plain-text mail). */
const QUOTED = /^(?:[ \t]*>)+/;
/**
 * HTML's tags of tables, headings, paragraphs, lists and inline text, as a Markdown file holds
 * them: a converter writes a table with merged cells as HTML (`<table>`, `<tr>`, `<td
 * rowspan="2">`), and a line break inside a cell as `<br>`.
 */
const MARKUP = /<\/?(?:table|caption|colgroup|col|thead|tbody|tfoot|tr|th|td|br|p|div|span|font|b|strong|i|em|u|sup|sub|html|body|h[1-6]|a|ul|ol|li|hr|img|section|article|center)(?:\s+[a-z][\w:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?)*\s*\/?>/;
const UNSEEN = new RegExp(`${INVISIBLE.source}|${SPACE_REFERENCE.source}|${QUOTED.source}`, 'm');
const UNSEEN_ALL = new RegExp(UNSEEN.source, 'gm');

/** A match of `UNSEEN` as white space: its quote marks and each of its other characters a space, its tabs kept. */
function blank(m: string): string {
  return m.length === 1 ? ' ' : m.replace(/[^\t]/g, ' ');
}

/**
 * The text as it is read: each character that shows nothing (`INVISIBLE`) is read as a space, so it
 * never hides a heading, a label or a number at the start of a line, and inside a word it is the
 * white space PDF text has there too; a reference to white space (`SPACE_REFERENCE`), the marks
 * that quote a line (`QUOTED`) and HTML's tags (`MARKUP`: a table's cells then stand apart as
 * they do in text with its layout) are read as spaces. One character for one: every offset is the
 * text's own.
 */
export function visible(text: string): string {
  const seen = UNSEEN.test(text) ? text.replace(UNSEEN_ALL, blank) : text;
  const tags = markupTags(seen);
  if (!tags.length) return seen;
  let out = '';
  let at = 0;
  for (const t of tags) {
    // A tag's line breaks stay (a tag may span lines): every offset and line is the text's own.
    out += seen.slice(at, t.start) + seen.slice(t.start, t.end).replace(/[^\t\n\r]/g, ' ');
    at = t.end;
  }
  return out + seen.slice(at);
}

const MARKUP_AT = new RegExp(MARKUP.source, 'iy');

/** HTML's tags in a text (`MARKUP`), in order: tried only where a `<` is (a plain text has few or none). */
export function markupTags(text: string): { start: number; end: number }[] {
  const tags: { start: number; end: number }[] = [];
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    MARKUP_AT.lastIndex = i;
    if (MARKUP_AT.test(text)) tags.push({ start: i, end: MARKUP_AT.lastIndex });
  }
  return tags;
}

/** A cell's tag (`<td>`, `</th >`): group 1 is the slash of a closing one. */
const CELL_TAG = /^<(\/?)t[dh][\s/>]/i;

/**
 * Where an insertion at `at`, next to or inside one of HTML's tags (`tags`, from `markupTags`),
 * goes: into the one empty cell of the run of tags (and white space between them) around it,
 * right after the cell's opening tag; -1 when that run has no empty cell or more than one (`at`
 * when no tag touches it).
 */
export function cellSlot(text: string, tags: { start: number; end: number }[], at: number): number {
  let k = tags.findIndex((t) => t.start <= at && at <= t.end);
  if (k < 0) return at;
  const blankBetween = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (!isRegexSpace(text.charCodeAt(i))) return false;
    return true;
  };
  while (k > 0 && blankBetween(tags[k - 1].end, tags[k].start)) k--;
  let slot = -1;
  for (; k + 1 < tags.length && blankBetween(tags[k].end, tags[k + 1].start); k++) {
    const open = CELL_TAG.exec(text.slice(tags[k].start, tags[k].end));
    const close = CELL_TAG.exec(text.slice(tags[k + 1].start, tags[k + 1].end));
    if (!open || open[1] || !close || !close[1]) continue;
    if (slot >= 0) return -1;
    slot = tags[k].end;
  }
  return slot;
}

/** A row's opening tag (`<tr>`, `<tr class="…">`), among HTML's tags. */
const ROW_TAG = /^<tr[\s>]/i;

/**
 * Where the rows of tables written as markup on one line begin (a converter that writes a whole
 * HTML table on one line): each `<tr>` (`markupTags`) of a line that holds two or more, for
 * `LineList`'s `rowCuts`.
 */
export function markupRows(text: string): number[] {
  const cuts: number[] = [];
  /** The end of the line of the last row found, and that row while it is the line's only one. */
  let lineEnd = -1;
  let alone = -1;
  for (const { start: at } of markupTags(text)) {
    if (!ROW_TAG.test(text.slice(at, at + 4))) continue;
    if (at > lineEnd) {
      lineEnd = at;
      while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
      alone = at;
      continue;
    }
    if (alone >= 0) cuts.push(alone);
    alone = -1;
    cuts.push(at);
  }
  return cuts;
}

const STRIP_CHARS = ' \t\u3000\u00a0#*>`，、。：:；;“”"\'‘’（）()[]【】《》<>〈〉.．,-—–－_·・･～~!！?？|｜/／\\「」『』〔〕+＋=';
/**
 * A table of flags by character code (UTF-16 code unit) for character tests on hot paths: each
 * character of each string gets that string's flag.
 */
export function charFlags(marks: [chars: string, flag: number][]): Uint8Array {
  const table = new Uint8Array(65536);
  for (const [chars, flag] of marks) for (const c of chars) table[c.charCodeAt(0)] |= flag;
  return table;
}

/** White space as `\s` of a regular expression matches it. */
export function isRegexSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const STRIPPED = 1;
const MARKER = 2;
/** Per character code: whether `norm` strips it (`STRIPPED`), whether it is a list numeral 一 … 十 (`MARKER`). */
const CHAR_KIND = charFlags([
  [STRIP_CHARS, STRIPPED],
  ['一二三四五六七八九十', MARKER],
]);

/** The digits of a year written in Chinese numerals (二〇二四年; ○, a circle, often stands for 〇). */
const CN_YEAR_DIGIT: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const CN_YEAR = /[〇零○一二三四五六七八九]{4}(?=\s*年)/g;

/** `s` with each year written in Chinese numerals (二〇二四年) in Arabic digits, one character for one. */
export function arabicYears(s: string): string {
  return s.includes('年') ? s.replace(CN_YEAR, (y) => [...y].map((d) => CN_YEAR_DIGIT[d]).join('')) : s;
}

/** Full-width ASCII → half-width (digits, letters, punctuation). */
export function halfWidth(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/** Normalise for tolerant comparison: half-width digits, no spaces, no punctuation, no Markdown marks. */
export function norm(s: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const stripped = CHAR_KIND[c] & STRIPPED;
    if (stripped || (c >= 0xff10 && c <= 0xff19)) {
      if (run < i) out += s.slice(run, i);
      if (!stripped) out += String.fromCharCode(c - 0xfee0);
      run = i + 1;
    }
  }
  return run === 0 ? s : run < s.length ? out + s.slice(run) : out;
}

const isMarkerNumeral = (s: string, i: number) => i < s.length && (CHAR_KIND[s.charCodeAt(i)] & MARKER) !== 0;
const isAsciiDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** Remove a leading list marker (一 / 1 / 七, at most two characters) from a normalised label. */
export function stripMarker(n: string): string {
  let i = 0;
  if (isMarkerNumeral(n, 0)) i = isMarkerNumeral(n, 1) ? 2 : 1;
  else if (isAsciiDigit(n, 0)) i = isAsciiDigit(n, 1) ? 2 : 1;
  return i ? n.slice(i) : n;
}

/** Length of the longest common subsequence. */
export function lcs(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * The length of the prefix of `s` fewest edits (characters inserted, dropped or put for another)
 * from `w`, of those the one nearest `w` in length, and the longer of two as near: where a text
 * that begins as `w` nearly does ends. A word put for the last word of `w` is taken whole
 * (措施 for 情况), a word after one put in (举措 for 措施) is not.
 */
export function closestPrefix(w: string, s: string): number {
  const m = w.length;
  // col[i]: edits between w[0, i) and the prefix of s read so far.
  const col = Array.from({ length: m + 1 }, (_, i) => i);
  let best = m;
  let bestLength = 0;
  // A prefix longer than w by more than the best count of edits cannot do better.
  for (let n = 1; n <= s.length && n - m <= best; n++) {
    const c = s.charCodeAt(n - 1);
    let diag = col[0];
    col[0] = n;
    for (let i = 1; i <= m; i++) {
      const up = col[i];
      col[i] = Math.min(up + 1, col[i - 1] + 1, diag + (w.charCodeAt(i - 1) === c ? 0 : 1));
      diag = up;
    }
    if (col[m] < best || (col[m] === best && Math.abs(n - m) <= Math.abs(bestLength - m))) {
      best = col[m];
      bestLength = n;
    }
  }
  return bestLength;
}

const COUNTS = new Uint16Array(65536);

/**
 * The similarity 2·LCS / (|a| + |b|) in [0, 1] when it is at least `min`; below `min`, some value
 * below `min` (0 when a bound rules the pair out). The LCS is bounded first by the shorter length
 * and by the characters the two have in common, so most pairs never need it.
 */
export function similarityAtLeast(a: string, b: string, min: number): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  if ((2 * Math.min(a.length, b.length)) / total < min) return 0;
  if ((2 * commonChars(a, b)) / total < min) return 0;
  return (2 * lcs(a, b)) / total;
}

/** How many characters `a` and `b` have in common, each counted as often as both have it: a bound on their LCS. */
export function commonChars(a: string, b: string): number {
  let common = 0;
  for (let i = 0; i < a.length; i++) COUNTS[a.charCodeAt(i)]++;
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (COUNTS[c] > 0) {
      COUNTS[c]--;
      common++;
    }
  }
  for (let i = 0; i < a.length; i++) COUNTS[a.charCodeAt(i)] = 0;
  return common;
}

/** Only ASCII digits (and at least one). */
export function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/** A digit, ASCII or full-width (０-９). */
export function isDigitCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/** Whether `s` is digits only, ASCII or full-width, and not empty. */
export function digitsOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return s.length > 0;
}

export const NUMBER_RE = /^[+-]?[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?$/;

/**
 * Whether a number token's value cannot be held exactly: beyond Number.MAX_SAFE_INTEGER (where
 * 9007199254740993 reads as 9007199254740992 and sums lose units), or a fraction of more than 15
 * significant digits. Such a cell is invalid: it takes part in no sum, and no fix writes it.
 */
export function beyondExact(raw: string): boolean {
  const v = parseNumber(raw);
  if (Number.isNaN(v)) return false;
  if (Math.abs(v) > Number.MAX_SAFE_INTEGER) return true;
  if (Number.isInteger(v)) return false;
  let digits = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const d = c >= 0xff10 && c <= 0xff19 ? c - 0xff10 : c >= 48 && c <= 57 ? c - 48 : -1;
    if (d > 0 || (d === 0 && digits > 0)) digits++;
  }
  return digits > 15;
}

/** Parse a number token (full-width digits, thousands separators). */
export function parseNumber(raw: string): number {
  if (raw.length === 1) {
    const c = raw.charCodeAt(0);
    if (c >= 48 && c <= 57) return c - 48;
  }
  if (allDigits(raw)) return Number(raw);
  const s = halfWidth(raw).replace(/[,，]|万?元$|件$/g, '').replace('．', '.');
  return Number(s);
}
