/**
 * The language status item: template detected, problem counts, check time. Shown for the
 * documents of its selector, and for each HTML page found to be a report (no other page).
 */
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';

export class ReportStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** HTML pages that are reports: their paths, as glob patterns. */
  private readonly pages = new Map<string, string>();

  constructor(private readonly selector: vscode.DocumentFilter[]) {
    this.item = vscode.languages.createLanguageStatusItem('reportReview.status', selector);
    this.item.name = vscode.l10n.t('Report Review');
    this.item.command = { command: 'reportReview.showSummary', title: vscode.l10n.t('Show summary') };
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        const uri = d.uri.toString();
        const status = this.byUri.get(uri);
        this.byUri.delete(uri);
        if (status) this.followPage({ ...status, state: 'not-report' });
      }),
    );
    this.render();
  }

  update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    this.followPage(status);
    if (vscode.window.activeTextEditor?.document.uri.toString() === status.uri) this.render();
  }

  /** Shows the item on an HTML page while the page is a report. */
  private followPage(status: StatusParams): void {
    const uri = vscode.Uri.parse(status.uri);
    if (!/\.x?html?$/i.test(uri.path)) return;
    const report = status.state !== 'not-report';
    if (report === this.pages.has(status.uri)) return;
    // Glob characters in the path stand for themselves.
    if (report) this.pages.set(status.uri, uri.path.replace(/[*?[\]{}]/g, '[$&]'));
    else this.pages.delete(status.uri);
    this.item.selector = [
      ...this.selector,
      ...[...this.pages].map(([u, pattern]) => ({ language: 'html', scheme: vscode.Uri.parse(u).scheme, pattern: `**${pattern}` })),
    ];
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const s = uri ? this.byUri.get(uri) : undefined;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
    this.item.busy = false;
    if (!s) {
      this.item.text = vscode.l10n.t('Report Review');
      this.item.detail = vscode.l10n.t('Waiting for the first check');
      return;
    }
    switch (s.state) {
      case 'checked': {
        const template =
          s.template === 'unknown' ? vscode.l10n.t('template not recognised') : vscode.l10n.t('{0} template', s.template);
        this.item.text = vscode.l10n.t('Report: {0} errors, {1} warnings', s.counts.error, s.counts.warning);
        this.item.detail = vscode.l10n.t('{0} · {1} info · checked in {2} ms', template, s.counts.info + s.counts.hint, s.ms);
        if (s.counts.error > 0) this.item.severity = vscode.LanguageStatusSeverity.Warning;
        break;
      }
      case 'not-report':
        this.item.text = vscode.l10n.t('Not a report');
        this.item.detail = vscode.l10n.t('No title or template phrases near the start (reportReview.detect)');
        break;
      case 'too-large':
        this.item.text = vscode.l10n.t('Report not checked');
        this.item.detail = vscode.l10n.t('Larger than reportReview.maxFileSize');
        break;
      case 'failed':
        this.item.text = vscode.l10n.t('Report check failed');
        this.item.detail = vscode.l10n.t('See the Report Review output channel');
        this.item.severity = vscode.LanguageStatusSeverity.Error;
        break;
    }
    // Settings that name no rule or level: said whatever the state (they were left out).
    if (s.settingsWarnings?.length) {
      this.item.detail = `${s.settingsWarnings.join(' ')} · ${this.item.detail}`;
      if (this.item.severity === vscode.LanguageStatusSeverity.Information) this.item.severity = vscode.LanguageStatusSeverity.Warning;
    }
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
