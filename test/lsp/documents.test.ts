/**
 * Reports in other formats, through the language server: an HTML page open in the editor is
 * checked in place (diagnostics on its cells, fixes that edit only a cell's text), a page that is
 * not a report gets nothing, and Word and PDF documents are read and checked on request.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/core/index';
import type { CheckDocumentResult, ExtractResult } from '../../server/src/lsp/protocol';
import { LspClient, ROOT } from './client';
import { applyLspEdits, zh } from './fixtures';

const FORMATS = path.join(ROOT, 'test', 'fixtures', 'formats');
const read = (...p: string[]) => fs.readFileSync(path.join(FORMATS, ...p));
const PAGE = read('html', '005_pingtan_xingzhengshenpi_2024.html').toString('utf8');
/** The cell the page gets wrong: 表四 行政复议·总计, a 0 that should be 1 (the CLI names it 355:36169). */
const CELL = { line: 354, character: 36168 };

function apply(text: string, edit: CodeAction['edit']): string {
  const changes = edit?.documentChanges as TextDocumentEdit[];
  assert.strictEqual(changes.length, 1);
  const index = new LineIndex(text);
  return applyLspEdits(text, changes[0].edits, (l, c) => index.offsetAt(l, c));
}

/** Where two texts differ: the first and last differing offsets of `a` (same length assumed nearby). */
function differences(a: string, b: string): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}

