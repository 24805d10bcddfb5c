/**
 * `report-review`: the command-line face of the core.
 *   report-review check [--format text|json|sarif|html|csv] [-o FILE] [--locale zh-CN|en] [--previous FILE] PATH…
 *   report-review fix [--write | --stdout] PATH…
 *   report-review extract FILE [-o OUT]
 * Exit codes: 0 no errors, 1 errors found, 2 usage error, or an input that was not checked
 * (unreadable, refused, or named but not a report).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  applyEdits,
  check,
  fixAll,
  formatMessage,
  looksLikeReport,
  nearestName,
  previousMismatch,
  titleOf,
  validateRuleSettings,
  type CheckOptions,
  type CheckResult,
  type Locale,
  type RuleSetting,
} from './core';
import { decodeBytes, decodeFailureText, type Encoding } from './decode';
import { DEFAULT_MAX_DOCUMENT_SIZE, DEFAULT_MAX_FILE_SIZE, DOCUMENT_NAME, readAtMost, readFileGuarded, refusalText, reportFiles } from './files';
import { loadFormats, locateInDocument, readDocumentFile, type ReadDocument } from './documents';
import { encodeText } from './encode';
import { countProblems, locate, summaryLine, toJson, toSarif, toTextLines, type FileEntry, type LocatedFile } from './output';
import { isReportDocument } from './reports';
import { toCsv } from './report/csv';
import { toHtml } from './report/html';
import { reviewOf } from './report/review';

/** The version from the package.json above this file (dist/ in the package, out/ in development). */
function readVersion(): string {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'report-review' && pkg.version) return pkg.version;
    } catch {
      // not here; look one level up
    }
  }
  return '0.0.0';
}
const VERSION = readVersion();

const HELP: Record<Locale, string> = {
  'zh-CN': `report-review ${VERSION} — 政府信息公开工作年度报告审校（年报审校）

用法：
  report-review check [选项] 路径…          检查报告
  report-review fix [选项] 路径…            应用首选修复（不带 --write/--stdout 时只列出可修复的问题数）
  report-review extract 文件 [-o 输出]      把 HTML/Word/PDF 报告写成规范文本

路径可以是文件、文件夹（递归查找可检查的文件，跳过不是年报的文件）或 -（标准输入）。
可检查的格式：.txt、.md，以及 .html/.htm 网页、Word .docx、PDF（含文字层；不做 OCR）。

选项：
  --format text|json|sarif|html|csv
                             输出格式（默认 text）；html：可打印的审校结果网页，csv：每个问题一行
  --locale zh-CN|en          消息语言（默认 zh-CN）
  --previous 文件            上一年度的报告（跨年度核对）
  --rule 规则=级别           调整规则，级别为 off、error、warning、info、hint；规则写别名或编号（可重复）
  --max-size 字节数          不读取大于此字节数的文件（默认：文本 ${DEFAULT_MAX_FILE_SIZE}，HTML/Word/PDF ${DEFAULT_MAX_DOCUMENT_SIZE}）
  --verbose                  列出跳过的文件及原因（写到标准错误）
  --write                    fix：写回文件（按原编码）
  --stdout                   fix：把修复后的文本输出到标准输出（只用于一个输入）
  --follow-symlinks          fix --write：允许写入符号链接指向的文件
  -o, --output 文件          check、extract：写入文件（默认标准输出）
  -h, --help                 显示帮助
  -v, --version              显示版本

退出码：0 没有错误；1 发现错误；2 用法错误，或有输入未能检查（无法读取、被拒绝，或指定的文件不是年报）。`,
  en: `report-review ${VERSION} — reviews government information disclosure annual reports

Usage:
  report-review check [options] PATH…     check reports
  report-review fix [options] PATH…       apply the preferred fixes (without --write/--stdout: count what is fixable)
  report-review extract FILE [-o OUT]     write an HTML/Word/PDF report as canonical text

A PATH is a file, a folder (searched for files it can check; files that are not reports are skipped) or - (stdin).
Formats: .txt, .md, and .html/.htm pages, Word .docx, PDF (with a text layer; no OCR).

Options:
  --format text|json|sarif|html|csv
                             output format (default text); html: a printable review report, csv: a row per finding
  --locale zh-CN|en          message language (default zh-CN)
  --previous FILE            last year's report (cross-year checks)
  --rule RULE=LEVEL          LEVEL: off, error, warning, info, hint; RULE: an alias or id (repeatable)
  --max-size BYTES           do not read files larger than this (default: text ${DEFAULT_MAX_FILE_SIZE}, HTML/Word/PDF ${DEFAULT_MAX_DOCUMENT_SIZE})
  --verbose                  list skipped files and why (on stderr)
  --write                    fix: write the files back (in their own encoding)
  --stdout                   fix: print the fixed text (one input only)
  --follow-symlinks          fix --write: write to the file a symbolic link points to
  -o, --output FILE          check, extract: write to FILE (default stdout)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors; 1 errors found; 2 usage error, or an input not checked (unreadable, refused, or a named file that is not a report).`,
};

