/** The scanner's shortcut agrees with `scanLine`: a line `noCellsIn` passes over has no token but label text and blank fields. */
import * as assert from 'assert';
import { gridRow, isFurniture, mayStartFurniture, noCellsIn, scanLine } from '../../server/src/core/scan';
import { LineList } from '../../server/src/core/text';

/** Pieces lines are made of: cells of every kind, the characters they are made of, separators and label words. */
const PIECES = ['0', '12', '１', '3.5', '1,000', '万元', '+', '-', '--', '—', '–', '－', '/', '／', '\\', '×', '*', '＊', '无', '空', 'N/A', 'n/a', 'NA', 'Ｎ', '第', '页', '共', '行政复议', '结果维持', '总计', 'a', '.', ':', ' ', ' ', '　', '\u00a0', '\t', '|'];

/** A small deterministic generator (the same lines on every run). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff);
}

describe('scan', () => {
  it('a line noCellsIn passes over scans to label text and blank fields only', () => {
    const next = lcg(7);
    let passed = 0;
    for (let k = 0; k < 20000; k++) {
      let text = '';
      const n = 1 + (next() % 8);
      for (let j = 0; j < n; j++) text += PIECES[next() % PIECES.length];
      if (!noCellsIn(text, 0, text.length)) continue;
      passed++;
      const kinds = scanLine(text, 0, text.length, 0).toks.map((t) => t.kind);
      assert.ok(kinds.every((kind) => kind === 'text' || kind === 'empty'), `${JSON.stringify(text)}: ${kinds.join(' ')}`);
    }
    assert.ok(passed > 1000);
  });

  it('a piece of a one-line text: digits run into a label are cells, a sentence’s figures with their unit are not', () => {
    const kinds = (text: string) => scanLine(text, 0, text.length, 0, undefined, true).toks.map((t) => `${t.kind}:${t.raw}`);
    assert.deepStrictEqual(kinds('规章000规范性文件107'), ['text:规章', 'num:000', 'text:规范性文件', 'num:107']);
    assert.deepStrictEqual(kinds('1.属于国家秘密0000000'), ['text:1.属于国家秘密', 'num:0000000']);
    for (const prose of ['行政许可类信息1条，重点建设项目信息1条，', '2014年度，制作、获取政府信息11条。', '占比12%；', '（2）']) {
      assert.deepStrictEqual(kinds(prose), [`text:${prose}`]);
    }
  });

  it('noCellsIn passes over no character the scanner reads a cell of: every character, alone, doubled and in N/A', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const text of [ch, ch + ch, `${ch}/A`, `${ch}A`]) {
        if (!noCellsIn(text, 0, text.length)) continue;
        const kinds = scanLine(text, 0, text.length, 0).toks.map((t) => t.kind);
        assert.ok(kinds.every((kind) => kind === 'text' || kind === 'empty'), `${JSON.stringify(text)}: ${kinds.join(' ')}`);
      }
    }
  });

  it('mayStartFurniture lets through every character a page number or a table\'s rule can start with', () => {
    // Page furniture and rules (Markdown separator rows, grid table borders), each also tried with any character in place of its first.
    const FORMS = ['-3-', '- 3 -', '—3—', '－ 12 －', '第3页', '第 3 页，共 10 页', '3/10', ' 3 / 10', '|---|---|', ':--|--:', '---', '| --- |', '\u00a0- 3 -', '+----+----+', '+====+:===:+', '==========', '|----+----|'];
    for (const f of FORMS) assert.ok(isFurniture(f), f);
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const f of FORMS) {
        if (isFurniture(ch + f) || isFurniture(ch + f.slice(1))) assert.ok(mayStartFurniture(c), `${JSON.stringify(ch + f)} is furniture`);
      }
    }
  });

  it('noCellsIn reads only its range', () => {
    const text = '0 行政复议 行政诉讼 0';
    assert.strictEqual(noCellsIn(text, 2, text.length - 2), true);
    assert.strictEqual(noCellsIn(text, 0, text.length), false);
  });

  it('a cell closed by a `|` is one field, and a lone `|` a blank field', () => {
    const read = (text: string) => {
      const sl = scanLine(text, 0, text.length, 0);
      return [sl.shape, sl.oneField, sl.toks.map((t) => `${t.kind}:${t.raw}`).join(' ')].join(' ');
    };
    assert.strictEqual(read('规章 |'), 'cell-per-line true text:规章');
    assert.strictEqual(read('12 |'), 'cell-per-line true num:12');
    assert.strictEqual(read(' |'), 'cell-per-line true empty:');
    assert.strictEqual(read('（一）予以公开 0 |'), 'cell-per-line true text:（一）予以公开 num:0');
    // Two pipes make a delimited row as before.
    assert.strictEqual(read('| 规章 | 0 |'), 'pipes  text:规章 num:0');
  });

  it('a grid table\'s row over several lines is read as one: its label\'s pieces, its numbers, its blank fields', () => {
    const grid = [
      '+--------------+----+----+----+',
      '| 一、本年新收 | 80 |    | 81 |',
      '| 政府信息公开 |    |    |    |',
      '| 申请数量     |    |    |    |',
      '+--------------+----+----+----+',
      '| 数据         | 1  |    |    |',
      '| 10           | 2  |    |    |',
      '+--------------+----+----+----+',
    ].join('\n');
    const lines = new LineList(grid);
    const row = gridRow(lines, 1)!;
    assert.strictEqual(row.next, 4);
    assert.deepStrictEqual(
      row.sl.toks.map((t) => `${t.kind}:${t.raw}`),
      ['text:一、本年新收', 'text:政府信息公开', 'text:申请数量', 'num:80', 'empty:', 'num:81'],
    );
    assert.ok(row.sl.toks.every((t) => t.line === 1 && grid.slice(t.start, t.end) === t.raw));
    // Numbers on two lines of one column are rows of their own; a line that is not after a rule starts no grid row.
    assert.strictEqual(gridRow(lines, 5), undefined);
    assert.strictEqual(gridRow(lines, 2), undefined);
  });

  it('a note right after a number is part of its cell; a list numeral in brackets is the next label', () => {
    const kinds = (text: string) => scanLine(text, 0, text.length, 0).toks.map((t) => `${t.kind}:${t.raw}`);
    assert.deepStrictEqual(kinds('行政规范性文件 22（其中修订 16 件） 3 55（含自然失效29件）'), ['text:行政规范性文件', 'num:22', 'num:3', 'num:55']);
    assert.deepStrictEqual(kinds('规章\t0（注）\t5*\t7①'), ['text:规章', 'num:0', 'num:5', 'num:7']);
    assert.deepStrictEqual(kinds('| 规章 | 1,200（万元） | 2 |'), ['text:规章', 'num:1,200', 'num:2']);
    assert.deepStrictEqual(kinds('0 0 3（二）部分公开 1'), ['num:0', 'num:0', 'text:3（二）部分公开', 'num:1']);
  });
});
