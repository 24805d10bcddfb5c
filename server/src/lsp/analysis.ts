/**
 * One document version → one analysis: is it a report, is it small enough, the core's
 * CheckResult, the diagnostics. Cached per URI for the latest version and settings, so hover,
 * symbols, folding, inlay hints and code actions never check again.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { check, lineIndexOf, looksLikeReport, type CheckOptions, type CheckResult, type LineIndex, type Locale } from '../core/index';
import { toDiagnostic } from './convert';
import type { RuleDocs } from './docs';
import { LANGUAGE_ID, SOURCE, type StatusParams } from './protocol';
import { effectiveLocale, type Settings } from './settings';
import { t } from './strings';

export type AnalysisState = StatusParams['state'];

export interface Analysis {
  uri: string;
  version: number | null;
  settings: Settings;
  locale: Locale;
  state: AnalysisState;
  /** Present when state is `checked`. */
  result?: CheckResult;
  index?: LineIndex;
  diagnostics: Diagnostic[];
  /** Milliseconds spent finding last year's report, checking and converting the problems. */
  ms: number;
}

export interface AnalysisInput {
  uri: string;
  version: number | null;
  languageId: string;
  text: string;
}

export interface AnalyzerEnv {
  docs: RuleDocs;
  /** Locale when `reportReview.locale` is `auto`. */
  displayLocale: Locale;
  /** Client shows related information. */
  related: boolean;
  log(message: string): void;
  /** Text of last year's report of the same body, when one is among the workspace files. */
  previous?(uri: string, text: string): string | undefined;
}

/** UTF-8 size; below `limit / 3` characters, the text's length (certainly under the limit) without encoding. */
export function utf8Size(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length; // certainly under the limit
  return Buffer.byteLength(text, 'utf8');
}

export function isReport(languageId: string, text: string, settings: Settings): boolean {
  if (languageId === LANGUAGE_ID) return true;
  if (settings.detect === 'never') return false;
  if (settings.detect === 'always') return true;
  return looksLikeReport(text);
}

export function checkOptions(settings: Settings): CheckOptions {
  return Object.keys(settings.rules).length > 0 ? { rules: settings.rules } : {};
}

/** Language of a file that is not open, from its name. */
export function languageOfPath(uri: string): string {
  const lower = uri.toLowerCase();
  if (lower.endsWith('.report.txt') || lower.endsWith('.report.md')) return LANGUAGE_ID;
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return 'plaintext';
}

export function analyze(input: AnalysisInput, settings: Settings, env: AnalyzerEnv): Analysis {
  const locale = effectiveLocale(settings, env.displayLocale);
  // Every analysis has the same properties, in the same order (one shape for all of them).
  const analysis = (state: AnalysisState, diagnostics: Diagnostic[] = [], ms = 0, result?: CheckResult, index?: LineIndex): Analysis => ({
    uri: input.uri,
    version: input.version,
    settings,
    locale,
    state,
    result,
    index,
    diagnostics,
    ms,
  });
  const { text } = input;
  try {
    if (!isReport(input.languageId, text, settings)) return analysis('not-report');
    const size = utf8Size(text, settings.maxFileSize);
    if (size > settings.maxFileSize) {
      const firstLineEnd = text.search(/\r|\n|$/);
      const diagnostic: Diagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineEnd } },
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        message: t(locale, 'tooLarge', size, settings.maxFileSize),
      };
      return analysis('too-large', [diagnostic]);
    }
    const started = performance.now();
    const options = checkOptions(settings);
    const previous = env.previous?.(input.uri, text);
    if (previous) options.previous = previous;
    const result = check(text, options);
    const index = lineIndexOf(result);
    const ctx = { uri: input.uri, index, locale, docs: env.docs, related: env.related };
    const diagnostics = result.problems.map((p) => toDiagnostic(p, ctx));
    return analysis('checked', diagnostics, performance.now() - started, result, index);
  } catch (error) {
    env.log(`check failed for ${input.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return analysis('failed');
  }
}

/**
 * The latest analysis of the most recently checked or queried documents. A check result holds
 * the whole parsed model, so only the documents in use keep one; any other is checked again
 * on demand (a few milliseconds) when it is hovered or outlined.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();
  /** The entry set provisionally and not asked for since. */
  private provisional: string | undefined;

  constructor(readonly capacity = 8) {}

  get(uri: string, version: number, settings: Settings): Analysis | undefined {
    const a = this.entries.get(uri);
    if (!a || a.version !== version || a.settings !== settings) return undefined;
    if (this.provisional === uri) this.provisional = undefined;
    // Most recently used last.
    this.entries.delete(uri);
    this.entries.set(uri, a);
    return a;
  }

  /** The latest analysis of a document, whatever its version and settings. */
  latest(uri: string): Analysis | undefined {
    return this.entries.get(uri);
  }

  /**
   * `provisional`: checked without being asked for (a document opened, settings changed), so
   * perhaps never looked at. Only the latest such analysis stays until something asks for it:
   * a burst of opened documents does not keep a parsed model per document long enough for the
   * young generation to promote it (about 2.5 MB of RSS with 50 reports opened at once).
   */
  set(a: Analysis, provisional = false): void {
    if (provisional) {
      if (this.provisional !== undefined && this.provisional !== a.uri) this.entries.delete(this.provisional);
      this.provisional = a.uri;
    } else if (this.provisional === a.uri) this.provisional = undefined;
    this.entries.delete(a.uri);
    this.entries.set(a.uri, a);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    if (this.provisional === uri) this.provisional = undefined;
  }

  clear(): void {
    this.entries.clear();
    this.provisional = undefined;
  }
}
