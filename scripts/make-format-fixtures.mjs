// Makes the document fixtures of test/fixtures/formats/ from the real pages in html/ (run by hand;
// the generated files are committed, so tests and CI need none of these tools):
//   node scripts/build.mjs && node scripts/make-format-fixtures.mjs
// - docx/: each page's report (title and article, without the site around it) saved by LibreOffice
//   (`soffice --headless`, Debian's libreoffice-writer) as Word 2007 XML;
// - pdf/: the same report printed to PDF by headless Chromium (A4, with Chromium's running
//   header and footer: date, title, address, page numbers), for the pages listed in PDF_PAGES;
// - pdf-libreoffice/: two of the .docx files exported to PDF by LibreOffice (a second producer,
//   drawing its table rules as strokes where Chromium fills thin rectangles);
// - gbk/: a page re-encoded as GBK with its <meta charset> saying gb2312;
// - scanned.pdf: a page of one PDF rasterised (pdftoppm) and wrapped as an image-only PDF (img2pdf);
// - legacy.doc: a report saved as binary Word 97 (.doc).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'test/fixtures/formats');
const PDF_PAGES = ['001', '004', '005', '012'];
const formats = await import(pathToFileURL(join(root, 'dist/formats/index.mjs')).href);
const tmp = mkdtempSync(join(tmpdir(), 'rr-fixtures-'));

const pages = readdirSync(join(dir, 'html')).filter((f) => f.endsWith('.html')).sort();
for (const f of pages) writeFileSync(join(tmp, f), formats.articleHtml(readFileSync(join(dir, 'html', f), 'utf8')));

mkdirSync(join(dir, 'docx'), { recursive: true });
const soffice = (args) => execFileSync('soffice', ['--headless', '--infilter=HTML (StarWriter)', ...args], { stdio: 'ignore' });
soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'docx'), ...pages.map((f) => join(tmp, f))]);
soffice(['--convert-to', 'doc:MS Word 97', '--outdir', tmp, join(tmp, pages[3])]);
renameSync(join(tmp, pages[3].replace(/\.html$/, '.doc')), join(dir, 'legacy.doc'));

mkdirSync(join(dir, 'pdf'), { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
const page = await browser.newPage();
for (const f of pages.filter((p) => PDF_PAGES.includes(p.slice(0, 3)))) {
  await page.goto(pathToFileURL(join(tmp, f)).href);
  await page.pdf({
    path: join(dir, 'pdf', f.replace(/\.html$/, '.pdf')),
    format: 'A4',
    displayHeaderFooter: true,
    margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' },
  });
}
await browser.close();

mkdirSync(join(dir, 'pdf-libreoffice'), { recursive: true });
execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf-libreoffice'), ...['004', '005'].map((n) => join(dir, 'docx', pages.find((p) => p.startsWith(n)).replace(/\.html$/, '.docx')))], { stdio: 'ignore' });

mkdirSync(join(dir, 'gbk'), { recursive: true });
const gbkSource = readFileSync(join(dir, 'html', pages[3]), 'utf8').replace(/<meta charset="UTF-8"\s*\/?>/i, '<meta charset="gb2312" />');
writeFileSync(join(dir, 'gbk', pages[3]), iconv.encode(gbkSource, 'gbk'));

const first = join(dir, 'pdf', pages[3].replace(/\.html$/, '.pdf'));
execFileSync('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', '-png', first, join(tmp, 'scan')]);
const png = readdirSync(tmp).find((f) => f.startsWith('scan') && f.endsWith('.png'));
execFileSync('img2pdf', [join(tmp, png), '-o', join(dir, 'scanned.pdf')]);
console.log('fixtures written to', dir);
