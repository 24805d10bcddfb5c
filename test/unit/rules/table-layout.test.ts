import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { check } from '../../../server/src/core';
import { FIXTURES, OPTIONS, SEEDS_DIR, expectFindings, findings, lineOf, replaceOnce } from '../helpers';

const lineOfOffset = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

const layout = (report: string, name: string) => fs.readFileSync(path.join(FIXTURES, 'originals', report, name), 'utf8');
const seed = (name: string) => fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8');
const LISTED = ['error', 'warning'];

describe('rule table-layout (RPT020)', () => {
  it('PDF text whose totals sit on the line above their row: read in column order, no finding', () => {
    // 003's table 三 printed narrow: the total of （二）部分公开 is on the label's line, its other six numbers below.
    const text = layout('003_pingtan_jiaotongjianshe_2024', 'pdf-layout.txt');
    assert.deepStrictEqual(findings(text).filter((f) => LISTED.includes(f.severity)), []);
    const t3 = check(text, OPTIONS).model.tables.t3!;
    assert.deepStrictEqual(t3.rows.find((r) => r.key === 't3.r2')!.cells.map((c) => c.value), [3, 0, 0, 0, 0, 0, 3]);
  });

  it('PDF text without layout that takes one cell out of its row: the one place the sums allow, no finding', () => {
    // 008: the first cells of （一） and （二） come out beside their wrapped labels, ahead of the rows' other numbers
    // (8 7 0 0 0 0 0 8 0 0 0 0 0 7); table 四 comes out as 2 0 0 0 总计 2, each group's total under its own header.
    const text = layout('008_pingtan_guanweihuibangongshi_2025', 'pdf-raw.txt');
    // Every rule on: the text's 34 against the table's 32 is found only when table 三 is read.
    const got = findings(text, {}).filter((f) => LISTED.includes(f.severity));
    assert.deepStrictEqual(got.map((f) => [f.rule, f.message]), [['narrative-mismatch', 'narrativeMismatch(stated=34, table=32, where=@where.received)']]);
    const { t3, t4 } = check(text, OPTIONS).model.tables;
    const cells = (key: string) => t3!.rows.find((r) => r.key === key)!.cells;
    assert.deepStrictEqual(cells('t3.r1').map((c) => c.value), [8, 0, 0, 0, 0, 0, 8]);
    assert.deepStrictEqual(cells('t3.r2').map((c) => c.value), [7, 0, 0, 0, 0, 0, 7]);
    // The 7 is the one that stands among the label's pieces, two lines below the 8.
    assert.strictEqual(lineOfOffset(text, cells('t3.r2')[0].span.start), lineOf(text, '（二）部分公开（区分处理的，只计这一') + 1);
    assert.deepStrictEqual(t4!.rows[0].cells.map((c) => c.value), [2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // 003: the total of （二）部分公开, printed a line above its row, comes out rows later (after （四）2).
    const raw3 = layout('003_pingtan_jiaotongjianshe_2024', 'pdf-raw.txt');
    assert.deepStrictEqual(findings(raw3).filter((f) => LISTED.includes(f.severity)), []);
    const r2 = check(raw3, OPTIONS).model.tables.t3!.rows.find((r) => r.key === 't3.r2')!.cells;
    assert.deepStrictEqual(r2.map((c) => c.value), [3, 0, 0, 0, 0, 0, 3]);
    assert.strictEqual(lineOfOffset(raw3, r2[6].span.start), lineOf(raw3, '3.补正后申请') - 3);
  });

  it('a cell out of its row is not placed where no place makes the sums hold: one warning', () => {
    // 003's displaced total changed from 3 to 5: no single move makes table 三 add up.
    const raw3 = layout('003_pingtan_jiaotongjianshe_2024', 'pdf-raw.txt');
    const text = replaceOnce(raw3, '0\n\n3\n\n\n3.补正后申请', '0\n\n5\n\n\n3.补正后申请');
    const got = findings(text).filter((f) => LISTED.includes(f.severity));
    assert.deepStrictEqual(got.map((f) => [f.rule, f.message]), [['table-layout', 'tableLayoutOrphans(count=1, table=@table.t3)']]);
    assert.strictEqual(check(text, OPTIONS).model.tables.t3, undefined);
  });

  it('a cell out of its row that fits two places is not guessed: one warning', () => {
    // 008 with （一） all zeros and （二） 15 0 0 0 0 0 15: the text gives 15, thirteen numbers, 15. The first 15
    // may be （二）'s first cell set ahead of （一）'s zeros, or the last one （一）'s total: both add up.
    const text = layout('008_pingtan_guanweihuibangongshi_2025', 'pdf-raw.txt');
    const lines = text.split('\n');
    const at = lineOf(text, '（一）予以公开'); // 1-based: lines[at] is the line after it
    const set = (n: number, was: string, value: string) => {
      assert.strictEqual(lines[n], was);
      lines[n] = value;
    };
    set(at, '8', '15');
    set(at + 3, '7', '0');
    set(at + 16, '8', '0');
    set(at + 28, '7', '15');
    const got = findings(lines.join('\n')).filter((f) => LISTED.includes(f.severity));
    assert.deepStrictEqual(got.map((f) => [f.rule, f.message]), [['table-layout', 'tableLayoutOrphans(count=8, table=@table.t3)']]);
  });

  it('in rows written a line each, a number on the wrong line is not moved back: a missing and an extra cell', () => {
    // （一）'s total typed at the end of （二）'s line: the sums hold with it moved back, but the text is wrong.
    let text = seed('000_540e64cb95a423eb.txt');
    text = replaceOnce(text, '一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0', '一、本年新收政府信息公开申请数量 8 0 0 0 0 0 8');
    text = replaceOnce(text, '（一）予以公开 0 0 0 0 0 0 0', '（一）予以公开 5 0 0 0 0 0');
    text = replaceOnce(text, '形，不计其他情形）\n\n0 0 0 0 0 0 0', '形，不计其他情形）\n\n3 0 0 0 0 0 3 5');
    text = replaceOnce(text, '（七）总计 0 0 0 0 0 0 0', '（七）总计 8 0 0 0 0 0 8');
    const got = findings(text).filter((f) => LISTED.includes(f.severity));
    assert.deepStrictEqual(got.map((f) => [f.rule, f.line]), [
      ['missing-cell', lineOf(text, '（一）予以公开')],
      ['extra-cell', lineOf(text, '3 0 0 0 0 0 3 5')],
    ]);
  });

  it('labels apart from their numbers (converter Markdown): the numbers are lined up with the rows in order', () => {
    const text = layout('002_pingtan_zone_2025', 'markdown-split.md');
    assert.deepStrictEqual(findings(text).filter((f) => LISTED.includes(f.severity)), []);
    const t3 = check(text, OPTIONS).model.tables.t3!;
    const cells = (key: string) => t3.rows.find((r) => r.key === key)!.cells.map((c) => c.value);
    assert.deepStrictEqual(cells('t3.new'), [151, 3, 0, 0, 0, 0, 154]);
    assert.deepStrictEqual(cells('t3.next'), [4, 2, 0, 0, 0, 0, 6]);
    // Table 四 in three small tables, each under its own header.
    assert.deepStrictEqual(check(text, OPTIONS).model.tables.t4!.rows[0].cells.map((c) => c.value), [25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3]);
  });

  it('numbers lined up by order are not trusted when the table’s own sums do not hold', () => {
    // The same split Markdown with the first row's total changed: order alone cannot tell a wrong
    // total from a misread one, so the table is doubted rather than reported wrong.
    const text = replaceOnce(layout('002_pingtan_zone_2025', 'markdown-split.md'), '| 151 | 3 | 0 | 0 | 0 | 0 | 154 |', '| 151 | 3 | 0 | 0 | 0 | 0 | 155 |');
    const got = findings(text).filter((f) => LISTED.includes(f.severity));
    assert.deepStrictEqual(got.map((f) => f.rule), ['table-layout']);
  });

  it('a dropped cell in a table read row by row is still a missing-cell, not a doubt (seed 001)', () => {
    const text = seed('001_b58105edacdfa4c5.txt');
    const rules = findings(text).map((f) => f.rule);
    assert.ok(rules.includes('missing-cell'));
    assert.ok(!rules.includes('table-layout'));
  });

  it('a row under a garbled or wrapped label is read as that row (a label variant, never a missing row)', () => {
    const text = replaceOnce(seed('000_540e64cb95a423eb.txt'), '2.其他法律行政法规禁止公开 0 0 0 0 0 0 0', '2.其他法律行政止公开 0 0 0 0 0 0 0');
    expectFindings(text, [
      { rule: 'label-variant', line: lineOf(text, '3.危及“三安全-稳定”') },
      { rule: 'label-variant', line: lineOf(text, '2.其他法律行政止公开'), message: 'labelVariant(found=2.其他法律行政止公开, label=2.其他法律行政法规禁止公开)' },
    ]);
  });

  it('table 四 whose numbers a PDF interleaves with its vertical header text: doubted, not summed', () => {
    // 007 printed to PDF and extracted without layout: the header's characters and the numbers come out mixed.
    const text = layout('007_pingtan_shehuishiye_2023', 'pdf-raw.txt');
    const got = findings(text).filter((f) => LISTED.includes(f.severity));
    assert.deepStrictEqual(
      got.map((f) => [f.rule, f.message]),
      [
        ['missing-row', 'missingRow(row=规章, table=@table.t2)'],
        ['section-heading', 'sectionHeading(found=四、政府信息公开行政法复议、行政诉讼情况, heading=四、政府信息公开行政复议、行政诉讼情况)'],
        ['table-layout', 'tableLayoutOrder(table=@table.t4)'],
      ],
    );
    // 009: 未经复议直接起诉's four results come out before 行政复议's five, on the same printed line: the
    // total after them, under its own header, does not make them a group.
    const raw9 = layout('009_pingtan_shehuishiye_2025', 'pdf-raw.txt');
    assert.deepStrictEqual(findings(raw9).filter((f) => f.rule === 'table-layout').map((f) => f.message), ['tableLayoutOrder(table=@table.t4)']);
    // Four results, then one number under any other header than the total's: not a group either.
    const raw8 = replaceOnce(layout('008_pingtan_guanweihuibangongshi_2025', 'pdf-raw.txt'), '0\n\n总计\n\n2\n', '0\n\n其他\n\n2\n');
    assert.deepStrictEqual(findings(raw8).filter((f) => f.rule === 'table-layout').map((f) => f.message), ['tableLayoutOrder(table=@table.t4)']);
    // The same table split in three groups of five under their own headers is read whole (005: a real error).
    const ok = layout('005_pingtan_xingzhengshenpi_2024', 'pdf-raw.txt');
    assert.deepStrictEqual(
      findings(ok).filter((f) => LISTED.includes(f.severity)).map((f) => [f.rule, f.message]),
      [['review-total', 'reviewTotal(actual=0, expected=1, group=行政复议, parts=)']],
    );
  });

  it('numbers under a header from which not one row can be read (cells written 58个): doubted, never “没有数据”', () => {
    const base = fs.readFileSync(path.join(FIXTURES, 'shape-spaces.txt'), 'utf8');
    const start = base.indexOf('一、本年新收');
    const end = base.indexOf('四、政府信息公开行政复议');
    const text = base.slice(0, start) + base.slice(start, end).replace(/ (\d+)(?= |\n)/g, ' $1个') + base.slice(end);
    expectFindings(text, [{ rule: 'table-layout', line: lineOf(text, '（本列数据的勾稽关系'), message: 'tableLayoutUnread(table=@table.t3)' }]);
  });

  it('a table whose header is worded past recognition, its numbers set out in its section (a grid table): one warning at the heading, never missing-table', () => {
    const page = layout('001_pingtan_zone_2023', 'markdown-grid.md');
    const from = page.indexOf('## 三、');
    const to = page.indexOf('## 四、');
    const text = page.slice(0, from) + page.slice(from, to).replace(/新收/g, '新增').replace(/勾稽关系/g, '勾稽联系') + page.slice(to);
    assert.deepStrictEqual(
      findings(text).filter((f) => LISTED.includes(f.severity)).map((f) => [f.rule, f.line, f.message]),
      [['table-layout', lineOf(text, '## 三、'), 'tableLayoutUnanchored(table=@table.t3)']],
    );
  });
});
