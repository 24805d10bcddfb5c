import * as assert from 'assert';
import fc from 'fast-check';
import { check, formatMessage } from '../../../server/src/core';
import { parse } from '../../../server/src/core/parse';
import { OLD_TEMPLATE_TOKENS } from '../../../server/src/core/template';
import { FC_SEED, OPTIONS, checkFixture, expectFindings, lineOf, loadFixture, problemsOf } from '../helpers';

const TOKENS = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '其他对外管理服务事项', '第二十条第（九）项', '政府集中采购', '采购总金额'];

describe('rule old-template (RPT014)', () => {
  it('a 2019-format report: said once, at the first decisive token, and no flood of structure errors', () => {
    const f = checkFixture('old-template-2019.txt');
    assert.strictEqual(f.expected.length, 1);
    const [p] = problemsOf(f.text, 'old-template');
    assert.strictEqual(p.severity, 'warning');
    assert.strictEqual(formatMessage(p.message), '这份报告使用的是 2019 年旧版格式（发现「本年新制作数量」），应按国办公开办函〔2021〕30号的新版格式编写');
    assert.strictEqual(f.text.slice(p.span.start, p.span.end), '本年新制作数量');
    assert.deepStrictEqual(p.fixes, []);
    assert.strictEqual(check(f.text, OPTIONS).template, '2019');
  });

  for (const token of TOKENS) {
    it(`the token 「${token}」 alone decides the 2019 format`, () => {
      const base = loadFixture('shape-spaces.txt').text;
      const text = base.replace('本年度主动公开政府信息1200条。', `本年度主动公开政府信息1200条（${token}）。`);
      expectFindings(text, [{ rule: 'old-template', line: lineOf(text, token), message: `这份报告使用的是 2019 年旧版格式（发现「${token}」），应按国办公开办函〔2021〕30号的新版格式编写` }]);
    });
  }

  it('no finding on 2021-format reports', () => {
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-pipes.md', 'shape-cell-per-line.txt']) {
      assert.strictEqual(check(loadFixture(name).text, OPTIONS).template, '2021', name);
      assert.deepStrictEqual(problemsOf(loadFixture(name).text, 'old-template'), [], name);
    }
  });

  it('the token found is the leftmost one, as one alternation of all the tokens finds it', () => {
    const alternation = new RegExp(OLD_TEMPLATE_TOKENS.map((t) => t.replace(/[()（）/]/g, (c) => `\\${c}`)).join('|'));
    // Whole tokens, their pieces (a head without its tail, a tail without its head) and other text.
    const pieces = OLD_TEMPLATE_TOKENS.flatMap((t) => [t, t.slice(0, 2), t.slice(2), t.slice(0, -1)]);
    const text = fc.array(fc.constantFrom(...pieces, '政府集中采购总金额', '本年', '年', '新', '采', '第二十条第', 'x', '\n'), { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const m = alternation.exec(t);
        assert.deepStrictEqual(parse(t).oldToken, m ? { start: m.index, end: m.index + m[0].length } : undefined);
      }),
      { numRuns: 2000, seed: FC_SEED },
    );
  });
});