const TEXT = {
  'zh-CN': {
    usage: '用法错误',
    moreHelp: '运行 report-review --help 查看全部选项。',
    unknownCommand: (c: string) => `未知命令 ${c}`,
    noCommand: '缺少命令：check、fix 或 extract',
    unknownOption: (o: string) => `未知选项 ${o}`,
    badValue: (o: string, v: string, allowed: string) => `${o} 的值 ${v} 无效，可用：${allowed}`,
    missingValue: (o: string) => `选项 ${o} 缺少值`,
    didYouMean: (s: string) => `，是否为 ${s}？`,
    noInput: '没有指定要检查的文件或文件夹',
    ruleSpec: (s: string) => `--rule ${s}：应为 规则=级别`,
    maxSize: (v: string) => `--max-size 应为字节数（非负整数），实为 ${v}`,
    writeAndStdout: '--write 与 --stdout 不能同时使用',
    stdoutOne: '--stdout 只能用于一个输入',
    emptyFolder: '是文件夹，但其中没有 .txt 或 .md 文件',
    notReport: '不是年报（没有找到年报的标题、部分标题或统计表）',
    skipped: (why: string) => `跳过：${why}`,
    symlink: '是符号链接，不写入它指向的文件（需要时加 --follow-symlinks）',
    fixed: '已修复',
    nothingToFix: '无需修复',
    fixable: (n: number) => `${n} 个问题可自动修复`,
    documentNotFixed: (file: string, kind: string) => `不修改 ${kind} 文档；请先运行 \`report-review extract ${file} -o 报告.txt\`，再检查和修复文本`,
    fixesLeft: (n: number) => `${n} 个修复不只改动单元格文字，未应用`,
    extractOne: 'extract 只能用于一个文件',
    notDocument: (file: string) => `${file}：不是 HTML、Word 或 PDF 文件`,
    previousBody: (p: string, a: string, b: string) => `警告：${p} 是另一机关的报告（「${b}」，本报告为「${a}」），未做跨年度核对`,
    previousYear: (p: string, a: number, b: number) => `警告：${p} 是 ${b} 年的报告，不是 ${a} 年的上一年度，未做跨年度核对`,
    previousUnusable: (file: string, why: string) => `--previous ${file}：${why}`,
  },
  en: {
    usage: 'usage error',
    moreHelp: 'Run report-review --help for all options.',
    unknownCommand: (c: string) => `unknown command ${c}`,
    noCommand: 'missing command: check, fix or extract',
    unknownOption: (o: string) => `unknown option ${o}`,
    badValue: (o: string, v: string, allowed: string) => `${o}: unknown value ${v}; use ${allowed}`,
    missingValue: (o: string) => `option ${o} needs a value`,
    didYouMean: (s: string) => `; did you mean ${s}?`,
    noInput: 'no file or folder given',
    ruleSpec: (s: string) => `--rule ${s}: expected RULE=LEVEL`,
    maxSize: (v: string) => `--max-size takes a number of bytes (a non-negative integer), not ${v}`,
    writeAndStdout: '--write and --stdout cannot be used together',
    stdoutOne: '--stdout takes exactly one input',
    emptyFolder: 'is a folder without .txt or .md files',
    notReport: 'not a report (no report title, section heading or table found)',
    skipped: (why: string) => `skipped: ${why}`,
    symlink: 'is a symbolic link; the file it points to is not written (use --follow-symlinks to write it)',
    fixed: 'fixed',
    nothingToFix: 'nothing to fix',
    fixable: (n: number) => `${n} fixable problem(s)`,
    documentNotFixed: (file: string, kind: string) => `a ${kind} document is not changed; run \`report-review extract ${file} -o report.txt\`, then check and fix the text`,
    fixesLeft: (n: number) => `${n} fix(es) would change more than a cell's text and were left`,
    extractOne: 'extract takes one file',
    notDocument: (file: string) => `${file}: not an HTML, Word or PDF file`,
    previousBody: (p: string, a: string, b: string) => `warning: ${p} is the report of another body (“${b}”; this one is “${a}”): no cross-year checks`,
    previousYear: (p: string, a: number, b: number) => `warning: ${p} is the report of ${b}, not of the year before ${a}: no cross-year checks`,
    previousUnusable: (file: string, why: string) => `--previous ${file}: ${why}`,
  },
};

