// The one mutation path. Every change to records, items and disbursements goes through a
// Changes object inside mutate(), which writes the change log as it goes; undo and redo replay
// that log backwards and forwards, so they survive a restart and treat one action as one step.
//
// Each step belongs to the client that made it (a window, a browser tab, a CLI run): a client
// undoes and redoes its own steps only, and never over a row another client changed since.
import { appError } from '../../../shared/errors';
import type { StepDetail } from '../../../shared/steps';
import { lockedMessages } from '../../../shared/status';
import type { DB } from './database';
import { backupDatabase } from './backup';
import { writeTransaction } from './busy';

import type { Statement } from 'better-sqlite3';
import { TABLE_COLUMNS, type Row, type Table } from './columns';

export type { Row, Table, Value } from './columns';

/** Who makes a change: a client id (stable for a window or tab) and what kind of client it is. */
export type ActorKind = 'desktop' | 'web' | 'cli';
export type Actor = { client: string; kind: ActorKind };

/** The desktop app's one window (single instance): its undo history carries over restarts. */
export const DESKTOP: Actor = { client: 'desktop', kind: 'desktop' };
/** One run of the command line. */
export const cliActor = (): Actor => ({ client: `cli-${process.pid}-${Date.now()}`, kind: 'cli' });
/** A browser tab of the web mode, by the id the page keeps for as long as the tab lives. */
export const webActor = (tab: string | undefined): Actor => ({ client: `web-${tab && /^[A-Za-z0-9_-]{8,64}$/.test(tab) ? tab : 'anonymous'}`, kind: 'web' });

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

/** The INSERT of a row with these columns into `table`, returning the row as stored (defaults filled in). */
function insertStatement(db: DB, table: Table, cols: string[], returning: boolean): Statement {
  const sql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})${returning ? ` RETURNING ${TABLE_COLUMNS[table].join(', ')}` : ''}`;
  const known = statements.get(db)?.get(sql);
  if (known) return known;
  cols.forEach((c) => checkColumn(table, c));
  return statement(db, sql);
}

function insertRow(db: DB, table: Table, row: Row): void {
  insertStatement(db, table, Object.keys(row), false).run(row);
}

function readRow(db: DB, table: Table, id: number): Row {
  const row = statement(db, `SELECT ${TABLE_COLUMNS[table].join(', ')} FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new Error(`no row ${table}#${id}`);
  return row;
}

export class Changes {
  private count = 0;
  /** Records this step found unlocked (or created): checked once, not before every row. */
  private readonly unlocked = new Set<number>();
  constructor(
    private readonly db: DB,
    private readonly stepId: number,
    /** A status change may touch an accepted record (to unlock it); nothing else may. */
    private readonly action: string,
  ) {}

  private assertUnlocked(recordId: number): void {
    if (this.action === STATUS_ACTION || this.unlocked.has(recordId)) return;
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

  private log(table: Table, rowId: number, recordId: number | null, field: string | null, before: unknown, after: unknown) {
    this.count++;
    statement(this.db, 'INSERT INTO changes (step_id, table_name, row_id, record_id, field, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)').run(this.stepId, table, rowId, recordId, field, before === undefined ? null : JSON.stringify(before), after === undefined ? null : JSON.stringify(after));
  }

  insert(table: Table, row: Row): number {
    if (table !== 'records') this.assertUnlocked(Number(row.record_id));
    // The row as stored comes back from the INSERT itself (RETURNING): the log keeps it for undo.
    const stored = insertStatement(this.db, table, Object.keys(row), true).get(row) as Row;
    const id = Number(stored.id);
    if (table === 'records' && stored.status !== 'accepted') this.unlocked.add(id);
    this.log(table, id, recordIdOf(table, stored), null, undefined, stored);
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
      this.log(table, id, recordIdOf(table, before), field, before[field], value);
    }
  }

  remove(table: Table, id: number): void {
    const before = readRow(this.db, table, id);
    this.assertUnlocked(recordIdOf(table, before));
    statement(this.db, `DELETE FROM ${table} WHERE id = ?`).run(id);
    if (table === 'records') this.unlocked.delete(id);
    this.log(table, id, recordIdOf(table, before), null, before, undefined);
  }
}

/** The action of a review-status change (shared/status.ts). */
export const STATUS_ACTION = 'status';

