/**
 * Public data types of the checker. Everything here is data (only a problem's fixes may be
 * computed on first read): the language server, the CLI and the tests all consume these shapes.
 * Offsets are UTF-16 code-unit offsets into the checked text (what JavaScript strings and VS Code
 * use).
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Locale = 'zh-CN' | 'en';
export type TemplateId = '2021' | '2019' | 'unknown';

/** Half-open offset range [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** A message id from `messages/*.json` plus its arguments; rendered per locale by `formatMessage`. */
export interface Message {
  id: string;
  args?: Record<string, string | number>;
}

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A fix as data: a title and edits against the checked text. */
export interface Fix {
  title: Message;
  /** The safe, obvious fix (applied by "fix all", Auto Fix and `report-review fix`). */
  preferred: boolean;
  edits: TextEdit[];
}

export interface Related {
  span: Span;
  message: Message;
}

export interface Problem {
  /** Rule alias, e.g. `row-total`. */
  rule: string;
  /** Stable rule id, e.g. `RPT001`. */
  code: string;
  severity: Severity;
  span: Span;
  message: Message;
  related: Related[];
  fixes: Fix[];
}

export type RuleSetting = Severity | 'off';

export interface CheckOptions {
  /** Per-rule override: `off` or a severity. Keys are aliases or ids. */
  rules?: Record<string, RuleSetting>;
  /** Text of last year's report of the same body (cross-year checks). */
  previous?: string;
}

export interface RuleMeta {
  id: string;
  alias: string;
  severity: Severity;
  tags: string[];
  fixable: boolean;
  /** One-line description, by locale. */
  description: Record<Locale, string>;
}
