/**
 * Fixing an HTML page in place: the preferred fixes of its report text that only change the text
 * of table cells are carried back to the page source; the markup around the cells, and every
 * fix that would add or move lines (a missing row, a heading), are left alone.
 */
import type { CheckOptions, Problem, TextEdit } from '../core';
import { readHtml } from './html';
import type { SourceMap } from './layout';

/** The page edit for a text edit that stays inside one table cell, or undefined. */
export function toSourceEdit(text: string, source: string, map: SourceMap, e: TextEdit): TextEdit | undefined {
  const inCell = (i: number) => i >= 0 && i < text.length && map.places[map.placeOf[i]]?.table !== undefined;
  if (/[\t\n]/.test(e.newText)) return undefined;
  if (e.start === e.end) {
    // Typing into a blank cell: the tab before it stands for the cell.
    const i = e.start - 1;
    if (text[i] !== '\t' || (text[e.start] !== '\t' && text[e.start] !== '\n' && e.start !== text.length) || !inCell(i)) return undefined;
    const at = map.offsets[i];
    return at >= 0 && source[at] !== '\t' ? { start: at, end: at, newText: e.newText } : undefined;
  }
  const place = map.placeOf[e.start];
  for (let i = e.start; i < e.end; i++) {
    if (!inCell(i) || map.placeOf[i] !== place || /[\t\n]/.test(text[i])) return undefined;
    // Characters written in the source as they are, one after another (no markup or reference between).
    if (source[map.offsets[i]] !== text[i] || (i > e.start && map.offsets[i] !== map.offsets[i - 1] + 1)) return undefined;
  }
  return { start: map.offsets[e.start], end: map.offsets[e.end - 1] + 1, newText: e.newText };
}

export interface HtmlFix {
  /** The page with the cell fixes applied. */
  source: string;
  /** Preferred fixes that were applied, and those left because they would change more than a cell's text. */
  applied: number;
  skipped: number;
}

/** The core's check and applyEdits (passed in: the readers' bundle does not carry a copy of the core). */
export interface Checker {
  check(text: string, options?: CheckOptions): { problems: Problem[] };
  applyEdits(text: string, edits: TextEdit[]): string;
}

/** Applies preferred cell fixes to a page until none is left (at most 8 passes). */
export function fixHtmlSource(source: string, core: Checker, options: CheckOptions = {}): HtmlFix {
  let applied = 0;
  let skipped = 0;
  for (let pass = 0; pass < 8; pass++) {
    const r = readHtml(source);
    const edits: TextEdit[] = [];
    skipped = 0;
    for (const p of core.check(r.text, options).problems) {
      const fix = p.fixes.find((f) => f.preferred);
      if (!fix) continue;
      const mapped = fix.edits.map((e) => toSourceEdit(r.text, source, r.map, e));
      if (mapped.some((m) => !m)) {
        skipped++;
        continue;
      }
      edits.push(...(mapped as TextEdit[]));
      applied++;
    }
    if (!edits.length) break;
    source = core.applyEdits(source, edits);
  }
  return { source, applied, skipped };
}
