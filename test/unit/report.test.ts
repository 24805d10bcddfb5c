/** The review report formats of `check`: `--format csv` and `--format html`, written with `-o`. */
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { csvField } from '../../server/src/report/csv';
import { ROOT, SEEDS_DIR, replaceOnce, runCli as run, seed, seedPath, zh } from './helpers';

const rel = (p: string) => path.relative(ROOT, p);
const SEEDS = rel(SEEDS_DIR);

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold both (quotes doubled). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') field += text[i++];
          else break;
        } else field += text[i];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') field += text[i++];
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) i += 2;
    else if (i < text.length) throw new Error(`record not ended by CRLF at ${i}`);
    rows.push(row);
    row = [];
    if (i >= text.length) return rows;
  }
}

const HEADER = ['文件', '机关', '年度', '规则', '级别', '表格', '行', '列', '实为', '应为', '问题'];
const T3 = zh('table.t3');

describe('review report formats (check --format csv|html)', function () {
  this.timeout(60000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-report-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('csv fields are quoted as RFC 4180 asks', () => {
    assert.deepStrictEqual(['a', 'a,b', 'say "hi"', 'two\r\nlines', ''].map(csvField), ['a', '"a,b"', '"say ""hi"""', '"two\r\nlines"', '']);
    assert.deepStrictEqual(parseCsv('a,"b,""c""",\r\n"x\r\ny",z,\r\n'), [['a', 'b,"c"', ''], ['x\r\ny', 'z', '']]);
  });

  it('csv of the seeds’ folder: BOM, CRLF, the header, a row per finding; seed 001’s dropped cell', () => {
    const out = path.join(tmp, 'seeds.csv');
    const r = run(['check', '--format', 'csv', '-o', out, SEEDS]);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.stdout, '');
    const bytes = fs.readFileSync(out);
    assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const rows = parseCsv(text);
    assert.deepStrictEqual(rows[0], HEADER);
    const json = JSON.parse(run(['check', '--format', 'json', SEEDS]).stdout) as { files: { problems: unknown[] }[] };
    const findings = json.files.reduce((n, f) => n + f.problems.length, 0);
    assert.strictEqual(findings, 17);
    assert.strictEqual(rows.length - 1, findings);
    assert.ok(rows.every((x) => x.length === HEADER.length));
    const s001 = rel(seedPath('001'));
    assert.deepStrictEqual(
      rows.find((x) => x[0] === s001 && x[3] === 'missing-cell'),
      // Which column lost its 0 cannot be told: the column is left empty, the value is 0.
      [s001, '格尔木市', '2024', 'missing-cell', '错误', T3, '2.重复申请', '', '', '0', zh('missingCell', { row: '（五）2.重复申请', expected: 7, actual: 6 })],
    );
    assert.deepStrictEqual(
      rows.filter((x) => x[0] === s001).map((x) => x[3]),
      ['narrative-mismatch', 'narrative-mismatch', 'label-variant', 'missing-cell', 'section-heading'],
    );
  });

  it('csv: a broken total with the value found and the value expected, in its table, row and column', () => {
    const file = path.join(tmp, 'wrong-total.txt');
    fs.writeFileSync(file, replaceOnce(seed('001'), '（一）予以公开 10 0 0 0 0 0 10', '（一）予以公开 10 0 0 0 0 0 11'));
    const rows = parseCsv(run(['check', '--format', 'csv', '--locale', 'en', file]).stdout.slice(1));
    assert.deepStrictEqual(rows[0], ['file', 'body', 'year', 'rule', 'severity', 'table', 'row', 'column', 'found', 'expected', 'message']);
    assert.deepStrictEqual(
      rows.find((x) => x[3] === 'row-total'),
      [file, '格尔木市', '2024', 'row-total', 'error', 'Table 三 (requests received and handled)', '（一）予以公开', '总计', '11', '10', '（一）予以公开 · 总计 should be 10, found 11'],
    );
  });

  it('html: one self-contained file, a strict CSP whose hashes allow exactly its style and script', () => {
    const out = path.join(tmp, '审校结果.html');
    const r = run(['check', '--format', 'html', '-o', out, SEEDS]);
    assert.strictEqual(r.code, 1);
    const html = fs.readFileSync(out, 'utf8');
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">'));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    assert.strictEqual(csp, `default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; img-src data:; base-uri 'none'; form-action 'none'`);
    // Nothing loaded: no src attributes, no links but the page's own anchors, one style and one script.
    assert.deepStrictEqual(html.match(/\ssrc=/g), null);
    assert.deepStrictEqual([...new Set(html.match(/href="[^"#][^"]*"/g) ?? [])], []);
    assert.strictEqual(html.match(/<style/g)!.length, 1);
    assert.strictEqual(html.match(/<script/g)!.length, 1);
    assert.strictEqual(html.match(/\sstyle=/g), null);
    // The summary: a row for each seed, with its verdict.
    const summary = /<table class="summary">[\s\S]*?<\/table>/.exec(html)![0];
    assert.strictEqual(summary.match(/<tr>/g)!.length, 6);
    assert.ok(summary.includes('<td data-sort="2" class="verdict-fail">不通过</td>'));
    // Seed 001's row of table 三 is marked, its missing cell drawn as such.
    const report = html.slice(html.indexOf(`data-file="${rel(seedPath('001'))}"`));
    const row = /<tr data-row="t3\.r5\.2"[^>]*>.*?<\/tr>/.exec(report)![0];
    assert.ok(row.startsWith('<tr data-row="t3.r5.2" class="flagged">'), row);
    assert.ok(row.includes(`<td class="n missing" title="${zh('missingCell', { row: '（五）2.重复申请', expected: 7, actual: 6 })}">缺 → 0</td>`), row);
  });

  it('html: a wrong cell shows the value found and the value expected; a table not lined up says why', () => {
    const file = path.join(tmp, 'wrong.txt');
    fs.writeFileSync(file, replaceOnce(seed('001'), '（一）予以公开 10 0 0 0 0 0 10', '（一）予以公开 10 0 0 0 0 0 11'));
    const layout = path.join(ROOT, 'test/fixtures/originals/004_pingtan_jinjingpianqu_2024/pdf-raw.txt');
    const html = run(['check', '--format', 'html', file, layout]).stdout;
    assert.ok(html.includes('<td class="n wrong" title="（一）予以公开·总计 应为 10，实为 11">✗ <del>11</del> → 10</td>'));
    assert.ok(html.includes(`<p class="notice" data-table="t3" data-state="layout">⚠ ${zh('tableLayoutOrphans', { table: '@table.t3', count: 3 })}</p>`));
  });

  it('-o writes the other formats to the file too', () => {
    const out = path.join(tmp, 'out.txt');
    const r = run(['check', '-o', out, rel(seedPath('000'))]);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.stdout, '');
    assert.strictEqual(fs.readFileSync(out, 'utf8').split('\n').slice(-2)[0], '已检查 1 个文件：0 个错误，0 个警告，1 条信息');
  });
});
