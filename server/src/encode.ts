/** Text → bytes in the encoding a file was read in (the CLI's `fix --write` keeps GBK files GBK). */
import * as iconv from 'iconv-lite';
import type { Encoding } from './decode';

export function encodeText(text: string, encoding: Encoding): Buffer {
  // A file read with a byte-order mark is written with one, and one read without it, without.
  const bom = encoding === 'utf-8-bom' || encoding === 'utf-16le' || encoding === 'utf-16be';
  const name = encoding === 'utf-8-bom' ? 'utf-8' : encoding === 'utf-16le-nobom' ? 'utf-16le' : encoding === 'utf-16be-nobom' ? 'utf-16be' : encoding;
  return iconv.encode(text, name, { addBOM: bom });
}
