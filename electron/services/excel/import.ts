// Import: workbooks → records, with a preview of what would be created, replaced or skipped and
// every finding pinned to file, sheet and cell; then one transaction for all files, or nothing.
// The stages: read (zip.ts, read.ts, sheet-reader.ts) → grid (cells.ts) → locate (locate.ts, with header.ts
// and rows.ts) → facts (facts.ts) → record (assemble.ts) → account (account.ts).
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { finding, hasErrors, type Finding } from '../../../shared/findings';
import { countyKey, fold } from '../../../shared/text';
import { computeRecord, type CountyRecord, type RecordInput } from '../../../shared/record';
import { mutate, type Actor } from '../store/changelog';
import { withBackup } from '../store/backup';
import { findRecordIds, insertRecord, readRecord, removeRecord } from '../store/records';
import type { Place } from '../../../shared/accounts';
import { readStatus } from '../store/status';
import { rememberedLayouts, rememberLayout } from '../store/layouts';
import type { DB } from '../store/database';
import { colName, gridOf, holdsNumber, statedUnit, unitOf, type Cell, type Grid } from './cells';
import { META_SCHEMA, META_SHEET, type SheetMeta } from './layout';
import { locate, type Block, type SheetLayout } from './locate';
import { account } from './account';
import { assemble, type ReadRecord, type UnitRead } from './assemble';
import { readBook, type Book, type BookSheet } from './sheet-reader';
import { readWorkbooksIsolated, type FileRead } from './isolated';
import { notACounty, rollupMismatches, rollupShape, sheetNotRead, summaryOnly, type Rollup } from './sheet-kind';
import {
  correctedGrid,
  isEmptyCorrection,
  layoutKey,
  localized,
  portable,
  type LayoutCorrection,
  type SheetCorrection,
} from './corrections';
import { doubtsOf, sheetReading } from './doubts';
import { drawingTexts } from './drawings';
import type { Doubt, SheetReading } from '../../../shared/doubts';
import { maxOf, pushAll } from '../../../shared/arrays';
import { printableName } from '../../../shared/names';
import { attachPerformance, isPerformanceSheet, readPerformanceSheet } from './performance';
import type { PerformanceMeta } from './performance-export';

export type { ReadRecord, UnitRead } from './assemble';

export type ImportFile = { name: string; bytes: Uint8Array };
export type OnConflict = 'fail' | 'skip' | 'replace';
/** held: read, but a doubt of its reading is not yet confirmed by a person; nothing of it is written. */
export type ImportAction = 'created' | 'replaced' | 'skipped' | 'conflict' | 'rejected' | 'held';
/**
 * What replacing a record does to its stored payments (拨付台账): keep them (on the lines of the same
 * 序号), replace them by the file's ledger, or remove them. auto: the file's ledger if it has one, else keep.
 */
export type LedgerChoice = 'auto' | 'keep' | 'file' | 'remove';
/** What a replace did (or would do) to the ledger: the payments stored, in the file, and the outcome. */
export type LedgerOutcome = { stored: number; file: number; result: 'kept' | 'replaced' | 'removed' | 'unchanged' };
/** Doubts a person confirmed: 'all' (the CLI's --accept-warnings), or each by its id as the preview showed it. */
export type Confirmed = 'all' | string[];
export type ImportOptions = {
  skipUnreadable?: boolean;
  corrections?: SheetCorrection[];
  confirm?: Confirmed;
  ledger?: LedgerChoice;
  /** A signed-in user's scope (../policy.ts): a county outside it is refused by what the file says, before any stored record is looked at. */
  scope?: { name: string; holds: (place: Place) => boolean };
};

function readMeta(book: Book): Map<string, SheetMeta> {
  const meta = new Map<string, SheetMeta>();
  const sheet = book.sheets.find((s) => s.name === META_SHEET);
  const grid = sheet?.grid();
  const text = (r: number, c: number) => grid?.at(r, c)?.text ?? '';
  if (!grid || text(1, 1) !== META_SCHEMA) return meta;
  for (const r of grid.rows) {
    if (r === 1) continue;
    try {
      meta.set(text(r, 1), JSON.parse(text(r, 2)) as SheetMeta);
    } catch {
      // A damaged metadata row only loses what the visible cells cannot say.
    }
  }
  return meta;
}

