// The command-line checker as the oracle for what an editor must show: `report-review check
// --format json FILE`, turned into the shape the editors' diagnostics are compared in.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../../../..');
export const SEEDS = path.join(ROOT, 'test/fixtures/seeds');
const CLI = path.join(ROOT, 'bin/report-review.js');

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Locale = 'zh-CN' | 'en';

/** One diagnostic as an editor shows it: 0-based [startLine, startChar, endLine, endChar]. */
export interface Shown {
  code: string;
  severity: Severity;
  range: [number, number, number, number];
  message: string;
}

interface CliOutput {
  files: { path: string; problems: CliProblem[] }[];
}

interface CliProblem {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function run(args: string[]): string {
  // ELECTRON_RUN_AS_NODE: inside a desktop VS Code, process.execPath is Electron.
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  // Exit codes: 0 no errors, 1 errors found; 2 (or no output) is a failure of the CLI itself.
  if (r.error || (r.status !== 0 && r.status !== 1) || (r.stderr && !r.stdout)) {
    throw new Error(`report-review ${args.join(' ')} exited ${r.status}: ${r.error ?? r.stderr}`);
  }
  return r.stdout;
}

/** What `report-review check --format json --locale L FILE` reports, sorted. */
export function cliCheck(file: string, locale: Locale): Shown[] {
  const out = JSON.parse(run(['check', '--format', 'json', '--locale', locale, file])) as CliOutput;
  if (out.files.length !== 1) throw new Error(`expected one file in the CLI's output, got ${out.files.length}`);
  return sortShown(out.files[0].problems.map((p) => ({
    code: p.rule,
    severity: p.severity,
    range: [p.line - 1, p.column - 1, p.endLine - 1, p.endColumn - 1],
    message: p.message,
  })));
}

/** cliCheck for text that is not on disk. */
export function cliCheckText(text: string, locale: Locale, name = 'report.txt'): Shown[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-oracle-'));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return cliCheck(file, locale);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What `report-review fix --stdout` makes of a text. */
export function cliFix(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-oracle-'));
  try {
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, text);
    return run(['fix', '--stdout', file]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function sortShown(list: Shown[]): Shown[] {
  const key = (s: Shown) => `${s.range.map((n) => String(n).padStart(8, '0')).join(':')} ${s.code} ${s.message}`;
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
