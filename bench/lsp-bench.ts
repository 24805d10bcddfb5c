/**
 * Typing, measured over the LSP: a fixed mix of edits, sent with incremental sync to a fresh
 * server (dist/server.js) holding 50 open reports, each timed from didChange to that version's
 * publishDiagnostics, against a do-nothing server with the same sync and transport
 * (bench/floor-server.ts) in the same run: the two take turns edit by edit, each first in turn. On seed 001 and on a
 * 100 KB report (seed 001 with the narrative of section 一 repeated, its tables intact). Prints
 * p50/p90/p99/max per kind of edit, overall and for the first 100 edits, RSS at the end of the
 * burst and after idle, and the targets.
 *
 *   node scripts/build.mjs --production && npm run compile && node out/bench/lsp-bench.js [--quick] [--against OTHER/server.js]
 *
 * `--against` adds another build of the server as a third contender, taking turns with the two.
 */
import * as fs from 'fs';
import * as path from 'path';
import { check, LineIndex } from '../server/src/core';
import { SERVER_EXEC_ARGV } from '../server/src/lsp/protocol';
import { LspClient, ROOT, SERVER, type StartOptions } from '../test/lsp/client';
import { SEEDS, seedText } from '../test/lsp/fixtures';

const FLOOR = path.join(__dirname, 'floor-server.js');
const quick = process.argv.includes('--quick');
const against = process.argv.includes('--against') ? path.resolve(process.argv[process.argv.indexOf('--against') + 1]) : undefined;
const EDITS = quick ? 400 : 2000;
/** Edits reported on their own: what a user meets first. */
const COLD = 100;
/** How long both servers are left idle before the second RSS reading. */
const IDLE_MS = quick ? 5_000 : 20_000;
const URI = 'file:///bench/report.txt';

/** Seed 001, and seed 001 with the body of section 一 repeated in place until it is `bytes` long. */
export function reports(): { name: string; text: string }[] {
  const seed = seedText(SEEDS[1]);
  const [one, two] = check(seed).model.sections;
  const body = seed.slice(one.span.end, two.span.start);
  let filler = '';
  while (Buffer.byteLength(seed) + Buffer.byteLength(filler) < 100 * 1024) filler += body;
  const big = seed.slice(0, two.span.start) + filler + seed.slice(two.span.start);
  return [
    { name: `seed 001 (${(Buffer.byteLength(seed) / 1024).toFixed(1)} KB)`, text: seed },
    { name: `100 KB report (${(Buffer.byteLength(big) / 1024).toFixed(0)} KB)`, text: big },
  ];
}

/** An edit in offsets of the text it applies to. */
interface Edit {
  kind: string;
  start: number;
  end: number;
  text: string;
}

/** A small fixed-seed generator (mulberry32): every run types the same edits. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The edit mix. Places are read once from the report as opened; every action leaves each
 * length as it was (an edit and its undo, or a digit typed over a digit), so they stay valid.
 * Digits typed over cells make the tables drift: their sums break more and more as typing goes on.
 */
