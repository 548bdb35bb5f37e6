// County records in the store: read as canonical records, written only through mutate().
import {
  computeRecord,
  fenOrZero,
  type County,
  type CountyRecord,
  type DisbursementInput,
  type Item,
  type RecordInput,
} from '../../../shared/record';
import { formatWan } from '../../../shared/money';
import { today } from '../../../shared/ledger';
import { CATEGORIES, type Category } from '../../../shared/text';
import { countyKey, fold } from '../../../shared/text';
import { shortCountyKey } from '../../../shared/place-short';
import { SHORTENED_STEMS } from '../../../shared/place-stems';
import { placeName, placesDiffer, prefectureKey, provinceKey, type StatedPlace } from '../../../shared/place-match';
import { countyFieldValue } from '../../../shared/fields';
import { checkRecord, lineFigures, type LineFigures } from '../../../shared/checks';
import { appError } from '../../../shared/errors';
import { mutate, statement, type Actor, type Changes } from './changelog';
import { COUNTY_COLUMNS, DISBURSEMENT_COLUMNS, fieldsOf, ITEM_COLUMNS, PAYMENT_COLUMNS, rowOf, type Row } from './columns';
import type { Payment } from '../../../shared/ledger';
import type { StatusInfo } from '../../../shared/status';
import type { DB } from './database';
import { rateLineFor } from './preferences';
import { allPerformance, insertPerformance, readPerformance, removePerformance, type StoredPerformance } from './performance';
import { assertInputLineSums } from './line-sums';

type RecordRow = Row & { id: number; county_key: string; stated_total_rate: string | null };
type StoredRow = Row & { id: number };

function countyFromRow(r: RecordRow): County {
  const v = fieldsOf(COUNTY_COLUMNS, r);
  return {
    name: v.name as string,
    province: v.province as string | null,
    prefecture: v.prefecture as string | null,
    batch: v.batch as number,
    year: v.year as number,
    approvedOn: v.approvedOn as string | null,
    acceptedOn: v.acceptedOn as string | null,
    investment: {
      total: v['investment.total'] as string,
      central: v['investment.central'] as string,
      localGov: v['investment.localGov'] as string,
      social: v['investment.social'] as string,
    },
    centralArrangedUse: v.centralArrangedUse as string,
    statusNote: v.statusNote as string,
  };
}

const countyToRow = (c: County): Row => rowOf(COUNTY_COLUMNS, (field) => countyFieldValue(c, field));

export const itemToRow = (i: Item): Row => rowOf(ITEM_COLUMNS, (field) => i[field]);
export const disbursementToRow = (d: DisbursementInput): Row => rowOf(DISBURSEMENT_COLUMNS, (field) => d[field] ?? null);

const itemFromRow = (r: StoredRow): Item => fieldsOf(ITEM_COLUMNS, r) as Item;
function disbursementFromRow(r: StoredRow): DisbursementInput {
  const { statedRate, ...d } = fieldsOf(DISBURSEMENT_COLUMNS, r);
  return { ...(d as Omit<DisbursementInput, 'statedRate'>), ...(statedRate !== null ? { statedRate: statedRate as string } : {}) };
}

/** A stored record with the ids of its rows (the grid edits rows by id). */
export type StoredRecord = {
  id: number;
  record: CountyRecord;
  itemIds: number[];
  disbursementIds: number[];
  paymentIds: number[];
  /** 实际拨付额度 of each line as typed: what a line shows again once its last payment is gone. */
  typedActuals: (string | null)[];
  /** The rows of 四、绩效自评's indicators (empty without a performance part). */
  indicatorIds: number[];
};

/** The payments of a record, each with its line's 序号, in the order the record lists them (line, day). */
function paymentsOf(db: DB, recordId: number): (StoredRow & { line: number })[] {
  return statement(
    db,
    'SELECT p.*, d.seq AS line FROM payments p JOIN disbursements d ON d.id = p.disbursement_id WHERE p.record_id = ? ORDER BY d.seq, p.paid_on, p.position, p.id',
  ).all(recordId) as (StoredRow & { line: number })[];
}