class UsageError extends Error {}

interface Input {
  /** Display path. */
  path: string;
  /** Read from stdin (its bytes, or why they were not read, are here: read before checking). */
  stdin?: boolean;
  bytes?: Buffer;
  /** Found by walking a folder: skipped when it is not a report. */
  walked?: boolean;
  /** An HTML page, Word or PDF document, read before checking; or why it could not be read. */
  doc?: ReadDocument;
  docError?: FileEntry;
}

/** What a check needs besides the input (also sent to worker threads). */
interface Run {
  options: CheckOptions;
  locale: Locale;
  /** The largest text file and document (HTML, Word, PDF) read, in bytes. */
  maxSize: number;
  maxDocumentSize: number;
  /** `--previous` as given, and the body and year of its title. */
  previous?: { path: string; title?: { body?: string; year?: number } };
  /** Describe each report's tables too (the html and csv formats). */
  review?: boolean;
}

function collect(paths: string[], locale: Locale, errors: FileEntry[]): Input[] {
  const inputs: Input[] = [];
  for (const p of paths) {
    if (p === '-') {
      inputs.push({ path: '-', stdin: true });
      continue;
    }
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(p);
    } catch {
      // Not a folder: reading it says why (missing, a dangling link, no permission).
    }
    if (st?.isDirectory()) {
      const found = reportFiles(p, Infinity, true);
      for (const f of found) inputs.push({ path: f, walked: true });
      if (!found.length) errors.push({ path: p, error: { reason: 'empty-folder', message: TEXT[locale].emptyFolder } });
    } else inputs.push({ path: p });
  }
  return inputs;
}

/** Standard input, at most `maxSize` bytes of it (a pipe from /dev/zero never ends). */
async function readStdin(maxSize: number): Promise<Buffer | undefined> {
  if (process.platform !== 'win32') {
    try {
      // A file or pipe given as fd 0 is read synchronously; a terminal or non-blocking pipe falls back to the stream.
      return readAtMost(0, maxSize);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total > maxSize) {
      process.stdin.destroy();
      return undefined;
    }
  }
  return Buffer.concat(chunks, total);
}

type Loaded = { ok: true; text: string; encoding: Encoding } | { ok: false; entry: FileEntry };

