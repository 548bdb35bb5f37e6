// County records in the store: read as canonical records, written only through mutate().
import { computeRecord, fen, type County, type CountyRecord, type DisbursementInput, type Item, type RecordInput } from '../../../shared/record';
import { formatWan } from '../../../shared/money';
import { countyKey } from '../../../shared/text';
import { checkRecord } from '../../../shared/checks';
import { appError } from '../../../shared/errors';
import { mutate, type Actor, type Changes, type Row } from './changelog';
import type { DB } from './database';

type RecordRow = {
  id: number; county_name: string; county_key: string; province: string | null; prefecture: string | null;
  batch: number; year: number; approved_on: string | null; accepted_on: string | null;
  investment_total_fen: number; investment_central_fen: number; investment_local_gov_fen: number;
  investment_social_fen: number; central_arranged_use_fen: number; status_note: string; stated_total_rate: string | null;
};
type ItemRow = { id: number; seq: number; category: Item['category']; name: string; target: string; completion: string; completion_rate: string | null };
type DisbursementRow = { id: number; seq: number; category: Item['category']; name: string; planned_fen: number | null; actual_fen: number | null; stated_rate: string | null };

const wan = (f: number) => formatWan(BigInt(f));
const amount = (f: number | null) => (f === null ? null : wan(f));
const fenOf = (money: string) => Number(fen(money));
const fenOfAmount = (money: string | null) => (money === null ? null : fenOf(money));

function countyFromRow(r: RecordRow): County {
  return {
    name: r.county_name,
    province: r.province,
    prefecture: r.prefecture,
    batch: r.batch,
    year: r.year,
    approvedOn: r.approved_on,
    acceptedOn: r.accepted_on,
    investment: {
      total: wan(r.investment_total_fen),
      central: wan(r.investment_central_fen),
      localGov: wan(r.investment_local_gov_fen),
      social: wan(r.investment_social_fen),
    },
    centralArrangedUse: wan(r.central_arranged_use_fen),
    statusNote: r.status_note,
  };
}

function countyToRow(c: County): Row {
  return {
    county_name: c.name,
    county_key: countyKey(c.name),
    province: c.province,
    prefecture: c.prefecture,
    batch: c.batch,
    year: c.year,
    approved_on: c.approvedOn,
    accepted_on: c.acceptedOn,
    investment_total_fen: fenOf(c.investment.total),
    investment_central_fen: fenOf(c.investment.central),
    investment_local_gov_fen: fenOf(c.investment.localGov),
    investment_social_fen: fenOf(c.investment.social),
    central_arranged_use_fen: fenOf(c.centralArrangedUse),
    status_note: c.statusNote,
  };
}

export function itemToRow(i: Item): Row {
  return { seq: i.seq, category: i.category, name: i.name, target: i.target, completion: i.completion, completion_rate: i.completionRate };
}

export function disbursementToRow(d: DisbursementInput): Row {
  return { seq: d.seq, category: d.category, name: d.name, planned_fen: fenOfAmount(d.planned), actual_fen: fenOfAmount(d.actual), stated_rate: d.statedRate ?? null };
}

/** A stored record with the ids of its rows (the grid edits rows by id). */
export type StoredRecord = { id: number; record: CountyRecord; itemIds: number[]; disbursementIds: number[] };

export function readRecord(db: DB, id: number): StoredRecord {
  const r = db.prepare('SELECT * FROM records WHERE id = ?').get(id) as RecordRow | undefined;
  if (!r) throw appError('no_record', `记录 #${id} 不存在`, `Record #${id} does not exist`);
  const items = db.prepare('SELECT * FROM items WHERE record_id = ? ORDER BY position, id').all(id) as ItemRow[];
  const disbursements = db.prepare('SELECT * FROM disbursements WHERE record_id = ? ORDER BY position, id').all(id) as DisbursementRow[];
  const input: RecordInput = {
    county: countyFromRow(r),
    items: items.map((i) => ({ seq: i.seq, category: i.category, name: i.name, target: i.target, completion: i.completion, completionRate: i.completion_rate })),
    disbursements: disbursements.map((d) => ({
      seq: d.seq,
      category: d.category,
      name: d.name,
      planned: amount(d.planned_fen),
      actual: amount(d.actual_fen),
      ...(d.stated_rate !== null ? { statedRate: d.stated_rate } : {}),
    })),
    ...(r.stated_total_rate !== null ? { totals: { statedRate: r.stated_total_rate } } : {}),
  };
  return { id, record: computeRecord(input), itemIds: items.map((i) => i.id), disbursementIds: disbursements.map((d) => d.id) };
}

/** Records of a county (folded name) and, if given, batch. */
export function findRecordIds(db: DB, county: string, batch?: number): { id: number; batch: number }[] {
  const key = countyKey(county);
  const rows =
    batch === undefined
      ? db.prepare('SELECT id, batch FROM records WHERE county_key = ? ORDER BY batch').all(key)
      : db.prepare('SELECT id, batch FROM records WHERE county_key = ? AND batch = ?').all(key, batch);
  return rows as { id: number; batch: number }[];
}

export type RecordSummary = {
  id: number; county: string; province: string | null; prefecture: string | null; batch: number; year: number;
  planned: string; actual: string; rate: string | null; warnings: number; errors: number;
};

export function listRecords(db: DB): RecordSummary[] {
  const ids = db.prepare('SELECT id FROM records ORDER BY province, prefecture, batch, county_key').pluck().all() as number[];
  return ids.map((id) => {
    const { record } = readRecord(db, id);
    const findings = checkRecord(record);
    return {
      id,
      county: record.county.name,
      province: record.county.province,
      prefecture: record.county.prefecture,
      batch: record.county.batch,
      year: record.county.year,
      planned: record.totals.planned,
      actual: record.totals.actual,
      rate: record.totals.rate,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      errors: findings.filter((f) => f.severity === 'error').length,
    };
  });
}

/** Writes a whole record's rows inside a step (create, replace, duplicate, import). */
export function insertRecord(changes: Changes, input: RecordInput): number {
  const id = changes.insert('records', { ...countyToRow(input.county), stated_total_rate: input.totals?.statedRate ?? null });
  input.items.forEach((item, i) => changes.insert('items', { ...itemToRow(item), record_id: id, position: i + 1 }));
  input.disbursements.forEach((d, i) => changes.insert('disbursements', { ...disbursementToRow(d), record_id: id, position: i + 1 }));
  return id;
}

/** Removes a record and its rows inside a step; rows first, so undo restores the record first. */
export function removeRecord(db: DB, changes: Changes, id: number): void {
  for (const table of ['items', 'disbursements'] as const) {
    const rowIds = db.prepare(`SELECT id FROM ${table} WHERE record_id = ?`).pluck().all(id) as number[];
    for (const rowId of rowIds) changes.remove(table, rowId);
  }
  changes.remove('records', id);
}

export function conflictError(name: string, batch: number) {
  return appError('conflict', `${name} 第${batch}批 已有记录`, `${name}, batch ${batch}, already has a record`, { field: 'county.name' });
}

export function createRecord(db: DB, actor: Actor, input: RecordInput, action: 'create' | 'duplicate' | 'demo' = 'create'): number {
  return mutate(db, actor, { action, recordId: null, detail: { county: input.county.name, batch: input.county.batch } }, (changes) => {
    if (findRecordIds(db, input.county.name, input.county.batch).length > 0) throw conflictError(input.county.name, input.county.batch);
    return insertRecord(changes, input);
  });
}