const paymentFromRow = (r: StoredRow & { line: number }): Payment => ({
  line: r.line,
  ...(fieldsOf(PAYMENT_COLUMNS, r) as Omit<Payment, 'line'>),
});

/** A record's rows as the store holds them. */
type Rows = {
  row: RecordRow;
  items: StoredRow[];
  disbursements: StoredRow[];
  payments: (StoredRow & { line: number })[];
  performance?: StoredPerformance;
};

/** A record that does not exist — or, for a signed-in user, lies outside their scope: the same words. */
export const noRecord = (id: number) => appError('no_record', `记录 #${id} 不存在`, `Record #${id} does not exist`);

/**
 * The day figures are computed as of, always given: a day (YYYY-MM-DD), or `undefined` for the record's
 * own day (its 验收日期, else today). A caller cannot forget it: leaving it out does not type-check.
 * `today`: the person's day (a browser's, sent with the call); without it, this machine's.
 */
export type FiguresDay = { asOf: string | undefined; today?: string };

export function readRecord(db: DB, id: number, day: FiguresDay): StoredRecord {
  // Its statements prepared once per connection: an import replacing a thousand counties reads each back twice.
  const row = statement(db, 'SELECT * FROM records WHERE id = ?').get(id) as RecordRow | undefined;
  if (!row) throw noRecord(id);
  const items = statement(db, 'SELECT * FROM items WHERE record_id = ? ORDER BY position, id').all(id) as StoredRow[];
  const disbursements = statement(db, 'SELECT * FROM disbursements WHERE record_id = ? ORDER BY position, id').all(id) as StoredRow[];
  return recordOf({ row, items, disbursements, payments: paymentsOf(db, id), performance: readPerformance(db, id) }, day);
}

/**
 * The day an accepted record's figures stay as of, when no day is asked: its 验收日期 (computeRecord's
 * default), else the day the accepting person saw when they accepted it (their "today", which is not
 * status_at's UTC day in the hours after midnight east of UTC) — never "today", or a locked record's
 * 实际拨付额度 would follow the calendar past what was signed.
 */
function frozenDay(r: RecordRow): string | undefined {
  return r.status === 'accepted' && r.accepted_on === null && typeof r.status_day === 'string' ? r.status_day : undefined;
}

function recordOf({ row: r, items, disbursements, payments, performance }: Rows, day: FiguresDay): StoredRecord {
  const input: RecordInput = {
    county: countyFromRow(r),
    items: items.map(itemFromRow),
    disbursements: disbursements.map(disbursementFromRow),
    ...(r.stated_total_rate !== null ? { totals: { statedRate: r.stated_total_rate } } : {}),
    ...(payments.length ? { payments: payments.map(paymentFromRow) } : {}),
    ...(performance ? { performance: performance.input } : {}),
  };
  return {
    id: r.id,
    record: computeRecord(input, { asOf: day.asOf ?? frozenDay(r), ...(day.today ? { today: day.today } : {}) }),
    itemIds: items.map((i) => i.id),
    disbursementIds: disbursements.map((d) => d.id),
    paymentIds: payments.map((p) => p.id),
    typedActuals: input.disbursements.map((d) => d.actual),
    indicatorIds: performance?.indicatorIds ?? [],
  };
}

/**
 * The rows of these records (all when not given) in four queries (the overview lists a thousand records:
 * one query per table, not four per record), in the same orders readRecord uses.
 */
function rowsOf(db: DB, ids?: number[]): Map<number, Rows> {
  const only = (column: string) => (ids ? ` WHERE ${column} IN (${ids.map(() => '?').join(', ')})` : '');
  const params = ids ?? [];
  const out = new Map<number, Rows>();
  for (const row of db.prepare(`SELECT * FROM records${only('id')}`).all(...params) as RecordRow[])
    out.set(row.id, { row, items: [], disbursements: [], payments: [] });
  const into = (table: 'items' | 'disbursements' | 'payments', list: (StoredRow & { record_id?: unknown })[]) => {
    for (const r of list) out.get(Number(r.record_id))?.[table].push(r as StoredRow & { line: number });
  };
  into('items', db.prepare(`SELECT * FROM items${only('record_id')} ORDER BY record_id, position, id`).all(...params) as StoredRow[]);
  into(
    'disbursements',
    db.prepare(`SELECT * FROM disbursements${only('record_id')} ORDER BY record_id, position, id`).all(...params) as StoredRow[],
  );
  into(
    'payments',
    db
      .prepare(
        `SELECT p.*, d.seq AS line FROM payments p JOIN disbursements d ON d.id = p.disbursement_id${only('p.record_id')} ORDER BY p.record_id, d.seq, p.paid_on, p.position, p.id`,
      )
      .all(...params) as StoredRow[],
  );
  for (const [recordId, performance] of allPerformance(db)) {
    const rows = out.get(recordId);
    if (rows) rows.performance = performance;
  }
  return out;
}