/** A person's corrections of sheets, and the corrections remembered for layouts (by layout key). */
export type ReadOptions = { corrections?: SheetCorrection[]; remembered?: Record<string, LayoutCorrection> };

/** Reads every county of one workbook (on the import worker: see isolated.ts). */
export async function readWorkbook(file: ImportFile, options: ReadOptions = {}): Promise<ReadRecord[]> {
  // The tests may ask that every workbook they import be read by exceljs too, and the grids compared.
  if (process.env.YANSHOU_CHECK_READER) {
    const { readerDifferences } = await import('./reader-check');
    const differences = await readerDifferences(file);
    if (differences.length) throw new Error(`the two readers differ:\n${differences.join('\n')}`);
  }
  return readBookRecords(await readBook(file), file.name, options);
}

/** Every county of a workbook loaded by exceljs (the reference reader). */
export function readLoadedWorkbook(workbook: ExcelJS.Workbook, file: string, options: ReadOptions = {}): ReadRecord[] {
  const sheets = workbook.worksheets.map((s) => ({ name: s.name, state: s.state, grid: () => gridOf(s) }));
  return readBookRecords({ sheets, drawings: drawingTexts(workbook) }, file, options);
}

const OWN_SUMMARY_SHEETS = new Set(['汇总']);

/** Every county of a workbook; each finding pinned to file, sheet and cell. */
export function readBookRecords(book: Book, file: string, options: ReadOptions = {}): ReadRecord[] {
  const meta = readMeta(book);
  // Yanshou's own 汇总 sheet (an export of several counties) repeats what the county sheets say.
  const own = (name: string) => meta.size > 0 && OWN_SUMMARY_SHEETS.has(fold(name));
  const visible = book.sheets.filter((s) => s.name !== META_SHEET && s.state === 'visible' && !own(s.name));
  // Each visible sheet's grid, read once: what the clerk saw in a cell a doubt is about.
  const grids = new Map<string, Grid>();
  const gridFor = (sheet: BookSheet): Grid => {
    let grid = grids.get(sheet.name);
    if (!grid) grids.set(sheet.name, (grid = sheet.grid()));
    return grid;
  };
  // 四、绩效自评: a 绩效自评表 sheet is a county's performance part, read by its own reader (performance.ts).
  const performanceSheets = visible.filter((s) => isPerformanceSheet(s.name, gridFor(s)));
  const performanceReads = performanceSheets.map((s) =>
    readPerformanceSheet(gridFor(s), file, (meta.get(s.name) as Partial<PerformanceMeta> | undefined)?.performance),
  );
  const sheets = visible.filter((s) => !performanceSheets.includes(s));
  const blockFindings = new Map<Block, Finding[]>();
  const blocks: Block[] = [];
  // A sheet that yields nothing but holds numbers is named, so nothing is dropped unseen.
  const ignoredSheets: Finding[] = [];
  // A hidden sheet is not read, never quietly: one holding a table or a ledger is refused (which
  // is meant, it or its visible twin, no reader can tell); one holding other numbers is told.
  // Sheets that are no county's (a roll-up, a cover, 填表说明, a 拨付明细表): told once each, never read.
  const rollups: { sheet: string; shape: Rollup }[] = [];
  const notCounty = (sheet: { name: string }, layout: SheetLayout): boolean => {
    const kind = notACounty(sheet.name, layout);
    if (!kind) return false;
    ignoredSheets.push(sheetNotRead(file, sheet.name, kind.kind, kind.cell));
    const shape = kind.kind === 'rollup' ? rollupShape(layout.grid) : undefined;
    if (shape) rollups.push({ sheet: sheet.name, shape });
    return true;
  };
  for (const sheet of book.sheets.filter((s) => s.name !== META_SHEET && s.state !== 'visible' && !own(s.name))) {
    const layout = locate(sheet.grid(), file);
    if (notCounty(sheet, layout)) continue;
    const table = layout.blocks.flatMap((b) => b.tables)[0];
    const first = firstNumber(layout.grid);
    if (table) ignoredSheets.push({ ...finding('hidden_table', {}), file, sheet: sheet.name, cell: table.header.nameCell.address });
    else if (first)
      ignoredSheets.push({
        ...finding('ignored_cell', { value: first.text, reason: 'hidden' }),
        file,
        sheet: sheet.name,
        cell: first.address,
      });
  }
  const readings = new Map<string, SheetReading>();
  const sheetFindings: Finding[] = [];
  for (const sheet of sheets) {
    const raw = gridFor(sheet);
    const firstRead = locate(raw, file);
    if (notCounty(sheet, firstRead)) continue;
    // The sheet as the person corrected it (or a correction remembered for its layout), deleted
    // lines and hidden data left out: read again only where that changes the grid.
    const key = layoutKey(firstRead);
    const own = options.corrections?.find((c) => c.file === file && c.sheet === sheet.name);
    const remembered = !own && key ? options.remembered?.[key] : undefined;
    // A remembered correction finds its rows (left out, kept, the header band) by what they say.
    const local = remembered ? localized(remembered, raw) : undefined;
    const applied =
      own && !isEmptyCorrection(own)
        ? { correction: own, source: 'user' as const, remember: portable(own, raw) }
        : local && !isEmptyCorrection(local)
          ? { correction: local, source: 'remembered' as const, remember: null }
          : undefined;
    const corrected = correctedGrid(raw, file, applied?.correction, firstRead);
    const header = applied?.correction.header;
    const layout = corrected.grid === raw && !header ? firstRead : locate(corrected.grid, file, header);
    const marks = new Map(
      corrected.findings
        .filter((f) => f.code === 'struck_row' || f.code === 'hidden_row')
        .map((f) => [
          Number(f.params.row),
          { text: f.params.value, why: f.code === 'struck_row' ? ('struck' as const) : ('hidden' as const) },
        ]),
    );
    const leftOut = corrected.leftOut.map((row) => ({
      row,
      text:
        marks.get(row)?.text ??
        raw
          .row(row)
          .map((c) => c.text)
          .join(' ')
          .slice(0, 40),
      why: marks.get(row)?.why ?? ('user' as const),
    }));
    if (layout.tables.length) readings.set(sheet.name, sheetReading(raw, file, key, layout.tables, applied, leftOut));
    // A text box or shape on the sheet: a unit it names is checked against the amounts read; any other text is told.
    for (const text of book.drawings?.get(sheet.name) ?? []) {
      const unit = statedUnit(text) ?? unitOf(text);
      const read = [...new Set(layout.tables.flatMap((t) => [...t.units]))];
      const cell = layout.tables.find((t) => t.kind === 'disbursements')?.header.nameCell.address;
      if (unit && read.length > 0 && read.some((u) => u !== unit))
        sheetFindings.push({
          ...finding('drawing_unit', { value: text.slice(0, 60), unit, read: read.find((u) => u !== unit)! }),
          file,
          sheet: sheet.name,
          ...(cell ? { cell } : {}),
        });
      else if (text.trim()) sheetFindings.push({ ...finding('drawing_note', { value: text.slice(0, 60) }), file, sheet: sheet.name });
    }
    pushAll(layout.findings, corrected.findings);
    // A figure read from a hidden column is hidden data: never silently part of a figure.
    for (const t of layout.tables)
      for (const field of ['planned', 'actual', 'amount'] as const) {
        const col = t.header.columns[field];
        if (col === undefined || !raw.hiddenColumns.has(col)) continue;
        const head = layout.grid.cover(t.header.bottom, col);
        const at = head?.address ?? t.header.nameCell.address;
        layout.findings.push({
          ...finding('hidden_column', { field, column: colName(col), value: head?.text ?? '' }),
          file,
          sheet: sheet.name,
          cell: at,
        });
      }
    // Our own export keeps the stored name; it stands in only where the visible cells name none.
    const metaName = meta.get(sheet.name)?.name;
    const only = layout.blocks.length === 1 ? layout.blocks[0] : undefined;
    if (metaName && only && only.facts.values.name === undefined) only.facts.set('name', metaName, only.factsCell ?? 'A1');
    distribute(layout, [...layout.findings, ...account(layout, file, summaryOnly(sheet.name, layout))], blockFindings);
    pushAll(blocks, layout.blocks);
    if (layout.blocks.length) continue;
    const first = firstNumber(layout.grid);
    // A ledger this reader could not make out is refused, never dropped with its payments.
    if (first && looksLikeLedger(sheet.name, layout.grid))
      ignoredSheets.push({ ...finding('ledger_unread', { value: first.text }), file, sheet: sheet.name, cell: first.address });
    else if (first)
      ignoredSheets.push({
        ...finding('ignored_cell', { value: first.text, reason: 'sheet' }),
        file,
        sheet: sheet.name,
        cell: first.address,
      });
  }
  const named = blocks.filter((b) => b.facts.values.name);
  // Facts of a county on a sheet of their own join the tables of the same county elsewhere.
  const joins = new Map<Block, Block>();
  for (const facts of named.filter((b) => b.tables.length === 0)) {
    const same = named.filter(
      (b) =>
        b.tables.length > 0 &&
        countyKey(b.facts.values.name!) === countyKey(facts.facts.values.name!) &&
        (b.facts.values.batch ?? facts.facts.values.batch) === (facts.facts.values.batch ?? b.facts.values.batch),
    );
    if (same.length === 1) joins.set(facts, same[0]);
  }
  const anchors = named.filter((b) => !joins.has(b));
  const groups = new Map<Block, Block[]>(anchors.map((a) => [a, [a]]));
  for (const [facts, home] of joins) groups.get(home)!.push(facts);
  const out: ReadRecord[] = [];
  // Findings of facts no county claims are shown with the first county, never dropped.
  const strays: Finding[] = [];
  for (const block of blocks) {
    if (groups.has(block) || joins.has(block)) continue;
    const ledgerOnly = block.tables.length > 0 && block.tables.every((t) => t.kind === 'payments');
    const home = ledgerOnly
      ? ledgerHome(block, anchors)
      : anchors.length === 1
        ? anchors[0]
        : anchors.find((a) => countyKey(a.facts.values.name!) === countyKey(block.sheet));
    if (home) groups.get(home)!.push(block);
    else if (!block.tables.length) pushAll(strays, blockFindings.get(block) ?? []);
    else if (ledgerOnly) {
      // A ledger no county claims is refused, never dropped and never given to a guess.
      const counties = anchors.map((a) => a.facts.values.name!).join('、') || '—';
      const cell = block.tables[0].header.nameCell.address;
      out.push({
        file,
        sheet: block.sheet,
        input: null,
        unit: null,
        findings: [...(blockFindings.get(block) ?? []), { ...finding('ledger_unclaimed', { counties }), file, sheet: block.sheet, cell }],
      });
    } else {
      // Tables no county title or facts claim: no cell says which county they are; named at the
      // facts it has, else at its first table.
      const cell = block.factsCell ?? block.tables[0].header.nameCell.address;
      out.push({
        file,
        sheet: block.sheet,
        input: null,
        unit: null,
        findings: [
          ...(blockFindings.get(block) ?? []),
          { ...finding('missing_fact', { field: 'county.name', key: 'true' }), severity: 'error', file, sheet: block.sheet, cell },
        ],
      });
    }
  }
  for (const [anchor, parts] of groups) {
    // Our export's hidden facts are the county's it was written for: a sheet reused as another
    // county's form (its title changed) gets none of them (not 樟树市's province for 寻乌县).
    const own = meta.get(anchor.sheet);
    const fits = own && (!own.name || countyKey(own.name) === countyKey(anchor.facts.values.name!));
    const names = new Set(parts.map((p) => p.sheet));
    const partFindings = [...parts.flatMap((p) => blockFindings.get(p) ?? []), ...sheetFindings.filter((f) => names.has(f.sheet!))];
    const record = assemble(file, anchor, parts, fits ? own : undefined, partFindings);
    record.doubts = doubtsOf((name) => grids.get(name), record.findings, parts, record.input, record.county);
    record.readings = [...names].flatMap((n) => (readings.has(n) ? [readings.get(n)!] : []));
    out.push(record);
  }
  // A roll-up's figures against the counties' own: a warning with the county, never a record.
  const read = out
    .filter((r) => r.input && r.totalsAt)
    .map((r) => ({ name: r.input!.county.name, input: r.input!, sheet: r.totalsAt!.sheet, cells: r.totalsAt! }));
  for (const { sheet, shape } of rollups)
    for (const m of rollupMismatches(file, sheet, shape, read))
      out.find((r) => r.input?.county.name === m.county)!.findings.push(m.finding);
  if (out.length === 0) {
    const none: ReadRecord[] = [
      {
        file,
        sheet: sheets[0]?.name ?? '',
        input: null,
        unit: null,
        findings: [{ ...finding('no_tables', {}), file, sheet: sheets[0]?.name ?? '' }, ...strays, ...ignoredSheets],
      },
    ];
    attachPerformance(none, performanceReads);
    return none;
  }
  pushAll(pushAll(out[0].findings, strays), ignoredSheets);
  attachPerformance(out, performanceReads);
  // A ledger sheet left unread could hold any county's payments: the first record is not landed without them.
  if (ignoredSheets.some((f) => f.severity === 'error')) out[0] = { ...out[0], input: null };
  return out;
}

