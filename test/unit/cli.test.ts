/** The command line (bin/report-review.js → dist/cli.js): output formats, exit codes, inputs, fix. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { LineIndex, RULES, check, fixAll } from '../../server/src/core';
import { CLI_OFF as OFF, OPTIONS, ROOT, runCli as run, seed, seedPath, en, zh } from './helpers';

const rel = (p: string) => path.relative(ROOT, p);
const S000 = rel(seedPath('000'));
const S001 = rel(seedPath('001'));


interface JsonProblem {
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related: { line: number; column: number; endLine: number; endColumn: number; message: string }[];
  fixes: { title: string; preferred: boolean }[];
}
interface JsonOut {
  version: number;
  files: { path: string; template: string; problems: JsonProblem[] }[];
}

const S001_TEXT = [
  `${S001}:174:1  info  label-variant  ${zh('labelVariant', { found: '3.危及“三安全-稳定”', label: '3.危及“三安全一稳定”' })}`,
  `${S001}:200:1  error  missing-cell  ${zh('missingCell', { row: '（五）2.重复申请', expected: 7, actual: 6 })}`,
  `${S001}:348:1  warning  section-heading  ${zh('sectionHeading', { found: '六、他需要报告的事项', heading: '六、其他需要报告的事项' })}`,
  '已检查 1 个文件：1 个错误，1 个警告，1 条信息',
  '',
].join('\n');

describe('CLI (report-review)', function () {
  this.timeout(60000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('text: `file:line:col  severity  rule  message`, then a summary line; exit 1 with errors', () => {
    const r = run(['check', ...OFF, S001]);
    assert.strictEqual(r.stdout, S001_TEXT);
    assert.strictEqual(r.stderr, '');
    assert.strictEqual(r.code, 1);
  });

  it('exit 0 without errors (infos and warnings do not fail), 2 on usage errors and missing files', () => {
    const ok = run(['check', ...OFF, S000]);
    assert.strictEqual(ok.code, 0);
    assert.strictEqual(ok.stdout.split('\n').slice(-2)[0], '已检查 1 个文件：0 个错误，0 个警告，1 条信息');
    for (const args of [['bogus', S000], ['check'], ['check', '--format', 'xml', S000], ['check', '--locale', 'fr', S000], ['check', '--rule', 'row-total=loud', S000], ['check', '--no-such-flag', S000]]) {
      const r = run(args);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.ok(r.stderr.startsWith('用法错误'), args.join(' '));
      assert.ok(!/\n\s+at /.test(r.stderr), args.join(' '));
    }
    const missing = run(['check', 'no/such/file.txt']);
    assert.strictEqual(missing.code, 2);
    assert.strictEqual(missing.stderr, 'no/such/file.txt: 文件不存在\n');
  });

  it('--rule turns a rule off or changes its severity', () => {
    const r = run(['check', ...OFF, '--rule', 'missing-cell=off', '--rule', 'RPT011=error', S001]);
    assert.deepStrictEqual(r.stdout.split('\n').map((l) => l.split('  ').slice(1, 3).join(' ')), ['info label-variant', 'error section-heading', '', '']);
    assert.strictEqual(r.code, 1);
  });

  it('json: the documented shape (version 1, files, problems with 1-based ranges, related, fixes)', () => {
    const r = run(['check', '--format', 'json', ...OFF, S001]);
    assert.strictEqual(r.code, 1);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.deepStrictEqual(Object.keys(out), ['version', 'files']);
    assert.strictEqual(out.version, 1);
    assert.strictEqual(out.files.length, 1);
    assert.deepStrictEqual(Object.keys(out.files[0]), ['path', 'template', 'problems']);
    assert.strictEqual(out.files[0].path, S001);
    assert.strictEqual(out.files[0].template, '2021');
    const text = seed('001');
    const index = new LineIndex(text);
    const problems = check(text, OPTIONS).problems;
    assert.strictEqual(out.files[0].problems.length, problems.length);
    out.files[0].problems.forEach((p, i) => {
      assert.deepStrictEqual(Object.keys(p), ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'related', 'fixes']);
      const a = index.positionAt(problems[i].span.start);
      const b = index.positionAt(problems[i].span.end);
      assert.deepStrictEqual([p.line, p.column, p.endLine, p.endColumn], [a.line + 1, a.character + 1, b.line + 1, b.character + 1]);
    });
    const mc = out.files[0].problems[1];
    assert.deepStrictEqual(mc, {
      rule: 'missing-cell',
      severity: 'error',
      message: zh('missingCell', { row: '（五）2.重复申请', expected: 7, actual: 6 }),
      line: 200,
      column: 1,
      endLine: 200,
      endColumn: '2.重复申请 0 0 0 0 0 0'.length + 1,
      related: [],
      fixes: [{ title: zh('fixZeros', { row: '（五）2.重复申请' }), preferred: true }],
    });
  });

  it('json: related ranges of an arithmetic problem point at its cells in other rows', () => {
    const text = seed('001').replace('2.重复申请 0 0 0 0 0 0\n', '2.重复申请 0 0 0 0 0 0 0\n').replace('四、结转下年度继续办理 1 0 0 0 0 0 1', '四、结转下年度继续办理 2 0 0 0 0 0 2');
    const r = run(['check', '--format', 'json', ...OFF, '-'], text);
    const b = (JSON.parse(r.stdout) as JsonOut).files[0].problems.find((p) => p.rule === 'balance')!;
    assert.deepStrictEqual([b.line, b.column, b.endColumn], [228, 13, 14]);
    assert.deepStrictEqual(b.related.map((x) => [x.line, x.column, x.endColumn, x.message]), [
      [153, 18, 20, zh('relatedPart', { cell: '一、本年新收·自然人', value: '30' })],
      [155, 18, 19, zh('relatedPart', { cell: '二、上年结转·自然人', value: '0' })],
      [226, 7, 9, zh('relatedPart', { cell: '（七）总计·自然人', value: '29' })],
    ]);
  });

  it('sarif: version 2.1.0, the rules, results with ruleId, level and a location', () => {
    const r = run(['check', '--format', 'sarif', ...OFF, S001]);
    assert.strictEqual(r.code, 1);
    const s = JSON.parse(r.stdout);
    assert.strictEqual(s.version, '2.1.0');
    assert.ok(String(s.$schema).includes('sarif-2.1.0'));
    assert.strictEqual(s.runs.length, 1);
    const driver = s.runs[0].tool.driver;
    assert.strictEqual(driver.name, 'report-review');
    assert.deepStrictEqual(driver.rules.map((x: { id: string }) => x.id), RULES.map((x) => x.alias));
    assert.deepStrictEqual(driver.rules.find((x: { id: string }) => x.id === 'row-total').properties, { tags: ['table', 'numbers'] });
    const results = s.runs[0].results as { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
    assert.deepStrictEqual(results.map((x) => [x.ruleId, x.level, x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region.startLine, x.locations[0].physicalLocation.region.startColumn]), [
      ['label-variant', 'note', S001, 174, 1],
      ['missing-cell', 'error', S001, 200, 1],
      ['section-heading', 'warning', S001, 348, 1],
    ]);
    assert.strictEqual(results[1].message.text, zh('missingCell', { row: '（五）2.重复申请', expected: 7, actual: 6 }));
  });

  it('--locale en (or --locale=en): English messages and summary', () => {
    for (const flag of [['--locale', 'en'], ['--locale=en']]) {
      const r = run(['check', ...flag, ...OFF, S001]);
      assert.deepStrictEqual(r.stdout.split('\n').slice(1), [
        `${S001}:200:1  error  missing-cell  ${en('missingCell', { row: '（五）2.重复申请', expected: 7, actual: 6 })}`,
        `${S001}:348:1  warning  section-heading  ${en('sectionHeading', { found: '六、他需要报告的事项', heading: '六、其他需要报告的事项' })}`,
        '1 file(s) checked: 1 error(s), 1 warning(s), 1 info',
        '',
      ]);
    }
  });

  it('stdin `-`: read, checked and named `-`', () => {
    const r = run(['check', ...OFF, '-'], seed('001'));
    assert.strictEqual(r.stdout, S001_TEXT.split(S001).join('-'));
    assert.strictEqual(r.code, 1);
  });

  it('folders: every report below, sorted, non-reports skipped; a folder without reports is an input error', () => {
    const r = run(['check', ...OFF, rel(path.dirname(seedPath('000')))]);
    const lines = r.stdout.trimEnd().split('\n');
    assert.strictEqual(lines[lines.length - 1], '已检查 5 个文件：2 个错误，2 个警告，11 条信息');
    const files = [...new Set(lines.slice(0, -1).map((l) => l.split(':')[0]))];
    assert.deepStrictEqual(files, ['000', '001', '002', '003', '004'].map((id) => rel(seedPath(id as '000'))));
    assert.strictEqual(r.code, 1);

    const dir = path.join(tmp, 'mixed');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'notes.txt'), '购物清单：苹果、梨。\n');
    fs.writeFileSync(path.join(dir, 'sub', 'report.md'), seed('000'));
    fs.writeFileSync(path.join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const m = run(['check', ...OFF, dir]);
    assert.strictEqual(m.stdout, `${path.join(dir, 'sub', 'report.md')}:175:1  info  label-variant  ${zh('labelVariant', { found: '3.危及“三安全-稳定”', label: '3.危及“三安全一稳定”' })}\n已检查 1 个文件，跳过 1 个（不是年报）：0 个错误，0 个警告，1 条信息\n`);
    assert.strictEqual(m.code, 0);

    const empty = path.join(tmp, 'empty-dir');
    fs.mkdirSync(empty);
    const e = run(['check', empty]);
    assert.strictEqual(e.code, 2);
    assert.strictEqual(e.stderr, `${empty}: 是文件夹，但其中没有 .txt 或 .md 文件\n`);
  });

  it('a folder of hundreds of reports (checked by worker threads on a machine with two cores or more) gives every file in order, as one by one', () => {
    const dir = path.join(tmp, 'many');
    fs.mkdirSync(dir);
    const ids = ['000', '001', '002', '003', '004'] as const;
    const n = 230;
    for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, `r${String(i).padStart(3, '0')}.txt`), seed(ids[i % 5]));
    // Found by walking, and unreadable: an error in its place (from a worker thread too).
    const binary = path.join(dir, 'r100.txt');
    fs.writeFileSync(binary, Buffer.from([0x41, 0x0a, 0, 1, 2, 3, 0, 0]));
    const r = run(['check', '--format', 'json', ...OFF, dir]);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.stderr, `${binary}: 含有 NUL 字节（第 2 行，第 3 字节）：二进制文件，不是文本报告\n`);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.deepStrictEqual(out.files.map((f) => path.basename(f.path)), Array.from({ length: n }, (_, i) => `r${String(i).padStart(3, '0')}.txt`));
    const one = ids.map((id) => (JSON.parse(run(['check', '--format', 'json', ...OFF, seedPath(id)]).stdout) as JsonOut).files[0].problems);
    out.files.forEach((f, i) => {
      if (i === 100) assert.deepStrictEqual(f, { path: binary, error: { reason: 'binary', message: '含有 NUL 字节（第 2 行，第 3 字节）：二进制文件，不是文本报告' }, problems: [] });
      else assert.deepStrictEqual(f.problems, one[i % 5], f.path);
    });
  });

  it('--previous: last year’s report for the cross-year checks', () => {
    const cur = 'test/fixtures/shape-spaces.txt';
    const prev = path.join(tmp, 'previous.txt');
    fs.writeFileSync(prev, fs.readFileSync(path.join(ROOT, 'test/fixtures/cross-year-previous-2023.txt'), 'utf8').replace('四、结转下年度继续办理 2 0 0 0 0 0 2', '四、结转下年度继续办理 3 0 0 0 0 0 3'));
    assert.strictEqual(run(['check', cur]).stdout, '已检查 1 个文件：0 个错误，0 个警告，0 条信息\n');
    const r = run(['check', '--previous', prev, cur]);
    const text = fs.readFileSync(path.join(ROOT, cur), 'utf8');
    const line = text.split('\n').findIndex((l) => l === '二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2') + 1;
    const col = '二、上年结转政府信息公开申请数量 '.length + 1;
    assert.deepStrictEqual(r.stdout.split('\n'), [
      `${cur}:${line}:${col}  warning  cross-year  ${zh('crossYearCarried', { col: '自然人', value: '2', previous: 3 })}`,
      `${cur}:${line}:${col + 12}  warning  cross-year  ${zh('crossYearCarried', { col: '总计', value: '2', previous: 3 })}`,
      '已检查 1 个文件：0 个错误，2 个警告，0 条信息',
      '',
    ]);
    assert.strictEqual(r.code, 0);
    const nope = path.join(tmp, 'nope.txt');
    const missing = run(['check', '--previous', nope, cur]);
    assert.strictEqual(missing.code, 2);
    assert.strictEqual(missing.stderr, `--previous ${nope}：文件不存在\n`);
    assert.strictEqual(run(['check', '--locale', 'en', '--previous', nope, cur]).stderr, `--previous ${nope}: no such file\n`);
  });

  it('fix --stdout prints the fixed text (exit 0 when no error is left)', () => {
    const r = run(['fix', '--stdout', ...OFF, S001]);
    assert.strictEqual(r.stdout, fixAll(seed('001'), OPTIONS));
    assert.strictEqual(r.code, 0);
    const dry = run(['fix', ...OFF, S001]);
    assert.strictEqual(dry.stdout, `${S001}: 3 个问题可自动修复\n`);
    const piped = run(['fix', ...OFF, '-'], seed('001'));
    assert.strictEqual(piped.stdout, fixAll(seed('001'), OPTIONS), 'fix - reads stdin and prints the fixed text');
    assert.strictEqual(piped.code, 0);
  });

  it('fix --write rewrites a copy in its own encoding (UTF-8 and GBK), and a second run has nothing to fix', () => {
    const fixed = fixAll(seed('001'), OPTIONS);
    const u = path.join(tmp, 'utf8.txt');
    fs.writeFileSync(u, seed('001'));
    const r1 = run(['fix', '--write', ...OFF, u]);
    assert.strictEqual(r1.stderr, `${u}: 已修复\n`);
    assert.strictEqual(fs.readFileSync(u, 'utf8'), fixed);
    assert.strictEqual(run(['fix', '--write', ...OFF, u]).stderr, `${u}: 无需修复\n`);

    const g = path.join(tmp, 'gbk.txt');
    fs.writeFileSync(g, iconv.encode(seed('001'), 'gbk'));
    const r2 = run(['fix', '--write', ...OFF, g]);
    assert.strictEqual(r2.code, 0);
    const bytes = fs.readFileSync(g);
    assert.ok(!isUtf8(bytes), 'still GBK, not UTF-8');
    assert.strictEqual(iconv.decode(bytes, 'gbk'), fixed);
    assert.ok(bytes.equals(iconv.encode(fixed, 'gbk')));
  });
});

function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

describe('README', () => {
  it('shows the CLI\'s real output on the bundled samples', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /`node bin\/report-review\.js check test\/fixtures\/seeds`\):\n+```text\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'README has the sample output block');
    assert.strictEqual(run(['check', 'test/fixtures/seeds']).stdout, block[1]);
  });
});