/** A stored record of a county name: its batch, name and the place it states. */
export type StoredCounty = { id: number; batch: number; name: string } & StatedPlace;

/** A record's county_key: its folded name, and the place it states after `@` when another place's county of that name holds the batch. */
const PLACE_MARK = '@';
export const nameOfKey = (key: string): string => key.split(PLACE_MARK)[0];

/**
 * The county_key a record of this name, batch and place is stored under (the database keeps one record a key and batch):
 * the folded name, or — a county of that name in another place holding it already (江北区 of 重庆市 and of 宁波市) — the name
 * with the place. `self`: the record being renamed, which does not hold its own key.
 */
export function storedCountyKey(db: DB, county: StatedPlace & { name: string; batch: number }, self?: number): string {
  const key = countyKey(county.name);
  const holder = statement(db, 'SELECT id FROM records WHERE county_key = ? AND batch = ?').pluck().get(key, county.batch);
  if (holder === undefined || holder === self) return key;
  return `${key}${PLACE_MARK}${provinceKey(county.province ?? '')}/${prefectureKey(county.prefecture ?? '')}`;
}

/**
 * Records of a county (folded name, or its short form) and, if given, batch; with `place`, only those that may stand
 * there (a province or prefecture both state and that differ is another county: placesDiffer).
 */
export function storedCounties(db: DB, county: string, batch?: number, place?: StatedPlace): StoredCounty[] {
  const key = countyKey(county);
  const short = shortCountyKey(key);
  const columns = 'id, batch, county_name AS name, county_key, province, prefecture';
  const seen = new Set<number>();
  const rows = keyPrefixes(key, short).flatMap((prefix) => {
    const [from, to] = prefixRange(prefix);
    return (
      batch === undefined
        ? statement(db, `SELECT ${columns} FROM records WHERE county_key >= ? AND county_key < ?`).all(from, to)
        : statement(db, `SELECT ${columns} FROM records WHERE county_key >= ? AND county_key < ? AND batch = ?`).all(from, to, batch)
    ) as (StoredCounty & { county_key: string })[];
  });
  return rows
    .filter(
      (r) => !seen.has(r.id) && seen.add(r.id) && shortCountyKey(nameOfKey(r.county_key)) === short && !(place && placesDiffer(r, place)),
    )
    .sort((a, b) => a.batch - b.batch || Number(nameOfKey(b.county_key) === key) - Number(nameOfKey(a.county_key) === key))
    .map(({ id, batch, name, province, prefecture }) => ({ id, batch, name, province, prefecture }));
}

/**
 * What the keys of a county's records begin with: its key (a place may follow it), or, for a county or banner, the
 * stem of its short form — every form of it begins so (长白县, 长白朝鲜族自治县) — and each shortened form of that
 * stem (前郭县 for 前郭尔罗斯县, shared/place-stems.ts).
 */
function keyPrefixes(key: string, short: string): string[] {
  if (!/[县旗]$/.test(short)) return [key];
  return [short.slice(0, -1), ...[...SHORTENED_STEMS].filter(([, long]) => long === short).map(([abbreviation]) => abbreviation)];
}

/**
 * The keys that begin with `prefix`, as a range an index can scan: [prefix, the prefix with its last character one
 * higher) — keys compare by code point (SQLite's BINARY, PostgreSQL's "C").
 */
