import * as assert from 'assert';
import { fixAll } from '../../../server/src/core';
import { checkFixture, expectFindings, lineAt, lineOf, loadFixture, OPTIONS, problemsOf, replaceOnce, seed, said } from '../helpers';

const LEAVES = [
  '（一）予以公开',
  '（二）部分公开',
  '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '1.申请人无正当理由逾期不补正',
  '2.申请人逾期未按收费通知要求缴纳费用',
];

describe('rule results-total (RPT002)', () => {
  it('（七）总计 differs from the 21 result rows: message with the parts, related cells on every leaf row', () => {
    const f = checkFixture('results-total-total-cell.md');
    const [p] = problemsOf(f.text, 'results-total');
    assert.strictEqual(said(p.message), 'resultsTotal(actual=30, col=自然人, expected=31, parts=（10+3+1+2+1+4+1+9）)');
    assert.strictEqual(p.severity, 'error');
    assert.strictEqual(f.text.slice(p.span.start, p.span.end), '30');
    assert.strictEqual(lineAt(f.text, p.span.start), lineOf(f.text, '| （七）总计 |'));
    // Related: the 21 parts (the total is where the problem is). Each points at the 自然人 cell (first number) of its leaf row, in template order.
    const lines = f.text.split('\n');
    const at = (o: number) => lineAt(f.text, o) - 1;
    const leafLines = [...LEAVES, '3.其他'].map((l) => lines.findIndex((x) => x.startsWith(`| ${l}`)));
    assert.ok(leafLines.every((n) => n > 0));
    assert.deepStrictEqual(p.related.map((r) => at(r.span.start)), leafLines);
    for (const r of p.related) {
      const line = lines[at(r.span.start)];
      const firstNumber = line.split('|')[2].trim();
      assert.strictEqual(f.text.slice(r.span.start, r.span.end), firstNumber);
    }
    assert.strictEqual(said(p.related[20].message), 'relatedPart(cell=（六）3.其他·自然人, value=9)');
    assert.deepStrictEqual(p.fixes.map((x) => [said(x.title), x.preferred]), [['fixRecompute(cell=（七）总计·自然人, value=31)', true]]);
  });

  it('fix: the preferred fix restores the broken total and the fixed text has no results-total', () => {
    const f = loadFixture('results-total-total-cell.md');
    const fixed = fixAll(f.text, OPTIONS);
    assert.strictEqual(fixed, f.fixed);
    assert.deepStrictEqual(problemsOf(fixed, 'results-total'), []);
  });

  it('the old single （六）其他处理 row stands for its three rows (19 result rows)', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const a = base.indexOf('（六）其他处理\n');
    const b = base.indexOf('（七）总计');
    const old = base.slice(0, a) + '（六）其他处理 10 1 0 0 0 0 11\n' + base.slice(b);
    expectFindings(old, []);
    const bad = replaceOnce(old, '（七）总计 31', '（七）总计 32');
    const [p] = problemsOf(bad, 'results-total');
    assert.strictEqual(said(p.message), 'resultsTotal(actual=32, col=自然人, expected=31, parts=（10+3+1+2+1+4+10）)');
    assert.strictEqual(p.related.length, 19);
  });

  it('is not evaluated while a result row is missing a cell (seed 001 as published)', () => {
    const bad = replaceOnce(seed('001'), '（七）总计 29 0 0 0 0 0 29', '（七）总计 28 0 0 0 0 0 29');
    assert.deepStrictEqual(problemsOf(bad, 'results-total'), []);
    assert.strictEqual(problemsOf(bad, 'row-total').length, 1);
  });

  it('no finding on correct tables in every shape', () => {
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-pipes.md', 'shape-cell-per-line.txt', 'shape-pdf-wrapped.txt']) {
      assert.deepStrictEqual(problemsOf(loadFixture(name).text, 'results-total'), [], name);
    }
  });
});
