/**
 * Figures stated in the narrative, read with their meaning. Each sentence is read with white
 * space removed (PDF extraction breaks sentences across lines), cut at tables and headings, and
 * every position mapped back to its offset in the text. Precision matters more than recall: a
 * clause whose scope is unclear yields nothing.
 */
import type { ReportModel } from './model';
import { NUMBER_RE, arabicYears, charFlags, isRegexSpace, lastAtOrBefore, parseNumber } from './text';
import type { Span } from './types';

export type FigureKind =
  | 'received'
  | 'receivedWithCarried'
  | 'handled'
  | 'carriedIn'
  | 'carriedForward'
  | 'granted'
  | 'partial'
  | 'refused'
  | 'unavailable'
  | 'notProcessed'
  | 'otherHandling'
  | 'review'
  | 'litigation'
  | 'noRequests'
  | 'noCases'
  | 'allConcluded'
  | 'allUpheld'
  | 'normsMade'
  | 'normsRepealed'
  | 'normsInForce';

export interface Figure {
  kind: FigureKind;
  /** The stated number (NaN for statements without one). */
  value: number;
  /** Span of the number (or of the statement). */
  span: Span;
  /** Scope for 均已审结 / 均获维持 and for 未发生 … 行政复议 / 行政诉讼: review, litigation or both. */
  scope?: 'review' | 'litigation' | 'both';
  /** Further result rows the number is the sum of, with `kind`'s (予以公开及部分公开 N 件). */
  also?: FigureKind[];
  /** The clause as written, for messages. */
  phrase: string;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

function parseChineseNumber(s: string): number {
  if (NUMBER_RE.test(s)) return parseNumber(s);
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else if (ch in CN_UNITS) {
      total += (digit || 1) * CN_UNITS[ch];
      digit = 0;
    } else return NaN;
  }
  return total + digit;
}

interface Stream {
  s: string;
  /** Runs of the stream copied from the text: stream start and text offset of each run. */
  runS: number[];
  runO: number[];
}

function offsetAt(st: Stream, i: number): number {
  const run = lastAtOrBefore(st.runS, i);
  return st.runO[run] + (i - st.runS[run]);
}

/** A count: Arabic (also full-width, or with thousands separators) or Chinese numerals, then 件. */
const COUNT = /([0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9０-９]+|[零〇一二两三四五六七八九十百千]+)(?:个)?件/g;
const UNCLEAR = /信件|留言|来信|来电|热线|咨询|12345|去年|上一年度|上年度|上一年|举报|投诉|人大建议|政协提案|依申请公开目录/;
/** Words of a body's name (局, 委, 办公室, 中心 …; not the 办 of 办结 / 办理, the 所 of 所有). */
const ORG_SCOPE = /[局委院站队厅]|办(?![结理])|所(?!有)|中心|部门|单位|街道|社区|村/;

/** The numerals of `COUNT`. */
const NUMERAL = charFlags([['0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千', 1]]);

/** Whether `s` has a count (`COUNT`): a numeral right before 件 or 个件. */
function hasCount(s: string): boolean {
  for (let i = s.indexOf('件'); i > 0; i = s.indexOf('件', i + 1)) {
    let j = i - 1;
    if (s.charCodeAt(j) === 0x4e2a && j > 0) j--; // 个
    if (NUMERAL[s.charCodeAt(j)]) return true;
  }
  return false;
}

/** Words besides a count (a numeral and 件) a clause yields a statement by: 审结 (均已审结), 维持 (均获维持). */
const STATEMENT_WORDS = ['审结', '维持'];
/** Words of a "no requests" or "no cases" statement besides 申请 or 行政复议: 未 / 没有 / 无 (`NO_REQUESTS`, `NO_CASES`). */
const NONE_WORDS = ['未', '没有', '无'];

/** Whether a clause may yield a figure: it needs a count, 审结 or 维持 (`STATEMENT_WORDS`). */
function mayCount(s: string): boolean {
  return hasCount(s) || STATEMENT_WORDS.some((w) => s.includes(w));
}

/** Whether a sentence may yield a figure (`readSentence`): a clause that may, or a "no requests" or "no cases" statement (未 / 没有 … 申请, … 行政复议). */
function mayYield(s: string): boolean {
  return mayCount(s) || ((s.includes('申请') || s.includes('复议') || s.includes('诉讼')) && NONE_WORDS.some((w) => s.includes(w)));
}

