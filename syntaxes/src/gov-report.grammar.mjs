#!/usr/bin/env node
// Source of syntaxes/gov-report.tmLanguage.json (scopeName text.gov-report).
//
//   node syntaxes/src/gov-report.grammar.mjs          write the JSON grammar
//   node syntaxes/src/gov-report.grammar.mjs --check  exit 1 when the JSON is out of date
//
// The report text is line-based and written with many small variations (full/half width,
// stray spaces between characters, labels broken over lines), so the regular expressions
// are built here from the template's labels instead of being written out by hand.
// Scope names are listed in syntaxes/README.md.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'gov-report.tmLanguage.json');
const S = 'gov-report';

// ---------------------------------------------------------------- regex helpers
const SP = '[ \\t\\u3000]*'; // spaces inside a label (half/full width, tabs)
const SP1 = '[ \\t\\u3000]+';
const DIGIT = '[0-9０-９]';
/** a number cell: integer or decimal, half- or full-width, optional minus sign */
const NUM = `(?:(?<![0-9０-９.．])[-－−]?${DIGIT}+(?:[.．]${DIGIT}+)?(?![0-9０-９]))`;
/** a bare number cell (used when the whole line is numbers) */
const CELL = `[-－−]?${DIGIT}+(?:[.．]${DIGIT}+)?`;
/** start of a cell: line start, or after a tab or a Markdown table pipe */
const CELL_START = '(?:^|(?<=[\\t|｜]))';
/** a Markdown table pipe, full- or half-width */
const PIPE = '[|｜]';
/** no sentence punctuation until the end of the line (header lines are short; bounded to stay linear) */
const NO_PROSE_AHEAD = '(?=[^。，；：！？,;:!?]{0,300}$)';

const CHAR_CLASS = {
  '、': '[、，,]',
  '，': '[，,、]',
  '（': '[（(]',
  '）': '[）)]',
  '：': '[：:]',
  '“': '["“”]?',
  '”': '["“”]?',
  '.': '[.．、]',
};

function esc(ch) {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? '\\' + ch : ch;
}

/** One label character as a regex (tolerant of width and punctuation variants). */
function unit(ch) {
  return CHAR_CLASS[ch] ?? esc(ch);
}

/** A label with optional spaces between all characters. `[a|b]` in the label = alternatives. */
function units(label) {
  const out = [];
  for (let i = 0; i < label.length; i++) {
    if (label[i] === '[') {
      const j = label.indexOf(']', i);
      const alts = label.slice(i + 1, j).split('|');
      out.push('(?:' + alts.map((a) => [...a].map(unit).join(SP)).join('|') + ')');
      i = j;
    } else {
      out.push(unit(label[i]));
    }
  }
  return out;
}

function tolerant(label) {
  return units(label).join(SP);
}

/** The label or any prefix of at least `min` units (for labels broken over two lines). */
function prefixOf(label, min) {
  const u = units(label);
  let tail = '';
  for (let i = u.length - 1; i >= min; i--) tail = `(?:${SP}${u[i]}${tail})?`;
  return u.slice(0, min).join(SP) + tail;
}

const alt = (xs) => '(?:' + xs.join('|') + ')';

