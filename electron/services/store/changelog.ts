// The one mutation path. Every change to records, items and disbursements goes through a
// Changes object inside mutate(), which writes the change log as it goes; undo and redo replay
// that log backwards and forwards, so they survive a restart and treat one action as one step.
//
// Each step belongs to the client that made it (a window, a browser tab, a CLI run): a client
// undoes and redoes its own steps only, and never over a row another client changed since.
import { randomUUID } from 'node:crypto';
import { appError } from '../../../shared/errors';
import { stepLabel, type StepDetail } from '../../../shared/steps';
import { daysOnEarth, isDay, today } from '../../../shared/ledger';
import { lockedMessages } from '../../../shared/status';
import type { DB } from './database';
import type { Statement } from './db';
import { withBackup } from './backup';
import { assertLineSums } from './line-sums';
import { writeTransaction } from './busy';
import { once, requestKey } from './requests';

import { TABLE_COLUMNS, type Row, type Table } from './columns';
import { OWNER, type Caller } from '../../../shared/accounts';
import { assertMayEdit, assertStillInScope } from '../policy';
import { nameOfKey, sameCountyRecords, storedCountyKey } from './records';

export type { Row, Table, Value } from './columns';

/**
 * Who makes a change: a client id (stable for a window or tab), what kind of client it is, and who
 * calls — a signed-in user of `yanshou serve`, whose rights the policy checks (../policy.ts); without
 * one, the local owner (the desktop window, a CLI run, `yanshou web` on 127.0.0.1), who may do everything.
 */
export type ActorKind = 'desktop' | 'web' | 'cli';
/**
 * `request`: the id a client sends with a call, the same again when it retries it (requests.ts). `today`: the
 * person's own day (a browser's, which may not be the server's); without it, this machine's.
 */
export type Actor = { client: string; kind: ActorKind; caller?: Caller; request?: string; today?: string };

export const callerOf = (actor: Actor): Caller => actor.caller ?? OWNER;
/** The name the change log keeps for who made a step: the user's; null for the local owner. */
const userNameOf = (actor: Actor): string | null => (actor.caller?.kind === 'user' ? actor.caller.name : null);

/** The desktop app's one window (single instance): its undo history carries over restarts. */
export const DESKTOP: Actor = { client: 'desktop', kind: 'desktop' };
/** One run of the command line. */
export const cliActor = (): Actor => ({ client: `cli-${process.pid}-${Date.now()}`, kind: 'cli' });
const isId = (id: unknown): id is string => typeof id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(id);
/** The actor of one call that carries a request id (a well-formed one; else the call is a new one as ever). */
export const withRequest = (actor: Actor, request: unknown): Actor => (isId(request) ? { ...actor, request } : actor);
/** A browser tab of the web mode, by the id the page keeps for as long as the tab lives; `request`: the call's id; `day`: the tab's day. */
export const webActor = (tab: string | undefined, request?: string, day?: string): Actor =>
  withRequest({ client: `web-${isId(tab) ? tab : 'anonymous'}`, kind: 'web', ...(day && isDay(day) ? { today: day } : {}) }, request);

/**
 * The person's day an actor brings (a browser tab's): taken only if some place on earth is on that day now by this
 * machine's clock (daysOnEarth, UTC−12 … UTC+14), else refused naming both days — a page whose clock says 2030 does
 * not date a payment or an acceptance 2030. Without one, this machine's day. Every call is checked (api.ts dispatch),
 * and again where the day is written (a payment's "not after today", an acceptance's day).
 */
export function personDay(actor: Actor, now = new Date()): string {
  const server = today(now);
  if (actor.today === undefined) return server;
  const { first, last } = daysOnEarth(now);
  if (actor.today < first || actor.today > last)
    throw appError(
      'wrong_day',
      `您电脑的日期 ${actor.today} 与服务器的日期 ${server} 相差太远,请先校正电脑日期`,
      `Your computer's date ${actor.today} is too far from the server's date ${server}; please set your computer's date right first`,
      {},
      { day: actor.today, serverDay: server },
    );
  return actor.today;
}

function checkColumn(table: Table, column: string): void {
  if (!TABLE_COLUMNS[table].includes(column)) throw new Error(`unknown column ${table}.${column}`);
}

/**
 * A statement prepared once per connection and kept: preparing costs far more than running (an
 * import of a thousand counties runs the same handful of statements some 20,000 times).
 */
const statements = new WeakMap<DB, Map<string, Statement>>();
export function statement(db: DB, sql: string): Statement {
  let mine = statements.get(db);
  if (!mine) statements.set(db, (mine = new Map()));
  let s = mine.get(sql);
  if (!s) mine.set(sql, (s = db.prepare(sql)));
  return s;
}

/** What an INSERT gives back: nothing, the new row's id, or the row as stored (defaults filled in). */
type Returning = 'nothing' | 'id' | 'row';

/** Each connection's INSERTs, by table, columns and what they return (a key far quicker to make than the statement's text). */
const inserts = new WeakMap<DB, Map<string, Statement>>();

/** The INSERT of a row with these columns into `table`. */
function insertStatement(db: DB, table: Table, cols: string[], returning: Returning): Statement {
  let mine = inserts.get(db);
  if (!mine) inserts.set(db, (mine = new Map()));
  const key = `${table} ${returning} ${cols.join()}`;
  let s = mine.get(key);
  if (!s) {
    cols.forEach((c) => checkColumn(table, c));
    const tail = returning === 'row' ? ` RETURNING ${TABLE_COLUMNS[table].join(', ')}` : returning === 'id' ? ' RETURNING id' : '';
    s = statement(db, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})${tail}`);
    mine.set(key, returning === 'id' ? (s = s.pluck()) : s);
  }
  return s;
}

function insertRow(db: DB, table: Table, row: Row): void {
  insertStatement(db, table, Object.keys(row), 'nothing').run(row);
}

function readRow(db: DB, table: Table, id: number): Row {
  const row = statement(db, `SELECT ${TABLE_COLUMNS[table].join(', ')} FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new Error(`no row ${table}#${id}`);
  return row;
}

/**
 * The rows that refer to a row (SQLite would delete them with it, ON DELETE CASCADE): a deletion through
 * Changes removes them first, logged; a replay that would delete a row they refer to is refused.
 */
