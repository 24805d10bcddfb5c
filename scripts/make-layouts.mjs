#!/usr/bin/env node
/**
 * Renders every real report page (test/fixtures/formats/html/<id>.html) into the layouts people
 * and converters make of it, and every seed (test/fixtures/seeds/*.txt) into the text layouts,
 * and writes them next to the page (test/fixtures/originals/<id>/<layout>.txt|md) and under
 * test/corpus/seeds/<id>/. The unit tests read the committed files; run this only to regenerate:
 *
 *   npm run compile && node scripts/make-layouts.mjs [--only ID-PREFIX] [--seeds]
 *
 * Needs Chromium (`scripts/setup-e2e.sh` installs Debian's; CHROMIUM overrides the path) and
 * poppler-utils (`pdftotext`). The page is read through Chromium's DOM (playwright-core), with
 * scripts off and every network request refused: the report is the page's article (its title and
 * its content), as a reader selects it or the site's print button prints it.
 *
 * 把每份真实年报页面渲染成人和转换工具会产生的各种版式（浏览器复制、Word 制表符文本、一格一行、
 * `cell |`、`|` 行、Markdown、转换工具拆分的 Markdown、网格表格、表格写成 HTML 的 Markdown、PDF 提取文本、纯文本内容），提交生成的文本。
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ORIGINALS = path.join(ROOT, 'test', 'fixtures', 'originals');
/** The pages as published (one copy, shared with the document readers' tests). */
const PAGES = path.join(ROOT, 'test', 'fixtures', 'formats', 'html');
const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');
const SEED_LAYOUTS = path.join(ROOT, 'test', 'corpus', 'seeds');

/** The layouts, in the order the matrix prints them (shared with test/corpus/compare.ts). */
const LAYOUTS = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'corpus', 'layouts.json'), 'utf8'));
const PAGE_LAYOUTS = LAYOUTS.original;

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
/** `--seeds`: the seeds' layouts only (no Chromium needed). */
const seedsOnly = args.includes('--seeds');

// ---------------------------------------------------------------- the page, read in Chromium

/**
 * Runs in the page: the article as data. Paragraphs are the lines of the content's innerText with
 * each table replaced by a marker line; a table is its rows of cells (text, rowspan, colspan).
 */
function readArticle() {
  const title = document.querySelector('.article_title');
  const content = document.querySelector('.article_content');
  if (!title || !content) throw new Error('no .article_title / .article_content in this page');
  const cellText = (td) => td.innerText.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  const tables = [];
  const clone = content.cloneNode(true);
  for (const table of Array.from(clone.querySelectorAll('table'))) {
    if (table.parentElement?.closest('table')) continue;
    tables.push(table);
  }
  // Read the tables from the live content (innerText needs layout), in the same order.
  const live = Array.from(content.querySelectorAll('table')).filter((t) => !t.parentElement?.closest('table'));
  const grids = live.map((table) =>
    Array.from(table.rows).map((tr) =>
      Array.from(tr.cells).map((td) => ({ text: cellText(td), rowspan: td.rowSpan || 1, colspan: td.colSpan || 1 })),
    ),
  );
  tables.forEach((t, i) => {
    const p = document.createElement('p');
    p.textContent = `\u0000TABLE${i}\u0000`;
    t.replaceWith(p);
  });
  clone.style.position = 'absolute';
  clone.style.left = '-20000px';
  document.body.appendChild(clone);
  const flowText = clone.innerText;
  clone.remove();
  const items = [];
  for (const raw of flowText.split('\n')) {
    const m = /\u0000TABLE(\d+)\u0000/.exec(raw);
    if (m) items.push({ table: grids[Number(m[1])] });
    else if (raw.replace(/[\s\u00a0\u3000]/g, '') !== '') items.push({ p: raw.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '') });
  }
  return {
    title: title.innerText.trim(),
    items,
    innerText: `${title.innerText}\n${content.innerText}`,
    textContent: `${title.textContent}${content.textContent}`,
    printHtml: `${title.outerHTML}${content.outerHTML}`,
  };
}