// ---------------------------------------------------------------- template vocabulary
// Table 三 row labels (as in server/src/core/template.ts). Variants seen in real reports are alternatives.
const T3_TOP = [
  '本年新收政府信息公开申请数量',
  '上年结转政府信息公开申请数量',
  '结转下年[度继续办理|继续办理]',
];
const T3_TOP_GROUP = ['本年度办理结果'];
const T3_SUB = ['予以公开', '部分公开（区分处理的，只计这一情形，不计其他情形）'];
const T3_SUB_GROUP = ['不予公开', '无法提供', '不予处理', '其他处理'];
const T3_LEAF = [
  '属于国家秘密',
  '其他法律[和|]行政法规禁止公开',
  '危及“三安全[一|-|－|—|–]稳定”',
  '保护第三方合法权益',
  '属于三类内部事务信息',
  '属于四类过程性信息',
  '属于行政执法案卷',
  '属于行政查询事项',
  '本机关不掌握相关政府信息',
  '没有现成信息需要另行制作',
  '补正后申请内容仍不明确',
  '信访举报投诉类申请',
  '重复申请',
  '要求提供公开出版物',
  '无正当理由大量反复申请',
  '要求行政机关确认或重新出具已获取信息',
  '申请人无正当理由逾期不补正、行政机关不再[处理|受理]其政府信息公开申请',
  '申请人逾期未按收费通知要求缴纳费用、行政机关不再[处理|受理]其政府信息公开申请',
  '其他',
];
// Table 二 row labels (as in server/src/core/template.ts).
const T2_ROWS = ['规章', '[行政|]规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费'];
// Column labels of tables 二, 三 and 四.
const COLUMNS = [
  '信息内容',
  '本年制发件数',
  '本年废止件数',
  '现行有效件数',
  '本年处理决定数量',
  '本年收费金额（单位：万元）',
  '本年收费金额',
  '申请人情况',
  '自然人',
  '法人或其他组织',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '社会组织',
  '法律服务机构',
  '行政复议',
  '行政诉讼',
  '未经复议直接起诉',
  '复议后起诉',
  '结果维持',
  '结果纠正',
  '其他结果',
  '尚未审结',
  '其他',
];
// Tokens that only the 2019 template (国办公开办函〔2019〕60号) uses (OLD_TEMPLATE_TOKENS in server/src/core/template.ts).
const OLD_TEMPLATE = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '其他对外管理服务事项',
  '第二十条第（九）项',
  '政府集中采购',
  '采购总金额',
];
// Keywords that make a numbered line a section heading (SECTIONS in server/src/core/template.ts), and words that
// make it a table-三 row label instead.
const HEADING_KEYWORDS = [
  '总体情况',
  '总体',
  '概述',
  '主动公开',
  '申请',
  '复议',
  '诉讼',
  '问题',
  '改进',
  '整改',
  '需要报告',
  '其[他|它]事项',
  '报告的事项',
];
const NOT_HEADING = ['数量', '结转', '办理结果', '继续办理'];

const HAN_NUMERAL = '[一二三四五六七八九十]';
const TOP_NUMBER = `[一二三四]${SP}[、，,.．]`;
const SUB_NUMBER = `[（(]${SP}[一二三四五六七]${SP}[）)]`;
const LEAF_NUMBER = `${DIGIT}{1,2}${SP}[.．、]`;
/** after a full label: a cell boundary (space, tab, a number or the line end) */
const AFTER_LABEL = `(?=[ \\t\\u3000|｜]|$|${DIGIT})`;
const AT_EOL = `(?=${SP}$)`;

/** a row label: numbering, then the full label, or a prefix when the line breaks inside it */
function rowLabel(numbering, labels, min) {
  return (
    `${CELL_START}${SP}(?:\\*\\*)?${SP}(` +
    `${numbering}${SP}` +
    alt([alt(labels.map(tolerant)) + AFTER_LABEL, alt(labels.map((l) => prefixOf(l, min))) + AT_EOL]) +
    ')'
  );
}

// ---------------------------------------------------------------- rules
const repository = {};

repository['page-furniture'] = {
  comment: 'Page numbers left over from PDF conversion: -3-, — 4 —, 第3页 共10页',
  patterns: [
    {
      match: `^${SP}[-－—–−]{1,2}${SP}${DIGIT}{1,4}${SP}[-－—–−]{1,2}${SP}$`,
      name: `comment.line.page-number.${S}`,
    },
    {
      match: `^${SP}第${SP}${DIGIT}{1,4}${SP}页(?:${SP}[，,/／]?${SP}共${SP}${DIGIT}{1,4}${SP}页)?${SP}$`,
      name: `comment.line.page-number.${S}`,
    },
  ],
};

