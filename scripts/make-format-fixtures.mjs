// Makes the document fixtures of test/fixtures/formats/ from the real pages in html/ (run by hand;
// the generated files are committed, so tests and CI need none of these tools):
//   node scripts/build.mjs && node scripts/make-format-fixtures.mjs
// Only the files not there are made (delete one to make it again): a committed fixture stays the
// bytes its tests pin.
// - docx/: each page's report (title and article, without the site around it) saved by LibreOffice
//   (`soffice --headless`, Debian's libreoffice-writer) as Word 2007 XML;
// - pdf/: the same report printed to PDF by headless Chromium (A4, with Chromium's running
//   header and footer: date, title, address, page numbers);
// - pdf-columns/: a report set in two columns (CSS columns, as a printed bulletin is) and printed
//   by Chromium: table 三 runs from the foot of page 1's right column over the page break into
//   both columns of page 2;
// - pdf-unruled/: each report printed with its tables' borders taken away (tables drawn without rules);
// - pdf-unruled-columns/: a report set in two columns with its tables' borders taken away;
// - pdf-unruled-a5/: three reports printed on A5 with their tables' borders taken away (a long
//   heading reaches the margin and its line is joined to the next; 007 writes 钩稽关系);
// - pdf-libreoffice/: two of the .docx files exported to PDF by LibreOffice (a second producer,
//   drawing its table rules as strokes where Chromium fills thin rectangles);
// - pdf-unruled-libreoffice/: five of the .docx files with their table borders taken out, exported
//   to PDF by LibreOffice (a second producer of tables without rules);
// - gbk/: a page re-encoded as GBK with its <meta charset> saying gb2312;
// - scanned.pdf: a page of one PDF rasterised (pdftoppm) and wrapped as an image-only PDF (img2pdf);
// - legacy.doc: a report saved as binary Word 97 (.doc).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'test/fixtures/formats');
const COLUMNS_PAGE = '004';
const formats = await import(pathToFileURL(join(root, 'dist/formats/index.mjs')).href);
const tmp = mkdtempSync(join(tmpdir(), 'rr-fixtures-'));

const pages = readdirSync(join(dir, 'html')).filter((f) => f.endsWith('.html')).sort();
for (const f of pages) writeFileSync(join(tmp, f), formats.articleHtml(readFileSync(join(dir, 'html', f), 'utf8')));

/** The pages whose `sub/<name><ext>` is not there yet. */
const missing = (sub, ext, from = pages) => from.filter((f) => !existsSync(join(dir, sub, f.replace(/\.html$/, ext))));

mkdirSync(join(dir, 'docx'), { recursive: true });
const soffice = (args) => execFileSync('soffice', ['--headless', '--infilter=HTML (StarWriter)', ...args], { stdio: 'ignore' });
const docx = missing('docx', '.docx');
if (docx.length) soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'docx'), ...docx.map((f) => join(tmp, f))]);
if (!existsSync(join(dir, 'legacy.doc'))) {
  soffice(['--convert-to', 'doc:MS Word 97', '--outdir', tmp, join(tmp, pages[3])]);
  renameSync(join(tmp, pages[3].replace(/\.html$/, '.doc')), join(dir, 'legacy.doc'));
}

