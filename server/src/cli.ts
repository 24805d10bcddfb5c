/**
 * `report-review`: the command-line face of the core.
 *   report-review check [--format text|json|sarif] [--locale zh-CN|en] [--previous FILE] PATH…
 *   report-review fix [--write | --stdout] PATH…
 *   report-review extract FILE [-o OUT]
 * Exit codes: 0 no errors, 1 errors found, 2 usage error or unreadable input.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { applyEdits, check, fixAll, looksLikeReport, type CheckOptions, type Locale, type RuleSetting } from './core';
import { decodeBytes, type DecodeFailure, type Encoding } from './decode';
import { DOCUMENT_NAME, reportFiles } from './files';
import { loadFormats, locateInDocument, readDocumentFile, type ReadDocument } from './documents';
import { encodeText } from './encode';
import { countProblems, locate, summaryLine, toJson, toSarif, toTextLines, type LocatedFile } from './output';

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
  'zh-CN': `report-review ${VERSION} — 政府信息公开工作年度报告审校

用法：
  report-review check [选项] 路径…     检查报告（文件、文件夹或 - 表示标准输入）
  report-review fix [--write | --stdout] 路径…   应用首选修复
  report-review extract 文件 [-o 输出]   把 HTML/Word/PDF 报告写成规范文本

可检查的格式：.txt、.md，以及 .html/.htm 网页、Word .docx、PDF（含文字层；不做 OCR）。

选项：
  --format text|json|sarif   输出格式（默认 text）
  --locale zh-CN|en          消息语言（默认 zh-CN）
  --previous 文件            上一年度的报告（跨年度核对）
  --rule 规则=级别           调整规则：off、error、warning、info、hint（可重复）
  --write                    fix：写回文件
  --stdout                   fix：把修复后的文本输出到标准输出
  -o, --output 文件          extract：写入文件（默认标准输出）
  -h, --help                 显示帮助
  -v, --version              显示版本

退出码：0 没有错误；1 发现错误；2 用法错误或无法读取输入。`,
  en: `report-review ${VERSION} — reviews government information disclosure annual reports

Usage:
  report-review check [options] PATH…     check reports (files, folders, or - for stdin)
  report-review fix [--write | --stdout] PATH…   apply the preferred fixes
  report-review extract FILE [-o OUT]   write an HTML/Word/PDF report as canonical text

Formats: .txt, .md, and .html/.htm pages, Word .docx, PDF (with a text layer; no OCR).

Options:
  --format text|json|sarif   output format (default text)
  --locale zh-CN|en          message language (default zh-CN)
  --previous FILE            last year's report (cross-year checks)
  --rule RULE=LEVEL          off, error, warning, info, hint (repeatable)
  --write                    fix: write the files back
  --stdout                   fix: print the fixed text
  -o, --output FILE          extract: write to FILE (default stdout)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors; 1 errors found; 2 usage error or unreadable input.`,
};

const REASONS: Record<Locale, Record<DecodeFailure | 'missing' | 'unreadable' | 'directory', string>> = {
  'zh-CN': {
    empty: '空文件，没有可检查的内容',
    binary: '二进制文件，不是文本报告',
    missing: '文件不存在',
    unreadable: '无法读取',
    directory: '是文件夹，但其中没有 .txt 或 .md 文件',
  },
  en: {
    empty: 'empty file, nothing to check',
    binary: 'binary file, not a text report',
    missing: 'no such file',
    unreadable: 'cannot be read',
    directory: 'is a folder without .txt or .md files',
  },
};

class UsageError extends Error {}

interface Input {
  /** Display path. */
  path: string;
  /** Read from stdin. */
  stdin?: boolean;
  /** Found by walking a folder (non-reports are skipped silently). */
  walked?: boolean;
  /** An HTML page, Word or PDF document, read before checking; or why it could not be read. */
  doc?: ReadDocument;
  docError?: string;
}

function collect(paths: string[], locale: Locale, problems: string[]): Input[] {
  const inputs: Input[] = [];
  for (const p of paths) {
    if (p === '-') {
      inputs.push({ path: '-', stdin: true });
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      problems.push(`${p}: ${REASONS[locale].missing}`);
      continue;
    }
    if (st.isDirectory()) {
      const found = reportFiles(p, Infinity, true);
      for (const f of found) inputs.push({ path: f, walked: true });
      if (!found.length) problems.push(`${p}: ${REASONS[locale].directory}`);
    } else inputs.push({ path: p });
  }
  return inputs;
}

