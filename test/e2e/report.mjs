#!/usr/bin/env node
// The review report (`check --format html`) of the seeds' folder in headless Chromium: it loads
// with nothing refused by its Content-Security-Policy, the summary lists the five seeds and sorts
// by a clicked header, seed 001's table 三 marks the row that lost a cell, and it prints on A4
// with no table wider than the page. Screenshots go to test-artifacts/. Needs dist/cli.js.
// usage: node test/e2e/report.mjs
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, ROOT } from './codeServer.mjs';
import { assert, finish, test } from './harness.mjs';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });
const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');
const seedFile = (id) => path.join('test', 'fixtures', 'seeds', fs.readdirSync(SEEDS).find((n) => n.startsWith(`${id}_`)));

const same = (a, b, what) => assert(JSON.stringify(a) === JSON.stringify(b), `${what}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-report-e2e-'));
const file = path.join(dir, '审校结果.html');
/** A4 less the report's 12 mm margins, in CSS pixels (96 per inch). */
const PRINTABLE = Math.floor(((210 - 2 * 12) / 25.4) * 96);

console.log('\n  the review report in Chromium');
let browser, page;
const refused = [];
try {
  await test('check --format html -o writes the report of the seeds’ folder', async () => {
    const r = spawnSync(process.execPath, ['bin/report-review.js', 'check', '--format', 'html', '-o', file, path.relative(ROOT, SEEDS)], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert(r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert(fs.statSync(file).size > 0, 'no file written');
  });

  await test('opens with nothing refused by its Content-Security-Policy and no request beyond the file', async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
    page.on('console', (m) => {
      if (m.type() === 'error') refused.push(m.text());
    });
    page.on('pageerror', (e) => refused.push(String(e)));
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    // Listen for violations before anything of the page runs.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP refused ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('table.summary');
    same(refused, [], 'console errors and refusals');
    same(requests, [pathToFileURL(file).href], 'requests');
    await page.screenshot({ path: path.join(ARTIFACTS, 'review-report.png') });
  });

  await test('the summary lists all five seeds, with body, year, template, counts and verdict', async () => {
    const rows = await page.$$eval('table.summary tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    same(
      rows.map((r) => r[0]),
      ['000', '001', '002', '003', '004'].map(seedFile),
      'files',
    );
    same(rows[1], [seedFile('001'), '格尔木市', '2024', '2021 版', '1', '3', '不通过'], 'seed 001');
    same(rows[0].slice(4), ['0', '0', '通过'], 'seed 000');
  });

  await test('seed 001’s table 三 marks the row that lost a cell, the missing cell drawn as such', async () => {
    const report = page.locator(`section.report[data-file="${seedFile('001')}"]`);
    const row = report.locator('table.t3 tr[data-row="t3.r5.2"]');
    same(await row.getAttribute('class'), 'flagged', 'row class');
    same(await row.locator('th').innerText(), '2.重复申请\n缺的数不能确定在哪一列，数字按读到的顺序排列', 'row label and note');
    same(await row.locator('td.missing').allInnerTexts(), ['缺 → 0'], 'missing cell');
    // Its left border and the missing cell's background are drawn (not only a class).
    const marks = await row.evaluate((tr) => [getComputedStyle(tr.cells[0]).borderLeftColor, getComputedStyle(tr.querySelector('td.missing')).backgroundColor]);
    same(marks, ['rgb(204, 0, 0)', 'rgb(255, 241, 204)'], 'marks');
    // The other seeds' tables 三 mark nothing.
    same(await page.locator('section.report table.t3 tr.flagged').count(), 1, 'flagged rows of all tables 三');
    await report.locator('table.t3').screenshot({ path: path.join(ARTIFACTS, 'review-report-t3.png') });
  });

  await test('sorting: a header sorts the summary by its column, again the other way', async () => {
    const column = async (i) => page.$$eval('table.summary tbody tr', (trs, i) => trs.map((tr) => tr.cells[i].textContent), i);
    const head = (label) => page.locator('table.summary thead th', { hasText: label });
    await head('错误').locator('button').click();
    same(await column(4), ['0', '0', '0', '1', '1'], 'errors ascending');
    same(await head('错误').getAttribute('aria-sort'), 'ascending', 'aria-sort');
    await head('错误').locator('button').click();
    same(await column(4), ['1', '1', '0', '0', '0'], 'errors descending');
    // Equal keys keep the original order: 001 before 003, then 000, 002, 004.
    same((await column(0)).map((f) => path.basename(f).slice(0, 3)), ['001', '003', '000', '002', '004'], 'stable order');
    await head('结论').locator('button').click();
    same(await column(6), ['通过', '通过', '通过', '不通过', '不通过'], 'verdict ascending');
    same(await head('错误').getAttribute('aria-sort'), null, 'one sorted column');
    // By keyboard: the header is a button.
    await head('文件').locator('button').focus();
    await page.keyboard.press('Enter');
    same((await column(0)).map((f) => path.basename(f).slice(0, 3)), ['000', '001', '002', '003', '004'], 'files by keyboard');
  });

  await test('without its script the report reads the same (the summary in file order)', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(pathToFileURL(file).href);
    same(await p.locator('table.summary tbody tr').count(), 5, 'summary rows');
    same(await p.locator('section.report').count(), 5, 'reports');
    same(await p.locator('section.report table.grid').count(), 15, 'tables');
    await context.close();
  });

  await test('prints on A4: no table or cell wider than the printable width; page.pdf gives A4 pages', async () => {
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: PRINTABLE, height: 1000 });
    const wide = await page.evaluate((limit) => {
      const out = [];
      for (const el of document.querySelectorAll('table, th, td, h2, li')) {
        const r = el.getBoundingClientRect();
        if (r.right > limit + 0.5 || el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName} ${el.className} ${Math.round(r.right)} ${el.scrollWidth}/${el.clientWidth}: ${el.textContent.slice(0, 40)}`);
      }
      return out;
    }, PRINTABLE);
    same(wide, [], 'wider than the page');
    same(await page.evaluate(() => document.documentElement.scrollWidth), PRINTABLE, 'page width');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'review-report.pdf'), pdf);
    const text = pdf.toString('latin1');
    assert(text.startsWith('%PDF-'), 'not a PDF');
    const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    // A4 is 595 × 842 points; one report a page at least (each starts on a new page), the summary first.
    assert(boxes.length >= 6, `${boxes.length} pages`);
    same([...new Set(boxes.map((b) => b.join('×')))], ['596×843'], 'page sizes');
  });
} finally {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

finish();
