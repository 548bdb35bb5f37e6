// Who may do what in a team workspace (docs/workspace.md). One rule per contract method — the compiler
// holds the table to the contract, and a test calls every method as every role — saying which roles may
// call it and which records it reads or writes; the local owner (the desktop, the CLI, `yanshou web`)
// may do everything. A record outside the caller's scope is refused exactly as a record that does not
// exist. What a race could change — a record's status, where it stands — is checked again inside the
// write transaction (changelog.ts and status.ts call assertMayEdit, assertStillInScope, assertTransition).
import type { z } from 'zod';
import { appError } from '../../shared/errors';
import { partOutsideScope, placeInScope, roleLabel, type Caller, type Place, type Role } from '../../shared/accounts';
import { STATUSES, statusLabel, type ReviewStatus } from '../../shared/status';
import type { contract, Method } from '../../shared/contract';
import { noRecord } from './store/records';
import type { DB } from './store/database';

type ParsedInput<M extends Method> = z.output<(typeof contract)[M]['input']>;
type Rule<M extends Method> = {
  /** The roles that may call it (the local owner always may). */
  roles: readonly Role[];
  /** The records it reads or writes, from its input: each must lie in the caller's scope. */
  records?: (input: ParsedInput<M>) => readonly number[];
};

const READERS = ['county', 'prefecture', 'province'] as const;
const EVERYONE = [...READERS, 'admin'] as const;
const OFFICER = ['county'] as const;
const OWNER_ONLY = [] as const;

const byId = (input: { id: number }) => [input.id];
const byRecordId = (input: { recordId: number }) => [input.recordId];
const byIds = (input: { ids: number[] }) => input.ids;

export const POLICY: { [M in Method]: Rule<M> } = {
  info: { roles: EVERYONE },
  // Every role may list; each sees the records of its scope (an administrator none).
  listRecords: { roles: EVERYONE },
  getRecord: { roles: READERS, records: byId },
  // The status a role may set is decided in the transaction that sets it (assertTransition).
  setStatus: { roles: READERS, records: byId },
  editPayments: { roles: OFFICER, records: byRecordId },
  deletePayments: { roles: OFFICER, records: byRecordId },
  // A new record must lie in the officer's county: checked when it is written (assertStillInScope).
  createRecord: { roles: OFFICER },
  addDemo: { roles: OWNER_ONLY },
  duplicateRecord: { roles: OFFICER, records: byId },
  deleteRecord: { roles: OFFICER, records: byId },
  // Each reader sees the deletions of its scope; bringing a county back writes it: its officers (scope checked when written).
  deletedRecords: { roles: READERS },
  restoreRecord: { roles: OFFICER },
  updateCounty: { roles: OFFICER, records: byId },
  editCells: { roles: OFFICER, records: byRecordId },
  replaceText: { roles: OFFICER, records: byRecordId },
  insertRows: { roles: OFFICER, records: byRecordId },
  deleteRows: { roles: OFFICER, records: byRecordId },
  moveRow: { roles: OFFICER, records: byRecordId },
  // A caller's own steps; each replayed step is checked as the edit it is (changelog.ts).
  undo: { roles: READERS },
  redo: { roles: READERS },
  history: { roles: READERS },
  // What an import writes is checked record by record in its transaction.
  importWorkbooks: { roles: OFFICER },
  exportWorkbook: { roles: READERS, records: byIds },
  saveExport: { roles: READERS, records: byIds },
  exportPdf: { roles: READERS, records: byIds },
  printDocument: { roles: READERS, records: byIds },
  exportOverview: { roles: READERS, records: byIds },
  saveOverview: { roles: READERS, records: byIds },
  printOverview: { roles: READERS, records: byIds },
  exportTemplate: { roles: READERS },
  saveTemplate: { roles: READERS },
  getPreferences: { roles: EVERYONE },
  // The data file's settings (the province's 执行率 line): the province's.
  setPreferences: { roles: ['province'] },
  editPerformance: { roles: OFFICER, records: byRecordId },
  editIndicators: { roles: OFFICER, records: byRecordId },
  insertIndicators: { roles: OFFICER, records: byRecordId },
  deleteIndicators: { roles: OFFICER, records: byRecordId },
  draftPerformance: { roles: OFFICER, records: byRecordId },
  // A workspace's file backups are PostgreSQL's (pg_dump); the local owner backs up its file.
  backupNow: { roles: OWNER_ONLY },
  // Which file a server or window has open is its owner's: a user of a workspace is told to ask them.
  reopenDataFile: { roles: OWNER_ONLY },
  waitForCommand: { roles: EVERYONE },
  listUsers: { roles: ['admin'] },
  addUser: { roles: ['admin'] },
  updateUser: { roles: ['admin'] },
  // The desktop's own: which store its window works on.
  openWorkspace: { roles: OWNER_ONLY },
  closeWorkspace: { roles: OWNER_ONLY },
};

type RecordPlace = Place & { status: ReviewStatus; batch: number };

function placeOf(db: DB, recordId: number): RecordPlace | undefined {
  const row = db.prepare('SELECT province, prefecture, county_name, status, batch FROM records WHERE id = ?').get(recordId) as
    { province: string | null; prefecture: string | null; county_name: string; status: ReviewStatus; batch: number } | undefined;
  return row && { province: row.province, prefecture: row.prefecture, county: row.county_name, status: row.status, batch: row.batch };
}

