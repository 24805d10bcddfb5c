/**
 * The command line's inputs: every file accounted for (checked, skipped as not a report, or not
 * checked with the reason), strict decoding, guards on kind and size, symbolic links, usage errors.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { RULES } from '../../server/src/core';
import { RULE_DOCS_BASE, sarifUri } from '../../server/src/output';
import { CLI_OFF as OFF, ROOT, damagedUtf8, runCli as run, seed, seedPath, zh } from './helpers';

const S000_INFO = `175:1  info  label-variant  ${zh('labelVariant', { found: '3.危及“三安全-稳定”', label: '3.危及“三安全一稳定”' })}`;
const NOT_REPORT = '不是年报（没有找到年报的标题、部分标题或统计表）';
const BIG5 = '无法识别编码：不是 UTF-8，按 GB18030/GBK 读出的多为生僻字（可能是 Big5 等其他编码）；请另存为 UTF-8';

describe('CLI inputs', function () {
  this.timeout(60000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-inputs-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const dirOf = (name: string, files: Record<string, string | Buffer>) => {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir, { recursive: true });
    for (const [f, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), content);
    return dir;
  };

  it('damaged UTF-8 and Big5 are not read as GB18030: each is an error naming the file and the problem (exit 2)', () => {
    const { offset } = damagedUtf8();
    const dir = dirOf('encodings', { 'bad-utf8.txt': damagedUtf8().bytes, 'big5.txt': iconv.encode(seed('000'), 'big5') });
    const bad = run(['check', ...OFF, path.join(dir, 'bad-utf8.txt')]);
    assert.deepStrictEqual([bad.code, bad.stdout, bad.stderr], [
      2,
      '已检查 0 个文件：0 个错误，0 个警告，0 条信息，1 个文件未能检查\n',
      `${path.join(dir, 'bad-utf8.txt')}: 不是有效的 UTF-8：有无效字节（第 40 行，第 ${offset + 1} 字节）\n`,
    ]);
    const big5 = run(['check', ...OFF, path.join(dir, 'big5.txt')]);
    assert.deepStrictEqual([big5.code, big5.stderr], [2, `${path.join(dir, 'big5.txt')}: ${BIG5}\n`]);
  });

  it('a folder accounts for every file: checked (UTF-16 without BOM too), skipped as not a report (listed with --verbose), not checked (exit 2)', () => {
    const dir = dirOf('four', {
      'a-bad-utf8.txt': damagedUtf8().bytes,
      'b-big5.txt': iconv.encode(seed('000'), 'big5'),
      'c-utf16.txt': iconv.encode(seed('000'), 'utf-16le'),
      'd-valid.txt': seed('000'),
      'e-notes.txt': '购物清单：苹果、梨。\n',
      'f-empty.md': '',
    });
    const f = (name: string) => path.join(dir, name);
    const r = run(['check', ...OFF, dir]);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.stdout, `${f('c-utf16.txt')}:${S000_INFO}\n${f('d-valid.txt')}:${S000_INFO}\n已检查 2 个文件，跳过 2 个（不是年报）：0 个错误，0 个警告，2 条信息，2 个文件未能检查\n`);
    const errors = [`${f('a-bad-utf8.txt')}: 不是有效的 UTF-8：有无效字节（第 40 行，第 ${damagedUtf8().offset + 1} 字节）`, `${f('b-big5.txt')}: ${BIG5}`];
    assert.strictEqual(r.stderr, errors.join('\n') + '\n');
    const v = run(['check', '--verbose', ...OFF, dir]);
    assert.strictEqual(v.stderr, [...errors, `${f('e-notes.txt')}: 跳过：${NOT_REPORT}`, `${f('f-empty.md')}: 跳过：空文件，没有可检查的内容`].join('\n') + '\n');

    // The folder's only report has one NUL byte: not "0 files checked" and exit 0.
    const text = seed('000');
    const nul = dirOf('nul', { 'report.txt': text.slice(0, 100) + '\0' + text.slice(100) });
    const n = run(['check', ...OFF, nul]);
    const line = text.slice(0, 100).split('\n').length;
    assert.deepStrictEqual([n.code, n.stdout, n.stderr], [
      2,
      '已检查 0 个文件：0 个错误，0 个警告，0 条信息，1 个文件未能检查\n',
      `${path.join(nul, 'report.txt')}: 含有 NUL 字节（第 ${line} 行，第 ${Buffer.byteLength(text.slice(0, 100)) + 1} 字节）：二进制文件，不是文本报告\n`,
    ]);
  });

  it('a file named that is not a report is an error (exit 2); a folder skips Markdown about reports (the rule pages, the README)', () => {
    const notes = path.join(dirOf('named', { 'notes.txt': '会议纪要\n' + '一二三四五六七八九十'.repeat(200) + '\n' }), 'notes.txt');
    const n = run(['check', notes]);
    assert.deepStrictEqual([n.code, n.stderr], [2, `${notes}: ${NOT_REPORT}\n`]);
    const readme = run(['check', 'README.md']);
    assert.deepStrictEqual([readme.code, readme.stderr], [2, `README.md: ${NOT_REPORT}\n`]);

    const pages = fs.readdirSync(path.join(ROOT, 'docs'), { recursive: true }).filter((p) => /\.(md|txt)$/.test(String(p)));
    const docs = run(['check', 'docs']);
    assert.deepStrictEqual([docs.code, docs.stdout, docs.stderr], [0, `已检查 0 个文件，跳过 ${pages.length} 个（不是年报）：0 个错误，0 个警告，0 条信息\n`, '']);
    // A report in Markdown with a table in a code block is still a report (its title and headings are outside).
    const fenced = seed('000').replace('三、收到和处理政府信息公开申请情况\n', '三、收到和处理政府信息公开申请情况\n```text\n').replace('四、政府信息公开行政复议', '```\n四、政府信息公开行政复议');
    const md = path.join(dirOf('fenced', { 'report.md': fenced }), 'report.md');
    assert.strictEqual(run(['check', ...OFF, path.dirname(md)]).stdout.split('\n').slice(-2)[0], '已检查 1 个文件：0 个错误，0 个警告，1 条信息');
  });

  it('--rule: an unknown rule or level is a usage error with the nearest known one (exit 2)', () => {
    const cases: [string, string][] = [
      ['labelvariant=off', `用法错误：${zh('unknownRuleSuggest', { name: 'labelvariant', suggestion: 'label-variant' })}`],
      ['RPT999=off', `用法错误：${zh('unknownRule', { name: 'RPT999' })}`],
      ['row-total=warn', `用法错误：${zh('unknownLevelSuggest', { name: 'row-total', level: 'warn', suggestion: 'warning' })}`],
      ['row-total=loud', `用法错误：${zh('unknownLevel', { name: 'row-total', level: 'loud' })}`],
      ['row-total', '用法错误：--rule row-total：应为 规则=级别'],
    ];
    for (const [spec, first] of cases) {
      const r = run(['check', '--rule', spec, seedPath('000')]);
      assert.deepStrictEqual([r.code, r.stdout, r.stderr.split('\n')[0]], [2, '', first], spec);
    }
    const en = run(['check', '--locale', 'en', '--rule', 'labelvariant=off', seedPath('000')]);
    assert.strictEqual(en.stderr.split('\n')[0], 'usage error: unknown rule “labelvariant”; did you mean “label-variant”?');
  });

  it('--previous that does not fit (another body, another year, not a report) says why, on stderr', () => {
    const prev2023 = fs.readFileSync(path.join(ROOT, 'test/fixtures/cross-year-previous-2023.txt'), 'utf8');
    const cur = 'test/fixtures/shape-spaces.txt';
    const title = prev2023.split('\n').find((l) => l.includes('2023年政府信息公开工作年度报告'))!;
    const body = title.trim().replace(/2023年.*/, '');
    const dir = dirOf('previous', {
      'other-body.txt': prev2023.replace(title, title.replace(body, '某某县交通运输局')),
      'other-year.txt': prev2023.replace(title, title.replace('2023年', '2021年')),
      'notes.txt': '会议纪要\n',
    });
    const other = path.join(dir, 'other-body.txt');
    const b = run(['check', '--previous', other, cur]);
    assert.deepStrictEqual([b.code, b.stdout, b.stderr], [0, '已检查 1 个文件：0 个错误，0 个警告，0 条信息\n', `${cur}: 警告：${other} 是另一机关的报告（「某某县交通运输局」，本报告为「${body}」），未做跨年度核对\n`]);
    const year = path.join(dir, 'other-year.txt');
    const y = run(['check', '--previous', year, cur]);
    assert.deepStrictEqual([y.code, y.stderr], [0, `${cur}: 警告：${year} 是 2021 年的报告，不是 2024 年的上一年度，未做跨年度核对\n`]);
    const notes = path.join(dir, 'notes.txt');
    const n = run(['check', '--previous', notes, cur]);
    assert.deepStrictEqual([n.code, n.stdout, n.stderr], [2, '', `--previous ${notes}：${NOT_REPORT}\n`]);
    // The right one: no warning (and the checks are made: see cli.test.ts).
    assert.strictEqual(run(['check', '--previous', 'test/fixtures/cross-year-previous-2023.txt', cur]).stderr, '');
  });

  it('JSON and SARIF include the files not checked, with the reason; SARIF URIs percent-encoded, helpUri absolute', () => {
    const dir = dirOf('formats dir 报告', { '年报 #1.txt': seed('000'), 'bad.txt': damagedUtf8().bytes, 'notes.txt': '会议纪要\n' });
    const f = (name: string) => path.join(dir, name);
    const utf8Message = `不是有效的 UTF-8：有无效字节（第 40 行，第 ${damagedUtf8().offset + 1} 字节）`;
    const j = run(['check', '--format', 'json', ...OFF, dir]);
    assert.strictEqual(j.code, 2);
    const files = (JSON.parse(j.stdout) as { files: { path: string; error?: object; skipped?: object; problems: object[] }[] }).files;
    assert.deepStrictEqual(files.map((x) => [x.path, x.error ?? x.skipped ?? x.problems.length]), [
      [f('bad.txt'), { reason: 'utf-8', message: utf8Message }],
      [f('notes.txt'), { reason: 'not-report', message: NOT_REPORT }],
      [f('年报 #1.txt'), 1],
    ]);

    const s = JSON.parse(run(['check', '--format', 'sarif', ...OFF, dir]).stdout);
    const inv = s.runs[0].invocations;
    assert.deepStrictEqual(inv, [
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          { level: 'error', message: { text: utf8Message }, descriptor: { id: 'utf-8' }, locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(f('bad.txt')) } } }] },
          { level: 'note', message: { text: NOT_REPORT }, descriptor: { id: 'not-report' }, locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(f('notes.txt')) } } }] },
        ],
      },
    ]);
    const uri = s.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    assert.strictEqual(uri, `file://${f('年报 #1.txt').split('/').map(encodeURIComponent).join('/')}`);
    assert.ok(uri.includes('formats%20dir%20%E6%8A%A5%E5%91%8A/%E5%B9%B4%E6%8A%A5%20%231.txt'), uri);
    assert.strictEqual(new URL(uri).pathname, new URL(`file://${f('年报 #1.txt')}`.replace(/#/g, '%23')).pathname);
    assert.deepStrictEqual(sarifUri('a b/c#d.txt'), 'a%20b/c%23d.txt');
    assert.deepStrictEqual(sarifUri('C:\\报告\\a.txt'), 'file:///C:/%E6%8A%A5%E5%91%8A/a.txt');
    for (const rule of s.runs[0].tool.driver.rules) assert.strictEqual(rule.helpUri, `${RULE_DOCS_BASE}${rule.id}.md`);
    // The base is the repository's, and the page is there.
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
    assert.strictEqual(RULE_DOCS_BASE, `${pkg.repository.url.replace(/\.git$/, '')}/blob/main/docs/rules/`);
    for (const r of RULES) assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${r.alias}.md`)), r.alias);
  });

  it('guards: only regular files are read (a device, a named pipe), none larger than --max-size (default 2,000,000 bytes), stdin too', () => {
    if (fs.existsSync('/dev/zero')) {
      const z = run(['check', '/dev/zero']);
      assert.deepStrictEqual([z.code, z.stderr], [2, '/dev/zero: 不是普通文件（设备文件），不读取\n']);
      const zin = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'report-review.js'), 'check', '-'], { stdio: [fs.openSync('/dev/zero', 'r'), 'pipe', 'pipe'], encoding: 'utf8', timeout: 30000 });
      assert.deepStrictEqual([zin.status, zin.stderr], [2, '-: 文件过大：超过上限 2000000 字节，不读取\n']);
    }
    const fifo = path.join(tmp, 'pipe.txt');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      const p = run(['check', fifo]);
      assert.deepStrictEqual([p.code, p.stderr], [2, `${fifo}: 不是普通文件（命名管道），不读取\n`]);
      // In a folder too (not silently passed over, not waited on).
      const inDir = run(['check', tmp]);
      assert.ok(inDir.stderr.includes(`${fifo}: 不是普通文件（命名管道），不读取\n`), inDir.stderr);
      fs.rmSync(fifo);
    }
    const big = path.join(tmp, 'big.txt');
    fs.writeFileSync(big, seed('000') + ' '.repeat(2_000_001 - Buffer.byteLength(seed('000'))));
    const b = run(['check', big]);
    assert.deepStrictEqual([b.code, b.stderr], [2, `${big}: 文件过大：2000001 字节，超过上限 2000000 字节，不读取\n`]);
    assert.strictEqual(run(['check', '--max-size', '2000001', ...OFF, big]).code, 0);
    fs.rmSync(big);
    const small = run(['check', '--max-size', '100', seedPath('000')]);
    assert.deepStrictEqual([small.code, small.stderr], [2, `${seedPath('000')}: 文件过大：${fs.statSync(seedPath('000')).size} 字节，超过上限 100 字节，不读取\n`]);
    const piped = run(['check', '--max-size', '100', '-'], seed('000'));
    assert.deepStrictEqual([piped.code, piped.stderr], [2, '-: 文件过大：超过上限 100 字节，不读取\n']);
    const usage = run(['check', '--max-size', '2MB', seedPath('000')]);
    assert.deepStrictEqual([usage.code, usage.stderr.split('\n')[0]], [2, '用法错误：--max-size 应为字节数（非负整数），实为 2MB']);
  });

  it('fix --write does not write through a symbolic link named (or found) unless --follow-symlinks', function () {
    const outside = path.join(tmp, 'outside.txt');
    fs.writeFileSync(outside, seed('001'));
    const dir = dirOf('links', {});
    const link = path.join(dir, 'link.txt');
    try {
      fs.symlinkSync(outside, link);
    } catch {
      this.skip(); // no symbolic links here (Windows without the right)
    }
    const r = run(['fix', '--write', ...OFF, link]);
    assert.deepStrictEqual([r.code, r.stderr], [2, `${link}: 是符号链接，不写入它指向的文件（需要时加 --follow-symlinks）\n`]);
    assert.strictEqual(fs.readFileSync(outside, 'utf8'), seed('001'));
    assert.strictEqual(run(['fix', '--write', ...OFF, dir]).code, 2, 'found in a folder: refused too');
    assert.strictEqual(fs.readFileSync(outside, 'utf8'), seed('001'));
    // Checking reads through it; --follow-symlinks writes the file it points to, the link stays a link.
    assert.strictEqual(run(['check', ...OFF, link]).code, 1);
    const f = run(['fix', '--write', '--follow-symlinks', ...OFF, link]);
    assert.deepStrictEqual([f.code, f.stderr], [0, `${link}: 已修复\n`]);
    assert.notStrictEqual(fs.readFileSync(outside, 'utf8'), seed('001'));
    assert.ok(fs.lstatSync(link).isSymbolicLink());
  });

  it('usage errors say what is wrong (with the nearest command or option); --help is complete, Chinese first', () => {
    const cases: [string[], string][] = [
      [['frob', 'x.txt'], '用法错误：未知命令 frob'],
      [['chek', 'x.txt'], '用法错误：未知命令 chek，是否为 check？'],
      [[], '用法错误：缺少命令：check、fix 或 extract'],
      [['check'], '用法错误：没有指定要检查的文件或文件夹'],
      [['check', '--formt', 'json', 'x.txt'], '用法错误：未知选项 --formt，是否为 --format？'],
      [['check', '--format', 'xml', 'x.txt'], '用法错误：--format 的值 xml 无效，可用：text, json, sarif, html, csv'],
      [['check', '--locale', 'fr', 'x.txt'], '用法错误：--locale 的值 fr 无效，可用：zh-CN, en'],
      [['check', 'x.txt', '--format'], '用法错误：选项 --format 缺少值'],
      [['fix', '--write', '--stdout', 'x.txt'], '用法错误：--write 与 --stdout 不能同时使用'],
    ];
    for (const [args, first] of cases) {
      const r = run(args);
      assert.deepStrictEqual([r.code, r.stdout, r.stderr.split('\n')[0]], [2, '', first], args.join(' '));
      assert.ok(r.stderr.trimEnd().endsWith('运行 report-review --help 查看全部选项。'), args.join(' '));
    }
    assert.strictEqual(run(['--locale', 'en', 'frob', 'x']).stderr.split('\n')[0], 'usage error: unknown command frob');

    const help = run(['--help']);
    assert.strictEqual(help.code, 0);
    assert.ok(help.stdout.startsWith('report-review '), help.stdout);
    const zhAt = help.stdout.indexOf('用法：');
    const enAt = help.stdout.indexOf('Usage:');
    assert.ok(zhAt > 0 && enAt > zhAt, 'Chinese first, then English');
    const src = fs.readFileSync(path.join(ROOT, 'server', 'src', 'cli.ts'), 'utf8');
    const options = [...src.slice(src.indexOf('const OPTIONS = {'), src.indexOf('} satisfies ParseArgsConfig')).matchAll(/^ {2}'?([\w-]+)'?: \{/gm)].map((m) => m[1]);
    assert.ok(options.length >= 10, String(options));
    for (const o of options) {
      assert.ok(help.stdout.slice(zhAt, enAt).includes(`--${o}`), `--${o} in the Chinese help`);
      assert.ok(help.stdout.slice(enAt).includes(`--${o}`), `--${o} in the English help`);
    }
    assert.strictEqual(run(['--help', '--locale', 'en']).stdout.indexOf('用法'), -1);
  });

  it('severity words: 信息 for info, 提示 for hint (in the summary)', () => {
    const r = run(['check', ...OFF, '--rule', 'label-variant=hint', '--rule', 'RPT016=info', seedPath('000')]);
    assert.strictEqual(r.stdout.split('\n').slice(-2)[0], '已检查 1 个文件：0 个错误，0 个警告，0 条信息，1 条提示');
    const en = run(['check', '--locale', 'en', ...OFF, '--rule', 'label-variant=hint', seedPath('000')]);
    assert.strictEqual(en.stdout.split('\n').slice(-2)[0], '1 file(s) checked: 0 error(s), 0 warning(s), 0 info, 1 hint(s)');
  });

  it('before the build, each bin says in one line to run the set-up (no stack trace), exit 2', () => {
    const bin = path.join(tmp, 'unbuilt', 'bin');
    fs.mkdirSync(bin, { recursive: true });
    for (const f of fs.readdirSync(path.join(ROOT, 'bin'))) fs.copyFileSync(path.join(ROOT, 'bin', f), path.join(bin, f));
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(bin, '..', 'package.json'));
    for (const [file, bundle, args] of [['report-review.js', 'cli.js', ['--help']], ['report-review-lsp.js', 'server.js', ['--stdio']]] as const) {
      const r = spawnSync(process.execPath, [path.join(bin, file), ...args], { encoding: 'utf8', timeout: 30000 });
      assert.deepStrictEqual([r.status, r.stdout, r.stderr], [
        2,
        '',
        `report-review: 尚未构建 ${path.join('dist', bundle)}：请先运行 bash scripts/setup.sh（或 npm run build）。Not built yet: run bash scripts/setup.sh (or npm run build) first.\n`,
      ], file);
    }
  });
});