repository['title'] = {
  comment: '<机关名称><年份>年政府信息公开工作年度报告 as a whole line (drafts drop 年度, 工作 or 政府)',
  match:
    `^${SP}(#{1,6}${SP1})?(\\*\\*)?${SP}` +
    `([^。，；：！？,;:!?<>《》“”"#*\\t]{0,60}?` +
    `${tolerant('信息公开')}${SP}(?:工${SP}作${SP})?(?:年${SP}度${SP})?(?:工${SP}作${SP})?报${SP}告)` +
    `${SP}(\\*\\*)?${SP}$`,
  name: `markup.heading.title.${S}`,
  captures: {
    1: { name: `punctuation.definition.heading.${S}` },
    2: { name: `punctuation.definition.bold.${S}` },
    3: {
      name: `entity.name.title.${S}`,
      patterns: [{ match: `${DIGIT}{4}(?=${SP}年)`, name: `constant.numeric.year.${S}` }],
    },
    4: { name: `punctuation.definition.bold.${S}` },
  },
};

repository['title-prefix'] = {
  comment: 'First half of a title broken over two lines: <机关名称><年份>年 alone on a line',
  match: `^${SP}(#{1,6}${SP1})?(\\*\\*)?${SP}(\\p{Han}{2,30}${SP}(${DIGIT}{4})${SP}年度?)${SP}$`,
  name: `markup.heading.title.${S}`,
  captures: {
    1: { name: `punctuation.definition.heading.${S}` },
    2: { name: `punctuation.definition.bold.${S}` },
    3: { name: `entity.name.title.${S}` },
    4: { name: `constant.numeric.year.${S}` },
  },
};

repository['section-heading'] = {
  comment: 'Whole-line section headings 一、…六、 (Markdown #, **bold**, spaces, full/half width)',
  match:
    `^${SP}(#{1,6}${SP})?(\\*\\*)?${SP}` +
    `([一二三四五六]${SP}[、，,.．])${SP}` +
    `((?=[^。；;：:！？!?\\t*0-9０-９]*${alt(HEADING_KEYWORDS.map(tolerant))})` +
    `(?![^\\t]*${alt(NOT_HEADING.map(tolerant))})` +
    `[^。；;：:！？!?\\t*0-9０-９]{2,40}?)` +
    `${SP}(\\*\\*)?${SP}$`,
  name: `markup.heading.section.${S}`,
  captures: {
    1: { name: `punctuation.definition.heading.${S}` },
    2: { name: `punctuation.definition.bold.${S}` },
    3: { name: `keyword.other.section-number.${S}` },
    4: { name: `entity.name.section.${S}` },
    5: { name: `punctuation.definition.bold.${S}` },
  },
};

repository['caption'] = {
  comment: 'Table-二 captions 第二十条第（一）项; （九） is 2019-only',
  patterns: [
    {
      match: `第${SP}二${SP}十${SP}条${SP}第${SP}[（(]${SP}九${SP}[）)]${SP}项`,
      name: `markup.heading.caption.${S} invalid.deprecated.old-template.${S}`,
    },
    {
      match: `第${SP}二${SP}十${SP}条${SP}第${SP}[（(]${SP}${HAN_NUMERAL}{1,2}${SP}[）)]${SP}项`,
      name: `markup.heading.caption.${S}`,
    },
  ],
};

repository['identity-note'] = {
  comment: 'The corner note of table 三, possibly broken over lines',
  begin: `[（(]${SP}${tolerant('本列数据的勾稽关系为')}`,
  end: `[）)]|(?=^${SP}(?:申请人情况|自然人|[一二三四五六][、.．]))`,
  name: `comment.block.identity-note.${S}`,
};

repository['old-template'] = {
  match: alt(OLD_TEMPLATE.filter((t) => !t.startsWith('第')).map(tolerant)),
  name: `invalid.deprecated.old-template.${S}`,
};

repository['total-row'] = {
  comment: '（七）总计 (and 合计/小计 rows): the whole line is a total row',
  begin: `${CELL_START}${SP}((?:${SUB_NUMBER}${SP}总${SP}计)|(?:合${SP}计|小${SP}计|总${SP}计)(?=${SP1}${DIGIT}))`,
  beginCaptures: {
    1: { name: `keyword.other.total.row.${S}` },
  },
  end: '$',
  name: `meta.row.total.${S}`,
  patterns: [{ include: '#pipe' }, { include: '#total-cell' }, { include: '#number' }],
};

