// The import preview's rules as plain functions, with no React: which choices a preview offers, what
// holds the commit back, which sheets are offered for correction, which doubts are confirmed, what a
// record's changes and a sheet's correction say in words. ImportDialog.tsx holds the state and calls
// these; test/unit/renderer/import-preview.test.ts tests them.
import type { SheetCorrection, SheetReading } from '../../../shared/doubts';
import type { Output } from '../../../shared/contract';
import type { Strings } from '../strings';
import { amountColumns, columnOf, headerBand, rowRead, unitOf } from './correction';

export type ImportResult = Output<'importWorkbooks'>;
export type Planned = ImportResult['records'][number];
export type Doubt = ImportResult['doubts'][number];
export type ImportFinding = ImportResult['findings'][number];
export type LedgerChoice = 'auto' | 'keep' | 'file' | 'remove';
export type Units = keyof Strings['importDoubts']['units'];

/** A sheet of a file (a reading, a doubt, a correction), as one key. */
export const sheetKey = (r: { file: string; sheet: string }): string => `${r.file}\u0000${r.sheet}`;

/** The ledger choice shown: the one made, else what the import does by itself with the records' payments. */
export function ledgerShown(ledger: LedgerChoice, records: readonly Planned[]): Exclude<LedgerChoice, 'auto'> {
  if (ledger !== 'auto') return ledger;
  const derived = records.find((r) => r.ledger && r.ledger.result !== 'unchanged')?.ledger?.result;
  return derived === 'replaced' ? 'file' : derived === 'removed' ? 'remove' : 'keep';
}

/** The doubts confirmed after ticking (`on`) or unticking `ids`. */
export function toggled(confirmed: ReadonlySet<string>, ids: readonly string[], on: boolean): Set<string> {
  const next = new Set(confirmed);
  for (const id of ids)
    if (on) next.add(id);
    else next.delete(id);
  return next;
}

/** A confirmation stands for the doubt as shown: one that is gone after a re-read goes with it. */
export const stillConfirmed = (confirmed: ReadonlySet<string>, doubts: readonly Doubt[]): Set<string> =>
  new Set(doubts.filter((d) => confirmed.has(d.id)).map((d) => d.id));

export const openDoubts = (doubts: readonly Doubt[], confirmed: ReadonlySet<string>): number =>
  doubts.filter((d) => !confirmed.has(d.id)).length;

/** What a sheet's correction panel shows: the columns of 计划 and 实际, each amount column's unit, the header rows, the rows read, the columns read as stored. */
function shownReading(reading: SheetReading, draft: SheetCorrection): string {
  const units = amountColumns(reading).map((c) => unitOf(reading, draft, c.col));
  const rows = reading.lines.map((l) => rowRead(draft, l.row, l.leftOut));
  const stored = [...(draft.stored ?? [])].sort();
  const ledger = draft.ledgerUnit ?? reading.ledger?.unit ?? null;
  return JSON.stringify([
    ledger,
    columnOf(reading, draft, 'planned'),
    columnOf(reading, draft, 'actual'),
    units,
    headerBand(reading, draft),
    rows,
    stored,
  ]);
}

/**
 * The sheets whose correction panel shows another reading than the one previewed: set on screen, not yet
 * read again. While there are any, what the preview lists is not what the panel says, and nothing may be written.
 */
export function unappliedSheets(preview: ImportResult | null, drafts: Readonly<Record<string, SheetCorrection>>): string[] {
  return (preview?.readings ?? [])
    .filter((r) => {
      const draft = drafts[sheetKey(r)];
      return draft !== undefined && shownReading(r, draft) !== shownReading(r, { file: r.file, sheet: r.sheet, ...r.correction });
    })
    .map((r) => r.sheet);
}

/** What the preview offers and whether it may be written (`drafts`: corrections set on screen, not yet read again). */
export function previewState(
  preview: ImportResult | null,
  confirmed: ReadonlySet<string>,
  drafts: Readonly<Record<string, SheetCorrection>> = {},
) {
  const records = preview?.records ?? [];
  const hasErrors = (preview?.findings ?? []).some((f) => f.severity === 'error');
  // Only doubts hold it once nothing else does: when each is confirmed, the import may write.
  const blocked = !preview || records.length === 0 || hasErrors || records.some((r) => r.action === 'rejected' || r.action === 'conflict');
  return {
    hasErrors,
    hasConflicts: records.some((r) => r.existingId !== undefined),
    withPayments: records.some((r) => r.ledger && (r.ledger.stored > 0 || r.ledger.file > 0)),
    open: openDoubts(preview?.doubts ?? [], confirmed),
    unapplied: unappliedSheets(preview, drafts),
    writable: !blocked && openDoubts(preview?.doubts ?? [], confirmed) === 0 && unappliedSheets(preview, drafts).length === 0,
  };
}

