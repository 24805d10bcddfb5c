/** CLI output formats (text, json, sarif) over check results. Pure: strings in, strings out. */
import { RULES, formatMessage, lineIndexOf, type LineIndex, type CheckResult, type Locale, type Problem, type Span, type TemplateId } from './core';

export interface Located {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A problem as the CLI reports it: 1-based lines and columns (UTF-16), messages rendered. */
export interface LocatedProblem extends Located {
  rule: string;
  severity: Problem['severity'];
  message: string;
  related: (Located & { message: string })[];
  fixes: { title: string; preferred: boolean }[];
  /** In a Word or PDF document: the page, paragraph or table cell (line and column are the extracted text's). */
  place?: string;
}

export interface LocatedFile {
  path: string;
  template: TemplateId;
  problems: LocatedProblem[];
}

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

export function toJson(files: LocatedFile[]): string {
  return JSON.stringify({ version: 1, files });
}

export function toTextLines(f: LocatedFile): string[] {
  return f.problems.map((p) => `${f.path}:${p.place ?? `${p.line}:${p.column}`}  ${p.severity}  ${p.rule}  ${p.message}`);
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

export function summaryLine(c: Counts, locale: Locale, unreadable: number): string {
  if (locale === 'en') {
    const extra = unreadable ? `, ${unreadable} unreadable` : '';
    return `${c.files} file(s) checked: ${c.error} error(s), ${c.warning} warning(s), ${c.info + c.hint} info${extra}`;
  }
  const extra = unreadable ? `，${unreadable} 个文件无法读取` : '';
  return `已检查 ${c.files} 个文件：${c.error} 个错误，${c.warning} 个警告，${c.info + c.hint} 条提示${extra}`;
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(files: LocatedFile[], locale: Locale, version: string): string {
  const region = (r: Located) => ({ startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn });
  const uri = (p: string) => p.replace(/\\/g, '/');
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
              helpUri: `docs/rules/${r.alias}.md`,
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
            locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.path) }, region: region(p) } }],
            relatedLocations: p.related.map((r, i) => ({
              id: i,
              message: { text: r.message },
              physicalLocation: { artifactLocation: { uri: uri(f.path) }, region: region(r) },
            })),
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
