/**
 * Every layout of every real report (test/fixtures/originals/<id>/, test/corpus/seeds/<id>/ and the
 * seeds themselves) checked against its truth (test/corpus/truth.json). Prints the layout × report
 * matrix. The pairs in test/corpus/passing.json must give their truth (the ratchet: what the
 * reader reads today it keeps reading); a pair outside the list that gives its truth fails too,
 * until it is added, so the list always says exactly what is read.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { LineIndex, RULES, check, formatMessage, type CellModel } from '../../server/src/core';
import { cellName } from '../../server/src/core/arith';
import { ORIGINALS, PASSING, REPORTS, TRUTH, compareAll, compareText, layoutFile, layoutsOf, matrix, type Outcome } from '../corpus/compare';

/** A text's findings, each as its rule, line and message (`quote`: how a message is compared), sorted. */
function findingsByLine(text: string, quote: (message: string) => string = (m) => m): string[] {
  const lines = new LineIndex(text);
  return check(text)
    .problems.map((p) => `${p.rule} ${lines.positionAt(p.span.start).line} ${quote(formatMessage(p.message, 'zh-CN'))}`)
    .sort();
}

/** The pairs of passing.json whose text, changed by `change`, gives other findings than it. */
function changedBy(change: (text: string) => string, quote?: (message: string) => string): string[] {
  return PASSING.filter((pair) => {
    const [report, layout] = pair.split('/');
    const text = fs.readFileSync(layoutFile(report, layout), 'utf8');
    return JSON.stringify(findingsByLine(change(text), quote)) !== JSON.stringify(findingsByLine(text, quote));
  });
}

