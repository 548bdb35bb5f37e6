// The words of the basic facts, in one place: the 一、基本情况 sentence that export writes and
// import reads (its clauses, their order, labels and units, in both scripts), the summary
// sentence above table 三, and the labels of a label/value facts table. A change of wording is
// made here, once; document.ts generates from it and the import's fact grammar reads with it.
import type { Script } from './text';
import { pushAll } from './arrays';

export type FactKey =
  | 'name'
  | 'province'
  | 'prefecture'
  | 'batch'
  | 'year'
  | 'approvedOn'
  | 'acceptedOn'
  | 'investment.total'
  | 'investment.central'
  | 'investment.localGov'
  | 'investment.social'
  | 'centralArrangedUse'
  | 'statusNote';
export type MoneyFact = 'investment.total' | 'investment.central' | 'investment.localGov' | 'investment.social' | 'centralArrangedUse';
export const MONEY_FACTS: readonly MoneyFact[] = [
  'investment.total',
  'investment.central',
  'investment.localGov',
  'investment.social',
  'centralArrangedUse',
];

type Words = Readonly<Record<Script, string>>;
const same = (text: string): Words => ({ hans: text, hant: text });

/**
 * One clause of a generated sentence: `sep` before it, then `before`, the value, `after`.
 * `readAlso` are other labels people write for the same fact (simplified; matched folded).
 * `when` says when a clause is left out.
 */
export type Clause<F extends string = FactKey> = {
  fact: F;
  sep: string;
  before: Words;
  after: Words;
  readAlso?: readonly string[];
  when?: 'set' | 'not-blank';
};

/**
 * 樟树市是第八批全国电子商务进农村综合示范县(2021年),立项时间为2021年9月,项目总投资2310万元,
 * 其中中央资金1500万元,政府配套资金230万元,社会资本580万元,当前项目已基本建设完成,安排使用中央资金1332.78万元。
 */
export const BASIC_SENTENCE: readonly Clause[] = [
  { fact: 'name', sep: '', before: same(''), after: same('') },
  {
    fact: 'batch',
    sep: '',
    before: same('是第'),
    after: { hans: '批全国电子商务进农村综合示范县', hant: '批全國電子商務進農村綜合示范縣' },
  },
  { fact: 'year', sep: '', before: same('('), after: same('年)') },
  {
    fact: 'approvedOn',
    sep: ',',
    before: { hans: '立项时间为', hant: '立項時間為' },
    after: same(''),
    when: 'set',
    readAlso: ['立项时间', '立项日期', '立项于', '批复立项时间为', '批复立项时间'],
  },
  {
    fact: 'investment.total',
    sep: ',',
    before: { hans: '项目总投资', hant: '項目總投資' },
    after: { hans: '万元', hant: '萬元' },
    when: 'set',
    readAlso: ['总投资', '计划总投资', '项目总投资额', '总投资额', '项目计划总投资'],
  },
  {
    fact: 'investment.central',
    sep: ',',
    before: { hans: '其中中央资金', hant: '其中中央資金' },
    after: { hans: '万元', hant: '萬元' },
    when: 'set',
    readAlso: ['中央资金', '中央财政资金', '中央财政专项资金', '中央专项资金', '中央补助资金'],
  },
  {
    fact: 'investment.localGov',
    sep: ',',
    before: { hans: '政府配套资金', hant: '政府配套資金' },
    after: { hans: '万元', hant: '萬元' },
    when: 'set',
    readAlso: [
      '地方配套资金',
      '地方政府配套资金',
      '地方财政配套资金',
      '配套资金',
      // As county documents write it: 县级财政配套200万元, 地方配套, 财政配套资金.
      '县级财政配套资金',
      '县级财政配套',
      '县级配套资金',
      '县级配套',
      '县财政配套',
      '地方财政配套',
      '地方配套',
      '财政配套资金',
      '财政配套',
    ],
  },
  {
    fact: 'investment.social',
    sep: ',',
    before: { hans: '社会资本', hant: '社會資本' },
    after: { hans: '万元', hant: '萬元' },
    when: 'set',
    readAlso: ['社会资金', '社会投资', '社会资本投入', '社会投入', '企业自筹资金', '企业自筹', '企业投入', '企业投资'],
  },
  { fact: 'statusNote', sep: ',', before: same(''), after: same(''), when: 'not-blank' },
  {
    fact: 'centralArrangedUse',
    sep: ',',
    before: { hans: '安排使用中央资金', hant: '安排使用中央資金' },
    after: { hans: '万元', hant: '萬元' },
    when: 'set',
    readAlso: ['安排使用中央财政资金', '已安排使用中央资金', '安排中央资金'],
  },
];
export const BASIC_SENTENCE_END = '。';

