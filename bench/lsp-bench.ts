/**
 * Keystroke → publishDiagnostics latency over stdio, and memory with 50 open reports, for the
 * real server (dist/server.js) against a do-nothing server with the same incremental sync and
 * the same stdio transport (bench/floor-server.ts), measured in the same run. Prints a Markdown
 * table.
 *
 *   node scripts/build.mjs --production && npm run compile && node out/bench/lsp-bench.js [--quick]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LineIndex } from '../server/src/core';
import { LspClient, ROOT, SERVER, type StartOptions } from '../test/lsp/client';
import { SEEDS, seedText } from '../test/lsp/fixtures';

const FLOOR = path.join(__dirname, 'floor-server.js');
const quick = process.argv.includes('--quick');

/**
 * Seed 000 with narrative paragraphs from the other seeds added at the end of section 四 (just
 * before the heading of section 五) until it is `bytes` long. Their figures contradict seed
 * 000's tables, so every keystroke re-publishes about 500 narrative-mismatch warnings.
 */
function bigReport(bytes: number): string {
  const base = seedText(SEEDS[0]);
  const at = base.indexOf('五、存在的主要问题');
  const paragraphs = SEEDS.slice(1).map((s) => {
    const t = seedText(s);
    return t.slice(Math.floor(t.length * 0.1), Math.floor(t.length * 0.35));
  });
  let filler = '';
  let i = 0;
  while (Buffer.byteLength(base) + Buffer.byteLength(filler) < bytes) filler += paragraphs[i++ % paragraphs.length] + '\n';
  const text = base.slice(0, at) + filler + base.slice(at);
  return text;
}

const URI = 'file:///bench/report.report.txt';
/** Folders to remove at the end. */
const temporary: string[] = [];


/** The cell the benchmark types into: the 自然人 number of 一、本年新收. */
function typedRange(text: string) {
  const cell = text.indexOf('一、本年新收政府信息公开申请数量') + '一、本年新收政府信息公开申请数量 '.length;
  const pos = new LineIndex(text).positionAt(cell);
  return { start: pos, end: { line: pos.line, character: pos.character + 1 } };
}

/**
 * A do-nothing server that publishes, for every version, what the real server publishes once a
 * digit is typed into the cell: the cost of sending those diagnostics, without any checking.
 * Also says how many diagnostics that is, and their size as JSON.
 */