function readInput(input: Input): Buffer {
  return input.stdin ? fs.readFileSync(0) : fs.readFileSync(input.path);
}

/** A file's result, or why it has none; neither when it was skipped (not a report, found by walking). */
interface Checked {
  result?: LocatedFile;
  error?: string;
}

type Loaded =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; failure: DecodeFailure | 'unreadable'; message: string }
  | { ok: false; failure: 'not-report' };

/** Read and decode one input; a file found by walking a folder must also look like a report. */
function load(input: Input, locale: Locale): Loaded {
  let buf: Buffer;
  try {
    buf = readInput(input);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, failure: 'unreadable', message: `${input.path}: ${REASONS[locale].unreadable}${code ? ` (${code})` : ''}` };
  }
  const d = decodeBytes(buf);
  if (!d.ok) return { ok: false, failure: d.reason, message: `${input.path}: ${REASONS[locale][d.reason]}` };
  if (input.walked && !looksLikeReport(d.text)) return { ok: false, failure: 'not-report' };
  return d;
}

function checkOne(input: Input, options: CheckOptions, locale: Locale): Checked {
  if (input.docError) return { error: input.docError };
  if (input.doc) {
    if (input.walked && !looksLikeReport(input.doc.text)) return {};
    const r = check(input.doc.text, options);
    return { result: locateInDocument(locate(input.path, r, locale), r, input.doc, locale) };
  }
  const l = load(input, locale);
  if (!l.ok) return l.failure === 'not-report' || (input.walked && l.failure === 'binary') ? {} : { error: l.message };
  return { result: locate(input.path, check(l.text, options), locale) };
}

function parseRules(specs: string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const s of specs) {
    const m = /^([\w-]+)=(off|error|warning|info|hint)$/.exec(s);
    if (!m) throw new UsageError(`--rule ${s}`);
    rules[m[1]] = m[2] as RuleSetting;
  }
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