/** Read and decode one input, or why it was not (an error; an empty file found by walking is skipped). */
function load(input: Input, run: Run): Loaded {
  const fail = (reason: string, message: string, skipped = false): Loaded => ({
    ok: false,
    entry: skipped ? { path: input.path, skipped: { reason, message } } : { path: input.path, error: { reason, message } },
  });
  let bytes: Buffer;
  if (input.stdin) {
    if (!input.bytes) return fail('too-large', refusalText({ reason: 'too-large', maxSize: run.maxSize }, run.locale));
    bytes = input.bytes;
  } else {
    const r = readFileGuarded(input.path, run.maxSize);
    if (!r.ok) return fail(r.reason, refusalText(r, run.locale));
    bytes = r.bytes;
  }
  const d = decodeBytes(bytes);
  if (!d.ok) return fail(d.reason, decodeFailureText(d, run.locale), input.walked && d.reason === 'empty');
  return d;
}

/** A file's result, or why it has none (an error, or skipped as not a report); a warning about `--previous`. */
interface Checked {
  entry: FileEntry;
  warning?: string;
}

/** The text of an input (a document's extracted text), or why there is none. */
function textOf(input: Input, run: Run): Loaded {
  if (input.docError) return { ok: false, entry: input.docError };
  if (input.doc) return { ok: true, text: input.doc.text, encoding: 'utf-8' };
  return load(input, run);
}

/** Why an input is not checked as a report (skipped in a folder, an error when named), if it is not one. */
function notReport(input: Input, text: string, result: CheckResult, locale: Locale): FileEntry | undefined {
  // In a folder, a report also starts as one (title or template wording), as the editor's detection asks.
  if ((!input.walked || looksLikeReport(text)) && isReportDocument(text, result, /\.md$/i.test(input.path))) return undefined;
  const why = { reason: 'not-report', message: TEXT[locale].notReport };
  return input.walked ? { path: input.path, skipped: why } : { path: input.path, error: why };
}

function checkOne(input: Input, run: Run): Checked {
  const l = textOf(input, run);
  if (!l.ok) return { entry: l.entry };
  const result = check(l.text, run.options);
  const not = notReport(input, l.text, result, run.locale);
  if (not) return { entry: not };
  const located = locate(input.path, result, run.locale);
  const entry = input.doc ? locateInDocument(located, result, input.doc, run.locale) : located;
  return { entry: run.review ? { ...entry, review: reviewOf(result, run.locale) } : entry, warning: previousWarning(input.path, result, run) };
}

/** Why `--previous` was not compared with this report, if it was not. */
function previousWarning(file: string, result: CheckResult, run: Run): string | undefined {
  const prev = run.previous;
  if (!prev) return undefined;
  const me = result.model.title;
  const them = prev.title;
  const t = TEXT[run.locale];
  switch (previousMismatch(me, them)) {
    case 'body':
      return `${file}: ${t.previousBody(prev.path, me!.body!, them!.body!)}`;
    case 'year':
      return `${file}: ${t.previousYear(prev.path, me!.year!, them!.year!)}`;
    default:
      return undefined;
  }
}

/** `--rule NAME=LEVEL` flags → rule settings; an unknown name or level is a usage error naming the nearest known one. */
function parseRules(specs: string[], locale: Locale): Record<string, RuleSetting> {
  const settings: Record<string, string> = {};
  for (const s of specs) {
    const eq = s.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(TEXT[locale].ruleSpec(s));
    settings[s.slice(0, eq)] = s.slice(eq + 1);
  }
  const { rules, problems } = validateRuleSettings(settings);
  if (problems.length) throw new UsageError(problems.map((m) => formatMessage(m, locale)).join(locale === 'en' ? '; ' : '；'));
  return rules;
}