export function editMix(original: string, count: number): Edit[] {
  const rnd = random(17);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const digit = () => String(1 + Math.floor(rnd() * 9));
  const model = check(original).model;
  const cells = Object.values(model.tables).flatMap((t) => t!.rows.flatMap((r) => r.cells.filter((c) => !c.blank && /^\d+$/.test(c.raw))));
  const rows = Object.values(model.tables).flatMap((t) => t!.rows);
  const inTable = (o: number) => Object.values(model.tables).some((t) => t!.span.start <= o && o <= t!.span.end);
  const title = model.title!;
  const narrative = model.sections[0];
  const figures = [...original.slice(narrative.span.end, narrative.end).matchAll(/\d+/g)].map((m) => narrative.span.end + m.index + m[0].length).filter((o) => !inTable(o));
  const words = [...original.slice(narrative.span.end, narrative.end).matchAll(/[\u4e00-\u9fff](?=[\u4e00-\u9fff])/g)].map((m) => narrative.span.end + m.index + 1);
  const year = /\d{4}/.exec(title.text);
  const lineStart = (o: number) => original.lastIndexOf('\n', o - 1) + 1;
  const nextLine = (o: number) => original.indexOf('\n', o) + 1;
  const pair = (kind: string, undo: string, at: number, text: string): Edit[] => [
    { kind, start: at, end: at, text },
    { kind: undo, start: at, end: at + text.length, text: '' },
  ];
  const actions: { weight: number; make: (text: string) => Edit[] }[] = [
    { weight: 2, make: () => pair('cell: digit typed', 'cell: digit deleted', pick(cells).span.start, digit()) },
    {
      weight: 2,
      make: (text) => {
        const c = pick(cells);
        const was = text[c.span.end - 1];
        let d = digit();
        while (d === was) d = digit();
        return [{ kind: 'cell: digit typed over', start: c.span.end - 1, end: c.span.end, text: d }];
      },
    },
    {
      weight: 1,
      make: (text) => {
        const c = pick(cells.filter((x) => x.raw.length === 1));
        return [
          { kind: 'cell: emptied', start: c.span.start, end: c.span.end, text: '' },
          { kind: 'cell: empty cell filled', start: c.span.start, end: c.span.start, text: text[c.span.start] },
        ];
      },
    },
    { weight: 1, make: () => pair('narrative: digit typed', 'narrative: digit deleted', pick(figures), digit()) },
    { weight: 1, make: () => pair('narrative: word typed', 'narrative: word deleted', pick(words), '办理') },
    { weight: 1, make: () => pair('title: digit typed', 'title: digit deleted', title.span.start + year!.index + 4, digit()) },
    { weight: 1, make: () => pair('title: word typed', 'title: word deleted', title.span.start + 1 + Math.floor(rnd() * (title.span.end - title.span.start - 1)), '政府') },
    { weight: 1, make: () => pair('table: newline typed', 'table: newline deleted', pick(cells.filter((c) => / |\t/.test(original[c.span.start - 1]))).span.start, '\n') },
    {
      weight: 1,
      make: (text) => {
        const r = pick(rows);
        const from = lineStart(r.span.start);
        const to = nextLine(r.span.end);
        return pair('table: row pasted', 'table: row deleted', to, text.slice(from, to));
      },
    },
    {
      weight: 1,
      make: (text) => {
        const h = pick(model.sections);
        const at = h.span.start + Math.floor(rnd() * (h.span.end - h.span.start));
        return [
          { kind: 'heading: character deleted', start: at, end: at + 1, text: '' },
          { kind: 'heading: character retyped', start: at, end: at, text: text[at] },
        ];
      },
    },
  ];
  const total = actions.reduce((s, a) => s + a.weight, 0);
  const edits: Edit[] = [];
  let text = original;
  while (edits.length < count) {
    let w = rnd() * total;
    const action = actions.find((a) => (w -= a.weight) < 0) ?? actions[0];
    for (const e of action.make(text)) {
      edits.push(e);
      text = text.slice(0, e.start) + e.text + text.slice(e.end);
    }
  }
  return edits.slice(0, count);
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** CPU time (user + system) a process has used, in ms (the kernel counts it in ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Run {
  /** Milliseconds per edit, in the order typed. */
  times: number[];
  /** CPU time per edit, in ms: less sensitive than latency to what else the machine runs. */
  cpuPerEdit: number;
  rssAfterBurst: number;
  rssAfterIdle: number;
}

/**
 * Opens 49 other reports (the seeds, under other names and title years) and the report, then
 * types the edits, the servers taking turns edit by edit.
 */
export async function typing(servers: StartOptions[], original: string, edits: Edit[]): Promise<Run[]> {
  const clients = await Promise.all(servers.map((s) => LspClient.start({ ...s, forgetPublished: true })));
  try {
    for (const c of clients) {
      const waits: Promise<unknown>[] = [];
      for (let i = 0; i < 49; i++) {
        const uri = `file:///bench/other-${i}.txt`;
        waits.push(c.diagnosticsFor(uri, 1, 60000));
        await c.open(uri, seedText(SEEDS[i % SEEDS.length]).replace('2024', String(1980 + i)), 'plaintext');
      }
      waits.push(c.diagnosticsFor(URI, 1, 60000));
      await c.open(URI, original, 'plaintext');
      await Promise.all(waits);
    }
    const times: number[][] = clients.map(() => []);
    const cpu = clients.map((c) => cpuMs(c.proc.pid!));
    let text = original;
    for (let i = 0; i < edits.length; i++) {
      const e = edits[i];
      const index = new LineIndex(text);
      const change = { range: { start: index.positionAt(e.start), end: index.positionAt(e.end) }, text: e.text };
      text = text.slice(0, e.start) + e.text + text.slice(e.end);
      // Each edit goes to a different server first: the first one after the client's own work was measured slower.
      for (let j = 0; j < clients.length; j++) {
        const k = (i + j) % clients.length;
        const waiting = clients[k].diagnosticsFor(URI, i + 2, 60000);
        const t0 = performance.now();
        await clients[k].change(URI, i + 2, [change]);
        await waiting;
        times[k].push(performance.now() - t0);
      }
    }
    const afterBurst = clients.map((c) => rssMb(c.proc.pid!));
    const cpuPerEdit = clients.map((c, k) => (cpuMs(c.proc.pid!) - cpu[k]) / edits.length);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return clients.map((c, k) => ({ times: times[k], cpuPerEdit: cpuPerEdit[k], rssAfterBurst: afterBurst[k], rssAfterIdle: rssMb(c.proc.pid!) }));
  } finally {
    await Promise.all(clients.map((c) => c.stop()));
  }
}

/** Nearest-rank percentile of ascending `sorted`. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const fmt = (n: number) => n.toFixed(2);
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s[s.length - 1] };
};
const cell = (xs: number[]) => {
  const s = stats(xs);
  return `${fmt(s.p50)} · ${fmt(s.p90)} · ${fmt(s.p99)} · ${fmt(s.max)}`;
};

async function main(): Promise<void> {
  if (!fs.existsSync(SERVER)) throw new Error('dist/server.js missing: run `npm run bench:lsp`, which builds it');
  console.log(`LSP typing benchmark (Node ${process.version}, ${ROOT === process.cwd() ? 'repo root' : ROOT}; ${EDITS} edits per report, 50 reports open)\n`);
  const names = ['server', 'floor', ...(against ? [path.relative(process.cwd(), against)] : [])];
  const verdicts: string[] = [];
  for (const [r, { name, text }] of reports().entries()) {
    const edits = editMix(text, EDITS);
    // Every contender runs with the server's Node options, as the VS Code client starts it.
    const runs = await typing([SERVER, FLOOR, ...(against ? [against] : [])].map((script) => ({ script, execArgv: SERVER_EXEC_ARGV })), text, edits);
    const [server, floor] = runs;
    console.log(`### ${name}\n`);
    console.log(`| edit | n | ${names.map((n) => `${n} p50 · p90 · p99 · max (ms)`).join(' | ')} |`);
    console.log(`|---|---|${names.map(() => '---|').join('')}`);
    const row = (label: string, keep: (i: number) => boolean) => {
      const n = edits.filter((_, i) => keep(i)).length;
      console.log(`| ${label} | ${n} | ${runs.map((run) => cell(run.times.filter((_, i) => keep(i)))).join(' | ')} |`);
    };
    let worst = { kind: '', p99: 0 };
    for (const kind of [...new Set(edits.map((e) => e.kind))].sort()) {
      row(kind, (i) => edits[i].kind === kind);
      const p99 = stats(server.times.filter((_, i) => edits[i].kind === kind)).p99;
      if (p99 > worst.p99) worst = { kind, p99 };
    }
    row('**all**', () => true);
    row(`first ${COLD} edits`, (i) => i < COLD);
    console.log(`| CPU time per edit (ms) | | ${runs.map((run) => fmt(run.cpuPerEdit)).join(' | ')} |`);
    console.log(`| RSS at the end of the burst · after ${IDLE_MS / 1000} s idle (MB) | | ${runs.map((run) => `${fmt(run.rssAfterBurst)} · ${fmt(run.rssAfterIdle)}`).join(' | ')} |\n`);
    const ratio = stats(server.times).p50 / stats(floor.times).p50;
    const extra = server.rssAfterBurst - floor.rssAfterBurst;
    if (r === 0) verdicts.push(`| seed: overall p50 ≤ 3 × floor | ${fmt(ratio)} × | ${ratio <= 3 ? 'met' : 'NOT met'} |`);
    if (r === 1) verdicts.push(`| 100 KB: every kind of edit p99 ≤ 16 ms, cold start included | worst: ${worst.kind}, ${fmt(worst.p99)} ms | ${worst.p99 <= 16 ? 'met' : 'NOT met'} |`);
    verdicts.push(`| ${r === 0 ? 'seed' : '100 KB'}: RSS at the end of the burst ≤ floor + 25 MB | floor + ${fmt(extra)} MB | ${extra <= 25 ? 'met' : 'NOT met'} |`);
  }
  console.log('| target (server) | measured | |');
  console.log('|---|---|---|');
  for (const v of verdicts) console.log(v);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
