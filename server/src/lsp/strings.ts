/**
 * The server's own user-facing strings (code-action titles, the size-limit explanation, outline
 * names). Rule messages are not here: they come from the core's catalogue via `formatMessage`.
 * Chinese first; the locale can differ per document (`reportReview.locale` is resource-scoped),
 * so this is a plain table rather than a process-global bundle.
 */
import type { Locale } from '../core/index';

const zh = {
  fixAllRule: '修复本报告中所有 {0} 问题',
  fixAll: '修复本报告中所有可自动修复的问题',
  tooLarge: '报告审查：文件大小 {0} 字节，超过 reportReview.maxFileSize（{1} 字节），未检查。可在设置中调高此上限。',
  title: '标题',
  expected: '应为 {0}',
  t2: '表二 主动公开政府信息情况',
  t3: '表三 收到和处理政府信息公开申请情况',
  t4: '表四 政府信息公开行政复议、行政诉讼情况',
} as const;

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  fixAll: 'Fix all auto-fixable problems in this report',
  fixAllRule: 'Fix all {0} problems in this report',
  tooLarge:
    'Report Review: the file is {0} bytes, over reportReview.maxFileSize ({1} bytes), so it was not checked. Raise the limit in the settings to check it.',
  title: 'Title',
  expected: 'expected {0}',
  t2: 'Table 2 — proactive disclosure',
  t3: 'Table 3 — requests received and handled',
  t4: 'Table 4 — administrative review and litigation',
};

/** A server string in `locale`, with `{0}`, `{1}` … replaced by `args`. */
export function t(locale: Locale, key: Key, ...args: (string | number)[]): string {
  const template = locale === 'en' ? en[key] : zh[key];
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
