// A pasted block's header row, read: which field of the table each of its columns carries. The
// titles are the grid's own, the workbook's (simplified and traditional), the English ones, and the
// short forms an officer types (计划, 实际, 日期, 金额 …); compared folded (简/繁, full-width, spaces)
// and without a unit ((万元), （萬元）, (%), (元)), so a block copied from Excel or WPS with its header
// lands by its header, in any order and with any subset of the columns.
import { fold } from '../../../shared/text';
import type { AmountUnit } from '../../../shared/money';

export type HeaderTable = 'items' | 'disbursements' | 'payments' | 'indicators';

/** Words each field's header may be, besides the app's own titles (added by the caller). */
const WORDS: Record<HeaderTable, Record<string, string[]>> = {
  items: {
    seq: ['序号', '编号', 'no', 'no.'],
    category: ['类别', '项目类别', '分类', 'category'],
    name: ['项目名称', '建设项目名称', '具体项目名称', '建设项目', '项目', 'project'],
    target: ['项目实施目标', '实施目标', '建设目标', '目标', 'target'],
    completion: ['目标完成情况', '完成情况', '项目完成情况', 'completion'],
    completionRate: ['实施目标完成率', '目标完成率', '完成率', 'completion(%)'],
  },
  disbursements: {
    seq: ['序号', '编号', 'no', 'no.'],
    category: ['类别', '项目类别', '分类', 'category'],
    name: ['具体项目名称', '项目名称', '具体项目', '项目', 'project'],
    planned: ['计划安排额度', '计划安排', '计划安排资金', '计划安排金额', '计划额度', '计划', 'planned'],
    actual: ['实际拨付额度', '实际拨付', '实际拨付资金', '实际拨付金额', '拨付额度', '已拨付', '实际', 'disbursed'],
    rate: ['资金拨付率', '拨付率', 'rate'],
    statedRate: ['填报拨付率(原表)', '填报拨付率', 'statedrate(asfiled)', 'statedrate'],
  },
  payments: {
    line: ['序号', '项目序号', '行号', 'no', 'no.'],
    name: ['具体项目名称', '项目名称', '具体项目', '项目', 'project'],
    date: ['拨付日期', '付款日期', '支付日期', '拨付时间', '日期', 'datepaid', 'date'],
    amount: ['金额', '拨付金额', '付款金额', '支付金额', '拨付额', 'amount'],
    payee: ['收款单位', '收款单位名称', '收款企业', '收款人', '收款方', '承办企业', 'payee'],
    voucher: ['凭证号', '凭证编号', '记账凭证号', '凭证', 'voucherno.', 'voucher'],
    stage: ['阶段', '拨付阶段', '付款阶段', '节点', 'stage'],
    note: ['备注', '说明', 'note'],
    running: ['累计', '累计拨付', 'sofar'],
    runningRate: ['累计拨付率', 'ratesofar'],
  },
  // 四、绩效自评's indicators (the standard table's headers are their titles: performance/columns.ts).
  indicators: {
    score: ['得分'],
    deviation: ['偏差原因分析及改进措施', '偏差原因'],
  },
};

/** How header cells compare: folded, lower case, without a unit in brackets or a trailing 万元. */
export function headerKey(text: string): string {
  return fold(text)
    .toLowerCase()
    .replace(/\((?:亿元|万元|千元|元|%|10kyuan|yuan)\)/g, '')
    .replace(/(?:万元|%)$/, '');
}

/** Amount fields: the only ones a unit in their header changes. */
const AMOUNTS = new Set(['planned', 'actual', 'amount']);
const UNITS: Record<string, AmountUnit> = { 亿元: 'yi', 万元: 'wan', 千元: 'qian', 元: 'yuan', '10kyuan': 'wan', yuan: 'yuan' };

/** The unit an amount column's header names ("金额(元)", "计划安排额度（萬元）"), when it is not 万元. */
function unitOf(text: string, field: string): AmountUnit | null {
  if (!AMOUNTS.has(field)) return null;
  const named = /\((亿元|万元|千元|元|10kyuan|yuan)\)/.exec(fold(text).toLowerCase())?.[1];
  const unit = named ? UNITS[named] : 'wan';
  return unit === 'wan' ? null : unit;
}

/** Titles → field, per table: the words above plus the app's titles given (field → titles). */
export function headerIndex(table: HeaderTable, titles: Record<string, readonly string[]> = {}): Map<string, string> {
  const index = new Map<string, string>();
  for (const [field, words] of Object.entries(titles)) for (const w of words) if (!index.has(headerKey(w))) index.set(headerKey(w), field);
  for (const [field, words] of Object.entries(WORDS[table]))
    for (const w of words) if (!index.has(headerKey(w))) index.set(headerKey(w), field);
  return index;
}

export type HeaderMap = {
  /** The field each column of the block carries, or null (an empty header cell, another table's title, a repeat). */
  fields: (string | null)[];
  /** Header cells naming no column of this table (another table's titles), as written. */
  unknown: string[];
  /** The unit each amount column's header names when it is not 万元 ((元), (千元), (亿元)), else null. */
  units: (AmountUnit | null)[];
};

/**
 * The block's first line read as this table's header row, or null when it is not a header: a
 * header has at least one cell naming a field of this table, and every filled cell is a title
 * (of this table, or one of `otherTitles`: then its column is left out and named).
 */
export function readHeader(
  line: readonly string[],
  index: ReadonlyMap<string, string>,
  otherTitles: ReadonlySet<string> = new Set(),
): HeaderMap | null {
  const fields: (string | null)[] = [];
  const unknown: string[] = [];
  const units: (AmountUnit | null)[] = [];
  const seen = new Set<string>();
  let mapped = 0;
  for (const cell of line) {
    const text = cell.trim();
    if (!text) {
      fields.push(null);
      continue;
    }
    const key = headerKey(text);
    const field = index.get(key);
    if (field === undefined) {
      if (!otherTitles.has(key)) return null;
      unknown.push(text);
      fields.push(null);
      continue;
    }
    if (seen.has(field)) {
      unknown.push(text);
      fields.push(null);
      continue;
    }
    seen.add(field);
    fields.push(field);
    units[fields.length - 1] = unitOf(text, field);
    mapped++;
  }
  return mapped > 0 ? { fields, unknown, units: fields.map((_, i) => units[i] ?? null) } : null;
}

/** A 合计 / 总计 / 小计 line of a table copied with its totals (official layout): not a row to write. */
export function isTotalLine(line: readonly string[]): boolean {
  const first = line.map((c) => fold(c)).find((c) => c !== '');
  return first !== undefined && /^(合计|总计|小计|total)$/i.test(first);
}

const UNIT_WORD: Record<AmountUnit, string> = { yi: '亿元', wan: '万元', qian: '千元', yuan: '元' };

/**
 * A cell of a column whose header names its unit, as the cell would be typed: "7,750,000.00" under
 * 金额(元) is "7,750,000.00元", which the field reads exactly in 元 (converted to 万元) or refuses —
 * never taken as 万元. A cell that names its own unit, or an empty one, is left as it is.
 */
export function inUnit(value: string, unit: AmountUnit | null): string {
  if (unit === null || value.trim() === '' || /(元|萬|万|亿|億)\s*$/.test(value)) return value;
  return `${value.trim()}${UNIT_WORD[unit]}`;
}