/**
 * The county a ledger on a sheet of its own belongs to: the workbook's only county, else the one
 * its sheet name or title names (the longest name, so 南丰县 is not taken for 丰县); else none.
 */
function ledgerHome(block: Block, anchors: Block[]): Block | undefined {
  const where = [block.sheet, ...block.ledgerTitles.map((c) => c.text)].map(fold);
  // A ledger that names a county none of the workbook's is belongs to none of them.
  const mentioned = where.flatMap((w) =>
    [...w.replace(/\([^)]*\)/g, '').matchAll(COUNTY_NAME)].map((m) => m[0]).filter((m) => !NOT_A_NAME.test(m)),
  );
  const known = (name: string) => anchors.some((a) => name.endsWith(fold(a.facts.values.name!)));
  if (mentioned.length > 0 && !mentioned.some(known)) return undefined;
  if (anchors.length === 1) return anchors[0];
  const named = anchors.filter((a) => where.some((w) => w.includes(fold(a.facts.values.name!))));
  const longest = maxOf(
    named.map((a) => fold(a.facts.values.name!).length),
    0,
  );
  const best = named.filter((a) => fold(a.facts.values.name!).length === longest);
  return best.length === 1 ? best[0] : undefined;
}

/** A county's name as a sheet name or a ledger title says it: 樟树市, 寻乌县, 宜春市樟树市. */
const COUNTY_NAME = /[\u4e00-\u9fff]{1,12}?(?:自治县|自治旗|县|市|区|旗)/g;