/** Progress on stderr when it is a terminal: files done, problems so far, rate. */
function progress(locale: Locale, total: number) {
  const tty = process.stderr.isTTY && total > 1;
  const t0 = Date.now();
  let last = 0;
  return {
    tick(done: number, found: number) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const rate = Math.round((done * 1000) / Math.max(1, now - t0));
      const text =
        locale === 'en'
          ? `${done}/${total} files, ${found} problems, ${rate} files/s`
          : `已检查 ${done}/${total} 个文件，发现 ${found} 个问题，${rate} 份/秒`;
      process.stderr.write(`\r${text}\x1b[K`);
    },
    end() {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}

const PARALLEL_FROM = 200;
const problemCount = (c: Checked) => ('problems' in c.entry ? c.entry.problems.length : 0);

async function checkAll(inputs: Input[], run: Run): Promise<Checked[]> {
  const bar = progress(run.locale, inputs.length);
  const workers = Math.min(os.availableParallelism?.() ?? os.cpus().length, 8);
  if (inputs.length < PARALLEL_FROM || workers < 2 || inputs.some((i) => i.stdin)) {
    const out: Checked[] = [];
    let found = 0;
    for (const i of inputs) {
      const c = checkOne(i, run);
      found += problemCount(c);
      out.push(c);
      bar.tick(out.length, found);
    }
    bar.end();
    return out;
  }
  // Several cores: workers check interleaved slices and send back plain data.
  const results: Checked[] = new Array(inputs.length);
  let done = 0;
  let found = 0;
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const mine = inputs.map((inp, i) => ({ inp, i })).filter((x) => x.i % workers === w);
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(__filename, { workerData: { inputs: mine, run } });
        worker.on('message', (batch: { i: number; c: Checked }[]) => {
          for (const m of batch) {
            results[m.i] = m.c;
            done++;
            found += problemCount(m.c);
          }
          bar.tick(done, found);
        });
        worker.on('error', reject);
        worker.on('exit', () => resolve());
      });
    }),
  );
  bar.end();
  return results;
}

/** A worker checks its share and sends results back in batches (fewer, larger messages). */
function workerMain(): void {
  const { inputs, run } = workerData as { inputs: { inp: Input; i: number }[]; run: Run };
  let batch: { i: number; c: Checked }[] = [];
  for (const { inp, i } of inputs) {
    batch.push({ i, c: checkOne(inp, run) });
    if (batch.length >= 64) {
      parentPort!.postMessage(batch);
      batch = [];
    }
  }
  if (batch.length) parentPort!.postMessage(batch);
}

/** Reads the HTML, Word and PDF inputs (loading the readers only when there is one). */
async function readDocuments(inputs: Input[], run: Run): Promise<void> {
  for (const input of inputs) {
    if (input.stdin || !DOCUMENT_NAME.test(input.path)) continue;
    const fail = (reason: string, message: string) => ({ path: input.path, error: { reason, message } });
    const bytes = readFileGuarded(input.path, run.maxDocumentSize);
    if (!bytes.ok) {
      input.docError = fail(bytes.reason, refusalText(bytes, run.locale));
      continue;
    }
    const r = await readDocumentFile(bytes.bytes, input.path, run.locale);
    if (r.ok) {
      input.doc = r.doc;
      for (const w of r.doc.warnings) process.stderr.write(`${input.path}: ${w}\n`);
    } else input.docError = fail('document', r.message);
  }
}

/** Inputs with standard input read (once, whatever the number of `-`). */
async function withStdin(inputs: Input[], maxSize: number): Promise<Input[]> {
  if (!inputs.some((i) => i.stdin)) return inputs;
  const bytes = await readStdin(maxSize);
  return inputs.map((i) => (i.stdin ? { ...i, bytes } : i));
}

/** The output of `check` to standard output, or to the `-o` file. */
function emit(text: string, output: string | undefined): void {
  if (output) fs.writeFileSync(output, text);
  else process.stdout.write(text);
}