// ---------------------------------------------------------------- tables as grids

/** The grid with merged cells resolved: `grid[r][c]` = { text, origin } (origin: the cell starts here). */
function expand(rows) {
  const grid = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r][c]) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          grid[r + dr] ??= [];
          grid[r + dr][c + dc] = { text: cell.text, origin: dr === 0 && dc === 0, top: dr === 0, left: dc === 0 };
        }
      }
      c += cell.colspan;
    }
  });
  const width = Math.max(...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? { text: '', origin: true, top: true, left: true }));
}

/** Word's text export: one line a row, a tab between cells; a vertically merged cell is an empty field below its first row, a horizontally merged one is one field. */
function wordRow(gridRow) {
  return gridRow.filter((cell) => cell.left).map((cell) => (cell.top ? cell.text : ''));
}

/** The cells a row of the source really has (merged cells once, where they start). */
function ownCells(row) {
  return row.map((cell) => cell.text);
}

const isNumberCell = (text) => /^\d+(\.\d+)?$/.test(text);

// ---------------------------------------------------------------- layouts

/** A numbered line short enough to be a title (a paragraph may also start 一、…, but runs on). */
const HEADING = /^[一二三四五六七八九十]+、/;
const HEADING_MAX = 40;

function layoutOf(article, renderTable, { headingPrefix = '', titlePrefix = '' } = {}) {
  const out = [titlePrefix + article.title];
  for (const item of article.items) {
    if (item.p !== undefined) out.push(headingPrefix && HEADING.test(item.p) && item.p.length <= HEADING_MAX ? headingPrefix + item.p : item.p);
    else out.push(...renderTable(item.table));
  }
  return out.join('\n') + '\n';
}

const tabs = (rows) => expand(rows).map((row) => wordRow(row).join('\t'));
const cellLines = (rows) => rows.flatMap((row) => ownCells(row));
const cellLinesBlank = (rows) => rows.flatMap((row, i) => [...(i ? [''] : []), ...ownCells(row)]);
const cellBar = (rows) => ['', ...rows.flatMap((row) => [...ownCells(row).map((t) => (t ? `${t} |` : '|')), ''])];
const pipes = (rows) => rows.map((row) => `| ${ownCells(row).join(' | ')} |`);

const mdCell = (t) => t.replace(/\|/g, '\\|');
function markdownTable(grid) {
  const lines = grid.map((row) => `| ${row.map(mdCell).join(' | ')} |`);
  lines.splice(1, 0, `|${grid[0].map(() => '---').join('|')}|`);
  return ['', ...lines, ''];
}
/** A Markdown pipe table: merged cells written once, where they start, the cells they cover left empty. */
const markdown = (rows) => markdownTable(expand(rows).map((row) => row.map((cell) => (cell.origin ? cell.text : ''))));

/** Display width: CJK and full-width characters take two columns. */
const displayWidth = (t) => [...t].reduce((n, ch) => n + (ch.codePointAt(0) >= 0x1100 ? 2 : 1), 0);
/** A cell's text broken into lines of at most `width` columns (runs of digits kept whole). */
function wrapCell(text, width) {
  const lines = [];
  let cur = '';
  for (const unit of text.match(/[0-9.]+|./gu) ?? []) {
    if (cur && displayWidth(cur + unit) > width) {
      lines.push(cur);
      cur = '';
    }
    cur += unit;
  }
  return cur ? [...lines, cur] : [''];
}
/**
 * A grid table, as pandoc writes a Markdown table whose cells do not fit on one line: rules of
 * `-` (`=` under the first row) and `+`, each cell's text wrapped in a column at most 12 columns
 * wide onto the lines of its row. Merged cells written once, where they start.
 */
