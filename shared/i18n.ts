// Every string a person reads, simplified Chinese first, English second.
import type { Finding, FindingCode } from './findings';
import type { MoneyProblem } from './money';
import type { FieldProblem } from './fields';
import { PERFORMANCE_FINDINGS } from './performance-codes';

export type Lang = 'zh' | 'en';
type Params = Record<string, string>;
type Text = string | ((p: Params) => string);

const FIELD_LABELS: Record<string, [string, string]> = {
  'county.name': ['县(市、区)', 'county'],
  'county.province': ['省', 'province'],
  'county.prefecture': ['市', 'prefecture'],
  'county.batch': ['批次', 'batch'],
  'county.year': ['示范年度', 'year'],
  'county.approvedOn': ['立项时间', 'approved on'],
  'county.acceptedOn': ['验收日期', 'accepted on'],
  'county.investment.total': ['项目总投资', 'total investment'],
  'county.investment.central': ['中央资金', 'central funds'],
  'county.investment.localGov': ['政府配套资金', 'local government funds'],
  'county.investment.social': ['社会资本', 'social capital'],
  'county.centralArrangedUse': ['安排使用中央资金', 'central funds arranged for use'],
  'county.statusNote': ['建设情况', 'status note'],
  seq: ['序号', 'No.'],
  category: ['类别', 'category'],
  name: ['项目名称', 'project name'],
  target: ['项目实施目标', 'target'],
  completion: ['目标完成情况', 'completion'],
  completionRate: ['实施目标完成率(%)', 'completion rate (%)'],
  planned: ['计划安排额度(万元)', 'planned (10k yuan)'],
  actual: ['实际拨付额度(万元)', 'disbursed (10k yuan)'],
  rate: ['资金拨付率(%)', 'disbursement rate (%)'],
  statedRate: ['填报拨付率(%)', 'stated rate (%)'],
  'payment.line': ['序号', 'line No.'],
  'payment.date': ['拨付日期', 'date paid'],
  'payment.amount': ['金额(万元)', 'amount (10k yuan)'],
  'payment.payee': ['收款单位', 'payee'],
  'payment.voucher': ['凭证号', 'voucher No.'],
  'payment.stage': ['阶段', 'stage'],
  'payment.note': ['备注', 'note'],
  amount: ['金额(万元)', 'amount (10k yuan)'],
};

/** A field's two names; undefined for a name that is none of ours (`toString`, `__proto__` are not fields). */
function labelsOf(field: string): [string, string] | undefined {
  // A column of a table named by its field alone (date, payee in the ledger) reads as the ledger's.
  const key = [field, `county.${field}`, `payment.${field}`].find((k) => Object.hasOwn(FIELD_LABELS, k));
  return key === undefined ? undefined : FIELD_LABELS[key];
}

export function fieldLabel(field: string, lang: Lang): string {
  const label = labelsOf(field);
  return label ? label[lang === 'zh' ? 0 : 1] : field;
}

/** The name is one of our fields (a column computed by the program included). */
export const isKnownField = (field: string): boolean => labelsOf(field) !== undefined;

/** Fields given as "planned,actual", named in the user's language: 计划安排额度、实际拨付额度. */
const listOf = (fields: string, k: 0 | 1): string =>
  fields
    .split(',')
    .map((f) => fieldLabel(f, k === 0 ? 'zh' : 'en'))
    .join(k === 0 ? '、' : ', ');

/** Why a payment's day after today is refused, wherever it is typed or read: the ledger holds money already paid. */
export function afterTodayWords(today: string, lang: Lang): string {
  return lang === 'zh'
    ? `在今天(${today})之后:拨付台账只记已经拨付的款项,请核对日期(年份是否写错?)`
    : `is after today (${today}): the ledger holds money already paid; check the date (is the year right?)`;
}

/** What is wrong with a value: a field's problem, a formula's, or one the record's schema found. */
export type ValueProblem =
  FieldProblem | 'no_result' | 'error_value' | 'out_of_range' | 'not_a_date' | 'unsafe_text' | 'zero_payment' | 'invalid';

const PROBLEM: Record<ValueProblem, [string, string]> = {
  too_long: ['太长(县名、省、市最多 100 字,文字最多 100000 字)', 'is too long (names at most 100 characters, texts at most 100,000)'],
  too_precise_rate: [
    '超出可记录的范围(百分数最多 6 位整数、6 位小数)',
    'is out of range (a percent has at most 6 digits before and after the point)',
  ],
  empty: ['为空', 'is empty'],
  no_result: [
    '是没有计算结果的公式(请在 Excel 或 WPS 中重新计算并保存)',
    'is a formula without a calculated result (recalculate and save it in Excel or WPS)',
  ],
  error_value: ['是错误值', 'is an error value'],
  not_a_number: ['不是数字', 'is not a number'],
  negative_amount: ['不能为负数', 'must not be negative'],
  too_precise: ['精度超过1分(最多6位小数)', 'is finer than 1 fen (at most 6 decimals)'],
  too_large: ['超出可记录的范围', 'is too large'],
  currency_sign: [
    '带有 ¥ 而未写单位:¥ 表示元,本栏以万元计——请写成“100元”(将按元换算为万元,导入时请确认)或直接写万元数',
    'has a ¥ sign but no unit: ¥ means yuan while this column is in 10k yuan — write "100元" (converted exactly, confirmed on import) or the amount in 10k yuan',
  ],
  out_of_range: ['超出允许的范围(批次 1–99,年度 1990–2100)', 'is out of range (batch 1–99, year 1990–2100)'],
  not_a_date: ['不是有效日期(1900–2100 年的 YYYY、YYYY-MM 或 YYYY-MM-DD)', 'is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD, 1900–2100)'],
  unsafe_text: ['含有 Excel 无法保存的字符(如控制字符)', 'holds a character Excel cannot store (such as a control character)'],
  zero_payment: ['必须大于 0', 'must be more than 0'],
  invalid: ['不是有效的值', 'is not a valid value'],
};

export function problemText(problem: keyof typeof PROBLEM, lang: Lang): string {
  return PROBLEM[problem][lang === 'zh' ? 0 : 1];
}

