// Import: workbooks → records, with a preview of what would be created, replaced or skipped and
// every finding pinned to file, sheet and cell; then one transaction for all files, or nothing.
// The stages: read (zip.ts, loadWorkbook) → grid (cells.ts) → locate (locate.ts, with header.ts
// and rows.ts) → facts (facts.ts) → record (assemble.ts) → account (account.ts).
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { finding, hasErrors, type Finding } from '../../../shared/findings';
import { countyKey, fold } from '../../../shared/text';
import { computeRecord, type CountyRecord, type RecordInput } from '../../../shared/record';
import { mutate, type Actor } from '../store/changelog';
import { backupDatabase } from '../store/backup';
import { findRecordIds, insertRecord, readRecord, removeRecord } from '../store/records';
import { readStatus } from '../store/status';
import type { DB } from '../store/database';
import { cellText, gridOf, holdsNumber, plain, type Cell, type Grid } from './cells';
import { META_SCHEMA, META_SHEET, type SheetMeta } from './layout';
import { locate, type Block, type SheetLayout } from './locate';
import { account } from './account';
import { assemble, type ReadRecord, type UnitRead } from './assemble';
import { loadWorkbook } from './read';
import { readWorkbooksIsolated } from './isolated';
import { attachPerformance, isPerformanceSheet, readPerformanceSheet } from './performance';

export type { ReadRecord, UnitRead } from './assemble';

export type ImportFile = { name: string; bytes: Uint8Array };
export type OnConflict = 'fail' | 'skip' | 'replace';
export type ImportAction = 'created' | 'replaced' | 'skipped' | 'conflict' | 'rejected';

function readMeta(workbook: ExcelJS.Workbook): Map<string, SheetMeta> {
  const meta = new Map<string, SheetMeta>();
  const sheet = workbook.getWorksheet(META_SHEET);
  const text = (cell: ExcelJS.Cell) => cellText(plain(cell.value).value);
  if (!sheet || text(sheet.getCell(1, 1)) !== META_SCHEMA) return meta;
  sheet.eachRow((row, r) => {
    if (r === 1) return;
    try {
      meta.set(text(row.getCell(1)), JSON.parse(text(row.getCell(2))) as SheetMeta);
    } catch {
      // A damaged metadata row only loses what the visible cells cannot say.
    }
  });
  return meta;
}

/** Reads every county of one workbook (on the import worker: see isolated.ts). */
export async function readWorkbook(file: ImportFile): Promise<ReadRecord[]> {
  return readLoadedWorkbook(await loadWorkbook(file), file.name);
}

const OWN_SUMMARY_SHEETS = new Set(['汇总']);

