// Edits from the app: cells, rows and county facts, each one undoable step through mutate().
import type { EditAction } from '../../../shared/steps';
import {
  parseCell,
  parseCountyField,
  EDITABLE,
  type CountyField,
  type EditTable,
  type Parsed,
  type RawValue,
} from '../../../shared/fields';
import { checkField } from '../../../shared/field-schemas';
import { appError } from '../../../shared/errors';
import { fieldLabel, findingMessage, isKnownField } from '../../../shared/i18n';
import { finding } from '../../../shared/findings';
import { ledgerLineText } from '../../../shared/ledger';
import { inferCategory } from '../../../shared/text';
import type { StatedPlace } from '../../../shared/place-match';
import { assertRowsUnchangedSince, assertUnchangedSince, mutate, type Actor, type Changes, type Row, type SeenCell } from './changelog';
import { COUNTY_COLUMNS, FIELD_COLUMNS, toColumn, type Value } from './columns';
import { assertCountyFree, storedCountyKey } from './records';
import type { DB } from './database';
import { maxOf } from '../../../shared/arrays';

/** The column of a field of a table's rows, and the value as that column keeps it. */
function stored(table: EditTable, field: string, value: Value): [string, Value] {
  const mapping = FIELD_COLUMNS[table] as Record<string, { column: string; money?: true }>;
  return [mapping[field].column, toColumn(mapping[field], value)];
}

type StoredRow = { id: number; position: number; seq: number; name: string; category: string };

function rowsOf(db: DB, table: EditTable, recordId: number): StoredRow[] {
  return db
    .prepare(`SELECT id, position, seq, name, category FROM ${table} WHERE record_id = ? ORDER BY position, id`)
    .all(recordId) as StoredRow[];
}

function refused(
  table: EditTable,
  rowNumber: number,
  field: string,
  value: RawValue,
  code: Parameters<typeof finding>[0],
  problem?: string,
) {
  // A repeated 序号 is named by its value; a row without a name by its place.
  const seq = code === 'duplicate_seq' ? String(value) : String(rowNumber);
  const f = finding(code, { field, value: value === null ? '' : String(value), seq, ...(problem ? { problem } : {}) });
  const where = { zh: `第 ${rowNumber} 行 ${fieldLabel(field, 'zh')}`, en: `row ${rowNumber}, ${fieldLabel(field, 'en')}` };
  return appError(
    'invalid_input',
    `${where.zh}:${findingMessage(f, 'zh')}`,
    `${where.en}: ${findingMessage(f, 'en')}`,
    { field },
    { table, row: rowNumber, field, code },
  );
}

/** "第 2 行 计划安排额度(万元)": a cell as the person knows it (a row gone since: "该行"). */
function cellLabel(index: number | undefined, field: string | null): { zh: string; en: string } {
  const row = index === undefined ? { zh: '该行', en: 'That row' } : { zh: `第 ${index + 1} 行`, en: `Row ${index + 1}` };
  return field === null ? row : { zh: `${row.zh} ${fieldLabel(field, 'zh')}`, en: `${row.en}, ${fieldLabel(field, 'en')}` };
}

/** When 序号 runs 1..n in order, row operations keep it so; hand-numbered tables are left alone. */
function renumberIfSequential(db: DB, changes: Changes, table: EditTable, recordId: number, wasSequential: boolean): void {
  if (!wasSequential) return;
  rowsOf(db, table, recordId).forEach((row, i) => changes.update(table, row.id, { seq: i + 1 }));
}
const isSequential = (rows: StoredRow[]) => rows.every((r, i) => r.seq === i + 1);

function assertNoDuplicateSeq(db: DB, table: EditTable, recordId: number): void {
  const seen = new Set<number>();
  for (const [i, row] of rowsOf(db, table, recordId).entries()) {
    if (seen.has(row.seq)) throw refused(table, i + 1, 'seq', row.seq, 'duplicate_seq');
    seen.add(row.seq);
  }
}

function blankRow(table: EditTable, recordId: number, position: number, seq: number): Row {
  const base = { record_id: recordId, position, seq, category: 'other', name: '' };
  return table === 'items'
    ? { ...base, target: '', completion: '', completion_rate: null }
    : { ...base, planned_fen: null, actual_fen: null, stated_rate: null };
}

