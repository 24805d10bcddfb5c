import * as assert from 'assert';
import fc from 'fast-check';
import { MISNUMBERED, NEAR_MISS, headingKey, numberedBody, parse } from '../../server/src/core/parse';
import { OUTLINE_2008, SECTIONS, T3, T3_GROUPS } from '../../server/src/core/template';
import { similarityAtLeast } from '../../server/src/core/text';
import { FC_SEED } from './helpers';

/** The numbered-heading pattern `numberedBody` reads: numeral, a separator or white space, then the body. */
const NUMBERED = /^([一二三四五六])(?:\s*[、.．,，]|\s)\s*(.*)$/;

describe('numberedBody', () => {
  it('finds the body where the numbered-heading pattern does', () => {
    const pieces = ['一', '三', '六', '七', '、', '.', '．', ',', '，', ' ', '\t', '\u3000', '\u2003', '\u00a0', '\ufeff', '\n', '\r', '\u2028', '\u2029', '总体情况', '其他', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (xs) => {
        const h = xs.join('');
        const m = NUMBERED.exec(h);
        assert.strictEqual(numberedBody(h), m ? h.length - m[2].length : -1, JSON.stringify(h));
      }),
      { numRuns: 5000, seed: FC_SEED },
    );
  });

  it('reads the usual forms', () => {
    assert.strictEqual(numberedBody('一、总体情况'), 2);
    assert.strictEqual(numberedBody('三 ， 收到和处理'), 4);
    assert.strictEqual(numberedBody('一 总体情况'), 2);
    assert.strictEqual(numberedBody('一　总体情况'), 2);
    assert.strictEqual(numberedBody('一总体情况'), -1);
    assert.strictEqual(numberedBody('七、其他'), -1);
    assert.strictEqual(numberedBody('总体情况'), -1);
  });
});

describe('headings numbered 1 … 6, or 第一部分 … 第六部分', () => {
  const headingsOf = (line: string) => parse(`${line}\n`).headings.map((h) => [h.index, h.canonical]);

  it('an exact wording under its own number is that section, not canonical (the template numbers them 一、)', () => {
    assert.deepStrictEqual(headingsOf('1．总体情况'), [[1, false]]);
    assert.deepStrictEqual(headingsOf('## 2. 主动公开政府信息情况'), [[2, false]]);
    assert.deepStrictEqual(headingsOf('5、存在的主要问题及改进措施'), [[5, false]]);
    // Full-width digits (a full-width input mode), bare or marked, as ASCII ones.
    assert.deepStrictEqual(headingsOf('１．总体情况'), [[1, false]]);
    assert.deepStrictEqual(headingsOf('# ３、收到和处理政府信息公开申请情况'), [[3, false]]);
    assert.deepStrictEqual(headingsOf('２．总体情况'), []);
  });

  it('a wording under another number, a near miss, or a table row numbered so is none', () => {
    assert.deepStrictEqual(headingsOf('2．总体情况'), []);
    assert.deepStrictEqual(headingsOf('6．他需要报告的事项'), []);
    assert.deepStrictEqual(headingsOf('1.属于国家秘密'), []);
    assert.deepStrictEqual(headingsOf('3.其他 0 0 0 0 0 0 0'), []);
  });

  it('a part under its own number with an exact wording is that section, not canonical; any other 第… line is none', () => {
    assert.deepStrictEqual(headingsOf('第一部分 总体情况'), [[1, false]]);
    assert.deepStrictEqual(headingsOf('**第二部分：主动公开政府信息情况**'), [[2, false]]);
    assert.deepStrictEqual(headingsOf('第 3 部分、收到和处理政府信息公开申请情况'), [[3, false]]);
    assert.deepStrictEqual(headingsOf('第四部分　政府信息公开行政复议、行政诉讼情况'), [[4, false]]);
    assert.deepStrictEqual(headingsOf('第二部分 总体情况'), []);
    assert.deepStrictEqual(headingsOf('第一部分 总体'), []);
    assert.deepStrictEqual(headingsOf('第二十条第（一）项'), []);
    assert.deepStrictEqual(headingsOf('第一部分 总体情况。'), []);
  });
});

describe('heading similarity: the numbers and the real lines on either side of them', () => {
  const wordings = [
    ...SECTIONS.flatMap((s) => [s.canonical, ...s.variants].map((w) => ({ index: s.index, n: headingKey(w) }))),
    ...OUTLINE_2008.flatMap((o) => o.wordings.map((w) => ({ index: o.section, n: headingKey(w) }))),
  ];
  /** The most similar wording to a numbered line's body, and how similar. */
  const nearest = (line: string) => {
    const body = headingKey(line.slice(numberedBody(line)));
    let best = { index: -1, sim: 0 };
    for (const w of wordings) {
      const sim = similarityAtLeast(w.n, body, 0);
      if (sim > best.sim) best = { index: w.index, sim };
    }
    return best;
  };
  const headingOf = (line: string) => parse(`${line}\n`).headings.map((h) => h.index);

  it(`under its own numeral a near miss is a heading from ${NEAR_MISS} on`, () => {
    // A 2014 report's 三 (2008 outline): 0.59 like 收到和处理政府信息公开申请情况.
    const line = '三、政府信息依申请公开办理情况';
    const { index, sim } = nearest(line);
    assert.deepStrictEqual([index, sim >= NEAR_MISS, sim < MISNUMBERED], [3, true, true]);
    assert.deepStrictEqual(headingOf(line), [3]);
    // A 2025 report's fee table as its 五: 0.43 like the 2008 outline's fees section, no heading.
    const fees = '五、信息处理费收取情况';
    assert.ok(nearest(fees).sim < NEAR_MISS);
    assert.deepStrictEqual(headingOf(fees), []);
  });

  it('table 三’s rows and groups numbered as headings are (一、本年新收… 0.64 like a heading) are no headings, as the template words them', () => {
    const numbered = [...T3.rows.map((r) => r.label), ...Object.values(T3_GROUPS)].filter((l) => numberedBody(l) >= 0);
    assert.deepStrictEqual(numbered, ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '四、结转下年度继续办理', '三、本年度办理结果']);
    assert.ok(nearest(numbered[0]).sim >= MISNUMBERED);
    for (const label of numbered) assert.deepStrictEqual(headingOf(label), [], label);
  });

  it(`under another section's numeral a near miss is a heading from ${MISNUMBERED} on`, () => {
    // The same 2014 report's 六 is the 2021 template's 五: 0.9 alike.
    const line = '六、政府信息公开工作存在的主要问题及改进措施';
    const { index, sim } = nearest(line);
    assert.deepStrictEqual([index, sim >= MISNUMBERED], [5, true]);
    assert.deepStrictEqual(headingOf(line), [5]);
    // The sub-heads of 总体情况 the template names, numbered 一、… instead of （一）…: 0.5 to 0.57
    // like the wording of another section, and no heading.
    for (const sub of ['一、主动公开', '三、政府信息管理', '四、政府信息公开平台建设']) {
      const near = nearest(sub);
      assert.ok(near.sim >= NEAR_MISS && near.sim < MISNUMBERED && near.index !== SECTIONS.find((s) => s.numeral === sub[0])!.index, sub);
      assert.deepStrictEqual(headingOf(sub), [], sub);
    }
  });
});