async function runCheck(paths: string[], format: string, verbose: boolean, output: string | undefined, run: Run): Promise<number> {
  const { locale } = run;
  const early: FileEntry[] = [];
  const inputs = await withStdin(collect(paths, locale, early), run.maxSize);
  await readDocuments(inputs, run);
  const checked = await checkAll(inputs, run);
  const entries = [...early, ...checked.map((c) => c.entry)];
  const files = entries.filter((e): e is LocatedFile => 'template' in e);
  const errors = entries.filter((e) => 'error' in e);
  const skipped = entries.filter((e) => 'skipped' in e);
  for (const e of entries) {
    if (e.error) process.stderr.write(`${e.path}: ${e.error.message}\n`);
    else if (e.skipped && verbose) process.stderr.write(`${e.path}: ${TEXT[locale].skipped(e.skipped.message)}\n`);
  }
  for (const c of checked) if (c.warning) process.stderr.write(c.warning + '\n');
  if (format === 'json') emit(toJson(entries) + '\n', output);
  else if (format === 'sarif') emit(toSarif(entries, locale, VERSION) + '\n', output);
  else if (format === 'html') emit(toHtml(entries, locale, VERSION), output);
  else if (format === 'csv') emit(toCsv(entries, locale), output);
  else {
    const lines: string[] = [];
    for (const f of files) lines.push(...toTextLines(f));
    lines.push(summaryLine(countProblems(files), locale, { skipped: skipped.length, unreadable: errors.length }));
    emit(lines.join('\n') + '\n', output);
  }
  if (errors.length) return 2;
  return files.some((f) => f.problems.some((p) => p.severity === 'error')) ? 1 : 0;
}

/** Write `bytes` to `file`; through a symbolic link only when `follow` (refused by the open itself, so a link made meanwhile is refused too). */
function writeFile(file: string, bytes: Buffer, follow: boolean): void {
  const flags = fs.constants.O_WRONLY | fs.constants.O_TRUNC | (follow ? 0 : (fs.constants.O_NOFOLLOW ?? 0));
  const fd = fs.openSync(file, flags);
  try {
    fs.writeSync(fd, bytes);
  } finally {
    fs.closeSync(fd);
  }
}

/** Fixes an HTML page in place (cell text only); a Word or PDF document is refused with the way out. */
async function fixDocument(input: Input, mode: 'write' | 'stdout' | 'dry', followSymlinks: boolean, run: Run): Promise<{ error?: FileEntry; remainingErrors?: boolean }> {
  const { locale, options } = run;
  const t = TEXT[locale];
  const doc = input.doc!;
  if (doc.kind !== 'html' || doc.source === undefined) {
    return { error: { path: input.path, error: { reason: 'document-not-fixed', message: t.documentNotFixed(input.path, doc.kind === 'pdf' ? 'PDF' : 'Word') } } };
  }
  const formats = await loadFormats();
  const fixed = formats.fixHtmlSource(doc.source, { check, applyEdits }, options);
  const remainingErrors = check(formats.readHtml(fixed.source).text, options).problems.some((p) => p.severity === 'error');
  const changed = fixed.source !== doc.source;
  if (mode === 'stdout') process.stdout.write(fixed.source);
  else if (mode === 'write') {
    // Written back in the encoding the page was read in (its <meta charset> still says so).
    const error = writeBack(input.path, changed ? encodeText(fixed.source, (doc.encoding ?? 'utf-8') as Encoding) : undefined, followSymlinks, locale);
    if (error) return { error };
  } else {
    const n = check(doc.text, options).problems.filter((p) => p.fixes.some((f) => f.preferred)).length;
    process.stdout.write(`${input.path}: ${t.fixable(n)}\n`);
  }
  if (fixed.skipped && mode !== 'dry') process.stderr.write(`${input.path}: ${t.fixesLeft(fixed.skipped)}\n`);
  return { remainingErrors };
}

/** Writes a fixed file (`bytes`; undefined: nothing changed) and says so on stderr; or why it could not. */
function writeBack(file: string, bytes: Buffer | undefined, followSymlinks: boolean, locale: Locale): FileEntry | undefined {
  const t = TEXT[locale];
  try {
    if (bytes) writeFile(file, bytes, followSymlinks);
    process.stderr.write(`${file}: ${bytes ? t.fixed : t.nothingToFix}\n`);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // O_NOFOLLOW on a link made after the check of the inputs.
    if (code === 'ELOOP') return { path: file, error: { reason: 'symlink', message: t.symlink } };
    return { path: file, error: { reason: 'unwritable', message: refusalText({ reason: 'unreadable', code }, locale) } };
  }
}

