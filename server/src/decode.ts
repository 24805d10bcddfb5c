/**
 * Bytes → text for files read from disk (the CLI, last year's report, the client's workspace
 * check): UTF-8 with or without BOM, UTF-16 with BOM, and GB18030/GBK (common for real files)
 * detected and decoded with the platform's WHATWG TextDecoder (no encoding tables in the server or client bundle). Binary and empty inputs get
 * a one-line reason instead of an exception. Writing back in the original encoding is in
 * encode.ts (the CLI's `fix --write`).
 */
import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type DecodeFailure = 'empty' | 'binary';
export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: DecodeFailure };

/** NUL bytes or many control characters near the start: not a text report. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 ? c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27 : c === 0xfffd) control++;
  }
  return text.indexOf('\0') >= 0 || (n > 0 && control / n > 0.02);
}

/** The text of any bytes, by BOM, else UTF-8 when valid, else GB18030 (never fails). */
export function decodeText(buf: Uint8Array): { text: string; encoding: Encoding } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: Buffer.from(buf.subarray(3)).toString('utf8'), encoding: 'utf-8-bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (isUtf8(b)) return { text: b.toString('utf8'), encoding: 'utf-8' };
  return { text: new TextDecoder('gb18030').decode(b), encoding: 'gb18030' };
}

export function decodeBytes(buf: Uint8Array): Decoded {
  if (buf.length === 0) return { ok: false, reason: 'empty' };
  const { text, encoding } = decodeText(buf);
  if (looksBinary(text)) return { ok: false, reason: 'binary' };
  if (!text.trim()) return { ok: false, reason: 'empty' };
  return { ok: true, text, encoding };
}