/** ， , ： : */
function isClauseBreak(c: number): boolean {
  return c === 0xff0c || c === 44 || c === 0xff1a || c === 58;
}

interface Clause {
  text: string;
  /** Where it starts in its sentence. */
  at: number;
}

/** Whether the comma at `i` separates the thousands of a number (1,295), not two clauses. */
function isThousandsComma(s: string, i: number): boolean {
  const digit = (k: number) => k >= 0 && k < s.length && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57;
  return s.charCodeAt(i) === 44 && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4);
}

/** The clauses of a sentence that start at or before `last`: its non-empty runs between ， , ： and : (not a number's 1,295). */
function clauseSplit(sentence: string, last: number): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  for (let i = 0; i <= sentence.length && from <= last; i++) {
    if (i === sentence.length || (isClauseBreak(sentence.charCodeAt(i)) && !isThousandsComma(sentence, i))) {
      if (i > from) out.push({ text: sentence.slice(from, i), at: from });
      from = i + 1;
    }
  }
  return out;
}

/**
 * Where the narrative is not: tables, headings and, unless `all`, the bodies of sections 五 and 六
 * (problems, plans and other matters state no counts of the year). Sorted by start.
 */
function holesOf(model: ReportModel, all: boolean): Span[] {
  const holes: Span[] = [];
  for (const t of Object.values(model.tables)) if (t) holes.push(t.span);
  for (const sec of model.sections) holes.push(all || sec.index < 5 ? sec.span : { start: sec.span.start, end: sec.end });
  return holes.sort((a, b) => a.start - b.start);
}

/** What ends a sentence. */
const TERMINATORS = '。；;！!？?';
const TERMINATOR_RE = new RegExp(`[${TERMINATORS}]`);

/** The narrative's sentences, without white space or digits (for comparing two years' texts). */
export function sentences(model: ReportModel): string[] {
  const text = model.text;
  const out: string[] = [];
  let from = 0;
  for (const h of [...holesOf(model, true), { start: text.length, end: text.length }]) {
    if (h.start > from) {
      for (const s of text.slice(from, h.start).replace(/\s+/g, '').split(TERMINATOR_RE)) {
        const x = s.replace(/[0-9０-９]+/g, '');
        if (x.length >= 12) out.push(x);
      }
    }
    from = Math.max(from, h.end);
  }
  return out;
}

/** The words figures and statements come with (未发生…行政复议 needs no 件); a sentence is read around each. */
const HIT_WORDS = ['件', ...STATEMENT_WORDS, '申请', '复议', '诉讼'];
/** Farther than this from a terminator, a "sentence" is not prose (and too long to read). */
const MAX_SENTENCE = 1200;

/** What a character is when reading around a hit (`SENTENCE_CHAR`). */
const TERMINATOR = 1;
const FIGURE_CHAR = 2;
const SPACE = 4;
/**
 * A sentence can yield a figure only with one of the words `mayYield` needs; each is marked by its
 * first character, so a line break inside a word (PDF text) does not hide it. White space is what
 * `\s` matches (what `streamOf` removes).
 */
const SENTENCE_CHAR = charFlags([
  [TERMINATORS, TERMINATOR],
  [['件', ...STATEMENT_WORDS, ...NONE_WORDS].map((w) => w[0]).join(''), FIGURE_CHAR],
]);
for (let c = 0; c < SENTENCE_CHAR.length; c++) if (isRegexSpace(c)) SENTENCE_CHAR[c] |= SPACE;

function isSpace(c: number): boolean {
  return (SENTENCE_CHAR[c] & SPACE) !== 0;
}

/**
 * Whether `text[i]` is a full stop written half-width (. or ．, on a keyboard set so): one after a
 * Chinese character or a closing bracket or quote, never a decimal point (3.5), a list marker
 * (1.属于) or part of an address (www.gov.cn).
 */
function isStop(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c !== 46 && c !== 0xff0e) || i === 0) return false;
  const b = text.charCodeAt(i - 1);
  return (b >= 0x4e00 && b <= 0x9fff) || b === 0xff09 || b === 41 || b === 0x201d || b === 0x300d;
}