function prefixRange(prefix: string): [string, string] {
  const chars = [...prefix];
  const last = chars.pop()!.codePointAt(0)!;
  return [prefix, chars.join('') + String.fromCodePoint(last + 1)];
}

/** Records of a county (folded name, or its short form) and, if given, batch — of any place. */
export const findRecordIds = (db: DB, county: string, batch?: number): { id: number; batch: number; name: string }[] =>
  storedCounties(db, county, batch).map(({ id, batch, name }) => ({ id, batch, name }));

/** Σ计划安排额度 and Σ实际拨付额度 of a record's lines of one category (万元). */
export type CategorySum = { category: Category; planned: string; actual: string };

/** A record's line: its county, sums, rate and findings counted (shared/checks.ts lineFigures; `incomplete`: a basic fact is not
 * given, imported from a partial sheet, until completed), and the rest of what the list shows. */
export type RecordSummary = LineFigures & {
  id: number;
  province: string | null;
  prefecture: string | null;
  batch: number;
  year: number;
  items: number;
  disbursements: number;
  status: StatusInfo;
  updatedAt: string | null;
  categories: CategorySum[];
  /** The day the figures are as of (a record with a ledger), as getRecord gives it. */
  asOf?: string;
  /** 四、绩效自评's 总分 and 等级, when the record keeps one. */
  performance?: { total: string | null; grade: '优' | '良' | '中' | '差' | null };
};

/** Per category, the sums of the lines (in the order of CATEGORIES; categories without lines left out). */
function categorySums(record: CountyRecord): CategorySum[] {
  const sums = new Map<Category, { planned: bigint; actual: bigint }>();
  for (const d of record.disbursements) {
    const s = sums.get(d.category) ?? { planned: 0n, actual: 0n };
    s.planned += fenOrZero(d.planned);
    s.actual += fenOrZero(d.actual);
    sums.set(d.category, s);
  }
  return CATEGORIES.filter((c) => sums.has(c)).map((c) => ({
    category: c,
    planned: formatWan(sums.get(c)!.planned),
    actual: formatWan(sums.get(c)!.actual),
  }));
}

/**
 * Each record as a list is made of: its id, summary key and status, in the store's order (null for a
 * record without a key). Every step, undo and redo that touches a record sets a new key (changelog.ts).
 */
const LIST_HEADS = `SELECT id || ' ' || summary_key || ' ' || status || ' ' || coalesce(status_by, '') || ' ' || coalesce(status_at, '')
  || ' ' || coalesce(status_day, '') || ' ' || coalesce(status_remark, '') FROM records ORDER BY province, prefecture, batch, county_key`;

/** The list each connection answered last, with its records' heads and the basis it was made on. */
const lastLists = new WeakMap<DB, { basis: string; heads: string[]; list: RecordSummary[] }>();

/**
 * Every record's figures (as of `asOf` for records with a ledger), in the store's order. While no
 * record came, went or moved its key, the list answered last is answered again (asked again and
 * again, as while a long export runs, a list reads one column and makes nothing anew).
 */
export function listRecords(db: DB, day: FiguresDay): RecordSummary[] {
  const heads = statement(db, LIST_HEADS).pluck().all() as (string | null)[];
  const basis = basisOf(rateLines(db), day);
  const last = lastLists.get(db);
  if (last?.basis === basis && last.heads.length === heads.length && last.heads.every((h, i) => h === heads[i])) return [...last.list];
  const ids = statement(db, 'SELECT id FROM records ORDER BY province, prefecture, batch, county_key').pluck().all() as number[];
  const list = summarizeRecords(db, ids, day);
  if (heads.every((h) => h !== null)) lastLists.set(db, { basis, heads: heads as string[], list: [...list] });
  return list;
}

type StatusRow = {
  status: StatusInfo['status'];
  status_by: string | null;
  status_at: string | null;
  status_day: string | null;
  status_remark: string | null;
};
type Head = StatusRow & { id: number; summary_key: string | null };
/** What a list shows of a record but its status (read afresh each time). */
type Figures = Omit<RecordSummary, 'status'>;