/** An accepted record is locked: every change of it is refused, naming the status and who accepted it. */
export function assertNotAccepted(db: DB, recordId: number): void {
  const r = statement(db, 'SELECT county_name, batch, status, status_by, status_at FROM records WHERE id = ?').get(recordId) as
    | { county_name: string; batch: number; status: string; status_by: string | null; status_at: string | null }
    | undefined;
  if (r?.status !== 'accepted') return;
  const { zh, en } = lockedMessages(r.county_name, r.batch, r.status_by, r.status_at);
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
  return writeTransaction(db, () => {
    statement(db, 'DELETE FROM steps WHERE undone = 1 AND client = ?').run(actor.client);
    const stepId = Number(
      statement(db, 'INSERT INTO steps (at, label, record_id, client, client_kind, detail) VALUES (?, ?, ?, ?, ?, ?)')
        .run(new Date().toISOString(), spec.action, spec.recordId, actor.client, actor.kind, JSON.stringify(spec.detail ?? {})).lastInsertRowid,
    );
    const changes = new Changes(db, stepId, spec.action);
    const result = fn(changes);
    if (!changes.changed) statement(db, 'DELETE FROM steps WHERE id = ?').run(stepId);
    else if (spec.recordId === null)
      statement(db, 'UPDATE steps SET record_id = (SELECT record_id FROM changes WHERE step_id = @step ORDER BY id LIMIT 1) WHERE id = @step').run({ step: stepId });
    return result;
  });
}

type ChangeRow = { id: number; table_name: Table; row_id: number; record_id: number | null; field: string | null; before: string | null; after: string | null };

function apply(db: DB, change: ChangeRow, direction: Direction): void {
  const from = direction === 'undo' ? change.after : change.before;
  const to = direction === 'undo' ? change.before : change.after;
  const table = change.table_name;
  if (change.field !== null) {
    checkColumn(table, change.field);
    db.prepare(`UPDATE ${table} SET ${change.field} = ? WHERE id = ?`).run(to === null ? null : JSON.parse(to), change.row_id);
  } else if (to === null && from !== null) {
    db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(change.row_id);
  } else if (to !== null) {
    insertRow(db, table, JSON.parse(to) as Row);
  }
}

type StepRow = { id: number; label: string; record_id: number | null; at: string; undone: number; client_kind: ActorKind; detail: string | null };

export type StepInfo = {
  id: number;
  action: string;
  detail: StepDetail;
  recordId: number | null;
  at: string;
  undone: boolean;
  /** Undoing it (or redoing it, once undone) would remove a whole record: ask first. */
  removesRecord: boolean;
};

const STEP_COLUMNS = 'id, label, record_id, at, undone, client_kind, detail';

function removesRecord(db: DB, step: StepRow): boolean {
  // Undo removes a record the step inserted; redo removes one the step deleted.
  const column = step.undone ? 'after' : 'before';
  return db.prepare(`SELECT 1 FROM changes WHERE step_id = ? AND table_name = 'records' AND field IS NULL AND ${column} IS NULL LIMIT 1`).get(step.id) !== undefined;
}

function stepInfo(db: DB, row: StepRow): StepInfo {
  return {
    id: row.id,
    action: row.label,
    detail: row.detail ? (JSON.parse(row.detail) as StepDetail) : {},
    recordId: row.record_id,
    at: row.at,
    undone: row.undone === 1,
    removesRecord: removesRecord(db, row),
  };
}

type Direction = 'undo' | 'redo';

/** This actor's steps a replay takes, in the order it applies them: undo — its done steps, newest
 * first, down to `through` (or only the latest); redo — its undone steps, oldest first, up to it. */
function stepsToReplay(db: DB, client: string, direction: Direction, through: number | undefined): StepRow[] {
  const rows = db
    .prepare(
      direction === 'undo'
        ? `SELECT ${STEP_COLUMNS} FROM steps WHERE client = ? AND undone = 0 ORDER BY id DESC`
        : `SELECT ${STEP_COLUMNS} FROM steps WHERE client = ? AND undone = 1 ORDER BY id ASC`,
    )
    .all(client) as StepRow[];
  if (through === undefined) return rows.slice(0, 1);
  const end = rows.findIndex((r) => r.id === through);
  if (end < 0) throw appError('no_step', '这一步不在可撤销或重做的范围内', 'That step cannot be undone or redone from here');
  return rows.slice(0, end + 1);
}

const WHO = { desktop: ['桌面窗口', 'the desktop window'], web: ['浏览器窗口', 'a browser window'], cli: ['命令行', 'the command line'] } as const;

/**
 * Refuses a step whose rows another client changed after it: a later step of someone else, still
 * in effect, that touched the same row (the same field, for field changes), or anything of a record
 * the step created or deleted. Applying the step would silently overwrite or delete their work.
 */
