import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, type Problem } from '../../server/src/core/index';
import { quickFixes } from '../../server/src/lsp/actions';
import { SOURCE } from '../../server/src/lsp/protocol';

describe('quick fixes of the problems the diagnostics show', () => {
  const text = '标题\n一、本年新收 1 2 3\n';
  const doc = TextDocument.create('file:///r.txt', 'gov-report', 4, text);
  const index = new LineIndex(text);
  const at = text.indexOf('3');
  /** A problem on the `3` whose one fix writes `digit` there (unknown message ids format as themselves). */
  const problem = (digit: string): Problem => ({
    rule: 'row-total',
    code: 'RPT001',
    severity: 'error',
    span: { start: at, end: at + 1 },
    message: { id: 'same message' },
    related: [],
    fixes: [{ title: { id: `write ${digit}` }, preferred: true, edits: [{ start: at, end: at + 1, newText: digit }] }],
  });
  const shown: Diagnostic = {
    range: { start: index.positionAt(at), end: index.positionAt(at + 1) },
    severity: 1,
    code: 'row-total',
    source: SOURCE,
    message: 'same message',
  };
  const current = { problems: [problem('5'), problem('6')], diagnostics: [shown, shown], locale: 'zh-CN' as const };
  const titles = (diagnostics: Diagnostic[]) => quickFixes(doc, diagnostics, current, { documentChanges: true }).map((a) => a.title);

  it('gives two diagnostics alike in rule, range and message the fixes of two problems, in order', () => {
    assert.deepStrictEqual(titles([shown, shown]), ['write 5', 'write 6']);
    assert.deepStrictEqual(titles([shown]), ['write 5']);
  });

  it('offers nothing for a diagnostic that differs in range, message, rule or source', () => {
    const moved = { ...shown, range: { start: index.positionAt(at - 2), end: index.positionAt(at - 1) } };
    assert.deepStrictEqual(titles([moved, { ...shown, message: 'other' }, { ...shown, code: 'balance' }, { ...shown, source: 'other' }]), []);
  });

  it('finds each diagnostic’s problem among many, in whatever order they are asked for', () => {
    const one = text.indexOf('1');
    const on = (offset: number, digit: string): Problem => ({ ...problem(digit), span: { start: offset, end: offset + 1 } });
    const diagnosticOf = (offset: number): Diagnostic => ({ ...shown, range: { start: index.positionAt(offset), end: index.positionAt(offset + 1) } });
    const many = { problems: [on(one, '7'), on(at, '5')], diagnostics: [diagnosticOf(one), diagnosticOf(at)], locale: 'zh-CN' as const };
    const asked = (ds: Diagnostic[]) => quickFixes(doc, ds, many, { documentChanges: true }).map((a) => a.title);
    assert.deepStrictEqual(asked([diagnosticOf(at), diagnosticOf(one)]), ['write 5', 'write 7']);
    // Same start, another end: not the problem's diagnostic.
    assert.deepStrictEqual(asked([{ ...diagnosticOf(one), range: { start: index.positionAt(one), end: index.positionAt(one + 3) } }]), []);
  });

  it('sends edits for the document version it answers for', () => {
    const [action] = quickFixes(doc, [shown], current, { documentChanges: true });
    assert.deepStrictEqual(action.edit, {
      documentChanges: [{ textDocument: { uri: doc.uri, version: 4 }, edits: [{ range: shown.range, newText: '5' }] }],
    });
    assert.strictEqual(action.isPreferred, true);
    assert.deepStrictEqual(action.diagnostics, [shown]);
  });
});