/** The units an import converted to 万元 (`units`: yuan, qian, yi; 元 where a finding predates them). */
const convertedUnits = (p: Record<string, string>) => (p.units ?? 'yuan').split(',').filter((u) => u in CONVERSIONS);
const CONVERSIONS: Record<string, [string, string]> = {
  yuan: ['1 万元 = 10000 元', '1 万元 = 10,000 元'],
  qian: ['1 万元 = 10 千元', '1 万元 = 10 千元'],
  yi: ['1 亿元 = 10000 万元', '1 亿元 = 10,000 万元'],
};
const UNIT_NAMES: Record<string, [string, string]> = {
  yi: ['亿元', '100m yuan'],
  wan: ['万元', '10k yuan'],
  qian: ['千元', 'thousand yuan'],
  yuan: ['元', 'yuan'],
};

/** An amount unit's name: 元, 千元, 万元, 亿元. */
export function unitName(unit: string, lang: Lang): string {
  return UNIT_NAMES[unit]?.[lang === 'zh' ? 0 : 1] ?? unit;
}

const TABLE_NAMES: Record<string, [string, string]> = {
  items: ['“项目建设完成情况”', 'construction'],
  disbursements: ['“中央财政资金拨付情况”', 'disbursement'],
  payments: ['“拨付台账”', 'ledger'],
};

const IGNORED_REASONS: Record<string, [string, string]> = {
  column: ['在表格范围内,但所在列不是可识别的列', 'inside a table, in a column that was not recognised'],
  row: ['在表格范围内,但所在行不是数据行', 'inside a table, in a row that is not a data row'],
  number: ['表格和基本情况之外的数字', 'a number outside the tables and the basic facts'],
  text: ['表格和基本情况之外含数字的文字', 'text with numbers outside the tables and the basic facts'],
  sheet: ['该工作表中没有找到可导入的表或基本情况', 'this sheet holds no table or basic facts that could be read'],
  hidden: ['这是隐藏的工作表,未读入', 'this sheet is hidden and was not read'],
  no_label: ['基本情况中的这个数字前没有可识别的标签', 'a number in the basic facts with no known label before it'],
  repeated: ['基本情况中重复给出的数值,已采用第一个', 'a basic fact given again; the first one was used'],
  inside_table: [
    '表格中间的标题或说明行,不是数据行;其后的行仍按本表读入',
    'a heading or note inside the table, not a data row; the rows after it are read as the table’s',
  ],
  summary: [
    '汇总表中的数字(本县的数据从其验收表读入),不作为数据读入',
    'a figure of a summary sheet (the county’s figures are read from its own tables); not read',
  ],
  note: ['注释、资料来源、备注或填表人信息,不作为数据读入', 'a note, a source, a remark or who filled the form in; not read as data'],
  group: [
    '分组行(一、二、……下面是按 1、2、…… 编号的各行),其金额与下面各行之和核对,不作为单独的一行计入',
    'a group row (一、 over lines numbered 1, 2, …): its amounts are checked against the sum of its lines, not counted as a line',
  ],
  breakdown: [
    '“其中”行是上一行的明细,不作为单独的一行计入',
    'a “其中” row breaks down the line above; it is not counted as a line of its own',
  ],
};

const SHEET_KINDS: Record<string, [string, string]> = {
  rollup: ['这是汇总表(每行一个县)', 'a roll-up (one county a row)'],
  totals: ['这是各县的合计表(各县的数加在一起),只与各县核对', 'a totals sheet (the counties added up), only checked against them'],
  detail: ['这是资金拨付明细表', 'a payment-detail sheet'],
  cover: ['这是封面', 'a cover'],
  instructions: ['这是填表说明', 'instructions'],
  performance: ['这是绩效自评表(尚不导入)', 'a performance self-evaluation (not imported yet)'],
};