/** Every county of a loaded workbook; each finding pinned to file, sheet and cell. */
export function readLoadedWorkbook(workbook: ExcelJS.Workbook, file: string): ReadRecord[] {
  const meta = readMeta(workbook);
  // Yanshou's own 汇总 sheet (an export of several counties) repeats what the county sheets say.
  const own = (name: string) => meta.size > 0 && OWN_SUMMARY_SHEETS.has(fold(name));
  const visible = workbook.worksheets.filter((s) => s.name !== META_SHEET && s.state === 'visible' && !own(s.name));
  // 四、绩效自评: a 绩效自评表 sheet is a county's performance part, read by its own reader (performance.ts).
  const performanceSheets = visible.filter(isPerformanceSheet);
  const performanceReads = performanceSheets.map((s) => readPerformanceSheet(workbook, s, file));
  const sheets = visible.filter((s) => !performanceSheets.includes(s));
  const blockFindings = new Map<Block, Finding[]>();
  const blocks: Block[] = [];
  // A sheet that yields nothing but holds numbers is named, so nothing is dropped unseen.
  const ignoredSheets: Finding[] = [];
  // A hidden sheet is not read, never quietly: one holding a table or a ledger is refused (which
  // is meant, it or its visible twin, no reader can tell); one holding other numbers is told.
  for (const sheet of workbook.worksheets.filter((s) => s.name !== META_SHEET && s.state !== 'visible' && !own(s.name))) {
    const layout = locate(gridOf(sheet), file);
    const table = layout.blocks.flatMap((b) => b.tables)[0];
    const first = firstNumber(layout.grid);
    if (table) ignoredSheets.push({ ...finding('hidden_table', {}), file, sheet: sheet.name, cell: table.header.nameCell.address });
    else if (first) ignoredSheets.push({ ...finding('ignored_cell', { value: first.text, reason: 'hidden' }), file, sheet: sheet.name, cell: first.address });
  }
  // One sheet at a time: its grid is let go before the next is read.
  for (const sheet of sheets) {
    const layout = locate(gridOf(sheet), file);
    // Our own export keeps the stored name; it stands in only where the visible cells name none.
    const metaName = meta.get(sheet.name)?.name;
    const only = layout.blocks.length === 1 ? layout.blocks[0] : undefined;
    if (metaName && only && only.facts.values.name === undefined) only.facts.set('name', metaName, only.factsCell ?? 'A1');
    distribute(layout, [...layout.findings, ...account(layout, file)], blockFindings);
    blocks.push(...layout.blocks);
    if (layout.blocks.length) continue;
    const first = firstNumber(layout.grid);
    // A ledger this reader could not make out is refused, never dropped with its payments.
    if (first && looksLikeLedger(sheet.name, layout.grid)) ignoredSheets.push({ ...finding('ledger_unread', { value: first.text }), file, sheet: sheet.name, cell: first.address });
    else if (first) ignoredSheets.push({ ...finding('ignored_cell', { value: first.text, reason: 'sheet' }), file, sheet: sheet.name, cell: first.address });
  }
  const named = blocks.filter((b) => b.facts.values.name);
  // Facts of a county on a sheet of their own join the tables of the same county elsewhere.
  const joins = new Map<Block, Block>();
  for (const facts of named.filter((b) => b.tables.length === 0)) {
    const same = named.filter((b) => b.tables.length > 0 && countyKey(b.facts.values.name!) === countyKey(facts.facts.values.name!) && (b.facts.values.batch ?? facts.facts.values.batch) === (facts.facts.values.batch ?? b.facts.values.batch));
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
    const home = ledgerOnly ? ledgerHome(block, anchors) : anchors.length === 1 ? anchors[0] : anchors.find((a) => countyKey(a.facts.values.name!) === countyKey(block.sheet));
    if (home) groups.get(home)!.push(block);
    else if (!block.tables.length) strays.push(...(blockFindings.get(block) ?? []));
    else if (ledgerOnly) {
      // A ledger no county claims is refused, never dropped and never given to a guess.
      const counties = anchors.map((a) => a.facts.values.name!).join('、') || '—';
      const cell = block.tables[0].header.nameCell.address;
      out.push({ file, sheet: block.sheet, input: null, unit: null, findings: [...(blockFindings.get(block) ?? []), { ...finding('ledger_unclaimed', { counties }), file, sheet: block.sheet, cell }] });
    } else {
      // Tables no county title or facts claim: no cell says which county they are; named at the
      // facts it has, else at its first table.
      const cell = block.factsCell ?? block.tables[0].header.nameCell.address;
      out.push({ file, sheet: block.sheet, input: null, unit: null, findings: [...(blockFindings.get(block) ?? []), { ...finding('missing_fact', { field: 'county.name' }), file, sheet: block.sheet, cell }] });
    }
  }
  for (const [anchor, parts] of groups) {
    // Our export's hidden facts are the county's it was written for: a sheet reused as another
    // county's form (its title changed) gets none of them (not 樟树市's province for 寻乌县).
    const own = meta.get(anchor.sheet);
    const fits = own && (!own.name || countyKey(own.name) === countyKey(anchor.facts.values.name!));
    out.push(assemble(file, anchor, parts, fits ? own : undefined, parts.flatMap((p) => blockFindings.get(p) ?? [])));
  }
  if (out.length === 0) {
    const none: ReadRecord[] = [{ file, sheet: sheets[0]?.name ?? '', input: null, unit: null, findings: [{ ...finding('no_tables', {}), file, sheet: sheets[0]?.name ?? '' }, ...strays, ...ignoredSheets] }];
    attachPerformance(none, performanceReads);
    return none;
  }
  out[0].findings.push(...strays, ...ignoredSheets);
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
  const mentioned = where.flatMap((w) => [...w.replace(/\([^)]*\)/g, '').matchAll(COUNTY_NAME)].map((m) => m[0]).filter((m) => !NOT_A_NAME.test(m)));
  const known = (name: string) => anchors.some((a) => name.endsWith(fold(a.facts.values.name!)));
  if (mentioned.length > 0 && !mentioned.some(known)) return undefined;
  if (anchors.length === 1) return anchors[0];
  const named = anchors.filter((a) => where.some((w) => w.includes(fold(a.facts.values.name!))));
  const longest = Math.max(0, ...named.map((a) => fold(a.facts.values.name!).length));
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
  /** Cells not read: the count of ignored_cell findings. */
  ignored: number;
  changes?: RecordChanges;
};

/** A file that could not be read, skipped (with skipUnreadable) and named. */
export type SkippedFile = { file: string; code: string; messages: { zh: string; en: string } };

