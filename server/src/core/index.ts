// Stub: being implemented. Signatures are final (see API.md).
import type { CheckOptions, Locale, Message, Problem, RuleMeta, Span, TemplateId, TextEdit } from './types';
import type { ReportModel } from './model';
export * from './types';
export * from './model';

export interface CheckResult { template: TemplateId; model: ReportModel; problems: Problem[] }
export interface CellInfo { title: string; lines: string[] }
export interface Summary { template: TemplateId; title?: string; tables: { id: string; name: string; totals: { label: string; value: number }[] }[]; counts: Record<'error' | 'warning' | 'info' | 'hint', number> }

export const RULES: RuleMeta[] = [];
export function ruleMeta(aliasOrId: string): RuleMeta | undefined { return RULES.find((r) => r.alias === aliasOrId || r.id === aliasOrId); }
export function check(text: string, _options?: CheckOptions): CheckResult {
  return { template: 'unknown', model: { text, template: 'unknown', sections: [], tables: {} }, problems: [] };
}
export function applyEdits(text: string, _edits: TextEdit[]): string { return text; }
export function fixAll(text: string, _options?: CheckOptions, _filter?: (p: Problem) => boolean): string { return text; }
export function formatMessage(m: Message, _locale: Locale): string { return m.id; }
export class LineIndex {
  constructor(readonly text: string) {}
  positionAt(offset: number): { line: number; character: number } { return { line: 0, character: offset }; }
  offsetAt(line: number, character: number): number { return line + character; }
}
export function describeAt(_r: CheckResult, _offset: number, _locale: Locale): CellInfo | undefined { return undefined; }
export function expectedTotals(_r: CheckResult): { span: Span; expected: number }[] { return []; }
export function summarize(r: CheckResult): Summary { return { template: r.template, tables: [], counts: { error: 0, warning: 0, info: 0, hint: 0 } }; }
export function looksLikeReport(text: string): boolean { return /政府信息公开/.test(text.slice(0, 2000)); }
export function newReport(body: string, year: number, _locale?: Locale): string { return `${body}${year}年政府信息公开工作年度报告\n`; }
