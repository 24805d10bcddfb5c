/**
 * Last year's report of the same body, found among the files of a folder (the workspace): the
 * cross-year rule compares with it. Only report titles are read (the first few KB of .txt/.md
 * files); nothing is executed. The index is built on first use; file events update it file by
 * file (`update`), so saving a report does not walk the workspace again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bodyKey, titleOf } from './core';
import { decodeBytes } from './decode';
import { fileKind, isReportFile, readFileGuarded, refusalFor, reportFiles } from './files';

const MAX_FILES = 5000;
const HEAD_BYTES = 8192;
const MAX_SIZE = 20_000_000;

export class PreviousReports {
  /** `body|year` → files, in the order of `reportFiles`. */
  private index = new Map<string, string[]>();
  /** File → its `body|year`, for the files in the index. */
  private keys = new Map<string, string>();
  /** Texts already read, until the file changes: the editor asks on every keystroke. */
  private texts = new Map<string, string>();
  private built = false;
  /** A folder had more report files than are indexed: updates cannot tell what the walk would list. */
  private capped = false;

  /** `roots`: the workspace folders (paths). */
  constructor(private readonly roots: string[]) {}

  /**
   * The text of the report of `body` for `year - 1`, if one is in the folders. `asking`: the
   * path of the report asking, never its own answer (computed only when there is a candidate).
   */
  find(body: string | undefined, year: number | undefined, asking?: () => string | undefined): string | undefined {
    if (!body || !year) return undefined;
    if (!this.built) this.rebuild();
    const files = this.index.get(keyFor(body, year - 1));
    if (!files) return undefined;
    const asker = asking?.();
    const exclude = asker && path.resolve(asker);
    for (const file of files) {
      if (exclude && path.resolve(file) === exclude) continue;
      const known = this.texts.get(file);
      if (known !== undefined) return known;
      // Gone since the index was built, or no longer a regular file of a sensible size: not it.
      const r = readFileGuarded(file, MAX_SIZE);
      const d = r.ok ? decodeBytes(r.bytes) : undefined;
      if (d?.ok) {
        this.texts.set(file, d.text);
        return d.text;
      }
    }
    return undefined;
  }

  /** The folders hold no report at all (of any body or year): `find` finds nothing. Builds the index on first use. */
  get empty(): boolean {
    if (!this.built) this.rebuild();
    return this.index.size === 0;
  }

  private invalidate(): void {
    this.built = false;
    this.texts.clear();
  }

  /**
   * Follows changed, created or deleted files. True when what `find` answers may have changed:
   * a file moved to another body or year, or the text of a report already read changed.
   */
  update(files: string[]): boolean {
    if (!this.built) return false; // nothing indexed or read yet
    let changed = false;
    for (const file of files) {
      if (this.texts.delete(file)) changed = true;
      const before = this.keys.get(file);
      const after = this.roots.some((root) => isReportFile(root, file)) ? keyOf(file) : undefined;
      if (before === after) continue;
      changed = true;
      const list = after === undefined ? [] : (this.index.get(after) ?? []);
      if (this.capped || list.length > 0) {
        // Where a file would go among others is the walk's to say.
        this.invalidate();
        return true;
      }
      if (before !== undefined) {
        const rest = this.index.get(before)!.filter((f) => f !== file);
        if (rest.length) this.index.set(before, rest);
        else this.index.delete(before);
        this.keys.delete(file);
      }
      if (after !== undefined) {
        this.index.set(after, [file]);
        this.keys.set(file, after);
      }
    }
    return changed;
  }

  private rebuild(): void {
    const index = new Map<string, string[]>();
    const keys = new Map<string, string>();
    let capped = false;
    for (const root of this.roots) {
      const files = reportFiles(root, MAX_FILES);
      if (files.length >= MAX_FILES) capped = true;
      for (const file of files) {
        const key = keyOf(file);
        if (key === undefined) continue;
        const list = index.get(key) ?? [];
        list.push(file);
        index.set(key, list);
        keys.set(file, key);
      }
    }
    this.index = index;
    this.keys = keys;
    this.capped = capped;
    this.built = true;
  }

}

/** `body|year` of a report file's title; undefined for anything else (or a file that is gone). */
function keyOf(file: string): string | undefined {
  const head = readHead(file);
  const title = head === undefined ? undefined : titleOf(head);
  return title?.body && title.year ? keyFor(title.body, title.year) : undefined;
}

function keyFor(body: string, year: number): string {
  return `${bodyKey(body)}|${year}`;
}

function readHead(file: string): string | undefined {
  let fd: number | undefined;
  try {
    // A regular file only: opening a named pipe would wait for a writer.
    const st = fs.statSync(file);
    if (refusalFor(fileKind(st), st.size, MAX_SIZE)) return undefined;
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
    // The head of a longer file may end inside a character.
    const d = decodeBytes(buf.subarray(0, n), n === HEAD_BYTES);
    return d.ok ? d.text : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