/**
 * The text between `start` and `end` without white space, with the runs that map it back.
 * `spaced`: whether there is white space there at all (without, the text is one run).
 */
function streamOf(text: string, start: number, end: number, spaced: boolean): Stream {
  if (!spaced) return { s: text.slice(start, end), runS: [0], runO: [start] };
  const parts: string[] = [];
  const runS: number[] = [];
  const runO: number[] = [];
  let n = 0;
  let i = start;
  while (i < end) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    const a = i;
    while (i < end && !isSpace(text.charCodeAt(i))) i++;
    if (i > a) {
      runS.push(n);
      runO.push(a);
      parts.push(text.slice(a, i));
      n += i - a;
    }
  }
  if (!runS.length) {
    runS.push(0);
    runO.push(start);
  }
  return { s: parts.join(''), runS, runO };
}

/**
 * Read every figure the narrative states. Only sentences around the words figures come with
 * (件, 审结, 维持, 申请) are read: each is cut at sentence ends, tables and headings, and
 * white space (line breaks of PDF extraction) is removed before reading.
 */
export function readFigures(model: ReportModel): Figure[] {
  const text = model.text;
  const holes = holesOf(model, false);
  const year = model.title?.year;
  const figures: Figure[] = [];
  let h = 0;
  // Where each word is next found (-1: nowhere): a plain search per word is cheaper than one
  // regular expression of all four, and a word is searched for again only once passed.
  const next = HIT_WORDS.map((w) => text.indexOf(w));
  let from = 0;
  for (;;) {
    let at = -1;
    for (let k = 0; k < next.length; k++) {
      if (next[k] >= 0 && next[k] < from) next[k] = text.indexOf(HIT_WORDS[k], from);
      if (next[k] >= 0 && (at < 0 || next[k] < at)) at = next[k];
    }
    if (at < 0) break;
    while (h < holes.length && holes[h].end <= at) h++;
    if (h < holes.length && holes[h].start <= at) {
      from = holes[h].end;
      continue;
    }
    const floor = Math.max(h > 0 ? holes[h - 1].end : 0, at - MAX_SENTENCE);
    const ceiling = Math.min(h < holes.length ? holes[h].start : text.length, at + MAX_SENTENCE);
    // The sentence's bounds, and whether it has a figure's character and white space.
    let has = 0;
    let start = at;
    while (start > floor) {
      const k = SENTENCE_CHAR[text.charCodeAt(start - 1)];
      if (k & TERMINATOR || isStop(text, start - 1)) break;
      has |= k;
      start--;
    }
    let end = at;
    while (end < ceiling) {
      const k = SENTENCE_CHAR[text.charCodeAt(end)];
      if (k & TERMINATOR || isStop(text, end)) break;
      has |= k;
      end++;
    }
    from = Math.max(end, at + 1);
    if (start === at - MAX_SENTENCE || end === at + MAX_SENTENCE) continue;
    if (!(has & FIGURE_CHAR)) continue;
    const st = streamOf(text, start, end, (has & SPACE) !== 0);
    const sentence = st.s;
    if (!sentence || sentence.length > 400 || !mayYield(sentence) || UNCLEAR.test(sentence)) continue;
    if (year && mentionsOtherYear(sentence, year)) continue;
    readSentence(sentence, st, figures, model.title?.body);
  }
  return figures;
}

const YEAR = /((?:19|20)\d\d)年/g;

function mentionsOtherYear(sentence: string, year: number): boolean {
  if (!sentence.includes('年')) return false;
  const s = arabicYears(sentence);
  YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR.exec(s))) if (Number(m[1]) !== year && Number(m[1]) !== year + 1) return true;
  return false;
}

function spanOf(st: Stream, at: number, len: number): Span {
  return { start: offsetAt(st, at), end: offsetAt(st, at + len - 1) + 1 };
}

/**
 * What may stand between 行政复议 / 行政诉讼 and a count of all of them (行政复议案件共 11 件): any
 * other word names a part or a change (被纠错 0 件, 尚未审结 1 件, 维持 6 件, 同比下降 2 件, 申请人撤回 1 件).
 */
const TOTAL_HEAD = /^(?:案件|案|申请|数量|总数|数|共计|合计|总计|累计|共|计|为|有|是|的|发生|收到|受理|涉及)*$/;

