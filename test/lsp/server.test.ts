/**
 * The language server over stdio, as any LSP client sees it: capabilities, diagnostics, code
 * actions, hover, outline, folding, inlay hints, settings and the custom requests.
 */
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type {
  CodeAction,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  PublishDiagnosticsParams,
  TextDocumentEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { check, describeAt, expectedTotals, fixAll, formatMessage, LineIndex, summarize, type Problem } from '../../server/src/core/index';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { FULL_CAPABILITIES, LspClient, ROOT } from './client';
import { applyLspEdits, seedText, seedUri, WRONG_TOTALS, zh } from './fixtures';

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;
const SEED0 = '000_540e64cb95a423eb.txt';

function docsHref(alias: string): string {
  return pathToFileURL(path.join(ROOT, 'docs', 'rules', `${alias}.md`)).href;
}

/** The diagnostic the server must publish for a core problem (zh-CN). */
function expectedDiagnostic(p: Problem, text: string, uri: string): Diagnostic {
  const index = new LineIndex(text);
  const range = (s: { start: number; end: number }) => ({ start: index.positionAt(s.start), end: index.positionAt(s.end) });
  const d: Diagnostic = {
    range: range(p.span),
    severity: SEVERITY[p.severity],
    source: 'report-review',
    code: p.rule,
    codeDescription: { href: docsHref(p.rule) },
    message: formatMessage(p.message, 'zh-CN'),
  };
  if (p.related.length) {
    d.relatedInformation = p.related.map((r) => ({ location: { uri, range: range(r.span) }, message: formatMessage(r.message, 'zh-CN') }));
  }
  return d;
}

function onlyEdit(edit: WorkspaceEdit | undefined): TextDocumentEdit {
  assert.ok(edit?.documentChanges, 'versioned documentChanges expected');
  assert.strictEqual(edit.documentChanges.length, 1);
  return edit.documentChanges[0] as TextDocumentEdit;
}

describe('language server over stdio', function () {
  this.timeout(20000);
  let client: LspClient;
  let settings: Record<string, unknown>;

  beforeEach(async () => {
    settings = {};
    client = await LspClient.start({ settings: () => settings });
  });
  afterEach(async () => {
    await client.stop();
  });

  it('announces its capabilities', () => {
    assert.deepStrictEqual(client.initializeResult, {
      capabilities: {
        textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.reportReview'], resolveProvider: true },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        inlayHintProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'report-review' },
    });
  });

  it('publishes, with the document version, exactly the core\'s problems as diagnostics', async () => {
    const uri = seedUri('wrong.report.txt');
    await client.open(uri, WRONG_TOTALS, 'gov-report', 7);
    const p = await client.diagnosticsFor(uri, 7);
    const problems = check(WRONG_TOTALS).problems;
    assert.deepStrictEqual(
      problems.map((x) => x.rule),
      ['row-total', 'row-total', 'label-variant', 'results-total', 'balance'],
    );
    assert.deepStrictEqual(p.diagnostics, problems.map((x) => expectedDiagnostic(x, WRONG_TOTALS, uri)));
  });

  it('checks a plain-text seed with no configuration, and leaves other plain text alone', async () => {
    const other = 'file:///notes/todo.txt';
    await client.open(other, '买菜\n写周报\n', 'plaintext');
    const uri = seedUri(SEED0);
    await client.open(uri, seedText(SEED0), 'plaintext');
    const p = await client.diagnosticsFor(uri, 1);
    assert.deepStrictEqual(
      p.diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
      [['label-variant', 174, zh('labelVariant', { found: '3.危及“三安全-稳定”', label: '3.危及“三安全一稳定”' })]],
    );
    // Notifications are handled in order: had the first file been checked, its diagnostics came first.
    assert.deepStrictEqual(client.published.filter((x) => x.uri === other), []);
  });

  it('reportReview.detect: never checks only gov-report documents; always checks any plain text', async () => {
    settings = { detect: 'never' };
    const plain = seedUri(SEED0);
    await client.open(plain, seedText(SEED0), 'plaintext');
    const report = seedUri('seed.report.txt');
    await client.open(report, seedText(SEED0), 'gov-report');
    assert.deepStrictEqual((await client.diagnosticsFor(report, 1)).diagnostics.map((d) => d.code), ['label-variant']);
    assert.deepStrictEqual(client.published.filter((p) => p.uri === plain), []);
    settings = { detect: 'always' };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await client.diagnosticsFor(plain, 1);
    assert.deepStrictEqual(p.diagnostics.map((d) => d.code), ['label-variant']);
  });

  it('republishes on every incremental change', async () => {
    const uri = seedUri(SEED0);
    const text = seedText(SEED0);
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const line = text.split(/\r?\n/)[174];
    await client.change(uri, 2, [{ range: { start: { line: 174, character: 8 }, end: { line: 174, character: 9 } }, text: '一' }]);
    assert.strictEqual(line[8], '-');
    assert.deepStrictEqual((await client.diagnosticsFor(uri, 2)).diagnostics, []);
    await client.change(uri, 3, [{ range: { start: { line: 174, character: 8 }, end: { line: 174, character: 9 } }, text: '-' }]);
    assert.deepStrictEqual((await client.diagnosticsFor(uri, 3)).diagnostics.map((d) => d.code), ['label-variant']);
  });

  it('typing a number into a table publishes what checking the typed text afresh gives', async () => {
    const uri = seedUri(SEED0);
    let text = seedText(SEED0);
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const label = '一、本年新收政府信息公开申请数量 ';
    const at = text.indexOf(label) + label.length;
    const index = new LineIndex(text);
    const pos = index.positionAt(at);
    // Type 1, 2 after the 0, select the three digits and type 7, then type 8 over the 7 (the
    // findings of the rules that read no number carry over as they were, for the new version).
    const steps = [
      { from: 1, to: 1, typed: '1' },
      { from: 2, to: 2, typed: '2' },
      { from: 0, to: 3, typed: '7' },
      { from: 0, to: 1, typed: '8' },
    ];
    let version = 1;
    for (const s of steps) {
      const range = { start: { line: pos.line, character: pos.character + s.from }, end: { line: pos.line, character: pos.character + s.to } };
      await client.change(uri, ++version, [{ range, text: s.typed }]);
      text = text.slice(0, at + s.from) + s.typed + text.slice(at + s.to);
      const published = await client.diagnosticsFor(uri, version);
      const expected = check(text).problems.map((p) => expectedDiagnostic(p, text, uri));
      assert.deepStrictEqual(published.diagnostics, expected, `after typing ${s.typed}`);
      assert.ok(expected.some((d) => d.code === 'row-total'), 'the typed number breaks a total');
    }
  });

  it('checks only the newest of changes that arrive together', async () => {
    const uri = seedUri(SEED0);
    await client.open(uri, seedText(SEED0));
    await client.diagnosticsFor(uri, 1);
    const at = { start: { line: 174, character: 8 }, end: { line: 174, character: 9 } };
    client.burst(
      ['一', '-', '一', '-', '一'].map((text, i) => ({
        method: 'textDocument/didChange',
        params: { textDocument: { uri, version: i + 2 }, contentChanges: [{ range: at, text }] },
      })),
    );
    const last = await client.diagnosticsFor(uri, 6);
    assert.deepStrictEqual(last.diagnostics, []);
    assert.deepStrictEqual(client.published.filter((p) => p.uri === uri).map((p) => p.version), [1, 6]);
  });

  it('publishes the last version it accepted when a later change arriving with it is not applied', async () => {
    const uri = seedUri(SEED0);
    const text = seedText(SEED0);
    await client.open(uri, text);
    assert.deepStrictEqual((await client.diagnosticsFor(uri, 1)).diagnostics.map((d) => d.code), ['label-variant']);
    // The first cell of 一、本年新收 becomes 5 (version 2); version 3 changes nothing. Both arrive
    // together, so version 2 is read while version 3 is already on its way.
    const label = '一、本年新收政府信息公开申请数量 ';
    const at = new LineIndex(text).positionAt(text.indexOf(label) + label.length);
    const range = { start: at, end: { line: at.line, character: at.character + 1 } };
    client.burst([
      { method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ range, text: '5' }] } },
      { method: 'textDocument/didChange', params: { textDocument: { uri, version: 3 }, contentChanges: [] } },
    ]);
    const edited = text.slice(0, text.indexOf(label) + label.length) + '5' + text.slice(text.indexOf(label) + label.length + 1);
    const p = await client.diagnosticsFor(uri, 2);
    assert.deepStrictEqual(
      p.diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['row-total', 152],
        ['label-variant', 174],
        ['balance', 219],
      ],
    );
    assert.deepStrictEqual(p.diagnostics, check(edited).problems.map((x) => expectedDiagnostic(x, edited, uri)));
  });

  it('offers the quick fixes of the problem a diagnostic shows, the safe one preferred', async () => {
    const uri = seedUri('wrong.report.txt');
    await client.open(uri, WRONG_TOTALS);
    const [first] = (await client.diagnosticsFor(uri, 1)).diagnostics;
    assert.strictEqual(first.code, 'row-total');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: first.range,
      context: { diagnostics: [first] },
    });
    const index = new LineIndex(WRONG_TOTALS);
    const at = (o: number) => index.positionAt(o);
    const fixes = check(WRONG_TOTALS).problems[0].fixes;
    const versioned = (e: { start: number; end: number; newText: string }) => ({
      documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: { start: at(e.start), end: at(e.end) }, newText: e.newText }] }],
    });
    assert.deepStrictEqual(actions, [
      { title: formatMessage(fixes[0].title, 'zh-CN'), kind: 'quickfix', diagnostics: [first], isPreferred: true, edit: versioned(fixes[0].edits[0]) },
      { title: formatMessage(fixes[1].title, 'zh-CN'), kind: 'quickfix', diagnostics: [first], edit: versioned(fixes[1].edits[0]) },
      { title: '修复本报告中所有 row-total 问题', kind: 'quickfix', data: { uri, version: 1, rule: 'row-total' } },
    ]);
    assert.strictEqual(actions[0].title, zh('fixSetCell', { cell: '一、本年新收·自然人', value: 0 }));
  });

  it('applying the preferred fix gives the expected text', async () => {
    const uri = seedUri(SEED0);
    const text = seedText(SEED0);
    await client.open(uri, text);
    const [d] = (await client.diagnosticsFor(uri, 1)).diagnostics;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const preferred = actions.filter((a) => a.isPreferred);
    assert.strictEqual(preferred.length, 1);
    const edit = onlyEdit(preferred[0].edit);
    assert.deepStrictEqual(edit.textDocument, { uri, version: 1 });
    const index = new LineIndex(text);
    const fixed = applyLspEdits(text, edit.edits as never, (l, c) => index.offsetAt(l, c));
    assert.strictEqual(fixed, text.replace('3.危及“三安全-稳定”', '3.危及“三安全一稳定”'));
    assert.deepStrictEqual(check(fixed).problems, []);
  });

  it('offers fixes computed for the current version, and none for a diagnostic that no longer shows a problem', async () => {
    const uri = seedUri(SEED0);
    let text = seedText(SEED0);
    await client.open(uri, text);
    const [d] = (await client.diagnosticsFor(uri, 1)).diagnostics;
    assert.strictEqual(d.code, 'label-variant');
    // An edit elsewhere: the diagnostic of version 1 still shows the problem, whose fix is for version 2.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    text = ' ' + text;
    await client.diagnosticsFor(uri, 2);
    const request = () => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const [fix] = await request();
    const edit = onlyEdit(fix.edit);
    assert.deepStrictEqual(edit.textDocument, { uri, version: 2 });
    const index = new LineIndex(text);
    assert.strictEqual(applyLspEdits(text, edit.edits as never, (l, c) => index.offsetAt(l, c)), text.replace('3.危及“三安全-稳定”', '3.危及“三安全一稳定”'));
    // An edit that moves the label: the old diagnostic shows nothing any more.
    await client.change(uri, 3, [{ range: { start: d.range.start, end: d.range.start }, text: '  ' }]);
    await client.diagnosticsFor(uri, 3);
    assert.deepStrictEqual(await request(), []);
    // A fix-all computed for version 1 is not resolved against version 3 either.
    const stale: CodeAction = { title: 'x', kind: 'source.fixAll.reportReview', data: { uri, version: 1 } };
    assert.deepStrictEqual(await client.request('codeAction/resolve', stale), stale);
  });

  it('fix-all sends minimal versioned edits that equal the core\'s fixAll', async () => {
    const uri = seedUri('wrong.report.txt');
    await client.open(uri, WRONG_TOTALS);
    await client.diagnosticsFor(uri, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepStrictEqual(actions, [{ title: '修复本报告中所有可自动修复的问题', kind: 'source.fixAll.reportReview', data: { uri, version: 1 } }]);
    const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
    const edit = onlyEdit(resolved.edit);
    assert.deepStrictEqual(edit.textDocument, { uri, version: 1 });
    const index = new LineIndex(WRONG_TOTALS);
    const fixed = applyLspEdits(WRONG_TOTALS, edit.edits as never, (l, c) => index.offsetAt(l, c));
    assert.strictEqual(fixed, fixAll(WRONG_TOTALS));
    // Minimal: one character per changed cell or label, never a whole-document replacement.
    assert.deepStrictEqual(
      edit.edits.map((e) => [e.range.start.line, e.range.end.character - e.range.start.character, e.newText]),
      [
        [152, 1, '0'],
        [161, 1, '0'],
        [174, 1, '一'],
      ],
    );
  });

  it('hover on a cell tells its row × column and the identities with ✓/✗', async () => {
    const uri = seedUri('wrong.report.txt');
    await client.open(uri, WRONG_TOTALS);
    await client.diagnosticsFor(uri, 1);
    const offset = WRONG_TOTALS.indexOf('（一）予以公开 3') + '（一）予以公开 '.length;
    const index = new LineIndex(WRONG_TOTALS);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: index.positionAt(offset) });
    const info = describeAt(check(WRONG_TOTALS), offset, 'zh-CN');
    assert.deepStrictEqual(info, {
      title: zh('hoverCell', { row: '（一）予以公开', col: '自然人', value: '3' }),
      lines: [
        zh('hoverSum', { label: zh('kind.row-total'), cell: '（一）予以公开·总计', sum: '3', expected: 3, actual: 0, mark: '✗' }),
        zh('hoverSum', { label: zh('kind.results-total'), cell: '（七）总计·自然人', sum: '3', expected: 3, actual: 0, mark: '✗' }),
      ],
      span: { start: offset, end: offset + 1 },
    });
    assert.deepStrictEqual(hover, {
      contents: {
        kind: 'markdown',
        value: `**${info!.title}**\n\n${info!.lines.join('  \n')}`,
      },
      range: { start: index.positionAt(offset), end: index.positionAt(offset + 1) },
    });
    // On a total: its identities, the broken one ✗ and the one that holds ✓.
    const row = '一、本年新收政府信息公开申请数量 3 0 0 0 0 0 0';
    const total = WRONG_TOTALS.indexOf(row) + row.length - 1;
    const onTotal = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: index.positionAt(total) });
    assert.deepStrictEqual(onTotal.contents, {
      kind: 'markdown',
      value: [
        `**${zh('hoverCell', { row: '一、本年新收', col: '总计', value: '0' })}**\n`,
        `${zh('hoverSum', { label: zh('kind.row-total'), cell: '一、本年新收·总计', sum: '3', expected: 3, actual: 0, mark: '✗' })}  `,
        zh('hoverBalance', { label: zh('kind.balance'), col: '总计', new: 0, carried: 0, total: 0, next: 0, mark: '✓' }),
      ].join('\n'),
    });
    const nothing = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.strictEqual(nothing, null);
  });

  it('outlines title, sections, tables and rows', async () => {
    const uri = seedUri(SEED0);
    await client.open(uri, seedText(SEED0));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const shape = (s: DocumentSymbol): unknown => [s.name, s.kind, ...(s.children?.length ? [s.children.map(shape)] : [])];
    const tree = symbols.map(shape) as unknown[];
    assert.deepStrictEqual(tree.slice(0, 2), [
      ['格尔木市大格勒乡人民政府2024年政府信息公开工作年度报告', 1],
      ['一、总体情况', 3],
    ]);
    assert.deepStrictEqual(symbols.map((s) => s.name), [
      '格尔木市大格勒乡人民政府2024年政府信息公开工作年度报告',
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    const t2 = symbols[2].children!;
    assert.deepStrictEqual(t2.map((s) => [s.name, s.kind]), [['表二 主动公开政府信息情况', 23]]);
    assert.deepStrictEqual(t2[0].children!.map((r) => r.name), ['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费']);
    const t3 = symbols[3].children![0];
    assert.strictEqual(t3.name, '表三 收到和处理政府信息公开申请情况');
    assert.strictEqual(t3.children!.length, 25);
    assert.deepStrictEqual(t3.children![0], {
      name: '一、本年新收政府信息公开申请数量',
      kind: 8,
      detail: '0 0 0 0 0 0 0',
      range: { start: { line: 152, character: 0 }, end: { line: 152, character: 30 } },
      selectionRange: { start: { line: 152, character: 0 }, end: { line: 152, character: 16 } },
      children: [],
    });
    // Every child lies inside its parent.
    const inside = (inner: DocumentSymbol, outer: DocumentSymbol) => {
      const le = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
      assert.ok(le(outer.range.start, inner.range.start) && le(inner.range.end, outer.range.end), `${inner.name} outside ${outer.name}`);
      assert.ok(le(inner.range.start, inner.selectionRange.start) && le(inner.selectionRange.end, inner.range.end), `${inner.name} selection`);
      for (const c of inner.children ?? []) inside(c, inner);
    };
    for (const s of symbols) for (const c of s.children ?? []) inside(c, s);
  });

  it('folds sections and tables', async () => {
    const uri = seedUri(SEED0);
    const text = seedText(SEED0);
    await client.open(uri, text);
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    // Sections 一 二 三 五 六 (四 is a single line in this seed), tables 二 三 四 (四 sits in 五 here);
    // each fold ends on its last non-blank line.
    assert.deepStrictEqual(ranges, [
      { startLine: 12, endLine: 82 },
      { startLine: 86, endLine: 114 },
      { startLine: 92, endLine: 114 },
      { startLine: 118, endLine: 219 },
      { startLine: 152, endLine: 219 },
      { startLine: 225, endLine: 336 },
      { startLine: 255, endLine: 310 },
      { startLine: 338, endLine: 344 },
    ]);
    const lines = text.split(/\r\n|\r|\n/);
    assert.strictEqual(lines[118].trim(), '三、收到和处理政府信息公开申请情况');
    assert.strictEqual(lines[219].trim(), '四、结转下年度继续办理 0 0 0 0 0 0 0');
  });

  it('shows the expected value beside a wrong total, unless switched off', async () => {
    const uri = seedUri('wrong.report.txt');
    await client.open(uri, WRONG_TOTALS);
    await client.diagnosticsFor(uri, 1);
    const all = { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } };
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: all });
    const index = new LineIndex(WRONG_TOTALS);
    assert.deepStrictEqual(
      hints,
      expectedTotals(check(WRONG_TOTALS)).map((e) => ({ position: index.positionAt(e.span.end), label: `应为 ${e.expected}`, paddingLeft: true })),
    );
    assert.strictEqual(hints.length, 3);
    // The fixture's two changed rows and the results total, each short of 3 (read off the text, not the core).
    const lines = WRONG_TOTALS.split('\n');
    const row = (start: string) => lines.findIndex((l) => l.startsWith(start));
    assert.deepStrictEqual(
      hints.map((h) => [h.position.line, h.label]),
      [[row('一、本年新收政府信息公开申请数量'), '应为 3'], [row('（一）予以公开'), '应为 3'], [row('（七）总计'), '应为 3']],
    );
    settings = { inlayHints: false };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor((p) => p.uri === uri && client.published.filter((x) => x.uri === uri).length === 2);
    assert.deepStrictEqual(await client.request('textDocument/inlayHint', { textDocument: { uri }, range: all }), []);
  });

  it('follows per-resource rule settings and locale', async () => {
    settings = { rules: { 'label-variant': 'off', 'row-total': 'warning' }, locale: 'en' };
    const uri = seedUri('wrong.report.txt');
    await client.open(uri, WRONG_TOTALS);
    const p = await client.diagnosticsFor(uri, 1);
    const problems = check(WRONG_TOTALS, { rules: { 'label-variant': 'off', 'row-total': 'warning' } }).problems;
    assert.deepStrictEqual(
      p.diagnostics.map((d) => [d.code, d.severity, d.message]),
      problems.map((x) => [x.rule, SEVERITY[x.severity], formatMessage(x.message, 'en')]),
    );
    assert.deepStrictEqual(p.diagnostics.map((d) => [d.code, d.severity]), [['row-total', 2], ['row-total', 2], ['results-total', 1], ['balance', 1]]);
  });

  it('with run = onSave checks on open and save, not on change', async () => {
    settings = { run: 'onSave' };
    const uri = seedUri(SEED0);
    await client.open(uri, seedText(SEED0));
    await client.diagnosticsFor(uri, 1);
    await client.change(uri, 2, [{ range: { start: { line: 174, character: 8 }, end: { line: 174, character: 9 } }, text: '一' }]);
    // A check of the change would be published before the answer.
    await client.roundTrip();
    assert.deepStrictEqual(client.published.filter((x) => x.uri === uri).map((x) => x.version), [1]);
    await client.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const p = await client.waitFor((x) => x.uri === uri && x.version !== 1);
    assert.deepStrictEqual([p.version, p.diagnostics], [2, []]);
    assert.strictEqual(client.published.filter((x) => x.uri === uri).length, 2);
  });

  it('explains instead of checking a document over maxFileSize', async () => {
    settings = { maxFileSize: 1000 };
    const uri = seedUri(SEED0);
    const text = seedText(SEED0);
    await client.open(uri, text);
    const p = await client.diagnosticsFor(uri, 1);
    const bytes = Buffer.byteLength(text, 'utf8');
    assert.deepStrictEqual(p.diagnostics, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: text.split(/\r?\n/)[0].length } },
        severity: 3,
        source: 'report-review',
        message: `报告审查：文件大小 ${bytes} 字节，超过 reportReview.maxFileSize（1000 字节），未检查。可在设置中调高此上限。`,
      },
    ]);
  });

  it('answers reportReview/summary and reportReview/checkFiles', async () => {
    const uri = seedUri('wrong.report.txt');
    await client.open(uri, WRONG_TOTALS);
    const summary = await client.request('reportReview/summary', { uri });
    assert.deepStrictEqual(summary, { uri, version: 1, checked: true, ...summarize(check(WRONG_TOTALS)) });
    assert.deepStrictEqual((summary as { counts: unknown }).counts, { error: 4, warning: 0, info: 1, hint: 0 });
    const res = await client.request<{ files: { uri: string; diagnostics: Diagnostic[] }[] }>('reportReview/checkFiles', {
      files: [
        { uri: 'file:///w/a.txt', text: seedText(SEED0) },
        { uri: 'file:///w/notes.md', text: '# 会议记录\n' },
        { uri: 'file:///w/b.report.md', text: WRONG_TOTALS },
      ],
    });
    assert.deepStrictEqual(res.files.map((f) => [f.uri, f.diagnostics.map((d) => d.code)]), [
      ['file:///w/a.txt', ['label-variant']],
      ['file:///w/b.report.md', ['row-total', 'row-total', 'label-variant', 'results-total', 'balance']],
    ]);
  });

  it('answers reportReview/fixAll with the minimal versioned edit, or null when stale', async () => {
    const uri = seedUri('wrong.report.txt');
    await client.open(uri, WRONG_TOTALS);
    const edit = await client.request<WorkspaceEdit>('reportReview/fixAll', { uri, version: 1 });
    assert.strictEqual(onlyEdit(edit).edits.length, 3);
    assert.strictEqual(await client.request('reportReview/fixAll', { uri, version: 0 }), null);
  });

  it('survives bad requests', async () => {
    assert.deepStrictEqual(
      await client.request('textDocument/codeAction', { textDocument: { uri: 'file:///nope.txt' }, range: null, context: { diagnostics: [] } }),
      [],
    );
    assert.strictEqual(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nope.txt' }, position: { line: 0, character: 0 } }), null);
    const uri = seedUri(SEED0);
    await client.open(uri, seedText(SEED0));
    const bogus = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'report-review', data: { version: 1, fixes: 'no' } };
    assert.deepStrictEqual(
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: bogus.range, context: { diagnostics: [bogus, { junk: true }] } }),
      [],
    );
    assert.deepStrictEqual(await client.request('reportReview/checkFiles', { files: 'nope' }), { files: [] });
    // Still alive and checking.
    await client.diagnosticsFor(uri, 1);
  });
});