const DEPENDENTS: Record<Table, { table: Table; column: string }[]> = {
  records: [
    { table: 'payments', column: 'record_id' },
    { table: 'items', column: 'record_id' },
    { table: 'disbursements', column: 'record_id' },
    { table: 'performance', column: 'record_id' },
    { table: 'performance_indicators', column: 'record_id' },
  ],
  disbursements: [{ table: 'payments', column: 'disbursement_id' }],
  items: [],
  payments: [],
  performance: [],
  performance_indicators: [],
};

const dependentsOf = (db: DB, table: Table, id: number) =>
  DEPENDENTS[table].map(({ table: child, column }) => ({
    table: child,
    ids: statement(db, `SELECT id FROM ${child} WHERE ${column} = ? ORDER BY id`).pluck().all(id) as number[],
  }));

/**
 * A row a step inserted, logged without its values (`after`): they are in its table, where nothing but a logged change
 * alters them, until an undo takes the row out and logs them then. An import's rows are written once, not twice.
 */
const IN_TABLE = '';

export class Changes {
  private count = 0;
  /** The records whose rows this step changed (their version is raised once, at the end of the step). */
  readonly records = new Set<number>();
  /** Records this step found unlocked (or created): checked once, not before every row. */
  private readonly unlocked = new Set<number>();
  constructor(
    /** The store the step writes to (read by a write that depends on what is stored, such as a record's county_key). */
    readonly db: DB,
    private readonly stepId: number,
    /** A status change may touch an accepted record (to unlock it); nothing else may. */
    private readonly action: string,
    private readonly caller: Caller = OWNER,
  ) {}

  private assertUnlocked(recordId: number): void {
    if (this.action === STATUS_ACTION || this.unlocked.has(recordId)) return;
    assertMayEdit(this.db, this.caller, recordId);
    assertNotAccepted(this.db, recordId);
    this.unlocked.add(recordId);
  }

  get changed(): boolean {
    return this.count > 0;
  }

  /** What the step names, once known inside the transaction (the row a cell edit fell on). */
  describe(detail: StepDetail): void {
    statement(this.db, 'UPDATE steps SET detail = ? WHERE id = ?').run(JSON.stringify(detail), this.stepId);
  }

