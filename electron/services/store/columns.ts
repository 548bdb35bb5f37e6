// Where each field of the record is stored: the one mapping from the record's fields (shared/
// schema.ts) to the columns of the SQLite tables, with how a value is kept (money as integers of
// 分). The change log, the edits and the reads all use it; the compiler holds it to the record's
// fields, and a test holds it to the tables the migrations create.
import { formatWan } from '../../../shared/money';
import { fen } from '../../../shared/record';
import type { CountyField } from '../../../shared/fields';
import type { DisbursementInput, Item } from '../../../shared/schema';
import type { Payment } from '../../../shared/ledger';
import { INDICATOR_COLUMNS, PERFORMANCE_COLUMNS } from './performance-columns';
import type { Db } from './db';
import { isPostgres } from './postgres';

export type Table = 'records' | 'items' | 'disbursements' | 'payments' | 'performance' | 'performance_indicators';
export type Value = string | number | null;
export type Row = Record<string, Value>;

/** How a field's value is kept: money as integers of 分, everything else as it is. */
type Stored = { column: string; money?: true };
type Mapping<Field extends string> = { readonly [F in Field]: Stored };

export const COUNTY_COLUMNS = {
  name: { column: 'county_name' },
  province: { column: 'province' },
  prefecture: { column: 'prefecture' },
  batch: { column: 'batch' },
  year: { column: 'year' },
  approvedOn: { column: 'approved_on' },
  acceptedOn: { column: 'accepted_on' },
  'investment.total': { column: 'investment_total_fen', money: true },
  'investment.central': { column: 'investment_central_fen', money: true },
  'investment.localGov': { column: 'investment_local_gov_fen', money: true },
  'investment.social': { column: 'investment_social_fen', money: true },
  centralArrangedUse: { column: 'central_arranged_use_fen', money: true },
  statusNote: { column: 'status_note' },
} as const satisfies Mapping<CountyField>;

export const ITEM_COLUMNS = {
  seq: { column: 'seq' },
  category: { column: 'category' },
  name: { column: 'name' },
  target: { column: 'target' },
  completion: { column: 'completion' },
  completionRate: { column: 'completion_rate' },
} as const satisfies Mapping<keyof Item>;

export const DISBURSEMENT_COLUMNS = {
  seq: { column: 'seq' },
  category: { column: 'category' },
  name: { column: 'name' },
  planned: { column: 'planned_fen', money: true },
  actual: { column: 'actual_fen', money: true },
  statedRate: { column: 'stated_rate' },
} as const satisfies Mapping<keyof DisbursementInput>;

/** A payment's fields (its line is the disbursement row it belongs to: disbursement_id). */
export const PAYMENT_COLUMNS = {
  date: { column: 'paid_on' },
  amount: { column: 'amount_fen', money: true },
  payee: { column: 'payee' },
  voucher: { column: 'voucher' },
  stage: { column: 'stage' },
  note: { column: 'note' },
} as const satisfies Mapping<Exclude<keyof Payment, 'line'>>;

export const FIELD_COLUMNS = {
  records: COUNTY_COLUMNS,
  items: ITEM_COLUMNS,
  disbursements: DISBURSEMENT_COLUMNS,
  payments: PAYMENT_COLUMNS,
} as const;

/**
 * Columns a table has beyond the record's fields: ids, order, the matching key, the stated total rate, the review status,
 * the record's version (counts every change of its figures: an acceptance is of the version the reviewer saw) and its
 * summary key (new with every step that touches it: a list's summary of it is reused only while the key is the same).
 */
const HOUSEKEEPING: Record<Table, readonly string[]> = {
  records: [
    'id',
    'county_key',
    'stated_total_rate',
    'status',
    'status_by',
    'status_at',
    'status_day',
    'status_remark',
    'version',
    'summary_key',
  ],
  items: ['id', 'record_id', 'position'],
  disbursements: ['id', 'record_id', 'position'],
  payments: ['id', 'record_id', 'disbursement_id', 'position'],
  performance: ['id', 'record_id'],
  performance_indicators: ['id', 'record_id', 'position'],
};