const LABEL = { 1: { name: `entity.name.tag.row-label.${S}` } };
const GROUP_LABEL = { 1: { name: `entity.name.tag.row-label.group.${S}` } };
const T3_LABEL_PATTERNS = [
  { match: rowLabel(TOP_NUMBER, T3_TOP_GROUP, 1), captures: GROUP_LABEL },
  { match: rowLabel(TOP_NUMBER, T3_TOP, 4), captures: LABEL },
  { match: rowLabel(SUB_NUMBER, T3_SUB_GROUP, 1), captures: GROUP_LABEL },
  { match: rowLabel(SUB_NUMBER, T3_SUB, 2), captures: LABEL },
  { match: rowLabel(LEAF_NUMBER, T3_LEAF, 4), captures: LABEL },
];

repository['table3-row'] = {
  comment: 'Table-三 rows: label, then up to 7 numbers; the last number sits in the 总计 column',
  begin: `(?=${alt(T3_LABEL_PATTERNS.map((p) => p.match))})`,
  end: '$',
  name: `meta.row.${S}`,
  patterns: [{ include: '#total-row' }, ...T3_LABEL_PATTERNS, { include: '#pipe' }, { include: '#total-cell' }, { include: '#number' }],
};

repository['table2-row'] = {
  comment: 'Table-二 rows (规章, 行政规范性文件, 行政许可, …) followed by numbers or the line end',
  match: `${CELL_START}${SP}(${alt(T2_ROWS.map(tolerant))})(?=(?:${SP1}|${SP}${PIPE}${SP})[-－−]?${DIGIT}|${SP}(?:${PIPE}${SP})?$)`,
  captures: LABEL,
};

repository['table4-line'] = {
  comment: 'Table 四 on one line: 15 numbers; the 5th, 10th and 15th are the three 总计',
  match:
    '^' +
    SP +
    Array.from({ length: 15 }, () => `(${CELL})`).join(SP1) +
    SP +
    '$',
  captures: Object.fromEntries(
    Array.from({ length: 15 }, (_, i) => [
      i + 1,
      (i + 1) % 5 === 0
        ? { name: `meta.cell.total.${S}`, patterns: [{ include: '#number' }] }
        : { name: `constant.numeric.${S}` },
    ]),
  ),
  name: `meta.row.${S}`,
};

repository['number-line'] = {
  comment: 'A line of exactly 7 numbers (a table-三 row whose label is on the line above)',
  begin: `^(?=${SP}(?:${CELL}${SP1}){6}${CELL}${SP}$)`,
  end: '$',
  name: `meta.row.${S}`,
  patterns: [{ include: '#pipe' }, { include: '#total-cell' }, { include: '#number' }],
};

repository['total-cell'] = {
  comment: 'the last number of a table-三 row: the 总计 column',
  match: `${NUM}(?=${SP}(?:${PIPE}${SP})?$)`,
  name: `meta.cell.total.${S} constant.numeric.${S}`,
};

repository['column-label'] = {
  comment: 'Header cells of tables 二, 三 and 四 (only in lines without sentence punctuation)',
  patterns: [
    {
      match: `(?:^|(?<=[ \\t\\u3000|｜]))${SP}(总${SP}计)(?!${SP}${DIGIT})${NO_PROSE_AHEAD}`,
      captures: { 1: { name: `keyword.other.total.column.${S}` } },
    },
    {
      match: `(?:^|(?<=[ \\t\\u3000|｜]))${SP}(${alt(COLUMNS.map(tolerant))})(?=[ \\t\\u3000|｜]|$)(?![ \\t\\u3000|｜]*[-－−]?${DIGIT})${NO_PROSE_AHEAD}`,
      captures: { 1: { name: `entity.name.tag.column-label.${S}` } },
    },
  ],
};

