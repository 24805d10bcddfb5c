/** Report files under a folder: .txt and .md, in name order, skipping dot folders and build output. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from './core/types';

/** Folders never searched for reports (the client's workspace check skips them too). */
export const SKIP_DIR_NAMES = ['node_modules', '.git', '.vscode-test', 'out', 'dist'];
const SKIP_DIRS = new Set(SKIP_DIR_NAMES);
const REPORT_EXTENSIONS = ['txt', 'md'];
/** The files that may be reports, as a glob (the server's file watcher, the client's workspace check). */
export const REPORT_GLOB = `**/*.{${REPORT_EXTENSIONS.join(',')}}`;

const REPORT_NAME = new RegExp(`\\.(${REPORT_EXTENSIONS.join('|')})$`, 'i');
const isReportName = (name: string): boolean => REPORT_NAME.test(name);
/** Documents the readers take on the command line (.doc and .wps only to be told to save them as .docx). */
export const DOCUMENT_NAME = /\.(html?|xhtml|docx|pdf|doc|wps)$/i;
const isSkippedDir = (name: string): boolean => SKIP_DIRS.has(name) || name.startsWith('.');

/** Whether `file` is one that `reportFiles(root)` lists (below `root`, not in a skipped folder). */
export function isReportFile(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel) || !isReportName(rel)) return false;
  return rel.split(path.sep).slice(0, -1).every((d) => !isSkippedDir(d));
}

/**
 * Every .txt/.md entry below `dir` (and documents, when asked) that is not a folder (symbolic
 * links and special files too: readers refuse what is not a regular file, with the reason), in
 * name order; at most `limit`.
 */
export function reportFiles(dir: string, limit = Infinity, documents = false): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= limit) return;
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!isSkippedDir(e.name)) walk(p);
      } else if (isReportName(e.name) || (documents && DOCUMENT_NAME.test(e.name))) out.push(p); // a link, a pipe: reading tells
    }
  };
  walk(dir);
  return out;
}

/** The largest file read by default, in bytes: the editor's `reportReview.maxFileSize` default. */
export const DEFAULT_MAX_FILE_SIZE = 2_000_000;
/** The largest HTML page, Word or PDF document read by default (images make them larger than their text). */
export const DEFAULT_MAX_DOCUMENT_SIZE = 50_000_000;

/** What kind of file system entry a path names (after symbolic links). */
export type FileKind = 'file' | 'directory' | 'fifo' | 'device' | 'socket' | 'other';

/** Why a file is not read. */
export type Refusal =
  | { reason: 'missing' }
  | { reason: 'not-regular'; kind: Exclude<FileKind, 'file'> }
  | { reason: 'too-large'; size?: number; maxSize: number }
  | { reason: 'unreadable'; code?: string };

export function fileKind(st: fs.Stats): FileKind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isSocket()) return 'socket';
  return 'other';
}

/**
 * Whether a file of this kind and size may be read: regular files of at most `maxSize` bytes
 * (a device such as /dev/zero never ends, a named pipe may never answer, a huge file exhausts
 * memory). For callers that stat by other means (the editor's file system API).
 */
export function refusalFor(kind: FileKind, size: number, maxSize: number): Refusal | undefined {
  if (kind !== 'file') return { reason: 'not-regular', kind };
  if (size > maxSize) return { reason: 'too-large', size, maxSize };
  return undefined;
}

/** Up to `maxSize` bytes from `fd`; undefined when there are more. */
export function readAtMost(fd: number, maxSize: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(65536, maxSize + 1 - total));
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > maxSize) return undefined;
  }
}

/**
 * The bytes of a regular file of at most `maxSize` bytes, or why it is not read. The kind and
 * size are checked with `stat` before the file is opened (opening a named pipe would wait for a
 * writer) and again on the open file; a file that grows past `maxSize` meanwhile is refused too.
 */
export function readFileGuarded(file: string, maxSize = DEFAULT_MAX_FILE_SIZE): { ok: true; bytes: Buffer } | ({ ok: false } & Refusal) {
  const failed = (e: unknown): { ok: false } & Refusal => {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: false, reason: 'missing' } : { ok: false, reason: 'unreadable', code };
  };
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    return failed(e);
  }
  const before = refusalFor(fileKind(st), st.size, maxSize);
  if (before) return { ok: false, ...before };
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const now = fs.fstatSync(fd);
    const changed = refusalFor(fileKind(now), now.size, maxSize);
    if (changed) return { ok: false, ...changed };
    const bytes = readAtMost(fd, maxSize);
    return bytes ? { ok: true, bytes } : { ok: false, reason: 'too-large', size: fs.fstatSync(fd).size, maxSize };
  } catch (e) {
    return failed(e);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const KIND_TEXT: Record<Locale, Record<Exclude<FileKind, 'file'>, string>> = {
  'zh-CN': { directory: '文件夹', fifo: '命名管道', device: '设备文件', socket: '套接字', other: '特殊文件' },
  en: { directory: 'a folder', fifo: 'a named pipe', device: 'a device', socket: 'a socket', other: 'a special file' },
};

/** Why a file is not read, in words. */
export function refusalText(r: Refusal, locale: Locale): string {
  const en = locale === 'en';
  switch (r.reason) {
    case 'missing':
      return en ? 'no such file' : '文件不存在';
    case 'not-regular':
      return en ? `not a regular file (${KIND_TEXT.en[r.kind]}); not read` : `不是普通文件（${KIND_TEXT['zh-CN'][r.kind]}），不读取`;
    case 'too-large':
      return en
        ? `too large: ${r.size === undefined ? '' : `${r.size} bytes, `}more than the limit of ${r.maxSize} bytes; not read`
        : `文件过大：${r.size === undefined ? '' : `${r.size} 字节，`}超过上限 ${r.maxSize} 字节，不读取`;
    case 'unreadable':
      return (en ? 'cannot be read' : '无法读取') + (r.code ? ` (${r.code})` : '');
  }
}
