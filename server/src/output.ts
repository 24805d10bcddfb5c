/** CLI output formats (text, json, sarif) over check results. Pure: strings in, strings out. */
import type { Review } from './report/review';
import { RULES, formatMessage, lineIndexOf, type LineIndex, type CheckResult, type Locale, type Problem, type Span, type TemplateId } from './core';

export interface Located {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The template cell (or row, or table) a finding in a document lies in: `表三「（二）部分公开」·总计`. */
export interface CellPlace {
  table: string;
  row?: string;
  column?: string;
  /** All of it in words. */
  name: string;
}

/** Where in a document (HTML, Word, PDF) a position lies besides its line and column. */
export interface DocumentPlace {
  /** In a Word or PDF document: the page, paragraph or table cell (line and column are the extracted text's). */
  place?: string;
  cell?: CellPlace;
}

/** A problem as the CLI reports it: 1-based lines and columns (UTF-16), messages rendered. */
export interface LocatedProblem extends Located, DocumentPlace {
  rule: string;
  severity: Problem['severity'];
  message: string;
  related: (Located & DocumentPlace & { message: string })[];
  fixes: { title: string; preferred: boolean }[];
}

export interface LocatedFile {
  path: string;
  template: TemplateId;
  problems: LocatedProblem[];
  /** The tables and where each finding sits in them (asked for by the html and csv formats). */
  review?: Review;
  error?: undefined;
  skipped?: undefined;
}

/** Why a file has no result: `reason` a short code (`too-large`, `utf-8`, `not-report`, …), `message` in words. */
export interface Reason {
  reason: string;
  message: string;
}

/** A file that was not checked: unreadable or refused (`error`), or not a report, found in a folder (`skipped`). */
export type UncheckedFile = { path: string; error: Reason; skipped?: undefined } | { path: string; skipped: Reason; error?: undefined };

/** Every input the CLI accounts for: checked, or why not. */
export type FileEntry = LocatedFile | UncheckedFile;

function range(index: LineIndex, s: Span): Located {
  const a = index.positionAt(s.start);
  const b = index.positionAt(s.end);
  return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
}

export function locate(path: string, r: CheckResult, locale: Locale): LocatedFile {
  const index = lineIndexOf(r);
  return {
    path,
    template: r.template,
    problems: r.problems.map((p) => {
      const { line, column, endLine, endColumn } = range(index, p.span);
      return {
        rule: p.rule,
        severity: p.severity,
        message: formatMessage(p.message, locale),
        line,
        column,
        endLine,
        endColumn,
        related: p.related.map((x) => ({ ...range(index, x.span), message: formatMessage(x.message, locale) })),
        fixes: p.fixes.map((x) => ({ title: formatMessage(x.title, locale), preferred: x.preferred })),
      };
    }),
  };
}

/** JSON: checked files with their problems; files not checked with `error` or `skipped` (and no problems). */
export function toJson(files: FileEntry[]): string {
  return JSON.stringify({ version: 1, files: files.map((f) => ('template' in f ? f : { ...f, problems: [] })) });
}

/** Where a finding is, in words: a Word or PDF document's page or paragraph and the template cell; else line:column. */
export function whereOf(p: Located & DocumentPlace): string {
  return p.place ? [p.place, p.cell?.name].filter(Boolean).join(' ') : `${p.line}:${p.column}`;
}

export function toTextLines(f: LocatedFile): string[] {
  return f.problems.map((p) => `${f.path}:${whereOf(p)}  ${p.severity}  ${p.rule}  ${p.message}`);
}

export interface Counts {
  files: number;
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export function countProblems(files: LocatedFile[]): Counts {
  const c: Counts = { files: files.length, error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of files) for (const p of f.problems) c[p.severity]++;
  return c;
}

/**
 * `已检查 3 个文件，跳过 2 个（不是年报）：1 个错误，0 个警告，2 条信息`: files checked and skipped,
 * problems by severity (hints only when there are some), files not read.
 */
export function summaryLine(c: Counts, locale: Locale, files: { skipped: number; unreadable: number }): string {
  if (locale === 'en') {
    const skipped = files.skipped ? `, ${files.skipped} skipped (not reports)` : '';
    const hints = c.hint ? `, ${c.hint} hint(s)` : '';
    const unreadable = files.unreadable ? `, ${files.unreadable} not checked` : '';
    return `${c.files} file(s) checked${skipped}: ${c.error} error(s), ${c.warning} warning(s), ${c.info} info${hints}${unreadable}`;
  }
  const skipped = files.skipped ? `，跳过 ${files.skipped} 个（不是年报）` : '';
  const hints = c.hint ? `，${c.hint} 条提示` : '';
  const unreadable = files.unreadable ? `，${files.unreadable} 个文件未能检查` : '';
  return `已检查 ${c.files} 个文件${skipped}：${c.error} 个错误，${c.warning} 个警告，${c.info} 条信息${hints}${unreadable}`;
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** Where the rules' documentation is published: `<base><alias>.md` (the repository of package.json). */
export const RULE_DOCS_BASE = 'https://github.com/report-review/report-review/blob/main/docs/rules/';

/**
 * A path as a SARIF artifact URI: relative paths stay relative, absolute ones become `file:` URIs;
 * every segment percent-encoded (spaces, `#`, `%`, non-ASCII), `\` read as a separator.
 */
export function sarifUri(p: string): string {
  const parts = p.replace(/\\/g, '/').split('/');
  const drive = /^[A-Za-z]:$/.test(parts[0]);
  const encoded = parts.map((s, i) => (i === 0 && drive ? s : encodeURIComponent(s))).join('/');
  if (drive) return `file:///${encoded}`;
  return p.startsWith('/') ? `file://${encoded}` : encoded;
}

export function toSarif(entries: FileEntry[], locale: Locale, version: string): string {
  const region = (r: Located) => ({ startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn });
  const uri = sarifUri;
  // A Word or PDF document has no lines of its own: its page or paragraph and the template cell
  // name the place (a logical location); an HTML page has its line:column and the cell's name.
  const location = (path: string, r: Located & DocumentPlace) => {
    const physicalLocation = r.place ? { artifactLocation: { uri: uri(path) } } : { artifactLocation: { uri: uri(path) }, region: region(r) };
    const name = r.place ? whereOf(r) : r.cell?.name;
    return name ? { physicalLocation, logicalLocations: [{ fullyQualifiedName: name, kind: 'element' }] } : { physicalLocation };
  };
  const files = entries.filter((f): f is LocatedFile => 'template' in f);
  const unchecked = entries.filter((f): f is UncheckedFile => !('template' in f));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'report-review',
            version,
            rules: RULES.map((r) => ({
              id: r.alias,
              name: r.id,
              shortDescription: { text: r.description[locale] },
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              helpUri: `${RULE_DOCS_BASE}${r.alias}.md`,
              // Code scanning shows these as the rule's tags (and filters by them).
              properties: { tags: r.tags },
            })),
          },
        },
        results: files.flatMap((f) =>
          f.problems.map((p) => ({
            ruleId: p.rule,
            level: SARIF_LEVEL[p.severity],
            message: { text: p.message },
            locations: [location(f.path, p)],
            relatedLocations: p.related.map((r, i) => ({ id: i, message: { text: r.message }, ...location(f.path, r) })),
          })),
        ),
        // Files not checked: unreadable or refused (errors), or not reports (notes).
        invocations: [
          {
            executionSuccessful: !unchecked.some((f) => f.error),
            toolExecutionNotifications: unchecked.map((f) => {
              const why = (f.error ?? f.skipped)!;
              return {
                level: f.error ? 'error' : 'note',
                message: { text: why.message },
                descriptor: { id: why.reason },
                locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.path) } } }],
              };
            }),
          },
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
