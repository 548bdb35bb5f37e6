// The contract's methods of 四、绩效自评 (spread into contract.ts): each one undoable step.
import { z } from 'zod';
import { INDICATOR_FIELD_NAMES, PERFORMANCE_FIELD_NAMES } from './performance-names';
import { seenSchema } from './schema';
import { FILLS } from './steps';

const id = z.number().int().positive();
/**
 * A value as typed: text, or a number read as the digits it is written with (its shortest decimal form), as typed
 * text is — 1.2345675 is refused as finer than 1 分 and 5e-7 as no amount, never rounded to 1.234568 or 0 without a word.
 */
export const rawValue = z.union([
  z.string().max(100_000),
  z
    .number()
    .finite()
    .transform((n) => String(n)),
  z.null(),
]);
const indicatorField = z.enum(INDICATOR_FIELD_NAMES);

export const PERFORMANCE_METHODS = {
  /** Fields of the part (money, 其中 rows, goals, weights, stated values); the part is made if there is none. */
  editPerformance: {
    input: z.object({
      recordId: id,
      edits: z
        .array(z.object({ field: z.enum(PERFORMANCE_FIELD_NAMES), value: rawValue }))
        .min(1)
        .max(100),
      seen: seenSchema,
    }),
    output: z.object({ ok: z.literal(true) }),
  },
  /** Indicator cells typed, pasted or cleared, and rows added. */
  editIndicators: {
    input: z.object({
      recordId: id,
      edits: z.array(z.object({ rowId: id, field: indicatorField, value: rawValue })).max(100_000),
      append: z.array(z.partialRecord(indicatorField, rawValue)).max(2000).default([]),
      clear: z.boolean().default(false),
      seen: seenSchema,
      /** The edits fill a block (Ctrl+D down, Ctrl+R right): the step is named so. */
      fill: z.enum(FILLS).optional(),
    }),
    output: z.object({ ok: z.literal(true), appended: z.array(id) }),
  },
  insertIndicators: {
    input: z.object({ recordId: id, index: z.number().int().min(0), count: z.number().int().min(1).max(1000), seen: seenSchema }),
    output: z.object({ rowIds: z.array(id) }),
  },
  deleteIndicators: {
    input: z.object({ recordId: id, rowIds: z.array(id).min(1).max(100_000), seen: seenSchema }),
    output: z.object({ ok: z.literal(true) }),
  },
  /** Starts the part (money from the record, default weights); `draft`: indicators drafted from table 二. */
  draftPerformance: { input: z.object({ recordId: id, draft: z.boolean().default(true) }), output: z.object({ rowIds: z.array(id) }) },
} as const;