describe('standalone entry and clients without optional features', function () {
  this.timeout(20000);

  it('bin/report-review-lsp.js speaks stdio by default; without workspace/configuration or documentChanges', async () => {
    const client = await LspClient.start({
      script: path.join(ROOT, 'bin', 'report-review-lsp.js'),
      args: [],
      capabilities: { textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } },
      initializationOptions: { settings: { rules: { 'label-variant': 'off' } } },
    });
    try {
      const uri = seedUri('wrong.report.txt');
      await client.open(uri, WRONG_TOTALS);
      const p: PublishDiagnosticsParams = await client.diagnosticsFor(uri, 1);
      assert.deepStrictEqual(p.diagnostics.map((d) => d.code), ['row-total', 'row-total', 'results-total', 'balance']);
      assert.strictEqual(p.diagnostics[0].relatedInformation, undefined);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: p.diagnostics[0].range,
        context: { diagnostics: [p.diagnostics[0]] },
      });
      // No resolve support: the fix-all comes with its edit; no documentChanges: plain changes.
      assert.deepStrictEqual(actions.map((a) => [a.title, Object.keys(a.edit ?? {})]), [
        [zh('fixSetCell', { cell: '一、本年新收·自然人', value: 0 }), ['changes']],
        [zh('fixRecompute', { cell: '一、本年新收·总计', value: 3 }), ['changes']],
        ['修复本报告中所有 row-total 问题', ['changes']],
      ]);
      assert.strictEqual(actions[2].data, undefined);
    } finally {
      await client.stop();
    }
  });

  it('tells the VS Code client each check\'s state, template, counts and time', async () => {
    const client = await LspClient.start({ initializationOptions: { status: true } });
    try {
      const notes = 'file:///notes/todo.txt';
      await client.open(notes, '买菜\n', 'plaintext');
      await client.change(notes, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '写周报\n' }]);
      const uri = seedUri('wrong.report.txt');
      await client.open(uri, WRONG_TOTALS);
      const s = await client.notification<StatusParams>('reportReview/status', (p) => p.uri === uri);
      assert.ok(Number.isFinite(s.ms) && s.ms >= 0);
      assert.deepStrictEqual({ ...s, ms: 0 }, { uri, version: 1, state: 'checked', template: '2021', counts: { error: 4, warning: 0, info: 1, hint: 0 }, ms: 0 });
      // Plain text that is not a report: one status, not one per change.
      // (Which version it names depends on when the settings arrived; there is exactly one.)
      assert.deepStrictEqual(
        client.notifications.filter((n) => (n.params as StatusParams).uri === notes).map((n) => (n.params as StatusParams).state),
        ['not-report'],
      );
    } finally {
      await client.stop();
    }
  });

  it('names what reportReview.rules holds that is no rule or level, with the nearest, in the status and once in the log', async () => {
    let rules: Record<string, unknown> = { labelvariant: 'off', 'row-total': 'warn', RPT999: 'off' };
    const client = await LspClient.start({ initializationOptions: { status: true }, settings: () => ({ rules }) });
    try {
      const seed = seedUri(SEED0);
      const uri = seedUri('wrong.report.txt');
      await client.open(seed, seedText(SEED0));
      await client.open(uri, WRONG_TOTALS);
      // The unknown entries are left out: label-variant still speaks, row-total is still an error.
      const p = await client.diagnosticsFor(uri, 1);
      assert.deepStrictEqual(p.diagnostics.map((d) => [d.code, d.severity]), [
        ['row-total', 1],
        ['row-total', 1],
        ['label-variant', 3],
        ['results-total', 1],
        ['balance', 1],
      ]);
      const expected = [
        `reportReview.rules：${zh('unknownRuleSuggest', { name: 'labelvariant', suggestion: 'label-variant' })}`,
        `reportReview.rules：${zh('unknownLevelSuggest', { name: 'row-total', level: 'warn', suggestion: 'warning' })}`,
        `reportReview.rules：${zh('unknownRule', { name: 'RPT999' })}`,
      ];
      const s = await client.notification<StatusParams>('reportReview/status', (x) => x.uri === uri);
      assert.deepStrictEqual(s.settingsWarnings, expected);
      await client.roundTrip();
      assert.deepStrictEqual(client.log.filter((l) => l.startsWith('reportReview.rules')), expected);
      // Set right, the warnings go.
      rules = { 'label-variant': 'off' };
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const fixed = await client.notification<StatusParams>('reportReview/status', (x) => x.uri === uri && x.counts.info === 0);
      assert.strictEqual(fixed.settingsWarnings, undefined);
      await client.roundTrip();
      assert.strictEqual(client.log.filter((l) => l.startsWith('reportReview.rules')).length, expected.length);
    } finally {
      await client.stop();
    }
  });

  it('uses the display language the client passes', async () => {
    const client = await LspClient.start({ capabilities: FULL_CAPABILITIES, initializationOptions: { displayLanguage: 'en' } });
    try {
      const uri = seedUri(SEED0);
      await client.open(uri, seedText(SEED0));
      const p = await client.diagnosticsFor(uri, 1);
      assert.deepStrictEqual(p.diagnostics.map((d) => d.message), check(seedText(SEED0)).problems.map((x) => formatMessage(x.message, 'en')));
      assert.notStrictEqual(p.diagnostics[0].message, formatMessage(check(seedText(SEED0)).problems[0].message, 'zh-CN'));
    } finally {
      await client.stop();
    }
  });
});
