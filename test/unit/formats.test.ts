/**
 * Documents: real HTML pages (test/fixtures/formats/html, twelve published reports), the same
 * reports saved as Word by LibreOffice and printed to PDF by Chromium (also without table borders), one set in two columns, a
 * GBK page, a scanned PDF and a binary .doc (scripts/make-format-fixtures.mjs made them). Each page's canonical text is
 * committed (text/); the findings on the pages, at their source line:column, too (html.expected.txt).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { check } from '../../server/src/core';
import { readDocument, type DocumentReading } from '../../server/src/formats';
import { readHtml } from '../../server/src/formats/html';
import { CLI_OFF, OPTIONS, ROOT, runCli, zh } from './helpers';

const DIR = path.join(ROOT, 'test', 'fixtures', 'formats');
const rel = (...p: string[]) => path.relative(ROOT, path.join(DIR, ...p));
const PAGES = fs.readdirSync(path.join(DIR, 'html')).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, '')).sort();
/** The one finding of page 005 in every format. */
const REVIEW_TOTAL = zh('reviewTotal', { group: '行政复议', expected: 1, parts: '', actual: '0' });
const golden = (name: string) => fs.readFileSync(path.join(DIR, 'text', `${name}.txt`), 'utf8');

async function read(...p: string[]): Promise<DocumentReading> {
  const file = path.join(DIR, ...p);
  const r = await readDocument(fs.readFileSync(file), file);
  assert.ok(r.ok, `${p.join('/')}: ${r.ok ? '' : r.message.en}`);
  return r;
}

/** Rule and message of every finding (positions differ between a document and its text). */
const findingsOf = (text: string) => check(text, OPTIONS).problems.map((p) => `${p.rule}|${JSON.stringify(p.message)}`);

