// Import: workbooks → records, with a preview of what would be created, replaced or skipped and
// every finding pinned to file, sheet and cell; then one transaction for all files, or nothing.
// The stages: read (zip.ts, read.ts, sheet-reader.ts, read-book.ts) → grid (cells.ts) → locate (locate.ts, with header.ts
// and rows.ts) → facts (facts.ts) → record (assemble.ts) → account (account.ts).
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { finding, hasErrors, type Finding } from '../../../shared/findings';
import { countyKey, fold } from '../../../shared/text';
import { shortCountyKey } from '../../../shared/place-short';
import { computeRecord, type CountyRecord, type RecordInput } from '../../../shared/record';
import { assertUnchangedSince, changedSince, logPosition, mutate, stepInWords, type Actor } from '../store/changelog';
import { appError } from '../../../shared/errors';
import { withBackup } from '../store/backup';
import { assertPaidByToday } from '../store/payments';
import { assertCountyFree, insertRecord, readRecord, removeRecord, sameCountyRecords, type StoredCounty } from '../store/records';
import { placeName, placesDiffer } from '../../../shared/place-match';
import type { Place } from '../../../shared/accounts';
import { readStatus } from '../store/status';
import { statusDay, type ReviewStatus } from '../../../shared/status';
import { rememberedLayouts, rememberLayout } from '../store/layouts';
import type { DB } from '../store/database';
import type { ReadRecord, UnitRead } from './assemble';
import { readWorkbooksIsolated, type FileRead } from './isolated';
import type { SheetCorrection } from './corrections';
import type { Doubt, SheetReading } from '../../../shared/doubts';
import { doubtOf } from './doubts';
import { ledgerMismatches } from './ledger';
import { defaultAsOf } from '../../../shared/ledger';
import { pushAll } from '../../../shared/arrays';
import { printableName } from '../../../shared/names';

export type { ReadRecord, UnitRead } from './assemble';
export { readBookRecords, readLoadedWorkbook, readWorkbook, type ReadOptions } from './read-book';

export type ImportFile = { name: string; bytes: Uint8Array };
export type OnConflict = 'fail' | 'skip' | 'replace';
/** held: read, but a doubt of its reading is not yet confirmed by a person; nothing of it is written. */
export type ImportAction = 'created' | 'replaced' | 'skipped' | 'conflict' | 'rejected' | 'held';
/**
 * What replacing a record does to its stored payments (拨付台账): keep them (each on the line of the same
 * name, whatever its 序号 in the file), replace them by the file's ledger, or remove them. auto: the file's ledger if it has one, else keep.
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
  /** The change log's position of the preview the person confirmed (its `seen`): a record changed since is not replaced. */
  seen?: number;
  /** The preview's `reading`: a commit whose files, corrections and choices now read otherwise writes nothing (reading_changed). */
  reading?: string;
};

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
  /** The place each states, when they state it differently (重庆市江北区 → 江北区): a replace must not pass for another place's. */
  place?: { before: string; after: string };
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
  /** Replacing a record signed off: its status (and who set it), which the import returns to 草稿. */
  statusReset?: { status: ReviewStatus; by: string | null };
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
/** Rows of two versions paired by their folded name (a name given twice pairs in order); the rest added or removed. */
function pairByName<T extends { name: string }>(old: T[], now: T[]) {
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
}

export function recordChanges(before: CountyRecord, after: CountyRecord): RecordChanges {
  const items = pairByName(before.items, after.items);
  const lines = pairByName(before.disbursements, after.disbursements);
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
    ...placeChange(before.county, after.county),
  };
}

function placeChange(before: CountyRecord['county'], after: CountyRecord['county']): Pick<RecordChanges, 'place'> {
  const [was, is] = [placeName({ ...before, county: before.name }), placeName({ ...after, county: after.name })];
  return fold(was) === fold(is) ? {} : { place: { before: was, after: is } };
}

