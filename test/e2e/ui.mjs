#!/usr/bin/env node
// The packaged extension as a user gets it, checked through the VS Code workbench UI:
// `code-server --install-extension report-review.vsix` into a fresh extensions dir, open seed 001,
// open the Problems panel (Ctrl+Shift+M), read the missing-cell row, choose it and see the squiggle;
// a broken total's hover and quick fix; the table view beside the report.
// Screenshots go to test-artifacts/. Needs report-review.vsix and `npm run compile` (the oracle).
// usage: node test/e2e/ui.mjs [--vsix FILE]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { installExtension, launchChromium, makeRunDir, makeWorkspace, ROOT, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { assert, failures, finish, test } from './harness.mjs';

const require = createRequire(import.meta.url);
const { cliCheck, cliCheckText } = require(path.join(ROOT, 'out/test/e2e/suite/oracle.js'));
const vsixArg = process.argv.indexOf('--vsix');
const vsix = path.resolve(vsixArg > 0 ? process.argv[vsixArg + 1] : path.join(ROOT, 'report-review.vsix'));
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });
fs.rmSync(path.join(ARTIFACTS, 'ui-failure.png'), { force: true });


const runDir = makeRunDir();
const extensionsDir = path.join(runDir, 'extensions');
const workspace = makeWorkspace(runDir);
// Chinese messages in an English workbench (code-server ships no Chinese language pack): the
// screenshots show what our users read, and the setting is exercised through the real UI.
const settingsFile = path.join(workspace, '.vscode', 'settings.json');
fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, 'utf8')), 'reportReview.locale': 'zh-CN' }, null, 2));
const seed = fs.readdirSync(workspace).find((n) => n.startsWith('001_'));
let server, browser, page;

console.log(`\n  ${path.basename(vsix)} in the VS Code workbench`);
await test('installs with code-server --install-extension', async () => {
  const out = installExtension(runDir, extensionsDir, vsix);
  assert(/successfully installed/.test(out), out);
  const dirs = fs.readdirSync(extensionsDir).filter((n) => n.startsWith('report-review.report-review-'));
  assert(dirs.length === 1, `extensions dir holds ${fs.readdirSync(extensionsDir).join(', ')}`);
});

await test('the Problems panel shows the missing-cell problem of seed 001, in Chinese (reportReview.locale)', async () => {
  const missing = cliCheck(path.join(workspace, seed), 'zh-CN').find((s) => s.code === 'missing-cell');
  assert(missing, 'the CLI reports a missing-cell problem for seed 001');
  server = await startCodeServer({ runDir, extensionsDir });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(workbenchUrl(server.authority, { folder: workspace }));
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(seed);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${seed}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
  await page.keyboard.press('Control+Shift+M');
  // Only the rows in view are rendered: narrow the list with the panel's filter box.
  await page.fill('.panel .viewpane-filter input', 'missing-cell');
  // A locator, not an element handle: the list re-renders whenever diagnostics arrive.
  const row = page.locator('.markers-panel .monaco-tl-row', { hasText: missing.message });
  await row.waitFor({ timeout: 60_000 });
  const text = (await row.innerText()).replace(/\s+/g, ' ').trim();
  console.log(`      row: ${text}`);
  assert(text.includes('missing-cell'), `no rule name in "${text}"`);
  assert(text.includes(`[Ln ${missing.range[0] + 1}, Col ${missing.range[1] + 1}]`), `wrong position in "${text}"`);
  // Choosing the row (on its message: the rule name is a link to the rule's doc) reveals the
  // problem in the editor, squiggled.
  await row.click({ position: { x: 80, y: 8 } });
  await page.waitForSelector('.monaco-editor .view-overlays .squiggly-error', { timeout: 15_000 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'problems-panel.png') });
});

