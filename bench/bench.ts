/**
 * `npm run bench`: check time per report (seed-sized, 1 MB, 10 MB), the floor of only decoding
 * and splitting the same bytes, their ratio; the check again after a digit is typed into a table;
 * and CLI throughput over 10,000 reports on both cores; reading the HTML, Word and PDF fixtures
 * (test/fixtures/formats) and checking them, and a CLI run over a folder of them (`--documents`:
 * only these). The checker is the tsc output in out/, the
 * CLI the production bundle. A script, not a test: it prints Markdown tables and never fails on a number.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check } from '../server/src/core';
import { readDocument } from '../server/src/formats';
import type { Line } from '../server/src/core/text';

/** The floor's splitting: every line as a string with its offsets, the least a checker must do. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let n = 0;
  if (!text.includes('\r')) {
    let start = 0;
    for (;;) {
      const i = text.indexOf('\n', start);
      if (i < 0) break;
      lines.push({ n: n++, start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
    lines.push({ n, start, end: text.length, text: text.slice(start) });
    return lines;
  }
  let start = 0;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ n: n++, start, end: i, text: text.slice(start, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ n, start, end: len, text: text.slice(start, len) });
  return lines;
}

const root = path.resolve(__dirname, '..', '..');
const seedsDir = path.join(root, 'test', 'fixtures', 'seeds');
const seeds = fs.readdirSync(seedsDir).sort().map((f) => fs.readFileSync(path.join(seedsDir, f)));

/** Wall time in ms of one `report-review check --format json FOLDER` run (exit 1, problems found, is a success). */
function cliCheckMs(folder: string): number {
  const t0 = performance.now();
  try {
    execFileSync(process.execPath, [path.join(root, 'bin', 'report-review.js'), 'check', '--format', 'json', folder], { stdio: ['ignore', 'ignore', 'ignore'] });
  } catch (e) {
    if ((e as { status?: number }).status !== 1) throw e;
  }
  return performance.now() - t0;
}

const median = (samples: number[]): number => samples.sort((a, b) => a - b)[samples.length >> 1];

/**
 * Time per call in ms of each function, one sample per call, added to `into`. The functions take
 * turns in blocks of calls (about 20 ms each) until about `budgetMs` has passed: a machine that
 * speeds up or slows down during the run affects them alike, and within a block each runs as it
 * would alone.
 */
function sampleEach(fns: (() => void)[], budgetMs: number, into: number[][] = fns.map(() => [])): number[][] {
  for (let i = 0; i < 5; i++) for (const fn of fns) fn();
  const t0 = performance.now();
  const first = into[0].length;
  while (performance.now() - t0 < budgetMs || into[0].length - first < 5) {
    fns.forEach((fn, k) => {
      const block = performance.now();
      do {
        const s = performance.now();
        fn();
        into[k].push(performance.now() - s);
      } while (performance.now() - block < 20);
    });
  }
  return into;
}

/** Median time per call in ms of each function (see `sampleEach`). */
const timeEach = (fns: (() => void)[], budgetMs = 400): number[] => sampleEach(fns, budgetMs).map(median);

const decoder = new TextDecoder('utf-8');

/** A report of about `bytes`: seed 001 with its section 五 narrative repeated. */
function bigReport(bytes: number): Buffer {
  const text = seeds[1].toString('utf8');
  const at = text.indexOf('六、他需要报告的事项');
  const para = text.slice(text.indexOf('主要问题：'), at);
  let filler = '';
  while (Buffer.byteLength(filler) < bytes - seeds[1].length) filler += para;
  return Buffer.from(text.slice(0, at) + filler + text.slice(at));
}

function row(name: string, bytes: number, checkMs: number, floorMs: number): string {
  return `| ${name} | ${(bytes / 1024).toFixed(0)} KB | ${checkMs.toFixed(3)} ms | ${floorMs.toFixed(3)} ms | ${(checkMs / floorMs).toFixed(2)}× |`;
}

/** Check and floor of the same bytes, taking turns (so both see the machine in the same state). */
const checkAndFloorOf = (b: Buffer): (() => void)[] => [() => check(decoder.decode(b)), () => splitLines(decoder.decode(b))];
const checkAndFloor = (b: Buffer, budgetMs: number): number[] => timeEach(checkAndFloorOf(b), budgetMs);

/**
 * Check and floor of each seed. Every seed is checked for a while before any is timed, and each
 * is then timed in three passes over all five, its samples pooled: the checker runs as it does in
 * a process that has seen reports of every kind (the CLI, the server), not as on the first report
 * of a kind, and a slow spell of the machine falls on several seeds instead of one.
 */
