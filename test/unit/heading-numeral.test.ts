import * as assert from 'assert';
import fc from 'fast-check';
import { numberedBody } from '../../server/src/core/parse';
import { FC_SEED } from './helpers';

/** The numbered-heading pattern `numberedBody` reads: numeral, separator, then the body. */
const NUMBERED = /^([一二三四五六])\s*[、.．,，]\s*(.*)$/;

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
    assert.strictEqual(numberedBody('七、其他'), -1);
    assert.strictEqual(numberedBody('总体情况'), -1);
  });
});
