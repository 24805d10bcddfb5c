/**
 * Fixes converge and never damage a file: numbers beyond exact integers, rows a fix inserts and
 * the next reading must find, headings inserted where their section's content starts, line
 * endings of the document's own kind, tables written as HTML whose tags no fix touches.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { check, fixAll } from '../../server/src/core';
import { T3 } from '../../server/src/core/template';
import { ORIGINALS } from '../corpus/compare';
import { OPTIONS, expectFindings, lineAt, lineOf, replaceOnce, rowNumbers, seed, seed001Complete, said } from './helpers';

/** The findings seed 001 (its dropped cell restored) has of itself. */
const SEED_001 = [
  { rule: 'label-variant', line: 174, message: 'labelVariant(found=3.危及“三安全-稳定”, label=3.危及“三安全一稳定”)' },
  { rule: 'section-heading', line: 348, message: 'sectionHeading(found=六、他需要报告的事项, heading=六、其他需要报告的事项)' },
];

/** Every edit of every fix of `text`'s problems. */
function writtenByFixes(text: string): string[] {
  return check(text, OPTIONS).problems.flatMap((p) => p.fixes.flatMap((f) => f.edits.map((e) => e.newText)));
}

describe('numbers beyond exact integers', () => {
  const base = seed001Complete();
  const NEW = '一、本年新收政府信息公开申请数量 ';
  const first = base.indexOf(NEW) + NEW.length;
  /** Seed 001 with the first cell of 一、本年新收 (自然人, 28) written as `raw`. */
  const withFirst = (raw: string) => {
    assert.strictEqual(base.slice(first, first + 3), '30 ');
    return base.slice(0, first) + raw + base.slice(first + 2);
  };

  for (const raw of ['1000000000000000000000', '9007199254740993']) {
    it(`${raw} is an invalid-number, takes part in no sum, and no fix writes a number for it`, () => {
      const text = withFirst(raw);
      expectFindings(text, [
        { rule: 'invalid-number', line: 153, message: `numberBeyondExact(cell=一、本年新收·自然人, raw=${raw})` },
        ...SEED_001,
      ]);
      // The seed's own fixes and nothing else: the number stays as written, and fixing again changes nothing.
      const fixedBase = fixAll(base, OPTIONS);
      const fixed = fixAll(text, OPTIONS);
      assert.strictEqual(fixed, fixedBase.slice(0, first) + raw + fixedBase.slice(first + 2));
      assert.strictEqual(fixAll(fixed, OPTIONS), fixed);
    });
  }

  it('9007199254740991 (the largest exact integer) is a number: the sums it is in are checked', () => {
    const found = check(withFirst('9007199254740991'), OPTIONS).problems.filter((p) => p.rule === 'row-total' || p.rule === 'balance');
    assert.deepStrictEqual(found.map((p) => p.rule).sort(), ['balance', 'row-total']);
  });

  it('a sum beyond exact integers is not evaluated, and no total is ever written in exponent form', () => {
    // Two cells of the largest exact integer: their row's sum is beyond it.
    const row = '二、上年结转政府信息公开申请数量 ';
    const at = base.indexOf(row) + row.length;
    const big = '9007199254740991 9007199254740991';
    const text = base.slice(0, at) + big + base.slice(base.indexOf(' ', base.indexOf(' ', at) + 1));
    assert.ok(text.includes(row + big + ' '), 'the row was edited');
    for (const s of writtenByFixes(text)) assert.ok(!/e[+-]?\d/i.test(s) && !/\d{17}/.test(s), `a fix writes ${JSON.stringify(s)}`);
    const rowTotals = check(text, OPTIONS).problems.filter((p) => p.rule === 'row-total' && p.span.start > at && p.span.start < text.indexOf('\n', at));
    assert.deepStrictEqual(rowTotals, []);
    const fixed = fixAll(text, OPTIONS);
    assert.ok(!/\d+e\+\d+/.test(fixed));
    assert.strictEqual(fixAll(fixed, OPTIONS), fixed);
  });

  it('a fee of more than 15 significant digits is an invalid-number too; 3883.30 is not', () => {
    const fee = (v: string) => replaceOnce(seed('000'), '行政事业性收费 0', `行政事业性收费 ${v}`);
    const line = lineOf(seed('000'), '行政事业性收费 0');
    expectFindings(fee('1234567890.1234567'), [
      { rule: 'invalid-number', line, message: 'numberBeyondExact(cell=行政事业性收费·本年收费金额, raw=1234567890.1234567)' },
      { rule: 'label-variant', line: 175 },
    ]);
    expectFindings(fee('3883.30'), [{ rule: 'label-variant', line: 175 }]);
  });
});

