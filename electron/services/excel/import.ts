// Import: workbooks → records, with a preview of what would be created, replaced or skipped and
// every finding pinned to file, sheet and cell; then one transaction for all files, or nothing.
import type ExcelJS from 'exceljs';
import { checkRecord } from '../../../shared/checks';
import { finding, hasErrors, type Finding, type FindingTarget } from '../../../shared/findings';
import { formatWan, sumFen } from '../../../shared/money';
import { CATEGORIES, countyKey, fold, type Category } from '../../../shared/text';
import { computeRecord, fen, fenOrZero, type RecordInput } from '../../../shared/record';
import { recordInputSchema } from '../../../shared/schema';
import { mutate, type Actor } from '../store/changelog';
import { backupDatabase } from '../store/backup';
import { findRecordIds, insertRecord, removeRecord } from '../store/records';
import { readStatus } from '../store/status';
import type { DB } from '../store/database';
import { cellText, gridOf, plain } from './cells';
import { META_SCHEMA, META_SHEET, type SheetMeta } from './layout';
import { readSheet, type SheetRead } from './read-sheet';
import { loadWorkbook } from './read';
import { readWorkbooksIsolated } from './isolated';

export type ImportFile = { name: string; bytes: Uint8Array };
export type OnConflict = 'fail' | 'skip' | 'replace';
export type ImportAction = 'created' | 'replaced' | 'skipped' | 'conflict' | 'rejected';

/** One county found in a workbook. `input` is null when its errors leave no record to make. */
export type ReadRecord = { file: string; sheet: string; input: RecordInput | null; findings: Finding[] };

const REQUIRED_FACTS = ['name', 'batch', 'year', 'investment.total', 'investment.central', 'investment.localGov', 'investment.social', 'centralArrangedUse'] as const;

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

const validCategory = (c: string | undefined): Category | undefined => (CATEGORIES as readonly string[]).includes(c ?? '') ? (c as Category) : undefined;

/** Reads every county of one workbook. */
export async function readWorkbook(file: ImportFile): Promise<ReadRecord[]> {
  const workbook = await loadWorkbook(file);
  const meta = readMeta(workbook);
  const reads = workbook.worksheets.filter((s) => s.name !== META_SHEET && s.state === 'visible').map((s) => readSheet(gridOf(s), file.name));
  const anchors = reads.filter((r) => r.facts.name);
  const groups = new Map<SheetRead, SheetRead[]>(anchors.map((a) => [a, [a]]));
  const out: ReadRecord[] = [];
  for (const read of reads) {
    if (read.facts.name || (!read.items && !read.disbursements)) continue;
    const home = anchors.length === 1 ? anchors[0] : anchors.find((a) => countyKey(a.facts.name!) === countyKey(read.sheet));
    if (home) groups.get(home)!.push(read);
    else out.push({ file: file.name, sheet: read.sheet, input: null, findings: [...read.findings, place(finding('missing_fact', { field: 'county.name' }), file.name, read.sheet, read.items?.headerCell ?? read.disbursements?.headerCell)] });
  }
  if (anchors.length === 0 && out.length === 0)
    return [{ file: file.name, sheet: reads[0]?.sheet ?? '', input: null, findings: [place(finding('no_tables', {}), file.name, reads[0]?.sheet ?? '')] }];
  for (const [anchor, parts] of groups) out.push(assemble(file.name, anchor, parts, meta.get(anchor.sheet)));
  return out;
}

function place(f: Finding, file: string, sheet: string, cell?: string): Finding {
  return { ...f, file, sheet, ...(cell ? { cell } : {}) };
}