repository['pipe'] = {
  match: PIPE,
  name: `punctuation.separator.table.${S}`,
};

repository['pipe-table'] = {
  comment: 'Markdown pipe tables: | 一、本年新收… | 0 | … |',
  begin: `^(?=${SP}${PIPE})`,
  end: '$',
  name: `meta.table.pipe.${S}`,
  patterns: [
    { match: `(?<=${PIPE})${SP}:?-{3,}:?${SP}(?=${PIPE})`, name: `punctuation.separator.table.${S}` },
    { include: '#pipe' },
    { include: '#identity-note' },
    { include: '#caption' },
    { include: '#old-template' },
    { include: '#total-row' },
    { include: '#table3-row' },
    { include: '#table2-row' },
    { include: '#column-label' },
    { include: '#number' },
  ],
};

repository['document-number'] = {
  comment: 'Document numbers such as 国办公开办函〔2021〕30号',
  match: `[\\p{Han}]{1,10}[〔\\[［]${SP}${DIGIT}{4}${SP}[〕\\]］]${SP}${DIGIT}+${SP}号`,
  name: `string.other.document-number.${S}`,
};

repository['date'] = {
  comment: 'Dates: 2025年1月10日, 2025 年 1 月 10 日',
  match: `(?<![0-9０-９])${DIGIT}{4}${SP}年${SP}${DIGIT}{1,2}${SP}月${SP}${DIGIT}{1,2}${SP}日`,
  name: `constant.other.date.${S}`,
};

repository['number'] = {
  match: NUM,
  name: `constant.numeric.${S}`,
};

repository['subsection-heading'] = {
  comment: 'Sub-headings （一）…（十） / (一) at the start of a line, with their lead phrase',
  match:
    `^${SP}(#{1,6}${SP})?(\\*\\*)?${SP}(${SUB_NUMBER.replace('[一二三四五六七]', HAN_NUMERAL)})${SP}` +
    `(?:([^。：:！？!?\\t*]{1,40}?[。：:])|([^。，；：,;:！？!?\\t*《》“”]{1,20}?)(?=(?:\\*\\*)?${SP}$))?(\\*\\*)?`,
  name: `markup.heading.subsection.${S}`,
  captures: {
    1: { name: `punctuation.definition.heading.${S}` },
    2: { name: `punctuation.definition.bold.${S}` },
    3: { name: `keyword.other.subsection-number.${S}` },
    4: { name: `entity.name.section.subsection.${S}` },
    5: { name: `entity.name.section.subsection.${S}` },
    6: { name: `punctuation.definition.bold.${S}` },
  },
};

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: '政府信息公开年报 / Gov Report',
  scopeName: 'text.gov-report',
  fileTypes: ['report.txt', 'report.md'],
  comment:
    'Generated by syntaxes/src/gov-report.grammar.mjs — edit that file, then run it. ' +
    'Chinese government information-disclosure annual reports (国办公开办函〔2021〕30号 template).',
  patterns: [
    { include: '#page-furniture' },
    { include: '#pipe-table' },
    { include: '#title' },
    { include: '#title-prefix' },
    { include: '#section-heading' },
    { include: '#identity-note' },
    { include: '#caption' },
    { include: '#old-template' },
    { include: '#table4-line' },
    { include: '#number-line' },
    { include: '#total-row' },
    { include: '#table3-row' },
    { include: '#table2-row' },
    { include: '#subsection-heading' },
    { include: '#column-label' },
    { include: '#document-number' },
    { include: '#date' },
    { include: '#number' },
  ],
  repository,
};

const text = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUT, 'utf8');
  } catch {
    /* missing counts as out of date */
  }
  if (current !== text) {
    console.error('syntaxes/gov-report.tmLanguage.json is out of date: run node syntaxes/src/gov-report.grammar.mjs');
    process.exit(1);
  }
  console.log('syntaxes/gov-report.tmLanguage.json is up to date');
} else {
  writeFileSync(OUT, text);
  console.log('wrote ' + OUT);
}
