/**
 * Scan: a line of table text → tokens with offsets. Every table shape (spaces with wrapped
 * labels, tabs, one cell per line, Markdown pipes, HTML flattened to `|`) reduces to one stream
 * of label fragments and cells. Delimited rows keep their empty fields, so a blank cell is not
 * silently lost.
 */
import type { TableShape } from './model';
import type { Line } from './text';
import { NUMBER_RE, parseNumber } from './text';

export type TokKind = 'text' | 'num' | 'bad' | 'empty';

export interface Tok {
  kind: TokKind;
  start: number;
  end: number;
  raw: string;
  value: number;
  /** 0-based line. */
  line: number;
}

export interface ScannedLine {
  toks: Tok[];
  shape: TableShape;
  /** Delimited by `|` (empty fields up to the row width are blank cells). */
  pipes: boolean;
  /** Nothing but page furniture or a Markdown separator row. */
  skip: boolean;
}

const FURNITURE = /^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;
const MD_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const BAD = /^(?:[-—–－/／\\×*＊]{1,3}|无|空|[Nn]\/?[Aa])$/;
const WS = /[ \u3000\u00a0]/;

export function isFurniture(text: string): boolean {
  return FURNITURE.test(text);
}

/** A number written with its unit (a fee in 元 or 万元). */
const WITH_UNIT = /^[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?万?元$/;

function classify(raw: string): TokKind {
  if (NUMBER_RE.test(raw) || WITH_UNIT.test(raw)) return 'num';
  if (BAD.test(raw)) return 'bad';
  return 'text';
}

function pushTok(toks: Tok[], kind: TokKind, start: number, raw: string, line: number): void {
  toks.push({ kind, start, end: start + raw.length, raw, value: kind === 'num' ? parseNumber(raw) : NaN, line });
}

/** Split `s` (starting at absolute offset `base`) on white space into number/text tokens; consecutive text joins. */
function scanSpaced(s: string, base: number, line: number, toks: Tok[]): void {
  let i = 0;
  let textStart = -1;
  let textEnd = -1;
  const flushText = () => {
    if (textStart >= 0) {
      pushTok(toks, 'text', base + textStart, s.slice(textStart, textEnd), line);
      textStart = -1;
    }
  };
  while (i < s.length) {
    while (i < s.length && (WS.test(s[i]) || s[i] === '\t')) i++;
    if (i >= s.length) break;
    const st = i;
    while (i < s.length && !WS.test(s[i]) && s[i] !== '\t') i++;
    const raw = s.slice(st, i);
    const kind = classify(raw);
    if (kind === 'text') {
      if (textStart < 0) textStart = st;
      textEnd = i;
    } else {
      flushText();
      pushTok(toks, kind, base + st, raw, line);
    }
  }
  flushText();
}

function scanField(field: string, base: number, line: number, toks: Tok[]): void {
  let a = 0;
  let b = field.length;
  while (a < b && WS.test(field[a])) a++;
  while (b > a && WS.test(field[b - 1])) b--;
  if (a === b) {
    toks.push({ kind: 'empty', start: base + a, end: base + a, raw: '', value: NaN, line });
    return;
  }
  const inner = field.slice(a, b);
  const kind = classify(inner);
  if (kind !== 'text') {
    pushTok(toks, kind, base + a, inner, line);
    return;
  }
  // A field holding several numbers ("0 0 0") is split; a label stays whole.
  if (/^[0-9０-９.,，\s\u3000]+$/.test(inner) && WS.test(inner)) scanSpaced(inner, base + a, line, toks);
  else pushTok(toks, 'text', base + a, inner, line);
}

export function scanLine(l: Line): ScannedLine {
  const t = l.text;
  const toks: Tok[] = [];
  if (!t.trim()) return { toks, shape: 'spaces', pipes: false, skip: false };
  if (FURNITURE.test(t) || (t.includes('-') && MD_SEPARATOR.test(t))) return { toks, shape: 'spaces', pipes: false, skip: true };
  const trimmed = t.trimStart();
  const pipeCount = t.split('|').length - 1;
  if (trimmed.startsWith('|') || pipeCount >= 2) {
    let s = 0;
    let e = t.length;
    const first = t.indexOf('|');
    if (!t.slice(0, first).trim()) s = first + 1;
    const last = t.lastIndexOf('|');
    if (last >= s && !t.slice(last + 1).trim()) e = last;
    let fs = s;
    for (let i = s; i <= e; i++) {
      if (i === e || t[i] === '|') {
        scanField(t.slice(fs, i), l.start + fs, l.n, toks);
        fs = i + 1;
      }
    }
    return { toks, shape: 'pipes', pipes: true, skip: false };
  }
  if (t.includes('\t')) {
    let fs = 0;
    for (let i = 0; i <= t.length; i++) {
      if (i === t.length || t[i] === '\t') {
        scanField(t.slice(fs, i), l.start + fs, l.n, toks);
        fs = i + 1;
      }
    }
    // One field with content on the line: the one-cell-per-line shape (Word).
    const filled = toks.filter((k) => k.kind !== 'empty').length;
    return { toks, shape: filled <= 1 ? 'cell-per-line' : 'tabs', pipes: false, skip: false };
  }
  scanSpaced(t, l.start, l.n, toks);
  const nums = toks.filter((k) => k.kind !== 'text').length;
  return { toks, shape: nums <= 1 && toks.length === 1 ? 'cell-per-line' : 'spaces', pipes: false, skip: false };
}
