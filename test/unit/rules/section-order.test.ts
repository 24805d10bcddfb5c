import * as assert from 'assert';
import { checkFixture, loadFixture, problemsOf, seed, said } from '../helpers';

describe('rule section-order (RPT012)', () => {
  it('二 after 三: reported on 二 with 三 as the related place; no fix', () => {
    const f = checkFixture('section-order-swapped.txt');
    const [p] = problemsOf(f.text, 'section-order');
    assert.strictEqual(p.severity, 'warning');
    assert.strictEqual(said(p.message), 'sectionOrder(after=三、收到和处理政府信息公开申请情况, heading=二、主动公开政府信息情况)');
    assert.strictEqual(f.text.slice(p.span.start, p.span.end), '二、主动公开政府信息情况');
    assert.deepStrictEqual(p.related.map((r) => [f.text.slice(r.span.start, r.span.end), said(r.message)]), [
      ['三、收到和处理政府信息公开申请情况', 'relatedSection(heading=三、收到和处理政府信息公开申请情况)'],
    ]);
    assert.deepStrictEqual(p.fixes, []);
  });

  it('seed 003 (### 三 before ## 二)', () => {
    const s = seed('003');
    const ps = problemsOf(s, 'section-order');
    assert.deepStrictEqual(ps.map((p) => s.slice(p.span.start, p.span.end)), ['二、主动公开政府信息情况']);
  });

  it('no finding when the sections run 一 to 六', () => {
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-section-name-in-sentence.txt', 'missing-section-five.txt']) {
      assert.deepStrictEqual(problemsOf(loadFixture(name).text, 'section-order'), [], name);
    }
  });
});
