// Runs inside VS Code's extension host (see runTest.mjs): the extension under development is
// loaded from the repository, the workspace is a temp folder holding copies of the seed reports.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Rendered, TableView } from '../../../client/src/tableView';
import { cliCheck, cliCheckText, cliFix, ROOT, SEEDS, sortShown, type Locale, type Severity, type Shown } from './oracle';

const EXTENSION_ID = 'report-review.report-review';
const SEED_NAMES = fs.readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();
const SEED_001 = SEED_NAMES.find((n) => n.startsWith('001_'))!;
const WAIT_MS = 20_000;
// With reportReview.locale = auto, messages follow VS Code's display language.
const LOCALE: Locale = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';

const SEVERITY: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function shown(list: readonly vscode.Diagnostic[]): Shown[] {
  return sortShown(list.map((d) => ({
    code: codeOf(d),
    severity: SEVERITY[d.severity],
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    message: d.message,
  })));
}

const same = (a: Shown[], b: Shown[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Runs `action` (if any), then waits until the diagnostics of `uri` equal `expected`, checking on
 * every onDidChangeDiagnostics for it. After an action at least one change must arrive, so a
 * stale list that happens to match does not count. On timeout returns what is shown then, for
 * the caller's deepStrictEqual to print the difference.
 */
async function diagnosticsAfter(uri: vscode.Uri, expected: Shown[], action?: () => Thenable<unknown>): Promise<Shown[]> {
  let changed = !action;
  const current = () => shown(vscode.languages.getDiagnostics(uri));
  let sub: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const settled = new Promise<void>((resolve) => {
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      changed = true;
      if (same(current(), expected)) resolve();
    });
    timer = setTimeout(resolve, WAIT_MS);
  });
  try {
    await action?.();
    if (changed && same(current(), expected)) return current();
    await settled;
    if (!changed) assert.fail(`no diagnostics were published for ${path.basename(uri.fsPath)} within ${WAIT_MS} ms`);
    return current();
  } finally {
    sub?.dispose();
    clearTimeout(timer);
  }
}

/** Waits until `doc`'s text satisfies `until` (checked on every change of it). */
async function textAfter(doc: vscode.TextDocument, until: (text: string) => boolean, action: () => Thenable<unknown>): Promise<string> {
  let sub: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve) => {
    sub = vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === doc && until(doc.getText())) resolve(); });
    timer = setTimeout(resolve, WAIT_MS);
  });
  try {
    await action();
    if (!until(doc.getText())) await done;
    return doc.getText();
  } finally {
    sub?.dispose();
    clearTimeout(timer);
  }
}

/** What the table view drew once it satisfies `until` (checked on each drawing, the last one first). */
async function drawn(view: TableView, until: (r: Rendered) => boolean): Promise<Rendered> {
  if (view.lastRendered && until(view.lastRendered)) return view.lastRendered;
  let sub: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<Rendered>((resolve, reject) => {
      sub = view.onDidRender((r) => { if (until(r)) resolve(r); });
      timer = setTimeout(() => reject(new Error(`the table view did not draw it within ${WAIT_MS} ms; last: ${JSON.stringify(view.lastRendered)}`)), WAIT_MS);
    });
  } finally {
    sub?.dispose();
    clearTimeout(timer);
  }
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

/** The range of the `n`-th number (0-based; -1 = the last) on the first line matching `line`. */
function numberOn(doc: vscode.TextDocument, line: RegExp, n = -1): vscode.Range {
  for (let i = 0; i < doc.lineCount; i++) {
    const text = doc.lineAt(i).text;
    if (!line.test(text)) continue;
    const numbers = [...text.matchAll(/\d+/g)].filter((m) => m.index === 0 || /\s/.test(text[m.index - 1]));
    const m = numbers.at(n)!;
    return new vscode.Range(i, m.index, i, m.index + m[0].length);
  }
  throw new Error(`no line matches ${line}`);
}

function replaceIn(text: string, doc: vscode.TextDocument, range: vscode.Range, newText: string): string {
  return text.slice(0, doc.offsetAt(range.start)) + newText + text.slice(doc.offsetAt(range.end));
}

