/**
 * Bytes → text for files read from disk (the CLI, last year's report, the client's workspace
 * check), strictly: UTF-8 with or without BOM, UTF-16 with BOM or without (told by where its NUL
 * bytes fall), and GB18030/GBK, decoded with the platform's WHATWG TextDecoder in fatal mode (no
 * encoding tables in the server or client bundle). Bytes that no supported encoding reads cleanly
 * are refused with the reason, never read as something else: a UTF-8 file with a few bad bytes is
 * not GBK, and Big5 (whose byte pairs GBK also accepts) is told apart by what it would decode to.
 * Binary and empty inputs get a reason instead of an exception. Writing back in the original
 * encoding is in encode.ts (the CLI's `fix --write`).
 */
import { isUtf8 } from 'node:buffer';
import type { Locale } from './core/types';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-16le-nobom' | 'utf-16be-nobom' | 'gb18030';

/**
 * Why bytes were not decoded. `offset`: the first byte at fault.
 *  - `empty`: no bytes, or only white space;
 *  - `binary`: a NUL byte (at `offset`) or many control characters;
 *  - `utf-8`: mostly UTF-8, with invalid bytes (at `offset`);
 *  - `utf-16`: a byte-order mark or NUL pattern of UTF-16, but not valid UTF-16;
 *  - `gb18030`: neither UTF-8 nor valid GB18030/GBK (invalid at `offset`);
 *  - `unknown`: valid GB18030 only by accident: mostly rare characters, as Big5 gives.
 */
export type DecodeFailure = 'empty' | 'binary' | 'utf-8' | 'utf-16' | 'gb18030' | 'unknown';
/** `offset`: the first byte at fault (0-based), and `line` its line (1-based), when one can be named. */
export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: DecodeFailure; offset?: number; line?: number };

/** Many control characters near the start: not a text report. */
function manyControls(text: string): boolean {
  const n = Math.min(text.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) control++;
  }
  return n > 0 && control / n > 0.02;
}

/** `bytes` decoded by `label`, or undefined when they are not valid in it. `partial`: the bytes may end inside a character. */
function strict(label: string, bytes: Uint8Array, partial: boolean): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: partial });
  } catch {
    return undefined;
  }
}

/** Valid UTF-8 sequences of two or more bytes, and the first byte that starts none. */
function utf8Census(b: Uint8Array, partial: boolean): { sequences: number; invalid: number; first: number } {
  let sequences = 0;
  let invalid = 0;
  let first = -1;
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = n > 0;
    for (let k = 1; ok && k < n; k++) {
      if (i + k >= b.length) {
        if (partial) return { sequences, invalid, first };
        ok = false;
      } else if ((b[i + k] & 0xc0) !== 0x80) ok = false;
    }
    if (ok) {
      sequences++;
      i += n;
    } else {
      if (first < 0) first = i;
      invalid++;
      i++;
    }
  }
  return { sequences, invalid, first };
}

/**
 * GBK's multi-byte characters: the share outside GB2312's punctuation and hanzi rows (small in
 * Chinese written in GBK; large in Big5, or other bytes, that GBK happens to accept), and where a
 * character the bytes end in the middle of begins (the platform decoder drops it without a word).
 */
function gbCensus(b: Uint8Array): { rareShare: number; cutAt?: number } {
  let pairs = 0;
  let rare = 0;
  for (let i = 0; i < b.length; i++) {
    const lead = b[i];
    if (lead < 0x81 || lead === 0xff) continue;
    const trail = b[i + 1];
    const four = trail >= 0x30 && trail <= 0x39;
    if (i + (four ? 4 : 2) > b.length) return { rareShare: pairs ? rare / pairs : 0, cutAt: i };
    pairs++;
    // A four-byte GB18030 sequence is a character outside GBK.
    if (four || !(trail >= 0xa1 && trail <= 0xfe && ((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= 0xf7)))) rare++;
    i += four ? 3 : 1;
  }
  return { rareShare: pairs ? rare / pairs : 0 };
}

/**
 * UTF-16 without a byte-order mark: its ASCII characters (digits, spaces, line breaks) put NULs on
 * one side of each pair (the other side has some too: 一 is U+4E00).
 */
function utf16Order(b: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(b.length, 65536) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) i % 2 ? odd++ : even++;
  const units = n / 2;
  if (units === 0 || even + odd < units * 0.05) return undefined;
  if (odd >= 0.8 * (even + odd)) return 'le';
  if (even >= 0.8 * (even + odd)) return 'be';
  return undefined;
}

/** The 1-based line of byte `offset` (counting LF bytes before it; UTF-16 counts its LF units). */
function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < b.length; i++) if (b[i] === 0x0a) line++;
  return line;
}

/** The first NUL byte, or -1. */
function nulAt(b: Uint8Array): number {
  return b.indexOf(0);
}

/**
 * Decode strictly. `partial`: the bytes are the start of a longer file (they may end inside a
 * character, which is then left out).
 */