/** Words before 县/市 that make no county's name: 综合示范县, 本县, 全市. */
const NOT_A_NAME = /示范|农村|电子商务|电商|^[本全各该][县市区旗]$/;

/** A sheet meant as a ledger: its name or its first rows say 台账 or 拨付明细. */
function looksLikeLedger(name: string, grid: Grid): boolean {
  const words = /台[账賬帐]|拨付明细|付款明细|支付明细/;
  if (words.test(fold(name))) return true;
  return grid.rows.slice(0, 3).some((r) => grid.row(r).some((c) => typeof c.value === 'string' && words.test(fold(c.text))));
}

function firstNumber(grid: Grid): Cell | undefined {
  for (const r of grid.rows) for (const c of grid.row(r)) if (holdsNumber(c)) return c;
  return undefined;
}

/** Gives each finding of a sheet to the county block its cell stands in. */
function distribute(layout: SheetLayout, findings: Finding[], into: Map<Block, Finding[]>): void {
  if (layout.blocks.length === 0) return;
  for (const f of findings) {
    const row = f.cell ? Number(/\d+$/.exec(f.cell)?.[0] ?? 0) : 0;
    const block = layout.blocks.find((b) => row >= b.first && row <= b.last) ?? layout.blocks[0];
    const list = into.get(block) ?? [];
    list.push(f);
    into.set(block, list);
  }
}

