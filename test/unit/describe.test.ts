/** Hover data (`describeAt`): which cell an offset is on, with blank cells next to numbers. */
import * as assert from 'assert';
import { check, describeAt } from '../../server/src/core';
import { loadFixture } from './helpers';

describe('describeAt', () => {
  const row = '| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |';
  const packed = '|二、上年结转政府信息公开申请数量|2||7|0|0|0|2|';
  const text = loadFixture('blank-cell-pipes.md').text.replace(row, packed);
  const result = check(text);
  const at = text.indexOf(packed);

  it('a number right after a blank cell is that number, from before its first character to after its last', () => {
    const seven = text.indexOf('||7|', at) + 2;
    for (const offset of [seven, seven + 1]) {
      const info = describeAt(result, offset);
      assert.strictEqual(info?.title, '二、上年结转 × 科研机构 = 7');
      assert.deepStrictEqual(info.span, { start: seven, end: seven + 1 });
    }
  });

  it('the blank cell is found at its place, with an empty span', () => {
    const blank = text.indexOf('||7|', at) + 1;
    const info = describeAt(result, blank);
    assert.strictEqual(info?.title, '二、上年结转 × 商业企业 = 空（按 0 计）');
    assert.strictEqual(info.span.start, info.span.end);
  });

  it('in English: the cell, and each identity with its numbers and ✓/✗', () => {
    const wrong = text.replace(packed, '|二、上年结转政府信息公开申请数量|2||7|0|0|0|5|');
    const total = wrong.indexOf('|0|0|0|5|', at) + 7;
    assert.deepStrictEqual(describeAt(check(wrong), total, 'en'), {
      title: '二、上年结转 × 总计 = 5',
      lines: ['row total: 二、上年结转·总计 = 2 + 7 = 9, written 5 ✗', '一 + 二 = （七） + 四 (总计): 34 + 5 = 35 + 1 ✗'],
      span: { start: total, end: total + 1 },
    });
    assert.strictEqual(describeAt(check(wrong), text.indexOf('||7|', at) + 1, 'en')?.title, '二、上年结转 × 商业企业 = blank (0)');
  });

  it('the label is no cell', () => {
    assert.strictEqual(describeAt(result, at + 3), undefined);
  });
});
