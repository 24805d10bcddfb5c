import * as assert from 'assert';
import { checkFixture, expectFindings, lineOf, loadFixture, problemsOf, replaceOnce, said } from '../helpers';

describe('rule label-variant (RPT015)', () => {
  it('row labels that drift from the template (seen in real reports) are infos with a preferred fix to the template label', () => {
    const f = checkFixture('label-variant-rows.txt');
    const ps = problemsOf(f.text, 'label-variant');
    assert.deepStrictEqual(ps.map((p) => [said(p.message), p.severity, said(p.fixes[0].title), p.fixes[0].preferred]), [
      ['labelVariant(found=规范性文件, label=行政规范性文件)', 'info', 'fixLabel(label=行政规范性文件)', true],
      ['labelVariant(found=2.其他法律和行政法规禁止公开, label=2.其他法律行政法规禁止公开)', 'info', 'fixLabel(label=2.其他法律行政法规禁止公开)', true],
      ['labelVariant(found=3.危及“三安全-稳定”, label=3.危及“三安全一稳定”)', 'info', 'fixLabel(label=3.危及“三安全一稳定”)', true],
      [
        'labelVariant(found=1.申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请, label=1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请)',
        'info',
        'fixLabel(label=1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请)',
        true,
      ],
      ['labelVariant(found=四、结转下年继续办理, label=四、结转下年度继续办理)', 'info', 'fixLabel(label=四、结转下年度继续办理)', true],
    ]);
    assert.deepStrictEqual(ps.map((p) => f.text.slice(p.span.start, p.span.end)), ['规范性文件', '2.其他法律和行政法规禁止公开', '3.危及“三安全-稳定”', '1.申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请', '四、结转下年继续办理']);
  });

  it('the column 社会组织 for 社会公益组织', () => {
    const f = checkFixture('label-variant-column.txt');
    const [p] = problemsOf(f.text, 'label-variant');
    assert.strictEqual(said(p.message), 'columnVariant(found=社会组织, label=社会公益组织)');
    assert.strictEqual(f.text.slice(p.span.start, p.span.end), '社会组织');
  });

  it('a column label worded otherwise is named by its place between its neighbours’ labels, in every header shape', () => {
    const f = loadFixture('label-variant-column.txt');
    const header = '商业企业\t科研机构\t社会组织\t法律服务机构\t其他';
    const cells = ['商业企业', '科研机构', '社会公益组织', '律师事务所', '其他'];
    // Tabs, spaces, `|` rows, one cell per line (each line a cell: the cells are read in order).
    for (const shape of [cells.join('\t'), cells.join(' '), `| ${cells.join(' | ')} |`, cells.join('\n'), cells.map((c) => `${c} |`).join('\n')]) {
      const text = replaceOnce(f.text, header, shape);
      const ps = problemsOf(text, 'label-variant');
      assert.deepStrictEqual(ps.map((p) => said(p.message)), ['columnVariant(found=律师事务所, label=法律服务机构)'], shape);
      assert.strictEqual(text.slice(ps[0].span.start, ps[0].span.end), '律师事务所');
    }
    // Not between two known labels: a note after the last column, a label broken in two, a
    // header that names no column: nothing is said.
    for (const shape of ['商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t（单位：件）', '商业企业\t科研机构\t社会公\t益组织\t法律服务机构\t其他', '数据1\t数据2\t数据3\t数据4\t数据5']) {
      assert.deepStrictEqual(problemsOf(replaceOnce(f.text, header, shape), 'label-variant'), [], shape);
    }
  });

  it('a variant label wrapped over two lines is reported without a fix', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const text = replaceOnce(base, '3.危及“三安全一稳定” 0 0 0 0 0 0 0', '3.危及“三安全-\n稳定” 0 0 0 0 0 0 0');
    expectFindings(text, [{ rule: 'label-variant', line: lineOf(text, '3.危及'), message: 'labelVariant(found=3.危及“三安全-稳定”, label=3.危及“三安全一稳定”)' }]);
    assert.deepStrictEqual(problemsOf(text, 'label-variant')[0].fixes, []);
  });

  it('a label wrapped in its narrow cell (PDF text with its layout: the rest below the row’s numbers) is the template’s label', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const wrapped = replaceOnce(base, '1.属于国家秘密 0 0 0 0 0 0 0', '1.属于国家秘   0 0 0 0 0 0 0\n             密\n');
    assert.deepStrictEqual(problemsOf(wrapped, 'label-variant'), []);
    const twoLines = replaceOnce(base, '2.其他法律行政法规禁止公开 0 0 0 0 0 0 0', '2.其他法律行   0 0 0 0 0 0 0\n             政法规禁止公\n             开\n');
    assert.deepStrictEqual(problemsOf(twoLines, 'label-variant'), []);
    // Pieces of the group label in the column to its left before it, the rest between and below the row's numbers.
    const group = replaceOnce(base, '（四）无法提供\n1.本机关不掌握相关政府信息 2 0 0 0 1 0 3', '（四）无法 1.本机关不掌   2 0 0 0 1 0 3\n提供       握相关政府信\n           息\n');
    assert.deepStrictEqual(problemsOf(group, 'label-variant'), []);
    const between = replaceOnce(
      base,
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 3 0 1 0 0 0 4',
      '（二）部分公开（区分处理                        4\n的，只计这一情形，不计其 3 0 1 0 0 0\n他情形）\n',
    );
    assert.deepStrictEqual(problemsOf(between, 'label-variant'), []);
    // With nothing of the rest below it, the short label is a wording of its own.
    const short = replaceOnce(base, '1.属于国家秘密 0 0 0 0 0 0 0', '1.属于国家秘 0 0 0 0 0 0 0');
    assert.deepStrictEqual(problemsOf(short, 'label-variant').map((p) => said(p.message)), ['labelVariant(found=1.属于国家秘, label=1.属于国家秘密)']);
    // Nor is a head above the table’s first row looked for in the text before the table.
    const first = replaceOnce(
      replaceOnce(base, '规章 0 0 0\n行政规范性文件 8 5 26', '规范性文件 8 5 26\n规章 0 0 0'),
      '第二十条第（一）项',
      '本年制发的行政规范性文件见下表。\n第二十条第（一）项',
    );
    assert.ok(problemsOf(first, 'label-variant').some((p) => said(p.message) === 'labelVariant(found=规范性文件, label=行政规范性文件)'));
  });

  it('no finding on template labels, with or without spaces after the list marker', () => {
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-pipes.md', 'shape-cell-per-line.txt', 'shape-pdf-wrapped.txt']) {
      assert.deepStrictEqual(problemsOf(loadFixture(name).text, 'label-variant'), [], name);
    }
    const spaced = replaceOnce(loadFixture('shape-spaces.txt').text, '1.属于国家秘密 0', '1. 属于国家秘密 0');
    assert.deepStrictEqual(problemsOf(spaced, 'label-variant'), []);
  });
});