function seedTimes(): number[][] {
  const pairs = seeds.map(checkAndFloorOf);
  for (const p of pairs) sampleEach(p, 100);
  const pooled = pairs.map((p) => p.map((): number[] => []));
  for (let pass = 0; pass < 3; pass++) pairs.forEach((p, k) => sampleEach(p, 300, pooled[k]));
  return pooled.map((samples) => samples.map(median));
}

function main(): void {
  const lines: string[] = [];
  lines.push('| input | size | check (decode + check) | floor (decode + split lines) | ratio |', '|---|---|---|---|---|');
  const perSeed = seedTimes();
  const seedCheck = perSeed.map((t) => t[0]);
  const seedFloor = perSeed.map((t) => t[1]);
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const avgBytes = avg(seeds.map((b) => b.length));
  lines.push(row('seed-sized (mean of 5 seeds)', avgBytes, avg(seedCheck), avg(seedFloor)));
  for (const mb of [1, 10]) {
    const b = bigReport(mb * 1024 * 1024);
    const [checkMs, floorMs] = checkAndFloor(b, 3000);
    lines.push(row(`${mb} MB report`, b.length, checkMs, floorMs));
  }
  console.log(lines.join('\n'));

  // CLI throughput: 10,000 reports (the seeds with varied numbers) checked in one run on all cores.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-bench-'));
  try {
    const n = 10000;
    for (let i = 0; i < n; i++) {
      const seed = seeds[i % seeds.length].toString('utf8');
      fs.writeFileSync(path.join(dir, `r${String(i).padStart(5, '0')}.txt`), seed.replace('2024', String(2000 + (i % 25))));
    }
    const readFloor = (() => {
      const t0 = performance.now();
      for (const f of fs.readdirSync(dir)) splitLines(decoder.decode(fs.readFileSync(path.join(dir, f))));
      return performance.now() - t0;
    })();
    const ms = cliCheckMs(dir);
    console.log('');
    console.log('| CLI run | reports | wall time | reports/s | read + split floor (one core) |');
    console.log('|---|---|---|---|---|');
    console.log(`| \`report-review check --format json DIR\` (${os.availableParallelism?.() ?? os.cpus().length} cores) | ${n} | ${(ms / 1000).toFixed(2)} s | ${Math.round((n * 1000) / ms)} | ${(readFloor / 1000).toFixed(2)} s |`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Per document kind: read (to report text) and read + check, ms per report (median of 5 rounds over the fixtures). */
async function documentRows(): Promise<void> {
  const dir = path.join(root, 'test', 'fixtures', 'formats');
  console.log('');
  console.log('| document | reports | read (ms/report) | read + check (ms/report) | reports/s |');
  console.log('|---|---|---|---|---|');
  // The same reports as canonical text (what extract writes): the scale the documents are read at.
  for (const kind of ['text', 'html', 'docx', 'pdf']) {
    const files = fs.readdirSync(path.join(dir, kind)).map((f) => path.join(dir, kind, f));
    const bytes = files.map((f) => fs.readFileSync(f));
    const read: number[] = [];
    const both: number[] = [];
    for (let round = 0; round < 5; round++) {
      let r = 0;
      let b = 0;
      for (let i = 0; i < files.length; i++) {
        const t0 = performance.now();
        const doc = kind === 'text' ? { ok: true as const, text: decoder.decode(bytes[i]) } : await readDocument(bytes[i], files[i]);
        const t1 = performance.now();
        if (doc.ok) check(doc.text);
        const t2 = performance.now();
        r += t1 - t0;
        b += t2 - t0;
      }
      read.push(r / files.length);
      both.push(b / files.length);
    }
    const ms = median(both);
    console.log(`| ${kind} | ${files.length} | ${median(read).toFixed(1)} | ${ms.toFixed(1)} | ${Math.round(1000 / ms)} |`);
  }

  // A folder of every page, Word file and PDF, checked in one CLI run (as a reviewer checks a batch).
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-bench-docs-'));
  try {
    let n = 0;
    for (const kind of ['html', 'docx', 'pdf']) {
      for (const f of fs.readdirSync(path.join(dir, kind))) {
        fs.copyFileSync(path.join(dir, kind, f), path.join(folder, `${kind}-${f}`));
        n++;
      }
    }
    const ms = cliCheckMs(folder);
    console.log('');
    console.log('| CLI run | documents | wall time | documents/s |');
    console.log('|---|---|---|---|');
    console.log(`| \`report-review check --format json DIR\` (pages, Word, PDF) | ${n} | ${(ms / 1000).toFixed(2)} s | ${((n * 1000) / ms).toFixed(1)} |`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

// `npm run bench -- --documents`: only the documents' rows.
if (!process.argv.includes('--documents')) main();
void documentRows();