function markdownGrid(rows) {
  const grid = expand(rows).map((row) => row.map((cell) => wrapCell(cell.origin ? cell.text : '', 12)));
  const widths = grid[0].map((_, c) => Math.max(3, ...grid.map((row) => Math.max(...row[c].map(displayWidth)))));
  const pad = (t, w) => t + ' '.repeat(w - displayWidth(t));
  const rule = (ch) => `+${widths.map((w) => ch.repeat(w + 2)).join('+')}+`;
  const out = ['', rule('-')];
  grid.forEach((row, r) => {
    const height = Math.max(...row.map((cell) => cell.length));
    for (let k = 0; k < height; k++) out.push(`| ${row.map((cell, c) => pad(cell[k] ?? '', widths[c])).join(' | ')} |`);
    out.push(rule(r === 0 ? '=' : '-'));
  });
  return [...out, ''];
}

/** A cell as HTML markup: its text escaped, its rowspan and colspan when it is merged. */
function htmlCell(cell, tag) {
  const text = cell.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const span = `${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}`;
  return `<${tag}${span}>${text}</${tag}>`;
}
/**
 * What converters that keep a table with merged cells as HTML inside the Markdown make of it
 * (pandoc to GitHub Markdown): one element a line, merged cells once with their rowspan or colspan.
 */
const markdownHtml = (rows) => [
  '',
  '<table>',
  '<tbody>',
  ...rows.flatMap((row) => ['<tr>', ...row.map((cell) => htmlCell(cell, 'td')), '</tr>']),
  '</tbody>',
  '</table>',
  '',
];
/** The same, a whole table on one line (PDF-to-Markdown converters such as MinerU). */
const markdownHtmlLine = (rows) => ['', `<table>${rows.map((row) => `<tr>${row.map((cell) => htmlCell(cell, 'td')).join('')}</tr>`).join('')}</table>`, ''];

/**
 * What PDF-to-Markdown converters make of tables 三 and 四: table 三 cut into one table per group
 * under generic headers, the labels on lines of their own, the number rows alone (some of them
 * orphans: in the table before their label);
 * table 四 as three small tables. Other tables as in `markdown`.
 */
function markdownSplit(rows) {
  const grid = expand(rows);
  const flat = grid.map((row) => row.map((c) => c.text).join(''));
  if (flat.some((t) => t.includes('本年新收'))) return splitTable3(grid);
  if (flat.some((t) => t.includes('行政复议')) && grid.some((row) => row.filter((c) => isNumberCell(c.text)).length >= 15)) return splitTable4(grid);
  return markdown(rows);
}

function splitTable3(grid) {
  const out = [];
  const numberCols = 7;
  const isData = (row) => row.slice(-numberCols).some((c) => isNumberCell(c.text)) || row.slice(-numberCols).every((c) => c.text === '' || isNumberCell(c.text));
  const header = grid.filter((row) => !isData(row));
  const data = grid.filter(isData);
  // The header: its words one per line.
  const seen = new Set();
  for (const row of header) for (const cell of row) if (cell.origin && cell.text && !seen.has(cell.text)) (seen.add(cell.text), out.push(cell.text));
  let group = [];
  let after = [];
  const flush = () => {
    if (!group.length) return;
    out.push('', `| ${['数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计'].join(' | ')} |`, `|${Array(numberCols).fill('---').join('|')}|`);
    for (const row of group) out.push(`| ${row.slice(-numberCols).map((c) => c.text).join(' | ')} |`);
    out.push('', ...after);
    group = [];
    after = [];
  };
  for (const row of data) {
    const labelCells = row.slice(0, row.length - numberCols);
    const labels = labelCells.filter((c) => c.top && c.left && c.text);
    // A row standing alone (一, 二, 四: one label across the label columns) joins the table before
    // it as an orphan number row, its label printed after that table; a merged group label starts
    // a new table, its labels printed before it.
    const alone = labels.length === 1 && labelCells.every((c) => c.text === labels[0].text);
    if (alone && group.length) {
      after.push(labels[0].text);
    } else {
      if (labels.length > 1 || alone) flush();
      for (const c of labels) out.push(c.text);
    }
    group.push(row);
  }
  flush();
  return out;
}