describe('formats: HTML pages', function () {
  this.timeout(60000);

  it('twelve real pages are read', () => assert.strictEqual(PAGES.length, 12));

  for (const name of PAGES) {
    it(`${name}: the canonical text, every character mapped to itself in the page`, async () => {
      const r = await read('html', `${name}.html`);
      assert.strictEqual(r.text, golden(name));
      const src = r.source!;
      for (let i = 0; i < r.text.length; i++) {
        const c = r.text[i];
        if (c === '\t' || c === '\n' || c === ' ') continue;
        const at = r.map.offsets[i];
        // Written as itself, or as a character reference (&lt; &#x4E00;).
        assert.ok(src[at] === c || src[at] === '&', `${name}: text ${i} ${JSON.stringify(c)} → page ${at} ${JSON.stringify(src.slice(at, at + 8))}`);
      }
    });
  }

  it('the findings on the pages point at the page source (line:column of the cell); a folder of pages is one run', () => {
    const r = runCli(['check', ...CLI_OFF, rel('html')]);
    assert.strictEqual(r.stdout, fs.readFileSync(path.join(DIR, 'html.expected.txt'), 'utf8'));
    assert.strictEqual(r.code, 1);
    // 005's review-total: the 总计 of 行政复议 is the 0 in its cell.
    const line = r.stdout.split('\n').find((l) => l.includes('review-total'))!;
    const [, ln, col] = /:(\d+):(\d+) /.exec(line)!;
    const page = fs.readFileSync(path.join(DIR, 'html', '005_pingtan_xingzhengshenpi_2024.html'), 'utf8').split('\n')[+ln - 1];
    assert.strictEqual(page[+col - 1], '0');
    assert.match(page.slice(0, +col - 1), /<td[^>]*>(<[^>]+>)*$/);
  });

  it('every page as HTML has the findings of its canonical text', async () => {
    for (const name of PAGES) {
      const r = await read('html', `${name}.html`);
      assert.deepStrictEqual(findingsOf(r.text), findingsOf(golden(name)), name);
    }
  });

  it('a GBK page (<meta charset="gb2312">) reads as its UTF-8 original, at the same line:column', async () => {
    const name = '004_pingtan_jinjingpianqu_2024';
    const gbk = await read('gbk', `${name}.html`);
    assert.strictEqual(gbk.encoding, 'gb18030');
    assert.strictEqual(gbk.text, golden(name));
    const a = runCli(['check', ...CLI_OFF, rel('gbk', `${name}.html`)]).stdout.replace(/^\S+?:/gm, '');
    const b = runCli(['check', ...CLI_OFF, rel('html', `${name}.html`)]).stdout.replace(/^\S+?:/gm, '');
    assert.strictEqual(a, b);
  });

  it('tables: rowspan and colspan resolved, a group label on its own line, a blank cell kept as an empty field', () => {
    const html = `<html><body><h1>某局2024年政府信息公开工作年度报告</h1><table>
      <tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1</td><td>&nbsp;2</td></tr>
      <tr><td rowspan="2">（三）不予公开</td><td><p>1.属于</p><p>国家秘密</p></td><td>0</td><td><p><br></p></td></tr>
      <tr><td>2.其他</td><td rowspan="1">3</td><td>4</td></tr>
      <tr><td colspan="3">（七）总计</td><td><span>1</span><span>0</span></td><td>0</td></tr></table></body></html>`;
    assert.strictEqual(
      readHtml(html, { page: false }).text,
      ['某局2024年政府信息公开工作年度报告', '三、本年度办理结果', '（一）予以公开\t1\t2', '（三）不予公开', '1.属于国家秘密\t0\t', '2.其他\t3\t4', '（七）总计\t10\t0'].join('\n') + '\n',
    );
  });

  it('a page: the article and its title, without navigation, scripts, styles or hidden text', () => {
    const html = `<html><head><title>某局2024年政府信息公开工作年度报告_年报_某网站</title><style>p{}</style></head><body>
      <div class="nav"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">政府信息公开年报</a></div>
      <div class="title">某局2024年政府信息公开工作年度报告</div>
      <div class="main"><div class="content"><p>一、总体情况</p><p>${'本年度主动公开政府信息。'.repeat(20)}</p>
      <script>var x = "二、主动公开政府信息情况";</script><p style="display:none">隐藏</p><p>二、主动公开政府信息情况</p></div></div>
      <div class="footer"><a href="/c">网站地图</a> 版权所有</div></body></html>`;
    assert.strictEqual(
      readHtml(html).text,
      ['某局2024年政府信息公开工作年度报告', '一、总体情况', '本年度主动公开政府信息。'.repeat(20), '二、主动公开政府信息情况'].join('\n') + '\n',
    );
  });

  it('a page laid out with tables (the whole page in one cell, or navigation and article side by side) reads as the page without them', async () => {
    const links = Array.from({ length: 30 }, (_, i) => `<p><a href="/x${i}">栏目第${i}项政府信息公开</a></p>`).join('');
    const layouts = [
      (body: string) => `<table width="100%"><tr><td>${body}</td></tr></table>`,
      (body: string) => `<table><tr><td><table><tr><td>${body}</td></tr></table></td></tr></table>`,
      (body: string) => `<table><tr><td width="200">${links}</td><td>${body}</td></tr></table>`,
    ];
    for (const name of PAGES) {
      const page = fs.readFileSync(path.join(DIR, 'html', `${name}.html`), 'utf8');
      const [, open, body, close] = /^([\s\S]*?<body[^>]*>)([\s\S]*)(<\/body>[\s\S]*)$/i.exec(page)!;
      for (const layout of layouts) assert.strictEqual(readHtml(open + layout(body) + close).text, golden(name), name);
    }
  });
});

