/**
 * The editor and the command line agree byte for byte: for every seed, the diagnostics the
 * server publishes (opened as plain text, with no configuration) are the problems that
 * `report-review check --format json` prints — rule, severity, message, range (the JSON's
 * 1-based UTF-16 columns), related locations, and the titles of the quick fixes the editor offers.
 */
import * as assert from 'assert';
import * as path from 'path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from './client';
import { runCli } from '../unit/helpers';
import { SEEDS, SEEDS_DIR, seedText, seedUri } from './fixtures';

interface CliRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
interface CliProblem extends CliRange {
  rule: string;
  severity: string;
  message: string;
  related: (CliRange & { message: string })[];
  fixes: { title: string; preferred: boolean }[];
}
interface CliReport {
  files: { path: string; template: string; problems: CliProblem[] }[];
}

const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

function cliJson(locale: string): CliReport {
  const files = SEEDS.map((s) => path.join(SEEDS_DIR, s));
  const r = runCli(['check', '--format', 'json', '--locale', locale, ...files]);
  // Exit code 1 means "errors found"; the JSON is still on stdout.
  if (r.code !== 0 && r.code !== 1) throw new Error(`report-review exited with ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as CliReport;
}

function range(r: { start: { line: number; character: number }; end: { line: number; character: number } }): CliRange {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** A published diagnostic in the CLI's JSON shape. */
function asCli(d: Diagnostic, fixes: CodeAction[]): CliProblem {
  return {
    rule: String(d.code),
    severity: SEVERITY[d.severity ?? 0],
    message: d.message,
    ...range(d.range),
    related: (d.relatedInformation ?? []).map((r) => ({ ...range(r.location.range), message: r.message })),
    fixes: fixes.map((f) => ({ title: f.title, preferred: f.isPreferred === true })),
  };
}

for (const locale of ['zh-CN', 'en']) {
  describe(`editor and CLI agree on every seed (${locale})`, function () {
    this.timeout(30000);
    let cli: CliReport;
    let client: LspClient;

    before(async () => {
      cli = cliJson(locale);
      client = await LspClient.start({ settings: () => ({ locale }) });
    });
    after(async () => {
      await client.stop();
    });

    it('the CLI checked every seed', () => {
      assert.deepStrictEqual(cli.files.map((f) => path.basename(f.path)), SEEDS);
    });

    for (const seed of SEEDS) {
      it(seed, async () => {
        const uri = seedUri(seed);
        await client.open(uri, seedText(seed), 'plaintext');
        const published = await client.diagnosticsFor(uri, 1);
        const expected = cli.files.find((f) => path.basename(f.path) === seed)!.problems;
        const actual: CliProblem[] = [];
        for (const d of published.diagnostics) {
          // The quick fixes the editor offers for this diagnostic (not the "fix all of a rule" ones).
          const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
          actual.push(asCli(d, actions.filter((a) => a.edit && a.diagnostics?.length === 1)));
        }
        assert.ok(expected.length > 0, 'every seed has at least one problem');
        assert.deepStrictEqual(
          actual.map((p) => JSON.stringify(p)),
          expected.map((p) => JSON.stringify({ rule: p.rule, severity: p.severity, message: p.message, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, related: p.related, fixes: p.fixes })),
        );
        for (const d of published.diagnostics) {
          assert.strictEqual(d.source, 'report-review');
          assert.ok(d.codeDescription?.href.endsWith(`/docs/rules/${d.code}.md`));
        }
      });
    }
  });
}
