/**
 * Core problems → LSP diagnostics (ranges through the core's `LineIndex`, messages through
 * `formatMessage`). A diagnostic carries no fixes: code actions take them from the analysis of the
 * current version (see actions.ts), so what is published on every keystroke stays small.
 */
import {
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  Range,
} from 'vscode-languageserver';
import { formatMessage, LineIndex, type Locale, type Problem, type Severity, type Span } from '../core/index';
import type { RuleDocs } from './docs';
import { SOURCE } from './protocol';

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function spanToRange(index: LineIndex, span: Span): Range {
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

export interface ConvertContext {
  uri: string;
  index: LineIndex;
  locale: Locale;
  docs: RuleDocs;
  /** The client shows `relatedInformation`. */
  related: boolean;
}

export function toDiagnostic(p: Problem, ctx: ConvertContext): Diagnostic {
  const d: Diagnostic = {
    range: spanToRange(ctx.index, p.span),
    severity: SEVERITY[p.severity],
    source: SOURCE,
    code: p.rule,
    codeDescription: { href: ctx.docs.href(p.rule) },
    message: formatMessage(p.message, ctx.locale),
  };
  if (ctx.related && p.related.length > 0) {
    d.relatedInformation = p.related.map((r) =>
      DiagnosticRelatedInformation.create(
        { uri: ctx.uri, range: spanToRange(ctx.index, r.span) },
        formatMessage(r.message, ctx.locale),
      ),
    );
  }
  return d;
}
