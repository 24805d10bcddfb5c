/** Strict decoding (server/src/decode.ts): what reads cleanly is read, the rest is refused with the reason. */
import * as assert from 'assert';
import * as iconv from 'iconv-lite';
import { decodeBytes, decodeFailureText, decodeText } from '../../server/src/decode';
import { encodeText } from '../../server/src/encode';
import { damagedUtf8, seed } from './helpers';

const TEXT = seed('000');
const utf8 = Buffer.from(TEXT, 'utf8');

describe('decode: strict', () => {
  it('UTF-8 with and without BOM, UTF-16 with BOM (LE, BE), GBK and GB18030 read back the text', () => {
    const cases: [Buffer, string][] = [
      [utf8, 'utf-8'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'utf-8-bom'],
      [iconv.encode(TEXT, 'utf-16le', { addBOM: true }), 'utf-16le'],
      [iconv.encode(TEXT, 'utf-16be', { addBOM: true }), 'utf-16be'],
      [iconv.encode(TEXT, 'gbk'), 'gb18030'],
      [iconv.encode(TEXT, 'gb18030'), 'gb18030'],
    ];
    for (const [bytes, encoding] of cases) assert.deepStrictEqual(decodeBytes(bytes), { ok: true, text: TEXT, encoding }, encoding);
  });

  it('UTF-16 without BOM is told by where its NUL bytes fall, and written back without one', () => {
    for (const [name, encoding] of [['utf-16le', 'utf-16le-nobom'], ['utf-16be', 'utf-16be-nobom']] as const) {
      const bytes = iconv.encode(TEXT, name);
      assert.deepStrictEqual(decodeBytes(bytes), { ok: true, text: TEXT, encoding });
      assert.ok(encodeText(TEXT, encoding).equals(bytes), name);
    }
  });

  it('UTF-8 with three bad bytes is refused as damaged UTF-8 (not read as GB18030), naming the line and byte', () => {
    const { bytes, offset, line } = damagedUtf8();
    const d = decodeBytes(bytes);
    assert.deepStrictEqual(d, { ok: false, reason: 'utf-8', offset, line });
    assert.strictEqual(decodeFailureText(d as { reason: 'utf-8'; offset: number; line: number }, 'zh-CN'), `不是有效的 UTF-8：有无效字节（第 40 行，第 ${offset + 1} 字节）`);
    assert.strictEqual(decodeFailureText(d as { reason: 'utf-8'; offset: number; line: number }, 'en'), `not valid UTF-8: invalid bytes (line 40, byte ${offset + 1})`);
  });

  it('Big5 (byte pairs GBK also accepts) is refused: read as GBK it is mostly rare characters', () => {
    const big5 = iconv.encode(TEXT, 'big5');
    assert.ok(new TextDecoder('gb18030', { fatal: true }).decode(big5), 'GB18030 alone would accept it');
    assert.deepStrictEqual(decodeBytes(big5), { ok: false, reason: 'unknown' });
  });

  it('bytes GB18030 does not accept either: refused, naming the first bad byte', () => {
    const bytes = Buffer.concat([iconv.encode('第一行\n第二行', 'gbk'), Buffer.from([0xff]), iconv.encode('第三行', 'gbk')]);
    assert.deepStrictEqual(decodeBytes(bytes), { ok: false, reason: 'gb18030', offset: iconv.encode('第一行\n第二行', 'gbk').length, line: 2 });
  });

  it('a NUL byte: binary, at its place; many control characters: binary; nothing or blanks: empty', () => {
    const withNul = Buffer.concat([utf8.subarray(0, 10), Buffer.from([0]), utf8.subarray(10)]);
    assert.deepStrictEqual(decodeBytes(withNul), { ok: false, reason: 'binary', offset: 10, line: 1 + utf8.subarray(0, 10).filter((b) => b === 0x0a).length });
    assert.deepStrictEqual(decodeBytes(Buffer.from('a\x01\x02\x03\x04b\x05\x06\x07\x08')), { ok: false, reason: 'binary' });
    assert.deepStrictEqual(decodeBytes(Buffer.alloc(0)), { ok: false, reason: 'empty' });
    assert.deepStrictEqual(decodeBytes(Buffer.from(' \n\t\n')), { ok: false, reason: 'empty' });
  });

  it('the start of a longer file (`partial`) may end inside a character: UTF-8 and GBK cut in the middle of one', () => {
    const cutUtf8 = utf8.subarray(0, utf8.indexOf(Buffer.from('年', 'utf8')) + 1);
    const d = decodeBytes(cutUtf8, true);
    assert.ok(d.ok && d.encoding === 'utf-8' && TEXT.startsWith(d.text), 'UTF-8 cut');
    assert.strictEqual(decodeBytes(cutUtf8).ok, false, 'the same bytes as a whole file are damaged');
    const gbk = iconv.encode(TEXT, 'gbk');
    let lead = 0;
    while (lead < 200 || gbk[lead] < 0x81) lead += gbk[lead] >= 0x81 ? 2 : 1; // the first byte of a character
    const g = decodeBytes(gbk.subarray(0, lead + 1), true);
    assert.ok(g.ok && g.encoding === 'gb18030' && TEXT.startsWith(g.text), 'GBK cut');
    assert.strictEqual(decodeBytes(gbk.subarray(0, lead + 1)).ok, false, 'the same bytes as a whole file end in half a character');
  });

  it('decodeText (a best-effort view) never fails', () => {
    assert.strictEqual(decodeText(utf8).text, TEXT);
    assert.strictEqual(typeof decodeText(damagedUtf8().bytes).text, 'string');
  });
});
