/** Shared inputs for the LSP tests: the seeds and a seed with wrong totals. */
import * as fs from 'fs';
import * as path from 'path';
import { formatMessage, type Message } from '../../server/src/core';
import { ROOT } from './client';

export const SEEDS_DIR = path.join(ROOT, 'test', 'fixtures', 'seeds');
export const SEEDS = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();

export function seedText(name: string): string {
  return fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8');
}

export function seedUri(name: string): string {
  return `file:///reports/${name}`;
}

/** Seed 000 with two applicant numbers changed, so two rows and the results total no longer add up. */
export const WRONG_TOTALS = (() => {
  const t = seedText('000_540e64cb95a423eb.txt');
  const a = '一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0';
  const b = '（一）予以公开 0 0 0 0 0 0 0';
  if (!t.includes(a) || !t.includes(b)) throw new Error('seed 000 changed: the wrong-totals fixture needs updating');
  return t.replace(a, '一、本年新收政府信息公开申请数量 3 0 0 0 0 0 0').replace(b, '（一）予以公开 3 0 0 0 0 0 0');
})();

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyLspEdits(
  text: string,
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[],
  offsetAt: (line: number, character: number) => number,
): string {
  const abs = edits
    .map((e) => ({ start: offsetAt(e.range.start.line, e.range.start.character), end: offsetAt(e.range.end.line, e.range.end.character), newText: e.newText }))
    .sort((x, y) => x.start - y.start);
  let out = '';
  let at = 0;
  for (const e of abs) {
    if (e.start < at) throw new Error('overlapping edits');
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The zh-CN text of a message (what the server sends with `reportReview.locale` zh-CN): tests name the id and arguments, not the wording. */
export function zh(id: string, args?: Message['args']): string {
  return formatMessage({ id, args }, 'zh-CN');
}
