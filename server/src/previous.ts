/**
 * Last year's report of the same body, found among the files of a folder (the workspace): the
 * cross-year rule compares with it. Only report titles are read (the first few KB of .txt/.md
 * files); nothing is executed. The index is built on first use and again after `invalidate()` or
 * once it is older than `maxAgeMs`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { norm } from './core/text';
import { titleOf } from './core';
import { decodeBytes } from './decode';

const SKIP = new Set(['node_modules', '.git', '.vscode-test', 'out', 'dist']);
const MAX_FILES = 5000;
const HEAD_BYTES = 8192;
const MAX_SIZE = 20_000_000;

export function bodyKey(body: string): string {
  return norm(body).replace(/人民政府$|政府$/, '');
}

export class PreviousReports {
  private index = new Map<string, string[]>();
  private built = false;
  private builtAt = 0;

  constructor(
    private readonly roots: () => string[],
    private readonly maxAgeMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The text of the report of `body` for `year - 1`, if one is in the folders. */
  find(body: string | undefined, year: number | undefined, exclude?: string): string | undefined {
    if (!body || !year) return undefined;
    if (!this.built || this.now() - this.builtAt > this.maxAgeMs) this.rebuild();
    for (const file of this.index.get(`${bodyKey(body)}|${year - 1}`) ?? []) {
      if (exclude && path.resolve(file) === path.resolve(exclude)) continue;
      try {
        const d = decodeBytes(fs.readFileSync(file));
        if (d.ok) return d.text;
      } catch {
        // gone since the index was built
      }
    }
    return undefined;
  }

  invalidate(): void {
    this.built = false;
  }

  private rebuild(): void {
    const index = new Map<string, string[]>();
    let seen = 0;
    const walk = (dir: string, depth: number) => {
      if (depth > 8 || seen >= MAX_FILES) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (seen >= MAX_FILES) return;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP.has(e.name) && !e.name.startsWith('.')) walk(p, depth + 1);
        } else if (e.isFile() && /\.(txt|md)$/i.test(e.name)) {
          seen++;
          const t = readHead(p);
          const title = t === undefined ? undefined : titleOf(t);
          if (!title?.body || !title.year) continue;
          const key = `${bodyKey(title.body)}|${title.year}`;
          const list = index.get(key) ?? [];
          list.push(p);
          index.set(key, list);
        }
      }
    };
    for (const r of this.roots()) walk(r, 0);
    this.index = index;
    this.built = true;
    this.builtAt = this.now();
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
