/**
 * The findings as CSV, one row a finding: UTF-8 with a byte order mark (so that Excel shows the
 * Chinese), CRLF line ends, fields quoted as RFC 4180 asks.
 */
import type { Locale } from '../core';
import type { FileEntry } from '../output';

const HEADER: Record<Locale, string[]> = {
  'zh-CN': ['文件', '机关', '年度', '规则', '级别', '表格', '行', '列', '实为', '应为', '问题'],
  en: ['file', 'body', 'year', 'rule', 'severity', 'table', 'row', 'column', 'found', 'expected', 'message'],
};

export const SEVERITY_WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '信息', hint: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
};

/** A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break (quotes doubled). */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(entries: FileEntry[], locale: Locale): string {
  const rows: string[][] = [HEADER[locale]];
  for (const f of entries) {
    if (!('template' in f)) continue;
    const review = f.review;
    f.problems.forEach((p, i) => {
      const at = review?.places[i];
      rows.push([
        f.path,
        review?.body ?? '',
        review?.year ? String(review.year) : '',
        p.rule,
        SEVERITY_WORDS[locale][p.severity],
        at?.table ?? '',
        at?.row ?? '',
        at?.column ?? '',
        at?.found ?? '',
        at?.expected ?? '',
        p.message,
      ]);
    });
  }
  return '\ufeff' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
