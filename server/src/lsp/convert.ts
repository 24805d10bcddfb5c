/** Core problems → LSP diagnostics (ranges through the core's `LineIndex`, messages through `formatMessage`). */
import {
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  Range,
} from 'vscode-languageserver';
import { formatMessage, LineIndex, type Locale, type Problem, type Severity, type Span, type TextEdit } from '../core/index';
import type { RuleDocs } from './docs';
import { SOURCE } from './protocol';

/** What travels in `diagnostic.data`: the fixes, and the document version they were computed for. */
export interface DiagnosticData {
  /** Document version the fix offsets refer to; `null` for texts that are not open documents. */
  version: number | null;
  fixes: FixData[];
}

export interface FixData {
  title: string;
  preferred: boolean;
  edits: TextEdit[];
}

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
  version: number | null;
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
  if (p.fixes.length > 0) {
    const data: DiagnosticData = {
      version: ctx.version,
      fixes: p.fixes.map((f) => ({
        title: formatMessage(f.title, ctx.locale),
        preferred: f.preferred,
        edits: f.edits.map((e) => ({ start: e.start, end: e.end, newText: e.newText })),
      })),
    };
    d.data = data;
  }
  return d;
}

/** A diagnostic converted for an earlier version, for `version`: only the version its fixes carry changes. */
export function forVersion(d: Diagnostic, version: number | null): Diagnostic {
  const data = d.data as DiagnosticData | undefined;
  return data && data.version !== version ? { ...d, data: { ...data, version } satisfies DiagnosticData } : d;
}

export function isDiagnosticData(v: unknown): v is DiagnosticData {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<DiagnosticData>;
  return (typeof d.version === 'number' || d.version === null) && Array.isArray(d.fixes);
}