/**
 * The summaries a connection computed, each kept with the record's summary key it was computed at: a step,
 * undo or redo that touches a record sets a new key in its own transaction (changelog.ts), so a summary is
 * reused only while nothing of its record changed. Kept for one rate line and one day (a new one starts over).
 */
const computed = new WeakMap<DB, Kept>();

const headsOf = (db: DB) =>
  new Map(
    (statement(db, 'SELECT id, summary_key, status, status_by, status_at, status_day, status_remark FROM records').all() as Head[]).map(
      (h) => [h.id, h],
    ),
  );

type Kept = { basis: string; byId: Map<number, { key: string; figures: Figures }> };

/** What figures are computed on: the rate lines and the day (as of, or today). */
const basisOf = (lines: { basis: string }, day: FiguresDay) => `${lines.basis} ${day.asOf ?? `today ${day.today ?? today()}`}`;

/** The figures of these records, in this order (a record that does not exist is refused). */
export function summarizeRecords(db: DB, ids: number[], day: FiguresDay): RecordSummary[] {
  const lines = rateLines(db);
  const basis = basisOf(lines, day);
  let kept = computed.get(db);
  if (kept?.basis !== basis) computed.set(db, (kept = { basis, byId: new Map() }));
  const heads = headsOf(db);
  const stale = ids.filter((id) => {
    const head = heads.get(id);
    if (!head) throw noRecord(id);
    return head.summary_key === null || kept.byId.get(id)?.key !== head.summary_key;
  });
  const fresh = stale.length ? recompute(db, kept, heads, stale, day, lines.of) : { heads, figures: new Map<number, Figures>() };
  return ids.map((id) => {
    const head = fresh.heads.get(id);
    if (!head) throw noRecord(id);
    return { ...(fresh.figures.get(id) ?? kept.byId.get(id)!.figures), status: statusOf(head) };
  });
}

/**
 * The figures of records whose summaries are stale, kept for the next list — each only if its record's
 * key did not move while its rows were read (read again after them); with the records as they are now.
 */
/**
 * The 执行率 lines records are checked against (each province's, else the data file's), asked once per list,
 * and what they are as a text: a summary kept under other lines is stale.
 */
function rateLines(db: DB): { basis: string; of: (province: string | null) => string } {
  const set = statement(db, "SELECT key, value FROM preferences WHERE key LIKE 'perf.rateLine%' ORDER BY key").all() as {
    key: string;
    value: string;
  }[];
  const lines = new Map<string, string>();
  return {
    basis: set.map((r) => `${r.key}=${r.value}`).join(';'),
    of: (province) => {
      const key = province ?? '';
      if (!lines.has(key)) lines.set(key, rateLineFor(db, province));
      return lines.get(key)!;
    },
  };
}

function recompute(
  db: DB,
  kept: Kept,
  before: Map<number, Head>,
  stale: number[],
  day: FiguresDay,
  lineOf: (province: string | null) => string,
) {
  const rows = rowsOf(db, stale.length < before.size ? stale : undefined);
  const lastChange = statement(
    db,
    'SELECT max(s.at) FROM changes c JOIN steps s ON s.id = c.step_id WHERE c.record_id = ? AND s.undone = 0',
  ).pluck();
  const figures = new Map(stale.map((id) => [id, figuresOf(id, rows.get(id), day, lineOf, lastChange.get(id) as string | null)]));
  const heads = headsOf(db);
  for (const id of kept.byId.keys()) if (!heads.has(id)) kept.byId.delete(id);
  for (const [id, f] of figures) {
    const key = heads.get(id)?.summary_key;
    if (key && key === before.get(id)!.summary_key) kept.byId.set(id, { key, figures: f });
  }
  return { heads, figures };
}

const statusOf = (r: StatusRow): StatusInfo => ({
  status: r.status,
  by: r.status_by,
  at: r.status_at,
  day: r.status_day,
  remark: r.status_remark,
});

