// The canonical county acceptance record (../spec/record.md): its types, and the computation of
// rates, totals and the summary sentence. The zod schemas that check it at every boundary are in
// schema.ts: reading and computing records never loads zod.
import { formatWan, fenOfDecimal, rate, sumFen, canonicalPercent } from './money';
import { detectScript, type Script } from './text';
import { disbursementSummary } from './document';
import type { County, DisbursementInput, Item, RecordInput } from './schema';
import { defaultAsOf, paidAsOf, today, type Payment } from './ledger';
import { computePerformance, performanceInputOf, type Performance } from './performance';

export type { County, DisbursementInput, Item, RecordInput } from './schema';

export const SCHEMA_ID = 'yanshou/county-acceptance@1';

/** A line of table 三. An amount is null while it is not entered (a finding says so). */
export type Disbursement = {
  seq: number;
  category: DisbursementInput['category'];
  name: string;
  planned: string | null;
  actual: string | null;
  rate: string | null;
  statedRate?: string;
};
export type Totals = { planned: string; actual: string; rate: string | null; statedRate?: string };
export type CountyRecord = {
  schema: typeof SCHEMA_ID;
  county: County;
  items: Item[];
  disbursements: Disbursement[];
  totals: Totals;
  disbursementSummary: string;
  /** With a ledger only: the date the figures are as of, and every payment (lines by 序号). */
  asOf?: string;
  payments?: Payment[];
  /** 四、绩效自评, when the record keeps one. */
  performance?: Performance;
};

/** The exact 分 of an amount already checked (a stored amount, an input that passed its schema, a sum). */
export const fen = (money: string): bigint => {
  const value = fenOfDecimal(money);
  if (value === null) throw new Error(`not a money string: ${money}`);
  return value;
};
/** An amount that may be not entered (null): 0 in sums, no rate. */
export const fenOrZero = (money: string | null): bigint => (money === null ? 0n : fen(money));
/** Canonical 万元 text: most amounts already are (no leading or trailing zeros), so they are kept as they are. */
const CANONICAL = /^(0|[1-9]\d{0,8})(\.\d{0,5}[1-9])?$/;
const canonicalMoney = (money: string): string => (CANONICAL.test(money) ? money : formatWan(fen(money)));
const canonicalAmount = (money: string | null): string | null => (money === null ? null : canonicalMoney(money));

/** The script a record's generated sentences use: that of the text it was written in. */
export function recordScript(input: Pick<RecordInput, 'county' | 'items' | 'disbursements'>): Script {
  const sample = [input.county.name, input.county.statusNote, ...input.items.map((i) => i.name), ...input.disbursements.map((d) => d.name)];
  return detectScript(sample.join(''));
}

/**
 * The full canonical record, in the key order of record.md, with every computed field. A record with
 * a ledger has its figures as of `asOf` (default: its 验收日期, else today): a line with payments
 * has 实际拨付额度 = Σ its payments dated on or before that day.
 */
export function computeRecord(input: RecordInput, options: { asOf?: string; today?: string; now?: Date } = {}): CountyRecord {
  const c = input.county;
  const payments = [...(input.payments ?? [])].sort((a, b) => a.line - b.line || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const asOf = payments.length ? (options.asOf ?? defaultAsOf(c.acceptedOn, options.today ?? today(options.now))) : undefined;
  const ledgerLines = new Set(payments.map((p) => p.line));
  const paid = asOf ? paidAsOf(payments, asOf) : new Map<number, bigint>();
  const actualOf = (d: DisbursementInput) => (asOf && ledgerLines.has(d.seq) ? formatWan(paid.get(d.seq) ?? 0n) : d.actual);
  const county: County = {
    name: c.name,
    province: c.province,
    prefecture: c.prefecture,
    batch: c.batch,
    year: c.year,
    approvedOn: c.approvedOn,
    acceptedOn: c.acceptedOn,
    investment: {
      total: canonicalAmount(c.investment.total),
      central: canonicalAmount(c.investment.central),
      localGov: canonicalAmount(c.investment.localGov),
      social: canonicalAmount(c.investment.social),
    },
    centralArrangedUse: canonicalAmount(c.centralArrangedUse),
    statusNote: c.statusNote,
  };
  const items: Item[] = input.items.map((i) => ({
    seq: i.seq,
    category: i.category,
    name: i.name,
    target: i.target,
    completion: i.completion,
    completionRate: i.completionRate === null ? null : canonicalPercent(i.completionRate),
  }));
  const disbursements: Disbursement[] = input.disbursements.map((d) => {
    const actual = actualOf(d);
    const row: Disbursement = {
      seq: d.seq,
      category: d.category,
      name: d.name,
      planned: canonicalAmount(d.planned),
      actual: canonicalAmount(actual),
      rate: d.planned === null || actual === null ? null : rate(fen(actual), fen(d.planned)),
    };
    if (d.statedRate !== undefined) row.statedRate = d.statedRate;
    return row;
  });
  const planned = sumFen(input.disbursements.map((d) => fenOrZero(d.planned)));
  const actual = sumFen(disbursements.map((d) => fenOrZero(d.actual)));
  const totals: Totals = { planned: formatWan(planned), actual: formatWan(actual), rate: rate(actual, planned) };
  if (input.totals?.statedRate !== undefined) totals.statedRate = input.totals.statedRate;
  return {
    schema: SCHEMA_ID,
    county,
    items,
    disbursements,
    totals,
    disbursementSummary: disbursementSummary({ county: c, totals, asOf }, recordScript(input)),
    ...(asOf ? { asOf, payments: payments.map((p) => ({ ...p, amount: canonicalMoney(p.amount) })) } : {}),
    ...(input.performance
      ? { performance: computePerformance(input.performance, { central: county.investment.central, disbursed: totals.actual }) }
      : {}),
  };
}

/** The input part of a canonical record (drops what is computed). */
export function toInput(record: CountyRecord): RecordInput {
  const input: RecordInput = {
    county: record.county,
    items: record.items,
    disbursements: record.disbursements.map(({ rate: _rate, ...d }) => d),
  };
  if (record.totals.statedRate !== undefined) input.totals = { statedRate: record.totals.statedRate };
  if (record.payments?.length) input.payments = record.payments;
  if (record.performance) input.performance = performanceInputOf(record.performance);
  return input;
}