function place(f: Finding, file: string, sheet: string, cell?: string): Finding {
  return { ...f, file, sheet, ...(cell ? { cell } : {}) };
}

// ---- the whole import --------------------------------------------------------------------

/** What replacing a stored record would change. */
export type RecordChanges = {
  items: { added: number; removed: number };
  disbursements: { added: number; removed: number };
  totals: { planned: [string, string]; actual: [string, string]; rate: [string | null, string | null] };
  /** Lines of both records whose amounts differ. */
  lines: { name: string; field: 'planned' | 'actual'; before: string | null; after: string | null }[];
};

export type PlannedRecord = {
  county: string;
  /** null when the workbook does not say (the record is then rejected). */
  batch: number | null;
  items: number;
  disbursements: number;
  payments: number;
  action: ImportAction;
  file: string;
  sheet: string;
  existingId?: number;
  /** Σ计划, Σ实际 (万元) and their rate; null when there is no record. */
  planned: string | null;
  actual: string | null;
  rate: string | null;
  /** The unit the amounts were written in (元 is converted exactly). */
  unit: UnitRead | null;
  /** Cells not read: the cells of the ignored_cell findings (a region's finding counts its cells). */
  ignored: number;
  changes?: RecordChanges;
  /** Replacing a record: what becomes of its stored payments. */
  ledger?: LedgerOutcome;
  /** Its doubts not (yet) confirmed: the record is held until they are. */
  unconfirmed: number;
};