/** A parsed value the record schema accepts for its field, or why not. */
function withSchema(parsed: Parsed, table: EditTable | 'county', field: string): Parsed {
  if (!parsed.ok) return parsed;
  const check = checkField(table, field, parsed.value);
  return check.ok ? parsed : check;
}
const parsedCell = (table: EditTable, field: string, raw: RawValue) => withSchema(parseCell(table, field, raw), table, field);

function countyOf(db: DB, recordId: number): StatedPlace & { name: string; batch: number } {
  const r = db.prepare('SELECT county_name AS name, batch, province, prefecture FROM records WHERE id = ?').get(recordId) as
    (StatedPlace & { name: string; batch: number }) | undefined;
  if (!r) throw appError('no_record', `记录 #${recordId} 不存在`, `Record #${recordId} does not exist`);
  return r;
}

/** A line with payments has 实际拨付额度 = Σ its payments as of the day: typing it is refused, naming the row. */
function assertNoLedger(db: DB, disbursementId: number, rowNumber: number): void {
  const payments = Number(db.prepare('SELECT count(*) FROM payments WHERE disbursement_id = ?').pluck().get(disbursementId));
  if (payments === 0) return;
  const where = { zh: `第 ${rowNumber} 行 ${fieldLabel('actual', 'zh')}`, en: `row ${rowNumber}, ${fieldLabel('actual', 'en')}` };
  throw appError(
    'read_only',
    `${where.zh}:${ledgerLineText(payments, 'zh')}`,
    `${where.en} ${ledgerLineText(payments, 'en')}`,
    { field: 'actual' },
    { table: 'disbursements', row: rowNumber, field: 'actual' },
  );
}

export type CellEdit = { rowId: number; field: string; value: RawValue };

/** The edited cells as column values per row, each checked (a row gone, a computed column, a line with payments, a value refused names its cell). */
function cellUpdates(db: DB, table: EditTable, rows: StoredRow[], index: Map<number, number>, edits: CellEdit[]): Map<number, Row> {
  const updates = new Map<number, Row>();
  for (const e of edits) {
    const i = index.get(e.rowId);
    if (i === undefined) throw appError('no_row', `该行已不存在(#${e.rowId})`, `That row no longer exists (#${e.rowId})`);
    if (!EDITABLE[table].includes(e.field) && !isKnownField(e.field))
      throw appError(
        'invalid_input',
        `表中没有“${e.field}”这一栏,未做任何改动`,
        `The table has no column “${e.field}”; nothing was changed`,
        { field: e.field },
      );
    if (!EDITABLE[table].includes(e.field))
      throw appError(
        'read_only',
        `${fieldLabel(e.field, 'zh')} 由程序计算,不能编辑`,
        `${fieldLabel(e.field, 'en')} is computed and cannot be edited`,
      );
    if (table === 'disbursements' && e.field === 'actual') assertNoLedger(db, rows[i].id, i + 1);
    const parsed = parsedCell(table, e.field, e.value);
    if (!parsed.ok) throw refused(table, i + 1, e.field, e.value, parsed.code, parsed.problem);
    const row = updates.get(e.rowId) ?? {};
    const [column, value] = stored(table, e.field, parsed.value);
    row[column] = value;
    // A renamed row that had no category takes the one its new name implies.
    if (e.field === 'name' && rows[i].category === 'other' && row.category === undefined)
      row.category = inferCategory(String(parsed.value));
    updates.set(e.rowId, row);
  }
  return updates;
}

/** Rows pasted past the end, numbered on from the last 序号, each value checked (one refused, none is written); a blank name is left blank. */
function appendedRows(table: EditTable, recordId: number, rows: StoredRow[], append: Record<string, RawValue>[]): Row[] {
  const appended: Row[] = [];
  let seq = maxOf(
    rows.map((r) => r.seq),
    0,
  );
  let position = maxOf(
    rows.map((r) => r.position),
    0,
  );
  for (const [n, values] of append.entries()) {
    const row = blankRow(table, recordId, ++position, ++seq);
    for (const [field, raw] of Object.entries(values)) {
      if (!EDITABLE[table].includes(field)) continue;
      if (field === 'name' && (raw === null || String(raw).trim() === '')) continue;
      const parsed = parsedCell(table, field, raw);
      if (!parsed.ok) throw refused(table, rows.length + n + 1, field, raw, parsed.code, parsed.problem);
      const [column, value] = stored(table, field, parsed.value);
      row[column] = value;
    }
    if (row.category === 'other' && values.category === undefined) row.category = inferCategory(String(row.name));
    appended.push(row);
  }
  return appended;
}

