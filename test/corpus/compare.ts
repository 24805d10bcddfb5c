/**
 * The corpus: every layout of every real report, checked and compared with its truth
 * (test/corpus/truth.json). Used by test/unit/corpus.test.ts and scripts/corpus-matrix.mjs.
 *
 * A (report, layout) pair passes when the checker's errors and warnings are exactly the truth's:
 * the same rules with the same messages (which name the table, row, column or heading and carry
 * the numbers), the same number of each, each at the text the truth names (the cell's number, the
 * heading), and the report is read as the truth's template. Infos are not compared.
 */
import * as fs from 'fs';
import * as path from 'path';
import { check, formatMessage, type Severity } from '../../server/src/core';
import { FIXTURES, ROOT, SEEDS_DIR } from '../unit/helpers';

export const CORPUS = path.join(ROOT, 'test', 'corpus');
export const ORIGINALS = path.join(FIXTURES, 'originals');
export const SEED_LAYOUTS = path.join(CORPUS, 'seeds');

export interface TruthFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** The text the finding's span covers (trimmed), where it points at a cell or a heading. */
  span?: string;
}

/**
 * What some layouts of a report cannot carry, and why: a table whose cells a layout runs together
 * or drops without a trace. There the truth's findings about that table (`without`, by message) are
 * not expected, and the checker must say instead that it did not check the table (`with`: only
 * `table-layout` warnings; the checker never guesses).
 */
export interface Lost {
  layouts: string[];
  why: string;
  without: string[];
  with: TruthFinding[];
}

export interface TruthReport {
  kind: 'original' | 'seed';
  file?: string;
  /** The template the report must be read as; null: not compared. */
  template: string | null;
  findings: TruthFinding[];
  notes: string[];
  lost?: Lost[];
}

export const TRUTH: Record<string, TruthReport> = (JSON.parse(fs.readFileSync(path.join(CORPUS, 'truth.json'), 'utf8')) as { reports: Record<string, TruthReport> }).reports;
/**
 * The layouts: those make-layouts.mjs renders for an original page and for a seed, and the texts
 * the document readers extract from a page (`extracted`: layout → the folder of `<report>.txt`,
 * committed and pinned to the reader's output by formats.test.ts).
 */
export const LAYOUTS: { original: string[]; seed: string[]; extracted: Record<string, string> } = JSON.parse(fs.readFileSync(path.join(CORPUS, 'layouts.json'), 'utf8'));
/** `report/layout` pairs that give their truth today: the ratchet. */
export const PASSING: string[] = JSON.parse(fs.readFileSync(path.join(CORPUS, 'passing.json'), 'utf8'));

export const REPORTS = Object.keys(TRUTH);
export const layoutsOf = (report: string): string[] => (TRUTH[report].kind === 'original' ? [...LAYOUTS.original, ...Object.keys(LAYOUTS.extracted)] : LAYOUTS.seed);

/** The file of one layout of one report. */
export function layoutFile(report: string, layout: string): string {
  const t = TRUTH[report];
  if (LAYOUTS.extracted[layout]) return path.join(ROOT, LAYOUTS.extracted[layout], `${report}.txt`);
  if (t.kind === 'original') return path.join(ORIGINALS, report, layout);
  if (layout === 'original.txt') return path.join(SEEDS_DIR, t.file!);
  return path.join(SEED_LAYOUTS, report.replace(/^seed-/, ''), layout);
}

export interface Outcome {
  report: string;
  layout: string;
  pass: boolean;
  /** What differs, one item each: `-rule message` missing, `+rule message (line N)` extra, and span or template differences. */
  diff: string[];
}

const COMPARED: Severity[] = ['error', 'warning'];
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function compare(report: string, layout: string): Outcome {
  return { report, layout, ...compareText(report, fs.readFileSync(layoutFile(report, layout), 'utf8'), layout) };
}

/** The findings a layout of a report must give: the truth's, less what the layout cannot carry (`Lost`). */
export function expectedIn(report: string, layout?: string): TruthFinding[] {
  const truth = TRUTH[report];
  const lost = (truth.lost ?? []).filter((l) => layout !== undefined && l.layouts.includes(layout));
  for (const l of lost) {
    const other = l.with.find((f) => f.rule !== 'table-layout');
    if (other) throw new Error(`truth.json: ${report} ${layout}: a lost table gives table-layout only, not ${other.rule}`);
    const unknown = l.without.find((m) => !truth.findings.some((f) => f.message === m));
    if (unknown) throw new Error(`truth.json: ${report} ${layout}: "without" names a message the truth does not have: ${unknown}`);
  }
  const without = new Set(lost.flatMap((l) => l.without));
  return [...truth.findings.filter((f) => !without.has(f.message)), ...lost.flatMap((l) => l.with)];
}

/** A text of a report (any layout or format, read into text; `layout` when it is one) against the report's truth. */
export function compareText(report: string, text: string, layout?: string): { pass: boolean; diff: string[] } {
  const truth = TRUTH[report];
  const r = check(text);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const actual = r.problems
    .filter((p) => COMPARED.includes(p.severity))
    .map((p) => ({ rule: p.rule, message: formatMessage(p.message, 'zh-CN'), span: oneLine(text.slice(p.span.start, p.span.end)), line: lineOf(p.span.start) }));
  const diff: string[] = [];
  if (truth.template !== null && r.template !== truth.template) diff.push(`template ${r.template} (truth ${truth.template})`);
  const left = [...actual];
  for (const f of expectedIn(report, layout)) {
    const i = left.findIndex((a) => a.rule === f.rule && a.message === f.message);
    if (i < 0) {
      diff.push(`-${f.rule} ${f.message}`);
      continue;
    }
    const [a] = left.splice(i, 1);
    if (f.span !== undefined && a.span !== f.span) diff.push(`~${f.rule} at «${a.span}» (line ${a.line}), truth «${f.span}»`);
  }
  for (const a of left) diff.push(`+${a.rule} ${a.message} (line ${a.line})`);
  return { pass: diff.length === 0, diff };
}

export function compareAll(): Outcome[] {
  return REPORTS.flatMap((report) => layoutsOf(report).map((layout) => compare(report, layout)));
}

const shortId = (report: string) => (report.startsWith('seed-') ? 's' + report.slice(5) : report.slice(0, 3));

/** The layout × report matrix (✓ gives its truth, ✗ does not, blank: no such layout), then each ✗ with its first difference. */
export function matrix(outcomes: Outcome[]): string {
  const layouts = [...new Set([...LAYOUTS.original, ...Object.keys(LAYOUTS.extracted), ...LAYOUTS.seed])];
  const width = Math.max(...layouts.map((l) => l.length));
  const at = new Map(outcomes.map((o) => [`${o.report}/${o.layout}`, o]));
  const lines = [`${''.padEnd(width)}  ${REPORTS.map(shortId).map((s) => s.padEnd(4)).join(' ')}`];
  for (const layout of layouts) {
    const cells = REPORTS.map((rep) => {
      const o = at.get(`${rep}/${layout}`);
      return (o ? (o.pass ? '✓' : '✗') : ' ').padEnd(4);
    });
    lines.push(`${layout.padEnd(width)}  ${cells.join(' ')}`);
  }
  const passed = outcomes.filter((o) => o.pass).length;
  lines.push(`${passed} of ${outcomes.length} (report, layout) pairs give their truth`);
  for (const o of outcomes) {
    if (!o.pass) lines.push(`✗ ${shortId(o.report)} ${o.layout}: ${o.diff.length} difference${o.diff.length > 1 ? 's' : ''}; ${o.diff[0].slice(0, 140)}`);
  }
  return lines.join('\n');
}