/** 截至验收日,已拨付承办企业资金共1235.96万元,资金拨付率82.40%。 */
export const SUMMARY_SENTENCE: readonly Clause<'lead' | 'actual' | 'rate'>[] = [
  // "截至" the acceptance day ("验收日"), or a ledger's as-of day ("2022年6月30日").
  { fact: 'lead', sep: '', before: same('截至'), after: same('') },
  {
    fact: 'actual',
    sep: ',',
    before: { hans: '已拨付承办企业资金共', hant: '已撥付承辦企業資金共' },
    after: { hans: '万元', hant: '萬元' },
    readAlso: ['已拨付承办企业资金', '已拨付资金', '累计拨付资金', '拨付资金共', '已拨付'],
  },
  { fact: 'rate', sep: ',', before: { hans: '资金拨付率', hant: '資金撥付率' }, after: same(''), readAlso: ['拨付率'] },
];
export const SUMMARY_SENTENCE_END = '。';

/** A generated sentence: each clause's words around its value, clauses left out as `when` says. */
export function writeSentence<F extends string>(
  clauses: readonly Clause<F>[],
  end: string,
  values: Partial<Record<F, string>>,
  script: Script,
): string {
  let out = '';
  for (const c of clauses) {
    const value = values[c.fact];
    if (c.when === 'set' && !value) continue;
    if (c.when === 'not-blank' && !value?.trim()) continue;
    out += `${out ? c.sep : ''}${c.before[script]}${value ?? ''}${c.after[script]}`;
  }
  return out + end;
}

/** Every label a clause is read by, simplified (the reader folds what it reads). */
export function clauseLabels<F extends string>(clause: Clause<F>): string[] {
  return [clause.before.hans, ...(clause.readAlso ?? [])].filter((l) => l.length > 1);
}

/**
 * Labels of a label/value facts table (`县（市、区）` | `樟树市`), matched on the folded text
 * with brackets, units and colons dropped. The sentence's labels are included.
 */
export const TABLE_LABELS: Readonly<Record<FactKey, readonly string[]>> = (() => {
  const own: Record<FactKey, string[]> = {
    name: ['县', '县名', '县名称', '县市区', '县区', '县市区名称', '示范县', '示范县名称', '县市区名', '项目县', '示范县市区'],
    province: ['省', '省份', '所属省份', '省区市', '所属省', '省区'],
    prefecture: ['市', '地市', '所属地市', '所属市', '设区市', '地级市', '市州', '所属市州'],
    batch: ['批次', '示范批次', '所属批次'],
    year: ['年度', '示范年度', '年份', '示范年份'],
    approvedOn: ['立项时间', '立项日期', '立项年月'],
    acceptedOn: ['验收日期', '验收时间'],
    'investment.total': [],
    'investment.central': ['其中中央资金'],
    'investment.localGov': [],
    'investment.social': [],
    centralArrangedUse: [],
    statusNote: ['建设情况', '项目建设情况', '项目进展', '进展情况', '项目状态', '建设进度'],
  };
  for (const c of BASIC_SENTENCE) if (MONEY_FACTS.includes(c.fact as MoneyFact)) pushAll(own[c.fact], clauseLabels(c));
  return own;
})();
