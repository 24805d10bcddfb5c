/**
 * The shapes real reports arrive in: every one reads into the same tables (cell for cell), and
 * page furniture, wrapped labels, prose that names a section or full-width digits do not disturb
 * it. Encodings and unreadable files go through the CLI.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { applyEdits, check, fixAll, type ReportModel } from '../../server/src/core';
import { CLI_OFF, expectFindings, expectNoFindings, findings, lineAt, lineOf, loadFixture, OPTIONS, replaceOnce, rowNumbers, runCli, seedPath } from './helpers';


/** The numbers of the fixtures' report, row by row. */
const Z = '0 0 0 0 0 0 0';
const EXPECTED = [
  't2.rules 0 0 0',
  't2.norms 8 5 26',
  't2.permit 632',
  't2.penalty 2538',
  't2.force 33',
  't2.fee 3883.3',
  't3.new 30 2 1 0 1 0 34',
  't3.carried 2 0 0 0 0 0 2',
  't3.r1 10 1 0 0 0 0 11',
  't3.r2 3 0 1 0 0 0 4',
  `t3.r3.1 ${Z}`,
  `t3.r3.2 ${Z}`,
  `t3.r3.3 ${Z}`,
  't3.r3.4 1 0 0 0 0 0 1',
  `t3.r3.5 ${Z}`,
  `t3.r3.6 ${Z}`,
  `t3.r3.7 ${Z}`,
  `t3.r3.8 ${Z}`,
  't3.r4.1 2 0 0 0 1 0 3',
  't3.r4.2 1 0 0 0 0 0 1',
  `t3.r4.3 ${Z}`,
  't3.r5.1 4 0 0 0 0 0 4',
  `t3.r5.2 ${Z}`,
  `t3.r5.3 ${Z}`,
  `t3.r5.4 ${Z}`,
  `t3.r5.5 ${Z}`,
  't3.r6.1 1 0 0 0 0 0 1',
  `t3.r6.2 ${Z}`,
  't3.r6.3 9 1 0 0 0 0 10',
  't3.total 31 2 1 0 1 0 35',
  't3.next 1 0 0 0 0 0 1',
  't4.row 6 0 4 1 11 1 0 0 0 1 0 1 0 0 1',
];

function numbers(m: ReportModel): string[] {
  return (['t2', 't3', 't4'] as const).flatMap((t) => rowNumbers(m.tables[t]?.rows ?? []));
}