  /** One change in the log; `before` and `after` as JSON (null: no row before, or none after), or IN_TABLE. */
  private log(table: Table, rowId: number, recordId: number | null, field: string | null, before: string | null, after: string | null) {
    this.count++;
    if (recordId !== null) this.records.add(recordId);
    statement(
      this.db,
      'INSERT INTO changes (step_id, table_name, row_id, record_id, field, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(this.stepId, table, rowId, recordId, field, before, after);
  }

  insert(table: Table, row: Row): number {
    if (table === 'records') return this.insertRecordRow(row);
    this.assertUnlocked(Number(row.record_id));
    const id = Number(insertStatement(this.db, table, Object.keys(row), 'id').get(row));
    this.log(table, id, Number(row.record_id), null, null, IN_TABLE);
    return id;
  }

  /**
   * A record's row comes back from its INSERT as stored (status, version and keys filled in) and is logged whole: what
   * an undo or redo would remove or bring back is told by its county and batch (removesRecord, assertRecordKeyFree).
   */
  private insertRecordRow(row: Row): number {
    const stored = insertStatement(this.db, 'records', Object.keys(row), 'row').get(row) as Row;
    const id = Number(stored.id);
    if (stored.status !== 'accepted') this.unlocked.add(id);
    this.log('records', id, id, null, null, JSON.stringify(stored));
    return id;
  }

  /** Sets fields of one row; a field whose value does not change is not logged. */
  update(table: Table, id: number, fields: Row): void {
    const before = readRow(this.db, table, id);
    this.assertUnlocked(recordIdOf(table, before));
    for (const [field, value] of Object.entries(fields)) {
      checkColumn(table, field);
      if (field === 'id' || before[field] === value) continue;
      // A record's own fields (its status among them) may change what the lock says.
      if (table === 'records') this.unlocked.delete(id);
      statement(this.db, `UPDATE ${table} SET ${field} = ? WHERE id = ?`).run(value, id);
      this.log(table, id, recordIdOf(table, before), field, JSON.stringify(before[field]), JSON.stringify(value));
    }
    // A record moved out of the caller's scope is refused here, naming the place, not later as a record not found.
    if (table === 'records') assertStillInScope(this.db, this.caller, [id]);
  }

  /** Deletes a row, and first every row that refers to it (each logged: nothing goes by cascade unseen). */
  remove(table: Table, id: number): void {
    const before = readRow(this.db, table, id);
    this.assertUnlocked(recordIdOf(table, before));
    for (const dependents of dependentsOf(this.db, table, id)) for (const child of dependents.ids) this.remove(dependents.table, child);
    statement(this.db, `DELETE FROM ${table} WHERE id = ?`).run(id);
    if (table === 'records') this.unlocked.delete(id);
    this.log(table, id, recordIdOf(table, before), null, JSON.stringify(before), null);
  }
}

/** The action of a review-status change (shared/status.ts). */
export const STATUS_ACTION = 'status';

/** An accepted record is locked: every change of it is refused, naming the status and who accepted it. */
export function assertNotAccepted(db: DB, recordId: number): void {
  const r = statement(db, 'SELECT county_name, batch, status, status_by, status_at, status_day FROM records WHERE id = ?').get(recordId) as
    | { county_name: string; batch: number; status: string; status_by: string | null; status_at: string | null; status_day: string | null }
    | undefined;
  if (r?.status !== 'accepted') return;
  // The day the acceptance was of, as its person saw it (status_day), not the UTC day of its time.
  const { zh, en } = lockedMessages(r.county_name, r.batch, r.status_by, r.status_day ?? r.status_at);
  throw appError('locked', zh, en, {}, { status: r.status, by: r.status_by, at: r.status_at });
}

function recordIdOf(table: Table, row: Row): number {
  return Number(table === 'records' ? row.id : row.record_id);
}

/** What a step did, as the log keeps it: the action and what it names (county, table, row, field). */
export type StepSpec = { action: string; recordId: number | null; detail?: StepDetail };

/**
 * Runs `fn` as one undoable step of `actor` in one write transaction (it waits for the write lock
 * while another process writes). A new step discards the steps this actor had undone (no redo
 * after a new edit, as in every editor); other clients' steps are theirs. A step that changed
 * nothing leaves no trace.
 */
export function mutate<T>(db: DB, actor: Actor, spec: StepSpec, fn: (changes: Changes) => T): T {
  const key = requestKey(actor);
  return writeTransaction(db, () => once(db, actor.client, key, () => step(db, actor, spec, fn)));
}

function step<T>(db: DB, actor: Actor, spec: StepSpec, fn: (changes: Changes) => T): T {
  statement(db, 'DELETE FROM steps WHERE undone = 1 AND client = ?').run(actor.client);
  const stepId = nextPosition(db);
  statement(db, 'INSERT INTO steps (id, at, label, record_id, client, client_kind, detail, user_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    stepId,
    new Date().toISOString(),
    spec.action,
    spec.recordId,
    actor.client,
    actor.kind,
    JSON.stringify(spec.detail ?? {}),
    userNameOf(actor),
  );
  const changes = new Changes(db, stepId, spec.action, callerOf(actor));
  const result = fn(changes);
  if (spec.action !== STATUS_ACTION) assertStillInScope(db, callerOf(actor), changes.records);
  raiseVersions(db, changes.records, spec.action !== STATUS_ACTION);
  if (!changes.changed) statement(db, 'DELETE FROM steps WHERE id = ?').run(stepId);
  else if (spec.recordId === null)
    statement(
      db,
      'UPDATE steps SET record_id = (SELECT record_id FROM changes WHERE step_id = @step ORDER BY id LIMIT 1) WHERE id = @step',
    ).run({ step: stepId });
  return result;
}

/**
 * After a step (or its undo or redo) touched these records: each gets a summary key never used before (what
 * a list computed of it is stale), and, when their figures changed (a status change does not), its version.
 */
function raiseVersions(db: DB, records: Iterable<number>, figures: boolean): void {
  const raise = statement(db, `UPDATE records SET ${figures ? 'version = version + 1, ' : ''}summary_key = ? WHERE id = ?`);
  const key = randomUUID();
  for (const id of records) raise.run(key, id);
}

type ChangeRow = {
  id: number;
  table_name: Table;
  row_id: number;
  record_id: number | null;
  field: string | null;
  before: string | null;
  after: string | null;
};

function apply(db: DB, change: ChangeRow, direction: Direction): void {
  const from = direction === 'undo' ? change.after : change.before;
  const to = direction === 'undo' ? change.before : change.after;
  const table = change.table_name;
  if (table === 'records') assertRecordKeyFree(db, change, to, direction);
  if (change.field !== null) {
    checkColumn(table, change.field);
    const value = to === null ? null : JSON.parse(to);
    db.prepare(`UPDATE ${table} SET ${change.field} = ? WHERE id = ?`).run(storedKeyOf(db, change, value), change.row_id);
  } else if (to === null && from !== null) {
    assertNothingDependsOn(db, table, change.row_id, direction);
    // A row logged IN_TABLE is kept in the log as the undo takes it out: a redo puts it back as it was.
    if (from === IN_TABLE)
      statement(db, 'UPDATE changes SET after = ? WHERE id = ?').run(JSON.stringify(readRow(db, table, change.row_id)), change.id);
    db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(change.row_id);
  } else if (to !== null) {
    const row = JSON.parse(to) as Row;
    insertRow(db, table, table === 'records' ? { ...row, county_key: storedCountyKey(db, identityOf(row)) } : row);
  }
}

const identityOf = (row: Row) => ({
  name: String(row.county_name),
  batch: Number(row.batch),
  province: row.province as string | null,
  prefecture: row.prefecture as string | null,
});

/**
 * A record's county_key as a replay puts it back: the key it had, unless a county of its name in another place holds that
 * key since (江北区 of 宁波市 imported after 江北区 of 重庆市 was deleted) — then its name with its place (storedCountyKey).
 */
function storedKeyOf(db: DB, change: ChangeRow, value: unknown): unknown {
  if (change.table_name !== 'records' || change.field !== 'county_key' || typeof value !== 'string') return value;
  const row = db.prepare('SELECT county_name, batch, province, prefecture FROM records WHERE id = ?').get(change.row_id) as Row;
  return storedCountyKey(db, { ...identityOf(row), name: nameOfKey(value) }, change.row_id);
}

/**
 * A record a replay brings back, or gives back its county or batch, must not take the county and
 * batch another record holds since (a re-import, another window's new record): refused, naming it,
 * rather than failing on the database's unique key.
 */
function assertRecordKeyFree(db: DB, change: ChangeRow, to: string | null, direction: Direction): void {
  const identity = ['county_name', 'county_key', 'batch', 'province', 'prefecture'];
  if (to === null || (change.field !== null && !identity.includes(change.field))) return;
  const row: Row =
    change.field === null
      ? (JSON.parse(to) as Row)
      : {
          ...(db.prepare('SELECT county_name, batch, province, prefecture FROM records WHERE id = ?').get(change.row_id) as Row),
          [change.field]: JSON.parse(to),
        };
  // A county's name and its short form are one county (长白县, 长白朝鲜族自治县), in one place (not 江北区 of 重庆市 and of 宁波市).
  const other = sameCountyRecords(db, identityOf(row), change.row_id)[0];
  if (!other) return;
  const verb = direction === 'undo' ? ['撤销', 'undo'] : ['重做', 'redo'];
  throw appError(
    'undo_conflict',
    `无法${verb[0]}:${other.name} 第${other.batch}批 此后已另有一条记录(另一个窗口新建或导入),${verb[0]}后会重复。未做任何改动。`,
    `Cannot ${verb[1]}: ${other.name}, batch ${other.batch} has been created again since (by another window or an import); it would exist twice. Nothing was changed.`,
  );
}

const DEPENDENT_NOUNS: Record<Table, [string, string]> = {
  payments: ['笔拨付', 'payment(s)'],
  items: ['行建设内容', 'row(s) of table 2'],
  disbursements: ['行资金拨付', 'line(s) of table 3'],
  records: ['条记录', 'record(s)'],
  performance: ['份绩效自评', 'performance part(s)'],
  performance_indicators: ['项绩效指标', 'indicator(s)'],
};

/**
 * A replay deletes only rows its step made: a row another window (or this one, in a step since) hangs data
 * on — payments under a line, rows of a record — is not deleted with it. Refused, naming what and who.
 */
function assertNothingDependsOn(db: DB, table: Table, rowId: number, direction: Direction): void {
  const found = dependentsOf(db, table, rowId).filter((d) => d.ids.length > 0);
  if (found.length === 0) return;
  const latest = (ids: number[]) =>
    db.prepare(
      `SELECT s.at, s.client_kind, s.user_name FROM changes c JOIN steps s ON s.id = c.step_id
       WHERE s.undone = 0 AND c.table_name = ? AND c.row_id IN (${ids.map(() => '?').join(', ')}) ORDER BY s.id DESC LIMIT 1`,
    );
  let hit: { at: string; client_kind: ActorKind; user_name: string | null } | undefined;
  for (const d of found) hit ??= latest(d.ids).get(d.table, ...d.ids) as typeof hit;
  const owner = db
    .prepare(
      table === 'records'
        ? 'SELECT county_name AS county, NULL AS seq FROM records WHERE id = ?'
        : `SELECT r.county_name AS county, t.seq FROM ${table} t JOIN records r ON r.id = t.record_id WHERE t.id = ?`,
    )
    .get(rowId) as { county: string; seq: number | null } | undefined;
  const tableName =
    table === 'items'
      ? ['表二', 'table 2']
      : table === 'disbursements'
        ? ['表三', 'table 3']
        : table === 'payments'
          ? ['拨付台账', 'the ledger']
          : ['', ''];
  const where = owner
    ? {
        zh: `${owner.county}${owner.seq !== null ? ` ${tableName[0]} 序号 ${owner.seq} 的行` : ''}`,
        en: `${owner.county}${owner.seq !== null ? `, ${tableName[1]} No. ${owner.seq}` : ''}`,
      }
    : { zh: '', en: '' };
  const what = {
    zh: found.map((d) => `${d.ids.length} ${DEPENDENT_NOUNS[d.table][0]}`).join('、'),
    en: found.map((d) => `${d.ids.length} ${DEPENDENT_NOUNS[d.table][1]}`).join(', '),
  };
  const [whoZh, whoEn] = hit ? whoMade(hit) : ['其他窗口', 'another window'];
  const when = hit ? ` ${timeOf(hit.at)}` : '';
  const verb = direction === 'undo' ? ['撤销', 'undo'] : ['重做', 'redo'];
  throw appError(
    'undo_conflict',
    `无法${verb[0]}:这一步会删除 ${where.zh},连同${whoZh}${when ? `在${when} ` : ''}录入的 ${what.zh}。为免删除别人的数据,未做任何改动。`,
    `Cannot ${verb[1]}: this step would delete ${where.en} and with it ${what.en} entered by ${whoEn}${hit ? ` at${when}` : ''}. Nothing was changed, so their data is not deleted.`,
    {},
    { ...(hit ? { by: hit.client_kind, user: hit.user_name, at: hit.at } : {}), rows: found.reduce((n, d) => n + d.ids.length, 0) },
  );
}

const timeOf = (iso: string) => {
  const time = new Date(iso);
  return `${time.toLocaleDateString('zh-CN')} ${time.toTimeString().slice(0, 8)}`;
};

export type StepRow = {
  id: number;
  label: string;
  record_id: number | null;
  at: string;
  undone: number;
  client_kind: ActorKind;
  detail: string | null;
  user_name: string | null;
  skipped: number;
};

export type StepInfo = {
  id: number;
  action: string;
  detail: StepDetail;
  recordId: number | null;
  at: string;
  undone: boolean;
  /** Undoing it (or redoing it, once undone) would remove a whole record: ask first. */
  removesRecord: boolean;
  /** The signed-in user who made it; null: the local owner. */
  user: string | null;
  /** Skipped in this window's undo: others built on it, it cannot be undone; it stays in effect. */
  skipped: boolean;
};

const STEP_COLUMNS = 'id, label, record_id, at, undone, client_kind, detail, user_name, skipped';

function removesRecord(db: DB, step: StepRow): boolean {
  // Undo removes a record the step inserted; redo removes one the step deleted — unless the same
  // replay puts a record of that county and batch back (an import that replaced it): that county stays.
  const [gone, kept] = step.undone ? (['after', 'before'] as const) : (['before', 'after'] as const);
  const rows = statement(db, "SELECT before, after FROM changes WHERE step_id = ? AND table_name = 'records' AND field IS NULL").all(
    step.id,
  ) as { before: string | null; after: string | null }[];
  const countyOf = (row: string) => {
    const r = JSON.parse(row) as { county_key: string; batch: number };
    return `${r.county_key}/${r.batch}`;
  };
  const putBack = new Set(rows.flatMap((r) => (r[kept] === null && r[gone] !== null ? [countyOf(r[gone])] : [])));
  return rows.some((r) => r[gone] === null && r[kept] !== null && !putBack.has(countyOf(r[kept])));
}

export function stepInfo(db: DB, row: StepRow): StepInfo {
  return {
    id: row.id,
    action: row.label,
    detail: row.detail ? (JSON.parse(row.detail) as StepDetail) : {},
    recordId: row.record_id,
    at: row.at,
    undone: row.undone === 1,
    removesRecord: removesRecord(db, row),
    user: row.user_name ?? null,
    skipped: row.skipped === 1,
  };
}

type Direction = 'undo' | 'redo';

/**
 * A step someone else took back (a county this window deleted, brought back through 已删除的记录 by another window):
 * not this window's undo, so not its to redo — its redo goes on with its own undone steps.
 */
const takenBackByOthers = (db: DB, stepId: number) =>
  statement(db, 'SELECT 1 FROM replays r JOIN steps s ON s.id = r.step_id WHERE r.step_id = ? AND r.client != s.client LIMIT 1').get(
    stepId,
  ) !== undefined;

/** This actor's steps a replay takes, in the order it applies them: undo — its done steps, newest
 * first, down to `through` (or only the latest); redo — its undone steps, oldest first, up to it. */
function stepsToReplay(db: DB, client: string, direction: Direction, through: number | undefined): StepRow[] {
  const all = db
    .prepare(
      direction === 'undo'
        ? `SELECT ${STEP_COLUMNS} FROM steps WHERE client = ? AND undone = 0 AND skipped = 0 ORDER BY id DESC`
        : `SELECT ${STEP_COLUMNS} FROM steps WHERE client = ? AND undone = 1 ORDER BY id ASC`,
    )
    .all(client) as StepRow[];
  const rows = direction === 'redo' ? all.filter((r) => !takenBackByOthers(db, r.id)) : all;
  if (through === undefined) return rows.slice(0, 1);
  const end = rows.findIndex((r) => r.id === through);
  if (end < 0) throw appError('no_step', '这一步不在可撤销或重做的范围内', 'That step cannot be undone or redone from here');
  return rows.slice(0, end + 1);
}

const WHO = {
  desktop: ['桌面窗口', 'the desktop window'],
  web: ['浏览器窗口', 'a browser window'],
  cli: ['命令行', 'the command line'],
} as const;

/** Who made a step, in words: the user by name (a team workspace) with the kind of window, else the kind of window. */
export function whoMade(row: { client_kind: ActorKind; user_name?: string | null }): [string, string] {
  const [zh, en] = WHO[row.client_kind] ?? WHO.desktop;
  return row.user_name ? [`${row.user_name}(${zh})`, `${row.user_name} (${en})`] : [zh, en];
}

type LaterChange = { at: string; client_kind: ActorKind; user_name: string | null; replay?: Direction | null; step_id: number };

/**
 * The latest change to a row's field (any field when `field` is null) after log position `since`, made by another
 * client: a step still in effect, or an undo or redo of a step made before `since` (one of a step made after it
 * is judged by the step: done, it counts; undone, the two cancel out). `replay`: 'undo' or 'redo', null for a step.
 */
function laterChange(db: DB, actor: Actor, since: number, table: string, row: number, field: string | null): LaterChange | undefined {
  return statement(
    db,
    `SELECT at, client_kind, user_name, replay, step_id FROM (
       SELECT s.id AS pos, s.at, s.client_kind, s.user_name, NULL AS replay, s.id AS step_id FROM changes c JOIN steps s ON s.id = c.step_id
       WHERE s.id > @step AND s.undone = 0 AND s.client != @client AND c.table_name = @table AND c.row_id = @row
         AND (CAST(@field AS TEXT) IS NULL OR c.field IS NULL OR c.field = @field)
       UNION ALL
       SELECT r.pos, r.at, r.client_kind, r.user_name, r.direction AS replay, r.step_id FROM replays r
       WHERE r.pos > @step AND r.step_id <= @step AND r.client != @client AND r.table_name = @table AND r.row_id = @row
         AND (CAST(@field AS TEXT) IS NULL OR r.field IS NULL OR r.field = @field)
     ) later ORDER BY pos DESC LIMIT 1`,
  ).get({ step: since, client: actor.client, table, row, field }) as LaterChange | undefined;
}

/** The next position of the change log: a new step's id, or an undo's or redo's (never one given before). */
function nextPosition(db: DB): number {
  return Number(statement(db, 'UPDATE log_position SET pos = pos + 1 RETURNING pos').pluck().get());
}

/** Records the cells a replay of step `stepId` changed, at a position of its own: a screen that read them before sees it. */
function logReplay(db: DB, actor: Actor, stepId: number, direction: Direction): void {
  statement(
    db,
    `INSERT INTO replays (pos, step_id, table_name, row_id, field, at, client, client_kind, user_name, direction)
     SELECT CAST(@pos AS INTEGER), step_id, table_name, row_id, field, CAST(@at AS TEXT), CAST(@client AS TEXT), CAST(@kind AS TEXT),
       CAST(@user AS TEXT), CAST(@direction AS TEXT) FROM changes WHERE step_id = @step`,
  ).run({
    pos: nextPosition(db),
    step: stepId,
    at: new Date().toISOString(),
    client: actor.client,
    kind: actor.kind,
    user: userNameOf(actor),
    direction,
  });
}

/** When and by whom, in words: "2026/12/7 14:03:05", and who made it. */
function madeWhen(hit: LaterChange): { at: string; zh: string; en: string } {
  const time = new Date(hit.at);
  const [zh, en] = whoMade(hit);
  return { at: `${time.toLocaleDateString('zh-CN')} ${time.toTimeString().slice(0, 8)}`, zh, en };
}

/**
 * Refuses a step whose rows another client changed after it: a later step of someone else, still
 * in effect, that touched the same row (the same field, for field changes), or anything of a record
 * the step created or deleted. Applying the step would silently overwrite or delete their work.
 */
function assertNoConflict(db: DB, actor: Actor, step: StepRow, changes: ChangeRow[], direction: Direction): void {
  const laterInRecord = db.prepare(
    `SELECT s.at, s.client_kind, s.user_name, s.id AS step_id FROM changes c JOIN steps s ON s.id = c.step_id
     WHERE s.id > @step AND s.undone = 0 AND s.client != @client AND c.record_id = @record ORDER BY s.id DESC LIMIT 1`,
  );
  for (const c of changes) {
    const hit =
      laterChange(db, actor, step.id, c.table_name, c.row_id, c.field) ??
      (c.table_name === 'records' && c.field === null
        ? (laterInRecord.get({ step: step.id, client: actor.client, record: c.row_id }) as LaterChange | undefined)
        : undefined);
    if (!hit) continue;
    const { at, zh, en } = madeWhen(hit);
    const verb = direction === 'undo' ? ['撤销', 'undo'] : ['重做', 'redo'];
    // Named both: this window's step (and so its county) and what the other did (导入 瑞金市 第8批 … 状态 瑞金市 第8批 → 已验收).
    const mine = stepInfo(db, step);
    const theirs = statement(db, `SELECT ${STEP_COLUMNS} FROM steps WHERE id = ?`).get(hit.step_id) as StepRow;
    const did = (lang: 'zh' | 'en') => {
      const label = stepLabel(stepInfo(db, theirs), lang);
      if (!hit.replay) return label;
      return lang === 'zh' ? `${hit.replay === 'undo' ? '撤销' : '重做'}“${label}”` : `${hit.replay} of “${label}”`;
    };
    throw appError(
      'undo_conflict',
      `无法${verb[0]}“${stepLabel(mine, 'zh')}”:这一步改过的内容已由${zh}在 ${at} 再次修改(${did('zh')})。为免覆盖别人的修改,未做任何改动。`,
      `Cannot ${verb[1]} “${stepLabel(mine, 'en')}”: what this step changed was changed again by ${en} at ${at} (${did('en')}). Nothing was changed, so their work is not overwritten.`,
      {},
      { by: hit.client_kind, user: hit.user_name, at: hit.at, step: step.id },
    );
  }
}

/** The change log's position now: a window that read a record after it has seen every change up to it. */
export const logPosition = (db: DB): number => Number(statement(db, 'SELECT pos FROM log_position').pluck().get());

/**
 * A backup restored into the data file since a screen read it: everything it shows may be other than what the file
 * holds, whatever the log says of its cells (the restored log is the backup's). Refused, naming the restore.
 */
function assertNotRestoredSince(db: DB, seen: number): void {
  const restore = statement(db, 'SELECT at, backup FROM restores WHERE pos > ? ORDER BY pos DESC LIMIT 1').get(seen) as
    { at: string; backup: string } | undefined;
  if (!restore) return;
  const time = new Date(restore.at);
  const at = `${time.toLocaleDateString('zh-CN')} ${time.toTimeString().slice(0, 8)}`;
  throw appError(
    'edit_conflict',
    `数据文件已于 ${at} 从备份 ${restore.backup} 恢复,您看到的是恢复前的内容。未做任何改动;已载入恢复后的内容,请核对后再改。`,
    `The data file was restored from the backup ${restore.backup} at ${at}, after you loaded it. Nothing was changed; the restored content is loaded, check it and try again.`,
    {},
    { restored: restore.at, backup: restore.backup },
  );
}

/** How a cell was changed, in words: by a step, or by an undo or a redo of one. */
const CHANGED_BY = { step: ['修改', 'changed'], undo: ['撤销修改', 'undone'], redo: ['重做修改', 'redone'] } as const;

/** A cell a window showed (or, with `column` null, a whole row it deletes), named as the person knows it. */
export type SeenCell = { table: Table; rowId: number; column: string | null; label: { zh: string; en: string } };

/**
 * Optimistic per cell: a change from a window that read the record at log position `seen` is refused if
 * another window (or person) changed one of its cells since — naming the field, who and when — rather
 * than overwriting what its user never saw. Checked inside the change's transaction. Without `seen`
 * (the command line) nothing is checked.
 */
export function assertUnchangedSince(db: DB, actor: Actor, seen: number | undefined, cells: SeenCell[]): void {
  if (seen === undefined) return;
  assertNotRestoredSince(db, seen);
  for (const cell of cells) {
    const hit = laterChange(db, actor, seen, cell.table, cell.rowId, cell.column);
    if (hit) throw editConflict(hit, cell.label, { table: cell.table, field: cell.column });
  }
}

/** A change refused because another window changed what it was made on since `seen`: who, when, what. */
function editConflict(hit: LaterChange, label: { zh: string; en: string }, where: { table: string; field: string | null }) {
  const { at, zh, en } = madeWhen(hit);
  const [did, done] = CHANGED_BY[hit.replay ?? 'step'];
  return appError(
    'edit_conflict',
    `${label.zh} 已由${zh}在 ${at} ${did},您看到的是${did}前的内容。为免覆盖别人的修改,未做任何改动;已载入新的内容,请核对后再改。`,
    `${label.en} was ${done} by ${en} at ${at}, after you loaded it. Nothing was changed, so their work is not overwritten; the new content is loaded, check it and try again.`,
    {},
    { by: hit.client_kind, user: hit.user_name, at: hit.at, ...where, replay: hit.replay ?? null },
  );
}

/**
 * The rows of a record's table as a window saw them — which rows, in which order, numbered how: a row
 * inserted, deleted or moved, or a 序号 changed by another window since `seen` makes an insert or a move
 * "at row N" land elsewhere than where its user put it (and renumbers lines another window types into).
 * Refused as an edit conflict, naming the table. Without `seen` (the command line) nothing is checked.
 */
export function assertRowsUnchangedSince(
  db: DB,
  actor: Actor,
  seen: number | undefined,
  recordId: number,
  table: Table,
  label: { zh: string; en: string },
): void {
  if (seen === undefined) return;
  assertNotRestoredSince(db, seen);
  const hit = statement(
    db,
    `SELECT at, client_kind, user_name, replay, step_id FROM (
       SELECT s.id AS pos, s.at, s.client_kind, s.user_name, NULL AS replay, s.id AS step_id FROM changes c JOIN steps s ON s.id = c.step_id
       WHERE s.id > @step AND s.undone = 0 AND s.client != @client AND c.table_name = @table AND c.record_id = @record
         AND (c.field IS NULL OR c.field IN ('position', 'seq'))
       UNION ALL
       SELECT r.pos, r.at, r.client_kind, r.user_name, r.direction AS replay, r.step_id FROM replays r
         JOIN changes c ON c.step_id = r.step_id AND c.table_name = r.table_name AND c.row_id = r.row_id
       WHERE r.pos > @step AND r.step_id <= @step AND r.client != @client AND r.table_name = @table AND c.record_id = @record
         AND (r.field IS NULL OR r.field IN ('position', 'seq'))
     ) later ORDER BY pos DESC LIMIT 1`,
  ).get({ step: seen, client: actor.client, table, record: recordId }) as LaterChange | undefined;
  if (hit) throw editConflict(hit, label, { table, field: null });
}

/**
 * A row brought back by undo or redo keeps its 序号; if another window numbered a new row the same
 * meanwhile, the replay is refused rather than leaving the table with a 序号 twice.
 */
function assertSeqsUnique(db: DB, changes: ChangeRow[], direction: Direction): void {
  for (const table of ['items', 'disbursements'] as const) {
    const records = new Set(changes.filter((c) => c.table_name === table && c.record_id !== null).map((c) => c.record_id!));
    for (const record of records) {
      const twice = db
        .prepare(`SELECT seq FROM ${table} WHERE record_id = ? GROUP BY seq HAVING count(*) > 1 LIMIT 1`)
        .pluck()
        .get(record) as number | undefined;
      if (twice === undefined) continue;
      const verb = direction === 'undo' ? ['撤销', 'undo'] : ['重做', 'redo'];
      throw appError(
        'undo_conflict',
        `无法${verb[0]}:序号 ${twice} 已被另一个窗口新加的行使用,${verb[0]}后会重复。未做任何改动。`,
        `Cannot ${verb[1]}: No. ${twice} is now used by a row another window added; it would appear twice. Nothing was changed.`,
      );
    }
  }
}

/**
 * Undo and redo change an accepted record no more than an edit may; and undoing an acceptance is an
 * unlock, which takes the explicit step with a reason.
 */
function assertReplayUnlocked(db: DB, step: StepRow, changes: ChangeRow[]): void {
  const records = new Set(changes.map((c) => c.record_id).filter((r): r is number => r !== null));
  if (step.label !== STATUS_ACTION) for (const r of records) assertNotAccepted(db, r);
  else if (changes.some((c) => c.field === 'status' && JSON.parse(c.after ?? 'null') === 'accepted' && step.undone === 0))
    throw appError(
      'locked',
      '撤销“验收”就是解除验收:请用“解除验收”并写明理由。',
      'Undoing an acceptance unlocks the record: use Unlock and give a reason.',
    );
  else {
    // Undoing an unlock (or redoing an acceptance) would sign off figures again: only those the
    // acceptance was of. Once anything of the record changed since the step, it takes a new acceptance.
    const toAccepted = changes.find(
      (c) => c.field === 'status' && JSON.parse((step.undone === 0 ? c.before : c.after) ?? 'null') === 'accepted',
    );
    if (!toAccepted || toAccepted.record_id === null) return;
    const since = changedSince(db, toAccepted.record_id, step.id);
    if (!since) return;
    const [whoZh, whoEn] = whoMade(since);
    const what = { zh: stepLabel(stepInfo(db, since), 'zh'), en: stepLabel(stepInfo(db, since), 'en') };
    throw appError(
      'changed_since',
      `无法恢复“已验收”:解除验收后,${whoZh}在 ${timeOf(since.at)} 改过这条记录(${what.zh}),验收的是改动前的数字。请重新验收。`,
      `Cannot restore the acceptance: after the unlock, ${whoEn} changed this record at ${timeOf(since.at)} (${what.en}); what was accepted were the figures before. Accept it anew.`,
      {},
      { by: since.client_kind, user: since.user_name, at: since.at, action: since.label },
    );
  }
}

/**
 * A signed-in user replays a step as the edit it is: only of records they may edit now; a status change
 * is not replayed (a review step is taken anew, with its reason). The records the step touches.
 */
function assertReplayAllowed(db: DB, caller: Caller, step: StepRow, changes: ChangeRow[]): Set<number> {
  const records = new Set(changes.map((c) => c.record_id).filter((r): r is number => r !== null));
  if (caller.kind === 'owner') return records;
  if (step.label === STATUS_ACTION)
    throw appError(
      'forbidden',
      '状态的更改不能撤销或重做:请用“更改状态”(退回或解除验收须写明理由)。',
      'A status change is not undone or redone: change the status again (sending back or unlocking takes a reason).',
    );
  for (const r of records) if (db.prepare('SELECT 1 FROM records WHERE id = ?').get(r) !== undefined) assertMayEdit(db, caller, r);
  return records;
}

/**
 * The latest step still in effect after `stepId` that changed a record's figures (a status change is not one, unless
 * `status`: then it is, for what replaces the whole record).
 */
export function changedSince(db: DB, recordId: number, stepId: number, status = false): StepRow | undefined {
  return db
    .prepare(
      `SELECT ${STEP_COLUMNS} FROM steps s WHERE s.id > ? AND s.undone = 0 AND (? = 1 OR s.label != ?)
       AND EXISTS (SELECT 1 FROM changes c WHERE c.step_id = s.id AND c.record_id = ?) ORDER BY s.id DESC LIMIT 1`,
    )
    .get(stepId, status ? 1 : 0, STATUS_ACTION, recordId) as StepRow | undefined;
}

/** A step in words, for a refusal: who, when and what (“安娜(浏览器窗口)在 2026/12/7 14:03:05 编辑 樟树市 …”). */
export function stepInWords(db: DB, step: StepRow): { zh: string; en: string } {
  const [whoZh, whoEn] = whoMade(step);
  const info = stepInfo(db, step);
  return { zh: `${whoZh}在 ${timeOf(step.at)} ${stepLabel(info, 'zh')}`, en: `${whoEn} at ${timeOf(step.at)}, ${stepLabel(info, 'en')}` };
}

export type ReplayResult = { steps: StepInfo[]; needsConfirm: StepInfo[]; backup: string | null };

/**
 * Replays this actor's steps backwards (undo: its latest done step, or every one down to
 * `through`) or forwards (redo: its earliest undone step, or every one up to `through`), all in
 * one transaction. Steps that would remove a whole record are replayed only with `confirm`, and
 * after a backup of the data file.
 */
export function replay(
  db: DB,
  dbFile: string,
  actor: Actor,
  direction: Direction,
  options: { confirm?: boolean; through?: number } = {},
): ReplayResult {
  // A retry of an undo whose answer was lost is answered as it was (requests.ts), not taken for the next undo.
  const key = requestKey(actor);
  const planned = writeTransaction(db, () => stepsToReplay(db, actor.client, direction, options.through).map((s) => stepInfo(db, s)));
  const removing = planned.filter((s) => s.removesRecord);
  if (planned.length === 0) return { steps: [], needsConfirm: [], backup: null };
  if (removing.length && !options.confirm) return { steps: [], needsConfirm: removing, backup: null };
  // VACUUM INTO cannot run inside a transaction: the backup comes first (and goes again if the replay is refused).
  const run = (backup: string | null) => ({ steps: replaySteps(db, actor, key, direction, options, planned), needsConfirm: [], backup });
  return removing.length ? withBackup(db, dbFile, direction, run) : run(null);
}

function replaySteps(
  db: DB,
  actor: Actor,
  key: string | undefined,
  direction: Direction,
  options: { through?: number },
  planned: StepInfo[],
): StepInfo[] {
  return writeTransaction(db, () => once(db, actor.client, key, () => replayPlanned(db, actor, direction, options, planned)));
}

function replayPlanned(db: DB, actor: Actor, direction: Direction, options: { through?: number }, planned: StepInfo[]): StepInfo[] {
  const rows = stepsToReplay(db, actor.client, direction, options.through);
  if (rows.map((r) => r.id).join() !== planned.map((p) => p.id).join())
    throw appError('undo_moved', '撤销记录刚刚有了变化,请再试一次', 'The undo history changed meanwhile; try again');
  return rows.map((s) => replayStep(db, actor, s, direction));
}

/** One step undone or redone, checked as every replay is (conflicts, rights, lock, scope, 序号, line sums). */
function replayStep(db: DB, actor: Actor, s: StepRow, direction: Direction): StepInfo {
  const changes = db
    .prepare(`SELECT * FROM changes WHERE step_id = ? ORDER BY id ${direction === 'undo' ? 'DESC' : 'ASC'}`)
    .all(s.id) as ChangeRow[];
  assertNoConflict(db, actor, s, changes, direction);
  const records = assertReplayAllowed(db, callerOf(actor), s, changes);
  assertReplayUnlocked(db, s, changes);
  for (const c of changes) apply(db, c, direction);
  assertStillInScope(db, callerOf(actor), records);
  assertSeqsUnique(db, changes, direction);
  for (const r of new Set(changes.filter((c) => c.table_name === 'payments' && c.record_id !== null).map((c) => c.record_id!)))
    assertLineSums(db, r);
  raiseVersions(db, records, s.label !== STATUS_ACTION);
  logReplay(db, actor, s.id, direction);
  db.prepare('UPDATE steps SET undone = ? WHERE id = ?').run(direction === 'undo' ? 1 : 0, s.id);
  return stepInfo(db, { ...s, undone: direction === 'undo' ? 1 : 0 });
}

/**
 * Skips the next step this window would undo, when undoing it is refused (another window built on what it
 * changed, the county was accepted, …): the step stays in effect and in the history, marked as not undoable,
 * and the window's undo goes on with the steps below it, which stay undoable. A step that can be undone is
 * not skipped (the person is told to undo it). Returns the step skipped.
 */
export function skipUndo(db: DB, actor: Actor, stepId: number): StepInfo {
  return writeTransaction(db, () => {
    const [next] = stepsToReplay(db, actor.client, 'undo', undefined);
    if (!next || next.id !== stepId)
      throw appError(
        'no_step',
        '只能跳过接下来要撤销的那一步(撤销记录刚刚有了变化,请再试一次)',
        'Only the next step to undo can be skipped (the undo history changed meanwhile; try again)',
      );
    if (undoRefusal(db, actor, next) === null) {
      const label = stepInfo(db, next);
      throw appError(
        'undo_possible',
        `“${stepLabel(label, 'zh')}”可以撤销,不必跳过。`,
        `“${stepLabel(label, 'en')}” can be undone; there is no need to skip it.`,
      );
    }
    statement(db, 'UPDATE steps SET skipped = 1 WHERE id = ?').run(next.id);
    return stepInfo(db, { ...next, skipped: 1 });
  });
}

/** Why undoing a step would be refused now (null: it would go through), found by undoing it and rolling back. */
function undoRefusal(db: DB, actor: Actor, step: StepRow): unknown {
  const tried = new Error('undo tried');
  try {
    db.transaction(() => {
      replayStep(db, actor, step, 'undo');
      throw tried;
    })();
  } catch (e) {
    return e === tried ? null : e;
  }
  return null;
}

/** A county deleted whose deletion stands: the step that deleted it, where the county stood, who deleted it and when. */
export type DeletedRecord = {
  step: number;
  at: string;
  user: string | null;
  by: ActorKind;
  place: { province: string | null; prefecture: string | null; county: string; batch: number };
};

/**
 * The counties deleted and not brought back, newest first. The change log keeps every row a deletion took
 * (in a workspace there is no file copy): any window or login allowed to write there brings one back
 * (restoreDeleted), not only the tab that deleted it.
 */
export function deletedRecords(db: DB): DeletedRecord[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.at, s.user_name, s.client_kind, c.before FROM steps s JOIN changes c ON c.step_id = s.id
       WHERE s.label = 'delete record' AND s.undone = 0 AND c.table_name = 'records' AND c.field IS NULL AND c.after IS NULL
       AND NOT EXISTS (SELECT 1 FROM records r WHERE r.id = c.row_id) ORDER BY s.id DESC`,
    )
    .all() as { id: number; at: string; user_name: string | null; client_kind: ActorKind; before: string }[];
  return rows.map((r) => {
    const row = JSON.parse(r.before) as { province: string | null; prefecture: string | null; county_name: string; batch: number };
    const place = { province: row.province, prefecture: row.prefecture, county: row.county_name, batch: row.batch };
    return { step: r.id, at: r.at, user: r.user_name, by: r.client_kind, place };
  });
}

/** Brings a deleted county back (its record, rows, ledger and 绩效自评, as they were), whoever deleted it; its id. */
export function restoreDeleted(db: DB, actor: Actor, stepId: number): number {
  const key = requestKey(actor);
  return writeTransaction(db, () =>
    once(db, actor.client, key, () => {
      const deleted = deletedRecords(db).find((d) => d.step === stepId);
      const s = deleted && (statement(db, `SELECT ${STEP_COLUMNS} FROM steps WHERE id = ?`).get(stepId) as StepRow);
      if (!s)
        throw appError('no_step', '没有这条已删除的记录(可能已被恢复)', 'There is no such deleted record (it may have been restored)');
      replayStep(db, actor, s, 'undo');
      return Number(s.record_id);
    }),
  );
}

/** This actor's steps, newest first: the history panel, and what undo and redo would do next. */
export function history(db: DB, actor: Actor, limit = 200): { undo: StepInfo | null; redo: StepInfo | null; steps: StepInfo[] } {
  const rows = db
    .prepare(`SELECT ${STEP_COLUMNS} FROM steps WHERE client = ? ORDER BY id DESC LIMIT ?`)
    .all(actor.client, limit) as StepRow[];
  const steps = rows.map((r) => stepInfo(db, r));
  return {
    undo: steps.find((s) => !s.undone && !s.skipped) ?? null,
    redo: [...steps].reverse().find((s) => s.undone && !takenBackByOthers(db, s.id)) ?? null,
    steps,
  };
}