describe('rows a fix inserts are read again', () => {
  const base = seed('000');
  const NEW = '一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0';
  const NEXT = '四、结转下年度继续办理 0 0 0 0 0 0 0';
  /** Seed 000 with table 三 cut to its rows 一 and 四 and `row` after them. */
  const cut = (row: string) => {
    const from = base.indexOf(NEW);
    const to = base.indexOf(NEXT) + NEXT.length;
    return base.slice(0, from) + [NEW, NEXT, row].join('\n') + base.slice(to);
  };
  const T3_ROWS = T3.rows.filter((r) => !r.optional);
  const AFTER = T3_ROWS.findIndex((r) => r.key === 't3.r5.4');

  it('a control character inside a row separates two numbers like a space: the row has its seven cells', () => {
    const text = cut('4.无正当理由大量反复申请 0 \x160 0 0 0 0 0');
    // The missing rows before 4.无正当理由… go after 一 (line 153), the others after that row (line 155).
    expectFindings(
      text,
      T3_ROWS.filter((r) => !['t3.new', 't3.next', 't3.r5.4'].includes(r.key)).map((r) => ({
        rule: 'missing-row',
        line: T3_ROWS.indexOf(r) < AFTER ? 153 : 155,
        message: `missingRow(row=${r.label}, table=@table.t3)`,
      })),
    );
    const fixed = fixAll(text, OPTIONS);
    assert.strictEqual(fixAll(fixed, OPTIONS), fixed);
    assert.deepStrictEqual(rowNumbers(check(fixed, OPTIONS).model.tables.t3!.rows).length, T3_ROWS.length);
    expectFindings(fixed, []);
  });

  for (const [what, space] of [['an em space', '\u2003'], ['DEL', '\x7f'], ['a vertical tab', '\v']]) {
    it(`${what} between two numbers separates them too`, () => {
      const text = replaceOnce(base, '4.无正当理由大量反复申请 0 0 0 0 0 0 0', `4.无正当理由大量反复申请 0 ${space}0 0 0 0 0 0`);
      expectFindings(text, [{ rule: 'label-variant', line: 175 }]);
    });
  }

  it('a row inserted where the reader would not read it is not inserted: fixing twice changes nothing', () => {
    // "x0" is label text: past 四 (the last row) it ends the table, so rows after it are not read.
    const text = cut('4.无正当理由大量反复申请 0 x0 0 0 0 0 0');
    const fixed = fixAll(text, OPTIONS);
    assert.strictEqual(fixAll(fixed, OPTIONS), fixed);
    const left = check(fixed, OPTIONS).problems.filter((p) => p.rule === 'missing-row');
    // Those still missing have no fix, and are reported where the table's last row read is.
    assert.deepStrictEqual(
      left.map((p) => [lineAt(fixed, p.span.start), said(p.message), p.fixes.length]),
      T3_ROWS.slice(AFTER + 1).filter((r) => r.key !== 't3.next').map((r) => [lineOf(fixed, '4.无正当理由大量反复申请'), `missingRow(row=${r.label}, table=@table.t3)`, 0]),
    );
  });
});

describe('a missing heading goes before its section’s content', () => {
  const base = seed('000');
  const without = (heading: string) => replaceOnce(base, `${heading}\n\n`, '');
  const fixedBase = fixAll(base, OPTIONS);

  it('五 (its paragraphs stay; table 四 sits amid them, as the PDF paged it): right after section 四’s heading', () => {
    const text = without('五、存在的主要问题及改进情况');
    const line = lineOf(text, '今年以来，全乡政府信息公开工作稳步推进');
    assert.strictEqual(line, 226);
    expectFindings(text, [{ rule: 'missing-section', line, message: 'missingSection(heading=五、存在的主要问题及改进情况, numeral=五)' }, { rule: 'label-variant', line: 175 }]);
    assert.strictEqual(fixAll(text, OPTIONS), fixedBase);
  });

  it('三: before table 三 (its 勾稽关系 note), not after it', () => {
    const text = without('三、收到和处理政府信息公开申请情况');
    const line = lineOf(text, '（本列数据的勾稽关系为');
    expectFindings(text, [{ rule: 'missing-section', line, message: 'missingSection(heading=三、收到和处理政府信息公开申请情况, numeral=三)' }, { rule: 'label-variant', line: 173 }]);
    assert.strictEqual(fixAll(text, OPTIONS), fixedBase);
  });

  it('二 and 四: before their tables', () => {
    for (const heading of ['二、主动公开政府信息情况', '四、政府信息公开行政复议、行政诉讼情况']) assert.strictEqual(fixAll(without(heading), OPTIONS), fixedBase, heading);
  });

  it('六 after text of 五: where 六 starts cannot be told, so the fix is not preferred and says where it goes', () => {
    const text = without('六、其他需要报告的事项');
    const [p] = check(text, OPTIONS).problems.filter((x) => x.rule === 'missing-section');
    assert.deepStrictEqual(
      p.fixes.map((f) => [said(f.title), f.preferred]),
      [['fixInsertSectionBefore(heading=六、其他需要报告的事项, line=格尔木市大格勒乡人民政府)', false]],
    );
    assert.strictEqual(said(p.message), 'missingSection(heading=六、其他需要报告的事项, numeral=六)');
    const fixed = fixAll(text, OPTIONS);
    assert.ok(!fixed.includes('六、其他需要报告的事项'), 'fixAll inserted a heading whose place is not known');
  });

  it('一 after the title: the fix is not preferred either (a preamble and 一’s text cannot be told apart)', () => {
    const [p] = check(without('一、总体情况'), OPTIONS).problems.filter((x) => x.rule === 'missing-section');
    assert.deepStrictEqual(
      p.fixes.map((f) => [said(f.title), f.preferred]),
      [['fixInsertSectionBefore(heading=一、总体情况, line=2024年以来，大格勒乡全面贯彻…)', false]],
    );
  });
});

