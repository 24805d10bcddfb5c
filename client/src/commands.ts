/** The palette commands other than the workspace check. */
import * as vscode from 'vscode';
import type { LanguageClient, WorkspaceEdit } from 'vscode-languageclient/node';
import { newReport, ruleMeta, type Locale } from '../../server/src/core/index';
import {
  FixAllRequest,
  LANGUAGE_ID,
  SummaryRequest,
  type FixAllParams,
  type SummaryParams,
  type SummaryResult,
} from '../../server/src/lsp/protocol';
import { localeFromTag } from '../../server/src/lsp/settings';

/** The locale for text the client writes (rule descriptions). */
function uiLocale(): Locale {
  const setting = vscode.workspace.getConfiguration('reportReview').get<string>('locale', 'auto');
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return localeFromTag(vscode.env.language) ?? 'zh-CN';
}

function activeDocument(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
  return doc;
}

export async function fixAllInFile(client: LanguageClient | undefined): Promise<void> {
  const doc = activeDocument();
  if (!doc || !client) return;
  const params: FixAllParams = { uri: doc.uri.toString(), version: doc.version };
  const edit = await client.sendRequest<WorkspaceEdit | null>(FixAllRequest, params);
  if (!edit) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to fix automatically in this report.'));
    return;
  }
  const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
  if (!applied) void vscode.window.showWarningMessage(vscode.l10n.t('The report changed meanwhile; run the command again.'));
}

/** Opens `docs/rules/<alias>.md` in the Markdown preview; asks for the rule when none is given. */
export async function openRuleDocs(extensionUri: vscode.Uri, alias?: unknown): Promise<void> {
  const dir = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  let rule = typeof alias === 'string' ? alias : undefined;
  if (!rule) {
    let names: string[] = [];
    try {
      names = (await vscode.workspace.fs.readDirectory(dir))
        .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md') && name !== 'README.md')
        .map(([name]) => name.slice(0, -3))
        .sort();
    } catch {
      names = [];
    }
    const locale = uiLocale();
    const items = names.map((name) => {
      const meta = ruleMeta(name);
      return { label: name, description: meta?.id, detail: meta?.description[locale] };
    });
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Open a rule\'s documentation'),
      placeHolder: vscode.l10n.t('Rule'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    rule = picked?.label;
  }
  if (!rule) return;
  const meta = ruleMeta(rule);
  const uri = vscode.Uri.joinPath(dir, `${meta?.alias ?? rule}.md`);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

export async function showSummary(client: LanguageClient | undefined): Promise<void> {
  const doc = activeDocument();
  if (!doc || !client) return;
  const params: SummaryParams = { uri: doc.uri.toString() };
  const s = await client.sendRequest<SummaryResult | null>(SummaryRequest, params);
  if (!s || !s.checked) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This document is not checked as a report.'));
    return;
  }
  const lines: string[] = [];
  lines.push(
    s.template === 'unknown' ? vscode.l10n.t('Template: not recognised') : vscode.l10n.t('Template: {0}', s.template),
  );
  for (const table of s.tables) {
    lines.push('', table.name);
    // A missing cell's total is NaN, which JSON carries as null.
    for (const total of table.totals) lines.push(`  ${total.label}: ${typeof total.value === 'number' && Number.isFinite(total.value) ? total.value : '—'}`);
  }
  lines.push(
    '',
    vscode.l10n.t('Problems: {0} errors, {1} warnings, {2} info, {3} hints', s.counts.error, s.counts.warning, s.counts.info, s.counts.hint),
  );
  await vscode.window.showInformationMessage(s.title ?? vscode.l10n.t('Report summary'), { modal: true, detail: lines.join('\n') });
}

export async function createReport(): Promise<void> {
  const body = await vscode.window.showInputBox({
    title: vscode.l10n.t('New report from the template'),
    prompt: vscode.l10n.t('Name of the government body'),
    placeHolder: vscode.l10n.t('e.g. 某某市某某区人民政府'),
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the body\'s name.')),
  });
  if (body === undefined) return;
  const lastYear = new Date().getFullYear() - 1;
  const yearText = await vscode.window.showInputBox({
    title: vscode.l10n.t('New report from the template'),
    prompt: vscode.l10n.t('Year the report covers'),
    value: String(lastYear),
    validateInput: (v) => (/^\s*(19|20)\d\d\s*$/.test(v) ? undefined : vscode.l10n.t('Enter a four-digit year, e.g. {0}.', lastYear)),
  });
  if (yearText === undefined) return;
  const content = newReport(body.trim(), Number(yearText.trim()));
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  await vscode.window.showTextDocument(doc);
}
