// The generated texts of the acceptance document, in either script (official-layout.md).
import type { Script } from './text';
import type { County, Totals } from './record';
import { displayDecimal } from './money';
import { chineseDay, lastDayOf } from './ledger';
import { BASIC_SENTENCE, BASIC_SENTENCE_END, SUMMARY_SENTENCE, SUMMARY_SENTENCE_END, writeSentence } from './basic-facts';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 8 → 八, 12 → 十二, 20 → 二十, 35 → 三十五. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
  }
  return String(n);
}

/** "2021-09" → "2021年9月"; "2021" → "2021年"; "2021-09-15" → "2021年9月15日". */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

/** Fixed wording of the document, as in the source (traditional) and its simplified form. */
export const WORDING = {
  hans: {
    title: '电子商务进农村综合示范县项目验收情况表',
    basic: '一、基本情况',
    items: '二、项目建设完成情况',
    disbursements: '三、中央财政资金拨付情况',
    itemHeaders: ['序号', '项目名称', '项目实施目标', '目标完成情况', '实施目标完成率(%)'],
    disbursementHeaders: ['序号', '具体项目名称', '计划安排额度(万元)', '实际拨付额度(万元)', '资金拨付率(%)'],
    total: '合计',
    summarySheet: '汇总',
    ledgerSheet: '拨付台账',
    ledgerTitle: (county: string, asOf: string) => `${county}中央财政资金拨付台账(截至${chineseDay(asOf)})`,
    ledgerAfterDay: (asOf: string) => `在${chineseDay(asOf)}之后,不计入表三的实际拨付额度`,
    ledgerAppendix: (asOf: string) => `附:中央财政资金拨付台账(截至${chineseDay(asOf)})`,
    ledgerNotCounted: '截至日之后,不计入',
    ledgerHeaders: ['序号', '具体项目名称', '拨付日期', '金额(万元)', '收款单位', '凭证号', '阶段', '备注'],
    summaryHeaders: ['省', '市', '县', '批次', '年度', '计划安排额度(万元)', '实际拨付额度(万元)', '资金拨付率(%)', '警告数'],
    signature: ['验收组成员签字:', '日期:'],
    /** The word of page numbers ("第 1 页 共 3 页") in print and in Excel's footer. */
    pageUnit: '页',
    fileName: (county: string, batch: number) => `${county}-第${batch}批-验收表`,
    filesName: (count: number) => `验收表-${count}县`,
    finerNote: '* 带 * 的金额精确到小数点后两位以上,按实际数字显示。',
  },
  hant: {
    title: '電子商務進農村綜合示范縣項目驗收情況表',
    basic: '一、基本情況',
    items: '二、項目建設完成情況',
    disbursements: '三、中央財政資金撥付情況',
    itemHeaders: ['序號', '項目名稱', '項目實施目標', '目標完成情況', '實施目標完成率(%)'],
    disbursementHeaders: ['序號', '具體項目名稱', '計劃安排額度(萬元)', '實際撥付額度(萬元)', '資金撥付率(%)'],
    total: '合計',
    summarySheet: '匯總',
    ledgerSheet: '撥付台賬',
    ledgerTitle: (county: string, asOf: string) => `${county}中央財政資金撥付台賬(截至${chineseDay(asOf)})`,
    ledgerAfterDay: (asOf: string) => `在${chineseDay(asOf)}之後,不計入表三的實際撥付額度`,
    ledgerAppendix: (asOf: string) => `附:中央財政資金撥付台賬(截至${chineseDay(asOf)})`,
    ledgerNotCounted: '截至日之後,不計入',
    ledgerHeaders: ['序號', '具體項目名稱', '撥付日期', '金額(萬元)', '收款單位', '憑證號', '階段', '備註'],
    summaryHeaders: ['省', '市', '縣', '批次', '年度', '計劃安排額度(萬元)', '實際撥付額度(萬元)', '資金撥付率(%)', '警告數'],
    signature: ['驗收組成員簽字:', '日期:'],
    pageUnit: '頁',
    fileName: (county: string, batch: number) => `${county}-第${batch}批-驗收表(繁)`,
    filesName: (count: number) => `驗收表-${count}縣(繁)`,
    finerNote: '* 帶 * 的金額精確到小數點後兩位以上,按實際數字顯示。',
  },
} as const;

/**
 * "截至验收日,已拨付承办企业资金共1235.96万元,资金拨付率82.40%。" (amounts as tables show them; its words
 * in basic-facts.ts); a record with a ledger whose figures are as of another day than its acceptance
 * day: "截至2022年6月30日,…".
 */
export function disbursementSummary(
  record: { county: Pick<County, 'acceptedOn'>; totals: Pick<Totals, 'actual' | 'rate'>; asOf?: string },
  script: Script,
): string {
  const { county, totals, asOf } = record;
  const day = asOf && !(county.acceptedOn && lastDayOf(county.acceptedOn) === asOf) ? chineseDay(asOf) : ACCEPTANCE_DAY[script];
  return writeSentence(
    SUMMARY_SENTENCE,
    SUMMARY_SENTENCE_END,
    { lead: day, actual: displayDecimal(totals.actual).text, rate: totals.rate === null ? '—' : `${totals.rate}%` },
    script,
  );
}

const ACCEPTANCE_DAY = { hans: '验收日', hant: '驗收日' } as const;

/** The 一、基本情况 paragraph generated from the county facts (basic-facts.ts says its words). */
export function basicParagraph(county: County, script: Script): string {
  const inv = county.investment;
  return writeSentence(
    BASIC_SENTENCE,
    BASIC_SENTENCE_END,
    {
      name: county.name,
      batch: chineseNumeral(county.batch),
      year: String(county.year),
      approvedOn: county.approvedOn ? chineseDate(county.approvedOn) : undefined,
      // A fact not given is left out of the paragraph (the record is incomplete), never written as 0.
      'investment.total': inv.total ?? undefined,
      'investment.central': inv.central ?? undefined,
      'investment.localGov': inv.localGov ?? undefined,
      'investment.social': inv.social ?? undefined,
      statusNote: county.statusNote,
      centralArrangedUse: county.centralArrangedUse ?? undefined,
    },
    script,
  );
}

export function documentTitle(countyName: string, script: Script): string {
  return `${countyName}${WORDING[script].title}`;
}
