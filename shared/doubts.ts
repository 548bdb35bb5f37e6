// Doubts of an import, as the preview and the CLI show them: each doubtful figure beside what the
// clerk saw in its cell, and the corrections a person can give a sheet's reading. The list of
// doubt codes and why each is one: shared/findings.ts (DOUBT_CODES) and docs/doubts.md.
import { z } from 'zod';

const units = z.enum(['wan', 'yuan', 'qian', 'yi']);
const column = z.string().regex(/^[A-Z]{1,3}$/);
const row = z.number().int().min(1).max(1_048_576);
/** The rows of a table's header band, as the person chose them (a band of at most 6 rows). */
const band = z
  .object({ top: row, bottom: row })
  .refine((b) => b.bottom >= b.top && b.bottom - b.top < 6, { message: 'bottom must be at or below top, at most 6 rows' });

/** Where the unit an amount was read in came from. */
export const unitFromSchema = z.object({
  /** header: the column's header (or the group over it); line: a unit line (单位：元); text: the cell's own text; default: none said, 万元 assumed. */
  kind: z.enum(['header', 'line', 'text', 'default']),
  cell: z.string().optional(),
  text: z.string().optional(),
});

/** One figure of a doubt: the cell, what it showed, the value read and the unit applied. */
export const figureSchema = z.object({
  sheet: z.string(),
  cell: z.string(),
  /** The cell's displayed text, its number format applied (what the clerk saw). */
  seen: z.string(),
  /** The value read, in 万元 for an amount; null when nothing was read from it. */
  read: z.string().nullable(),
  unit: units.nullable(),
  unitFrom: unitFromSchema.nullable(),
  /** A basic fact read from a paragraph or label: which (county.investment.central …); `seen` is the words around it. */
  field: z.string().optional(),
});

export const doubtSchema = z.object({
  /** Stable for the same finding of the same file: what a confirmation names. */
  id: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.string()),
  county: z.string().nullable(),
  batch: z.number().int().nullable(),
  file: z.string(),
  sheet: z.string(),
  cell: z.string().optional(),
  figures: z.array(figureSchema),
});

/** A person's corrections of one sheet's reading (columns by letter, rows by number). */
export const sheetCorrectionSchema = z.object({
  file: z.string().max(255),
  sheet: z.string().max(255),
  planned: column.optional(),
  actual: column.optional(),
  units: z.record(column, units).optional(),
  skipRows: z.array(row).max(1000).optional(),
  keepRows: z.array(row).max(1000).optional(),
  /** The rows of table 三's header (the table the amounts are read from). */
  header: band.optional(),
  /** Columns whose numbers are read as stored, not scaled as their number format shows them (`0\.0000`). */
  stored: z.array(column).max(50).optional(),
  /** The unit of the sheet's 拨付台账 金额 column (a ledger in 元 under a bare 金额 header). */
  ledgerUnit: units.optional(),
});

/**
 * A correction as remembered for a sheet's layout: columns and units as given; rows (left out,
 * read after all, the header band) by what they say — the texts of their cells, column by column
 * (`B:其中：上年结转`) — since the same form from another county has its rows elsewhere.
 */
export const layoutCorrectionSchema = z.object({
  planned: column.optional(),
  actual: column.optional(),
  units: z.record(column, units).optional(),
  stored: z.array(column).optional(),
  ledgerUnit: units.optional(),
  skipTexts: z.array(z.string()).optional(),
  keepTexts: z.array(z.string()).optional(),
  header: z.array(z.string()).optional(),
});

/** How a sheet was read: table 三's columns and units, its lines, what was left out, the correction applied. */
export const sheetReadingSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  /** The sheet's layout (its headings and shape), to which a confirmed correction is remembered. */
  layout: z.string().nullable(),
  correction: sheetCorrectionSchema.omit({ file: true, sheet: true }).nullable(),
  /** user: given in this preview; remembered: confirmed on an earlier import of this layout. */
  source: z.enum(['user', 'remembered']).nullable(),
  /** What importing with the person's correction remembers for the layout (null: nothing). */
  remember: layoutCorrectionSchema.nullable(),
  /** Table 三's header band as read, and the rows that could be a header (text only), for the person to choose. */
  header: z.object({ top: z.number().int(), bottom: z.number().int() }).nullable(),
  headerRows: z.array(z.object({ row: z.number().int(), text: z.string() })),
  columns: z.array(
    z.object({ col: column, text: z.string(), field: z.string().nullable(), unit: units.nullable(), unitFrom: unitFromSchema.nullable() }),
  ),
  lines: z.array(z.object({ row: z.number().int(), text: z.string(), leftOut: z.enum(['struck', 'hidden', 'user']).nullable() })),
  /** The sheet's 拨付台账: its 金额 column and the unit it was read in, for the person to correct. */
  ledger: z.object({ col: column, text: z.string(), unit: units, unitFrom: unitFromSchema.nullable() }).optional(),
});

export type Figure = z.infer<typeof figureSchema>;
export type UnitFrom = z.infer<typeof unitFromSchema>;
export type Doubt = z.infer<typeof doubtSchema>;
export type SheetCorrection = z.infer<typeof sheetCorrectionSchema>;
export type LayoutCorrection = z.infer<typeof layoutCorrectionSchema>;
export type SheetReading = z.infer<typeof sheetReadingSchema>;
