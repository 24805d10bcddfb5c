/**
 * Regressions found by property runs and review.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { check, fixAll, looksLikeReport } from '../../server/src/core';
import { layoutFile } from '../corpus/compare';
import { FIXTURES, OPTIONS, checkFixture, loadFixture, problemsOf, replaceOnce, said, seed, seed001Complete } from './helpers';

describe('regressions: moved rows, table 四 spans, recomputes that would break a sum', () => {
  it('a row moved above its place (四、结转下年度 right after （一）) does not make the rows below “missing”', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const row = '四、结转下年度继续办理 1 0 0 0 0 0 1\n';
    const moved = replaceOnce(replaceOnce(base, row, ''), '（一）予以公开 10 1 0 0 0 0 11\n', '（一）予以公开 10 1 0 0 0 0 11\n' + row);
    assert.deepStrictEqual(problemsOf(moved, 'missing-row').map((p) => said(p.message)), []);
    assert.strictEqual(check(moved, OPTIONS).model.tables.t3!.rows.length, 25);
    assert.ok(fixAll(moved, OPTIONS).split('\n').length <= moved.split('\n').length);
  });

  it('fixAll is idempotent when a row label is glued into another row (found by fast-check)', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const glued = replaceOnce(base, '6.属于四类过程性信息 0 0 0 0 0 0 0', '6.属于四类过程性信息 0 四、结转下年度继续办理0 0 0 0 0 0');
    const once = fixAll(glued, OPTIONS);
    assert.strictEqual(fixAll(once, OPTIONS), once);
  });

  it('missing-cell in table 四 points at the numbers, not at the header lines above them', () => {
    checkFixture('missing-cell-table4-ambiguous.txt', FIXTURES);
  });

  it('a preferred fix never breaks an identity that holds (a leaf row consistently off: recomputing （七） would break balance)', () => {
    checkFixture('results-total-consistent-leaf-row.md', FIXTURES);
  });

  it('a tab-indented row of space-separated cells is read (an inserted row in a tab-indented table)', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const indented = replaceOnce(base, '6.属于四类过程性信息 0 0 0 0 0 0 0', '\t6.属于四类过程性信息 0 0 0 0 0 0 0');
    const row = check(indented, OPTIONS).model.tables.t3!.rows.find((r) => r.key === 't3.r3.6');
    assert.ok(row, 'row 6.属于四类过程性信息 not read');
    assert.strictEqual(row.cells.length, 7);
    assert.deepStrictEqual(problemsOf(indented, 'missing-row'), []);
  });
});

describe('regressions: what makes a text a report', () => {
  it('a report whose first section runs past the start stays a report while its title is being retyped', () => {
    const text = seed('001');
    const one = text.indexOf('一、总体情况');
    const two = text.indexOf('二、主动公开政府信息情况');
    // The first section written out at length: the template's own phrases come only after 4,000 characters.
    const long = text.slice(0, two) + text.slice(one + '一、总体情况'.length, two).repeat(3) + text.slice(two);
    assert.ok(long.indexOf('二、主动公开政府信息情况') > 4000);
    // The title (the first line) with a word typed into it.
    const retyped = long.replace('政府信息公开工作年度报告', '政府信息公政府开工作年度报告');
    assert.ok(looksLikeReport(long));
    assert.ok(looksLikeReport(retyped), 'the title half-typed');
    assert.ok(!looksLikeReport('会议纪要\n' + '今天讨论了明年的工作安排。\n'.repeat(400)), 'a long text that is no report');
  });
});

describe('regressions: a row that holds another row\'s numbers', () => {
  it('PDF text whose numbers follow their labels in a block: a row left without numbers makes the table unsure, not an extra-cell cascade', () => {
    // 002's PDF text (without layout) sets the last rows' numbers in one block after their labels;
    // with 1.属于国家秘密's seven numbers gone, 35 numbers were read into one row (extra-cell 42) and
    // five rows after it were reported missing.
    const lines = fs.readFileSync(layoutFile('002_pingtan_zone_2025', 'pdf-raw.txt'), 'utf8').split('\n');
    const at = lines.indexOf('1.属于国家秘密');
    let next = at + 1;
    while (/^\s*\d*\s*$/.test(lines[next])) next++;
    const text = [...lines.slice(0, at + 1), ...lines.slice(next)].join('\n');
    assert.deepStrictEqual(
      check(text)
        .problems.filter((p) => p.severity === 'error' || p.severity === 'warning')
        .map((p) => [p.rule, said(p.message)]),
      [['table-layout', 'tableLayoutWidths(count=2, table=@table.t3)']],
    );
  });
});

describe('regressions: table 四 set out a group a row', () => {
  const text = seed001Complete();
  const at = text.indexOf('四、政府信息公开行政复议');
  const end = text.indexOf('五、', at);
  const header = '四、政府信息公开行政复议、行政诉讼情况\n\n\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n';
  const withT4 = (rows: string) => text.slice(0, at) + header + rows + '\n' + text.slice(end);
  const findings = (t: string) => check(t).problems.map((p) => `${p.rule} ${said(p.message)}`);

  it('is read as the one row of the template: the same findings as the table as printed', () => {
    const rows = '行政复议\t6\t0\t4\t1\t11\n行政诉讼（未经复议直接起诉）\t1\t0\t0\t0\t1\n行政诉讼（复议后起诉）\t0\t1\t0\t0\t1\n';
    assert.deepStrictEqual(findings(withT4(rows)), findings(text));
    const broken = findings(withT4(rows.replace('1\t11', '1\t12')));
    assert.ok(broken.includes('review-total reviewTotal(actual=12, expected=11, group=行政复议, parts=（6+4+1）)'), broken.join('\n'));
  });

  it('with the two kinds of 行政诉讼 in the other order, it is not read', () => {
    const rows = '行政复议\t6\t0\t4\t1\t11\n行政诉讼（复议后起诉）\t0\t1\t0\t0\t1\n行政诉讼（未经复议直接起诉）\t1\t0\t0\t0\t1\n';
    assert.deepStrictEqual(
      findings(withT4(rows)).filter((f) => /^(table-layout|review-total|narrative-mismatch)/.test(f)),
      ['table-layout tableLayoutOrder(table=@table.t4)'],
    );
  });
});

describe('regressions: a list of contents (目录) before the sections', () => {
  it('is not taken for the sections: the findings and the sections are those of the body', () => {
    const text = seed('001');
    const at = text.indexOf('一、总体情况');
    const contents = '目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n\n';
    const listed = text.slice(0, at) + contents + text.slice(at);
    const said_ = (t: string) => check(t).problems.map((p) => `${p.rule} ${said(p.message)}`);
    assert.deepStrictEqual(said_(listed), said_(text));
    // The sections start where they did, past the list.
    const starts = (t: string) => check(t).model.sections.map((s) => s.span.start);
    assert.deepStrictEqual(starts(listed), starts(text).map((o) => o + contents.length));
  });
});