const FINDINGS: Record<FindingCode, [Text, Text]> = {
  not_a_number: [
    (p) => `${p.field}“${p.value}”${problemText((p.problem ?? 'not_a_number') as MoneyProblem, 'zh')}`,
    (p) => `${p.field} “${p.value}” ${problemText((p.problem ?? 'not_a_number') as MoneyProblem, 'en')}`,
  ],
  negative_amount: [(p) => `${p.field}不能为负数:${p.value}`, (p) => `${p.field} must not be negative: ${p.value}`],
  missing_name: [(p) => `序号 ${p.seq} 的行没有项目名称`, (p) => `row No. ${p.seq} has no project name`],
  duplicate_seq: [(p) => `序号 ${p.seq} 在同一表中重复`, (p) => `No. ${p.seq} appears twice in one table`],
  investment_sum: [
    (p) => `项目总投资 ${p.total} 万元与中央资金、政府配套资金、社会资本之和 ${p.sum} 万元不一致`,
    (p) => `total investment ${p.total} differs from central + local government + social ${p.sum} (10k yuan)`,
  ],
  planned_vs_central: [
    (p) => `计划安排额度合计 ${p.planned} 万元与中央资金 ${p.central} 万元不一致`,
    (p) => `planned total ${p.planned} differs from central funds ${p.central} (10k yuan)`,
  ],
  arranged_over_central: [
    (p) => `安排使用中央资金 ${p.arranged} 万元超过中央资金 ${p.central} 万元`,
    (p) => `central funds arranged for use ${p.arranged} exceed central funds ${p.central} (10k yuan)`,
  ],
  disbursed_over_arranged: [
    (p) => `实际拨付额度合计 ${p.actual} 万元超过安排使用中央资金 ${p.arranged} 万元`,
    (p) => `disbursed total ${p.actual} exceeds central funds arranged for use ${p.arranged} (10k yuan)`,
  ],
  over_disbursed: [
    (p) => `“${p.name}”实际拨付 ${p.actual} 万元超过计划安排 ${p.planned} 万元`,
    (p) => `“${p.name}”: disbursed ${p.actual} exceeds planned ${p.planned} (10k yuan)`,
  ],
  amount_missing: [(p) => `序号 ${p.seq}“${p.name}”的${p.field}未填`, (p) => `No. ${p.seq} “${p.name}”: ${p.field} is not entered`],
  stated_rate_mismatch: [
    (p) => `“${p.name}”填写的资金拨付率 ${p.stated}% 与计算值 ${p.computed}% 不一致`,
    (p) => `“${p.name}”: stated rate ${p.stated}% differs from the computed ${p.computed}%`,
  ],
  stated_total_mismatch: [
    (p) =>
      p.of
        ? `小计 ${p.column} ${p.stated} 与 ${p.of} 的各笔之和 ${p.sum} 不一致`
        : p.group
          ? `“${p.group}” ${p.column} ${p.stated} 与其下各行之和 ${p.sum} 不一致`
          : `${p.kind === 'subtotal' ? '小计' : '合计'} ${p.column} ${p.stated} 与各行之和 ${p.sum} 不一致`,
    (p) =>
      p.of
        ? `subtotal ${p.column} ${p.stated} differs from the sum of the payments of ${p.of.replace('序号', 'line')} ${p.sum}`
        : p.group
          ? `“${p.group}” ${p.column} ${p.stated} differs from the sum of the lines under it ${p.sum}`
          : `${p.kind === 'subtotal' ? 'subtotal' : 'total'} ${p.column} ${p.stated} differs from the sum of its rows ${p.sum}`,
  ],
  completion_out_of_range: [
    (p) => `“${p.name}”实施目标完成率 ${p.value}% 不在 0 到 100 之间`,
    (p) => `“${p.name}”: completion rate ${p.value}% is outside 0–100`,
  ],
  not_a_date: [
    (p) =>
      p.problem === 'ambiguous_month'
        ? `${p.field}“${p.value}”是一个数字,看不出是 ${p.year}年1月 还是 ${p.year}年10月(数字末尾的 0 不显示);请写成“${p.year}年10月”这样的文字`
        : p.problem === 'after_today'
          ? `${p.field}“${p.value}”${afterTodayWords(p.today, 'zh')}`
          : p.problem === 'day_month_order'
            ? `${p.field}“${p.value}”看不出是 ${p.first} 还是 ${p.second}(日和月哪个在前);请写成“${p.first}”这样年份在前的日期`
            : p.problem === 'month_only' || p.problem === 'year_only'
              ? `${p.field}“${p.value}”只写到${p.problem === 'month_only' ? '月' : '年'},不是具体日期(应写到日,如 2021-12-01、2021年12月1日)`
              : p.want === 'day'
                ? `${p.field}“${p.value}”不是具体日期(应为 2021-12-01、2021年12月1日 等)`
                : `${p.field}“${p.value}”不是日期(应为 2021年9月、2021-09 等)`,
    (p) =>
      p.problem === 'ambiguous_month'
        ? `${p.field} “${p.value}” is a number: it may be January or October ${p.year} (a number drops the trailing 0); write it as text, such as 2021年10月`
        : p.problem === 'after_today'
          ? `${p.field} “${p.value}” ${afterTodayWords(p.today, 'en')}`
          : p.problem === 'day_month_order'
            ? `${p.field} “${p.value}” may be ${p.first} or ${p.second} (day or month first); write the year first, such as ${p.first}`
            : p.problem === 'month_only' || p.problem === 'year_only'
              ? `${p.field} “${p.value}” gives only the ${p.problem === 'month_only' ? 'month' : 'year'}, not the day (write the day: 2021-12-01 or 2021年12月1日)`
              : p.want === 'day'
                ? `${p.field} “${p.value}” is not a day (write 2021-12-01 or 2021年12月1日)`
                : `${p.field} “${p.value}” is not a date (write 2021-09 or 2021年9月)`,
  ],
  dates_out_of_order: [
    (p) => `${p.field}“${p.value}”早于${p.column}“${p.other}”:日期的先后不对,请核对`,
    (p) => `${p.field} “${p.value}” is before ${p.column} “${p.other}”: the dates are out of order, check them`,
  ],
  missing_fact: [
    (p) =>
      p.key
        ? `缺少${p.field}${p.where ? `(在 ${p.where} 中没有找到)` : ''}`
        : `缺少${p.field}${p.where ? `(在 ${p.where} 的基本情况中没有找到)` : ''},记录不完整,请补填`,
    (p) =>
      p.key
        ? `${p.field} is missing${p.where ? ` (not found in ${p.where})` : ''}`
        : `${p.field} is missing${p.where ? ` (not found in the basic facts at ${p.where})` : ''}: the record is incomplete, fill it in`,
  ],
  no_tables: [
    (p) =>
      '没有找到“项目建设完成情况”或“中央财政资金拨付情况”表(按表头文字查找)' +
      (p.row ? `;第 ${p.row} 行“${p.header}”像表头,但${p.missing ? `没有${listOf(p.missing, 0)}列` : '读不成表'}` : ''),
    (p) =>
      'found neither the construction table nor the disbursement table (looked for their header texts)' +
      (p.row
        ? `; row ${p.row} “${p.header}” looks like a header, but ${p.missing ? `has no ${listOf(p.missing, 1)} column` : 'reads as no table'}`
        : ''),
  ],
  duplicate_record: [
    (p) => `${p.county} 第${p.batch}批 在本次导入中出现了两次(另见 ${p.other})`,
    (p) => `${p.county}, batch ${p.batch}, appears twice in this import (see also ${p.other})`,
  ],
  conflict: [
    (p) =>
      `${p.county} 第${p.batch}批 已有记录${p.stored ? `(记为 ${p.stored},同一个县)` : ''}` +
      `${p.storedPlace ? `(已有的是 ${p.storedPlace},文件中是 ${p.filePlace};省、市不矛盾,按同一个县)` : ''};可选择跳过或替换`,
    (p) =>
      `${p.county}, batch ${p.batch}, is already stored${p.stored ? ` (as ${p.stored}, the same county)` : ''}` +
      `${p.storedPlace ? ` (stored: ${p.storedPlace}; in the file: ${p.filePlace}; no province or prefecture differs, so the same county)` : ''}; choose skip or replace`,
  ],
  ambiguous_county: [
    (p) =>
      `${p.county} 第${p.batch}批 已有几条不同地方的记录(${p.stored}),文件没有写明是哪一个;请在标题中写明省、市(如“××省××市${p.county}”)`,
    (p) =>
      `${p.county}, batch ${p.batch}: records of several places are stored (${p.stored}) and the file does not say which it is; write the province and prefecture in its title`,
  ],
  locked: [
    (p) => `${p.county} 第${p.batch}批 已验收${p.by ? `(${p.by}${p.at ? `,${p.at}` : ''})` : ''},不能替换;如需替换,请先解除验收`,
    (p) =>
      `${p.county}, batch ${p.batch}, is accepted${p.by ? ` (${p.by}${p.at ? `, ${p.at}` : ''})` : ''} and cannot be replaced; unlock it first`,
  ],
  out_of_scope: [
    (p) => `${p.county} 第${p.batch}批 不在您的范围(${p.scope})内,不能导入`,
    (p) => `${p.county}, batch ${p.batch}, is outside your scope (${p.scope}) and cannot be imported`,
  ],
  invalid_value: [
    (p) => (p.problem ? `${p.field}“${p.value}”${problemText(p.problem as ValueProblem, 'zh')}` : `${p.field}:${p.value}`),
    (p) => (p.problem ? `${p.field} “${p.value}” ${problemText(p.problem as ValueProblem, 'en')}` : `${p.field}: ${p.value}`),
  ],
  payment_after_acceptance: [
    (p) => `序号 ${p.line} 的一笔拨付日期 ${p.date} 在验收日期 ${p.accepted} 之后`,
    (p) => `a payment of line No. ${p.line} is dated ${p.date}, after the acceptance day ${p.accepted}`,
  ],
  payment_after_as_of: [
    (p) => `序号 ${p.line} 的一笔拨付日期 ${p.date} 在数字截至日 ${p.asOf} 之后,未计入实际拨付额度(日期是否写错?)`,
    (p) =>
      `a payment of line No. ${p.line} is dated ${p.date}, after the figures' day ${p.asOf}: it is not counted in the amount disbursed (is the date right?)`,
  ],
  duplicate_voucher: [
    (p) => `凭证号 ${p.voucher} 用了两次(另见第 ${p.other} 笔)`,
    (p) => `voucher ${p.voucher} is used twice (see also payment ${p.other})`,
  ],
  payment_no_payee: [
    (p) => `序号 ${p.line} ${p.date} 的一笔拨付 ${p.amount} 万元没有收款单位`,
    (p) => `the payment of line No. ${p.line} on ${p.date} (${p.amount}) has no payee`,
  ],
  empty_table: [
    (p) => `${TABLE_NAMES[p.table]?.[0] ?? p.table}表头下没有读到任何行,但 ${p.at} 处有数字“${p.value}”`,
    (p) =>
      `no row was read under the header of the ${TABLE_NAMES[p.table]?.[1] ?? p.table} table, yet ${p.at} holds the number “${p.value}”`,
  ],
  extra_table: [
    (p) => `又一张${TABLE_NAMES[p.table]?.[0] ?? p.table}表(第一张在 ${p.other}),无法确定它属于哪个县;请每个县只留一张,或给它加上县的标题`,
    (p) =>
      `another ${TABLE_NAMES[p.table]?.[1] ?? p.table} table (the first is at ${p.other}); which county it belongs to is unclear: keep one per county, or give it the county's title`,
  ],
  repeated_table: [
    (p) =>
      `又一张${TABLE_NAMES[p.table]?.[0] ?? p.table}表,列的项目与第一张(在 ${p.other})相同:同一个县的拨付表分成了几张(如按年度),是分年还是累计无法确定,未导入;请合成一张表(每行填截至验收时的累计拨付额,或分年列成几列并加“累计拨付”列)`,
    (p) =>
      `another ${TABLE_NAMES[p.table]?.[1] ?? p.table} table listing the same lines as the first (at ${p.other}): one county's table split in several (per year?); whether per year or cumulative is unclear, not imported: make it one table (each line's cumulative disbursement, or one column per year beside a 累计拨付 column)`,
  ],
  table_restated: [
    (p) =>
      `又一张${TABLE_NAMES[p.table]?.[0] ?? p.table}表(分期列出并有“累计拨付”列),各行的计划与累计拨付与第一张(在 ${p.other})相同:同一笔资金的进度,未另行导入`,
    (p) =>
      `another ${TABLE_NAMES[p.table]?.[1] ?? p.table} table (by period, with a cumulative column) whose lines plan and disburse what the first (at ${p.other}) does: the same money's progress, not imported again`,
  ],
  missing_table: [
    (p) =>
      `没有找到${TABLE_NAMES[p.table]?.[0] ?? p.table}表,但 ${p.at} 处有未读入的数字“${p.value}”` +
      (p.row
        ? `;第 ${p.row} 行“${p.header}”像表头,但${p.missing ? `认不出${listOf(p.missing, 0)}列` : '读不成表'}(请检查这一行的列名)`
        : '(请检查表头)'),
    (p) =>
      `no ${TABLE_NAMES[p.table]?.[1] ?? p.table} table was found, yet ${p.at} holds the unread number “${p.value}”` +
      (p.row
        ? `; row ${p.row} “${p.header}” looks like its header, but ${p.missing ? `no ${listOf(p.missing, 1)} column is recognised` : 'reads as no table'} (check that row's column names)`
        : ' (check its header)'),
  ],
  planned_zero: [
    (p) => `计划安排额度合计为 0,但中央资金为 ${p.central} 万元`,
    (p) => `nothing is planned, yet central funds are ${p.central} (10k yuan)`,
  ],
  summary_mismatch: [
    (p) => `说明句中的${p.what === 'rate' ? '资金拨付率' : '已拨付资金'} ${p.stated} 与计算值 ${p.computed} 不一致`,
    (p) => `the summary sentence's ${p.what === 'rate' ? 'rate' : 'disbursed total'} ${p.stated} differs from the computed ${p.computed}`,
  ],
  unit_conflict: [
    (p) =>
      `这里写的金额单位是${UNIT_NAMES[p.unit]?.[0] ?? p.unit},而 ${p.other} 写的是${UNIT_NAMES[p.otherUnit]?.[0] ?? p.otherUnit};无法确定金额单位,未导入(请删去其中一处)`,
    (p) =>
      `this says amounts are in ${UNIT_NAMES[p.unit]?.[1] ?? p.unit}, but ${p.other} says ${UNIT_NAMES[p.otherUnit]?.[1] ?? p.otherUnit}; the unit is unclear, nothing imported (remove one of them)`,
  ],
  unit_unclear: [
    (p) => `无法识别“${p.value}”中的金额单位(应为 元、千元、万元 或 亿元);未导入`,
    (p) => `the money unit in “${p.value}” is not one this reader knows (元, 千元, 万元, 亿元); nothing imported`,
  ],
  scaled_format: [
    (p) =>
      `${p.field}:单元格格式“${p.format}”把存的数缩小 ${p.factor} 倍显示(存 ${p.value},显示为 ${p.shown} 的样子;本列同样的单元格共 ${p.cells} 个):按显示读作 ${p.shown} 万元,按存的数则是 ${p.stored} 万元。按显示读无误请确认;否则请在“更正读法”中改为按存的数读`,
    (p) =>
      `${p.field}: the number format “${p.format}” shows the stored number divided by ${p.factor} (stored ${p.value}, shown as ${p.shown}; ${p.cells} such cell(s) in this column): read as shown, ${p.shown} 万元; as stored it would be ${p.stored} 万元. Confirm if read right as shown; else choose “as stored” under Correct the reading`,
  ],
  ambiguous_column: [
    (p) => `有几列都可以是${p.field}(${p.cells}),无法确定用哪一列;请删去或改名其余各列`,
    (p) => `several columns could be ${p.field} (${p.cells}); which one is meant is unclear: remove or rename the others`,
  ],
  unknown_category: [
    (p) => `类别“${p.value}”不是下拉列表中的类别,已按项目名称判断`,
    (p) => `category “${p.value}” is not in the list; the project name decides it instead`,
  ],
  ledger_line_unmatched: [
    (p) =>
      `拨付台账的这一笔(${p.line})对不上“中央财政资金拨付情况”表中的任何一行${p.why === 'ambiguous' ? '(有同名的几行,请填写序号)' : p.why === 'disagree' ? `(序号 ${p.seq} 是“${p.other}”)` : p.why === 'grouped' ? '(该表序号在各组内重新编起,只凭序号分不清是哪一行,请填写项目名称)' : ''};未导入`,
    (p) =>
      `this ledger payment (${p.line}) matches no line of the disbursement table${p.why === 'ambiguous' ? ' (several lines have that name; give the No.)' : p.why === 'disagree' ? ` (No. ${p.seq} is “${p.other}”)` : p.why === 'grouped' ? ' (the table numbers its lines again in each group, so a No. alone names no line; give the project name)' : ''}; nothing imported`,
  ],
  ledger_unclaimed: [
    (p) => `无法确定拨付台账属于哪个县(工作簿中有 ${p.counties});请在工作表名或台账标题中写明县名`,
    (p) =>
      `which county this ledger belongs to is unclear (the workbook holds ${p.counties}); name the county in the sheet name or the ledger's title`,
  ],
  part_only: [
    (p) =>
      p.part === 'performance'
        ? `工作簿中只有${p.county}的绩效自评表,没有${p.county}的验收表(项目建设完成情况、中央财政资金拨付情况);绩效自评表须与验收表一起导入:请把它放进${p.county}验收表的工作簿再导入,或在应用中打开${p.county},在“绩效自评”中填写`
        : `工作簿中只有${p.county}的拨付台账,没有${p.county}的验收表(项目建设完成情况、中央财政资金拨付情况);拨付台账须与验收表一起导入:请把它放进${p.county}验收表的工作簿再导入,或在应用中打开${p.county},在“拨付台账”中粘贴这些拨付`,
    (p) =>
      `the workbook holds only ${p.county}'s ${p.part === 'performance' ? '绩效自评表 (self-evaluation)' : 'ledger (拨付台账)'}, not its acceptance tables; import it together with ${p.county}'s tables (in one workbook), or open ${p.county} in the app and ${p.part === 'performance' ? 'fill in its 绩效自评' : 'paste these payments into its ledger'}`,
  ],
  hidden_table: [
    () => '这张隐藏的工作表中有表格,不知道它与可见的表哪个是要导入的;请取消隐藏后导入(或删除不需要的工作表)',
    () =>
      'this hidden sheet holds a table: whether it or the visible sheets are meant cannot be told; unhide it and import again (or delete the sheet not meant)',
  ],
  ledger_unread: [
    (p) =>
      `这张工作表像是拨付台账,但读不出它的表头(应有 拨付日期、金额,以及 具体项目名称 或 项目序号 等列);其中的数字(如“${p.value}”)未导入`,
    (p) =>
      `this sheet looks like a ledger, but its header could not be read (it needs 拨付日期, 金额 and 具体项目名称 or 项目序号 columns); its numbers (such as “${p.value}”) were not imported`,
  ],
  ledger_no_line: [
    () => '拨付台账没有“具体项目名称”列,这里的序号可能只是笔数,无法确定每笔拨付属于哪一行;请加上项目名称列,或把表头写成“项目序号”',
    () =>
      'the ledger has no project-name column, and its 序号 may only count payments: which line each belongs to is unknown; add the names, or title the column 项目序号',
  ],
  ledger_mismatch: [
    (p) => `序号 ${p.seq} 的实际拨付额度 ${p.stated} 与拨付台账${p.asOf ? `截至${p.asOf}` : ''}的合计 ${p.sum} 不一致(导入后按台账计算)`,
    (p) =>
      `line No. ${p.seq}: disbursed ${p.stated} differs from the ledger's total ${p.sum}${p.asOf ? ` as of ${p.asOf}` : ''} (after import the ledger decides)`,
  ],
  ledger_kept_mismatch: [
    (p) =>
      `序号 ${p.seq}“${p.name}”:文件中的实际拨付额度 ${p.stated} 与保留的原有拨付台账(${p.count} 笔)截至${p.asOf}的合计 ${p.sum} 不一致;确认则按原有台账计为 ${p.sum},文件中的 ${p.stated} 不保存——要用文件中的数,请选择删除或替换原有拨付`,
    (p) =>
      `line No. ${p.seq} “${p.name}”: the file's disbursed ${p.stated} differs from the kept stored ledger's total ${p.sum} (${p.count} payment(s)) as of ${p.asOf}; confirming counts ${p.sum} from the stored ledger and drops the file's ${p.stated} — to keep the file's figure, choose to remove or replace the stored payments`,
  ],
  sheet_name_differs: [
    (p) =>
      `工作表名“${p.sheet}”是另一个县的名字,而表中(${p.at})写的是 ${p.county}:这张表可能是从别县的表复制后改了工作表名;请核对数字属于哪个县(确认则按 ${p.county} 导入)`,
    (p) =>
      `the sheet is named “${p.sheet}”, another county, while the sheet itself (${p.at}) says ${p.county}: it may be another county's sheet copied and renamed; check whose figures these are (confirming imports them as ${p.county})`,
  ],
  county_names_differ: [
    (p) =>
      `同一个县的表上写了两个县:${p.at} 写的是 ${p.county},${p.otherCell} 写的是 ${p.other}:这张表可能是从别县的表复制后只改了一处;请核对数字属于哪个县(确认则按 ${p.county} 导入)`,
    (p) =>
      `one county's sheet names two counties: ${p.county} at ${p.at} and ${p.other} at ${p.otherCell}: it may be another county's sheet copied and changed in one place only; check whose figures these are (confirming imports them as ${p.county})`,
  ],
  amount_conflict: [
    (p) => `${p.field}有两个不同的金额:${p.value}(此处)与 ${p.other}(${p.otherCell});请核对后只保留正确的一个`,
    (p) => `${p.field} is given as two different sums: ${p.value} (here) and ${p.other} (${p.otherCell}); keep only the right one`,
  ],
  fact_conflict: [
    (p) => `${p.field}有两个不同的值:${p.value}(已采用)与 ${p.other}(${p.otherCell})`,
    (p) => `${p.field} is given twice: ${p.value} (used) and ${p.other} (${p.otherCell})`,
  ],
  percent_fractions: [
    (p) =>
      `${p.field}一列的 ${p.count} 个数字都在 0 到 1 之间(常规格式),已按小数读作百分数:${p.example} 读作 ${p.percent}%;如本意就是 ${p.example}%,请写成“${p.example}%”`,
    (p) =>
      `the ${p.field} column's ${p.count} numbers all lie between 0 and 1 (General format): read as fractions, ${p.example} as ${p.percent}%; if ${p.example}% was meant, write “${p.example}%”`,
  ],
  stated_day_not_kept: [
    (p) =>
      `这句话说拨付数字是截至 ${p.day} 的,但没有拨付台账的记录只能按验收日期${p.acceptedOn ? `(${p.acceptedOn})` : '(未填)'}记数字所截至的日子:这一天不会保存,打印、导出时写作“截至验收日”;如需保留,请补录拨付台账或核对验收日期`,
    (p) =>
      `the sentence states the disbursed figures as of ${p.day}, yet a record without a ledger keeps its figures as of its acceptance day only (${p.acceptedOn || 'not given'}): that day is not kept, and prints and exports say “as of the acceptance day”; to keep it, enter the ledger or check the acceptance day`,
  ],
  amount_format: [
    (p) =>
      `${p.field}按单元格的数字格式(${p.format})${p.shown ? `显示为“${p.shown}”` : '什么也不显示,看起来是空的'}${Number(p.cells) > 1 ? `(本列共 ${p.cells} 格)` : ''},读入的却是存的数 ${p.read} 万元;请核对这一列`,
    (p) =>
      `${p.field}: its number format (${p.format}) ${p.shown ? `shows “${p.shown}”` : 'shows nothing, the cell looks empty'}${Number(p.cells) > 1 ? ` (${p.cells} cells of the column)` : ''}, yet the number stored, ${p.read} (10k yuan), is what was read; check the column`,
  ],
  completion_in_words: [
    (p) =>
      p.read
        ? `${p.field}“${p.value}”不是一个确切的百分数:读作 ${p.read}%;请核对,或在表中写成数字`
        : `${p.field}“${p.value}”不是一个百分数:完成率读作空;请核对,或在表中写上数字`,
    (p) =>
      p.read
        ? `${p.field} “${p.value}” is no exact percent: read as ${p.read}%; check it, or write the number in the sheet`
        : `${p.field} “${p.value}” is no percent: the completion rate is read as blank; check it, or write the number in the sheet`,
  ],
  fraction_among_percents: [
    (p) =>
      `${p.field}“${p.value}”(常规格式)夹在百分数(如 ${p.other})之间:已按 ${p.value}% 读入;如是小数,则是 ${p.percent}%;请核对,或写成“${p.percent}%”`,
    (p) =>
      `${p.field} “${p.value}” (General format) stands among percents (such as ${p.other}): read as ${p.value}%; as a fraction it is ${p.percent}%; check it, or write “${p.percent}%”`,
  ],
  amounts_in_yuan: [
    (p) =>
      `金额单位为${convertedUnits(p)
        .map((u) => UNIT_NAMES[u][0])
        .join('、')}${p.source ? `(${p.source})` : '(单元格的数字格式中写明)'},已按 ${convertedUnits(p)
        .map((u) => CONVERSIONS[u][0])
        .join('、')} 换算为万元`,
    (p) =>
      `amounts are in ${convertedUnits(p)
        .map((u) => UNIT_NAMES[u][1])
        .join(' and ')} (${p.source || "as the cells' number format shows"}); converted to 10k yuan exactly (${convertedUnits(p)
        .map((u) => CONVERSIONS[u][1])
        .join('; ')})`,
  ],
  ignored_cell: [
    (p) =>
      (p.range ? `未读入 ${p.range} 的 ${p.cells} 个单元格(首个“${p.value}”)` : `未读入“${p.value}”`) +
      `:${IGNORED_REASONS[p.reason]?.[0] ?? p.reason}`,
    (p) =>
      (p.range ? `not read: ${p.cells} cells in ${p.range} (the first “${p.value}”)` : `not read: “${p.value}”`) +
      `: ${IGNORED_REASONS[p.reason]?.[1] ?? p.reason}`,
  ],
  seq_restarted: [
    (p) => `序号在各组内从 1 重新编起(共 ${p.groups} 组):每行按“组 + 序号”识别,组内重复的序号不读入;导入后按顺序连续编为 1–${p.lines}`,
    (p) =>
      `the No. starts again from 1 in each group (${p.groups} groups): each line is known by its group and No., a No. repeated within a group is refused; imported numbered 1–${p.lines} in order`,
  ],
  sheet_not_read: [
    (p) => `未读入工作表“${p.sheet}”:${SHEET_KINDS[p.kind]?.[0] ?? p.kind},不是一个县的验收表`,
    (p) => `sheet “${p.sheet}” not read: ${SHEET_KINDS[p.kind]?.[1] ?? p.kind}, not a county's acceptance table`,
  ],
  rollup_county_missing: [
    (p) => `汇总表列有 ${p.county}(计划 ${p.planned},实际 ${p.actual}),但工作簿中没有它的验收表,${p.county} 未导入`,
    (p) =>
      `the roll-up lists ${p.county} (planned ${p.planned}, disbursed ${p.actual}), but the workbook has no sheet of it: ${p.county} is not imported`,
  ],
  rollup_mismatch: [
    (p) => `汇总表中${p.county}的${p.column} ${p.stated} 与该县工作表(${p.other})的 ${p.sum} 不一致`,
    (p) => `the roll-up's ${p.column} of ${p.county}, ${p.stated}, differs from ${p.sum} on the county's sheet (${p.other})`,
  ],
  rollup_total_mismatch: [
    (p) => `合计表的${p.column} ${p.stated} 与各县(${p.counties})工作表之和 ${p.sum} 不一致`,
    (p) => `the totals sheet's ${p.column}, ${p.stated}, differs from ${p.sum}, the sum of the counties' sheets (${p.counties})`,
  ],
  merged_across: [
    (p) =>
      `计划安排额度和实际拨付额度合并为一个单元格 ${p.range}(显示“${p.shown}”):合并的金额是两列共同的数,读作计划 ${p.value} 万元、实际 ${p.value} 万元(全额拨付)${p.rate ? `,填报拨付率 ${p.rate}%` : ''};请核对`,
    (p) =>
      `计划安排额度 and 实际拨付额度 are one merged cell ${p.range} (showing “${p.shown}”): the merged amount is both columns', read as planned ${p.value} and paid ${p.value} (10k yuan; paid in full)${p.rate ? `, stated rate ${p.rate}%` : ''}; check it`,
  ],
  merged_line: [
    (p) =>
      `具体项目名称“${p.name}”的单元格 ${p.range} 合并了 ${p.rows} 行,每行有自己的金额:读作一个项目,各行金额相加(计划 ${p.planned} 万元、实际 ${p.actual} 万元),各行的拨付率不再单独记录;请核对`,
    (p) =>
      `the name “${p.name}” is merged over ${p.rows} rows (${p.range}), each with its own amounts: read as one line, its rows' amounts added (planned ${p.planned}, paid ${p.actual}, 10k yuan), the rows' own rates not kept; check it`,
  ],
  merged_amount: [
    (p) => `${p.field}单元格 ${p.range} 合并了几行,一个金额无法分到各行;请拆分单元格,每行填写自己的金额`,
    (p) =>
      `${p.field}: cell ${p.range} is merged over several rows; one amount cannot be split among them: unmerge it and give each row its own amount`,
  ],
  batch_note: [
    (p) => `批次“${p.value}”读作第${p.batch}批;括号中的说明未导入`,
    (p) => `batch “${p.value}” read as batch ${p.batch}; the note with it was not imported`,
  ],
  breakdown_only: [
    (p) => `“其中”行(${p.rows})有金额,而它们所属的上一行(序号 ${p.seq}“${p.name}”)没有;金额不能只写在明细行里,请填在上一行`,
    (p) =>
      `the “其中” rows (${p.rows}) hold amounts, but the line they break down (No. ${p.seq} “${p.name}”) has none: give that line its amounts`,
  ],
  unit_ambiguous: [
    (p) =>
      `这张表的表头没有写金额单位,而 ${p.other} 的“${p.value}”是另一张表或基本情况的;无法确定本表的金额单位,请在表头或紧挨表格上方写明单位`,
    (p) =>
      `this table's header names no money unit, and “${p.value}” at ${p.other} belongs to another table or the basic facts; the unit is unclear: name it in the header or right above the table`,
  ],
  year_conflict: [
    (p) => `示范年度按 ${p.otherCell} 的“${p.value}”读作 ${p.year};标题 ${p.titleCell} 中的年份 ${p.titleYear} 不是示范年度`,
    (p) =>
      `the year is read as ${p.year} from ${p.otherCell} (“${p.value}”); the year ${p.titleYear} in the title ${p.titleCell} is not the demonstration year`,
  ],
  uncategorised: [(p) => `“${p.name}”未归入六类建设内容(其他)`, (p) => `“${p.name}” is in none of the six categories (other)`],
  amount_scale: [
    (p) =>
      `${p.what === 'actual' ? '实际拨付额度合计' : '计划安排额度合计'} ${p.sum} 万元是${FACT_WORDS[p.fact]?.[0] ?? p.fact} ${p.value} 万元的 ${p.ratio} 倍:金额单位可能读错了(例如元读成了万元)`,
    (p) =>
      `the ${p.what === 'actual' ? 'disbursed' : 'planned'} total ${p.sum} is ${p.ratio} times ${FACT_WORDS[p.fact]?.[1] ?? p.fact} ${p.value} (10k yuan): the unit may be misread (yuan taken as 10k yuan)`,
  ],
  amount_implausible: [
    (p) =>
      `${FACT_WORDS[p.what]?.[0] ?? (p.what === 'actual' ? '实际拨付额度合计' : '计划安排额度合计')} ${p.value} 万元超过任何示范县可有的 ${p.bound} 万元:数字看起来是元;按元读应为 ${p.asYuan} 万元`,
    (p) =>
      `${FACT_WORDS[p.what]?.[1] ?? (p.what === 'actual' ? 'the disbursed total' : 'the planned total')} ${p.value} (10k yuan) is more than any demonstration county can have (${p.bound}): the figure looks like yuan, which would be ${p.asYuan} (10k yuan)`,
  ],
  ledger_scale: [
    (p) =>
      `拨付台账的金额(${p.column} 列,合计 ${p.sum} 万元)${p.ratio ? `是表三实际拨付额度的 ${p.ratio} 倍(序号 ${p.seq}: 台账 ${p.lineSum},表三 ${p.stated})` : `超过任何示范县可有的 ${p.bound} 万元`}:台账金额看起来是元;按元读合计应为 ${p.asYuan} 万元(可在“更正读法”中把台账金额的单位改为元)`,
    (p) =>
      `the ledger's amounts (column ${p.column}, total ${p.sum}) ${p.ratio ? `are ${p.ratio} times table 3's disbursed amounts (line ${p.seq}: ledger ${p.lineSum}, table ${p.stated})` : `exceed what any demonstration county can have (${p.bound})`}: they look like yuan, a total of ${p.asYuan} (10k yuan) — the ledger's unit can be corrected`,
  ],
  book_unit_conflict: [
    (p) =>
      `说明中“${p.value}”写的金额单位是${UNIT_NAMES[p.unit]?.[0] ?? p.unit},而 ${p.other}“${p.otherValue}”写的是${UNIT_NAMES[p.otherUnit]?.[0] ?? p.otherUnit}:未写单位的县表按万元读,请核对`,
    (p) =>
      `the notes say amounts are in ${UNIT_NAMES[p.unit]?.[1] ?? p.unit} (“${p.value}”), but ${p.other} says ${UNIT_NAMES[p.otherUnit]?.[1] ?? p.otherUnit} (“${p.otherValue}”): sheets naming no unit are read in 10k yuan; please check`,
  ],
  unit_in_cell: [
    (p) =>
      `${p.field}“${p.value}”写明${UNIT_NAMES[p.unit]?.[0] ?? p.unit},而 ${p.other} 写的是${UNIT_NAMES[p.otherUnit]?.[0] ?? p.otherUnit}:按单元格自己写的${UNIT_NAMES[p.unit]?.[0] ?? p.unit}读作 ${p.read} 万元,请核对`,
    (p) =>
      `${p.field} “${p.value}” says ${UNIT_NAMES[p.unit]?.[1] ?? p.unit}, but ${p.other} says ${UNIT_NAMES[p.otherUnit]?.[1] ?? p.otherUnit}: read in the cell's own unit as ${p.read} (10k yuan); please check`,
  ],
  amount_precision: [
    (p) =>
      `序号 ${p.seq}“${p.name}”的${p.field} ${p.value} 比同列其他金额多出小数位(其他最多 ${p.places} 位):可能粘上了脚注数字(如 640.21¹ 存成了 640.211)`,
    (p) =>
      `No. ${p.seq} “${p.name}”: ${p.field} ${p.value} has more decimals than every other amount of its column (at most ${p.places}): a footnote digit may be glued on (640.21¹ saved as 640.211)`,
  ],
  amount_sub_fen: [
    (p) =>
      `${p.field}:这一格写的是 ${p.value} ${UNIT_NAMES[p.unit]?.[0] ?? p.unit},不是整分(精度超过1分),将存为 ${p.read} 万元。金额只记到分;按此存无误请确认,否则请在表中改正这一格`,
    (p) =>
      `${p.field}: this cell holds ${p.value} ${UNIT_NAMES[p.unit]?.[1] ?? p.unit}, finer than 1 fen: it would be stored as ${p.read} (10k yuan). Amounts are kept to the fen; confirm if that is right, else correct the cell`,
  ],
  struck_row: [
    (p) => `第 ${p.row} 行划了删除线(“${p.value}”),按已删除的行处理,未计入任何金额`,
    (p) => `row ${p.row} is struck through (“${p.value}”): read as a deleted line, counted in no figure`,
  ],
  struck_text: [
    (p) => `单元格中“${p.dropped}”划了删除线,未读入;读作“${p.value}”`,
    (p) => `“${p.dropped}” in this cell is struck through and was not read; read as “${p.value}”`,
  ],
  footnote_mark: [
    (p) => `单元格中的“${p.dropped}”是上标或下标(脚注标记),未读入;读作“${p.value}”`,
    (p) => `“${p.dropped}” in this cell is a superscript or subscript (a footnote mark) and was not read; read as “${p.value}”`,
  ],
  hidden_row: [
    (p) => `第 ${p.row} 行是隐藏行(“${p.value}”),按隐藏数据处理,未计入任何金额`,
    (p) => `row ${p.row} is hidden (“${p.value}”): read as hidden data, counted in no figure`,
  ],
  hidden_column: [
    (p) => `${p.field}是从隐藏的 ${p.column} 列(“${p.value}”)读入的:隐藏的数据可能不是要报的数;请核对,或取消隐藏`,
    (p) =>
      `${p.field} was read from the hidden column ${p.column} (“${p.value}”): hidden data may not be the figures meant; check it, or unhide it`,
  ],
  drawing_unit: [
    (p) =>
      `工作表上的文本框写着“${p.value}”(金额单位为${UNIT_NAMES[p.unit]?.[0] ?? p.unit}),而金额是按${UNIT_NAMES[p.read]?.[0] ?? p.read}读入的;请核对金额单位`,
    (p) =>
      `a text box on the sheet says “${p.value}” (amounts in ${UNIT_NAMES[p.unit]?.[1] ?? p.unit}), yet amounts were read in ${UNIT_NAMES[p.read]?.[1] ?? p.read}; check the unit`,
  ],
  ledger_not_kept: [
    (p) =>
      `${p.county} 原有的 ${p.count} 笔拨付(序号 ${p.lines})在文件的表三中没有同名的行(已删去或改名),无法保留;请选择用文件的台账替换或删除原有拨付`,
    (p) =>
      `${p.county}: ${p.count} stored payment(s) (line No. ${p.lines}) have no line of that name in the file's table 3 (removed or renamed) and cannot be kept; choose to replace them by the file's ledger or to remove them`,
  ],
  drawing_note: [(p) => `工作表上的文本框:“${p.value}”(未读入)`, (p) => `a text box on the sheet: “${p.value}” (not read)`],
  header_unread: [
    (p) =>
      p.missing
        ? `所选表头(第 ${p.top}–${p.bottom} 行)中认不出${listOf(p.missing, 0)}列;请在“更正读法”中选出计划、实际所在的列`
        : `所选表头(第 ${p.top}–${p.bottom} 行)读不出表格:表头应有项目名称及计划、实际等列名;请另选表头行`,
    (p) =>
      p.missing
        ? `the header chosen (rows ${p.top}–${p.bottom}) has no column recognised as ${listOf(p.missing, 1)}; pick the planned and paid columns in the correction`
        : `no table can be read from the header chosen (rows ${p.top}–${p.bottom}): a header names the project and the amounts; choose other rows`,
  ],
  ...PERFORMANCE_FINDINGS,
};