/** The first count in clause `c` after `word`, as a figure of `kind`, when it counts them all (`TOTAL_HEAD`). */
function pushCount(kind: FigureKind, word: string, c: Clause, map: Stream, out: Figure[]): void {
  const k = c.text.indexOf(word);
  if (k < 0) return;
  COUNT.lastIndex = k + word.length;
  const m = COUNT.exec(c.text);
  if (!m || !TOTAL_HEAD.test(c.text.slice(k + word.length, m.index))) return;
  const value = parseChineseNumber(m[1]);
  if (!Number.isFinite(value)) return;
  out.push({ kind, value, span: spanOf(map, c.at + m.index, m[1].length), phrase: c.text });
}

/*
 * What a count refers to is read from its head: the words of its clause after the previous count
 * (or the clause's start) and before it. A small grammar:
 *
 *   head   = [subject] [scope "中"] referent            count = numeral [个] 件
 *   a head with a change, a time or a channel (`QUALIFIED`) → a part or a change: no figure
 *   note   = "（"? ("含" | "包括") … count "）"?  → about the figure before it, not a figure
 *   scope  = "其中" | "…申请中" | "…件中"               → a part: only result rows are read after it
 *   referent, first that applies:
 *     result rows joined by 及 / 和 / 与 / 、 / 或   → the sum of those rows (（一）…（六）)
 *     收到 / 受理 / 新收 / 接收 … 申请                → 一 (or 一 + 二: the text may count last year's)
 *     上年结转                                      → 二
 *     办结 / 办理完毕 / 答复                          → （七）; in a list of results, only with 共 / 合计 …
 *     结转下年                                      → 四 (also after the count: N 件结转下年度)
 *     现行有效 / 制发 / 废止 … 规范性文件             → table 二
 *
 * A subject other than the body itself (a bureau, an office, a township) is another body's
 * figure; a count inside brackets is a part; anything else says nothing.
 */

/** The result rows of table 三 a clause may name, a wording that contains another first. */
const RESULT_WORDS: [string, FigureKind][] = [
  ['不予以公开', 'refused'],
  ['不予公开', 'refused'],
  ['予以部分公开', 'partial'],
  ['部分公开', 'partial'],
  ['予以公开', 'granted'],
  ['同意公开', 'granted'],
  ['无法提供', 'unavailable'],
  ['不予处理', 'notProcessed'],
  ['其他处理', 'otherHandling'],
];
/** What may stand between two result rows a count is the sum of. */
const JOINS = new Set(['', '及', '和', '与', '、', '或', '以及', '或者']);

/**
 * The result rows `head` names, in order, and where the first starts; `null` when it names some
 * without joining them (their relation unclear).
 */
function resultsOf(head: string): { kinds: FigureKind[]; at: number; end: number } | null {
  const found: { at: number; end: number; kind: FigureKind }[] = [];
  for (const [word, kind] of RESULT_WORDS) {
    for (let i = head.indexOf(word); i >= 0; i = head.indexOf(word, i + 1)) {
      const end = i + word.length;
      if (!found.some((f) => i < f.end && f.at < end)) found.push({ at: i, end, kind });
    }
  }
  found.sort((x, y) => x.at - y.at);
  for (let k = 1; k < found.length; k++) if (!JOINS.has(head.slice(found[k - 1].end, found[k].at))) return null;
  return { kinds: found.map((f) => f.kind), at: found.length ? found[0].at : -1, end: found.length ? found[found.length - 1].end : -1 };
}

/**
 * What may stand between the result rows a clause names and their count (予以公开 42 件, 同意公开答复 9 件,
 * 予以公开的申请 10 件): any other word makes the count something inside them (“（六）其他处理”中第 3 项包含撤回申请 2 件).
 */