export function decodeBytes(bytes: Uint8Array, partial = false): Decoded {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length === 0) return { ok: false, reason: 'empty' };
  let decoded: { text: string; encoding: Encoding } | Decoded;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const text = strict('utf-8', b.subarray(3), partial);
    decoded = text === undefined ? { ok: false, reason: 'utf-8', offset: 3 + Math.max(0, utf8Census(b.subarray(3), partial).first) } : { text, encoding: 'utf-8-bom' };
  } else if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    const le = b[0] === 0xff;
    const text = strict(le ? 'utf-16le' : 'utf-16be', b.subarray(2), partial);
    decoded = text === undefined ? { ok: false, reason: 'utf-16' } : { text, encoding: le ? 'utf-16le' : 'utf-16be' };
  } else if (nulAt(b) >= 0) {
    const order = utf16Order(b);
    const text = order && strict(order === 'le' ? 'utf-16le' : 'utf-16be', b, partial);
    if (text !== undefined && text !== '' && !text.includes('\0')) decoded = { text, encoding: order === 'le' ? 'utf-16le-nobom' : 'utf-16be-nobom' };
    else decoded = { ok: false, reason: 'binary', offset: nulAt(b) };
  } else if (partial ? strict('utf-8', b, true) !== undefined : isUtf8(b)) {
    decoded = { text: partial ? strict('utf-8', b, true)! : b.toString('utf8'), encoding: 'utf-8' };
  } else {
    const u = utf8Census(b, partial);
    // Mostly UTF-8: a damaged UTF-8 file, not GBK.
    if (u.sequences > 4 * u.invalid) decoded = { ok: false, reason: 'utf-8', offset: u.first };
    else {
      const text = strict('gb18030', b, partial);
      const gb = gbCensus(b);
      if (text === undefined) decoded = { ok: false, reason: 'gb18030', offset: gbInvalidAt(b) };
      else if (gb.cutAt !== undefined && !partial) decoded = { ok: false, reason: 'gb18030', offset: gb.cutAt };
      else if (gb.rareShare > 0.1) decoded = { ok: false, reason: 'unknown' };
      else decoded = { text, encoding: 'gb18030' };
    }
  }
  if ('ok' in decoded) return decoded.offset === undefined ? decoded : { ...decoded, line: lineAt(b, decoded.offset) };
  if (manyControls(decoded.text)) return { ok: false, reason: 'binary' };
  if (!decoded.text.trim()) return { ok: false, reason: 'empty' };
  return { ok: true, text: decoded.text, encoding: decoded.encoding };
}

/** Where GB18030 decoding first fails (found by halving: the decoder does not say). */
function gbInvalidAt(b: Uint8Array): number {
  let lo = 0;
  let hi = b.length;
  // Invariant: b[0, lo) decodes as a prefix; b[0, hi) does not.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (strict('gb18030', b.subarray(0, mid), true) !== undefined) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The text of any bytes for a best-effort view (never fails): strict when it can be, else GB18030 with replacement characters. */
export function decodeText(buf: Uint8Array): { text: string; encoding: Encoding } {
  const d = decodeBytes(buf);
  if (d.ok) return d;
  return { text: new TextDecoder('gb18030').decode(buf), encoding: 'gb18030' };
}

/** Why bytes were not decoded, in words (naming the byte and line at fault when known). */
export function decodeFailureText(d: { reason: DecodeFailure; offset?: number; line?: number }, locale: Locale): string {
  const en = locale === 'en';
  const at = d.offset === undefined ? '' : en ? ` (line ${d.line}, byte ${d.offset + 1})` : `（第 ${d.line} 行，第 ${d.offset + 1} 字节）`;
  switch (d.reason) {
    case 'empty':
      return en ? 'empty file, nothing to check' : '空文件，没有可检查的内容';
    case 'binary':
      return d.offset === undefined
        ? en ? 'binary file (many control characters), not a text report' : '二进制文件（大量控制字符），不是文本报告'
        : en ? `contains a NUL byte${at}: binary, not a text report` : `含有 NUL 字节${at}：二进制文件，不是文本报告`;
    case 'utf-8':
      return en ? `not valid UTF-8: invalid bytes${at}` : `不是有效的 UTF-8：有无效字节${at}`;
    case 'utf-16':
      return en ? 'marked as UTF-16 but not valid UTF-16' : '标记为 UTF-16，但不是有效的 UTF-16';
    case 'gb18030':
      return en ? `unknown encoding: neither UTF-8 nor GB18030/GBK${at}` : `无法识别编码：既不是 UTF-8，也不是 GB18030/GBK${at}`;
    case 'unknown':
      return en
        ? 'unknown encoding: not UTF-8, and read as GB18030/GBK it is mostly rare characters (Big5 or another encoding?); save it as UTF-8'
        : '无法识别编码：不是 UTF-8，按 GB18030/GBK 读出的多为生僻字（可能是 Big5 等其他编码）；请另存为 UTF-8';
  }
}
