// The canonical county acceptance record (../spec/record.md): its types, and the computation of
// rates, totals and the summary sentence. The zod schemas that check it at every boundary are in
// schema.ts: reading and computing records never loads zod.
import { formatWan, parseMoney, rate, sumFen, canonicalPercent } from './money';
import { detectScript, type Script } from './text';
import { disbursementSummary } from './document';
import type { County, DisbursementInput, Item, RecordInput } from './schema';

export type { County, DisbursementInput, Item, RecordInput } from './schema';

export const SCHEMA_ID = 'yanshou/county-acceptance@1';

export type Disbursement = {
  seq: number;
  category: DisbursementInput['category'];
  name: string;
  planned: string;
  actual: string;
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
};

export const fen = (money: string): bigint => {
  const parsed = parseMoney(money);
  if (!parsed.ok) throw new Error(`not a money string: ${money}`);
  return parsed.value;
};
/** Canonical 万元 text: most amounts already are (no leading or trailing zeros), so they are kept as they are. */
const CANONICAL = /^(0|[1-9]\d{0,8})(\.\d{0,5}[1-9])?$/;
const canonicalMoney = (money: string): string => (CANONICAL.test(money) ? money : formatWan(fen(money)));

/** The script a record's generated sentences use: that of the text it was written in. */
export function recordScript(input: Pick<RecordInput, 'county' | 'items' | 'disbursements'>): Script {
  const sample = [input.county.name, input.county.statusNote, ...input.items.map((i) => i.name), ...input.disbursements.map((d) => d.name)];
  return detectScript(sample.join(''));
}

/** The full canonical record, in the key order of record.md, with every computed field. */
export function computeRecord(input: RecordInput): CountyRecord {
  const c = input.county;
  const county: County = {
    name: c.name,
    province: c.province,
    prefecture: c.prefecture,
    batch: c.batch,
    year: c.year,
    approvedOn: c.approvedOn,
    acceptedOn: c.acceptedOn,
    investment: {
      total: canonicalMoney(c.investment.total),
      central: canonicalMoney(c.investment.central),
      localGov: canonicalMoney(c.investment.localGov),
      social: canonicalMoney(c.investment.social),
    },
    centralArrangedUse: canonicalMoney(c.centralArrangedUse),
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
    const row: Disbursement = {
      seq: d.seq,
      category: d.category,
      name: d.name,
      planned: canonicalMoney(d.planned),
      actual: canonicalMoney(d.actual),
      rate: rate(fen(d.actual), fen(d.planned)),
    };
    if (d.statedRate !== undefined) row.statedRate = d.statedRate;
    return row;
  });
  const planned = sumFen(input.disbursements.map((d) => fen(d.planned)));
  const actual = sumFen(input.disbursements.map((d) => fen(d.actual)));
  const totals: Totals = { planned: formatWan(planned), actual: formatWan(actual), rate: rate(actual, planned) };
  if (input.totals?.statedRate !== undefined) totals.statedRate = input.totals.statedRate;
  return {
    schema: SCHEMA_ID,
    county,
    items,
    disbursements,
    totals,
    disbursementSummary: disbursementSummary(totals, recordScript(input)),
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
  return input;
}