function assertNoConflict(db: DB, actor: Actor, step: StepRow, changes: ChangeRow[], direction: Direction): void {
  const later = db.prepare(
    `SELECT s.at, s.client_kind FROM changes c JOIN steps s ON s.id = c.step_id
     WHERE s.id > @step AND s.undone = 0 AND s.client != @client AND c.table_name = @table AND c.row_id = @row
       AND (@field IS NULL OR c.field IS NULL OR c.field = @field)
     ORDER BY s.id DESC LIMIT 1`,
  );
  const laterInRecord = db.prepare(
    `SELECT s.at, s.client_kind FROM changes c JOIN steps s ON s.id = c.step_id
     WHERE s.id > @step AND s.undone = 0 AND s.client != @client AND c.record_id = @record ORDER BY s.id DESC LIMIT 1`,
  );
  for (const c of changes) {
    const hit = (later.get({ step: step.id, client: actor.client, table: c.table_name, row: c.row_id, field: c.field }) ??
      (c.table_name === 'records' && c.field === null ? laterInRecord.get({ step: step.id, client: actor.client, record: c.row_id }) : undefined)) as
      | { at: string; client_kind: ActorKind }
      | undefined;
    if (!hit) continue;
    const time = new Date(hit.at);
    const at = `${time.toLocaleDateString('zh-CN')} ${time.toTimeString().slice(0, 8)}`;
    const [whoZh, whoEn] = WHO[hit.client_kind] ?? WHO.desktop;
    const verb = direction === 'undo' ? ['撤销', 'undo'] : ['重做', 'redo'];
    throw appError(
      'undo_conflict',
      `无法${verb[0]}:这一步改过的内容已由${whoZh}在 ${at} 再次修改。为免覆盖别人的修改,未做任何改动。`,
      `Cannot ${verb[1]}: what this step changed was changed again by ${whoEn} at ${at}. Nothing was changed, so their work is not overwritten.`,
      {},
      { by: hit.client_kind, at: hit.at },
    );
  }
}

/**
 * A row brought back by undo or redo keeps its 序号; if another window numbered a new row the same
 * meanwhile, the replay is refused rather than leaving the table with a 序号 twice.
 */
function assertSeqsUnique(db: DB, changes: ChangeRow[], direction: Direction): void {
  for (const table of ['items', 'disbursements'] as const) {
    const records = new Set(changes.filter((c) => c.table_name === table && c.record_id !== null).map((c) => c.record_id!));
    for (const record of records) {
      const twice = db.prepare(`SELECT seq FROM ${table} WHERE record_id = ? GROUP BY seq HAVING count(*) > 1 LIMIT 1`).pluck().get(record) as number | undefined;
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
}

export type ReplayResult = { steps: StepInfo[]; needsConfirm: StepInfo[]; backup: string | null };

/**
 * Replays this actor's steps backwards (undo: its latest done step, or every one down to
 * `through`) or forwards (redo: its earliest undone step, or every one up to `through`), all in
 * one transaction. Steps that would remove a whole record are replayed only with `confirm`, and
 * after a backup of the data file.
 */
export function replay(db: DB, dbFile: string, actor: Actor, direction: Direction, options: { confirm?: boolean; through?: number } = {}): ReplayResult {
  const planned = writeTransaction(db, () => stepsToReplay(db, actor.client, direction, options.through).map((s) => stepInfo(db, s)));
  const removing = planned.filter((s) => s.removesRecord);
  if (planned.length === 0) return { steps: [], needsConfirm: [], backup: null };
  if (removing.length && !options.confirm) return { steps: [], needsConfirm: removing, backup: null };
  // VACUUM INTO cannot run inside a transaction: the backup comes first.
  const backup = removing.length ? backupDatabase(db, dbFile, direction) : null;
  const steps = writeTransaction(db, () => {
    const rows = stepsToReplay(db, actor.client, direction, options.through);
    if (rows.map((r) => r.id).join() !== planned.map((p) => p.id).join())
      throw appError('undo_moved', '撤销记录刚刚有了变化,请再试一次', 'The undo history changed meanwhile; try again');
    return rows.map((s) => {
      const changes = db.prepare(`SELECT * FROM changes WHERE step_id = ? ORDER BY id ${direction === 'undo' ? 'DESC' : 'ASC'}`).all(s.id) as ChangeRow[];
      assertNoConflict(db, actor, s, changes, direction);
      assertReplayUnlocked(db, s, changes);
      for (const c of changes) apply(db, c, direction);
      assertSeqsUnique(db, changes, direction);
      db.prepare('UPDATE steps SET undone = ? WHERE id = ?').run(direction === 'undo' ? 1 : 0, s.id);
      return stepInfo(db, { ...s, undone: direction === 'undo' ? 1 : 0 });
    });
  });
  return { steps, needsConfirm: [], backup };
}

/** This actor's steps, newest first: the history panel, and what undo and redo would do next. */
export function history(db: DB, actor: Actor, limit = 200): { undo: StepInfo | null; redo: StepInfo | null; steps: StepInfo[] } {
  const rows = db.prepare(`SELECT ${STEP_COLUMNS} FROM steps WHERE client = ? ORDER BY id DESC LIMIT ?`).all(actor.client, limit) as StepRow[];
  const steps = rows.map((r) => stepInfo(db, r));
  return {
    undo: steps.find((s) => !s.undone) ?? null,
    redo: [...steps].reverse().find((s) => s.undone) ?? null,
    steps,
  };
}