await test('a broken total gets a hover and a quick fix', async () => {
  assert(page, 'the workbench is open');
  // Type 99 over the 总计 cell of table 三's （七）总计 row (it says 29).
  const lines = fs.readFileSync(path.join(workspace, seed), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.startsWith('（七）总计 '));
  const col = lines[line].lastIndexOf(' ') + 2;
  lines[line] = lines[line].replace(/29(\s*)$/, '99$1');
  const problem = cliCheckText(lines.join('\n'), 'zh-CN').find((s) => s.range[0] === line && s.range[1] === col - 1);
  assert(problem, 'the CLI reports a problem at the broken cell');
  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${line + 1}:${col}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('99');
  // The squiggle on the cursor's line (the line had none before).
  await page.locator('.monaco-editor .view-overlays > div:has(> .current-line) .squiggly-error').waitFor({ timeout: 15_000 });
  // The cursor sits right after the 99: the mouse goes on the 9 before it.
  const cursor = await page.locator('.monaco-editor.focused .cursors-layer .cursor').boundingBox();
  const at = { x: cursor.x - 4, y: cursor.y + cursor.height / 2 };
  await page.fill('.panel .viewpane-filter input', problem.code);
  await page.locator('.markers-panel .monaco-tl-row', { hasText: problem.message }).waitFor({ timeout: 15_000 });

  // Monaco shows a hover on mouse movement over the text: arrive from beside the cell in a few
  // steps (one event that lands where the mouse already was may show nothing).
  await page.mouse.move(at.x - 40, at.y);
  await page.mouse.move(at.x, at.y, { steps: 5 });
  const hover = await page.waitForSelector('.monaco-hover .hover-contents', { state: 'visible', timeout: 15_000 });
  const hoverText = (await hover.innerText()).replace(/\s+/g, ' ');
  assert(hoverText.includes(problem.message.replace(/\s+/g, ' ')) && hoverText.includes(problem.code), `hover: ${hoverText}`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'hover.png') });

  await page.mouse.click(at.x, at.y);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+.');
  const fix = await page.waitForSelector('.action-widget .monaco-list-row.action', { state: 'visible', timeout: 15_000 });
  const fixText = (await fix.innerText()).trim();
  console.log(`      quick fix: ${fixText}`);
  assert(/\b29\b/.test(fixText), `the first quick fix does not restore 29: ${fixText}`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'quick-fix.png') });
});

await test('the table view: its editor-title button, the dropped and the wrong cell, a click selects the cell in the text', async () => {
  assert(page, 'the workbench is open');
  const lines = fs.readFileSync(path.join(workspace, seed), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.startsWith('（七）总计 '));
  await page.keyboard.press('Escape');
  await page.click('.monaco-editor .view-lines');
  // Room for the tables: a wider window, the Problems panel and the side bar closed.
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.keyboard.press('Control+J');
  await page.keyboard.press('Control+B');
  // The button shows on the title of an editor holding a checked report.
  await page.click('.editor-actions .action-label[aria-label^="Show the Table View"]', { timeout: 15_000 });
  const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await view.locator('td.cell.missing').waitFor({ timeout: 30_000 });
  const missingText = (await view.locator('td.cell.missing').innerText()).replace(/\s+/g, ' ');
  assert(/→ 0/.test(missingText), `the dropped cell: ${missingText}`);
  // The 99 typed over （七）总计's 29, marked with the value it should have.
  const wrong = view.locator('td.cell.wrong', { hasText: '99' });
  await wrong.waitFor({ timeout: 15_000 });
  const wrongText = (await wrong.innerText()).replace(/\s+/g, ' ');
  assert(/99 ?→ 29/.test(wrongText), `the wrong total: ${wrongText}`);
  await wrong.click();
  // The editor selects the two digits (on the line of （七）总计, the focus staying in the view);
  // the cell under the cursor is marked in the view.
  const lineTop = await page.locator('.monaco-editor .view-lines .view-line', { hasText: lines[line].slice(0, 8) }).boundingBox();
  const selected = page.locator('.monaco-editor .view-overlays .selected-text');
  await selected.first().waitFor({ timeout: 15_000 });
  const boxes = await Promise.all((await selected.all()).map((l) => l.boundingBox()));
  const onLine = (b) => b && lineTop && b.y < lineTop.y + lineTop.height && lineTop.y < b.y + b.height;
  assert(boxes.length === 1 && onLine(boxes[0]), `the selection is not on line ${line + 1}: ${JSON.stringify({ boxes, lineTop })}`);
  await view.locator('td.cell.wrong.current').waitFor({ timeout: 15_000 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'table-view.png') });
});

const failed = failures();
if (failed && page) await page.screenshot({ path: path.join(ARTIFACTS, 'ui-failure.png') }).catch(() => {});
await browser?.close().catch(() => {});
await server?.stop();
if (failed) console.log(`  code-server log kept: ${path.join(runDir, 'code-server.log')}`);
else fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
finish();
