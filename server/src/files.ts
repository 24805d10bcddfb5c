/** Report files under a folder: .txt and .md, in name order, skipping dot folders and build output. */
import * as fs from 'node:fs';
import * as path from 'node:path';

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

/** Every .txt/.md file below `dir` (and documents, when asked), in name order; at most `limit` of them. */
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
      } else if (e.isFile() && (isReportName(e.name) || (documents && DOCUMENT_NAME.test(e.name)))) out.push(p);
    }
  };
  walk(dir);
  return out;
}