function figuresOf(
  id: number,
  stored: Rows | undefined,
  day: FiguresDay,
  lineOf: (province: string | null) => string,
  updatedAt: string | null,
): Figures {
  if (!stored) throw noRecord(id);
  const { record } = recordOf(stored, day);
  const findings = checkRecord(record, { rateLine: lineOf(record.county.province) });
  return {
    id,
    ...lineFigures(record, findings),
    province: record.county.province,
    prefecture: record.county.prefecture,
    batch: record.county.batch,
    year: record.county.year,
    items: record.items.length,
    disbursements: record.disbursements.length,
    updatedAt,
    categories: categorySums(record),
    ...(record.asOf ? { asOf: record.asOf } : {}),
    ...(record.performance ? { performance: { total: record.performance.total, grade: record.performance.grade } } : {}),
  };
}

/** Writes a whole record's rows inside a step (create, replace, duplicate, import). */
export function insertRecord(changes: Changes, input: RecordInput): number {
  if (input.payments?.length) assertInputLineSums(input.payments);
  const row = { ...countyToRow(input.county), county_key: storedCountyKey(changes.db, input.county) };
  const id = changes.insert('records', { ...row, stated_total_rate: input.totals?.statedRate ?? null });
  input.items.forEach((item, i) => changes.insert('items', { ...itemToRow(item), record_id: id, position: i + 1 }));
  const lines = new Map<number, number>();
  input.disbursements.forEach((d, i) =>
    lines.set(d.seq, changes.insert('disbursements', { ...disbursementToRow(d), record_id: id, position: i + 1 })),
  );
  (input.payments ?? []).forEach((p, i) => {
    const line = lines.get(p.line);
    if (line === undefined)
      throw appError(
        'no_line',
        `拨付台账第 ${i + 1} 笔的序号 ${p.line} 在表三中没有这一行`,
        `Payment ${i + 1}: table 3 has no line No. ${p.line}`,
      );
    changes.insert('payments', { ...paymentToRow(p), record_id: id, disbursement_id: line, position: i + 1 });
  });
  if (input.performance) insertPerformance(changes, id, input.performance);
  return id;
}

export const paymentToRow = (p: Omit<Payment, 'line'>): Row => rowOf(PAYMENT_COLUMNS, (field) => p[field]);

/** Removes a record and its rows inside a step; rows first, so undo restores the record first. */
export function removeRecord(db: DB, changes: Changes, id: number): void {
  removePerformance(db, changes, id);
  for (const table of ['payments', 'items', 'disbursements'] as const) {
    const rowIds = db.prepare(`SELECT id FROM ${table} WHERE record_id = ?`).pluck().all(id) as number[];
    for (const rowId of rowIds) changes.remove(table, rowId);
  }
  changes.remove('records', id);
}

/** The county's record already stored; `places`: where the stored ones stand, when not written as the new one is (已有的是 重庆市江北区). */
export function conflictError(name: string, batch: number, places: string[] = []) {
  const zh = places.length ? `(已有的是 ${places.join('、')})` : '';
  const en = places.length ? ` (stored: ${places.join(', ')})` : '';
  return appError('conflict', `${name} 第${batch}批 已有记录${zh}`, `${name}, batch ${batch}, already has a record${en}`, {
    field: 'county.name',
  });
}

/** The stored records that are this county: its name (or short form), batch, and a place that does not differ (placesDiffer). */
export const sameCountyRecords = (db: DB, county: StatedPlace & { name: string; batch: number }, self?: number): StoredCounty[] =>
  storedCounties(db, county.name, county.batch, county).filter((r) => r.id !== self);

/** Refuses a record whose county and batch are stored already (inside the step that would write it). */
export function assertCountyFree(db: DB, county: StatedPlace & { name: string; batch: number }, self?: number): void {
  const stored = sameCountyRecords(db, county, self);
  if (stored.length === 0) return;
  const places = stored.map((s) => placeName({ ...s, county: s.name }));
  const here = fold(placeName({ ...county, county: county.name }));
  throw conflictError(county.name, county.batch, places.every((p) => fold(p) === here) ? [] : places);
}

export function createRecord(db: DB, actor: Actor, input: RecordInput, action: 'create' | 'duplicate' | 'demo' = 'create'): number {
  return mutate(db, actor, { action, recordId: null, detail: { county: input.county.name, batch: input.county.batch } }, (changes) => {
    assertCountyFree(db, input.county);
    return insertRecord(changes, input);
  });
}