async function runFix(paths: string[], mode: 'write' | 'stdout' | 'dry', verbose: boolean, followSymlinks: boolean, run: Run): Promise<number> {
  const { locale, options } = run;
  const t = TEXT[locale];
  const errors: FileEntry[] = [];
  const collected = collect(paths, locale, errors);
  if (mode === 'stdout' && collected.length !== 1) throw new UsageError(t.stdoutOne);
  const inputs = await withStdin(collected, run.maxSize);
  await readDocuments(inputs, run);
  let remainingErrors = false;
  for (const input of inputs) {
    if (mode === 'write' && !input.stdin && !followSymlinks && isSymlink(input.path)) {
      errors.push({ path: input.path, error: { reason: 'symlink', message: t.symlink } });
      continue;
    }
    const d = textOf(input, run);
    const before = d.ok ? check(d.text, options) : undefined;
    const not = d.ok ? notReport(input, d.text, before!, locale) : d.entry;
    if (not) {
      if (not.error) errors.push(not);
      else if (verbose) process.stderr.write(`${input.path}: ${t.skipped(not.skipped!.message)}\n`);
      continue;
    }
    if (!d.ok || !before) continue;
    if (input.doc) {
      const r = await fixDocument(input, mode, followSymlinks, run);
      if (r.error) errors.push(r.error);
      if (r.remainingErrors) remainingErrors = true;
      continue;
    }
    const fixed = fixAll(d.text, options);
    const after = check(fixed, options).problems;
    if (after.some((p) => p.severity === 'error')) remainingErrors = true;
    const changed = fixed !== d.text;
    if (mode === 'stdout') process.stdout.write(fixed);
    else if (mode === 'write') {
      if (input.stdin) process.stdout.write(fixed);
      else {
        const error = writeBack(input.path, changed ? encodeText(fixed, d.encoding) : undefined, followSymlinks, locale);
        if (error) errors.push(error);
      }
    } else {
      const n = before.problems.filter((p) => p.fixes.some((f) => f.preferred)).length;
      process.stdout.write(`${input.path}: ${t.fixable(n)}\n`);
    }
  }
  for (const e of errors) process.stderr.write(`${e.path}: ${e.error!.message}\n`);
  return errors.length ? 2 : remainingErrors ? 1 : 0;
}

function isSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** `extract FILE [-o OUT]`: the report text of an HTML, Word or PDF document, in the canonical layout. */
async function runExtract(paths: string[], output: string | undefined, run: Run): Promise<number> {
  const t = TEXT[run.locale];
  if (paths.length !== 1) throw new UsageError(t.extractOne);
  const input: Input = { path: paths[0] };
  if (!DOCUMENT_NAME.test(input.path)) throw new UsageError(t.notDocument(input.path));
  await readDocuments([input], run);
  if (!input.doc) {
    process.stderr.write(`${input.path}: ${input.docError?.error?.message}\n`);
    return 2;
  }
  if (output) fs.writeFileSync(output, input.doc.text);
  else process.stdout.write(input.doc.text);
  return 0;
}

const FORMATS = ['text', 'json', 'sarif', 'html', 'csv'];

const OPTIONS = {
  format: { type: 'string', default: 'text' },
  locale: { type: 'string', default: 'zh-CN' },
  previous: { type: 'string' },
  rule: { type: 'string', multiple: true, default: [] as string[] },
  'max-size': { type: 'string' },
  verbose: { type: 'boolean', default: false },
  write: { type: 'boolean', default: false },
  stdout: { type: 'boolean', default: false },
  'follow-symlinks': { type: 'boolean', default: false },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} satisfies ParseArgsConfig['options'];

/** A usage error for what parseArgs refused, in the user's language, with the nearest option. */
function parseArgsError(e: Error & { code?: string }, locale: Locale): UsageError {
  const t = TEXT[locale];
  const option = /'(-[^' ]*)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = nearestName(option.replace(/^-+/, ''), Object.keys(OPTIONS));
    return new UsageError(t.unknownOption(option) + (near ? t.didYouMean(`--${near}`) : ''));
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(t.missingValue(option));
  return new UsageError(e.message);
}