describe('shapes', () => {
  const cases: [string, string][] = [
    ['spaces (PDF text, one row per line)', 'shape-spaces.txt'],
    ['tabs (Word) with Markdown headings', 'shape-tabs.txt'],
    ['Markdown pipe tables', 'shape-pipes.md'],
    ['one cell per line (Word), tab-indented, blank lines between rows', 'shape-cell-per-line.txt'],
    ['HTML flattened to `|` lines, converter header cells 数据1…数据7', 'shape-html-flattened.txt'],
    ['PDF: wrapped labels with numbers on a later line, page numbers -3- and — 4 — inside the table, glued header words', 'shape-pdf-wrapped.txt'],
    ['full-width digits in table 三 and 四', 'shape-fullwidth-digits.txt'],
    ['prose naming sections (wrapped like seed 001’s closing paragraph)', 'shape-section-name-in-sentence.txt'],
  ];
  for (const [what, name] of cases) {
    it(`${what}: every number in its row, no finding`, () => {
      const text = loadFixture(name).text;
      const r = check(text, OPTIONS);
      assert.deepStrictEqual(numbers(r.model), EXPECTED);
      assert.ok(Object.values(r.model.tables).every((t) => t!.rows.every((row) => row.aligned)));
      expectNoFindings(text);
    });
  }

  it('the shape of each table is recognised (fixes are written in it)', () => {
    const shapes = (name: string) => Object.values(check(loadFixture(name).text, OPTIONS).model.tables).map((t) => t!.shape);
    assert.deepStrictEqual(shapes('shape-spaces.txt'), ['spaces', 'spaces', 'spaces']);
    assert.deepStrictEqual(shapes('shape-tabs.txt'), ['tabs', 'tabs', 'tabs']);
    assert.deepStrictEqual(shapes('shape-pipes.md'), ['pipes', 'pipes', 'pipes']);
    assert.deepStrictEqual(shapes('shape-cell-per-line.txt'), ['cell-per-line', 'cell-per-line', 'cell-per-line']);
  });

  it('page numbers inside table 三 are not cells', () => {
    const text = loadFixture('shape-pdf-wrapped.txt').text;
    assert.ok(text.includes('\n-3-\n') && text.includes('\n— 4 —\n'));
    const furniture = [lineOf(text, '\n-3-\n') + 1, lineOf(text, '\n— 4 —\n') + 1];
    const cells = check(text, OPTIONS).model.tables.t3!.rows.flatMap((r) => r.cells);
    assert.strictEqual(cells.length, 25 * 7);
    const cellLines = cells.map((c) => lineAt(text, c.span.start));
    assert.deepStrictEqual(furniture.filter((n) => cellLines.includes(n)), []);
  });

  it('text between table 四’s numbers that is not the table’s (a PDF page’s running header) is passed over; the row must then be whole', () => {
    const text = loadFixture('shape-spaces.txt').text;
    const row = '6 0 4 1 11 1 0 0 0 1 0 1 0 0 1';
    const header = '\n2025/1/20 10:30    某某市2024年政府信息公开工作年度报告\n';
    const broken = replaceOnce(text, row, `6 0 4 1 11 1 0 0${header}0 1 0 1 0 0 1`);
    assert.deepStrictEqual(check(broken, OPTIONS).model.tables.t4!.rows[0].cells.map((c) => c.raw), row.split(' '));
    expectNoFindings(broken);
    // Fourteen numbers on either side of it: which cell is missing is not known.
    const short = replaceOnce(text, row, `6 0 4 1 11 1 0 0${header}0 1 0 1 0 0`);
    assert.strictEqual(check(short, OPTIONS).model.tables.t4, undefined);
    expectFindings(short, [{ rule: 'table-layout', line: lineOf(short, '行政复议 行政诉讼'), message: 'tableLayoutInterrupted(table=@table.t4)' }]);
    // Text after the numbers, and none after it: the row ends there, a cell short.
    const ended = replaceOnce(text, row, '6 0 4 1 11 1 0 0 0 1 0 1 0 0\n注：本表数据截至2024年12月31日。');
    expectFindings(ended, [{ rule: 'missing-cell', line: lineOf(ended, '6 0 4 1 11') }]);
  });

  it('a row of table 三 written one cell a line, a page’s running header between its cells, is one row (the last row too)', () => {
    const text = loadFixture('shape-cell-per-line.txt').text;
    const header = '\t2025/1/20 10:30    某某市2024年政府信息公开工作年度报告\n';
    const middle = replaceOnce(text, '\t3\n\t0\n\t1\n\t0\n', `\t3\n\t0\n${header}\t1\n\t0\n`);
    const last = replaceOnce(text, '\t四、结转下年度继续办理\n\t1\n\t0\n\t0\n', `\t四、结转下年度继续办理\n\t1\n\t0\n${header}\t0\n`);
    for (const broken of [middle, last]) {
      assert.deepStrictEqual(numbers(check(broken, OPTIONS).model), EXPECTED);
      expectNoFindings(broken);
    }
    // Text after a short last row with no numbers after it ends the table, a cell short.
    const ended = replaceOnce(text, '\t0\n\t0\n\t1\n\n\n四、政府信息公开行政复议', '\t0\n\t1\n\t注：本表数据截至年底。\n\n\n四、政府信息公开行政复议');
    expectFindings(ended, [{ rule: 'missing-cell', line: lineOf(ended, '\t四、结转下年度继续办理') }]);
  });

  it('a heading with its first paragraph on its line is a heading, up to its wording; a sentence numbered so is not', () => {
    const text = loadFixture('shape-spaces.txt').text;
    const inline = replaceOnce(
      replaceOnce(text, '一、总体情况\n\n（一）主动公开。', '一、总体情况2024年，（一）主动公开。'),
      '六、其他需要报告的事项\n\n本机关',
      '六、其他需要报告的事项：本机关',
    );
    const sections = check(inline, OPTIONS).model.sections;
    assert.deepStrictEqual([sections[0].text, sections[5].text], ['一、总体情况', '六、其他需要报告的事项']);
    expectNoFindings(inline);
    // A comma or a semicolon before the heading's end makes it a sentence.
    for (const sentence of ['一、总体情况良好，（一）主动公开。', '一、总体情况稳中向好；（一）主动公开。']) {
      const read = replaceOnce(text, '一、总体情况\n\n（一）主动公开。', sentence);
      // Reported where section 一 is due: after the preamble.
      expectFindings(read, [{ rule: 'missing-section', line: lineOf(read, '根据《中华人民共和国政府信息公开条例》') }]);
    }
  });

  it('a row whose cells are left out is there: blank fields are its blank cells, a label alone is the row without numbers', () => {
    const blanks = replaceOnce(loadFixture('shape-tabs.txt').text, '1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0', '1.属于国家秘密\t\t\t\t\t\t\t');
    const columns = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
    const line = lineOf(blanks, '1.属于国家秘密');
    expectFindings(blanks, columns.map((c) => ({ rule: 'blank-cell', line, message: `blankCell(cell=（三）1.属于国家秘密·${c})` })));
    const pipes = replaceOnce(loadFixture('shape-pipes.md').text, '| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 1.属于国家秘密 |  |  |  |  |  |  |  |');
    expectFindings(pipes, columns.map((c) => ({ rule: 'blank-cell', line: lineOf(pipes, '| 1.属于国家秘密'), message: `blankCell(cell=（三）1.属于国家秘密·${c})` })));
    // The label alone (PDF text, where blank cells leave nothing): its numbers are missing, not its
    // row. Zeros are offered, not applied by Fix All.
    for (const [name, row, alone] of [
      ['shape-spaces.txt', '1.属于国家秘密 0 0 0 0 0 0 0', '1.属于国家秘密'],
      ['shape-tabs.txt', '1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0', '1.属于国家秘密'],
    ]) {
      const text = replaceOnce(loadFixture(name).text, row, alone);
      const [f] = expectFindings(text, [{ rule: 'missing-cell', line: lineOf(text, alone), message: 'missingCell(actual=0, expected=7, row=（三）1.属于国家秘密)' }]);
      assert.deepStrictEqual(f.problem.fixes.map((x) => [x.preferred, applyEdits(text, x.edits) === loadFixture(name).text]), [[false, true]]);
    }
  });

  it('blank fields between a delimited row’s label and its numbers are its first cells when they make it whole, past the label columns the whole rows show', () => {
    const tabs = loadFixture('shape-tabs.txt').text;
    const lead = replaceOnce(tabs, '行政规范性文件\t8\t5\t26', '行政规范性文件\t\t\t26');
    const line = lineOf(lead, '行政规范性文件\t');
    const blanks = ['本年制发件数', '本年废止件数'].map((c) => ({ rule: 'blank-cell', line, message: `blankCell(cell=行政规范性文件·${c})` }));
    expectFindings(lead, blanks);
    // Every row of table 二 with a label column merged across two (one blank field after each
    // label): that blank is the label's, the others the row's cells.
    const merged = tabs.replace(/^(规章|行政规范性文件|行政许可|行政处罚|行政强制|行政事业性收费)\t/gm, '$1\t\t');
    expectNoFindings(merged);
    const mergedLead = replaceOnce(merged, '行政规范性文件\t\t8\t5\t26', '行政规范性文件\t\t\t\t26');
    expectFindings(mergedLead, blanks);
  });

  it('table 四 with its zeros left blank (a tab row) has every cell, the blanks blank', () => {
    // The last group all zeros: its blank fields end the line.
    const fixture = replaceOnce(loadFixture('shape-tabs.txt').text, '6\t0\t4\t1\t11\t1\t0\t0\t0\t1\t0\t1\t0\t0\t1', '6\t0\t4\t1\t11\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0');
    const text = replaceOnce(fixture, '6\t0\t4\t1\t11\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0', '6\t\t4\t1\t11\t1\t\t\t\t1\t\t\t\t\t');
    const cells = check(text, OPTIONS).model.tables.t4!.rows[0].cells;
    assert.deepStrictEqual(cells.map((c) => (c.blank ? '_' : c.raw)).join(' '), '6 _ 4 1 11 1 _ _ _ 1 _ _ _ _ _');
    // Nine of its fifteen cells blank: said once for the table (rule blank-cell).
    expectFindings(text, [{ rule: 'blank-cell', line: lineOf(text, '6\t\t4'), message: 'blankCells(count=9, table=@table.t4)' }]);
  });

  it('Fix All fills the zeros left blank in exactly their fields, and converges', () => {
    const tabs = loadFixture('shape-tabs.txt').text;
    const pipes = loadFixture('shape-pipes.md').text;
    const t4 = '6\t0\t4\t1\t11\t1\t0\t0\t0\t1\t0\t1\t0\t0\t1';
    const t4Zeros = replaceOnce(tabs, t4, '6\t0\t4\t1\t11\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0');
    const cases: [whole: string, blank: string][] = [
      [tabs, replaceOnce(tabs, '1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0', '1.属于国家秘密\t\t\t\t\t\t\t')],
      [pipes, replaceOnce(pipes, '| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 1.属于国家秘密 |  |  |  |  |  |  |  |')],
      [replaceOnce(tabs, '行政规范性文件\t8\t5\t26', '行政规范性文件\t0\t0\t26'), replaceOnce(tabs, '行政规范性文件\t8\t5\t26', '行政规范性文件\t\t\t26')],
      [t4Zeros, replaceOnce(t4Zeros, '6\t0\t4\t1\t11\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0', '6\t\t4\t1\t11\t1\t\t\t\t1\t\t\t\t\t')],
    ];
    for (const [whole, blank] of cases) {
      const fixed = fixAll(blank, OPTIONS);
      assert.strictEqual(fixed, whole);
      assert.strictEqual(fixAll(fixed, OPTIONS), fixed);
    }
  });

  it('a sentence that starts with a section’s words is not a heading', () => {
    const text = loadFixture('shape-section-name-in-sentence.txt').text;
    const sections = check(text, OPTIONS).model.sections;
    assert.deepStrictEqual(
      sections.map((s) => s.text),
      ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
    );
    assert.ok(text.includes('\n三、收到和处理政府信息公开申请情况方面，答复质量有待提高。\n'));
  });

  it('blank cells of delimited rows are kept as blank (value 0), in tabs and in pipes', () => {
    const tabs = replaceOnce(loadFixture('shape-tabs.txt').text, '二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2', '二、上年结转政府信息公开申请数量\t2\t\t\t\t\t\t2');
    const pipes = replaceOnce(loadFixture('shape-pipes.md').text, '| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |', '| 二、上年结转政府信息公开申请数量 | 2 | | | | | | 2 |');
    for (const text of [tabs, pipes]) {
      const row = check(text, OPTIONS).model.tables.t3!.rows.find((r) => r.key === 't3.carried')!;
      assert.deepStrictEqual(row.cells.map((c) => (c.blank ? '_' : c.raw)), ['2', '_', '_', '_', '_', '_', '2']);
      assert.ok(row.aligned);
    }
  });

  it('a row laid out in columns (PDF text with its layout) shows a blank cell by its gap, and only so', () => {
    const text = loadFixture('shape-spaces.txt').text;
    const row = '二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2';
    const gap = replaceOnce(text, row, '二、上年结转政府信息公开申请数量 2     0   0   0   0   2');
    const read = check(gap, OPTIONS).model.tables.t3!.rows.find((r) => r.key === 't3.carried')!;
    assert.deepStrictEqual(read.cells.map((c) => (c.blank ? '_' : c.raw)), ['2', '_', '0', '0', '0', '0', '2']);
    expectFindings(gap, [{ rule: 'blank-cell', line: lineOf(gap, '二、上年结转'), message: 'blankCell(cell=二、上年结转·商业企业)' }]);
    // Evenly spaced, the row shows no gap: which cell is missing is not known.
    const even = replaceOnce(text, row, '二、上年结转政府信息公开申请数量 2   0   0   0   0   2');
    expectFindings(even, [{ rule: 'missing-cell', line: lineOf(even, '二、上年结转'), message: 'missingCell(actual=6, expected=7, row=二、上年结转)' }]);
  });

  it('a row laid out in columns with its total on the line above its other numbers is one row, in column order', () => {
    const text = loadFixture('shape-spaces.txt').text;
    const row = '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 3 0 1 0 0 0 4';
    const split = replaceOnce(text, row, '（二）部分公开（区分处理                    4\n  的，只计这一情形     3  0  1  0  0  0\n  ，不计其他情形）');
    const read = check(split, OPTIONS).model.tables.t3!.rows.find((r) => r.key === 't3.r2')!;
    assert.deepStrictEqual(read.cells.map((c) => c.raw), ['3', '0', '1', '0', '0', '0', '4']);
    expectNoFindings(split, ['error', 'warning']);
    // Numbers in the same places as the row's own belong to another row: not joined.
    const stacked = replaceOnce(text, row, '（二）部分公开（区分处理  3  0  1\n  的，只计这一情形       0  1  0  0  0  4\n  ，不计其他情形）');
    assert.strictEqual(check(stacked, OPTIONS).model.tables.t3, undefined);
    expectFindings(stacked, [{ rule: 'table-layout', line: lineOf(stacked, '一、本年新收') }]);
  });

  describe('a report written on one line (a page’s text content, without separators)', () => {
    const lines = loadFixture('shape-spaces.txt').text;
    const one = lines.split('\n').join('');
    const numbers = (text: string) => (['t2', 't3', 't4'] as const).map((id) => rowNumbers(check(text, OPTIONS).model.tables[id]?.rows ?? []));

    it('is read as the lines it would have had: the same headings, tables and findings', () => {
      assert.strictEqual(one.includes('\n'), false);
      assert.deepStrictEqual(numbers(one), numbers(lines));
      assert.deepStrictEqual(check(one, OPTIONS).model.sections.map((s) => s.text), check(lines, OPTIONS).model.sections.map((s) => s.text));
      expectNoFindings(one, ['error', 'warning']);
    });

    it('headings that are near misses of the wording are cut where they end, as on their own lines', () => {
      // A word added (的), a typo (行政法复议) and a last word put for another (举措): each heading
      // runs straight into what follows it (a subheading, a table's header, a sentence).
      let near = lines;
      for (const [a, b] of [
        ['二、主动公开政府信息情况', '二、主动公开政府信息的情况'],
        ['四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政法复议、行政诉讼情况'],
        ['五、存在的主要问题及改进情况', '五、存在的主要问题及改进举措'],
      ]) near = replaceOnce(near, a, b);
      const oneNear = near.split('\n').join('');
      const said = (text: string) => findings(text, OPTIONS, ['error', 'warning']).map((f) => [f.rule, f.message]);
      assert.deepStrictEqual(check(oneNear, OPTIONS).model.sections.map((s) => s.text), check(near, OPTIONS).model.sections.map((s) => s.text));
      assert.deepStrictEqual(said(oneNear), said(near));
      assert.deepStrictEqual(numbers(oneNear), numbers(lines));
      assert.deepStrictEqual(said(near).map(([rule]) => rule), ['section-heading', 'section-heading', 'section-heading']);
    });

    it('a line that only lists the headings (a table of contents, a sentence) is not cut', () => {
      const toc = `目录：一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况……3\n${lines}`;
      const sentence = `本报告分为一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。\n${lines}`;
      for (const text of [toc, sentence]) {
        assert.deepStrictEqual(check(text, OPTIONS).model.sections.map((s) => s.span.start - text.indexOf('\n') - 1), check(lines, OPTIONS).model.sections.map((s) => s.span.start));
      }
    });

    it('digits written together are cells where their count decides, or the table’s sums confirm one way only', () => {
      // 国家秘密0000000: seven digits, seven cells. 302101034: nine digits, and only 30 2 1 0 1 0 34 makes the table add up.
      const glued = replaceOnce(one.replace(/ 0 0 0 0 0 0 0/g, '0000000'), '数量 30 2 1 0 1 0 34', '数量302101034');
      assert.ok(glued.includes('1.属于国家秘密00000002.其他法律行政法规禁止公开0000000'));
      assert.deepStrictEqual(numbers(glued), numbers(lines));
      expectNoFindings(glued, ['error', 'warning']);
      // White space between a label and its digits (where the page had its cells' markup) changes nothing.
      const spaced = replaceOnce(glued, '1.属于国家秘密0000000', '1.属于国家秘密          0000000');
      assert.deepStrictEqual(numbers(spaced), numbers(lines));
      // Seven digits for seven cells: a wrong total is still a wrong total.
      const wrong = replaceOnce(one.replace(/ 0 0 0 0 0 0 0/g, '0000000'), '1.属于国家秘密0000000', '1.属于国家秘密0000001');
      assert.deepStrictEqual(findings(wrong).filter((f) => f.severity === 'error').map((f) => f.rule).sort(), ['results-total', 'row-total']);
      // A table whose cells only its sums could tell is not read when they do not hold: said once.
      const doubted = replaceOnce(glued, '1.属于国家秘密0000000', '1.属于国家秘密0000001');
      assert.deepStrictEqual(findings(doubted).filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.rule), ['table-layout']);
    });

    it('digits that can make a row more than one way: one table-layout for that table, nothing else', () => {
      const glued = replaceOnce(one, '行政规范性文件 8 5 26', '行政规范性文件8526');
      const got = findings(glued).filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepStrictEqual(
        got.map((f) => [f.rule, f.message]),
        [['table-layout', 'tableLayoutGlued(count=1, table=@table.t2)']],
      );
      assert.strictEqual(check(glued, OPTIONS).model.tables.t2, undefined);
      // Six digits for seven cells: which one is blank is not known.
      const short = replaceOnce(one.replace(/ 0 0 0 0 0 0 0/g, '0000000'), '1.属于国家秘密0000000', '1.属于国家秘密000000');
      assert.deepStrictEqual(
        findings(short).filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.rule),
        ['table-layout'],
      );
    });
  });

  it('a wrong total written in full-width digits is caught and quoted as written', () => {
    const text = loadFixture('shape-fullwidth-digits.txt').text;
    const bad = replaceOnce(text, '３１ ２ １ ０ １ ０ ３５', '３１ ２ １ ０ １ ０ ３６');
    const line = lineOf(bad, '３６');
    expectFindings(bad, [
      { rule: 'row-total', line, message: 'rowTotal(actual=３６, expected=35, parts=（31+2+1+1）, row=（七）总计)' },
      { rule: 'results-total', line, message: 'resultsTotal(actual=３６, col=总计, expected=35, parts=（11+4+1+3+1+4+1+10）)' },
      { rule: 'balance', line: lineOf(bad, '四、结转下年度') },
    ]);
  });

  it('the 2019 format is recognised as such, said once', () => {
    const f = loadFixture('old-template-2019.txt');
    assert.strictEqual(check(f.text, OPTIONS).template, '2019');
    expectFindings(f.text, f.expected);
    assert.deepStrictEqual(f.expected.map((e) => e.rule), ['old-template']);
  });

  describe('encodings and unreadable files (CLI)', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-shapes-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const seedText = () => fs.readFileSync(seedPath('001'), 'utf8');
    const problems = (out: string) =>
      (JSON.parse(out) as { files: { problems: unknown[] }[] }).files.map((f) => f.problems);

    it('GBK and UTF-16 (with BOM) files read like their UTF-8 original', () => {
      const utf8 = runCli(['check', '--format', 'json', ...CLI_OFF, seedPath('001')]);
      assert.strictEqual(utf8.code, 1);
      const gbk = path.join(dir, 'gbk.txt');
      fs.writeFileSync(gbk, iconv.encode(seedText(), 'gbk'));
      const u16 = path.join(dir, 'utf16.txt');
      fs.writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seedText(), 'utf-16le')]));
      const u16be = path.join(dir, 'utf16be.txt');
      fs.writeFileSync(u16be, Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(seedText(), 'utf-16be')]));
      const bom = path.join(dir, 'bom.txt');
      fs.writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seedText(), 'utf8')]));
      for (const f of [gbk, u16, u16be, bom]) {
        const r = runCli(['check', '--format', 'json', ...CLI_OFF, f]);
        assert.strictEqual(r.code, 1, f);
        assert.deepStrictEqual(problems(r.stdout), problems(utf8.stdout), f);
      }
    });

    it('empty, blank and binary files: a one-line reason on stderr, exit 2, no stack trace', () => {
      const files: [string, Buffer, string][] = [
        ['empty.txt', Buffer.alloc(0), '空文件，没有可检查的内容'],
        ['blank.txt', Buffer.from(' \n\t\n\n'), '空文件，没有可检查的内容'],
        ['binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x02]), '含有 NUL 字节（第 1 行，第 5 字节）：二进制文件，不是文本报告'],
      ];
      for (const [name, bytes, reason] of files) {
        const f = path.join(dir, name);
        fs.writeFileSync(f, bytes);
        const r = runCli(['check', f]);
        assert.strictEqual(r.code, 2, name);
        assert.strictEqual(r.stderr, `${f}: ${reason}\n`, name);
        assert.ok(!/\bat \S+ \(|Error:/.test(r.stdout + r.stderr), name);
      }
      const en = runCli(['check', '--locale', 'en', path.join(dir, 'binary.txt')]);
      assert.strictEqual(en.stderr, `${path.join(dir, 'binary.txt')}: contains a NUL byte (line 1, byte 5): binary, not a text report\n`);
    });
  });
});