describe('reports in other formats in the editor', function () {
  let client: LspClient;
  beforeEach(async () => {
    client = await LspClient.start();
  });
  afterEach(async () => {
    await client.stop();
  });

  it('checks an HTML report in place: each diagnostic on its cell of the page', async () => {
    const uri = 'file:///reports/005.html';
    await client.open(uri, PAGE, 'html');
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message]),
      [['review-total', 354, 36168, 354, 36169, zh('reviewTotal', { group: '行政复议', expected: 1, parts: '', actual: '0' })]],
    );
    const line = PAGE.split('\n')[354];
    assert.strictEqual(line.slice(CELL.character - 3, CELL.character + 5), '<p>0</p>');
    // Its parts are beside it on the page: nothing related. A related cell is a cell of the page:
    // 001's narrative figure points at the table cell it contradicts.
    assert.strictEqual(diagnostics[0].relatedInformation, undefined);
    const page001 = read('html', '001_pingtan_zone_2023.html').toString('utf8');
    await client.open('file:///reports/001.html', page001, 'html');
    const mismatch = (await client.diagnosticsFor('file:///reports/001.html', 1)).diagnostics.find((d) => d.code === 'narrative-mismatch')!;
    const [cell] = mismatch.relatedInformation!;
    assert.strictEqual(cell.location.uri, 'file:///reports/001.html');
    assert.strictEqual(page001.split('\n')[cell.location.range.start.line].slice(cell.location.range.start.character, cell.location.range.end.character), '470');
  });

  it('a quick fix on a page edits only the cell’s text, and the page then checks clean of it', async () => {
    const uri = 'file:///reports/005.html';
    await client.open(uri, PAGE, 'html');
    const [d] = (await client.diagnosticsFor(uri, 1)).diagnostics;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const preferred = actions.filter((a) => a.isPreferred);
    assert.strictEqual(preferred.length, 1);
    const fixed = apply(PAGE, preferred[0].edit);
    const index = new LineIndex(PAGE);
    const at = index.offsetAt(CELL.line, CELL.character);
    assert.deepStrictEqual(differences(PAGE, fixed), { start: at, endA: at + 1, endB: at + 1 });
    assert.strictEqual(fixed[at], '1');
    await client.change(uri, 2, [{ text: fixed }]);
    assert.deepStrictEqual((await client.diagnosticsFor(uri, 2)).diagnostics, []);
  });

  it('fix-all on a page changes cell text only, and leaves nothing it could fix', async () => {
    const uri = 'file:///reports/004.html';
    const page = read('html', '004_pingtan_jinjingpianqu_2024.html').toString('utf8');
    await client.open(uri, page, 'html');
    const before = (await client.diagnosticsFor(uri, 1)).diagnostics;
    assert.deepStrictEqual(before.map((d) => d.code), ['missing-row', 'blank-cell']);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.reportReview'] },
    });
    assert.strictEqual(actions.length, 1);
    const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
    const fixed = apply(page, resolved.edit);
    // The blank cell gets its 0 inside the cell's markup; a missing row is not a cell's text and stays.
    const diff = differences(page, fixed);
    assert.strictEqual(fixed.slice(diff.start, diff.endB), '0');
    assert.deepStrictEqual([page[diff.start - 1], page[diff.start]], ['>', '<']);
    await client.change(uri, 2, [{ text: fixed }]);
    assert.deepStrictEqual((await client.diagnosticsFor(uri, 2)).diagnostics.map((d) => d.code), ['missing-row']);
  });

  it('answers the summary and fix-all commands for a page', async () => {
    const uri = 'file:///reports/005.html';
    await client.open(uri, PAGE, 'html');
    await client.diagnosticsFor(uri, 1);
    const summary = await client.request<{ checked: boolean; counts: { error: number } }>('reportReview/summary', { uri });
    assert.deepStrictEqual([summary.checked, summary.counts.error], [true, 1]);
    const edit = await client.request<CodeAction['edit']>('reportReview/fixAll', { uri, version: 1 });
    const fixed = apply(PAGE, edit);
    const at = new LineIndex(PAGE).offsetAt(CELL.line, CELL.character);
    assert.strictEqual(fixed, PAGE.slice(0, at) + '1' + PAGE.slice(at + 1));
  });

  it('hovering a cell of a page tells what it is', async () => {
    const uri = 'file:///reports/005.html';
    await client.open(uri, PAGE, 'html');
    await client.diagnosticsFor(uri, 1);
    const hover = await client.request<{ contents: { value: string }; range: unknown }>('textDocument/hover', { textDocument: { uri }, position: CELL });
    assert.match(hover.contents.value, /行政复议·总计 = 0/);
    assert.deepStrictEqual(hover.range, { start: CELL, end: { line: CELL.line, character: CELL.character + 1 } });
    // Markup between cells is no cell.
    assert.strictEqual(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: CELL.line, character: CELL.character - 2 } }), null);
  });

  it('outlines a page whose number spans two rows with ranges in order, each holding its selection and children', async () => {
    // 现行有效件数 written once for 规章 and 行政规范性文件 (rowspan): the second row ends in the first.
    const page = [
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>',
      '<h1>某某县人民政府2024年政府信息公开工作年度报告</h1>',
      '<p>一、总体情况</p><p>本年度本机关依法做好政府信息公开工作。</p>',
      '<p>二、主动公开政府信息情况</p>',
      '<table><tr><td colspan="4">第二十条第（一）项</td></tr>',
      '<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>',
      '<tr><td>规章</td><td>0</td><td>0</td><td rowspan="2">0</td></tr>',
      '<tr><td>行政规范性文件</td><td>0</td><td>0</td></tr></table>',
      '<p>三、收到和处理政府信息公开申请情况</p>',
      '</body></html>',
    ].join('\n');
    const uri = 'file:///reports/spans.html';
    await client.open(uri, page, 'html');
    await client.diagnosticsFor(uri, 1);
    type Symbol = { name: string; range: Range; selectionRange: Range; children?: Symbol[] };
    type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
    const symbols = await client.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const key = (p: Range['start']) => p.line * 1e6 + p.character;
    const holds = (outer: Range, inner: Range) => key(outer.start) <= key(inner.start) && key(inner.end) <= key(outer.end);
    const rows: string[] = [];
    const walk = (s: Symbol) => {
      assert.ok(key(s.range.start) <= key(s.range.end), `${s.name}: ${JSON.stringify(s.range)}`);
      assert.ok(holds(s.range, s.selectionRange), `${s.name}: selection outside its range`);
      for (const c of s.children ?? []) {
        assert.ok(holds(s.range, c.range), `${c.name} outside ${s.name}`);
        walk(c);
      }
      if (!s.children?.length) rows.push(s.name);
    };
    symbols.forEach(walk);
    assert.ok(rows.includes('行政规范性文件'), rows.join(' '));
    const lines = page.split('\n');
    const row = symbols.flatMap((s) => s.children ?? []).flatMap((t) => t.children ?? []).find((r) => r.name === '行政规范性文件')!;
    assert.strictEqual(lines[row.selectionRange.start.line].slice(row.selectionRange.start.character, row.selectionRange.end.character), '行政规范性文件');
  });

  it('leaves HTML that is not a report alone: no diagnostics, no actions', async () => {
    const web = 'file:///site/index.html';
    await client.open(web, '<!DOCTYPE html>\n<html><body><h1>政务公开</h1>\n<table><tr><td>1</td><td>2</td></tr></table></body></html>\n', 'html');
    const old = 'file:///reports/010.html';
    // A page of 2014 (before the template): no title, section or table of a report.
    await client.open(old, read('html', '010_pingtan_shehuishiye_2014.html').toString('utf8'), 'html');
    // A report opened after them is checked after them (the pages wait for the readers in turn).
    await client.open('file:///reports/005.html', PAGE, 'html');
    await client.diagnosticsFor('file:///reports/005.html', 1);
    assert.deepStrictEqual(client.published.filter((p) => p.uri === web || p.uri === old), []);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: web },
      range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.reportReview'] },
    });
    assert.deepStrictEqual(actions, []);
  });

  it('reads Word and PDF documents into report text, and says why a scanned PDF cannot be', async () => {
    for (const [dir, ext] of [['docx', 'docx'], ['pdf', 'pdf']]) {
      const data = read(dir, `005_pingtan_xingzhengshenpi_2024.${ext}`).toString('base64');
      const r = await client.request<ExtractResult>('reportReview/extract', { uri: `file:///reports/005.${ext}`, data });
      assert.ok(r.ok, JSON.stringify(r));
      assert.strictEqual(r.kind, ext);
      assert.match(r.text, /^平潭综合实验区行政审批局2024年政府信息公开工作年度报告$/m);
    }
    const scanned = await client.request<ExtractResult>('reportReview/extract', { uri: 'file:///reports/scan.pdf', data: read('scanned.pdf').toString('base64') });
    assert.deepStrictEqual(scanned, { ok: false, message: 'PDF 没有文字层（扫描件或图片），无法读取其中的文字（不做 OCR）：请使用原始文档或可复制文字的 PDF' });
  });

  it('checks a document that is not open: a page’s diagnostics on the page, a Word document’s on its text', async () => {
    const page = await client.request<CheckDocumentResult>('reportReview/checkDocument', { uri: 'file:///reports/005.html', data: Buffer.from(PAGE).toString('base64') });
    assert.deepStrictEqual(
      page.diagnostics.map((d) => [(d as Diagnostic).code, (d as Diagnostic).range.start]),
      [['review-total', CELL]],
    );
    const textUri = 'report-review-text:/reports/005.docx.report.txt';
    const data = read('docx', '005_pingtan_xingzhengshenpi_2024.docx').toString('base64');
    const word = await client.request<CheckDocumentResult>('reportReview/checkDocument', { uri: 'file:///reports/005.docx', data, textUri });
    const extracted = await client.request<ExtractResult>('reportReview/extract', { uri: 'file:///reports/005.docx', data });
    assert.ok(extracted.ok);
    const lines = extracted.text.split('\n');
    const d = word.diagnostics as Diagnostic[];
    assert.deepStrictEqual(d.map((x) => [x.code, x.message]), [['review-total', zh('reviewTotal', { group: '行政复议', expected: 1, parts: '', actual: '0' })]]);
    assert.strictEqual(lines[d[0].range.start.line].slice(d[0].range.start.character, d[0].range.end.character), '0');
    // Related cells are in the text too: 001's narrative figure and the table cell it contradicts.
    const textUri001 = 'report-review-text:/reports/001.docx.report.txt';
    const word001 = await client.request<CheckDocumentResult>('reportReview/checkDocument', { uri: 'file:///reports/001.docx', data: read('docx', '001_pingtan_zone_2023.docx').toString('base64'), textUri: textUri001 });
    const mismatch = (word001.diagnostics as Diagnostic[]).find((x) => x.code === 'narrative-mismatch')!;
    assert.deepStrictEqual(mismatch.relatedInformation!.map((r) => r.location.uri), [textUri001]);
    const other = await client.request<CheckDocumentResult>('reportReview/checkDocument', { uri: 'file:///reports/old.doc', data: read('legacy.doc').toString('base64') });
    assert.strictEqual(other.report, false);
    assert.match(other.message!, /另存为” \.docx/);
  });
});