/**
 * The stored payments kept on a replace, each on its own line as the file lists it: the line of the
 * same name (folded), whatever its 序号 there — never the line that now has the old 序号. Payments
 * whose line the file no longer has (removed or renamed), or has twice, are lost: the replace is refused naming them.
 */
function keptPayments(before: CountyRecord, after: RecordInput) {
  // A name listed a different number of times in the two (one line become two of that name) cannot tell which line is meant.
  const times = (lines: { name: string }[], name: string) => lines.filter((d) => fold(d.name) === fold(name)).length;
  const seqOf = new Map(
    pairByName(before.disbursements, after.disbursements)
      .pairs.filter(([b]) => times(before.disbursements, b.name) === times(after.disbursements, b.name))
      .map(([b, a]) => [b.seq, a.seq]),
  );
  const stored = before.payments ?? [];
  const lost = stored.filter((p) => !seqOf.has(p.line));
  const named = [...new Set(lost.map((p) => p.line))].map(
    (seq) => `${seq}“${before.disbursements.find((d) => d.seq === seq)?.name ?? ''}”`,
  );
  return {
    payments: stored.map(({ line, date, amount, payee, voucher, stage, note }) => ({
      line: seqOf.get(line) ?? line,
      date,
      amount,
      payee,
      voucher,
      stage,
      note,
    })),
    lost,
    lostParams: { count: String(lost.length), lines: named.join('、') },
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
  for (const [i, result] of (await readFiles(db, files, options.corrections ?? [])).entries()) {
    if (!(result instanceof AppError)) pushAll(read, result);
    else if (options.skipUnreadable) skippedFiles.push({ file: files[i].name, code: result.code, messages: result.messages });
    else throw result;
  }
  const plan: ImportPlan = { ok: true, records: [], findings: [], inputs: [], skippedFiles, doubts: [], readings: [] };
  const confirm = options.confirm ?? [];
  const confirmed = (d: Doubt) => confirm === 'all' || confirm.includes(d.id);
  const seen = new Map<string, ReadRecord[]>();
  const readSheets = new Set<string>();
  for (const r of read) {
    pushAll(plan.findings, r.findings);
    if (hasErrors(r.findings)) plan.ok = false;
    // A workbook that yields no county says so in its findings; it is not listed as a county.
    if (!r.county) continue;
    const decided = decideAction(db, r, plan, seen, onConflict, options);
    const existingId = decided.existingId;
    let action = decided.action;
    let ledger: LedgerOutcome | undefined;
    let input = r.input;
    const doubts = [...(r.doubts ?? [])];
    if (existingId !== undefined && input && action === 'replaced') {
      const chosen = replacedLedger(db, existingId, input, r, plan, options.ledger ?? 'auto');
      ({ input, ledger } = chosen);
      if (chosen.lost) action = 'rejected';
      pushAll(doubts, chosen.doubts);
    }
    // A doubt stops the record until a person confirms it: nothing doubtful lands unseen.
    // A record skipped is not written: its doubts stay plain warnings, nothing to confirm.
    const held = action === 'skipped' ? [] : doubts;
    const unconfirmed = held.filter((d) => !confirmed(d)).length;
    pushAll(
      plan.doubts,
      held.map((d) => ({ ...d, confirmed: confirmed(d) })),
    );
    // A sheet of several counties is read once: its reading is listed once.
    for (const reading of r.readings ?? []) {
      const sheet = `${reading.file}\u0000${reading.sheet}`;
      if (!readSheets.has(sheet)) plan.readings.push(reading);
      readSheets.add(sheet);
    }
    if (unconfirmed > 0 && (action === 'created' || action === 'replaced')) action = 'held';
    if (action === 'rejected' || action === 'conflict' || action === 'held') plan.ok = false;
    plan.records.push(plannedRecord(db, r, input, action, existingId, ledger, unconfirmed));
    plan.inputs.push(input);
  }
  if (plan.records.length === 0) plan.ok = false;
  return plan;
}

/**
 * Reads the files. A correction remembered for a layout is offered where the reading as it stands has
 * doubts or errors: the file is read again with it, and that reading kept (and named) only if it has
 * fewer (errors first, then doubts).
 */
async function readFiles(db: DB, files: ImportFile[], corrections: SheetCorrection[]): Promise<FileRead[]> {
  const results = await readWorkbooksIsolated(files, { corrections });
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
  return results;
}

/** A county read twice in the import: its name or short form (长白县, 长白朝鲜族自治县) and batch, in a place that does not differ. */
function twinInImport(seen: Map<string, ReadRecord[]>, r: ReadRecord): ReadRecord | undefined {
  const county = r.input!.county;
  const key = `${shortCountyKey(countyKey(county.name))}#${county.batch}`;
  const twin = seen.get(key)?.find((t) => !placesDiffer(t.input!.county, county));
  if (!twin) seen.set(key, [...(seen.get(key) ?? []), r]);
  return twin;
}

const storedPlace = (s: StoredCounty): string => placeName({ ...s, county: s.name });

/**
 * How the conflict names the stored record when it is not written as the file writes it: under the county's other name
 * (长白朝鲜族自治县 for 长白县), or with another statement of its place (已有的是 重庆市江北区, 文件中是 江北区).
 */
function storedNamed(stored: StoredCounty, county: RecordInput['county']): Record<string, string> {
  const named: Record<string, string> = countyKey(stored.name) === countyKey(county.name) ? {} : { stored: stored.name };
  const there = storedPlace(stored);
  const here = placeName({ ...county, county: county.name });
  return fold(there) === fold(here) ? named : { ...named, storedPlace: there, filePlace: here };
}

/**
 * What the import does with one county read: create it, replace, skip or refuse the stored one (a
 * second of the county in the import, outside the user's scope, a conflict, an accepted record).
 */
function decideAction(
  db: DB,
  r: ReadRecord,
  plan: ImportPlan,
  seen: Map<string, ReadRecord[]>,
  onConflict: OnConflict,
  options: ImportOptions,
): { action: ImportAction; existingId: number | undefined } {
  const county = r.input?.county;
  if (!r.input || hasErrors(r.findings)) return { action: 'rejected', existingId: undefined };
  let action: ImportAction = 'created';
  let existingId: number | undefined;
  const twin = twinInImport(seen, r);
  if (twin) {
    plan.findings.push(
      place(
        finding('duplicate_record', { county: county!.name, batch: String(county!.batch), other: `${twin.file} › ${twin.sheet}` }),
        r.file,
        r.sheet,
      ),
    );
    action = 'rejected';
  }
  const where = { province: county!.province, prefecture: county!.prefecture, county: county!.name };
  const stored = sameCountyRecords(db, county!);
  if (options.scope && !options.scope.holds(where)) {
    const params = { county: county!.name, batch: String(county!.batch), scope: options.scope.name };
    plan.findings.push(place(finding('out_of_scope', params), r.file, r.sheet));
    action = 'rejected';
  } else if (stored.length > 1) {
    // 江北区 of 重庆市 and of 宁波市 stored, a file that names neither: which one it is, a person says (in the title).
    const params = { county: county!.name, batch: String(county!.batch), stored: stored.map(storedPlace).join('、') };
    plan.findings.push(place(finding('ambiguous_county', params), r.file, r.sheet));
    action = 'rejected';
  } else existingId = stored[0]?.id;
  if (action === 'rejected' || existingId === undefined) return { action, existingId };
  action = onConflict === 'replace' ? 'replaced' : onConflict === 'skip' ? 'skipped' : 'conflict';
  if (action === 'conflict')
    plan.findings.push(
      place(
        finding('conflict', { county: county!.name, batch: String(county!.batch), ...storedNamed(stored[0], county!) }),
        r.file,
        r.sheet,
      ),
    );
  // An accepted record is locked: an import may skip it, never replace it.
  const status = readStatus(db, existingId);
  if (action === 'replaced' && status.status === 'accepted') {
    action = 'rejected';
    const params = { county: county!.name, batch: String(county!.batch), by: status.by ?? '', at: statusDay(status) };
    plan.findings.push(place(finding('locked', params), r.file, r.sheet));
  }
  return { action, existingId };
}

/**
 * Replacing: the stored payments kept, replaced by the file's ledger, or removed, as chosen. `lost`:
 * stored payments that would be kept have no line left to stand on (the record is refused).
 */
function replacedLedger(
  db: DB,
  existingId: number,
  given: RecordInput,
  r: ReadRecord,
  plan: ImportPlan,
  choice: LedgerChoice,
): { input: RecordInput; ledger: LedgerOutcome; lost: boolean; doubts: Doubt[] } {
  let input = given;
  let lost = false;
  let doubts: Doubt[] = [];
  const before = readRecord(db, existingId, { asOf: undefined }).record;
  const stored = before.payments ?? [];
  const fileCount = input.payments?.length ?? 0;
  const keep = choice === 'keep' || (choice === 'auto' && fileCount === 0);
  if (keep && stored.length > 0) {
    const kept = keptPayments(before, input);
    if (kept.lost.length > 0) {
      plan.findings.push(place(finding('ledger_not_kept', { county: input.county.name, ...kept.lostParams }), r.file, r.sheet));
      lost = true;
    }
    input = { ...input, payments: kept.payments };
    doubts = keptLedgerDoubts(input, r, plan);
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
  if (!input.payments?.length) delete input.payments;
  return { input, ledger: { stored: stored.length, file: fileCount, result }, lost, doubts };
}

/**
 * The file's 实际拨付额度 of each line against the stored payments kept on it: where they differ, the
 * ledger would silently overrule the file's figure — a doubt at the file's cell, for a person to see and
 * choose (confirm: the kept ledger decides; or replace or remove the stored payments and the file's figures stand).
 */
function keptLedgerDoubts(input: RecordInput, r: ReadRecord, plan: ImportPlan): Doubt[] {
  const day = r.actuals?.statedDay ?? defaultAsOf(input.county.acceptedOn);
  const payments = input.payments ?? [];
  return ledgerMismatches(input.disbursements, payments, day).map((m) => {
    const figure = r.actuals?.figures?.[m.index] ?? null;
    const at = r.actuals?.at[m.index];
    const params = {
      seq: String(m.line.seq),
      name: m.line.name,
      stated: m.line.actual!,
      sum: m.sum,
      count: String(payments.filter((p) => p.line === m.line.seq).length),
      asOf: day,
    };
    const f = place(finding('ledger_kept_mismatch', params), r.file, at?.sheet ?? r.sheet, at?.cell);
    plan.findings.push(f);
    return doubtOf(f, figure ? [figure] : [], r.county);
  });
}

/** One county's line of the preview: what it holds, what the import does with it, what replacing it changes. */
function plannedRecord(
  db: DB,
  r: ReadRecord,
  input: RecordInput | null,
  action: ImportAction,
  existingId: number | undefined,
  ledger: LedgerOutcome | undefined,
  unconfirmed: number,
): PlannedRecord {
  const computed = input ? computeRecord(input) : null;
  return {
    county: r.county!.name,
    batch: r.county!.batch,
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
    ...(existingId !== undefined && (action === 'replaced' || action === 'held') ? signOffCleared(db, existingId) : {}),
  };
}

/** A record's sign-off (已提交, 已审核) that replacing it clears: the preview says so before anyone confirms. */
function signOffCleared(db: DB, id: number): Pick<PlannedRecord, 'statusReset'> {
  const { status, by } = readStatus(db, id);
  return status === 'draft' ? {} : { statusReset: { status, by } };
}

/**
 * `seen`: the change log's position the plan read the store at; `reading`: what the plan would write, as one key.
 * Both are sent back with the commit of a preview.
 */
export type ImportResult = Omit<ImportPlan, 'inputs'> & { backup: string | null; committed: boolean; seen: number; reading: string };

/**
 * What a plan would write, as one key: each county's record as it would land and the doubts of its reading
 * (not whether they are confirmed, nor held or created — confirming is what a commit adds to its preview).
 */
function readingKey(plan: ImportPlan): string {
  const records = plan.records.map((r, i) => [r.file, r.sheet, r.county, r.batch, r.existingId ?? null, plan.inputs[i]]);
  return createHash('sha256')
    .update(JSON.stringify([records, plan.doubts.map((d) => d.id)]))
    .digest('hex')
    .slice(0, 32);
}

/** A commit of a preview whose reading is not the one the person saw (a correction shown but not applied, say) writes nothing. */
function assertReadingSeen(reading: string, seen: string | undefined): void {
  if (seen === undefined || seen === reading) return;
  throw appError(
    'reading_changed',
    '要导入的读法与预览中显示的不同(例如更正读法后尚未重新读取),未导入任何内容;请重新预览,核对后再导入。',
    'What would be imported is not the reading the preview showed (a correction not yet applied, say); nothing was imported. Preview again, check it, then import.',
  );
}

/**
 * A county the import creates or replaces, as the plan (or the preview the person confirmed) found it: one
 * made, changed or deleted by someone since is refused, naming the change — replacing it would overwrite
 * what nobody saw. Checked inside the import's transaction.
 */
function assertAsPlanned(db: DB, r: PlannedRecord, county: RecordInput['county'], since: number): void {
  if (r.action === 'created') assertCountyFree(db, county);
  // Its review status too: a record submitted (or sent back) since the preview is not the draft the person chose to replace.
  const change = r.action === 'replaced' ? changedSince(db, r.existingId!, since, true) : undefined;
  if (!change) return;
  const what = stepInWords(db, change);
  throw appError(
    'record_changed',
    `${r.county} 第${r.batch}批 在导入预览之后已被修改:${what.zh}。替换它会覆盖这次修改,未导入任何内容;请重新预览后再导入。`,
    `${r.county} (batch ${r.batch}) changed after the import preview: ${what.en}. Replacing it would overwrite that change; nothing was imported. Preview again, then import.`,
    {},
    { by: change.client_kind, user: change.user_name, at: change.at, action: change.label },
  );
}

/** Plans, then (unless a dry run or the plan has errors) writes all records in one step. */
export async function importWorkbooks(
  db: DB,
  actor: Actor,
  dbFile: string,
  given: ImportFile[],
  options: { onConflict: OnConflict; dryRun: boolean } & ImportOptions,
): Promise<ImportResult> {
  const files = namedPrintably(given);
  // Before the plan reads the store: a change made while it reads counts as not seen.
  const read = logPosition(db);
  const full = await planImport(db, files, options.onConflict, options);
  const { inputs, ...planned } = full;
  const plan = { ...planned, seen: read, reading: readingKey(full) };
  if (!options.dryRun) assertReadingSeen(plan.reading, options.reading);
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
      // A plan (or the preview the person confirmed) read before a backup was restored into the file planned against
      // other data: refused, with `seen` or without (the command line's plan is read at `read`).
      assertUnchangedSince(db, actor, options.seen ?? read, []);
      plan.records.forEach((r, i) => {
        if (r.action === 'skipped') return;
        assertAsPlanned(db, r, inputs[i]!.county, options.seen ?? read);
        if (r.action === 'replaced') removeRecord(db, changes, r.existingId!);
        assertPaidByToday(actor, r.county, inputs[i]!.payments ?? []);
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