describe('tables written as HTML in a Markdown file (a converter keeps a table with merged cells so)', () => {
  const TAGS = /<\/?(?:table|caption|colgroup|col|thead|tbody|tfoot|tr|th|td)\b[^<>]*>/gi;
  const tagsOf = (text: string) => (text.match(TAGS) ?? []).join('');
  const pages = fs.readdirSync(ORIGINALS).filter((id) => fs.existsSync(path.join(ORIGINALS, id, 'markdown-html.md')));

  for (const layout of ['markdown-html.md', 'markdown-html-line.md']) {
    it(`${layout}: a blank cell's 0 is written inside its cell's tags, not into a tag or between cells`, () => {
      const text = fs.readFileSync(path.join(ORIGINALS, '011_pingtan_jinjingpianqu_2022', layout), 'utf8');
      const blank = check(text).problems.filter((p) => p.rule === 'blank-cell');
      assert.strictEqual(blank.length, 1);
      const [edit] = blank[0].fixes[0].edits;
      assert.deepStrictEqual([text.slice(edit.start - 4, edit.start), text.slice(edit.end, edit.end + 5), edit.newText], ['<td>', '</td>', '0']);
    });

    it(`${layout}: fixing every page with a number changed, a cell emptied and a label garbled keeps every tag, and fixing again changes nothing`, () => {
      let fixed = 0;
      for (const id of pages) {
        const text = fs.readFileSync(path.join(ORIGINALS, id, layout), 'utf8');
        const broken = [
          // The first number of table 三 (its 新收 row), seven more.
          text.replace(/(本年新收[^]*?<td>)(\d+)(<\/td>)/, (_, a: string, d: string, b: string) => `${a}${Number(d) + 7}${b}`),
          // A cell of table 三 emptied.
          text.replace(/(予以公开<\/td>\s*<td>)(\d+)(<\/td>)/, '$1$3'),
          text.replace('予以公开', '予已公开'),
        ];
        for (const t of broken) {
          const once = fixAll(t);
          if (once !== t) fixed++;
          assert.strictEqual(tagsOf(once), tagsOf(t), `${id}: a fix changed a tag`);
          assert.ok(!/(?:<\/t[dh]>|<tr>)\s*[^\s<]/i.test(once), `${id}: a fix wrote between cells`);
          assert.strictEqual(fixAll(once), once, `${id}: fixing again changed the text`);
        }
      }
      // The fixes were made, not left out.
      assert.ok(fixed >= 2 * pages.length, `only ${fixed} texts were fixed`);
    });
  }
});

describe('grid tables (pandoc\'s +----+ Markdown), whose lines must keep their width', () => {
  const columns = (t: string) => [...t].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x1100 ? 2 : 1), 0);
  /** The lines of a grid table's rows that are not as wide as its rules. */
  const misaligned = (text: string) => {
    let width = -1;
    return text.split('\n').filter((l) => {
      if (/^\+[-=]/.test(l)) width = columns(l);
      else if (!l.startsWith('|')) width = -1;
      return l.startsWith('|') && width >= 0 && columns(l) !== width;
    });
  };

  it('fixing every page with a total changed, a cell emptied and a label garbled keeps every row as wide as its rules, and fixing again changes nothing', () => {
    let fixed = 0;
    const pages = fs.readdirSync(ORIGINALS).filter((id) => fs.existsSync(path.join(ORIGINALS, id, 'markdown-grid.md')));
    for (const id of pages) {
      const text = fs.readFileSync(path.join(ORIGINALS, id, 'markdown-grid.md'), 'utf8');
      const broken = [
        // 一、本年新收's first number, 17 more, in the same width.
        text.replace(/(\| 一、本年新收 \| +\| +\| )(\d+) ( +)/, (_, a: string, d: string, sp: string) => `${a}${Number(d) + 17} ${sp.slice(String(Number(d) + 17).length - d.length)}`),
        // （一）予以公开's first number emptied.
        text.replace(/(（一）予以公 \| +\| )(\d+)/, (_, a: string, d: string) => a + ' '.repeat(d.length)),
        text.replace('行政许可 ', '行政许诺 '),
      ];
      for (const t of broken) {
        assert.deepStrictEqual(misaligned(t), [], `${id}: the test's own change must keep the grid`);
        const once = fixAll(t);
        if (once !== t) fixed++;
        assert.deepStrictEqual(misaligned(once), [], `${id}: a fix changed a row's width`);
        assert.strictEqual(fixAll(once), once, `${id}: fixing again changed the text`);
      }
    }
    // The fixes were made where a row's width allows (a label two characters longer has no room), not left out.
    assert.ok(fixed >= pages.length, `only ${fixed} texts were fixed`);
  });
});
