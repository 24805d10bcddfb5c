/**
 * Minimal edits that turn one text into another, for "fix all": the whole-document replacement
 * that a fixer's output invites would move the cursor and wreck undo, so the two texts are
 * compared line by line (Myers' O(ND) diff) and every changed stretch is trimmed to the
 * characters that really differ.
 */
import type { TextEdit } from '../core/index';

/** Lines with their terminators, so that joining them gives the text back. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) break;
    lines.push(text.slice(from, nl + 1));
    from = nl + 1;
  }
  if (from < text.length) lines.push(text.slice(from));
  return lines;
}

/**
 * Matched line pairs (index in a, index in b), in order, or undefined when the texts differ in
 * more than `maxD` lines (the caller then falls back to one trimmed edit).
 */
function matchLines(a: string[], b: string[], maxD: number): [number, number][] | undefined {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(maxD, n + m);
  const off = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= limit && !found; d++) {
    trace.push(v.slice(off - d, off + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return undefined;
  const pairs: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const tv = trace[d];
    const at = (k: number) => tv[k + d];
    const k = x - y;
    let prevK: number;
    if (d === 0) prevK = 0;
    else prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      pairs.push([x - 1, y - 1]);
      x--;
      y--;
    }
    x = prevX;
    y = prevY;
  }
  return pairs.reverse();
}

/** One edit covering oldText[start, end) → newText, trimmed of common leading/trailing characters. */
function trimmed(oldText: string, start: number, end: number, newText: string): TextEdit | undefined {
  let s = 0;
  const maxS = Math.min(end - start, newText.length);
  while (s < maxS && oldText.charCodeAt(start + s) === newText.charCodeAt(s)) s++;
  let e = 0;
  const maxE = Math.min(end - start - s, newText.length - s);
  while (e < maxE && oldText.charCodeAt(end - 1 - e) === newText.charCodeAt(newText.length - 1 - e)) e++;
  // Do not split a surrogate pair.
  if (s > 0 && isHighSurrogate(oldText.charCodeAt(start + s - 1))) s--;
  if (e > 0 && isLowSurrogate(oldText.charCodeAt(end - e))) e--;
  const edit = { start: start + s, end: end - e, newText: newText.slice(s, newText.length - e) };
  return edit.start === edit.end && edit.newText === '' ? undefined : edit;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Non-overlapping edits, in order, such that applying them to `oldText` gives `newText`. */
export function minimalEdits(oldText: string, newText: string, maxD = 1000): TextEdit[] {
  if (oldText === newText) return [];
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const pairs = matchLines(a, b, maxD);
  if (!pairs) {
    const one = trimmed(oldText, 0, oldText.length, newText);
    return one ? [one] : [];
  }
  const edits: TextEdit[] = [];
  let i = 0; // next unmatched line in a
  let j = 0; // next unmatched line in b
  let offA = 0; // offset of line i in oldText
  const flush = (toI: number, toJ: number) => {
    if (toI === i && toJ === j) return;
    let endA = offA;
    for (let t = i; t < toI; t++) endA += a[t].length;
    const inserted = b.slice(j, toJ).join('');
    const e = trimmed(oldText, offA, endA, inserted);
    if (e) edits.push(e);
    offA = endA;
    i = toI;
    j = toJ;
  };
  for (const [pi, pj] of pairs) {
    flush(pi, pj);
    offA += a[i].length;
    i++;
    j++;
  }
  flush(a.length, b.length);
  return edits;
}