/**
 * Typing, pasting and clearing: cell edits plus appended rows, all checked first, then one step.
 * Everything is read inside the write transaction, so two windows pasting at once each see the
 * other's rows (no false "序号 repeats").
 */
export function editCells(
  db: DB,
  actor: Actor,
  recordId: number,
  table: EditTable,
  edits: CellEdit[],
  append: Record<string, RawValue>[],
  action: EditAction = 'edit',
  seen?: number,
): number[] {
  const county = countyOf(db, recordId);
  const single = edits.length === 1 && append.length === 0 ? edits[0] : null;
  const rowsTouched = new Set(edits.map((e) => e.rowId)).size + append.length;
  const columnsTouched = new Set([...edits.map((e) => e.field), ...append.flatMap((a) => Object.keys(a))]).size;
  return mutate(
    db,
    actor,
    { action, recordId, detail: { county: county.name, table, rows: rowsTouched, columns: columnsTouched } },
    (changes) => {
      const rows = rowsOf(db, table, recordId);
      const index = new Map(rows.map((r, i) => [r.id, i]));
      const columns = FIELD_COLUMNS[table] as Record<string, { column: string } | undefined>;
      assertUnchangedSince(
        db,
        actor,
        seen,
        edits.map((e) => ({
          table,
          rowId: e.rowId,
          column: columns[e.field]?.column ?? e.field,
          label: cellLabel(index.get(e.rowId), e.field),
        })),
      );
      const updates = cellUpdates(db, table, rows, index, edits);
      if (single) changes.describe({ county: county.name, table, row: (index.get(single.rowId) ?? 0) + 1, field: single.field });
      const appended = appendedRows(table, recordId, rows, append);
      for (const [rowId, fields] of updates) changes.update(table, rowId, fields);
      const ids = appended.map((row) => changes.insert(table, row));
      assertNoDuplicateSeq(db, table, recordId);
      return ids;
    },
  );
}

/** The rows of a table as a window saw them, named for an edit conflict: "表三的行(行数、次序或序号)". */
const ROWS_LABEL: Record<EditTable, { zh: string; en: string }> = {
  items: { zh: '表二的行(行数、次序或序号)', en: 'The rows of table 二 (their number, order or 序号)' },
  disbursements: { zh: '表三的行(行数、次序或序号)', en: 'The rows of table 三 (their number, order or 序号)' },
};

export function insertRows(
  db: DB,
  actor: Actor,
  recordId: number,
  table: EditTable,
  index: number,
  count: number,
  seen?: number,
): number[] {
  const county = countyOf(db, recordId);
  return mutate(
    db,
    actor,
    { action: 'insert rows', recordId, detail: { county: county.name, table, ...(count === 1 ? { row: index + 1 } : { rows: count }) } },
    (changes) => {
      assertRowsUnchangedSince(db, actor, seen, recordId, table, ROWS_LABEL[table]);
      const rows = rowsOf(db, table, recordId);
      // Above the first row: below its position, which is 0 or less once rows were moved to the front.
      const before = rows[index - 1]?.position ?? (rows[0]?.position ?? 1) - 1;
      const after = rows[index]?.position ?? before + count + 1;
      const step = (after - before) / (count + 1);
      const maxSeq = maxOf(
        rows.map((r) => r.seq),
        0,
      );
      const ids = Array.from({ length: count }, (_, k) =>
        changes.insert(table, blankRow(table, recordId, before + step * (k + 1), maxSeq + k + 1)),
      );
      renumberIfSequential(db, changes, table, recordId, isSequential(rows));
      return ids;
    },
  );
}