/** Every column of each table. */
export const TABLE_COLUMNS: Record<Table, readonly string[]> = {
  records: [...HOUSEKEEPING.records, ...Object.values(COUNTY_COLUMNS).map((c) => c.column)],
  items: [...HOUSEKEEPING.items, ...Object.values(ITEM_COLUMNS).map((c) => c.column)],
  disbursements: [...HOUSEKEEPING.disbursements, ...Object.values(DISBURSEMENT_COLUMNS).map((c) => c.column)],
  payments: [...HOUSEKEEPING.payments, ...Object.values(PAYMENT_COLUMNS).map((c) => c.column)],
  performance: [...HOUSEKEEPING.performance, ...Object.values(PERFORMANCE_COLUMNS).map((c) => c.column)],
  performance_indicators: [...HOUSEKEEPING.performance_indicators, ...Object.values(INDICATOR_COLUMNS).map((c) => c.column)],
};

/** The change log's, the preferences' and the accounts' columns (the tables beside the record's). */
const OTHER_COLUMNS: Record<string, readonly string[]> = {
  steps: ['id', 'at', 'label', 'record_id', 'undone', 'client', 'client_kind', 'detail', 'user_name'],
  changes: ['id', 'step_id', 'table_name', 'row_id', 'record_id', 'field', 'before', 'after'],
  preferences: ['key', 'value'],
  users: ['id', 'name', 'role', 'scope', 'password_hash', 'disabled', 'created_at', 'changed_at'],
  sessions: ['token_hash', 'user_id', 'created_at', 'seen_at'],
  login_failures: ['id', 'name', 'at'],
  requests: ['client', 'request', 'result', 'at'],
  restores: ['pos', 'at', 'backup'],
};

/** The columns a table of the database has (none: no such table). */
export function columnsOf(db: Db, table: string): string[] {
  return db
    .prepare(
      isPostgres(db)
        ? 'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?'
        : 'SELECT name FROM pragma_table_info(?)',
    )
    .pluck()
    .all(table) as string[];
}

/**
 * What is wrong with a data file's tables at the current schema version, in a few words; null if
 * nothing. A file whose tables were dropped or altered, or whose amounts are not integers of 分,
 * is damaged — named as such (with the newest sound backup), not met later as "Unexpected error".
 */
export function schemaProblem(db: Db): string | null {
  const postgres = isPostgres(db);
  for (const [table, columns] of Object.entries({ ...TABLE_COLUMNS, ...OTHER_COLUMNS })) {
    const have = new Set(columnsOf(db, table));
    if (have.size === 0) return `table ${table} is missing`;
    const missing = columns.filter((c) => !have.has(c));
    if (missing.length) return `table ${table} lacks ${missing.join(', ')}`;
  }
  // A PostgreSQL column's type (BIGINT) holds nothing but integers; a SQLite column holds any value. No amount is negative
  // (none is ever stored so): one written by a repair tool is damage, not an amount to show.
  if (postgres) return null;
  for (const [table, mapping] of Object.entries(FIELD_COLUMNS) as [Table, Record<string, Stored>][])
    for (const { column, money } of Object.values(mapping))
      if (
        money &&
        db.prepare(`SELECT 1 FROM ${table} WHERE typeof(${column}) NOT IN ('integer', 'null') OR ${column} < 0 LIMIT 1`).pluck().get() !==
          undefined
      )
        return `${table}.${column} holds a value that is not an amount`;
  return null;
}

/** A field's value as its column keeps it (an amount in 万元 → integer 分; not entered stays null). */
export function toColumn(stored: Stored, value: Value): Value {
  if (!stored.money || value === null) return value;
  return Number(fen(String(value)));
}

/** A column's value as the field holds it (integer 分 → 万元). */
export function fromColumn(stored: Stored, value: Value): Value {
  if (!stored.money || value === null) return value;
  return formatWan(BigInt(value));
}

/** The columns of one entity's fields (`get` reads a field, dotted names included). */
export function rowOf<Field extends string>(mapping: Mapping<Field>, get: (field: Field) => Value): Row {
  const row: Row = {};
  for (const field of Object.keys(mapping) as Field[]) row[mapping[field].column] = toColumn(mapping[field], get(field));
  return row;
}

/** The fields of one stored row, by field name. */
export function fieldsOf<Field extends string>(mapping: Mapping<Field>, row: Row): Record<Field, Value> {
  const out = {} as Record<Field, Value>;
  for (const field of Object.keys(mapping) as Field[]) out[field] = fromColumn(mapping[field], row[mapping[field].column]);
  return out;
}
