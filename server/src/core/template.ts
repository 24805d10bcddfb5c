/**
 * The 2021 template (国办公开办函〔2021〕30号) as data: sections, tables, rows, columns and the
 * arithmetic as identities. One evaluator (arith.ts) checks every identity; fixes solve an
 * identity for its total cell. The 2019 template is data too: what only its tables print.
 */

export interface SectionDef {
  index: number;
  numeral: string;
  canonical: string;
  /** Accepted wordings (normalised comparison), reported as no problem. */
  variants: string[];
}

export const SECTIONS: SectionDef[] = [
  { index: 1, numeral: '一', canonical: '总体情况', variants: [] },
  { index: 2, numeral: '二', canonical: '主动公开政府信息情况', variants: ['行政机关主动公开政府信息情况'] },
  {
    index: 3,
    numeral: '三',
    canonical: '收到和处理政府信息公开申请情况',
    variants: ['行政机关收到和处理政府信息公开申请情况'],
  },
  {
    index: 4,
    numeral: '四',
    canonical: '政府信息公开行政复议、行政诉讼情况',
    variants: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
  },
  {
    index: 5,
    numeral: '五',
    canonical: '存在的主要问题及改进情况',
    variants: ['存在的主要问题及改进措施', '存在的主要问题及整改措施', '政府信息公开工作存在的主要问题及改进情况'],
  },
  { index: 6, numeral: '六', canonical: '其他需要报告的事项', variants: [] },
];

/**
 * The outline of an annual report under the 2008 条例 (国务院令第492号 第三十二条, reports for 2008
 * to 2018), after the usual 概述: each item's wording and the 2021 section that took its place
 * (0: none, the fees). A report with the fees section is of that era, and its headings are not
 * measured against the 2021 wording one by one.
 */
export const OUTLINE_2008: { section: number; wordings: string[] }[] = [
  { section: 1, wordings: ['概述'] },
  { section: 2, wordings: ['行政机关主动公开政府信息的情况'] },
  { section: 3, wordings: ['行政机关依申请公开政府信息和不予公开政府信息的情况'] },
  { section: 0, wordings: ['政府信息公开的收费及减免情况'] },
  { section: 4, wordings: ['因政府信息公开申请行政复议、提起行政诉讼的情况'] },
  { section: 5, wordings: ['政府信息公开工作存在的主要问题及改进情况'] },
  { section: 6, wordings: ['其他需要报告的事项'] },
];

/**
 * Words interchangeable in a heading, each group read as its first word (、 like all punctuation
 * is then ignored): 行政复议、行政诉讼, 行政复议和行政诉讼 and 行政复议与行政诉讼 are one wording.
 */
export const HEADING_SYNONYMS: string[][] = [['、', '和', '与']];

export function sectionHeading(index: number): string {
  const s = SECTIONS[index - 1];
  return `${s.numeral}、${s.canonical}`;
}

export interface RowDef {
  key: string;
  /** Canonical label as printed in the template. */
  label: string;
  /** Short name used in messages. */
  short: string;
  /** Substrings (normalised) that identify the row. */
  keys: string[];
  /** Whole normalised labels (list marker removed) that identify the row. */
  exact?: string[];
  /** Number of cells (defaults to the table's column count). */
  cols?: number;
  /** Decimal values allowed (the fee). */
  decimal?: boolean;
  /** Old-format row that stands in for others (（六）其他处理 as one row). */
  replaces?: string[];
  /** Not expected in a 2021 report; accepted when present. */
  optional?: boolean;
  /** Caption printed before the row (table 二 sub-tables). */
  caption?: string;
  /** Column header line printed before the row (table 二 sub-tables). */
  header?: string[];
}

export interface TableDef {
  id: 't2' | 't3' | 't4';
  name: string;
  section: number;
  columns: string[];
  rows: RowDef[];
}

const T3_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

