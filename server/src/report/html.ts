/**
 * The review report: one self-contained HTML file (inline style and script only, allowed by their
 * hashes in a strict Content-Security-Policy; nothing loaded from anywhere) that opens in any
 * browser and prints on A4. A summary of every report checked, sortable by its headers (the
 * script only sorts: without it the table reads the same); then each report's findings in words
 * and its three tables drawn from the grids, wrong cells marked with the value they should have.
 */
import { createHash } from 'node:crypto';
import type { GridCell, GridRow, GridTable, Locale } from '../core';
import type { FileEntry, LocatedFile, LocatedProblem } from '../output';
import { SEVERITY_WORDS } from './csv';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 186mm; padding: 8mm 0; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 14pt 0 6pt; border-bottom: 1.5pt solid #333; padding-bottom: 2pt; overflow-wrap: anywhere; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; }
.en { color: #555; font-weight: normal; }
p { margin: 3pt 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4pt 0 8pt; }
th, td { border: 0.75pt solid #888; padding: 2pt 3pt; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
thead th { background: #eef1f5; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.summary th button { all: inherit; cursor: pointer; border: 0; padding: 0; }
.summary th[aria-sort=ascending] button::after { content: " ▲"; }
.summary th[aria-sort=descending] button::after { content: " ▼"; }
.summary col.file { width: 24%; } .summary col.body { width: 22%; } .summary col.year { width: 8%; }
.summary col.template { width: 10%; } .summary col.count { width: 9%; } .summary col.verdict { width: 18%; }
.verdict-fail { color: #a40000; font-weight: bold; }
.verdict-check { color: #8a5a00; font-weight: bold; }
.verdict-pass { color: #1d6b1d; font-weight: bold; }
.report { break-before: page; }
.meta { color: #333; }
ol.findings { padding-left: 18pt; margin: 4pt 0; }
ol.findings li { margin: 2pt 0; overflow-wrap: anywhere; }
.sev { display: inline-block; min-width: 2.6em; font-weight: bold; }
.sev-error { color: #a40000; } .sev-warning { color: #8a5a00; } .sev-info, .sev-hint { color: #335; }
.where, .rule { color: #555; font-size: 9pt; }
table.grid { font-size: 9pt; }
table.t3 col.label-col { width: 37%; }
table.t2 col.label-col { width: 25%; }
h4 { font-size: 10.5pt; margin: 8pt 0 2pt; }
table.grid th.label { text-align: left; font-weight: normal; }
table.grid tr.group th { text-align: left; background: #f6f6f6; font-weight: bold; }
table.grid tr.caption th { text-align: left; background: #f6f6f6; }
table.t4 { font-size: 8.5pt; }
td.wrong { background: #fde2e1; color: #8b0000; font-weight: bold; }
td.wrong del { font-weight: normal; }
td.missing { background: #fff1cc; color: #7a4b00; }
td.blank { background: #fff8e0; color: #7a4b00; }
td.invalid { background: #fde2e1; color: #8b0000; }
tr.flagged > th.label { border-left: 3pt solid #c00; }
tr.row-missing td { background: #fff1cc; color: #7a4b00; }
tr.row-replaced td { color: #666; }
.note { display: block; font-size: 8pt; color: #7a4b00; }
.notice { border: 1pt solid #c90; background: #fff8e0; padding: 4pt 6pt; margin: 4pt 0 8pt; }
.legend { font-size: 9pt; color: #333; }
.legend span { display: inline-block; padding: 0 4pt; margin-right: 6pt; border: 0.75pt solid #888; }
.legend .wrong { background: #fde2e1; } .legend .missing { background: #fff1cc; } .legend .blank { background: #fff8e0; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

/** Sorts the summary by a clicked header: numbers by value, the rest in Chinese order; again to reverse. */
const SCRIPT = `
document.querySelectorAll('table.summary').forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  var body = table.tBodies[0];
  Array.prototype.forEach.call(body.rows, function (r, i) { r.dataset.order = String(i); });
  Array.prototype.forEach.call(heads, function (th, col) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      var numeric = th.dataset.type === 'number';
      var key = function (r) { var c = r.cells[col]; return c.dataset.sort !== undefined ? c.dataset.sort : c.textContent; };
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var d = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'zh-CN');
        return dir * d || Number(a.dataset.order) - Number(b.dataset.order);
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
`;

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

const WORDS = {
  'zh-CN': {
    title: '政府信息公开工作年度报告审校结果',
    summary: '汇总',
    file: '文件',
    body: '机关',
    year: '年度',
    template: '格式',
    errors: '错误',
    warnings: '警告',
    verdict: '结论',
    findings: '问题',
    tables: '统计表',
    none: '未发现问题。',
    unchecked: '未检查的文件',
    line: (l: number) => `第 ${l} 行`,
    reports: (n: number, fail: number, check: number) => `共检查 ${n} 份报告：${fail} 份有错误，${check} 份有警告需核对，${n - fail - check} 份未发现错误和警告。`,
    legend: '图例：',
    lWrong: '✗ 错误的数（→ 应有的数）',
    lMissing: '缺 丢失的单元格',
    lBlank: '空 空白单元格（按 0 计）',
    wrongMark: '✗',
    missingCell: '缺',
    blankCell: '空',
    rowMissing: '缺少此行',
    rowReplaced: '由“（六）其他处理”一行代替',
    unplaced: '缺的数不能确定在哪一列，数字按读到的顺序排列',
    extra: (s: string) => `多出：${s}`,
    label: '项目',
    template2021: '2021 版',
    template2019: '2019 旧版',
    templateUnknown: '未识别',
    pass: '通过',
    check: '需核对',
    fail: '不通过',
    tool: (v: string) => `由 report-review ${v} 生成（按国办公开办函〔2021〕30号格式核对）。`,
  },
  en: {
    title: 'Review of government information disclosure annual reports',
    summary: 'Summary',
    file: 'File',
    body: 'Body',
    year: 'Year',
    template: 'Template',
    errors: 'Errors',
    warnings: 'Warnings',
    verdict: 'Verdict',
    findings: 'Findings',
    tables: 'Tables',
    none: 'No problems found.',
    unchecked: 'Files not checked',
    line: (l: number) => `line ${l}`,
    reports: (n: number, fail: number, check: number) => `${n} report(s) checked: ${fail} with errors, ${check} with warnings to check, ${n - fail - check} without errors or warnings.`,
    legend: 'Legend: ',
    lWrong: '✗ wrong number (→ what it should be)',
    lMissing: '缺 missing cell',
    lBlank: '空 blank cell (counted as 0)',
    wrongMark: '✗',
    missingCell: '缺',
    blankCell: '空',
    rowMissing: 'row missing',
    rowReplaced: 'stood in for by the single （六）其他处理 row',
    unplaced: 'which column lost its number cannot be told: the numbers stand in the order read',
    extra: (s: string) => `extra: ${s}`,
    label: 'Item',
    template2021: '2021',
    template2019: '2019 (outdated)',
    templateUnknown: 'not recognised',
    pass: 'pass',
    check: 'to check',
    fail: 'fail',
    tool: (v: string) => `Made by report-review ${v} (checked against the 2021 template).`,
  },
};
type Words = (typeof WORDS)['zh-CN'];

type Verdict = 'fail' | 'check' | 'pass';
function verdictOf(f: LocatedFile): { verdict: Verdict; errors: number; warnings: number } {
  const errors = f.problems.filter((p) => p.severity === 'error').length;
  const warnings = f.problems.filter((p) => p.severity === 'warning').length;
  return { verdict: errors ? 'fail' : warnings ? 'check' : 'pass', errors, warnings };
}

function templateName(w: Words, t: string): string {
  return t === '2021' ? w.template2021 : t === '2019' ? w.template2019 : w.templateUnknown;
}

function cellHtml(w: Words, c: GridCell, colspan = 1): string {
  const span = colspan > 1 ? ` colspan="${colspan}"` : '';
  const title = c.notes?.length ? ` title="${esc(c.notes.join('\n'))}"` : '';
  const arrow = c.expected === undefined ? '' : ` → ${c.expected}`;
  switch (c.state) {
    case 'wrong':
      return `<td class="n wrong"${span}${title}>${w.wrongMark} <del>${esc(c.raw || '0')}</del>${arrow}</td>`;
    case 'missing':
      return `<td class="n missing"${span}${title}>${w.missingCell}${arrow}</td>`;
    case 'blank':
      return `<td class="n blank"${span}>${w.blankCell}</td>`;
    case 'invalid':
      return `<td class="n invalid"${span}>${w.wrongMark} ${esc(c.raw)}</td>`;
    default:
      return `<td class="n"${span}>${esc(c.raw)}</td>`;
  }
}

/** The note under a row's label: why its cells are not in their columns, numbers beyond them. */
function rowNote(w: Words, r: GridRow): string {
  const notes: string[] = [];
  if (!r.placed) notes.push(w.unplaced);
  if (r.extra.length) notes.push(w.extra(r.extra.map((c) => c.raw).join(' ')));
  return notes.map((n) => `<span class="note">${esc(n)}</span>`).join('');
}

const flagged = (r: GridRow) => r.state === 'missing' || !r.placed || r.extra.length > 0 || r.cells.some((c) => c.state !== 'ok');

function rowHtml(w: Words, r: GridRow, width: number, withLabel: boolean): string {
  const cls = [r.state === 'missing' ? 'row-missing' : r.state === 'replaced' ? 'row-replaced' : '', flagged(r) ? 'flagged' : ''].filter(Boolean).join(' ');
  const label = withLabel ? `<th class="label" scope="row">${esc(r.label)}${rowNote(w, r)}</th>` : '';
  let cells: string;
  if (r.state !== 'present') cells = `<td colspan="${width}">${esc(r.state === 'missing' ? w.rowMissing : w.rowReplaced)}</td>`;
  // A one-number row of table 二 spans the sub-table's width.
  else if (r.cells.length === 1 && width > 1) cells = cellHtml(w, r.cells[0], width);
  else cells = r.cells.map((c) => cellHtml(w, c)).join('');
  return `<tr data-row="${esc(r.key)}"${cls ? ` class="${cls}"` : ''}>${label}${cells}</tr>`;
}

function gridHtml(w: Words, t: GridTable): string {
  const head = `<h4>${esc(t.title)}</h4>`;
  if (t.state !== 'read') return `${head}<p class="notice" data-table="${t.id}" data-state="${t.state}">⚠ ${esc(t.reason ?? '')}</p>`;
  const width = t.columns.length;
  const open = `<table class="grid ${t.id}" data-table="${t.id}">`;
  if (t.id === 't4') {
    const groups = [...new Set(t.columns.map((c) => c.group ?? ''))];
    const cols = `<colgroup>${t.columns.map(() => '<col>').join('')}</colgroup>`;
    const g = `<tr>${groups.map((x) => `<th colspan="${t.columns.filter((c) => c.group === x).length}" scope="colgroup">${esc(x)}</th>`).join('')}</tr>`;
    const c = `<tr>${t.columns.map((x) => `<th scope="col">${esc(x.label)}</th>`).join('')}</tr>`;
    return `${head}${open}${cols}<thead>${g}${c}</thead><tbody>${t.rows.map((r) => rowHtml(w, r, width, false)).join('')}</tbody></table>`;
  }
  if (t.id === 't2') {
    const cols = `<colgroup><col class="label-col"><col><col><col></colgroup>`;
    const body = t.rows
      .map((r) => {
        let caption = '';
        if (r.caption) caption += `<tr class="caption"><th colspan="${width + 1}" scope="colgroup">${esc(r.caption)}</th></tr>`;
        if (r.header) {
          const [first, ...rest] = r.header;
          const spread = rest.length === 1 ? ` colspan="${width}"` : '';
          caption += `<tr><th scope="col">${esc(first)}</th>${rest.map((h) => `<th scope="col"${spread}>${esc(h)}</th>`).join('')}</tr>`;
        }
        return caption + rowHtml(w, r, width, true);
      })
      .join('');
    return `${head}${open}${cols}<tbody>${body}</tbody></table>`;
  }
  const cols = `<colgroup><col class="label-col">${t.columns.map(() => '<col>').join('')}</colgroup>`;
  const header = `<thead><tr><th scope="col">${esc(w.label)}</th>${t.columns.map((c) => `<th scope="col">${esc(c.label)}</th>`).join('')}</tr></thead>`;
  let open2: string[] = [];
  const body: string[] = [];
  for (const r of t.rows) {
    // A merged group label of the template, as a row of its own when the group starts.
    r.groups.forEach((g, i) => {
      if (open2[i] !== g) body.push(`<tr class="group"><th colspan="${width + 1}" scope="rowgroup">${esc(g)}</th></tr>`);
    });
    open2 = r.groups;
    body.push(rowHtml(w, r, width, true));
  }
  return `${head}${open}${cols}${header}<tbody>${body.join('')}</tbody></table>`;
}

function findingHtml(w: Words, p: LocatedProblem, locale: Locale): string {
  const where = p.place ?? w.line(p.line);
  return `<li><span class="sev sev-${p.severity}">${esc(SEVERITY_WORDS[locale][p.severity])}</span> <span class="where">${esc(where)}</span> ${esc(p.message)} <span class="rule">${esc(p.rule)}</span></li>`;
}

function reportHtml(w: Words, f: LocatedFile, n: number, locale: Locale): string {
  const { verdict, errors, warnings } = verdictOf(f);
  const r = f.review;
  const meta = [r?.body, r?.year ? String(r.year) : undefined, templateName(w, f.template)].filter(Boolean).join(' · ');
  const findings = f.problems.length ? `<ol class="findings">${f.problems.map((p) => findingHtml(w, p, locale)).join('')}</ol>` : `<p>${esc(w.none)}</p>`;
  const legend = `<p class="legend">${esc(w.legend)}<span class="wrong">${esc(w.lWrong)}</span><span class="missing">${esc(w.lMissing)}</span><span class="blank">${esc(w.lBlank)}</span></p>`;
  const grids = r ? r.grids.map((t) => gridHtml(w, t)).join('') : '';
  return `<section class="report" id="report-${n}" data-file="${esc(f.path)}">
<h2>${n}. ${esc(f.path)}</h2>
<p class="meta">${esc(meta)} · <span class="verdict-${verdict}">${esc(w[verdict])}</span>（${esc(w.errors)} ${errors}，${esc(w.warnings)} ${warnings}）</p>
<h3>${esc(w.findings)}</h3>${findings}
<h3>${esc(w.tables)}</h3>${legend}${grids}
</section>`;
}

function summaryHtml(w: Words, files: LocatedFile[]): string {
  const th = (label: string, type: 'text' | 'number') => `<th scope="col" data-type="${type}"><button type="button">${esc(label)}</button></th>`;
  const head = `<tr>${th(w.file, 'text')}${th(w.body, 'text')}${th(w.year, 'number')}${th(w.template, 'text')}${th(w.errors, 'number')}${th(w.warnings, 'number')}${th(w.verdict, 'number')}</tr>`;
  const order: Record<Verdict, number> = { fail: 2, check: 1, pass: 0 };
  const rows = files.map((f, i) => {
    const { verdict, errors, warnings } = verdictOf(f);
    const r = f.review;
    return `<tr><td><a href="#report-${i + 1}">${esc(f.path)}</a></td><td>${esc(r?.body ?? '')}</td><td class="n" data-sort="${r?.year ?? 0}">${r?.year ?? ''}</td><td>${esc(templateName(w, f.template))}</td><td class="n">${errors}</td><td class="n">${warnings}</td><td data-sort="${order[verdict]}" class="verdict-${verdict}">${esc(w[verdict])}</td></tr>`;
  });
  const cols = '<colgroup><col class="file"><col class="body"><col class="year"><col class="template"><col class="count"><col class="count"><col class="verdict"></colgroup>';
  return `<table class="summary">${cols}<thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

export function toHtml(entries: FileEntry[], locale: Locale, version: string): string {
  const w = WORDS[locale];
  const other = WORDS[locale === 'en' ? 'zh-CN' : 'en'];
  const files = entries.filter((e): e is LocatedFile => 'template' in e);
  const unchecked = entries.filter((e) => !('template' in e));
  const counts = files.map(verdictOf);
  const fail = counts.filter((c) => c.verdict === 'fail').length;
  const check = counts.filter((c) => c.verdict === 'check').length;
  const uncheckedHtml = unchecked.length
    ? `<h3>${esc(w.unchecked)}</h3><ul>${unchecked.map((e) => `<li>${esc(e.path)}：${esc((e.error ?? e.skipped)!.message)}</li>`).join('')}</ul>`
    : '';
  const csp = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(w.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(w.title)} <span class="en">${esc(other.title)}</span></h1>
<p>${esc(w.reports(files.length, fail, check))}</p>
<p class="meta">${esc(w.tool(version))}</p>
</header>
<section id="summary">
<h2>${esc(w.summary)} <span class="en">${esc(other.summary)}</span></h2>
${summaryHtml(w, files)}
${uncheckedHtml}
</section>
${files.map((f, i) => reportHtml(w, f, i + 1, locale)).join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
