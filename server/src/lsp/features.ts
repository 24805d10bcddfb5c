/** Hover and inlay hints over a checked document. */
import { Hover, InlayHint, MarkupKind, Range } from 'vscode-languageserver';
import { describeAt, expectedTotals, type CheckResult, type LineIndex, type Locale } from '../core/index';
import { t } from './strings';

/** Escapes Markdown so that cell labels and numbers show as written. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, (c) => '\\' + c).replace(/^(\s*)([#+-])/, '$1\\$2');
}

export function hoverAt(result: CheckResult, index: LineIndex, line: number, character: number, locale: Locale): Hover | null {
  const offset = index.offsetAt(line, character);
  const info = describeAt(result, offset, locale);
  if (!info) return null;
  const parts = [`**${escapeMarkdown(info.title)}**`];
  if (info.lines.length > 0) parts.push(info.lines.map(escapeMarkdown).join('  \n'));
  const hover: Hover = { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') } };
  if (info.span.end > info.span.start) hover.range = { start: index.positionAt(info.span.start), end: index.positionAt(info.span.end) };
  return hover;
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function inlayHints(result: CheckResult, index: LineIndex, range: Range, locale: Locale): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const { span, expected } of expectedTotals(result)) {
    const position = index.positionAt(span.end);
    if (before(position, range.start) || before(range.end, position)) continue;
    hints.push({ position, label: t(locale, 'expected', expected), paddingLeft: true });
  }
  return hints;
}