export const T2: TableDef = {
  id: 't2',
  name: '主动公开政府信息情况',
  section: 2,
  columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
  rows: [
    {
      key: 't2.rules', label: '规章', short: '规章', keys: [], exact: ['规章'], cols: 3,
      caption: '第二十条第（一）项', header: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    },
    { key: 't2.norms', label: '行政规范性文件', short: '行政规范性文件', keys: ['规范性文件'], cols: 3 },
    {
      key: 't2.permit', label: '行政许可', short: '行政许可', keys: ['行政许可'], cols: 1,
      caption: '第二十条第（五）项', header: ['信息内容', '本年处理决定数量'],
    },
    {
      key: 't2.penalty', label: '行政处罚', short: '行政处罚', keys: ['行政处罚'], cols: 1,
      caption: '第二十条第（六）项', header: ['信息内容', '本年处理决定数量'],
    },
    { key: 't2.force', label: '行政强制', short: '行政强制', keys: ['行政强制'], cols: 1 },
    {
      key: 't2.fee', label: '行政事业性收费', short: '行政事业性收费', keys: ['事业性收费'], cols: 1, decimal: true,
      caption: '第二十条第（八）项', header: ['信息内容', '本年收费金额（单位：万元）'],
    },
  ],
};

export const T3: TableDef = {
  id: 't3',
  name: '收到和处理政府信息公开申请情况',
  section: 3,
  columns: T3_COLUMNS,
  rows: [
    { key: 't3.new', label: '一、本年新收政府信息公开申请数量', short: '一、本年新收', keys: ['本年新收', '新收政府信息公开申请'] },
    { key: 't3.carried', label: '二、上年结转政府信息公开申请数量', short: '二、上年结转', keys: ['上年结转'] },
    { key: 't3.r1', label: '（一）予以公开', short: '（一）予以公开', keys: ['予以公开'] },
    { key: 't3.r2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', short: '（二）部分公开', keys: ['部分公开'] },
    { key: 't3.r3.1', label: '1.属于国家秘密', short: '（三）1.属于国家秘密', keys: ['国家秘密'] },
    { key: 't3.r3.2', label: '2.其他法律行政法规禁止公开', short: '（三）2.法律法规禁止公开', keys: ['禁止公开'] },
    { key: 't3.r3.3', label: '3.危及“三安全一稳定”', short: '（三）3.危及“三安全一稳定”', keys: ['三安全', '危及'] },
    { key: 't3.r3.4', label: '4.保护第三方合法权益', short: '（三）4.保护第三方合法权益', keys: ['第三方'] },
    { key: 't3.r3.5', label: '5.属于三类内部事务信息', short: '（三）5.内部事务信息', keys: ['内部事务'] },
    { key: 't3.r3.6', label: '6.属于四类过程性信息', short: '（三）6.过程性信息', keys: ['过程性'] },
    { key: 't3.r3.7', label: '7.属于行政执法案卷', short: '（三）7.行政执法案卷', keys: ['执法案卷'] },
    { key: 't3.r3.8', label: '8.属于行政查询事项', short: '（三）8.行政查询事项', keys: ['查询事项'] },
    { key: 't3.r4.1', label: '1.本机关不掌握相关政府信息', short: '（四）1.不掌握相关信息', keys: ['不掌握'] },
    { key: 't3.r4.2', label: '2.没有现成信息需要另行制作', short: '（四）2.需要另行制作', keys: ['另行制作', '现成信息'] },
    { key: 't3.r4.3', label: '3.补正后申请内容仍不明确', short: '（四）3.补正后仍不明确', keys: ['补正后', '仍不明确'] },
    { key: 't3.r5.1', label: '1.信访举报投诉类申请', short: '（五）1.信访举报投诉类', keys: ['信访', '举报投诉'] },
    { key: 't3.r5.2', label: '2.重复申请', short: '（五）2.重复申请', keys: ['重复申请'] },
    { key: 't3.r5.3', label: '3.要求提供公开出版物', short: '（五）3.公开出版物', keys: ['出版物'] },
    { key: 't3.r5.4', label: '4.无正当理由大量反复申请', short: '（五）4.大量反复申请', keys: ['大量反复'] },
    {
      key: 't3.r5.5', label: '5.要求行政机关确认或重新出具已获取信息', short: '（五）5.确认或重新出具',
      keys: ['重新出具', '确认或重'],
    },
    {
      key: 't3.r6', label: '（六）其他处理', short: '（六）其他处理', keys: [], exact: ['其他处理'], optional: true,
      replaces: ['t3.r6.1', 't3.r6.2', 't3.r6.3'],
    },
    {
      key: 't3.r6.1', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      short: '（六）1.逾期不补正', keys: ['逾期不补正'],
    },
    {
      key: 't3.r6.2', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      short: '（六）2.逾期未缴费', keys: ['收费通知', '缴纳费用'],
    },
    { key: 't3.r6.3', label: '3.其他', short: '（六）3.其他', keys: [], exact: ['其他'] },
    { key: 't3.total', label: '（七）总计', short: '（七）总计', keys: ['七总计'], exact: ['总计'] },
    { key: 't3.next', label: '四、结转下年度继续办理', short: '四、结转下年度', keys: ['结转下年'] },
  ],
};