export function deleteRows(db: DB, actor: Actor, recordId: number, table: EditTable, ids: number[], seen?: number): void {
  const rowIds = [...new Set(ids)];
  const county = countyOf(db, recordId);
  mutate(db, actor, { action: 'delete rows', recordId, detail: { county: county.name, table, rows: rowIds.length } }, (changes) => {
    const rows = rowsOf(db, table, recordId);
    const position = new Map(rows.map((r, i) => [r.id, i]));
    assertUnchangedSince(
      db,
      actor,
      seen,
      rowIds.flatMap((id) => deletedWith(db, table, id, position.get(id))),
    );
    for (const id of rowIds) if (!position.has(id)) throw appError('no_row', `该行已不存在(#${id})`, `That row no longer exists (#${id})`);
    if (rowIds.length === 1) changes.describe({ county: county.name, table, row: position.get(rowIds[0])! + 1 });
    // A line's payments go with it: Changes.remove takes the rows that refer to a row first, logged, so undo brings them back together.
    for (const id of rowIds) changes.remove(table, id);
    renumberIfSequential(db, changes, table, recordId, isSequential(rows));
  });
}

/** What deleting a row takes away, as the window showed it: the row, and a line's payments with it. */
function deletedWith(db: DB, table: EditTable, rowId: number, index: number | undefined): SeenCell[] {
  const row = { table, rowId, column: null, label: cellLabel(index, null) };
  if (table !== 'disbursements') return [row];
  const payments = db.prepare('SELECT id FROM payments WHERE disbursement_id = ?').pluck().all(rowId) as number[];
  const label = { zh: `${row.label.zh}的拨付台账`, en: `${row.label.en}'s ledger payments` };
  return [row, ...payments.map((id) => ({ table: 'payments' as const, rowId: id, column: null, label }))];
}

export function moveRow(db: DB, actor: Actor, recordId: number, table: EditTable, rowId: number, toIndex: number, seen?: number): void {
  const county = countyOf(db, recordId);
  mutate(db, actor, { action: 'move row', recordId, detail: { county: county.name, table } }, (changes) => {
    assertRowsUnchangedSince(db, actor, seen, recordId, table, ROWS_LABEL[table]);
    const rows = rowsOf(db, table, recordId);
    const from = rows.findIndex((r) => r.id === rowId);
    if (from < 0) throw appError('no_row', `该行已不存在(#${rowId})`, `That row no longer exists (#${rowId})`);
    changes.describe({ county: county.name, table, row: from + 1 });
    const others = rows.filter((r) => r.id !== rowId);
    const to = Math.max(0, Math.min(toIndex, others.length));
    const before = others[to - 1]?.position ?? (others[0]?.position ?? 1) - 1;
    const after = others[to]?.position ?? before + 2;
    changes.update(table, rowId, { position: (before + after) / 2 });
    renumberIfSequential(db, changes, table, recordId, isSequential(rows));
  });
}

export function updateCounty(db: DB, actor: Actor, recordId: number, field: CountyField, raw: RawValue, seen?: number): void {
  const parsed = withSchema(parseCountyField(field, raw), 'county', field);
  if (!parsed.ok) {
    const f = finding(parsed.code, {
      field: `county.${field}`,
      value: raw === null ? '' : String(raw),
      ...(parsed.problem ? { problem: parsed.problem } : {}),
    });
    throw appError('invalid_input', findingMessage(f, 'zh'), findingMessage(f, 'en'), { field: `county.${field}` });
  }
  const column = COUNTY_COLUMNS[field];
  const current = countyOf(db, recordId);
  mutate(
    db,
    actor,
    { action: 'edit', recordId, detail: { county: current.name, table: 'county', field: `county.${field}` } },
    (changes) => {
      const label = {
        zh: `一、基本情况 ${fieldLabel(`county.${field}`, 'zh')}`,
        en: `Basic facts, ${fieldLabel(`county.${field}`, 'en')}`,
      };
      assertUnchangedSince(db, actor, seen, [{ table: 'records', rowId: recordId, column: column.column, label }]);
      const fields: Row = { [column.column]: toColumn(column, parsed.value) };
      // The record's identity: its name, batch and the place it states (江北区 of 重庆市 is not 江北区 of 宁波市).
      if (field === 'name' || field === 'batch' || field === 'province' || field === 'prefecture') {
        const county = { ...countyOf(db, recordId), [field]: parsed.value };
        assertCountyFree(db, county, recordId);
        fields.county_key = storedCountyKey(db, county, recordId);
      }
      changes.update('records', recordId, fields);
    },
  );
}
