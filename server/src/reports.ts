/**
 * Which files are reports (the CLI checks these; it skips the others in a folder and refuses
 * them when named). The checker reads anything that mentions a heading or a table row as a
 * report (so that a draft in the editor gets its problems); a folder also holds notes and
 * documentation about reports, which must not be checked as reports. A file counts as a
 * report when its reading has two of a report's parts (a title with its year, a section heading,
 * a table row), or three section headings, or five rows of one table; in Markdown, what stands
 * in fenced code blocks is quoted, not the document's own.
 */
import { RULES, check, type CheckResult, type ReportModel } from './core';

const NO_RULES = { rules: Object.fromEntries(RULES.map((r) => [r.alias, 'off' as const])) };
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The text with the lines of fenced code blocks (fences included) left empty. */
export function withoutCodeBlocks(text: string): string {
  const lines = text.split('\n');
  let fence = '';
  for (let i = 0; i < lines.length; i++) {
    const m = FENCE.exec(lines[i]);
    if (fence) {
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && !lines[i].slice(m[0].length).trim()) fence = '';
      lines[i] = '';
    } else if (m) {
      fence = m[1];
      lines[i] = '';
    }
  }
  return lines.join('\n');
}

function hasReportParts(m: ReportModel): boolean {
  const rows = Math.max(0, ...Object.values(m.tables).map((t) => t?.rows.length ?? 0));
  const kinds = [!!m.title?.year, m.sections.length > 0, rows > 0].filter(Boolean).length;
  return kinds >= 2 || m.sections.length >= 3 || rows >= 5;
}

/** Whether a file is a report. `result`: the check of `text`; `markdown`: a .md file. */
export function isReportDocument(text: string, result: CheckResult, markdown: boolean): boolean {
  if (result.template === 'unknown') return false;
  if (markdown && /^ {0,3}(`{3,}|~{3,})/m.test(text)) return hasReportParts(check(withoutCodeBlocks(text), NO_RULES).model);
  return hasReportParts(result.model);
}