/** A file that could not be read, skipped (with skipUnreadable) and named. */
export type SkippedFile = { file: string; code: string; messages: { zh: string; en: string } };

export type ImportPlan = {
  ok: boolean;
  records: PlannedRecord[];
  findings: Finding[];
  inputs: (RecordInput | null)[];
  skippedFiles: SkippedFile[];
  /** Every doubt of every county, each figure beside what its cell showed; `confirmed` as given. */
  doubts: (Doubt & { confirmed: boolean })[];
  /** How each sheet's table 三 was read, the correction applied to it and where that came from. */
  readings: SheetReading[];
};

const LINE_CHANGES_SHOWN = 50;

/** What replacing `before` with `after` changes: rows matched by name, amounts compared. */
export function recordChanges(before: CountyRecord, after: CountyRecord): RecordChanges {
  const match = <T extends { name: string }>(old: T[], now: T[]) => {
    const pool = new Map<string, T[]>();
    for (const row of old) pool.set(fold(row.name), [...(pool.get(fold(row.name)) ?? []), row]);
    const pairs: [T, T][] = [];
    let added = 0;
    for (const row of now) {
      const twin = pool.get(fold(row.name))?.shift();
      if (twin) pairs.push([twin, row]);
      else added++;
    }
    return { pairs, added, removed: old.length - pairs.length };
  };
  const items = match(before.items, after.items);
  const lines = match(before.disbursements, after.disbursements);
  const changed: RecordChanges['lines'] = [];
  for (const [b, a] of lines.pairs)
    for (const field of ['planned', 'actual'] as const)
      if (b[field] !== a[field] && changed.length < LINE_CHANGES_SHOWN)
        changed.push({ name: a.name, field, before: b[field], after: a[field] });
  return {
    items: { added: items.added, removed: items.removed },
    disbursements: { added: lines.added, removed: lines.removed },
    totals: {
      planned: [before.totals.planned, after.totals.planned],
      actual: [before.totals.actual, after.totals.actual],
      rate: [before.totals.rate, after.totals.rate],
    },
    lines: changed,
  };
}

/** A file's name as it goes on into findings, messages, the change log, logs and terminals: no control characters. */
const namedPrintably = (files: ImportFile[]): ImportFile[] => files.map((f) => ({ ...f, name: printableName(f.name) }));

/**
 * Reads every file and decides, without writing, what the import would do. With
 * `skipUnreadable` (the app), a file that cannot be read is skipped and named instead of
 * failing the whole preview; the CLI keeps the strict behaviour.
 */