const FACT_WORDS: Record<string, [string, string]> = {
  'investment.central': ['中央资金', 'central funds'],
  centralArrangedUse: ['安排使用中央资金', 'central funds arranged for use'],
};

/** The finding in words; with `withCell`, its workbook cell too: "… (C21)". */
export function findingMessage(f: Finding, lang: Lang, withCell = false): string {
  const text = FINDINGS[f.code][lang === 'zh' ? 0 : 1];
  const params = { ...f.params };
  // A value is quoted, not reproduced: a 100,000-character paste makes a one-line message.
  if (params.value && [...params.value].length > 60) params.value = `${[...params.value].slice(0, 60).join('')}…`;
  if (params.field) params.field = fieldLabel(params.field, lang);
  if (params.column) params.column = fieldLabel(params.column, lang);
  const body = typeof text === 'string' ? text : text(params);
  return withCell && f.cell ? `${body} (${f.cell})` : body;
}

/** Where a finding is, for one line of output: "a.xlsx › 樟树市 › C21". */
export function findingPlace(f: Finding): string {
  return [f.file, f.sheet, f.cell].filter(Boolean).join(' › ');
}

export function severityLabel(severity: Finding['severity'], lang: Lang): string {
  const labels = { error: ['错误', 'error'], warning: ['警告', 'warning'], info: ['提示', 'info'] } as const;
  return labels[severity][lang === 'zh' ? 0 : 1];
}

export function langFromEnv(value: string | undefined): Lang {
  return value && /^en/i.test(value) ? 'en' : 'zh';
}