/** Puts one county together from its sheets, checks it, and pins each finding to a cell. */
function assemble(file: string, anchor: SheetRead, parts: SheetRead[], meta: SheetMeta | undefined): ReadRecord {
  const findings = parts.flatMap((p) => p.findings);
  const items = parts.find((p) => p.items)?.items;
  const disbursements = parts.find((p) => p.disbursements)?.disbursements;
  const facts = anchor.facts;
  const sheet = anchor.sheet;
  if (!items && !disbursements) findings.push(place(finding('no_tables', {}), file, sheet));
  for (const fact of REQUIRED_FACTS)
    if (facts[fact] === undefined && !findings.some((f) => f.params.field === `county.${fact}` || f.params.field === fact))
      findings.push(place(finding('missing_fact', { field: `county.${fact}` }), file, sheet));
  if (hasErrors(findings)) return { file, sheet, input: null, findings };

  const itemRows = (items?.rows ?? []).map((row) => ({ ...row, category: metaCategory(meta?.items, row) ?? row.category }));
  const disbursementRows = (disbursements?.rows ?? []).map((row, i) => {
    const m = meta?.disbursements.find((x) => x.seq === row.seq && fold(x.name) === fold(row.name));
    const statedRate = disbursements!.computedRate[i] ? m?.statedRate : row.statedRate;
    const { statedRate: _s, ...rest } = row;
    return { ...rest, category: validCategory(m?.category) ?? row.category, ...(statedRate !== undefined ? { statedRate } : {}) };
  });
  const totalsStated = disbursements?.totals?.statedRate ?? (disbursements?.totals ? meta?.totalsStatedRate : undefined);
  const candidate = {
    county: {
      name: facts.name!,
      province: facts.province ?? meta?.province ?? null,
      prefecture: facts.prefecture ?? meta?.prefecture ?? null,
      batch: facts.batch!,
      year: facts.year!,
      approvedOn: facts.approvedOn ?? null,
      acceptedOn: facts.acceptedOn ?? meta?.acceptedOn ?? null,
      investment: { total: facts['investment.total']!, central: facts['investment.central']!, localGov: facts['investment.localGov']!, social: facts['investment.social']! },
      centralArrangedUse: facts.centralArrangedUse!,
      statusNote: facts.statusNote ?? '',
    },
    items: itemRows,
    disbursements: disbursementRows,
    ...(totalsStated !== undefined ? { totals: { statedRate: totalsStated } } : {}),
  };
  const parsed = recordInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.');
      findings.push(place(finding('invalid_value', { field, value: issue.message }), file, sheet, cellOf(issue.path, anchor, items, disbursements)));
    }
    return { file, sheet, input: null, findings };
  }
  const input = parsed.data;
  const totals = disbursements?.totals;
  for (const column of ['planned', 'actual'] as const) {
    const stated = totals?.[column];
    if (!stated) continue;
    const sum = sumFen(input.disbursements.map((d) => fenOrZero(d[column])));
    if (fen(stated.value) !== sum)
      findings.push(place(finding('stated_total_mismatch', { column, stated: stated.value, sum: formatWan(sum) }, { table: 'totals', field: column }), file, disbursementsSheet(parts, sheet), stated.cell));
  }
  for (const f of checkRecord(computeRecord(input))) {
    const cell = f.target ? targetCell(f.target, anchor, items, disbursements) : undefined;
    const where = f.target?.table === 'items' ? itemsSheet(parts, sheet) : f.target?.table === 'county' ? sheet : disbursementsSheet(parts, sheet);
    findings.push(place(f, file, where, cell));
  }
  return { file, sheet, input, findings };
}

const itemsSheet = (parts: SheetRead[], fallback: string) => parts.find((p) => p.items)?.sheet ?? fallback;
const disbursementsSheet = (parts: SheetRead[], fallback: string) => parts.find((p) => p.disbursements)?.sheet ?? fallback;

function metaCategory(list: SheetMeta['items'] | undefined, row: { seq: number; name: string }): Category | undefined {
  return validCategory(list?.find((x) => x.seq === row.seq && fold(x.name) === fold(row.name))?.category);
}

function targetCell(target: FindingTarget, anchor: SheetRead, items: SheetRead['items'], disbursements: SheetRead['disbursements']): string | undefined {
  if (target.table === 'county') return anchor.factCells[target.field ?? ''];
  if (target.table === 'items') return items?.cells[target.row ?? -1]?.[target.field ?? 'name'];
  if (target.table === 'disbursements') return disbursements?.cells[target.row ?? -1]?.[target.field ?? 'name'];
  const t = disbursements?.totals;
  if (target.field === 'statedRate') return t?.rateCell;
  return (target.field === 'planned' ? t?.planned?.cell : target.field === 'actual' ? t?.actual?.cell : undefined) ?? disbursements?.headerCell;
}

function cellOf(path: PropertyKey[], anchor: SheetRead, items: SheetRead['items'], disbursements: SheetRead['disbursements']): string | undefined {
  const [table, a, b] = path.map(String);
  if (table === 'county') return anchor.factCells[[a, b].filter(Boolean).join('.')];
  if (table === 'items' || table === 'disbursements') return targetCell({ table, row: Number(a), field: b }, anchor, items, disbursements);
  return undefined;
}

// ---- the whole import --------------------------------------------------------------------

export type ImportPlan = {
  ok: boolean;
  records: { county: string; batch: number; items: number; disbursements: number; action: ImportAction; file: string; sheet: string; existingId?: number }[];
  findings: Finding[];
  inputs: (RecordInput | null)[];
};

/** Reads every file and decides, without writing, what the import would do. */
export async function planImport(db: DB, files: ImportFile[], onConflict: OnConflict): Promise<ImportPlan> {
  const read = (await readWorkbooksIsolated(files)).flat();
  const plan: ImportPlan = { ok: true, records: [], findings: [], inputs: [] };
  const seen = new Map<string, ReadRecord>();
  for (const r of read) {
    plan.findings.push(...r.findings);
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
    plan.records.push({
      county: county?.name ?? r.sheet,
      batch: county?.batch ?? 0,
      items: r.input?.items.length ?? 0,
      disbursements: r.input?.disbursements.length ?? 0,
      action,
      file: r.file,
      sheet: r.sheet,
      ...(existingId !== undefined ? { existingId } : {}),
    });
    plan.inputs.push(r.input);
  }
  return plan;
}

export type ImportResult = Omit<ImportPlan, 'inputs'> & { backup: string | null; committed: boolean };

/** Plans, then (unless a dry run or the plan has errors) writes all records in one step. */
export async function importWorkbooks(db: DB, actor: Actor, dbFile: string, files: ImportFile[], options: { onConflict: OnConflict; dryRun: boolean }): Promise<ImportResult> {
  const { inputs, ...plan } = await planImport(db, files, options.onConflict);
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