export async function planImport(db: DB, given: ImportFile[], onConflict: OnConflict, options: ImportOptions = {}): Promise<ImportPlan> {
  const files = namedPrintably(given);
  const read: ReadRecord[] = [];
  const skippedFiles: SkippedFile[] = [];
  const corrections = options.corrections ?? [];
  const results = await readWorkbooksIsolated(files, { corrections });
  // A correction remembered for a layout is offered where the reading as it stands has doubts or
  // errors: the file is read again with it, and that reading kept (and named) only if it has fewer
  // (errors first, then doubts).
  const remembered = rememberedLayouts(db);
  const trouble = (r: FileRead) =>
    r instanceof AppError
      ? Infinity
      : r.reduce((n, x) => n + x.findings.filter((f) => f.severity === 'error').length * 1e6 + (x.doubts?.length ?? 0), 0);
  const offer = results.map((r, i) => {
    if (r instanceof AppError || trouble(r) === 0) return undefined;
    const own = new Set(corrections.filter((c) => c.file === files[i].name).map((c) => c.sheet));
    const layouts = r.flatMap((x) => x.readings ?? []).filter((x) => !own.has(x.sheet) && x.layout && remembered[x.layout]);
    return layouts.length ? Object.fromEntries(layouts.map((x) => [x.layout!, remembered[x.layout!]])) : undefined;
  });
  const again = offer.some(Boolean)
    ? await readWorkbooksIsolated(
        files.filter((_, i) => offer[i]),
        { corrections, remembered: Object.assign({}, ...offer.filter(Boolean)) },
      )
    : [];
  for (const [i, o] of offer.entries())
    if (o) {
      const second = again.shift()!;
      if (trouble(second) < trouble(results[i])) results[i] = second;
    }
  for (const [i, result] of results.entries()) {
    if (!(result instanceof AppError)) pushAll(read, result);
    else if (options.skipUnreadable) skippedFiles.push({ file: files[i].name, code: result.code, messages: result.messages });
    else throw result;
  }
  const plan: ImportPlan = { ok: true, records: [], findings: [], inputs: [], skippedFiles, doubts: [], readings: [] };
  const confirm = options.confirm ?? [];
  const confirmed = (d: Doubt) => confirm === 'all' || confirm.includes(d.id);
  const seen = new Map<string, ReadRecord>();
  for (const r of read) {
    pushAll(plan.findings, r.findings);
    if (hasErrors(r.findings)) plan.ok = false;
    // A workbook that yields no county says so in its findings; it is not listed as a county.
    if (!r.county) continue;
    let action: ImportAction = 'created';
    let existingId: number | undefined;
    const county = r.input?.county;
    if (!r.input || hasErrors(r.findings)) action = 'rejected';
    else {
      const key = `${countyKey(county!.name)}#${county!.batch}`;
      const twin = seen.get(key);
      if (twin) {
        plan.findings.push(
          place(
            finding('duplicate_record', { county: county!.name, batch: String(county!.batch), other: `${twin.file} › ${twin.sheet}` }),
            r.file,
            r.sheet,
          ),
        );
        action = 'rejected';
      } else seen.set(key, r);
      const where = { province: county!.province, prefecture: county!.prefecture, county: county!.name };
      if (options.scope && !options.scope.holds(where)) {
        const params = { county: county!.name, batch: String(county!.batch), scope: options.scope.name };
        plan.findings.push(place(finding('out_of_scope', params), r.file, r.sheet));
        action = 'rejected';
      } else existingId = findRecordIds(db, county!.name, county!.batch)[0]?.id;
      if (action !== 'rejected' && existingId !== undefined) {
        action = onConflict === 'replace' ? 'replaced' : onConflict === 'skip' ? 'skipped' : 'conflict';
        if (action === 'conflict')
          plan.findings.push(place(finding('conflict', { county: county!.name, batch: String(county!.batch) }), r.file, r.sheet));
        // An accepted record is locked: an import may skip it, never replace it.
        const status = readStatus(db, existingId);
        if (action === 'replaced' && status.status === 'accepted') {
          action = 'rejected';
          plan.findings.push(
            place(
              finding('locked', {
                county: county!.name,
                batch: String(county!.batch),
                by: status.by ?? '',
                at: (status.at ?? '').slice(0, 10),
              }),
              r.file,
              r.sheet,
            ),
          );
        }
      }
    }
    // A doubt stops the record until a person confirms it: nothing doubtful lands unseen.
    // A record skipped is not written: its doubts stay plain warnings, nothing to confirm.
    const doubts = action === 'skipped' ? [] : (r.doubts ?? []);
    const unconfirmed = doubts.filter((d) => !confirmed(d)).length;
    pushAll(
      plan.doubts,
      doubts.map((d) => ({ ...d, confirmed: confirmed(d) })),
    );
    // A sheet of several counties is read once: its reading is listed once.
    for (const reading of r.readings ?? [])
      if (!plan.readings.some((x) => x.file === reading.file && x.sheet === reading.sheet)) plan.readings.push(reading);
    if (unconfirmed > 0 && (action === 'created' || action === 'replaced')) action = 'held';
    // Replacing: the stored payments kept, replaced by the file's ledger, or removed, as chosen.
    let ledger: LedgerOutcome | undefined;
    let input = r.input;
    if (existingId !== undefined && input && (action === 'replaced' || action === 'held')) {
      const stored = readRecord(db, existingId, { asOf: undefined }).record.payments ?? [];
      const fileCount = input.payments?.length ?? 0;
      const choice = options.ledger ?? 'auto';
      const keep = choice === 'keep' || (choice === 'auto' && fileCount === 0);
      if (keep && stored.length > 0) {
        const lines = new Set(input.disbursements.map((d) => d.seq));
        const lost = stored.filter((p) => !lines.has(p.line));
        if (lost.length > 0) {
          plan.findings.push(
            place(
              finding('ledger_not_kept', {
                county: input.county.name,
                count: String(lost.length),
                lines: [...new Set(lost.map((p) => p.line))].join('、'),
              }),
              r.file,
              r.sheet,
            ),
          );
          action = 'rejected';
        }
        input = {
          ...input,
          payments: stored.map(({ line, date, amount, payee, voucher, stage, note }) => ({
            line,
            date,
            amount,
            payee,
            voucher,
            stage,
            note,
          })),
        };
      } else if (choice === 'remove' || (keep && stored.length === 0)) input = { ...input, payments: undefined };
      const result = keep
        ? stored.length
          ? 'kept'
          : 'unchanged'
        : choice === 'remove'
          ? stored.length
            ? 'removed'
            : 'unchanged'
          : fileCount
            ? 'replaced'
            : stored.length
              ? 'removed'
              : 'unchanged';
      ledger = { stored: stored.length, file: fileCount, result };
      if (!input.payments?.length) delete input.payments;
    }
    if (action === 'rejected' || action === 'conflict' || action === 'held') plan.ok = false;
    const computed = input ? computeRecord(input) : null;
    plan.records.push({
      county: r.county.name,
      batch: r.county.batch,
      items: input?.items.length ?? 0,
      disbursements: input?.disbursements.length ?? 0,
      payments: input?.payments?.length ?? 0,
      action,
      file: r.file,
      sheet: r.sheet,
      ...(existingId !== undefined ? { existingId } : {}),
      planned: computed?.totals.planned ?? null,
      actual: computed?.totals.actual ?? null,
      rate: computed?.totals.rate ?? null,
      unit: r.unit,
      ignored: r.findings.reduce((n, f) => n + (f.code === 'ignored_cell' ? Number(f.params.cells ?? 1) : 0), 0),
      ...(existingId !== undefined && computed
        ? { changes: recordChanges(readRecord(db, existingId, { asOf: undefined }).record, computed) }
        : {}),
      ...(ledger ? { ledger } : {}),
      unconfirmed,
    });
    plan.inputs.push(input);
  }
  if (plan.records.length === 0) plan.ok = false;
  return plan;
}