async function checkAll(inputs: Input[], options: CheckOptions, locale: Locale): Promise<Checked[]> {
  const bar = progress(locale, inputs.length);
  const workers = Math.min(os.availableParallelism?.() ?? os.cpus().length, 8);
  if (inputs.length < PARALLEL_FROM || workers < 2 || inputs.some((i) => i.stdin)) {
    const out: Checked[] = [];
    let found = 0;
    for (const i of inputs) {
      const c = checkOne(i, options, locale);
      found += c.result?.problems.length ?? 0;
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
        const worker = new Worker(__filename, { workerData: { inputs: mine, options, locale } });
        worker.on('message', (batch: { i: number; c: Checked; problems: number }[]) => {
          for (const m of batch) {
            results[m.i] = m.c;
            done++;
            found += m.problems;
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
  const { inputs, options, locale } = workerData as { inputs: { inp: Input; i: number }[]; options: CheckOptions; locale: Locale };
  let batch: { i: number; c: Checked; problems: number }[] = [];
  for (const { inp, i } of inputs) {
    const c = checkOne(inp, options, locale);
    batch.push({ i, c, problems: c.result?.problems.length ?? 0 });
    if (batch.length >= 64) {
      parentPort!.postMessage(batch);
      batch = [];
    }
  }
  if (batch.length) parentPort!.postMessage(batch);
}

/** Reads the HTML, Word and PDF inputs (loading the readers only when there is one). */
async function readDocuments(inputs: Input[], locale: Locale): Promise<void> {
  for (const input of inputs) {
    if (input.stdin || !DOCUMENT_NAME.test(input.path)) continue;
    let bytes: Buffer;
    try {
      bytes = readInput(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      input.docError = `${input.path}: ${REASONS[locale].unreadable}${code ? ` (${code})` : ''}`;
      continue;
    }
    const r = await readDocumentFile(bytes, input.path, locale);
    if (r.ok) {
      input.doc = r.doc;
      for (const w of r.doc.warnings) process.stderr.write(`${input.path}: ${w}\n`);
    } else input.docError = `${input.path}: ${r.message}`;
  }
}

async function runCheck(paths: string[], format: string, locale: Locale, options: CheckOptions): Promise<number> {
  const errors: string[] = [];
  const inputs = collect(paths, locale, errors);
  await readDocuments(inputs, locale);
  const checked = await checkAll(inputs, options, locale);
  const files: LocatedFile[] = [];
  for (const c of checked) {
    if (c.error) errors.push(c.error);
    else if (c.result) files.push(c.result);
  }
  for (const e of errors) process.stderr.write(e + '\n');
  if (format === 'json') process.stdout.write(toJson(files) + '\n');
  else if (format === 'sarif') process.stdout.write(toSarif(files, locale, VERSION) + '\n');
  else {
    const lines: string[] = [];
    for (const f of files) lines.push(...toTextLines(f));
    lines.push(summaryLine(countProblems(files), locale, errors.length));
    process.stdout.write(lines.join('\n') + '\n');
  }
  if (errors.length) return 2;
  return files.some((f) => f.problems.some((p) => p.severity === 'error')) ? 1 : 0;
}

/** Fixes an HTML page in place (cell text only); a Word or PDF document is refused with the way out. */
async function fixDocument(input: Input, mode: 'write' | 'stdout' | 'dry', locale: Locale, options: CheckOptions): Promise<{ error?: string; remainingErrors?: boolean }> {
  const doc = input.doc!;
  if (doc.kind !== 'html' || doc.source === undefined) {
    return {
      error:
        locale === 'en'
          ? `${input.path}: a ${doc.kind === 'pdf' ? 'PDF' : 'Word'} document is not changed; run \`report-review extract ${input.path} -o report.txt\`, then check and fix the text`
          : `${input.path}: 不修改 ${doc.kind === 'pdf' ? 'PDF' : 'Word'} 文档；请先运行 \`report-review extract ${input.path} -o 报告.txt\`，再检查和修复文本`,
    };
  }
  const formats = await loadFormats();
  const fixed = formats.fixHtmlSource(doc.source, { check, applyEdits }, options);
  const remainingErrors = check(formats.readHtml(fixed.source).text, options).problems.some((p) => p.severity === 'error');
  const changed = fixed.source !== doc.source;
  if (mode === 'stdout') process.stdout.write(fixed.source);
  else if (mode === 'write') {
    // Written back in the encoding the page was read in (its <meta charset> still says so).
    if (changed) fs.writeFileSync(input.path, encodeText(fixed.source, (doc.encoding ?? 'utf-8') as Encoding));
    process.stderr.write(`${input.path}: ${changed ? (locale === 'en' ? 'fixed' : '已修复') : locale === 'en' ? 'nothing to fix' : '无需修复'}\n`);
  } else {
    const n = check(doc.text, options).problems.filter((p) => p.fixes.some((f) => f.preferred)).length;
    process.stdout.write(`${input.path}: ${locale === 'en' ? `${n} fixable problem(s)` : `${n} 个问题可自动修复`}\n`);
  }
  if (fixed.skipped && mode !== 'dry') {
    process.stderr.write(
      `${input.path}: ${locale === 'en' ? `${fixed.skipped} fix(es) would change more than a cell's text and were left` : `${fixed.skipped} 个修复不只改动单元格文字，未应用`}\n`,
    );
  }
  return { remainingErrors };
}

async function runFix(paths: string[], mode: 'write' | 'stdout' | 'dry', locale: Locale, options: CheckOptions): Promise<number> {
  const errors: string[] = [];
  const inputs = collect(paths, locale, errors);
  if (mode === 'stdout' && inputs.length !== 1) throw new UsageError(locale === 'en' ? '--stdout takes exactly one input' : '--stdout 只能用于一个输入');
  await readDocuments(inputs, locale);
  let remainingErrors = false;
  for (const input of inputs) {
    if (input.docError) {
      errors.push(input.docError);
      continue;
    }
    if (input.doc) {
      if (input.walked && !looksLikeReport(input.doc.text)) continue;
      const r = await fixDocument(input, mode, locale, options);
      if (r.error) errors.push(r.error);
      if (r.remainingErrors) remainingErrors = true;
      continue;
    }
    const d = load(input, locale);
    if (!d.ok) {
      // In a folder, only an unreadable file is an error here; others are not reports to fix.
      if (d.failure !== 'not-report' && (!input.walked || d.failure === 'unreadable')) errors.push(d.message);
      continue;
    }
    const fixed = fixAll(d.text, options);
    const after = check(fixed, options).problems;
    if (after.some((p) => p.severity === 'error')) remainingErrors = true;
    const changed = fixed !== d.text;
    if (mode === 'stdout') process.stdout.write(fixed);
    else if (mode === 'write') {
      if (changed && !input.stdin) fs.writeFileSync(input.path, encodeText(fixed, d.encoding));
      if (input.stdin) process.stdout.write(fixed);
      else process.stderr.write(`${input.path}: ${changed ? (locale === 'en' ? 'fixed' : '已修复') : locale === 'en' ? 'nothing to fix' : '无需修复'}\n`);
    } else {
      const n = check(d.text, options).problems.filter((p) => p.fixes.some((f) => f.preferred)).length;
      process.stdout.write(`${input.path}: ${locale === 'en' ? `${n} fixable problem(s)` : `${n} 个问题可自动修复`}\n`);
    }
  }
  for (const e of errors) process.stderr.write(e + '\n');
  return errors.length ? 2 : remainingErrors ? 1 : 0;
}

/** `extract FILE [-o OUT]`: the report text of an HTML, Word or PDF document, in the canonical layout. */
async function runExtract(paths: string[], output: string | undefined, locale: Locale): Promise<number> {
  if (paths.length !== 1) throw new UsageError(locale === 'en' ? 'extract takes one file' : 'extract 只能用于一个文件');
  const input: Input = { path: paths[0] };
  if (!DOCUMENT_NAME.test(input.path)) throw new UsageError(locale === 'en' ? `${input.path}: not an HTML, Word or PDF file` : `${input.path}：不是 HTML、Word 或 PDF 文件`);
  await readDocuments([input], locale);
  if (!input.doc) {
    process.stderr.write(`${input.docError ?? input.path}\n`);
    return 2;
  }
  if (output) fs.writeFileSync(output, input.doc.text);
  else process.stdout.write(input.doc.text);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  // Read ahead of the full parse, so that a usage error is told in the asked language too.
  const li = argv.indexOf('--locale');
  let locale: Locale = (li >= 0 && argv[li + 1] === 'en') || argv.includes('--locale=en') ? 'en' : 'zh-CN';
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        locale: { type: 'string', default: 'zh-CN' },
        previous: { type: 'string' },
        rule: { type: 'string', multiple: true, default: [] },
        write: { type: 'boolean', default: false },
        stdout: { type: 'boolean', default: false },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
    if (values.help) {
      process.stdout.write(HELP[locale] + '\n');
      return 0;
    }
    if (values.version) {
      process.stdout.write(VERSION + '\n');
      return 0;
    }
    if (values.locale !== 'zh-CN' && values.locale !== 'en') throw new UsageError(`--locale ${values.locale}`);
    locale = values.locale;
    if (!['text', 'json', 'sarif'].includes(values.format!)) throw new UsageError(`--format ${values.format}`);
    const [command, ...paths] = positionals;
    if (command !== 'check' && command !== 'fix' && command !== 'extract') throw new UsageError(command ? `${command}?` : '');
    if (!paths.length) throw new UsageError(locale === 'en' ? 'no input given' : '没有指定输入');
    if (command === 'extract') return await runExtract(paths, values.output, locale);
    const options: CheckOptions = { rules: parseRules(values.rule as string[]) };
    if (values.previous) {
      const d = load({ path: values.previous }, locale);
      if (!d.ok) {
        process.stderr.write(`${'message' in d ? d.message : values.previous}\n`);
        return 2;
      }
      options.previous = d.text;
    }
    if (command === 'check') return await runCheck(paths, values.format!, locale, options);
    if (values.write && values.stdout) throw new UsageError('--write / --stdout');
    return await runFix(paths, values.write ? 'write' : values.stdout || paths[0] === '-' ? 'stdout' : 'dry', locale, options);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const what = (e as Error).message;
      process.stderr.write(`${locale === 'en' ? 'usage error' : '用法错误'}${what ? `: ${what}` : ''}\n${HELP[locale].split('\n').slice(2, 5).join('\n')}\n`);
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
