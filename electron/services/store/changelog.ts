// The one mutation path. Every change to records, items and disbursements goes through a
// Changes object inside mutate(), which writes the change log as it goes; undo and redo replay
// that log backwards and forwards, so they survive a restart and treat one action as one step.
import type { DB } from './database';

export type Table = 'records' | 'items' | 'disbursements';
export type Value = string | number | null;
export type Row = Record<string, Value>;

const COLUMNS: Record<Table, readonly string[]> = {
  records: [
    'id', 'county_name', 'county_key', 'province', 'prefecture', 'batch', 'year', 'approved_on', 'accepted_on',
    'investment_total_fen', 'investment_central_fen', 'investment_local_gov_fen', 'investment_social_fen',
    'central_arranged_use_fen', 'status_note', 'stated_total_rate',
  ],
  items: ['id', 'record_id', 'position', 'seq', 'category', 'name', 'target', 'completion', 'completion_rate'],
  disbursements: ['id', 'record_id', 'position', 'seq', 'category', 'name', 'planned_fen', 'actual_fen', 'stated_rate'],
};

function checkColumn(table: Table, column: string): void {
  if (!COLUMNS[table].includes(column)) throw new Error(`unknown column ${table}.${column}`);
}

function insertRow(db: DB, table: Table, row: Row): number {
  const cols = Object.keys(row);
  cols.forEach((c) => checkColumn(table, c));
  const sql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`;
  return Number(db.prepare(sql).run(row).lastInsertRowid);
}

function readRow(db: DB, table: Table, id: number): Row {
  const row = db.prepare(`SELECT ${COLUMNS[table].join(', ')} FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new Error(`no row ${table}#${id}`);
  return row;
}

export type StepInfo = { id: number; label: string; recordId: number | null; at: string };

export class Changes {
  private count = 0;
  constructor(
    private readonly db: DB,
    private readonly stepId: number,
  ) {}

  get changed(): boolean {
    return this.count > 0;
  }

  private log(table: Table, rowId: number, recordId: number | null, field: string | null, before: unknown, after: unknown) {
    this.count++;
    this.db
      .prepare('INSERT INTO changes (step_id, table_name, row_id, record_id, field, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(this.stepId, table, rowId, recordId, field, before === undefined ? null : JSON.stringify(before), after === undefined ? null : JSON.stringify(after));
  }

  insert(table: Table, row: Row): number {
    const id = insertRow(this.db, table, row);
    const stored = readRow(this.db, table, id);
    this.log(table, id, recordIdOf(table, stored), null, undefined, stored);
    return id;
  }

  /** Sets fields of one row; a field whose value does not change is not logged. */
  update(table: Table, id: number, fields: Row): void {
    const before = readRow(this.db, table, id);
    for (const [field, value] of Object.entries(fields)) {
      checkColumn(table, field);
      if (field === 'id' || before[field] === value) continue;
      this.db.prepare(`UPDATE ${table} SET ${field} = ? WHERE id = ?`).run(value, id);
      this.log(table, id, recordIdOf(table, before), field, before[field], value);
    }
  }

  remove(table: Table, id: number): void {
    const before = readRow(this.db, table, id);
    this.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
    this.log(table, id, recordIdOf(table, before), null, before, undefined);
  }
}

function recordIdOf(table: Table, row: Row): number {
  return Number(table === 'records' ? row.id : row.record_id);
}

/**
 * Runs `fn` as one undoable step in one transaction. A new step discards the steps that were
 * undone (there is no redo after a new edit, as in every editor). A step that changed nothing
 * leaves no trace.
 */
export function mutate<T>(db: DB, label: string, recordId: number | null, fn: (changes: Changes) => T): T {
  return db.transaction(() => {
    db.prepare('DELETE FROM steps WHERE undone = 1').run();
    const stepId = Number(
      db.prepare('INSERT INTO steps (at, label, record_id) VALUES (?, ?, ?)').run(new Date().toISOString(), label, recordId).lastInsertRowid,
    );
    const changes = new Changes(db, stepId);
    const result = fn(changes);
    if (!changes.changed) db.prepare('DELETE FROM steps WHERE id = ?').run(stepId);
    else if (recordId === null)
      db.prepare('UPDATE steps SET record_id = (SELECT record_id FROM changes WHERE step_id = @step ORDER BY id LIMIT 1) WHERE id = @step').run({ step: stepId });
    return result;
  })();
}

type ChangeRow = { table_name: Table; row_id: number; field: string | null; before: string | null; after: string | null };

function apply(db: DB, change: ChangeRow, direction: 'undo' | 'redo'): void {
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

type StepRow = { id: number; label: string; record_id: number | null; at: string };

function stepInfo(row: StepRow): StepInfo {
  return { id: row.id, label: row.label, recordId: row.record_id, at: row.at };
}

/**
 * Replays one step of the log: undo takes the latest done step and applies its changes backwards;
 * redo takes the earliest undone step and applies them forwards. Null when there is none.
 */
function replay(db: DB, direction: 'undo' | 'redo'): StepInfo | null {
  return db.transaction(() => {
    const step = db
      .prepare(direction === 'undo' ? 'SELECT id, label, record_id, at FROM steps WHERE undone = 0 ORDER BY id DESC LIMIT 1' : 'SELECT id, label, record_id, at FROM steps WHERE undone = 1 ORDER BY id ASC LIMIT 1')
      .get() as StepRow | undefined;
    if (!step) return null;
    const changes = db.prepare(`SELECT * FROM changes WHERE step_id = ? ORDER BY id ${direction === 'undo' ? 'DESC' : 'ASC'}`).all(step.id) as ChangeRow[];
    for (const c of changes) apply(db, c, direction);
    db.prepare('UPDATE steps SET undone = ? WHERE id = ?').run(direction === 'undo' ? 1 : 0, step.id);
    return stepInfo(step);
  })();
}

export const undo = (db: DB): StepInfo | null => replay(db, 'undo');
export const redo = (db: DB): StepInfo | null => replay(db, 'redo');

/** What undo and redo would do next, for menus and buttons. */
export function history(db: DB): { undo: StepInfo | null; redo: StepInfo | null } {
  const q = (sql: string) => {
    const row = db.prepare(sql).get() as StepRow | undefined;
    return row ? stepInfo(row) : null;
  };
  return {
    undo: q('SELECT id, label, record_id, at FROM steps WHERE undone = 0 ORDER BY id DESC LIMIT 1'),
    redo: q('SELECT id, label, record_id, at FROM steps WHERE undone = 1 ORDER BY id ASC LIMIT 1'),
  };
}