/** Does the caller see a record standing here? The owner sees all; an administrator no record. */
export function visible(caller: Caller, place: Place): boolean {
  if (caller.kind === 'owner') return true;
  return caller.role !== 'admin' && placeInScope(place, caller.scope);
}

const forbidden = (caller: Caller & { kind: 'user' }) =>
  appError(
    'forbidden',
    `您的角色(${roleLabel(caller.role, 'zh')})不能做这件事`,
    `Your role (${roleLabel(caller.role, 'en')}) may not do this`,
  );

/** Refuses a call the caller's role may not make, or one naming a record outside its scope (as if it did not exist). */
export function authorize<M extends Method>(db: DB, caller: Caller, method: M, input: ParsedInput<M>): void {
  if (caller.kind === 'owner') return;
  const rule = POLICY[method];
  if (!rule.roles.includes(caller.role)) throw forbidden(caller);
  for (const id of rule.records?.(input) ?? []) {
    const place = placeOf(db, id);
    if (!place || !visible(caller, place)) throw noRecord(id);
  }
}

/**
 * A change of a record's figures (inside its transaction): only a county officer, only in its scope,
 * only while the record is 草稿 — once submitted, the record is the reviewers'.
 */
export function assertMayEdit(db: DB, caller: Caller, recordId: number): void {
  if (caller.kind === 'owner') return;
  const place = placeOf(db, recordId);
  if (!place || !visible(caller, place)) throw noRecord(recordId);
  if (caller.role !== 'county') throw forbidden(caller);
  if (place.status !== 'draft')
    throw appError(
      'locked',
      `${place.county} 第${place.batch}批 ${statusLabel(place.status, 'zh')},县级只能修改草稿。如需修改,请审核人员退回草稿。`,
      `${place.county}, batch ${place.batch}, is ${statusLabel(place.status, 'en')}: a county officer changes drafts only. Ask a reviewer to send it back to draft.`,
      {},
      { status: place.status },
    );
}

/** After a change (inside its transaction): every record it made or changed still lies in the caller's scope. */
export function assertStillInScope(db: DB, caller: Caller, recordIds: Iterable<number>): void {
  if (caller.kind === 'owner') return;
  for (const id of recordIds) {
    const place = placeOf(db, id);
    if (!place || visible(caller, place)) continue;
    // The place that is outside: 赣州市 when the prefecture was changed, not the county that is the scope's own.
    const outside = partOutsideScope(place, caller.scope) ?? { part: 2, name: place.county };
    throw appError(
      'out_of_scope',
      `${outside.name} 不在您的范围(${caller.scope.join('/')})内,未做任何改动`,
      `${outside.name} is outside your scope (${caller.scope.join('/')}); nothing was changed`,
      { field: ['county.province', 'county.prefecture', 'county.name'][outside.part] },
    );
  }
}

type Transition = { from: readonly ReviewStatus[]; to: ReviewStatus; reason?: true };
/** The review steps each role takes: submit; review or send back (with a reason); accept or unlock (with a reason). */
const TRANSITIONS: Record<Role, readonly Transition[]> = {
  county: [{ from: ['draft'], to: 'submitted' }],
  prefecture: [
    { from: ['submitted'], to: 'reviewed' },
    { from: ['submitted', 'reviewed'], to: 'draft', reason: true },
  ],
  province: [
    { from: ['draft', 'submitted', 'reviewed'], to: 'accepted' },
    { from: ['accepted'], to: 'reviewed', reason: true },
    { from: ['accepted'], to: 'submitted', reason: true },
    { from: ['accepted'], to: 'draft', reason: true },
  ],
  admin: [],
};

/**
 * The statuses this caller may set a record at `from` to — what the status dialog offers (the transaction
 * decides again, assertTransition). The local owner: any, but 已验收 is not given twice.
 */
export function statusChoices(caller: Caller, from: ReviewStatus): ReviewStatus[] {
  if (caller.kind === 'owner') return STATUSES.filter((s) => !(from === 'accepted' && s === 'accepted'));
  const allowed = new Set(TRANSITIONS[caller.role].filter((t) => t.from.includes(from)).map((t) => t.to));
  return STATUSES.filter((s) => allowed.has(s));
}

/** A status change by this caller, decided on the status as it is in the transaction that changes it. */
export function assertTransition(
  caller: Caller,
  where: { county: string; batch: number },
  from: ReviewStatus,
  to: ReviewStatus,
  reason: string | null,
): void {
  if (caller.kind === 'owner') return;
  const step = TRANSITIONS[caller.role].find((t) => t.to === to && t.from.includes(from));
  if (!step)
    throw appError(
      'forbidden',
      `您的角色(${roleLabel(caller.role, 'zh')})不能把 ${where.county} 第${where.batch}批 从“${statusLabel(from, 'zh')}”改为“${statusLabel(to, 'zh')}”`,
      `Your role (${roleLabel(caller.role, 'en')}) may not move ${where.county}, batch ${where.batch}, from ${statusLabel(from, 'en')} to ${statusLabel(to, 'en')}`,
      { field: 'status' },
    );
  if (step.reason && !reason)
    throw appError('reason_needed', '退回或解除验收须写明理由', 'Sending back or unlocking needs a reason', { field: 'reason' });
}
