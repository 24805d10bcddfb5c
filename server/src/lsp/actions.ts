/**
 * Code actions. Quick fixes are the fixes of the problems, found in the current version's
 * analysis, that the request's diagnostics show; "fix all" runs the core's `fixAll` on the
 * current text and sends the minimal edits between the two texts. Every edit is computed for the
 * version it is sent with.
 */
import { CodeAction, CodeActionKind, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, formatMessage, type CheckOptions, type Locale, type Problem, type TextEdit as CoreEdit } from '../core/index';
import { minimalEdits } from './diff';
import { FIX_ALL_KIND, SOURCE } from './protocol';
import { t } from './strings';

/** `data` of a fix-all action waiting for `codeAction/resolve`. */
export interface FixAllData {
  uri: string;
  version: number;
  /** Only this rule's problems; all fixable ones when absent. */
  rule?: string;
}

export function isFixAllData(v: unknown): v is FixAllData {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<FixAllData>;
  return typeof d.uri === 'string' && typeof d.version === 'number' && (d.rule === undefined || typeof d.rule === 'string');
}

export interface EditOptions {
  /** The client takes `documentChanges` (versioned edits). */
  documentChanges: boolean;
}

export function workspaceEdit(doc: TextDocument, edits: readonly CoreEdit[], opts: EditOptions): WorkspaceEdit {
  const lsp = edits.map((e) => TextEdit.replace({ start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, e.newText));
  if (opts.documentChanges) {
    return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, lsp)] };
  }
  return { changes: { [doc.uri]: lsp } };
}

/** Does `kind` pass the request's `only` filter? */
export function kindWanted(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/** The current version's problems and the diagnostic of each (in the same order), as its analysis has them. */
export interface CurrentProblems {
  problems: readonly Problem[];
  diagnostics: readonly Diagnostic[];
  locale: Locale;
}

const samePosition = (a: Position, b: Position) => a.line === b.line && a.character === b.character;

/** Does `d` show the problem whose own diagnostic is `own`: same rule, range and message? */
function shows(d: Diagnostic, own: Diagnostic): boolean {
  return own.code === d.code && samePosition(own.range.start, d.range.start) && samePosition(own.range.end, d.range.end) && own.message === d.message;
}

/**
 * The quick fixes of the problems of the current version that the diagnostics show, preferred
 * ones marked. A diagnostic published for an earlier version that no longer matches a problem
 * shows none. Each problem is shown by one diagnostic at most: of two problems alike in rule,
 * range and message, the first such diagnostic shows the first, the second the second.
 */
export function quickFixes(doc: TextDocument, diagnostics: Diagnostic[], current: CurrentProblems, opts: EditOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  const taken = new Set<number>();
  /** The current problems by where their diagnostic starts, in order (a whole report selected asks for all of them). */
  let byStart: Map<string, number[]> | undefined;
  const startKey = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}`;
  for (const d of diagnostics) {
    if (d.source !== SOURCE || typeof d.code !== 'string' || !d.range?.start || !d.range.end) continue;
    if (!byStart) {
      byStart = new Map();
      current.diagnostics.forEach((own, k) => {
        const list = byStart!.get(startKey(own));
        if (list) list.push(k);
        else byStart!.set(startKey(own), [k]);
      });
    }
    const i = byStart.get(startKey(d))?.find((k) => !taken.has(k) && shows(d, current.diagnostics[k])) ?? -1;
    if (i < 0) continue;
    taken.add(i);
    for (const fix of current.problems[i].fixes) {
      const action = CodeAction.create(formatMessage(fix.title, current.locale), workspaceEdit(doc, fix.edits, opts), CodeActionKind.QuickFix);
      action.diagnostics = [d];
      if (fix.preferred) action.isPreferred = true;
      actions.push(action);
    }
  }
  return actions;
}

function hasPreferredFix(p: Problem): boolean {
  return p.fixes.some((f) => f.preferred && f.edits.length > 0);
}

/** Rules among `diagnostics` with more than one preferred fix in the whole report. */
export function rulesWorthFixingAll(diagnostics: Diagnostic[], problems: readonly Problem[]): string[] {
  const asked = new Set<string>();
  for (const d of diagnostics) if (d.source === SOURCE && typeof d.code === 'string') asked.add(d.code);
  const counts = new Map<string, number>();
  for (const p of problems) if (asked.has(p.rule) && hasPreferredFix(p)) counts.set(p.rule, (counts.get(p.rule) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([rule]) => rule);
}

export function anyFixable(problems: readonly Problem[]): boolean {
  return problems.some(hasPreferredFix);
}

/** The minimal edits that fix everything (or one rule's problems) in the current text. */
export function fixAllEdits(doc: TextDocument, options: CheckOptions, rule?: string): CoreEdit[] {
  const text = doc.getText();
  const fixed = fixAll(text, options, rule ? (p) => p.rule === rule : undefined);
  return minimalEdits(text, fixed);
}

export function fixAllAction(doc: TextDocument, locale: Locale, rule: string | undefined): CodeAction {
  const kind = rule ? CodeActionKind.QuickFix : FIX_ALL_KIND;
  const action = CodeAction.create(rule ? t(locale, 'fixAllRule', rule) : t(locale, 'fixAll'), kind);
  const data: FixAllData = { uri: doc.uri, version: doc.version };
  if (rule) data.rule = rule;
  action.data = data;
  return action;
}

/** Fills in a fix-all action's edit, or leaves it without one when the document moved on. */
export function resolveFixAll(action: CodeAction, doc: TextDocument | undefined, options: CheckOptions, opts: EditOptions, edits = fixAllEdits): CodeAction {
  if (!isFixAllData(action.data) || !doc || doc.uri !== action.data.uri || doc.version !== action.data.version) return action;
  action.edit = workspaceEdit(doc, edits(doc, options, action.data.rule), opts);
  return action;
}
