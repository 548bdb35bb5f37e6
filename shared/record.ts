// The canonical county acceptance record (../spec/record.md): zod schemas for what crosses a
// boundary, and the computation of rates, totals and the summary sentence.
import { z } from 'zod';
import { formatWan, parseMoney, rate, sumFen, canonicalPercent } from './money';
import { CATEGORIES, detectScript, type Script } from './text';
import { disbursementSummary } from './document';

export const SCHEMA_ID = 'yanshou/county-acceptance@1';

/** Money in 万元 as a decimal string, exact to 1 分 (6 decimals), never negative. */
export const moneySchema = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,6})?$/, { message: 'money: a non-negative decimal string in 万元, at most 6 decimals' });
/** A percent as a decimal string ("90", "82.6"). */
export const percentSchema = z.string().regex(/^-?\d{1,6}(\.\d{1,6})?$/, { message: 'percent: a decimal string' });
export const dateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, { message: 'date: YYYY, YYYY-MM or YYYY-MM-DD' });
export const categorySchema = z.enum(CATEGORIES);
const seqSchema = z.number().int().min(0).max(1_000_000);
const longText = z.string().max(100_000);

export const countySchema = z.object({
  name: z.string().trim().min(1).max(100),
  province: z.string().max(100).nullable(),
  prefecture: z.string().max(100).nullable(),
  batch: z.number().int().min(1).max(99),
  year: z.number().int().min(1990).max(2100),
  approvedOn: dateSchema.nullable(),
  acceptedOn: dateSchema.nullable(),
  investment: z.object({ total: moneySchema, central: moneySchema, localGov: moneySchema, social: moneySchema }),
  centralArrangedUse: moneySchema,
  statusNote: longText,
});

export const itemSchema = z.object({
  seq: seqSchema,
  category: categorySchema,
  name: longText,
  target: longText,
  completion: longText,
  completionRate: percentSchema.nullable(),
});

export const disbursementInputSchema = z.object({
  seq: seqSchema,
  category: categorySchema,
  name: longText,
  planned: moneySchema,
  actual: moneySchema,
  statedRate: percentSchema.optional(),
});

/** A record as written by a person or an import; computed fields, if present, are ignored. */
export const recordInputSchema = z.object({
  county: countySchema,
  items: z.array(itemSchema).max(5000),
  disbursements: z.array(disbursementInputSchema).max(5000),
  totals: z.object({ statedRate: percentSchema.optional() }).optional(),
});

export type County = z.infer<typeof countySchema>;
export type Item = z.infer<typeof itemSchema>;
export type DisbursementInput = z.infer<typeof disbursementInputSchema>;
export type RecordInput = z.infer<typeof recordInputSchema>;

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
const canonicalMoney = (money: string): string => formatWan(fen(money));

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