function splitTable4(grid) {
  const out = [];
  const numbers = grid.find((row) => row.filter((c) => isNumberCell(c.text)).length >= 15).map((c) => c.text);
  const cols = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const parts = [['行政复议'], ['行政诉讼', '未经复议直接起诉'], ['复议后起诉']];
  parts.forEach((labels, i) => {
    out.push('', ...labels, '', `| ${cols.join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`, `| ${numbers.slice(i * 5, i * 5 + 5).join(' | ')} |`);
  });
  out.push('');
  return out;
}

// ---------------------------------------------------------------- PDF

function pdfTexts(pdf) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layouts-'));
  const file = path.join(dir, 'page.pdf');
  fs.writeFileSync(file, pdf);
  const run = (flags) => execFileSync('pdftotext', [...flags, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const texts = { layout: run(['-layout']), raw: run([]) };
  fs.rmSync(dir, { recursive: true, force: true });
  // Page breaks (form feeds) are where a reader's copy has a line break.
  for (const k of Object.keys(texts)) texts[k] = texts[k].replace(/\f/g, '\n');
  return texts;
}

const PRINT_CSS = `
  body { font-family: "WenQuanYi Micro Hei", sans-serif; font-size: 12pt; margin: 0; }
  .article_title { font-size: 16pt; text-align: center; margin-bottom: 12pt; }
  table { border-collapse: collapse; width: 100%; }
  td, th { border: 1px solid #000; padding: 2pt; font-size: 9pt; }
  p { margin: 4pt 0; }
`;

// ---------------------------------------------------------------- seeds (text in, text out)

/**
 * A seed's tables, as the checker reads them (the seeds are read right: their findings are pinned
 * in seeds.test.ts), each row rewritten in a layout; every other line (headings, group labels, the
 * column headers) stays as it is.
 */
function seedLayouts(text, core) {
  const r = core.check(text);
  const rows = ['t2', 't3', 't4'].flatMap((k) => r.model.tables[k]?.rows ?? []).sort((a, b) => a.span.start - b.span.start);
  const render = (rowText, tableHead = () => '', dedent = false) => {
    let out = '';
    let at = 0;
    let table;
    for (const row of rows) {
      // Table 四's one row has no label of its own: what is read as its label is header words.
      const labelled = row.key !== 't4.row' && row.labelSpan && row.labelSpan.end > row.labelSpan.start;
      const label = labelled ? text.slice(row.labelSpan.start, row.labelSpan.end).trim() : '';
      const cells = [...(label ? [label] : []), ...row.cells.map((c) => c.raw)];
      // Words inside the row that are neither its label nor its cells (table 四's header, read
      // between its numbers in PDF text) go on lines of their own before it.
      const pieces = [labelled ? row.labelSpan : undefined, ...row.cells.map((c) => c.span)].filter((sp) => sp && sp.end > sp.start).sort((a, b) => a.start - b.start);
      const words = [];
      let from = row.span.start;
      for (const sp of pieces) {
        words.push(...text.slice(from, sp.start).split(/\n/).map((l) => l.trim()).filter(Boolean));
        from = Math.max(from, sp.end);
      }
      words.push(...text.slice(from, row.span.end).split(/\n/).map((l) => l.trim()).filter(Boolean));
      const head = row.key.slice(0, 2) !== table ? tableHead(cells.length, Boolean(label)) : '';
      table = row.key.slice(0, 2);
      let before = text.slice(at, row.span.start);
      if (dedent) before = before.replace(/[ \t\u3000]+$/, '');
      out += before + words.map((w) => w + '\n').join('') + head + rowText(cells);
      at = row.span.end;
    }
    return out + text.slice(at);
  };
  return {
    'tabs.txt': render((cells) => cells.join('\t')),
    'pipes.txt': render((cells) => `| ${cells.join(' | ')} |`),
    'cell-lines.txt': render((cells) => cells.join('\n')),
    'cell-lines-blank.txt': render((cells) => `\n${cells.join('\n')}\n`),
    // A Markdown table per table: a header row of generic names and the separator before its first row.
    'markdown.md': render(
      (cells) => `| ${cells.join(' | ')} |`,
      (n, labelled) => `| ${Array.from({ length: n }, (_, i) => (labelled ? (i ? `数据${i}` : '项目') : `数据${i + 1}`)).join(' | ')} |\n|${Array(n).fill('---').join('|')}|\n`,
      true,
    ),
    'cell-bar.txt': render((cells) => `\n${cells.map((c) => (c ? `${c} |` : '|')).join('\n')}\n`),
  };
}

// ---------------------------------------------------------------- main

async function main() {
  if (!seedsOnly) await renderPages();
  renderSeeds();
}

async function renderPages() {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const ids = fs.readdirSync(ORIGINALS).filter((d) => fs.existsSync(path.join(PAGES, `${d}.html`)) && (!only || d.startsWith(only)));
    for (const id of ids) {
      const dir = path.join(ORIGINALS, id);
      const page = await context.newPage();
      await page.goto('file://' + path.join(PAGES, `${id}.html`), { waitUntil: 'domcontentloaded' });
      const article = await page.evaluate(readArticle);
      const layouts = {
        'browser.txt': article.innerText.replace(/\n*$/, '\n'),
        'word-tabs.txt': layoutOf(article, tabs),
        'cell-lines.txt': layoutOf(article, cellLines),
        'cell-lines-blank.txt': layoutOf(article, cellLinesBlank),
        'cell-bar.txt': layoutOf(article, cellBar),
        'pipes.txt': layoutOf(article, pipes),
        'markdown.md': layoutOf(article, markdown, { headingPrefix: '## ', titlePrefix: '# ' }),
        'markdown-split.md': layoutOf(article, markdownSplit, { headingPrefix: '## ', titlePrefix: '# ' }),
        'markdown-grid.md': layoutOf(article, markdownGrid, { headingPrefix: '## ', titlePrefix: '# ' }),
        'markdown-html.md': layoutOf(article, markdownHtml, { headingPrefix: '## ', titlePrefix: '# ' }),
        'markdown-html-line.md': layoutOf(article, markdownHtmlLine, { headingPrefix: '# ', titlePrefix: '# ' }),
        'textcontent.txt': article.textContent.replace(/[\r\n\t]/g, '') + '\n',
      };
      const printPage = await context.newPage();
      await printPage.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${PRINT_CSS}</style></head><body>${article.printHtml}</body></html>`);
      const pdf = await printPage.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } });
      const texts = pdfTexts(pdf);
      layouts['pdf-layout.txt'] = texts.layout;
      layouts['pdf-raw.txt'] = texts.raw;
      await printPage.close();
      await page.close();
      for (const name of PAGE_LAYOUTS) fs.writeFileSync(path.join(dir, name), layouts[name]);
      console.log(`${id}: ${PAGE_LAYOUTS.length} layouts`);
    }
  } finally {
    await browser.close();
  }
}

function renderSeeds() {
  const core = require(path.join(ROOT, 'out', 'server', 'src', 'core'));
  for (const file of fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt') && (!only || f.startsWith(only)))) {
    const id = file.slice(0, 3);
    const text = fs.readFileSync(path.join(SEEDS, file), 'utf8');
    const dir = path.join(SEED_LAYOUTS, id);
    fs.mkdirSync(dir, { recursive: true });
    const layouts = seedLayouts(text, core);
    for (const name of LAYOUTS.seed.filter((l) => l !== 'original.txt')) fs.writeFileSync(path.join(dir, name), layouts[name]);
    console.log(`seed ${id}: ${Object.keys(layouts).length} layouts`);
  }
}

await main();