/** Group labels of table 三 (merged cells without numbers), by the key of their first row. */
export const T3_GROUPS: Record<string, string> = {
  't3.r1': '三、本年度办理结果',
  't3.r3.1': '（三）不予公开',
  't3.r4.1': '（四）无法提供',
  't3.r5.1': '（五）不予处理',
  't3.r6.1': '（六）其他处理',
};

export const T3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
/** The words of table 三's corner text that find it, in either writing (勾稽 and 钩稽 are both in use). */
export const T3_CORNER_WORDS = ['勾稽关系', '钩稽关系'];

export const T4_GROUP_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
export const T4_GROUPS = ['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉'];

export const T4: TableDef = {
  id: 't4',
  name: '政府信息公开行政复议、行政诉讼情况',
  section: 4,
  columns: T4_GROUPS.flatMap((g) => T4_GROUP_COLUMNS.map((c) => `${g}·${c}`)),
  rows: [{ key: 't4.row', label: '', short: '', keys: [], cols: 15 }],
};

/** Words that make up table 四's header (normalised); a line made only of these is header. */
export const T4_HEADER_WORDS = ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果', '维持', '纠正', '其他', '尚未', '审结', '总计', '总', '计'];

export const TABLES = { t2: T2, t3: T3, t4: T4 };

const ROW_DEFS = new Map<string, RowDef>([...T2.rows, ...T3.rows, ...T4.rows].map((r) => [r.key, r]));

export function rowDef(key: string): RowDef | undefined {
  return ROW_DEFS.get(key);
}

/** Each template row's position among its table's rows. */
const INDEX_IN_TABLE = new Map(Object.values(TABLES).flatMap((t) => t.rows.map((r, i) => [r.key, i] as const)));

/**
 * The template position of each row of a table as read (-1 for a row of no template row), in
 * order. Rows mostly come in the template's order: the position after the previous row's is
 * tried before the key is looked up.
 */
export function templatePositions(table: { id: TableDef['id']; rows: readonly { key: string }[] }): number[] {
  const defs = TABLES[table.id].rows;
  const out: number[] = new Array(table.rows.length);
  let j = -1;
  for (let i = 0; i < table.rows.length; i++) {
    const key = table.rows[i].key;
    j = j + 1 < defs.length && defs[j + 1].key === key ? j + 1 : (INDEX_IN_TABLE.get(key) ?? -1);
    out[i] = j;
  }
  return out;
}

/** Per table, by template row position: the positions of the rows it stands in for (`replaces`). */
export const REPLACED_AT: Record<TableDef['id'], number[][]> = {
  t2: replacedPositions(T2.rows),
  t3: replacedPositions(T3.rows),
  t4: replacedPositions(T4.rows),
};
function replacedPositions(rows: RowDef[]): number[][] {
  return rows.map((r) => (r.replaces ?? []).map((k) => rows.findIndex((x) => x.key === k)));
}

export function colsOf(table: TableDef, row: RowDef): number {
  return row.cols ?? table.columns.length;
}

export function columnName(table: TableDef, row: RowDef, col: number): string {
  if (table.id === 't2') {
    if (row.cols === 3) return T2.columns[col] ?? '';
    return row.key === 't2.fee' ? '本年收费金额' : '本年处理决定数量';
  }
  return table.columns[col] ?? '';
}