const RESULT_TAIL = /^(?:答复|申请|的|有|为|是|共|共计|合计|计|数量|数|决定|类|情形|[”"」』）)])*$/;

const RECEIVE = /收到|受理|新收|接收/;
const DONE = /办结|办理完毕|答复/;
/** Words that make a count a total even in a list of results. */
const TOTAL = /共|合计|总计|累计|全部/;
const CARRIED_IN = /上一?年度?结转/;
const CARRIED_OUT = /结转(至|到)?(下|下一|明)年/;
const CARRIED_NEXT = /^(申请)?(已|将|需|待|均)?结转(至|到)?(下|下一|明)年/;
/** A note on the figure before it: 含 / 包括 …, or one inside brackets. */
const NOTE = /^[（(]?(含|包括)/;
const WITH_CARRIED = /(含|包括)上一?年度?结转/;
/** The last scope before a part: 其中, …申请中, …件中. */
const SCOPE = /(其|申请|件|之|当)中(?!.*(其|申请|件|之|当)中)/;
const NORMS: [RegExp, FigureKind][] = [
  [/现行有效/, 'normsInForce'],
  [/制发|制定|印发|出台/, 'normsMade'],
  [/废止/, 'normsRepealed'],
];

const ORG_WORDS = new RegExp(ORG_SCOPE.source, 'g');

/** Whether `prefix` names a body other than the report's own (`body`, from the title). */
function otherBody(prefix: string, body: string | undefined): boolean {
  const p = prefix.replace(/本机关|政府|[我本](局|委|办|院|所|站|队|厅|中心|单位|部门)|[（）()]/g, '');
  const own = body?.replace(/[（）()]/g, '') ?? '';
  for (const m of p.matchAll(ORG_WORDS)) {
    // The body's own name, shortened as it often is (实验区管委会（办公室）for 平潭综合实验区管委会办公室).
    let mine = false;
    for (let a = Math.max(0, m.index! - 10); a <= m.index! && !mine; a++) {
      for (let b = Math.max(a + 2, m.index! + m[0].length); b <= p.length && b - a <= 12 && !mine; b++) mine = own.includes(p.slice(a, b));
    }
    if (!mine) return true;
  }
  return false;
}

/** Counts of one clause read by their heads (see the grammar above). */
function readCounts(c: Clause, st: SentenceState): void {
  const t = c.text;
  let from = 0;
  let depth = 0;
  COUNT.lastIndex = 0; // matchAll starts where the expression's last search ended
  for (const m of t.matchAll(COUNT)) {
    const at = m.index!;
    const head = t.slice(from, at);
    for (let i = 0; i < head.length; i++) {
      const ch = head.charCodeAt(i);
      if (ch === 0xff08 || ch === 40) depth++; // （ (
      else if (ch === 0xff09 || ch === 41) depth--; // ） )
    }
    from = at + m[0].length;
    const value = parseChineseNumber(m[1]);
    if (!Number.isFinite(value)) continue;
    if (depth > 0 || NOTE.test(head)) {
      // A part, or a note on the figure before it: 含上年结转 makes a received count one with carried requests.
      if (CARRIED_IN.test(head) && st.last?.kind === 'received') st.last.kind = 'receivedWithCarried';
      continue;
    }
    // A count before its predicate (2 件结转下年度继续办理): the words after it say what it counts.
    const kind = referent(head, t, st) ?? (/^(另有|尚有|还有|共|合计)?$/.test(head) && CARRIED_NEXT.test(t.slice(from)) ? ['carriedForward' as const] : undefined);
    if (!kind) continue;
    const figure: Figure = { kind: kind[0], value, span: spanOf(st.map, c.at + at, m[1].length), phrase: t };
    if (kind.length > 1) figure.also = kind.slice(1);
    st.out.push(figure);
    st.last = figure;
    if (RESULT_SET.has(kind[0])) st.listing = true;
  }
}

const RESULT_SET = new Set<FigureKind>(RESULT_WORDS.map(([, k]) => k));

interface SentenceState {
  map: Stream;
  out: Figure[];
  body: string | undefined;
  /** The figure read last, which a note after it is about. */
  last?: Figure;
  /** A result row was read: the sentence lists results, and a count of 办结 / 答复 is one of them unless a total. */
  listing: boolean;
}

/**
 * Words that make a count a part or a change of what its head names, never the figure the tables
 * hold: a change (同比增加 5 件), a time (逾期答复 0 件, 超期办结), a channel (网上申请 28 件).
 */
const QUALIFIED = /同比|环比|增加|减少|增长|下降|上升|增多|持平|逾期|超期|按期|按时|如期|延期|平均|网上|网络|在线|信函|当面|现场|电话|邮寄|传真|电子邮件/;

/** What the count after `head` refers to (several result rows: their sum), or undefined. */
function referent(head: string, clause: string, st: SentenceState): FigureKind[] | undefined {
  const scope = SCOPE.exec(head);
  const h = scope ? head.slice(scope.index + scope[0].length) : head;
  if (QUALIFIED.test(h)) return undefined;
  const results = resultsOf(h);
  if (!results) return undefined;
  if (results.kinds.length) return otherBody(h.slice(0, results.at), st.body) || !RESULT_TAIL.test(h.slice(results.end)) ? undefined : results.kinds;
  // After a scope only a result row is a part the tables have.
  if (scope) return undefined;
  const plain = h.replace(WITH_CARRIED, '');
  const recv = RECEIVE.exec(plain);
  if (recv && clause.includes('申请')) {
    if (plain.includes('上年') || otherBody(plain.slice(0, recv.index), st.body)) return undefined;
    return [WITH_CARRIED.test(h) ? 'receivedWithCarried' : 'received'];
  }
  const done = DONE.exec(h);
  if (done) {
    if (h.includes('结转') || (st.listing && !TOTAL.test(h)) || otherBody(h.slice(0, done.index), st.body)) return undefined;
    return ['handled'];
  }
  if (CARRIED_IN.test(h) && !/含|包括/.test(h)) return ['carriedIn'];
  if (CARRIED_OUT.test(h)) return ['carriedForward'];
  if (h.includes('规范性文件') && !h.includes('规章')) {
    const named = NORMS.filter(([re]) => re.test(h));
    if (named.length === 1 && !otherBody(h.slice(0, named[0][0].exec(h)!.index), st.body)) return [named[0][1]];
  }
  return undefined;
}

const NO_REQUESTS = /(没有|未|并未|尚未)(接到|收到|受理)([^。]{0,30}?)申请|(无)()([^。，,；;：:]{0,30}?)申请/;
/** Who may apply: a person (公民, 自然人) and an organisation (法人, 其他组织, 企业 …). */
const PERSON = /公民|自然人|个人|群众/;
const ORGANISATION = /法人|组织|企业|机构/;

/** Words of a statement about every request or every case: of the disclosure, any, joining words. */
const ANY = '政府信息公开|信息公开|依申请公开|任何|相关|有关|提出|的|和|或|及|与|、|\\s';
/** What may stand between 未收到 and 申请 in a statement about all requests (任何政府信息公开的, 公民、法人或其他组织提出的; 依 of 依申请公开的申请). */
const ANY_REQUEST = new RegExp(`${ANY}|政务公开|依$|公民|法人|其他组织|组织|自然人|个人|社会公众|群众|申请人|提交`, 'g');

/**
 * Whether 未收到…申请 speaks of only some requests: those of some applicants (法人或其他组织的, not
 * 公民、法人或其他组织的, which is everyone), or of some kind (涉及…的, 书面, 涉密的): anything between
 * 未收到 and 申请 but the words of a statement about all of them (`ANY_REQUEST`).
 */
function someRequests(between: string): boolean {
  return PERSON.test(between) !== ORGANISATION.test(between) || between.replace(ANY_REQUEST, '') !== '';
}

/** 未发生 / 没有出现 / 无 … 行政复议 (、行政诉讼): no case of either kind. */
const NO_CASES = /(?:(没有|未|并未)(发生|出现|收到|接到|涉及|有)|(无)())([^。，,；;：:]{0,24}?)(行政复议|行政诉讼)/;
/**
 * The words of a statement about all cases (因政府信息公开工作被申请行政复议或提起行政诉讼的情况): with
 * anything else in its clause (被纠错的, 败诉的, 涉及征收的) it speaks of some cases only.
 */
const ANY_CASE = new RegExp(`${ANY}|行政复议|行政诉讼|工作|方面|因|由|引起|引发|导致|产生|被|申请|提起|一起|一件|案件|情况|事项`, 'g');

/** Whether what a sentence says before `at` names an office inside the body (其中，市住建局未收到…): the statement is that office's. */
function ofAnOffice(sentence: string, at: number): boolean {
  return ORG_SCOPE.test(sentence.slice(0, at).replace(/本机关|政府/g, ''));
}

/** A period other than the report's year (近三年来, 五年来, 历年, 第四季度, 上半年): the sentence counts something else. */
const OTHER_PERIOD = /近[一二三四五六七八九十两\d]+年|[一二三四五六七八九十两\d]+年(来|以来)|历年|季度|[上下]半年/;

function readSentence(sentence: string, map: Stream, out: Figure[], body: string | undefined): void {
  if (OTHER_PERIOD.test(sentence)) return;
  const st: SentenceState = { map, out, body, listing: false };
  // Only a clause with 件, 审结 or 维持 yields a count or a statement: none starts after the last.
  let last = sentence.lastIndexOf('件');
  for (const w of STATEMENT_WORDS) last = Math.max(last, sentence.lastIndexOf(w));
  const clauses = last >= 0 ? clauseSplit(sentence, last) : [];
  const mentionsReview = sentence.includes('行政复议');
  const mentionsLitigation = sentence.includes('行政诉讼');
  /** Scope of 均已审结 / 均获维持 when no clause before it names one. */
  const sentenceScope = mentionsReview && mentionsLitigation ? 'both' : mentionsReview ? 'review' : mentionsLitigation ? 'litigation' : undefined;
  let lastScope: 'review' | 'litigation' | undefined;
  const none = sentence.includes('申请') ? NO_REQUESTS.exec(sentence) : null;
  // 未收到 … 申请, or 无 … 申请 (its groups 4 to 6).
  const [noneSaid, between] = none ? (none[1] !== undefined ? [none[1] + none[2], none[3]] : [none[4], none[6]]) : ['', ''];
  if (none && !/复议|诉讼/.test(none[0]) && !someRequests(between) && !ofAnOffice(sentence, none.index)) {
    out.push({ kind: 'noRequests', value: 0, span: spanOf(map, none.index, noneSaid.length), phrase: sentence });
  }
  const noCases = sentence.includes('复议') || sentence.includes('诉讼') ? NO_CASES.exec(sentence) : null;
  if (noCases) {
    // What it says no case of: the rest of its clause (未发生行政复议被纠错的情况 speaks of some cases).
    let end = noCases.index + noCases[0].length;
    while (end < sentence.length && !isClauseBreak(sentence.charCodeAt(end)) && sentence[end] !== '；' && sentence[end] !== '。') end++;
    const all = noCases[5] + noCases[6] + sentence.slice(noCases.index + noCases[0].length, end);
    if (all.replace(ANY_CASE, '') === '' && !ofAnOffice(sentence, noCases.index)) {
      // 未发生…被申请行政复议或提起行政诉讼的情况: both, named anywhere in the clause.
      const review = all.includes('复议');
      const litigation = all.includes('诉讼');
      const scope = review && litigation ? 'both' : review ? 'review' : 'litigation';
      // 未发生 (groups 1, 2) or 无 (group 3).
      const said = noCases[1] !== undefined ? noCases[1] + noCases[2] : noCases[3];
      out.push({ kind: 'noCases', value: 0, scope, span: spanOf(map, noCases.index, said.length), phrase: sentence });
    }
  }
  for (const c of clauses) {
    const t = c.text;
    const review = t.includes('复议');
    const litigation = t.includes('诉讼');
    if (review && !litigation) lastScope = 'review';
    if (litigation && !review) lastScope = 'litigation';
    // Without a count, 审结 or 维持 a clause yields nothing.
    if (!mayCount(t)) continue;
    if (review && litigation) continue;
    if (review) pushCount('review', '行政复议', c, map, out);
    else if (litigation) pushCount('litigation', '行政诉讼', c, map, out);
    else readCounts(c, st);
    const concluded = /均已审结|全部已审结/.exec(t);
    if (concluded) {
      const scope = lastScope ?? sentenceScope;
      if (scope) out.push({ kind: 'allConcluded', value: NaN, scope, span: spanOf(map, c.at + concluded.index, concluded[0].length), phrase: t });
    }
    const upheld = /均(获|予|被|已)?维持/.exec(t);
    if (upheld) {
      const scope = lastScope ?? sentenceScope;
      if (scope) out.push({ kind: 'allUpheld', value: NaN, scope, span: spanOf(map, c.at + upheld.index, upheld[0].length), phrase: t });
    }
  }
}