mkdirSync(join(dir, 'pdf'), { recursive: true });
mkdirSync(join(dir, 'pdf-columns'), { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
const page = await browser.newPage();
for (const f of missing('pdf', '.pdf')) {
  await page.goto(pathToFileURL(join(tmp, f)).href);
  await page.pdf({
    path: join(dir, 'pdf', f.replace(/\.html$/, '.pdf')),
    format: 'A4',
    displayHeaderFooter: true,
    margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' },
  });
}
for (const f of missing('pdf-columns', '.pdf', pages.filter((p) => p.startsWith(COLUMNS_PAGE)))) {
  const columns = '<style>body{column-count:2;column-gap:8mm;font-size:9pt} table{font-size:7pt}</style></head>';
  writeFileSync(join(tmp, `columns-${f}`), readFileSync(join(tmp, f), 'utf8').replace('</head>', columns));
  await page.goto(pathToFileURL(join(tmp, `columns-${f}`)).href);
  await page.pdf({ path: join(dir, 'pdf-columns', f.replace(/\.html$/, '.pdf')), format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
}
mkdirSync(join(dir, 'pdf-unruled'), { recursive: true });
for (const f of missing('pdf-unruled', '.pdf')) {
  const unruled = '<style>table, td, th { border: none !important }</style></head>';
  writeFileSync(join(tmp, `unruled-${f}`), readFileSync(join(tmp, f), 'utf8').replace('</head>', unruled));
  await page.goto(pathToFileURL(join(tmp, `unruled-${f}`)).href);
  await page.pdf({ path: join(dir, 'pdf-unruled', f.replace(/\.html$/, '.pdf')), format: 'A4' });
}
mkdirSync(join(dir, 'pdf-unruled-columns'), { recursive: true });
for (const f of missing('pdf-unruled-columns', '.pdf', pages.filter((p) => p.startsWith('003')))) {
  await page.goto(pathToFileURL(join(tmp, f)).href);
  await page.addStyleTag({ content: 'body{column-count:2;column-gap:8mm;font-size:9pt} table{font-size:7pt} table, td, th { border: none !important }' });
  await page.pdf({ path: join(dir, 'pdf-unruled-columns', f.replace(/\.html$/, '.pdf')), format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
}
mkdirSync(join(dir, 'pdf-unruled-a5'), { recursive: true });
for (const f of missing('pdf-unruled-a5', '.pdf', pages.filter((p) => ['003', '005', '007'].includes(p.slice(0, 3))))) {
  await page.goto(pathToFileURL(join(tmp, f)).href);
  await page.addStyleTag({ content: 'table, td, th { border: none !important }' });
  await page.pdf({ path: join(dir, 'pdf-unruled-a5', f.replace(/\.html$/, '.pdf')), format: 'A5', margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
}
await browser.close();

mkdirSync(join(dir, 'pdf-libreoffice'), { recursive: true });
const fromWord = missing('pdf-libreoffice', '.pdf', pages.filter((p) => ['004', '005'].includes(p.slice(0, 3))));
if (fromWord.length) execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf-libreoffice'), ...fromWord.map((p) => join(dir, 'docx', p.replace(/\.html$/, '.docx')))], { stdio: 'ignore' });

mkdirSync(join(dir, 'pdf-unruled-libreoffice'), { recursive: true });
const bare = missing('pdf-unruled-libreoffice', '.pdf', pages.filter((p) => ['001', '004', '005', '008', '011'].includes(p.slice(0, 3))));
for (const f of bare) {
  const unzipped = join(tmp, `bare-${f}`);
  execFileSync('unzip', ['-q', '-o', join(dir, 'docx', f.replace(/\.html$/, '.docx')), '-d', unzipped]);
  const xml = join(unzipped, 'word', 'document.xml');
  writeFileSync(xml, readFileSync(xml, 'utf8').replace(/<w:(tcBorders|tblBorders)>.*?<\/w:\1>/gs, ''));
  execFileSync('zip', ['-q', '-r', join(tmp, f.replace(/\.html$/, '.docx')), '.'], { cwd: unzipped });
}
if (bare.length) execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf-unruled-libreoffice'), ...bare.map((f) => join(tmp, f.replace(/\.html$/, '.docx')))], { stdio: 'ignore' });

mkdirSync(join(dir, 'gbk'), { recursive: true });
if (missing('gbk', '.html', [pages[3]]).length) {
  const gbkSource = readFileSync(join(dir, 'html', pages[3]), 'utf8').replace(/<meta charset="UTF-8"\s*\/?>/i, '<meta charset="gb2312" />');
  writeFileSync(join(dir, 'gbk', pages[3]), iconv.encode(gbkSource, 'gbk'));
}

if (!existsSync(join(dir, 'scanned.pdf'))) {
  const first = join(dir, 'pdf', pages[3].replace(/\.html$/, '.pdf'));
  execFileSync('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', '-png', first, join(tmp, 'scan')]);
  const png = readdirSync(tmp).find((f) => f.startsWith('scan') && f.endsWith('.png'));
  execFileSync('img2pdf', [join(tmp, png), '-o', join(dir, 'scanned.pdf')]);
}
console.log('fixtures written to', dir);