async function publishOnly(text: string): Promise<{ contender: StartOptions; diagnostics: number; bytes: number }> {
  const client = await LspClient.start({ script: SERVER });
  try {
    await client.open(URI, text, 'gov-report', 1);
    await client.diagnosticsFor(URI, 1, 60000);
    const waiting = client.diagnosticsFor(URI, 2, 60000);
    await client.change(URI, 2, [{ range: typedRange(text), text: '5' }]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-lsp-bench-'));
    temporary.push(dir);
    const file = path.join(dir, 'diagnostics.json');
    const { diagnostics } = await waiting;
    const json = JSON.stringify(diagnostics);
    fs.writeFileSync(file, json);
    return { contender: { script: FLOOR, env: { ...process.env, REPORT_REVIEW_BENCH_PUBLISH: file } }, diagnostics: diagnostics.length, bytes: Buffer.byteLength(json) };
  } finally {
    await client.stop();
  }
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/**
 * Types into one table cell (the 自然人 number of 一、本年新收), one keystroke per version, and
 * measures the time from sending didChange to receiving that version's diagnostics. The real
 * server and the floor take turns keystroke by keystroke, so load on the machine hits both alike.
 */
async function keystrokes(contenders: StartOptions[], text: string, count: number, warmup: number): Promise<number[][]> {
  const clients = await Promise.all(contenders.map((c) => LspClient.start({ ...c, forgetPublished: true })));
  try {
    for (const c of clients) {
      const opened = c.diagnosticsFor(URI, 1, 60000);
      await c.open(URI, text, 'gov-report', 1);
      await opened;
    }
    const range = typedRange(text);
    const times: number[][] = clients.map(() => []);
    for (let i = 0; i < warmup + count; i++) {
      const version = i + 2;
      for (let k = 0; k < clients.length; k++) {
        const waiting = clients[k].diagnosticsFor(URI, version, 60000);
        const t0 = performance.now();
        await clients[k].change(URI, version, [{ range, text: String(i % 10) }]);
        await waiting;
        if (i >= warmup) times[k].push(performance.now() - t0);
      }
    }
    return times.map((t) => t.sort((a, b) => a - b));
  } finally {
    await Promise.all(clients.map((c) => c.stop()));
  }
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** How long the benchmark watches a server's RSS after the 50th report's diagnostics. */
const WATCH_MS = 30_000;

/**
 * RSS after a burst of work:
 * - `plateau`: the first value that holds for half a second. V8 goes on optimizing hot code in the
 *   background for a moment after the burst, and the new space has grown while it worked.
 * - `steady`: the last value. Once the process has been idle for about 8 s, V8's memory reducer
 *   collects garbage and shrinks the heap (the timer restarts if the process still allocates, so
 *   it can take twice that); RSS then stays put. This is what the server holds while the reports
 *   stay open.
 * - `steadySince`: when RSS last changed, in ms after the diagnostics; a value near WATCH_MS
 *   would mean the watch was too short.
 */
interface Rss {
  plateau: number;
  steady: number;
  steadySince: number;
}

/** A server's RSS, sampled every 100 ms for WATCH_MS (see `Rss`). */
async function watchRss(pid: number): Promise<Rss> {
  const start = Date.now();
  let last = rssMb(pid);
  let still = 0;
  let plateau = NaN;
  let steadySince = 0;
  while (Date.now() - start < WATCH_MS) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = rssMb(pid);
    if (Math.abs(now - last) <= 0.1) still++;
    else {
      still = 0;
      steadySince = Date.now() - start;
    }
    if (Number.isNaN(plateau) && still >= 5) plateau = now;
    last = now;
  }
  return { plateau: Number.isNaN(plateau) ? last : plateau, steady: last, steadySince };
}

interface Memory extends Rss {
  atLast: number;
}

/**
 * RSS once 50 open reports (the seeds, each under ten names with a different title year) have
 * their diagnostics: right then, after the burst, and steady.
 */
async function memory(script: string): Promise<Memory> {
  const client = await LspClient.start({ script });
  try {
    const waits: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      const seed = SEEDS[i % SEEDS.length];
      const uri = `file:///bench/${i}-${seed}`;
      const text = seedText(seed).replace('2024', String(2000 + i));
      waits.push(client.diagnosticsFor(uri, 1, 60000));
      await client.open(uri, text, 'plaintext');
    }
    await Promise.all(waits);
    const atLast = rssMb(client.proc.pid!);
    return { atLast, ...(await watchRss(client.proc.pid!)) };
  } finally {
    await client.stop();
  }
}

const fmt = (n: number) => n.toFixed(2);

async function main(): Promise<void> {
  if (!fs.existsSync(SERVER)) throw new Error('dist/server.js missing: run `npm run bench:lsp`, which builds it');
  const seed = seedText(SEEDS[0]);
  const big = bigReport(1_000_000);
  const n = quick ? 60 : 400;
  const nBig = quick ? 30 : 200;

  const rows: string[][] = [];
  const verdicts: string[] = [];

  const seedPublish = await publishOnly(seed);
  const bigPublish = await publishOnly(big);
  const [sSeed, fSeed, pSeed] = await keystrokes([{ script: SERVER }, { script: FLOOR }, seedPublish.contender], seed, n, 50);
  const [sBig, fBig, pBig] = await keystrokes([{ script: SERVER }, { script: FLOOR }, bigPublish.contender], big, nBig, 10);
  const sMem = await memory(SERVER);
  const fMem = await memory(FLOOR);

  const seedKb = (Buffer.byteLength(seed) / 1024).toFixed(1);
  const bigKb = (Buffer.byteLength(big) / 1024).toFixed(0);
  const latency = (t: number[]) => `p50 ${fmt(percentile(t, 50))} · p99 ${fmt(percentile(t, 99))} ms`;
  const published = (p: { diagnostics: number; bytes: number }) => `${p.diagnostics} diagnostics, ${(p.bytes / 1024).toFixed(0)} KB of JSON`;
  rows.push([`keystroke → diagnostics, seed (${seedKb} KB; ${published(seedPublish)}), n=${n}`, latency(sSeed), latency(fSeed), latency(pSeed)]);
  rows.push([`keystroke → diagnostics, 1 MB (${bigKb} KB; ${published(bigPublish)}), n=${nBig}`, latency(sBig), latency(fBig), latency(pBig)]);
  const rss = (m: Memory) => `${fmt(m.steady)} MB (${fmt(m.atLast)} · ${fmt(m.plateau)}; steady from ${(m.steadySince / 1000).toFixed(1)} s)`;
  rows.push([`RSS with 50 open reports, steady (at the 50th diagnostics · after the burst; ${WATCH_MS / 1000} s watched)`, rss(sMem), rss(fMem), '—']);

  const ratio = percentile(sSeed, 50) / percentile(fSeed, 50);
  verdicts.push(`| seed p50 ≤ 1.5 × floor | ${fmt(ratio)} × | ${ratio <= 1.5 ? 'met' : 'NOT met'} |`);
  const p99 = percentile(sBig, 99);
  verdicts.push(`| 1 MB p99 ≤ 20 ms | ${fmt(p99)} ms | ${p99 <= 20 ? 'met' : 'NOT met'} |`);
  const extra = sMem.steady - fMem.steady;
  verdicts.push(`| memory ≤ floor + 15 MB (steady RSS) | floor + ${fmt(extra)} MB (after the burst: + ${fmt(sMem.plateau - fMem.plateau)}) | ${extra <= 15 ? 'met' : 'NOT met'} |`);

  console.log(`LSP benchmark (Node ${process.version}, ${ROOT === process.cwd() ? 'repo root' : ROOT})\n`);
  console.log('| measure | report-review server | floor (do-nothing server) | publish only (the server\'s diagnostics, no checking) |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('\n| target | measured | |');
  console.log('|---|---|---|');
  for (const v of verdicts) console.log(v);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
  });