export type ImportResult = Omit<ImportPlan, 'inputs'> & { backup: string | null; committed: boolean };

/** Plans, then (unless a dry run or the plan has errors) writes all records in one step. */
export async function importWorkbooks(
  db: DB,
  actor: Actor,
  dbFile: string,
  given: ImportFile[],
  options: { onConflict: OnConflict; dryRun: boolean } & ImportOptions,
): Promise<ImportResult> {
  const files = namedPrintably(given);
  const { inputs, ...plan } = await planImport(db, files, options.onConflict, options);
  // The gate: a plan with a record held by a doubt (or any error) writes nothing, whoever calls.
  if (!plan.ok || plan.records.some((r) => r.action === 'held') || options.dryRun) return { ...plan, backup: null, committed: false };
  const replacing = plan.records.some((r) => r.action === 'replaced');
  const written = plan.records.filter((r) => r.action !== 'skipped');
  const counties = written.map((r) => r.county);
  const files_ = new Set(written.map((r) => `${r.file}\u0000${r.sheet}`));
  // Doubts written after a person confirmed them are logged with the step (code, cell, county).
  const doubts = plan.doubts.filter((d) => files_.has(`${d.file}\u0000${d.sheet}`) || written.some((r) => r.county === d.county));
  const detail = {
    files: files.map((f) => f.name),
    counties,
    ...(doubts.length
      ? { confirmed: doubts.map((d) => `${d.county ?? ''} ${d.code} ${d.file} › ${d.sheet}${d.cell ? ` › ${d.cell}` : ''}`) }
      : {}),
  };
  const commit = (backup: string | null) => {
    mutate(db, actor, { action: 'import', recordId: null, detail }, (changes) => {
      plan.records.forEach((r, i) => {
        if (r.action === 'skipped') return;
        if (r.action === 'replaced') removeRecord(db, changes, r.existingId!);
        insertRecord(changes, inputs[i]!);
      });
      // A correction the person gave is confirmed by this import: remembered for its layout.
      for (const reading of plan.readings)
        if (reading.source === 'user' && reading.layout)
          rememberLayout(db, reading.layout, reading.remember, { file: reading.file, sheet: reading.sheet, by: actor.client });
    });
    return { ...plan, backup, committed: true };
  };
  // A replace refused at its commit (a record locked meanwhile, say) keeps no backup.
  return replacing ? withBackup(db, dbFile, 'import-replace', commit) : commit(null);
}