describe('formats: Word (.docx) and PDF', function () {
  this.timeout(120000);

  it('every page saved as Word reads to the same text as the page (paragraphs, merged cells)', async () => {
    for (const name of PAGES) assert.strictEqual((await read('docx', `${name}.docx`)).text, golden(name), name);
  });

  it('Word findings name the paragraph or the table cell, and the template cell', () => {
    const r = runCli(['check', ...CLI_OFF, rel('docx', '005_pingtan_xingzhengshenpi_2024.docx')]);
    assert.strictEqual(
      r.stdout,
      [
        `${rel('docx', '005_pingtan_xingzhengshenpi_2024.docx')}:第 3 个表格第 4 行第 5 列 表四「行政复议」·总计  error  review-total  ${REVIEW_TOTAL}`,
        '已检查 1 个文件：1 个错误，0 个警告，0 条信息',
        '',
      ].join('\n'),
    );
  });

  const PDFS = fs.readdirSync(path.join(DIR, 'pdf')).map((f) => f.replace(/\.pdf$/, '')).sort();

  it('every page printed to PDF (Chromium, with its running header and footer) has the findings of the page, most word for word', async () => {
    assert.strictEqual(PDFS.length, 12);
    for (const name of PDFS) {
      const r = await read('pdf', `${name}.pdf`);
      assert.deepStrictEqual(findingsOf(r.text), findingsOf(golden(name)), name);
      assert.ok(!/file:\/\/|\d+\/\d+\n|PM\s/.test(r.text), `${name}: a running header or footer is left`);
    }
  });

  it('Word files exported to PDF by LibreOffice (rules drawn as strokes) have the findings of their pages', async () => {
    const names = fs.readdirSync(path.join(DIR, 'pdf-libreoffice')).map((f) => f.replace(/\.pdf$/, ''));
    assert.strictEqual(names.length, 2);
    for (const name of names) assert.deepStrictEqual(findingsOf((await read('pdf-libreoffice', `${name}.pdf`)).text), findingsOf(golden(name)), name);
  });

  it('PDF tables from their rules, across page breaks; wrapped paragraphs joined: two pages read as their HTML, word for word', async () => {
    for (const name of ['001_pingtan_zone_2023', '005_pingtan_xingzhengshenpi_2024']) assert.strictEqual((await read('pdf', `${name}.pdf`)).text, golden(name), name);
  });

  /** The lines of a text that are table rows (tab-separated), in order. */
  const rows = (text: string) => text.split('\n').filter((l) => l.includes('\t'));

  it('a page set in two columns, table 三 over a page break and a column break: the columns read in turn, the tables row for row', async () => {
    const name = '004_pingtan_jinjingpianqu_2024';
    const r = await read('pdf-columns', `${name}.pdf`);
    assert.deepStrictEqual(rows(r.text), rows(golden(name)));
    assert.deepStrictEqual(findingsOf(r.text), findingsOf(golden(name)));
    // Table 三 starts on page 1 and ends on page 2: its first and last rows are mapped to those pages.
    const page = (s: string) => r.map.places[r.map.placeOf[r.text.indexOf(s)]].page;
    assert.deepStrictEqual([page('一、本年新收'), page('四、结转下年度继续办理')], [1, 2]);
    // Every heading once, in order (no line of one column glued to a line of the other).
    const headings = r.text.split('\n').filter((l) => /^[一二三四五六]、/.test(l) && !l.includes('\t'));
    assert.deepStrictEqual(headings, golden(name).split('\n').filter((l) => /^[一二三四五六]、/.test(l) && !l.includes('\t')));
  });

  it('table 三 with merged cells (rowspan, colspan) in the page reads to the same rows from the page, Word and PDF', async () => {
    const name = '001_pingtan_zone_2023';
    const page = fs.readFileSync(path.join(DIR, 'html', `${name}.html`), 'utf8');
    const t3 = page.slice(page.indexOf('本年度办理结果') - 2000, page.indexOf('结转下年度继续办理'));
    assert.match(t3, /rowspan="?(2[0-9]|[3-9])/);
    for (const [dir, ext] of [['html', 'html'], ['docx', 'docx'], ['pdf', 'pdf']]) assert.deepStrictEqual(rows((await read(dir, `${name}.${ext}`)).text), rows(golden(name)), dir);
  });

  it('a PDF whose tables have no rules: the reader says once how it read them, and no ruled PDF gets that warning', async () => {
    const name = '005_pingtan_xingzhengshenpi_2024';
    const unruled = await read('pdf-unruled', `${name}.pdf`);
    assert.deepStrictEqual(unruled.warnings.map((w) => w['zh-CN']), [
      'PDF 中的表格没有表格线：按文件中文字的顺序读取，单元格按文字间距和上下行的对齐划分，可能读错：请核对 extract 导出的表格，或改查网页或 Word 原件',
    ]);
    assert.deepStrictEqual((await read('pdf', `${name}.pdf`)).warnings, []);
    const r = runCli(['check', ...CLI_OFF, rel('pdf-unruled', `${name}.pdf`)]);
    assert.strictEqual(r.stderr, `${rel('pdf-unruled', `${name}.pdf`)}: ${unruled.warnings[0]['zh-CN']}\n`);
    // Table 四's header words stacked one under another beside its numbers do not make the page two columns: its row is whole.
    assert.ok(rows(unruled.text).includes(['1', ...new Array<string>(14).fill('0')].join('\t')));
    // Its errors and warnings are the page's (a label wrapped in its cell may read as a variant: an info).
    const listed = (text: string) => check(text, OPTIONS).problems.filter((p) => p.severity !== 'info').map((p) => `${p.rule}|${JSON.stringify(p.message)}`);
    assert.deepStrictEqual(listed(unruled.text), listed(golden(name)));
  });

  it('a PDF whose tables have no rules: a label and its value in narrow columns, a blank cell between two numbers, a row of zeros at the foot of a page', async () => {
    const text = async (name: string) => (await read('pdf-unruled', `${name}.pdf`)).text;
    const zone = rows(await text('001_pingtan_zone_2023'));
    // A gap narrower than a character between a label and its value (or set as one string with a space: 008).
    assert.ok(zone.includes('行政规范性文件\t77\t132\t470'));
    assert.ok(zone.includes('行政事业性收费\t5949.088667'));
    assert.ok(rows(await text('008_pingtan_guanweihuibangongshi_2025')).includes('3.危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0'));
    // 商业企业 is blank: the row above has a number there, this one a wider gap.
    assert.ok(rows(await text('004_pingtan_jinjingpianqu_2024')).includes('四、结转下年度继续办理\t0\t\t0\t0\t0\t0\t0'));
    // The numbers of 一、本年新收 stand at the foot of page 1: a row of zeros, not a page number.
    assert.ok((await text('012_pingtan_jinjingpianqu_2021')).includes('一、本年新收政府信息公开申请数\n量\n0\t0\t0\t0\t0\t0\t0\n二、上年结转'));
  });

  it('a PDF without rules set in two columns: a total alone on its line at the foot of a column is a cell of its row, not running text', async () => {
    const text = (await read('pdf-unruled-columns', '003_pingtan_jiaotongjianshe_2024.pdf')).text;
    // （二）部分公开's 总计 stands a line above its other numbers, at the foot of the left column; the next row's label tops the right one.
    assert.ok(text.includes('形）\n3\t0\t0\t0\t0\t0\n3\n（三）不\n'));
    assert.deepStrictEqual(check(text, OPTIONS).problems.filter((p) => p.rule === 'missing-cell' || p.rule === 'table-layout'), []);
  });

  it('PDF findings name the page and the template cell: a cell, a row, a table', () => {
    const file = rel('pdf', '005_pingtan_xingzhengshenpi_2024.pdf');
    const lines = runCli(['check', ...CLI_OFF, file]).stdout.split('\n');
    assert.strictEqual(lines.find((l) => l.includes('review-total')), `${file}:第 4 页 表四「行政复议」·总计  error  review-total  ${REVIEW_TOTAL}`);
    // A blank cell is named as the cell; a missing row names its table only (its place is where it would go).
    const other = rel('pdf', '004_pingtan_jinjingpianqu_2024.pdf');
    assert.strictEqual(
      runCli(['check', ...CLI_OFF, other]).stdout,
      [
        `${other}:第 2 页 表二  error  missing-row  ${zh('missingRow', { table: '@table.t2', row: '规章' })}`,
        `${other}:第 4 页 表三「四、结转下年度」·商业企业  warning  blank-cell  ${zh('blankCell', { cell: '四、结转下年度·商业企业' })}`,
        '已检查 1 个文件：1 个错误，1 个警告，0 条信息',
        '',
      ].join('\n'),
    );
  });

  it('a row short of a cell is named as the row; English names the table in English', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-formats-'));
    try {
      // 005's page with one cell of （二）部分公开 taken out of the table.
      const page = fs.readFileSync(path.join(DIR, 'html', '005_pingtan_xingzhengshenpi_2024.html'), 'utf8');
      const at = page.indexOf('（二）部分公开');
      const td = page.indexOf('<td', page.indexOf('</td>', at));
      const file = path.join(tmp, 'short.html');
      fs.writeFileSync(file, page.slice(0, td) + page.slice(page.indexOf('</td>', td) + 5));
      const json = JSON.parse(runCli(['check', ...CLI_OFF, '--format', 'json', file]).stdout) as { files: { problems: { rule: string; line: number; cell?: unknown }[] }[] };
      const missing = json.files[0].problems.find((p) => p.rule === 'missing-cell')!;
      assert.deepStrictEqual(missing.cell, { table: 't3', row: '（二）部分公开', name: '表三「（二）部分公开」' });
      assert.ok(missing.line > 300, 'an HTML finding keeps its line in the page');
      const en = JSON.parse(runCli(['check', ...CLI_OFF, '--locale', 'en', '--format', 'json', rel('pdf', '005_pingtan_xingzhengshenpi_2024.pdf')]).stdout);
      assert.deepStrictEqual(en.files[0].problems[0].cell, { table: 't4', row: '行政复议', column: '总计', name: 'Table 四「行政复议」·总计' });
      assert.strictEqual(en.files[0].problems[0].place, 'page 4');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('SARIF: a PDF finding is a logical location (page and cell) without lines; an HTML finding keeps its region and names the cell', () => {
    const pdf = rel('pdf', '005_pingtan_xingzhengshenpi_2024.pdf');
    const html = rel('html', '005_pingtan_xingzhengshenpi_2024.html');
    const sarif = JSON.parse(runCli(['check', ...CLI_OFF, '--format', 'sarif', pdf, html]).stdout);
    const [a, b] = sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string }; region?: unknown }; logicalLocations: unknown[] }[]; relatedLocations: { logicalLocations: unknown[] }[] }[];
    assert.deepStrictEqual(a.locations[0], {
      physicalLocation: { artifactLocation: { uri: pdf } },
      logicalLocations: [{ fullyQualifiedName: '第 4 页 表四「行政复议」·总计', kind: 'element' }],
    });
    // A related cell in a PDF is a logical location too: 001's narrative figure points at its table cell.
    const related = JSON.parse(runCli(['check', '--format', 'sarif', rel('pdf', '001_pingtan_zone_2023.pdf')]).stdout).runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'narrative-mismatch');
    assert.deepStrictEqual(related.relatedLocations[0].logicalLocations, [{ fullyQualifiedName: '第 2 页 表二「行政规范性文件」·现行有效件数', kind: 'element' }]);
    assert.strictEqual(b.locations[0].physicalLocation.artifactLocation.uri, html);
    assert.ok(b.locations[0].physicalLocation.region);
    assert.deepStrictEqual(b.locations[0].logicalLocations, [{ fullyQualifiedName: '表四「行政复议」·总计', kind: 'element' }]);
  });

  it('a .doc, a scanned PDF, a damaged file: one clear line each, exit 2', () => {
    const r = runCli(['check', rel('legacy.doc'), rel('scanned.pdf')]);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(
      r.stderr,
      [
        `${rel('legacy.doc')}: 旧版 Word/WPS 二进制文档（.doc/.wps）无法直接读取：请在 Word 或 WPS 中“另存为” .docx 后再检查`,
        `${rel('scanned.pdf')}: PDF 没有文字层（扫描件或图片），无法读取其中的文字（不做 OCR）：请使用原始文档或可复制文字的 PDF`,
        '',
      ].join('\n'),
    );
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-formats-'));
    try {
      const bad = path.join(tmp, 'bad.docx');
      fs.writeFileSync(bad, 'PK\u0003\u0004 not really a zip');
      const truncated = path.join(tmp, 'truncated.pdf');
      fs.writeFileSync(truncated, fs.readFileSync(path.join(DIR, 'pdf', '005_pingtan_xingzhengshenpi_2024.pdf')).subarray(0, 2000));
      const d = runCli(['check', '--locale', 'en', bad, truncated]);
      assert.strictEqual(d.code, 2);
      assert.strictEqual(
        d.stderr,
        `${bad}: the document is damaged or not of the format its name says, and cannot be read\n${truncated}: the document is damaged or not of the format its name says, and cannot be read\n`,
      );
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('formats: extract and fix', function () {
  this.timeout(60000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-formats-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('a folder of text, pages, Word and PDF files is one run; a .doc in it is told', () => {
    const name = '005_pingtan_xingzhengshenpi_2024';
    fs.copyFileSync(path.join(DIR, 'html', `${name}.html`), path.join(tmp, 'a.html'));
    fs.copyFileSync(path.join(DIR, 'docx', `${name}.docx`), path.join(tmp, 'b.docx'));
    fs.copyFileSync(path.join(DIR, 'pdf', `${name}.pdf`), path.join(tmp, 'c.pdf'));
    fs.writeFileSync(path.join(tmp, 'd.txt'), golden(name));
    fs.writeFileSync(path.join(tmp, 'notes.html'), '<html><body><p>会议纪要</p></body></html>');
    const r = runCli(['check', ...CLI_OFF, '--format', 'json', tmp]);
    const all = (JSON.parse(r.stdout) as { files: { path: string; skipped?: { reason: string }; problems: { rule: string }[] }[] }).files;
    // The page that is not a report is listed as skipped.
    assert.deepStrictEqual(all.filter((f) => f.skipped).map((f) => [path.basename(f.path), f.skipped!.reason]), [['notes.html', 'not-report']]);
    const files = all.filter((f) => !f.skipped);
    assert.deepStrictEqual(
      files.map((f) => [path.basename(f.path), f.problems.map((p) => p.rule).join(' ')]),
      ['a.html', 'b.docx', 'c.pdf', 'd.txt'].map((f) => [f, check(golden(name), OPTIONS).problems.map((p) => p.rule).join(' ')]),
    );
    assert.strictEqual(r.code, 1);
    fs.copyFileSync(path.join(DIR, 'legacy.doc'), path.join(tmp, 'e.doc'));
    const withDoc = runCli(['check', ...CLI_OFF, tmp]);
    assert.strictEqual(withDoc.code, 2);
    assert.match(withDoc.stderr, /e\.doc: 旧版 Word\/WPS 二进制文档/);
  });

  it('extract writes the canonical text, which checks to the same findings as the document', () => {
    const name = '005_pingtan_xingzhengshenpi_2024';
    const out = path.join(tmp, 'report.txt');
    const r = runCli(['extract', rel('docx', `${name}.docx`), '-o', out]);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(fs.readFileSync(out, 'utf8'), golden(name));
    const strip = (s: string) => s.replace(/^\S+  /gm, '');
    assert.strictEqual(strip(runCli(['check', ...CLI_OFF, out]).stdout), strip(runCli(['check', ...CLI_OFF, rel('html', `${name}.html`)]).stdout));
    assert.strictEqual(runCli(['extract', rel('legacy.doc')]).code, 2);
    assert.strictEqual(runCli(['extract', 'README.md']).code, 2);
  });

  it('fix --write changes only the text of cells in an HTML page, and converges', () => {
    const name = '005_pingtan_xingzhengshenpi_2024';
    const page = path.join(tmp, `${name}.html`);
    const before = fs.readFileSync(path.join(DIR, 'html', `${name}.html`), 'utf8');
    fs.writeFileSync(page, before);
    assert.strictEqual(runCli(['fix', ...CLI_OFF, '--write', page]).code, 0);
    const after = fs.readFileSync(page, 'utf8');
    // One character changed: the 总计 of 行政复议, 0 → 1.
    let i = 0;
    while (before[i] === after[i]) i++;
    assert.strictEqual(before.slice(i + 1), after.slice(i + 1));
    assert.deepStrictEqual([before[i], after[i]], ['0', '1']);
    assert.ok(!runCli(['check', ...CLI_OFF, page]).stdout.includes('review-total'));
    runCli(['fix', ...CLI_OFF, '--write', page]);
    assert.strictEqual(fs.readFileSync(page, 'utf8'), after);
  });

  it('fix fills a blank HTML cell inside the cell; Word and PDF documents are refused with the way out', () => {
    const name = '004_pingtan_jinjingpianqu_2024';
    const page = path.join(tmp, `${name}.html`);
    const before = fs.readFileSync(path.join(DIR, 'html', `${name}.html`), 'utf8');
    fs.writeFileSync(page, before);
    runCli(['fix', ...CLI_OFF, '--write', page]);
    const after = fs.readFileSync(page, 'utf8');
    assert.strictEqual(after.length, before.length + 1);
    let i = 0;
    while (before[i] === after[i]) i++;
    assert.strictEqual(after[i], '0');
    assert.match(after.slice(0, i), /<td[^>]*>$/);
    assert.ok(!runCli(['check', ...CLI_OFF, page]).stdout.includes('blank-cell'));
    const docx = runCli(['fix', '--write', rel('docx', `${name}.docx`)]);
    assert.strictEqual(docx.code, 2);
    assert.match(docx.stderr, /不修改 Word 文档；请先运行 `report-review extract .*\.docx -o 报告\.txt`，再检查和修复文本/);
  });
});
