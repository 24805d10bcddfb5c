import * as assert from 'assert';
import fc from 'fast-check';
import { check } from '../../../server/src/core';
import { parse } from '../../../server/src/core/parse';
import { OLD_TEMPLATE_TOKENS } from '../../../server/src/core/template';
import { FC_SEED, OPTIONS, checkFixture, loadFixture, problemsOf, said } from '../helpers';

describe('rule old-template (RPT014)', () => {
  it('a 2019-format report: said once, at the first decisive token, and no flood of structure errors', () => {
    const f = checkFixture('old-template-2019.txt');
    assert.strictEqual(f.expected.length, 1);
    const [p] = problemsOf(f.text, 'old-template');
    assert.strictEqual(p.severity, 'warning');
    assert.strictEqual(said(p.message), 'oldTemplate(token=本年新制作数量)');
    assert.strictEqual(f.text.slice(p.span.start, p.span.end), '本年新制作数量');
    assert.deepStrictEqual(p.fixes, []);
    assert.strictEqual(check(f.text, OPTIONS).template, '2019');
  });

  // The 2019 template's table 二 (国办公开办函〔2019〕60号) as captions and rows of cells.
  const TABLE_2019: string[][] = [
    ['第二十条第（一）项'],
    ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
    ['规章', '0', '0', '0'],
    ['规范性文件', '2', '2', '14'],
    ['第二十条第（五）项'],
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    ['行政许可', '12', '0', '320'],
    ['其他对外管理服务事项', '3', '0', '41'],
    ['第二十条第（六）项'],
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    ['行政处罚', '5', '1', '18'],
    ['行政强制', '0', '0', '0'],
    ['第二十条第（八）项'],
    ['信息内容', '上一年项目数量', '本年增/减'],
    ['行政事业性收费', '1', '0'],
    ['第二十条第（九）项'],
    ['信息内容', '采购项目数量', '采购总金额'],
    ['政府集中采购', '4', '56.2'],
  ];
  /** Table 二 of the 2019 fixture in the layouts a report reaches the checker in. */
  const LAYOUTS: [string, (rows: string[][]) => string][] = [
    ['spaces', (rows) => rows.map((r) => r.join(' ')).join('\n')],
    ['tabs (Word)', (rows) => rows.map((r) => r.join('\t')).join('\n')],
    ['pipes (Markdown)', (rows) => rows.map((r) => `| ${r.join(' | ')} |`).join('\n')],
    ['one cell per line', (rows) => rows.map((r) => r.join('\n')).join('\n\n')],
    ['`cell |` lines', (rows) => rows.map((r) => r.map((c) => `${c} |`).join('\n')).join('\n\n')],
    ['one cell per line, padded with blank lines and spaces', (rows) => rows.map((r) => r.map((c) => ` ${c} `).join('\n\n')).join('\n\n\n')],
    // PDF text with a space after every character, the cells a wider space apart.
    ['PDF text, every character spaced', (rows) => rows.map((r) => r.map((c) => [...c].join(' ')).join('    ')).join('\n')],
    // PDF text without layout: labels broken into lines of two characters.
    ['PDF text without layout', (rows) => rows.map((r) => r.map((c) => c.match(/.{1,2}/gu)!.join('\n')).join('\n')).join('\n')],
  ];
  const fixture2019 = loadFixture('old-template-2019.txt').text;
  const t2Start = fixture2019.indexOf('第二十条第（一）项');
  const t2End = fixture2019.indexOf('政府集中采购 4 56.2') + '政府集中采购 4 56.2'.length;
  for (const [name, render] of LAYOUTS) {
    it(`a genuine 2019 table 二 is recognised in any layout: ${name}`, () => {
      const text = fixture2019.slice(0, t2Start) + render(TABLE_2019) + fixture2019.slice(t2End);
      assert.strictEqual(check(text, OPTIONS).template, '2019');
      const [p, ...more] = problemsOf(text, 'old-template');
      assert.deepStrictEqual(more, []);
      assert.strictEqual(text.slice(p.span.start, p.span.end).replace(/\s/g, ''), '本年新制作数量');
    });
  }

  it('a genuine 2019 report as bare text content (one line, no separators) is recognised', () => {
    const text = fixture2019.replace(/\s+/g, '');
    assert.strictEqual(check(text, OPTIONS).template, '2019');
    assert.deepStrictEqual(problemsOf(text, 'old-template').map((p) => text.slice(p.span.start, p.span.end)), ['本年新制作数量']);
  });

  // Sentences of real 2021 reports that name what the 2019 table had (政府集中采购 is still
  // published under 条例 第二十条第（九）项), and each word of the 2019 table in a sentence.
  const SENTENCES = [
    '其中行政法规、规章和规范性文件1条，财政预算、决算信息2条，政府集中采购项目的目录、标准及实施情况2条。',
    '依据《条例》第二十条第（九）项，及时公开政府集中采购项目4个，采购总金额56.2万元。',
    ...OLD_TEMPLATE_TOKENS.map((t) => `本年度按要求公开${t}等信息。`),
  ];
  const base2021 = loadFixture('shape-spaces.txt').text;
  const with2021 = (sentences: string[]) => base2021.replace('本年度主动公开政府信息1200条。', `本年度主动公开政府信息1200条。${sentences.join('')}`);

  it('a 2021 report whose narrative names the 2019 table\'s words stays 2021', () => {
    const text = with2021(SENTENCES);
    assert.ok(text !== base2021);
    assert.strictEqual(check(text, OPTIONS).template, '2021');
    assert.deepStrictEqual(problemsOf(text, 'old-template'), []);
  });

  it('…also as bare text content, where the whole report is one line', () => {
    const text = with2021(SENTENCES).replace(/\s+/g, '');
    assert.notStrictEqual(check(text, OPTIONS).template, '2019');
    assert.deepStrictEqual(problemsOf(text, 'old-template'), []);
  });

  it('…and as PDF text wrapped at any width (a word may meet a line break)', () => {
    const flat = SENTENCES.join('');
    for (let width = 4; width <= 40; width++) {
      const text = base2021.replace('本年度主动公开政府信息1200条。', `本年度主动公开政府信息1200条。${flat.match(new RegExp(`.{1,${width}}`, 'gu'))!.join('\n')}`);
      assert.strictEqual(check(text, OPTIONS).template, '2021', `width ${width}`);
    }
  });

  it('no finding on 2021-format reports', () => {
    for (const name of ['shape-spaces.txt', 'shape-tabs.txt', 'shape-pipes.md', 'shape-cell-per-line.txt']) {
      assert.strictEqual(check(loadFixture(name).text, OPTIONS).template, '2021', name);
      assert.deepStrictEqual(problemsOf(loadFixture(name).text, 'old-template'), [], name);
    }
  });

  it('words of the 2019 table in prose never decide the template, however they are mixed', () => {
    const prose = ['公开', '等', '、', '和', '项目', '3件', '12条', '，', '及时', '（', '）'];
    const sentence = fc.array(fc.tuple(fc.constantFrom(...OLD_TEMPLATE_TOKENS, '第二十条第(九)项', '本年增减'), fc.constantFrom(...prose)), { minLength: 1, maxLength: 8 })
      .map((xs) => `本年度${xs.map(([t, p]) => t + p).join('')}。`);
    fc.assert(
      fc.property(sentence, (s) => {
        assert.strictEqual(parse(with2021([s])).oldToken, undefined);
      }),
      { numRuns: 500, seed: FC_SEED },
    );
  });
});