describe('corpus (test/corpus): every layout of every real report gives its truth', () => {
  it('has every layout of every report, and a truth for every original page', () => {
    const pages = fs.readdirSync(ORIGINALS).filter((d) => fs.existsSync(`${ORIGINALS}/../formats/html/${d}.html`));
    assert.deepStrictEqual(pages.sort(), REPORTS.filter((r) => TRUTH[r].kind === 'original').sort());
    for (const report of REPORTS) for (const layout of layoutsOf(report)) assert.ok(fs.existsSync(layoutFile(report, layout)), `${report}/${layout} is missing: run scripts/make-layouts.mjs`);
  });

  it('names only rules the checker has, and only errors and warnings', () => {
    const aliases = new Set(RULES.map((r) => r.alias));
    for (const report of REPORTS) {
      for (const f of TRUTH[report].findings) {
        assert.ok(aliases.has(f.rule) || f.rule === 'table-layout', `${report}: unknown rule ${f.rule}`);
        assert.ok(f.severity === 'error' || f.severity === 'warning', `${report}: ${f.rule} is ${f.severity}`);
      }
    }
  });

  it('a layout is excused from a finding only where it loses the table: the checker says so, and the plain truth fails there', () => {
    for (const report of REPORTS) {
      for (const lost of TRUTH[report].lost ?? []) {
        assert.ok(lost.why.length > 0 && lost.with.length > 0, `${report}: a lost table needs its reason and the table-layout warning instead`);
        for (const layout of lost.layouts) {
          assert.ok(layoutsOf(report).includes(layout), `${report}: no layout ${layout}`);
          // Were the layout to give the plain truth, the excuse would hide a regression: it must go.
          const plain = compareText(report, fs.readFileSync(layoutFile(report, layout), 'utf8'));
          assert.ok(!plain.pass, `${report}/${layout} gives the plain truth: remove its entry from "lost"`);
        }
      }
    }
  });

  it('every pair in passing.json gives its truth, and no other pair does', () => {
    const outcomes = compareAll();
    console.log(matrix(outcomes).replace(/^/gm, '      '));
    const key = (o: Outcome) => `${o.report}/${o.layout}`;
    const all = new Set(outcomes.map(key));
    const unknown = PASSING.filter((k) => !all.has(k));
    assert.deepStrictEqual(unknown, [], 'passing.json names pairs that do not exist');
    const listed = new Set(PASSING);
    const regressed = outcomes.filter((o) => listed.has(key(o)) && !o.pass).map((o) => `${key(o)}: ${o.diff.join('; ')}`);
    const unlisted = outcomes.filter((o) => !listed.has(key(o)) && o.pass).map(key);
    assert.deepStrictEqual(regressed, [], 'these pairs gave their truth before and no longer do');
    assert.deepStrictEqual(unlisted, [], 'these pairs now give their truth: add them to test/corpus/passing.json (npm run corpus -- --add)');
  });

  it('full-width digits and points (a full-width input mode) give the same findings as ASCII ones, in every layout read', () => {
    // Every digit and point, prose, dates and list numbers (１．属于国家秘密) included; lines stay the same.
    const fullWidth = (t: string) => t.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    // Messages quote cells as written.
    const ascii = (t: string) => t.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    assert.deepStrictEqual(changedBy(fullWidth, ascii), []);
  });

  it('characters that show nothing at the starts of lines (a byte-order mark, a zero-width space: pages copied from the web) change no finding', () => {
    let n = 0;
    assert.deepStrictEqual(
      changedBy((text) => text.replace(/^/gm, () => (n++ % 2 ? '\u200b' : '\ufeff'))),
      [],
    );
  });

  it('the lines tables are found by, their characters spread apart (行 政 复 议: a header cell set across its width, as PDF text gives it), change no finding', () => {
    const spread = (text: string) =>
      text
        .split('\n')
        .map((l) => (/行政复议|新收|第二十条|勾稽关系/.test(l) && !l.includes('。') && l.length <= 60 ? l.replace(/([\u4e00-\u9fff])(?=[\u4e00-\u9fff])/g, '$1 ') : l))
        .join('\n');
    // Messages quote labels as written: compared without spaces.
    assert.deepStrictEqual(
      changedBy(spread, (m) => m.replace(/ /g, '')),
      [],
    );
  });

  it('a space between Chinese and the figures of its sentences (收到申请 75 件, as some editors set it) changes no finding', () => {
    const spaced = (text: string) =>
      text
        .split('\n')
        .map((l) => (l.includes('。') ? l.replace(/([\u4e00-\u9fff])([0-9])/g, '$1 $2').replace(/([0-9])([\u4e00-\u9fff])/g, '$1 $2') : l))
        .join('\n');
    assert.deepStrictEqual(changedBy(spaced), []);
  });

  it('years written in Chinese numerals (二〇二五年度, in the title, the sentences and the date) change no finding', () => {
    const chinese = (text: string) => text.replace(/(\d{4})(\s*年)/g, (_, y: string, rest: string) => [...y].map((d) => '〇一二三四五六七八九'[Number(d)]).join('') + rest);
    // Messages quote titles as written.
    const year = (m: string) => m.replace(/(?:\d|[〇一二三四五六七八九]){4}年/g, 'Y年');
    assert.deepStrictEqual(changedBy(chinese, year), []);
  });

  it('a page\'s running header between a table\'s numbers (PDF text of a table over a page break) changes no finding', () => {
    const changed: string[] = [];
    for (const id of ['t2', 't3', 't4'] as const) {
      for (const pair of PASSING) {
        const [report, layout] = pair.split('/');
        const text = fs.readFileSync(layoutFile(report, layout), 'utf8');
        const cells = check(text).model.tables[id]?.rows.flatMap((r) => r.cells) ?? [];
        const at = cells.length > 1 ? text.indexOf('\n', cells[cells.length >> 1].span.end) : -1;
        // Between two lines (a text on one line has no page break).
        if (at < 0 || at === text.length - 1) continue;
        const inserted = new LineIndex(text).positionAt(at).line + 1;
        const broken = `${text.slice(0, at + 1)}2025/1/20 10:30    某某区2024年政府信息公开工作年度报告\n${text.slice(at + 1)}`;
        // Findings below the inserted line, on the lines they were on before it.
        const back = findingsByLine(broken)
          .map((f) => f.replace(/^(\S+) (\d+)/, (_, rule: string, line: string) => `${rule} ${Number(line) > inserted ? Number(line) - 1 : line}`))
          .sort();
        if (JSON.stringify(back) !== JSON.stringify(findingsByLine(text))) changed.push(`${id} ${pair}`);
      }
    }
    assert.deepStrictEqual(changed, []);
  });

  it('HTML\'s references to white space left in the text (&nbsp;, &#12288;: a page\'s source with its tags stripped) change no finding', () => {
    const stripped = (text: string) => text.replace(/\u3000/g, '&#12288;').replace(/\u00a0/g, '&nbsp;').replace(/^[ \t]+/gm, (m) => '&nbsp;'.repeat(m.length));
    // A reference reads as spaces as many as its characters: where the count of spaces is read (the
    // columns of pdf-layout, the gaps of a text on one line) it is not the one space it stands for.
    const pairs = changedBy(stripped).filter((pair) => !pair.endsWith('/pdf-layout.txt') && !pair.endsWith('/textcontent.txt'));
    assert.deepStrictEqual(pairs, []);
  });

  it('Markdown tables padded to their columns\' widths (as editors and formatters align them) change no finding', () => {
    const width = (t: string) => [...t].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x1100 ? 2 : 1), 0);
    const padded = (text: string) => {
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; ) {
        if (!/^\|.*\|\s*$/.test(lines[i]) || lines[i].trim() === '|') {
          i++;
          continue;
        }
        let end = i;
        while (end < lines.length && /^\|.*\|\s*$/.test(lines[end]) && lines[end].trim() !== '|') end++;
        const rows = lines.slice(i, end).map((l) => l.trimEnd().slice(1, -1).split('|').map((c) => c.trim()));
        const widths: number[] = [];
        for (const row of rows) row.forEach((c, k) => (widths[k] = Math.max(widths[k] ?? 3, width(c))));
        rows.forEach((row, k) => {
          lines[i + k] = /^[\s:-]*$/.test(row.join(''))
            ? `|${row.map((_, c) => '-'.repeat(widths[c] + 2)).join('|')}|`
            : `| ${row.map((c, j) => c + ' '.repeat(widths[j] - width(c))).join(' | ')} |`;
        });
        i = end;
      }
      return lines.join('\n');
    };
    assert.deepStrictEqual(changedBy(padded), []);
  });

  it('a note written right after a cell\'s number (22（其中修订 16 件）, 0（注）, 0 （注）, 5*, 5①) is part of its cell: no finding changes, in any table', () => {
    const changed: string[] = [];
    // Not in a text on one line, whose cells are written together.
    for (const pair of PASSING.filter((p) => !p.endsWith('/textcontent.txt'))) {
      const [report, layout] = pair.split('/');
      const text = fs.readFileSync(layoutFile(report, layout), 'utf8');
      const model = check(text).model;
      const plain = findingsByLine(text);
      for (const id of ['t2', 't3', 't4'] as const) {
        const cells = model.tables[id]?.rows.flatMap((r) => r.cells).filter((c) => /^\d+$/.test(c.raw)) ?? [];
        if (!cells.length) continue;
        const cell = cells[cells.length >> 1];
        for (const note of ['（其中修订 16 件）', '（注）', ' （注）', '*', '①']) {
          const noted = text.slice(0, cell.span.end) + note + text.slice(cell.span.end);
          if (JSON.stringify(findingsByLine(noted)) !== JSON.stringify(plain)) changed.push(`${id} ${note} ${pair}`);
        }
      }
    }
    assert.deepStrictEqual(changed, []);
  });

  it('a zero written as the letter O or as 〇 (text recognised from a scan, an input method) is said of its cell, and nothing else changes', () => {
    for (const look of ['O', '〇']) {
      const changed: string[] = [];
      // Not in a text on one line, whose cells are written together: a letter among them is text.
      for (const pair of PASSING.filter((p) => !p.endsWith('/textcontent.txt'))) {
        const [report, layout] = pair.split('/');
        const text = fs.readFileSync(layoutFile(report, layout), 'utf8');
        // A zero of table 三, halfway through its zeros.
        const zeros = check(text).model.tables.t3?.rows.flatMap((r) => r.cells.map((c) => ({ c, row: r.key }))).filter(({ c }) => c.raw === '0') ?? [];
        if (!zeros.length) continue;
        const { c, row } = zeros[zeros.length >> 1];
        const written = text.slice(0, c.span.start) + look + text.slice(c.span.end);
        const before = findingsByLine(text).filter((f) => !f.startsWith('blank-cell '));
        const after = findingsByLine(written);
        const said = after.filter((f) => f.startsWith('blank-cell ') && f.includes(`只写了「${look}」`) && f.includes(cellName([row, c.col])));
        if (said.length !== 1 || JSON.stringify(after.filter((f) => !f.startsWith('blank-cell '))) !== JSON.stringify(before)) changed.push(`${look} ${pair}`);
      }
      assert.deepStrictEqual(changed, []);
    }
  });

  it('Markdown headings written as HTML (<h1>, <h2>: a converter\'s or an editor\'s) change no finding', () => {
    const html = (text: string) => text.replace(/^(#{1,6}) (.*)$/gm, (_, marks: string, heading: string) => `<h${marks.length}>${heading}</h${marks.length}>`);
    // Messages quote headings as written: compared without their marks.
    assert.deepStrictEqual(
      changedBy(html, (m) => m.replace(/#+ ?/g, '')),
      [],
    );
  });

  it('a long label or header wrapped with <br> inside a Markdown table\'s cell (as Markdown editors write a line break there) changes no finding', () => {
    const wrapped = (text: string) =>
      text
        .split('\n')
        .map((l) =>
          l.startsWith('|') && !/^\|[\s:|-]+\|$/.test(l)
            ? l.replace(/[^|]+/g, (cell) => {
                const t = cell.trim();
                return t.length >= 6 && !/^[\d.]+$/.test(t) ? ` ${t.slice(0, t.length >> 1)}<br>${t.slice(t.length >> 1)} ` : cell;
              })
            : l,
        )
        .join('\n');
    // Messages quote labels as written: compared without the line break and the spaces.
    assert.deepStrictEqual(
      changedBy(wrapped, (m) => m.replace(/<br>| /g, '')),
      [],
    );
  });

  it('every line quoted (> : a Markdown block quote, a reply in a plain-text mail) changes no finding', () => {
    assert.deepStrictEqual(
      changedBy((text) => text.replace(/^/gm, '> ')),
      [],
    );
  });

  it('a heading with its section\'s first paragraph on its line (六、其他需要报告的事项：无。, a page\'s bold heading) still gives the truth', () => {
    // The section headings the checker finds, each joined to the paragraph after it.
    const inline = (text: string, between: string) => {
      const starts = new Set(check(text).model.sections.map((s) => new LineIndex(text).positionAt(s.span.start).line));
      const lines = text.split('\n');
      const out: string[] = [];
      for (let n = 0; n < lines.length; n++) {
        let next = n + 1;
        while (next < lines.length && !lines[next].trim()) next++;
        if (starts.has(n) && next < lines.length && lines[next].includes('。')) {
          out.push(lines[n].trimEnd() + between + lines[next].trim());
          n = next;
        } else out.push(lines[n]);
      }
      return out.join('\n');
    };
    const failing = (between: string) =>
      PASSING.filter((pair) => {
        const [report, layout] = pair.split('/');
        // A text on one line has its headings on the line of everything else already.
        if (layout === 'textcontent.txt') return false;
        const text = fs.readFileSync(layoutFile(report, layout), 'utf8');
        return !compareText(report, inline(text, between), layout).pass;
      });
    for (const between of ['：', '　', ' ', '。']) assert.deepStrictEqual(failing(between), [], `joined by ${JSON.stringify(between)}`);
  });

  it('a tab after a heading\'s numeral (一、⇥总体情况: Word\'s and WPS\'s numbered headings, pasted as text) changes no finding', () => {
    // The section headings the checker finds in the text as it is (table 三's rows are numbered so too).
    const listNumbered = (text: string) => {
      const starts = new Set(check(text).model.sections.map((s) => s.span.start));
      return text.replace(/^(\s*[一二三四五六七八]、)(?=\S)/gm, (m: string, head: string, at: number) => (starts.has(at) || starts.has(at + m.length - m.trimStart().length) ? `${head}\t` : m));
    };
    // Messages quote headings as written: compared without white space.
    assert.deepStrictEqual(
      changedBy(listNumbered, (m) => m.replace(/\s/g, '')),
      [],
    );
  });

  it('white space in place of 、 after a numeral (一 总体情况, 一　本年新收: a converter or a typist leaving the mark out) changes no finding', () => {
    // Messages quote headings as written: compared without white space and 、.
    for (const space of [' ', '\u3000']) {
      assert.deepStrictEqual(
        changedBy((text) => text.replace(/^(\s*[一二三四五六七八])、/gm, `$1${space}`), (m) => m.replace(/[\s、]/g, '')),
        [],
        `a ${JSON.stringify(space)} for 、`,
      );
    }
  });

  it('a page copied whole, its navigation and breadcrumbs before the report (政府信息公开…政府工作报告…专题专栏), changes no finding', () => {
    const nav = ['首页', '政务公开', '解读回应', '政府信息公开领导之窗政府机构要闻政府会议最新文件政策文件库政府工作报告公示公告规划信息专题专栏', '当前位置：', '首页', '政务公开', '政府信息公开', '政府信息公开年报'];
    // Each finding with the text it is on (the lines all move down).
    const findings = (text: string) => JSON.stringify(check(text).problems.map((p) => `${p.rule} ${formatMessage(p.message, 'zh-CN')} «${text.slice(p.span.start, p.span.end)}»`));
    const differ = PASSING.filter((pair) => {
      const [report, layout] = pair.split('/');
      const text = fs.readFileSync(layoutFile(report, layout), 'utf8');
      return findings([...nav, ...nav, text].join('\n')) !== findings(text);
    });
    assert.deepStrictEqual(differ, []);
  });

  it('columns aligned with two or three tabs (a table typed into a text file) change no finding, where no cell is blank or left out', () => {
    // A blank or left-out cell among such tabs cannot be told from them: the row's finding may change its kind.
    const whole = (pair: string) => !TRUTH[pair.split('/')[0]].findings.some((f) => f.rule === 'blank-cell' || f.rule === 'missing-cell');
    const tabbed = PASSING.filter((pair) => whole(pair) && fs.readFileSync(layoutFile(...(pair.split('/') as [string, string])), 'utf8').includes('\t'));
    assert.ok(tabbed.length > 30, `${tabbed.length} pairs`);
    let k = 0;
    for (const tabs of [() => '\t\t', () => '\t'.repeat(1 + (k++ % 3))]) {
      assert.deepStrictEqual(changedBy((text) => text.replace(/\t/g, tabs)).filter((pair) => tabbed.includes(pair)), []);
    }
  });

  it('the text outside the tables typed with half-width punctuation (. , ; :) gives the same findings', () => {
    const half = (s: string) => s.replace(/。/g, '.').replace(/，/g, ',').replace(/；/g, ';').replace(/：/g, ':');
    const outsideTables = (text: string) => {
      const tables = Object.values(check(text).model.tables).map((t) => t!.span).sort((a, b) => a.start - b.start);
      let changed = '';
      let at = 0;
      for (const t of tables) {
        changed += half(text.slice(at, t.start)) + text.slice(t.start, t.end);
        at = t.end;
      }
      return changed + half(text.slice(at));
    };
    const differ = changedBy(outsideTables, (m) => m.replace(/，/g, ',').replace(/：/g, ':'));
    assert.deepStrictEqual(differ.filter((pair) => !pair.endsWith('/textcontent.txt')), []);
  });

  it('white space inside the title (a large title\'s characters set apart in PDF text, or one stray space) changes no finding', () => {
    const inTitle = (text: string, change: (title: string) => string) => {
      const title = check(text).model.title;
      return title ? text.slice(0, title.span.start) + change(text.slice(title.span.start, title.span.end)) + text.slice(title.span.end) : text;
    };
    assert.deepStrictEqual(
      changedBy((text) => inTitle(text, (t) => t.replace(/(\S)(?=\S)/g, '$1 '))),
      [],
      'every character set apart',
    );
    assert.deepStrictEqual(
      changedBy((text) => inTitle(text, (t) => t.replace('公开', '公 开'))),
      [],
      'one stray space',
    );
  });

  it('a row written one cell a line with its numbers left out (its label, then the next row\'s) is a row with no numbers, not a missing row', () => {
    const cellPerLine = /^(cell-lines|cell-lines-blank|cell-bar|browser)\.txt$/;
    const findings = (text: string) =>
      check(text)
        .problems.filter((p) => p.severity === 'error' || p.severity === 'warning')
        .map((p) => `${p.rule} ${formatMessage(p.message, 'zh-CN')}`);
    const outcomes = new Set<string>();
    let tried = 0;
    for (const pair of PASSING) {
      const [report, layout] = pair.split('/');
      if (!cellPerLine.test(layout)) continue;
      const lines = fs.readFileSync(layoutFile(report, layout), 'utf8').split('\n');
      for (const label of ['5.属于三类内部事务信息', '2.重复申请']) {
        const at = lines.findIndex((l) => l.trim().replace(/\s*\|$/, '') === label);
        if (at < 0) continue;
        // The numbers' lines (and the blank lines among them) after the label go.
        let next = at + 1;
        while (next < lines.length && /^[\s|]*[0-9]*[\s|]*$/.test(lines[next])) next++;
        const before = findings(lines.join('\n'));
        const after = findings([...lines.slice(0, at + 1), ...lines.slice(next)].join('\n'));
        outcomes.add(JSON.stringify(after.filter((f) => !before.includes(f)).map((f) => f.replace(/^missing-cell \S+ /, 'missing-cell '))));
        tried++;
      }
    }
    assert.ok(tried > 100, `${tried} rows tried`);
    assert.deepStrictEqual([...outcomes], [JSON.stringify(['missing-cell 应有 7 个数，实有 0 个'])]);
  });

  it('sections numbered 1．… 6． or 第一部分 … 第六部分 read as the sections they are: the same findings, besides section-heading', () => {
    const NUMERALS = '一二三四五六';
    const forms = [(k: number, w: string) => `${k + 1}．${w}`, (k: number, w: string) => `第${NUMERALS[k]}部分 ${w}`];
    const withoutHeadings = (text: string) => JSON.stringify(findingsByLine(text).filter((f) => !f.startsWith('section-heading ')));
    const differ: string[] = [];
    let tried = 0;
    // Text written on one line is cut at its numerals 一、 … 六、: no other numbering to cut it by.
    for (const pair of PASSING.filter((p) => !p.endsWith('/textcontent.txt'))) {
      const [report, layout] = pair.split('/');
      const text = fs.readFileSync(layoutFile(report, layout), 'utf8');
      const sections = check(text).model.sections.filter((s) => s.canonical);
      forms.forEach((form, f) => {
        let changed = text;
        for (const s of [...sections].reverse()) {
          const m = /^([#\s*]*)([一二三四五六])、(.*?)(\**)$/.exec(text.slice(s.span.start, s.span.end).trimEnd());
          if (m) changed = changed.slice(0, s.span.start) + m[1] + form(NUMERALS.indexOf(m[2]), m[3]) + m[4] + changed.slice(s.span.start + m[0].length);
        }
        if (changed === text) return;
        tried++;
        if (withoutHeadings(changed) !== withoutHeadings(text)) differ.push(`${f} ${pair}`);
      });
    }
    assert.ok(tried > 300, `${tried} texts tried`);
    assert.deepStrictEqual(differ, []);
  });

  /**
   * The pairs (text on one line aside: its cells run together, no layout to read them by) whose cells of
   * tables 三 and 四, rewritten by each of `rewrites` (cells and text → text), give other findings than
   * the pair itself, but for `blank-cell` and a cell's value quoted as written (实为 —, 实为 2件).
   */
  function cellsChangedBy(rewrites: Record<string, (cells: CellModel[], text: string) => string>): string[] {
    const readable = PASSING.filter((pair) => !pair.endsWith('/textcontent.txt'));
    assert.ok(readable.length > 150, `${readable.length} pairs`);
    const findings = (text: string) =>
      JSON.stringify(
        check(text)
          .problems.filter((p) => p.rule !== 'blank-cell')
          .map((p) => `${p.rule} ${formatMessage(p.message, 'zh-CN').replace(/实为 (\d*)\S*$/, (_, n: string) => `实为 ${n || 0}`)}`)
          .sort(),
      );
    const differ: string[] = [];
    for (const pair of readable) {
      const [report, layout] = pair.split('/');
      const text = fs.readFileSync(layoutFile(report, layout), 'utf8');
      const { t3, t4 } = check(text).model.tables;
      const cells = [t3, t4].flatMap((t) => t?.rows.flatMap((r) => r.cells) ?? []).sort((a, b) => b.span.start - a.span.start);
      const before = findings(text);
      for (const [name, rewrite] of Object.entries(rewrites)) if (findings(rewrite(cells, text)) !== before) differ.push(`${name} ${pair}`);
    }
    return differ;
  }

  /** Each cell `pick` keeps written as `write` gives it (cells from the last). */
  const rewriteCells = (pick: (c: CellModel, k: number) => boolean, write: (c: CellModel) => string) => (cells: CellModel[], text: string) =>
    cells.filter(pick).reduce((t, c) => t.slice(0, c.span.start) + write(c) + t.slice(c.span.end), text);

  it('zeros written as 「—」 or 「无」 (every zero of tables 三 and 四, or the zeros among every third cell) are read as cells holding no number: the same findings, besides blank-cell', () => {
    const rewrites: Record<string, (cells: CellModel[], text: string) => string> = {};
    for (const mark of ['—', '无']) {
      rewrites[`${mark} all`] = rewriteCells((c) => c.raw === '0', () => mark);
      rewrites[`${mark} 1/3`] = rewriteCells((c, k) => c.raw === '0' && k % 3 === 0, () => mark);
    }
    assert.deepStrictEqual(cellsChangedBy(rewrites), []);
  });

  it('the numbers of tables 三 and 四 written with their unit (58件) read as the numbers', () => {
    assert.deepStrictEqual(cellsChangedBy({ 件: rewriteCells((c) => !c.blank, (c) => `${c.raw}件`) }), []);
  });
});
