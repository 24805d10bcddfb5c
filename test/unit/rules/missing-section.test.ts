import * as assert from 'assert';
import { applyEdits, check } from '../../../server/src/core';
import { SECTIONS } from '../../../server/src/core/template';
import { OPTIONS, SEED_IDS, checkFixture, expectFindings, loadFixture, problemsOf, replaceOnce, seed, said } from '../helpers';

const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
const NUMERALS = ['一', '二', '三', '四', '五', '六'];

describe('rule missing-section (RPT010)', () => {
  it('section 五 gone: reported on the next heading, the heading is inserted before it', () => {
    const f = checkFixture('missing-section-five.txt');
    const [p] = problemsOf(f.text, 'missing-section');
    assert.strictEqual(said(p.message), 'missingSection(heading=五、存在的主要问题及改进情况, numeral=五)');
    assert.deepStrictEqual(p.fixes.map((x) => [said(x.title), x.preferred]), [['fixInsertSection(heading=五、存在的主要问题及改进情况)', true]]);
  });

  it('the last section gone after text of 五: where it starts cannot be told; offered (not preferred) before the closing signature, with the document’s heading marks', () => {
    const f = checkFixture('missing-section-six.txt');
    const [p] = problemsOf(f.text, 'missing-section');
    assert.strictEqual(said(p.message), 'missingSection(heading=六、其他需要报告的事项, numeral=六)');
    assert.deepStrictEqual(p.fixes.map((x) => [said(x.title), x.preferred]), [['fixInsertSectionBefore(heading=六、其他需要报告的事项, line=示例县民政局)', false]]);
    assert.deepStrictEqual(p.fixes[0].edits.map((e) => e.newText), ['## 六、其他需要报告的事项\n\n']);
  });

  for (const id of SEED_IDS) {
    it(`seed ${id}: each of the six headings deleted in turn gives exactly one missing-section, and its fix brings the section back (preferred where the section's start is known)`, () => {
      const text = seed(id);
      const sections = check(text, OPTIONS).model.sections;
      assert.strictEqual(sections.length, 6);
      for (const s of sections) {
        const cut = text.slice(0, s.span.start) + text.slice(s.span.end);
        const ps = problemsOf(cut, 'missing-section');
        assert.deepStrictEqual(
          ps.map((p) => said(p.message)),
          [`missingSection(heading=${HEADINGS[s.index - 1]}, numeral=${NUMERALS[s.index - 1]})`],
          `seed ${id}, heading ${s.index} (${s.text})`,
        );
        const [fix] = ps[0].fixes;
        // 一 follows the title's preamble and 六 the text of 五: where they start cannot be told. Seed
        // 003 has 三 before 二, so 二's content cannot be told from 一's either.
        assert.strictEqual(fix.preferred, s.index >= 2 && s.index <= 5 && !(id === '003' && s.index === 2), `seed ${id}, heading ${s.index}`);
        assert.strictEqual(fix.edits.length, 1);
        assert.ok(fix.edits[0].newText.includes(HEADINGS[s.index - 1]));
        const fixed = applyEdits(cut, fix.edits);
        assert.deepStrictEqual(problemsOf(fixed, 'missing-section'), [], `seed ${id}, heading ${s.index} after the fix`);
        assert.deepStrictEqual(
          check(fixed, OPTIONS).model.sections.map((x) => x.index).sort(),
          [1, 2, 3, 4, 5, 6],
        );
      }
    });
  }

  it('the line before the closing date is the signature when it has no sentence punctuation, however long the names', () => {
    const f = loadFixture('missing-section-six.txt');
    const joint = '示例县民政局　示例县政务公开工作领导小组办公室　示例县数据资源管理局';
    const long = replaceOnce(f.text, '\n示例县民政局\n', `\n${joint}\n`);
    assert.ok(joint.length > 30);
    const [p] = problemsOf(long, 'missing-section');
    assert.deepStrictEqual(p.fixes.map((x) => said(x.title)), [`fixInsertSectionBefore(heading=六、其他需要报告的事项, line=${joint.slice(0, 16)}…)`]);
    // A last line of text with a clause's punctuation is the body's, not a name: the heading goes before the date.
    const sentence = replaceOnce(f.text, '\n示例县民政局\n', '\n下一步，本机关将继续加强政府信息公开工作\n');
    assert.deepStrictEqual(problemsOf(sentence, 'missing-section')[0].fixes.map((x) => said(x.title)), ['fixInsertSectionBefore(heading=六、其他需要报告的事项, line=2025年1月10日)']);
  });

  it('a table header of one cell a line, however many lines it takes, is the table’s: the next heading goes after the table', () => {
    // Seed 000's table 三 header is PDF text, a word a line with blank lines between; wider spacing
    // puts its first line (the corner text) more lines above the first row than any fixed window.
    const text = seed('000');
    const corner = text.indexOf('（本列数据的勾稽关系为');
    const firstRow = text.indexOf('一、本年新收');
    assert.ok(corner > 0 && firstRow > corner);
    const spaced = text.slice(0, corner) + text.slice(corner, firstRow).replace(/\n\n/g, '\n\n\n\n') + text.slice(firstRow);
    const four = check(spaced, OPTIONS).model.sections.find((x) => x.index === 4)!;
    const cut = spaced.slice(0, four.span.start) + spaced.slice(four.span.end);
    const [p] = problemsOf(cut, 'missing-section');
    assert.strictEqual(said(p.message), 'missingSection(heading=四、政府信息公开行政复议、行政诉讼情况, numeral=四)');
    const fixed = applyEdits(cut, p.fixes[0].edits);
    const t3 = check(fixed, OPTIONS).model.tables.t3!;
    assert.ok(fixed.indexOf('四、政府信息公开行政复议') > t3.span.end);
    assert.ok(fixed.indexOf('四、政府信息公开行政复议') > fixed.indexOf('（本列数据的勾稽关系为'));
  });

  it('after a heading wrapped onto two lines, a missing heading goes where it would without the wrap', () => {
    const base = loadFixture('shape-spaces.txt').text;
    const without = (t: string) => replaceOnce(t, '三、收到和处理政府信息公开申请情况\n', '');
    const wrapped = without(replaceOnce(base, '二、主动公开政府信息情况', '二、主动公开政府信\n息情况'));
    const [p] = problemsOf(wrapped, 'missing-section');
    assert.strictEqual(wrapped.slice(p.span.start, p.span.end), '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    const [q] = problemsOf(without(base), 'missing-section');
    assert.strictEqual(without(base).slice(q.span.start, q.span.end), wrapped.slice(p.span.start, p.span.end));
  });

  it('no finding on complete reports, and none on a text that is not a report', () => {
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-pipes.md', 'shape-cell-per-line.txt', 'shape-section-name-in-sentence.txt']) {
      assert.deepStrictEqual(problemsOf(loadFixture(name).text, 'missing-section'), [], name);
    }
    expectFindings('今天天气很好。\n我们去公园散步。\n', [{ rule: 'title', line: 1, message: 'notReport' }]);
  });

  it('every wording of the template, numbered or bare, is read as its section (no pre-filter drifts from the data)', () => {
    const base = loadFixture('shape-spaces.txt').text;
    for (const s of SECTIONS) {
      for (const w of [s.canonical, ...s.variants]) {
        for (const line of [`${s.numeral}、${w}`, w]) {
          const text = replaceOnce(base, `\n${HEADINGS[s.index - 1]}\n`, `\n${line}\n`);
          assert.deepStrictEqual(problemsOf(text, 'missing-section'), [], line);
          assert.deepStrictEqual(check(text, OPTIONS).model.sections.map((x) => x.index), [1, 2, 3, 4, 5, 6], line);
        }
      }
    }
  });
});
