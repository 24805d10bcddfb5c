/**
 * Last year's report of the same body, found among the files of a folder (the workspace): the
 * cross-year rule compares with it. Only report titles are read (the first few KB of .txt/.md
 * files); nothing is executed. The index is built on first use and again after `invalidate()`
 * (the server calls it when report files change).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bodyKey, titleOf } from './core';
import { decodeBytes } from './decode';
import { reportFiles } from './files';

const MAX_FILES = 5000;
const HEAD_BYTES = 8192;
const MAX_SIZE = 20_000_000;

export class PreviousReports {
  private index = new Map<string, string[]>();
  /** Texts already read, until the next file event: the editor asks on every keystroke. */
  private texts = new Map<string, string>();
  private built = false;

  constructor(private readonly roots: () => string[]) {}

  /** The text of the report of `body` for `year - 1`, if one is in the folders. */
  find(body: string | undefined, year: number | undefined, exclude?: string): string | undefined {
    if (!body || !year) return undefined;
    if (!this.built) this.rebuild();
    for (const file of this.index.get(`${bodyKey(body)}|${year - 1}`) ?? []) {
      if (exclude && path.resolve(file) === path.resolve(exclude)) continue;
      const known = this.texts.get(file);
      if (known !== undefined) return known;
      try {
        const d = decodeBytes(fs.readFileSync(file));
        if (d.ok) {
          this.texts.set(file, d.text);
          return d.text;
        }
      } catch {
        // gone since the index was built
      }
    }
    return undefined;
  }

  invalidate(): void {
    this.built = false;
    this.texts.clear();
  }

  private rebuild(): void {
    const index = new Map<string, string[]>();
    for (const root of this.roots()) {
      for (const file of reportFiles(root, MAX_FILES)) {
        const head = readHead(file);
        const title = head === undefined ? undefined : titleOf(head);
        if (!title?.body || !title.year) continue;
        const key = `${bodyKey(title.body)}|${title.year}`;
        const list = index.get(key) ?? [];
        list.push(file);
        index.set(key, list);
      }
    }
    this.index = index;
    this.built = true;
  }

}

function readHead(file: string): string | undefined {
  let fd: number | undefined;
  try {
    if (fs.statSync(file).size > MAX_SIZE) return undefined;
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    let n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
    if (n === HEAD_BYTES) {
      // Do not cut a UTF-8 character in two (it would look like GBK).
      let k = n;
      while (k > n - 4 && (buf[k - 1] & 0xc0) === 0x80) k--;
      if (k > n - 4 && buf[k - 1] >= 0xc0) n = k - 1;
    }
    const d = decodeBytes(buf.subarray(0, n));
    return d.ok ? d.text : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