/** Last year's report for `--previous`: read like any named input, and a report; or why not. */
function loadPrevious(file: string, run: Run): { ok: true; text: string } | { ok: false; message: string } {
  const l = load({ path: file }, run);
  if (!l.ok) return { ok: false, message: (l.entry.error ?? l.entry.skipped)!.message };
  if (!isReportDocument(l.text, check(l.text), /\.md$/i.test(file))) return { ok: false, message: TEXT[run.locale].notReport };
  return { ok: true, text: l.text };
}

export async function main(argv: string[]): Promise<number> {
  // Read ahead of the full parse, so that a usage error is told in the asked language too.
  const li = argv.indexOf('--locale');
  let locale: Locale = (li >= 0 && argv[li + 1] === 'en') || argv.includes('--locale=en') ? 'en' : 'zh-CN';
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
    } catch (e) {
      throw (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? parseArgsError(e as Error, locale) : e;
    }
    const { positionals } = parsed;
    const values = parsed.values;
    if (values.help) {
      process.stdout.write((locale === 'en' ? HELP.en : `${HELP['zh-CN']}\n\n${HELP.en}`) + '\n');
      return 0;
    }
    if (values.version) {
      process.stdout.write(VERSION + '\n');
      return 0;
    }
    const t = TEXT[locale];
    if (values.locale !== 'zh-CN' && values.locale !== 'en') throw new UsageError(t.badValue('--locale', values.locale, 'zh-CN, en'));
    locale = values.locale;
    if (!FORMATS.includes(values.format)) throw new UsageError(t.badValue('--format', values.format, FORMATS.join(', ')));
    const [command, ...paths] = positionals;
    if (command !== 'check' && command !== 'fix' && command !== 'extract') {
      if (!command) throw new UsageError(t.noCommand);
      const near = nearestName(command, ['check', 'fix', 'extract']);
      throw new UsageError(t.unknownCommand(command) + (near ? t.didYouMean(near) : ''));
    }
    if (!paths.length) throw new UsageError(t.noInput);
    const maxSizeText = values['max-size'];
    if (maxSizeText !== undefined && !/^\d+$/.test(maxSizeText)) throw new UsageError(t.maxSize(maxSizeText));
    const run: Run = {
      options: { rules: parseRules(values.rule, locale) },
      locale,
      maxSize: maxSizeText === undefined ? DEFAULT_MAX_FILE_SIZE : Number(maxSizeText),
      maxDocumentSize: maxSizeText === undefined ? DEFAULT_MAX_DOCUMENT_SIZE : Number(maxSizeText),
      review: values.format === 'html' || values.format === 'csv',
    };
    if (command === 'extract') return await runExtract(paths, values.output, run);
    if (values.write && values.stdout) throw new UsageError(t.writeAndStdout);
    if (values.previous) {
      const p = loadPrevious(values.previous, run);
      if (!p.ok) {
        process.stderr.write(`${t.previousUnusable(values.previous, p.message)}\n`);
        return 2;
      }
      run.options.previous = p.text;
      run.previous = { path: values.previous, title: titleOf(p.text) };
    }
    if (command === 'check') return await runCheck(paths, values.format, values.verbose, values.output, run);
    const mode = values.write ? 'write' : values.stdout || paths[0] === '-' ? 'stdout' : 'dry';
    return await runFix(paths, mode, values.verbose, values['follow-symlinks'], run);
  } catch (e) {
    if (e instanceof UsageError) {
      const t = TEXT[locale];
      process.stderr.write(`${t.usage}${locale === 'en' ? ': ' : '：'}${e.message}\n${HELP[locale].split('\n').slice(2, 5).join('\n')}\n${t.moreHelp}\n`);
      return 2;
    }
    if ((e as NodeJS.ErrnoException).code) {
      process.stderr.write(`${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

if (!isMainThread && workerData && (workerData as { inputs?: unknown }).inputs) workerMain();
else if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`report-review: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
