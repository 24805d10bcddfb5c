/** Hover data (`describeAt`): which cell an offset is on, with blank cells next to numbers. */
import * as assert from 'assert';
import { check, describeAt } from '../../server/src/core';
import { en, loadFixture, zh } from './helpers';

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
      assert.strictEqual(info?.title, zh('hoverCell', { row: '二、上年结转', col: '科研机构', value: '7' }));
      assert.deepStrictEqual(info.span, { start: seven, end: seven + 1 });
    }
  });

  it('the blank cell is found at its place, with an empty span', () => {
    const blank = text.indexOf('||7|', at) + 1;
    const info = describeAt(result, blank);
    assert.strictEqual(info?.title, zh('hoverCell', { row: '二、上年结转', col: '商业企业', value: zh('hoverBlank') }));
    assert.strictEqual(info.span.start, info.span.end);
  });

  it('in English: the cell, and each identity with its numbers and ✓/✗', () => {
    const wrong = text.replace(packed, '|二、上年结转政府信息公开申请数量|2||7|0|0|0|5|');
    const total = wrong.indexOf('|0|0|0|5|', at) + 7;
    assert.deepStrictEqual(describeAt(check(wrong), total, 'en'), {
      title: en('hoverCell', { row: '二、上年结转', col: '总计', value: 5 }),
      lines: [
        en('hoverSum', { label: en('kind.row-total'), cell: '二、上年结转·总计', sum: '2 + 7', expected: 9, actual: 5, mark: '✗' }),
        en('hoverBalance', { label: en('kind.balance'), col: '总计', new: 34, carried: 5, total: 35, next: 1, mark: '✗' }),
      ],
      span: { start: total, end: total + 1 },
    });
    assert.strictEqual(describeAt(check(wrong), text.indexOf('||7|', at) + 1, 'en')?.title, en('hoverCell', { row: '二、上年结转', col: '商业企业', value: en('hoverBlank') }));
  });

  it('a cell holding only a mark (「—」) is found over the mark, and said to hold no number', () => {
    const marked = text.replace(packed, '|二、上年结转政府信息公开申请数量|2|—|7|0|0|0|2|');
    const dash = marked.indexOf('|—|', at) + 1;
    for (const offset of [dash, dash + 1]) {
      const info = describeAt(check(marked), offset);
      assert.strictEqual(info?.title, zh('hoverCell', { row: '二、上年结转', col: '商业企业', value: zh('hoverPlaceholder', { raw: '—' }) }));
      assert.deepStrictEqual(info.span, { start: dash, end: dash + 1 });
    }
  });

  it('the label is no cell', () => {
    assert.strictEqual(describeAt(result, at + 3), undefined);
  });
});