/** Sheets to correct: those with a doubt or an error (a header misread shows as one), or read with a correction. */
export function sheetsToCorrect(preview: ImportResult | null): SheetReading[] {
  if (!preview) return [];
  const errors = preview.findings.filter((f) => f.severity === 'error' && f.file && f.sheet);
  const doubtful = new Set([...preview.doubts.map(sheetKey), ...errors.map((f) => sheetKey({ file: f.file!, sheet: f.sheet! }))]);
  return preview.readings.filter((r) => doubtful.has(sheetKey(r)) || r.source);
}

/** Columns whose format shows their numbers scaled (a scaled_format doubt, or read as stored before). */
export function scaledColumns(reading: SheetReading, doubts: readonly Doubt[]): string[] {
  const doubted = doubts
    .filter((x) => x.code === 'scaled_format' && sheetKey(x) === sheetKey(reading) && x.cell)
    .map((x) => /^[A-Z]+/.exec(x.cell!)![0]);
  return [...new Set([...doubted, ...(reading.correction?.stored ?? [])])];
}

/** The findings listed below the doubts: each doubt is shown once, in the doubts' table. */
export const findingsBesideDoubts = (findings: readonly ImportFinding[], doubts: readonly Doubt[]): ImportFinding[] =>
  findings.filter((f) => !doubts.some((d) => d.code === f.code && d.cell === f.cell && d.sheet === f.sheet && d.file === f.file));

/** The corrections to read with: the drafts replace the corrections of their sheets. */
export const withDrafts = (
  corrections: readonly SheetCorrection[],
  drafts: Readonly<Record<string, SheetCorrection>>,
): SheetCorrection[] => [...corrections.filter((c) => !drafts[sheetKey(c)]), ...Object.values(drafts)];

/** The corrections to read with when a sheet's remembered correction is dropped (an empty one for it). */
export const withoutRemembered = (corrections: readonly SheetCorrection[], r: { file: string; sheet: string }): SheetCorrection[] => [
  ...corrections.filter((x) => sheetKey(x) !== sheetKey(r)),
  { file: r.file, sheet: r.sheet },
];

/** A replaced record's changes in words: the sums that change ("计划 10.00 → 12.00"); `same` when nothing does. */
export function changeWords(c: NonNullable<Planned['changes']>, t: Strings): { amounts: string[]; same: boolean } {
  const col = t.importColumns;
  const amounts: string[] = c.place ? [t.importChanges.place(c.place.before, c.place.after)] : [];
  if (c.totals.planned[0] !== c.totals.planned[1]) amounts.push(`${col.planned} ${c.totals.planned[0]} → ${c.totals.planned[1]}`);
  if (c.totals.actual[0] !== c.totals.actual[1]) amounts.push(`${col.actual} ${c.totals.actual[0]} → ${c.totals.actual[1]}`);
  if (c.totals.rate[0] !== c.totals.rate[1]) amounts.push(`${col.rate} ${c.totals.rate[0] ?? '—'} → ${c.totals.rate[1] ?? '—'}`);
  const same =
    amounts.length === 0 &&
    c.lines.length === 0 &&
    !c.items.added &&
    !c.items.removed &&
    !c.disbursements.added &&
    !c.disbursements.removed;
  return { amounts, same };
}

/** Where a figure's unit was read from, in words. */
export function unitFromText(f: Doubt['figures'][number], t: Strings): string {
  const u = f.unitFrom;
  if (!u) return '';
  const from = t.importDoubts.from;
  if (u.kind === 'header') return from.header(u.cell ?? '', u.text ?? '');
  if (u.kind === 'line') return from.line(u.cell ?? '', u.text ?? '');
  return u.kind === 'text' ? from.text() : from.default();
}

/** A sheet's correction in words: 计划安排额度在 D 列;C 列单位为元. */
export function correctionWords(c: SheetReading['correction'], t: Strings): string {
  if (!c) return '';
  const w = t.importDoubts.words;
  const parts: string[] = [];
  if (c.planned) parts.push(w.planned(c.planned));
  if (c.actual) parts.push(w.actual(c.actual));
  for (const [col, u] of Object.entries(c.units ?? {})) parts.push(w.unit(col, t.importDoubts.units[u as Units]));
  if (c.header) parts.push(w.header(c.header.top, c.header.bottom));
  for (const col of c.stored ?? []) parts.push(w.stored(col));
  if (c.skipRows?.length) parts.push(w.skip(c.skipRows.length));
  if (c.keepRows?.length) parts.push(w.keep(c.keepRows.length));
  if (c.ledgerUnit) parts.push(w.ledger(t.importDoubts.units[c.ledgerUnit as Units]));
  return parts.join(';');
}
