import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { check } from '../../../server/src/core';
import { FIXTURES, OPTIONS, SEEDS_DIR, expectFindings, findings, lineOf, replaceOnce } from '../helpers';

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

  it('PDF text without layout whose numbers stand apart from their labels: one warning per table, nothing else', () => {
    const text = layout('008_pingtan_guanweihuibangongshi_2025', 'pdf-raw.txt');
    const got = findings(text).filter((f) => LISTED.includes(f.severity));
    assert.deepStrictEqual(got.map((f) => [f.rule, f.message]), [
      ['table-layout', 'tableLayoutOrphans(count=8, table=@table.t3)'],
      ['table-layout', 'tableLayoutOrder(table=@table.t4)'],
    ]);
    assert.strictEqual(got[0].line, lineOf(text, '一、本年新收政府信息公开申请数量'));
    assert.strictEqual(check(text, OPTIONS).model.tables.t3, undefined);
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
    // The same table split in three groups of five under their own headers is read whole (005: a real error).
    const ok = layout('005_pingtan_xingzhengshenpi_2024', 'pdf-raw.txt');
    assert.deepStrictEqual(
      findings(ok).filter((f) => LISTED.includes(f.severity)).map((f) => [f.rule, f.message]),
      [['review-total', 'reviewTotal(actual=0, expected=1, group=行政复议, parts=)']],
    );
  });
});