export type ImportPlan = {
  ok: boolean;
  records: PlannedRecord[];
  findings: Finding[];
  inputs: (RecordInput | null)[];
  skippedFiles: SkippedFile[];
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
    for (const field of ['planned', 'actual'] as const) if (b[field] !== a[field] && changed.length < LINE_CHANGES_SHOWN) changed.push({ name: a.name, field, before: b[field], after: a[field] });
  return {
    items: { added: items.added, removed: items.removed },
    disbursements: { added: lines.added, removed: lines.removed },
    totals: { planned: [before.totals.planned, after.totals.planned], actual: [before.totals.actual, after.totals.actual], rate: [before.totals.rate, after.totals.rate] },
    lines: changed,
  };
}

/**
 * Reads every file and decides, without writing, what the import would do. With
 * `skipUnreadable` (the app), a file that cannot be read is skipped and named instead of
 * failing the whole preview; the CLI keeps the strict behaviour.
 */
export async function planImport(db: DB, files: ImportFile[], onConflict: OnConflict, options: { skipUnreadable?: boolean } = {}): Promise<ImportPlan> {
  const read: ReadRecord[] = [];
  const skippedFiles: SkippedFile[] = [];
  for (const [i, result] of (await readWorkbooksIsolated(files)).entries()) {
    if (!(result instanceof AppError)) read.push(...result);
    else if (options.skipUnreadable) skippedFiles.push({ file: files[i].name, code: result.code, messages: result.messages });
    else throw result;
  }
  const plan: ImportPlan = { ok: true, records: [], findings: [], inputs: [], skippedFiles };
  const seen = new Map<string, ReadRecord>();
  for (const r of read) {
    plan.findings.push(...r.findings);
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
        plan.findings.push(place(finding('duplicate_record', { county: county!.name, batch: String(county!.batch), other: `${twin.file} › ${twin.sheet}` }), r.file, r.sheet));
        action = 'rejected';
      } else seen.set(key, r);
      existingId = findRecordIds(db, county!.name, county!.batch)[0]?.id;
      if (action !== 'rejected' && existingId !== undefined) {
        action = onConflict === 'replace' ? 'replaced' : onConflict === 'skip' ? 'skipped' : 'conflict';
        if (action === 'conflict') plan.findings.push(place(finding('conflict', { county: county!.name, batch: String(county!.batch) }), r.file, r.sheet));
        // An accepted record is locked: an import may skip it, never replace it.
        const status = readStatus(db, existingId);
        if (action === 'replaced' && status.status === 'accepted') {
          action = 'rejected';
          plan.findings.push(place(finding('locked', { county: county!.name, batch: String(county!.batch), by: status.by ?? '', at: (status.at ?? '').slice(0, 10) }), r.file, r.sheet));
        }
      }
    }
    if (action === 'rejected' || action === 'conflict') plan.ok = false;
    const computed = r.input ? computeRecord(r.input) : null;
    plan.records.push({
      county: r.county.name,
      batch: r.county.batch,
      items: r.input?.items.length ?? 0,
      disbursements: r.input?.disbursements.length ?? 0,
      payments: r.input?.payments?.length ?? 0,
      action,
      file: r.file,
      sheet: r.sheet,
      ...(existingId !== undefined ? { existingId } : {}),
      planned: computed?.totals.planned ?? null,
      actual: computed?.totals.actual ?? null,
      rate: computed?.totals.rate ?? null,
      unit: r.unit,
      ignored: r.findings.filter((f) => f.code === 'ignored_cell').length,
      ...(existingId !== undefined && computed ? { changes: recordChanges(readRecord(db, existingId).record, computed) } : {}),
    });
    plan.inputs.push(r.input);
  }
  if (plan.records.length === 0) plan.ok = false;
  return plan;
}

export type ImportResult = Omit<ImportPlan, 'inputs'> & { backup: string | null; committed: boolean };

/** Plans, then (unless a dry run or the plan has errors) writes all records in one step. */
export async function importWorkbooks(db: DB, actor: Actor, dbFile: string, files: ImportFile[], options: { onConflict: OnConflict; dryRun: boolean; skipUnreadable?: boolean }): Promise<ImportResult> {
  const { inputs, ...plan } = await planImport(db, files, options.onConflict, options);
  if (!plan.ok || options.dryRun) return { ...plan, backup: null, committed: false };
  const replacing = plan.records.some((r) => r.action === 'replaced');
  const backup = replacing ? backupDatabase(db, dbFile, 'import-replace') : null;
  const counties = plan.records.filter((r) => r.action !== 'skipped').map((r) => r.county);
  mutate(db, actor, { action: 'import', recordId: null, detail: { files: files.map((f) => f.name), counties } }, (changes) => {
    plan.records.forEach((r, i) => {
      if (r.action === 'skipped') return;
      if (r.action === 'replaced') removeRecord(db, changes, r.existingId!);
      insertRecord(changes, inputs[i]!);
    });
  });
  return { ...plan, backup, committed: true };
}

