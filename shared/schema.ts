// The canonical county record (../spec/record.md): what crosses a boundary, as zod schemas. The
// computation lives in record.ts, which never loads zod, so reading records stays fast.
import { z } from 'zod';
import { CATEGORIES, hasXmlUnsafe } from './text';
import { isDateText } from './dates';
import { isDay } from './ledger';
import { performanceInputSchema } from './performance-schema';

/** Money in 万元 as a decimal string, exact to 1 分 (6 decimals), never negative. */
export const moneySchema = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,6})?$/, { message: 'money: a non-negative decimal string in 万元, at most 6 decimals' });
/** A sum of amounts: exact, of any size (only single amounts are capped). */
export const totalMoneySchema = z
  .string()
  .regex(/^\d{1,40}(\.\d{1,6})?$/, { message: 'money: a non-negative decimal string in 万元, at most 6 decimals' });
/** A percent as a decimal string ("90", "82.6"). */
export const percentSchema = z.string().regex(/^-?\d{1,6}(\.\d{1,6})?$/, { message: 'percent: a decimal string' });
export const dateSchema = z.string().refine(isDateText, { message: 'date: a real date, YYYY, YYYY-MM or YYYY-MM-DD (1900–2100)' });
export const categorySchema = z.enum(CATEGORIES);
/**
 * getRecord's `seen`, sent back with a change from the screen: what another window or person changed after
 * it is refused (edit_conflict), naming the field, who and when. Without it (the command line) nothing is checked.
 */
export const seenSchema = z.number().int().min(0).optional();
const seqSchema = z.number().int().min(0).max(1_000_000);
/** Text an xlsx can hold: what cannot be written to Excel is refused at the boundary. */
const xmlSafe = <T extends z.ZodString>(s: T) =>
  s.refine((t) => !hasXmlUnsafe(t), { message: 'text: holds a character Excel cannot store (a control character, U+FFFE or U+FFFF)' });
const longText = xmlSafe(z.string().max(100_000));
const shortText = xmlSafe(z.string().max(100));

export const countySchema = z.object({
  name: xmlSafe(z.string().trim().min(1).max(100)),
  province: shortText.nullable(),
  prefecture: shortText.nullable(),
  batch: z.number().int().min(1).max(99),
  year: z.number().int().min(1990).max(2100),
  approvedOn: dateSchema.nullable(),
  acceptedOn: dateSchema.nullable(),
  // Each may be null where the source does not give it: the record is then incomplete (a warning).
  investment: z.object({
    total: moneySchema.nullable(),
    central: moneySchema.nullable(),
    localGov: moneySchema.nullable(),
    social: moneySchema.nullable(),
  }),
  centralArrangedUse: moneySchema.nullable(),
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
  /** Null while not entered. */
  planned: moneySchema.nullable(),
  actual: moneySchema.nullable(),
  statedRate: percentSchema.optional(),
});

/** A payment of a disbursement line (the line by its 序号): a day, a positive amount, who and why. */
export const paymentSchema = z.object({
  line: seqSchema,
  date: z.string().refine(isDay, { message: 'date: a real day, YYYY-MM-DD' }),
  amount: moneySchema.refine((m) => /[1-9]/.test(m), { message: 'money: a payment is more than 0' }),
  payee: shortText,
  voucher: xmlSafe(z.string().max(100)),
  stage: shortText,
  note: longText,
});

/** A record as written by a person or an import; computed fields, if present, are ignored. */
export const recordInputSchema = z.object({
  county: countySchema,
  items: z.array(itemSchema).max(5000),
  disbursements: z.array(disbursementInputSchema).max(5000),
  totals: z.object({ statedRate: percentSchema.optional() }).optional(),
  /** The ledger, when the record keeps one. */
  payments: z.array(paymentSchema).max(100_000).optional(),
  /** 四、绩效自评, when the record keeps one. */
  performance: performanceInputSchema.optional(),
});

export type County = z.infer<typeof countySchema>;
export type Item = z.infer<typeof itemSchema>;
export type DisbursementInput = z.infer<typeof disbursementInputSchema>;
export type RecordInput = z.infer<typeof recordInputSchema>;
export type PaymentInput = z.infer<typeof paymentSchema>;