async function setSetting(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Reverts every changed document and closes all editors. */
async function cleanUp(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('Report Review in VS Code', () => {
  afterEach(cleanUp);

  it('runs in VS Code 1.100.x, activated by report languages only', () => {
    console.log(`      VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.language}), extension host Node ${process.version}`);
    assert.match(vscode.version, /^1\.100\./);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    // Activated by languages only (HTML: pages may be reports), never eagerly at start-up.
    const events = (ext.packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
    assert.deepStrictEqual([...events].sort(), ['onLanguage:gov-report', 'onLanguage:html', 'onLanguage:markdown', 'onLanguage:plaintext']);
  });

  for (const name of SEED_NAMES) {
    it(`${name}: opening it activates the extension and shows exactly the CLI's diagnostics`, async () => {
      const uri = workspaceFile(name);
      const expected = cliCheck(uri.fsPath, LOCALE);
      const actual = await diagnosticsAfter(uri, expected, () => open(uri));
      assert.strictEqual(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
      assert.deepStrictEqual(actual, expected);
      for (const d of vscode.languages.getDiagnostics(uri)) assert.strictEqual(d.source, 'report-review');
    });
  }

  it('links each diagnostic to its rule document', async () => {
    const uri = workspaceFile(SEED_001);
    const expected = cliCheck(uri.fsPath, LOCALE);
    assert.ok(expected.length > 0, 'seed 001 has problems');
    await open(uri); // opened before: no new diagnostics need to arrive
    assert.deepStrictEqual(await diagnosticsAfter(uri, expected), expected);
    for (const d of vscode.languages.getDiagnostics(uri)) {
      assert.ok(typeof d.code === 'object', `${codeOf(d)} has no codeDescription`);
      const target = d.code.target;
      assert.strictEqual(target.scheme, 'file');
      assert.ok(target.path.endsWith(`/docs/rules/${codeOf(d)}.md`), target.toString());
      assert.ok(fs.existsSync(target.fsPath), `${target.fsPath} does not exist`);
    }
  });

  it('editor.action.autoFix restores a broken total in seed 001', async () => {
    const uri = workspaceFile(SEED_001);
    const editor = await open(uri);
    const doc = editor.document;
    const original = doc.getText();
    const clean = cliCheck(uri.fsPath, LOCALE);
    await diagnosticsAfter(uri, clean);

    // （七）总计 29 0 0 0 0 0 29 → the 总计 column says 99.
    const cell = numberOn(doc, /^（七）总计 /);
    const broken = replaceIn(original, doc, cell, '99');
    const brokenShown = cliCheckText(broken, LOCALE);
    assert.ok(brokenShown.some((s) => s.range[0] === cell.start.line && s.code === 'row-total'), 'the CLI reports the broken row total');
    assert.deepStrictEqual(await diagnosticsAfter(uri, brokenShown, () => editor.edit((b) => b.replace(cell, '99'))), brokenShown);

    editor.selection = new vscode.Selection(cell.start, cell.start);
    const fixed = await textAfter(doc, (t) => t === original, () => vscode.commands.executeCommand('editor.action.autoFix'));
    assert.strictEqual(doc.lineAt(cell.start.line).text, original.split(/\r?\n/)[cell.start.line]);
    assert.strictEqual(fixed, original);
    assert.deepStrictEqual(await diagnosticsAfter(uri, clean), clean);
  });

  it('the table view: seed 001\'s dropped cell, a wrong total typed into the text, a chosen cell selected in the text', async () => {
    const uri = workspaceFile(SEED_001);
    const editor = await open(uri);
    const doc = editor.document;
    await diagnosticsAfter(uri, cliCheck(uri.fsPath, LOCALE));
    const view = (await vscode.commands.executeCommand('reportReview.showTables')) as TableView;
    const at = (r: Rendered, version: number) => r.uri === uri.toString() && r.version === version;
    const first = await drawn(view, (r) => at(r, doc.version));
    // Table 三's （五）2.重复申请 has six zeros of seven: the seventh is drawn missing, 0 expected.
    assert.deepStrictEqual(first.marked.map((m) => [m.state, m.expected]), [['missing', '→ 0']]);
    assert.match(first.marked[0].label, /^2\.重复申请 · 总计: /);

    // （七）总计's 总计 column typed as 99: the drawing of that very version marks it, 29 expected.
    const cell = numberOn(doc, /^（七）总计 /);
    await editor.edit((b) => b.replace(cell, '99'));
    const second = await drawn(view, (r) => at(r, doc.version));
    const wrong = second.marked.filter((m) => m.state === 'wrong');
    assert.deepStrictEqual(wrong.map((m) => [m.text, m.expected]), [['99', '→ 29'], ['1', '']]);
    assert.ok(vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'row-total' && d.range.isEqual(cell)));

    // Choosing the cell in the view (the message its click posts) selects its text.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await view.fromView({ type: 'select', at: wrong[0].at });
    assert.ok(editor.selection.isEqual(new vscode.Selection(cell.start, cell.end)), `selection ${JSON.stringify(editor.selection)}`);
  });

  describe('with source.fixAll.reportReview on save', () => {
    before(() => setSetting('editor', 'codeActionsOnSave', { 'source.fixAll.reportReview': 'explicit' }));
    after(() => setSetting('editor', 'codeActionsOnSave', undefined));

    it('saving a report with broken totals fixes them', async () => {
      const uri = workspaceFile('save-fix-all.txt');
      fs.copyFileSync(workspaceFile(SEED_001).fsPath, uri.fsPath);
      const editor = await open(uri);
      const doc = editor.document;
      const original = doc.getText();
      // Two totals broken by hand: table 三's （七）总计 row says 99 in its 总计 column, table 四's
      // 行政复议 总计 (the 5th number of its only row) says 12 instead of 11.
      const seventh = numberOn(doc, /^（七）总计 /);
      const review = numberOn(doc, /^(\d+ ){14}\d+$/, 4);
      assert.strictEqual(doc.getText(review), '11');
      const broken = replaceIn(replaceIn(original, doc, review, '12'), doc, seventh, '99');
      const expectedText = cliFix(broken);
      for (const cell of [seventh, review]) {
        const line = cell.start.line;
        assert.strictEqual(expectedText.split(/\r?\n/)[line], original.split(/\r?\n/)[line], `the CLI restores line ${line + 1}`);
      }

      await diagnosticsAfter(uri, cliCheckText(broken, LOCALE), () => editor.edit((b) => { b.replace(seventh, '99'); b.replace(review, '12'); }));
      assert.ok(doc.isDirty);
      const saved = await textAfter(doc, (t) => t === expectedText, () => vscode.commands.executeCommand('workbench.action.files.save'));
      assert.strictEqual(saved, expectedText);
      assert.strictEqual(doc.isDirty, false);
      assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), expectedText);
      const fixedShown = cliCheckText(expectedText, LOCALE);
      assert.deepStrictEqual(await diagnosticsAfter(uri, fixedShown), fixedShown);
    });
  });

  describe('settings', () => {
    after(async () => {
      await setSetting('reportReview', 'rules', undefined);
      await setSetting('reportReview', 'locale', undefined);
    });

    it('reportReview.rules: turning a rule off, changing its severity and resetting it re-checks the open report', async () => {
      const uri = workspaceFile(SEED_001);
      const expected = cliCheck(uri.fsPath, LOCALE);
      assert.ok(expected.some((s) => s.code === 'missing-cell'), 'seed 001 has a missing-cell problem');
      await open(uri);
      await diagnosticsAfter(uri, expected);

      const off = expected.filter((s) => s.code !== 'missing-cell');
      assert.deepStrictEqual(await diagnosticsAfter(uri, off, () => setSetting('reportReview', 'rules', { 'missing-cell': 'off' })), off);

      const warning = expected.map((s) => (s.code === 'missing-cell' ? { ...s, severity: 'warning' as const } : s));
      assert.deepStrictEqual(await diagnosticsAfter(uri, warning, () => setSetting('reportReview', 'rules', { 'missing-cell': 'warning' })), warning);

      assert.deepStrictEqual(await diagnosticsAfter(uri, expected, () => setSetting('reportReview', 'rules', undefined)), expected);
    });

    it('reportReview.locale: the messages switch language', async () => {
      const uri = workspaceFile(SEED_001);
      const other: Locale = LOCALE === 'en' ? 'zh-CN' : 'en';
      const expected = cliCheck(uri.fsPath, LOCALE);
      await open(uri);
      await diagnosticsAfter(uri, expected);
      const translated = cliCheck(uri.fsPath, other);
      assert.notDeepStrictEqual(translated, expected);
      assert.deepStrictEqual(await diagnosticsAfter(uri, translated, () => setSetting('reportReview', 'locale', other)), translated);
      assert.deepStrictEqual(await diagnosticsAfter(uri, expected, () => setSetting('reportReview', 'locale', undefined)), expected);
    });
  });
  describe('check workspace', () => {
    const large = () => workspaceFile('large.report.txt');
    const small = () => workspaceFile('small.report.txt');
    after(async () => {
      await setSetting('reportReview', 'maxFileSize', undefined);
      for (const f of [large(), small()]) fs.rmSync(f.fsPath, { force: true });
    });

    it('reads only regular files within reportReview.maxFileSize, and names each one skipped with the reason', async () => {
      // A report over the limit: seed 001 followed by more narrative.
      const text = fs.readFileSync(workspaceFile(SEED_001).fsPath, 'utf8') + '\n本机关持续推进政务公开工作。'.repeat(2000);
      fs.writeFileSync(large().fsPath, text);
      // A report within the limit that no earlier test opened.
      fs.copyFileSync(workspaceFile(SEED_001).fsPath, small().fsPath);
      const size = Buffer.byteLength(text, 'utf8');
      const limit = 50_000;
      assert.ok(size > limit && fs.statSync(workspaceFile(SEED_001).fsPath).size < limit);
      await setSetting('reportReview', 'maxFileSize', limit);
      const result = (await vscode.commands.executeCommand('reportReview.checkWorkspace')) as
        | { files: number; reports: number; problems: number; skipped: { uri: string; reason: string }[] }
        | undefined;
      const reason = LOCALE === 'en'
        ? `too large: ${size} bytes, more than the limit of ${limit} bytes; not read`
        : `文件过大：${size} 字节，超过上限 ${limit} 字节，不读取`;
      assert.deepStrictEqual(result?.skipped, [{ uri: large().toString(), reason }]);
      // Every other file not open is a report (the seeds), small.report.txt among them.
      assert.ok(result.reports >= 1 && result.reports === result.files - 1, JSON.stringify(result));
      assert.deepStrictEqual(vscode.languages.getDiagnostics(large()), []);
      assert.deepStrictEqual(shown(vscode.languages.getDiagnostics(small())), cliCheck(small().fsPath, LOCALE));
    });
  });

  describe('pages, Word and PDF', () => {
    const FORMATS = path.join(ROOT, 'test/fixtures/formats');
    const NAME = '005_pingtan_xingzhengshenpi_2024';
    const copies: vscode.Uri[] = [];
    /** A copy of a fixture in the workspace (removed after these tests). */
    const copy = (dir: string, ext: string, as = `${NAME}.${ext}`) => {
      const uri = workspaceFile(as);
      fs.copyFileSync(path.join(FORMATS, dir, `${NAME}.${ext}`), uri.fsPath);
      copies.push(uri);
      return uri;
    };
    after(() => {
      for (const f of copies) fs.rmSync(f.fsPath, { force: true });
    });

    it('an HTML report shows the CLI’s diagnostics on its cells, and a quick fix edits only the cell', async () => {
      const uri = copy('html', 'html');
      const expected = cliCheck(uri.fsPath, LOCALE);
      assert.deepStrictEqual(expected.map((e) => e.code), ['review-total']);
      const editor = await open(uri);
      assert.strictEqual(editor.document.languageId, 'html');
      assert.deepStrictEqual(await diagnosticsAfter(uri, expected), expected);
      const [d] = vscode.languages.getDiagnostics(uri);
      assert.strictEqual(editor.document.getText(d.range), '0');
      const original = editor.document.getText();
      const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value)) as vscode.CodeAction[];
      const preferred = actions.filter((a) => a.isPreferred && a.edit);
      assert.strictEqual(preferred.length, 1, actions.map((a) => a.title).join(', '));
      const at = editor.document.offsetAt(d.range.start);
      const fixed = await textAfter(editor.document, (t) => t !== original, () => vscode.workspace.applyEdit(preferred[0].edit!));
      assert.strictEqual(fixed, original.slice(0, at) + '1' + original.slice(at + 1));
      assert.deepStrictEqual(await diagnosticsAfter(uri, []), []);
    });

    for (const ext of ['pdf', 'docx']) {
      it(`以文本打开 on a .${ext} opens its report text beside it as a checked draft`, async () => {
        const uri = copy(ext, ext);
        await vscode.commands.executeCommand('reportReview.openAsText', uri);
        const draft = vscode.window.activeTextEditor!.document;
        assert.strictEqual(draft.uri.scheme, 'untitled');
        assert.strictEqual(path.basename(draft.uri.path), `${NAME}.report.txt`);
        assert.strictEqual(draft.languageId, 'gov-report');
        const expected = cliCheckText(draft.getText(), LOCALE);
        assert.ok(expected.some((e) => e.code === 'review-total'), JSON.stringify(expected));
        assert.deepStrictEqual(await diagnosticsAfter(draft.uri, expected), expected);
      });
    }

    it('检查工作区 puts a page’s problems on its cells, a PDF’s on its report text, opened at the cell', async () => {
      const page = copy('html', 'html', 'unopened.html');
      const pdf = copy('pdf', 'pdf', 'unopened.pdf');
      await vscode.commands.executeCommand('reportReview.checkWorkspace');
      assert.deepStrictEqual(shown(vscode.languages.getDiagnostics(page)), cliCheck(page.fsPath, LOCALE));
      const textUri = vscode.Uri.from({ scheme: 'report-review-text', path: `${pdf.path}.report.txt`, query: pdf.toString() });
      const found = shown(vscode.languages.getDiagnostics(textUri));
      const text = await vscode.workspace.openTextDocument(textUri);
      const expected = cliCheckText(text.getText(), LOCALE);
      assert.ok(expected.some((e) => e.code === 'review-total'), JSON.stringify(expected));
      assert.deepStrictEqual(found, expected);
      // Opened, the text is a report the server checks.
      assert.strictEqual(text.languageId, 'gov-report');
    });
  });
});