/** Identities of table 三 and 四. A cell reference is [rowKey, col]. */
export type CellRef = [string, number];
/** The kinds of identity; each is checked by the rule of the same alias. */
export const IDENTITY_KINDS = ['row-total', 'results-total', 'balance', 'review-total'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];
export interface Identity {
  kind: IdentityKind;
  /** Position among all identities (every form of table 三 and table 四), for lookups by identity. */
  index?: number;
  /** left side (sum) = right side (sum). For sum identities `lhs` is the single total cell. */
  lhs: CellRef[];
  rhs: CellRef[];
  /** The column (results-total, balance) or table 四 group (review-total) the identity is about, for messages. */
  col?: number;
}

export const T3_LEAVES = T3.rows
  .filter((r) => !['t3.new', 't3.carried', 't3.total', 't3.next', 't3.r6'].includes(r.key))
  .map((r) => r.key);

let identityCount = 0;

/** Number the identities (`Identity.index`). */
function indexed(ids: Identity[]): Identity[] {
  for (const id of ids) id.index = identityCount++;
  return ids;
}

const T3_IDENTITIES: Identity[][] = [];

/** Table 三 as read has the old single （六）其他处理 row, which stands for its three sub-rows. */
export function usesOldSingleOther(t3: { rows: { key: string }[] }): boolean {
  return t3.rows.some((r) => r.key === 't3.r6');
}

/** The identities of table 三 given which of the optional rows are present (built once). */
export function t3Identities(oldSingleOther: boolean): Identity[] {
  const i = oldSingleOther ? 1 : 0;
  return (T3_IDENTITIES[i] ??= indexed(buildT3Identities(oldSingleOther)));
}

function buildT3Identities(oldSingleOther: boolean): Identity[] {
  const ids: Identity[] = [];
  const rowKeys = T3.rows
    .filter((r) => (oldSingleOther ? !r.key.startsWith('t3.r6.') : r.key !== 't3.r6'))
    .map((r) => r.key);
  for (const k of rowKeys) {
    ids.push({ kind: 'row-total', lhs: [[k, 6]], rhs: [0, 1, 2, 3, 4, 5].map((c) => [k, c] as CellRef) });
  }
  const leaves = oldSingleOther ? [...T3_LEAVES.filter((k) => !k.startsWith('t3.r6.')), 't3.r6'] : T3_LEAVES;
  for (let c = 0; c < 7; c++) {
    ids.push({ kind: 'results-total', lhs: [['t3.total', c]], rhs: leaves.map((k) => [k, c] as CellRef), col: c });
  }
  for (let c = 0; c < 7; c++) {
    ids.push({
      kind: 'balance',
      lhs: [['t3.new', c], ['t3.carried', c]],
      rhs: [['t3.total', c], ['t3.next', c]],
      col: c,
    });
  }
  return ids;
}

export const T4_IDENTITIES: Identity[] = indexed([0, 1, 2].map((g) => ({
  kind: 'review-total' as const,
  lhs: [['t4.row', g * 5 + 4] as CellRef],
  rhs: [0, 1, 2, 3].map((i) => ['t4.row', g * 5 + i] as CellRef),
  col: g,
})));

/**
 * What only the 2019 template's table 二 prints (国办公开办函〔2019〕60号): the caption of item （九）,
 * its column headers (（一）: 本年新制作数量 | 本年新公开数量 | 对外公开总数量; （五）（六）（八）: 上一年项目数量 |
 * 本年增/减 | 处理决定数量; （九）: 采购项目数量 | 采购总金额) and the rows 2021 dropped.
 */
export const T2_2019 = {
  captions: ['第二十条第（九）项'],
  headers: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '采购项目数量', '采购总金额'],
  rows: ['其他对外管理服务事项', '政府集中采购'],
};

/** The words that tell the 2019 template, standing as table cells (in sentences they tell nothing). */
export const OLD_TEMPLATE_TOKENS = [...T2_2019.headers, ...T2_2019.rows, ...T2_2019.captions];

/** How many different words of `OLD_TEMPLATE_TOKENS` standing as cells decide the 2019 template. */
export const OLD_TEMPLATE_MIN = 2;
