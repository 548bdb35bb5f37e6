// A partial record (a basic fact not given): stored with the field empty, listed as incomplete until a
// person completes it; a data file made before partial records existed is migrated keeping every row.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/services/store/database';
import { createRecord, listRecords, readRecord } from '../../../electron/services/store/records';
import { updateCounty } from '../../../electron/services/store/edits';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/services/store/migrations';
import { checkRecord } from '../../../shared/checks';
import { basicParagraph } from '../../../shared/document';
import { seedInput, tempDir, ME } from '../../helpers/fixtures';
import { newStore } from '../../helpers/backend';

const partial = () => {
  const input = seedInput();
  input.county.investment.social = null;
  input.county.centralArrangedUse = null;
  return input;
};

describe('a partial record', () => {
  it('is stored with its facts empty, listed as incomplete, its checks say what is missing; completing it clears that', () => {
    const db = newStore();
    const id = createRecord(db, ME, partial());
    const { record } = readRecord(db, id, { asOf: undefined });
    expect(record.county.investment.social).toBeNull();
    expect(record.county.centralArrangedUse).toBeNull();
    expect(listRecords(db, { asOf: undefined })[0]).toMatchObject({ incomplete: true, warnings: 2, errors: 0 });
    expect(checkRecord(record).map((f) => [f.code, f.severity, f.target?.field])).toEqual([
      ['missing_fact', 'warning', 'investment.social'],
      ['missing_fact', 'warning', 'centralArrangedUse'],
    ]);
    // The paragraph leaves out what is not given rather than writing 0.
    expect(basicParagraph(record.county, 'hans')).not.toMatch(/社会资本|安排使用中央资金/);
    updateCounty(db, ME, id, 'investment.social', '580');
    updateCounty(db, ME, id, 'centralArrangedUse', '1332.78');
    expect(listRecords(db, { asOf: undefined })[0]).toMatchObject({ incomplete: false, warnings: 0 });
    // Clearing a fact again makes it incomplete again (never a zero).
    updateCounty(db, ME, id, 'investment.total', '');
    expect(readRecord(db, id, { asOf: undefined }).record.county.investment.total).toBeNull();
    expect(listRecords(db, { asOf: undefined })[0]).toMatchObject({ incomplete: true });
    db.close();
  });

  it('a data file of the schema before keeps every record, row and id when it is opened (the records table rebuilt)', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    for (const sql of MIGRATIONS.slice(0, SCHEMA_VERSION - 1)) old.exec(sql);
    old.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    old.close();
    // Records made with the old schema, through the old schema's store.
    const before = openDatabaseAt(file, SCHEMA_VERSION - 1);
    expect(before).toBeGreaterThan(0);
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const ids = listRecords(db, { asOf: undefined }).map((r) => r.id);
    expect(ids).toEqual([before]);
    const stored = readRecord(db, before, { asOf: undefined });
    expect(stored.record.items).toHaveLength(seedInput().items.length);
    expect(stored.record.disbursements).toHaveLength(seedInput().disbursements.length);
    expect(stored.record.county.investment.total).toBe('2310');
    // The id sequence goes on: a new record never takes an old id.
    const next = createRecord(db, ME, partial2());
    expect(next).toBeGreaterThan(before);
    db.close();
  });
});

/** Writes the seed into a data file of schema version `version` with plain SQL, as that version's store did. */
function openDatabaseAt(file: string, version: number): number {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  const s = seedInput();
  const fen = (w: string) => Math.round(Number(w) * 1_000_000);
  db.prepare(
    'INSERT INTO records (county_name, county_key, province, prefecture, batch, year, approved_on, accepted_on, investment_total_fen, investment_central_fen, investment_local_gov_fen, investment_social_fen, central_arranged_use_fen, status_note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
  ).run(
    s.county.name,
    s.county.name,
    s.county.province,
    s.county.prefecture,
    s.county.batch,
    s.county.year,
    s.county.approvedOn,
    s.county.acceptedOn,
    2_310_000_000,
    1_500_000_000,
    230_000_000,
    580_000_000,
    1_332_780_000,
    s.county.statusNote,
  );
  const id = Number(db.prepare('SELECT max(id) FROM records').pluck().get());
  s.items.forEach((i, k) =>
    db
      .prepare('INSERT INTO items (record_id, position, seq, category, name, target, completion, completion_rate) VALUES (?,?,?,?,?,?,?,?)')
      .run(id, k, i.seq, i.category, i.name, i.target, i.completion, i.completionRate),
  );
  s.disbursements.forEach((d, k) =>
    db
      .prepare(
        'INSERT INTO disbursements (record_id, position, seq, category, name, planned_fen, actual_fen, stated_rate) VALUES (?,?,?,?,?,?,?,?)',
      )
      .run(
        id,
        k,
        d.seq,
        d.category,
        d.name,
        d.planned === null ? null : fen(d.planned),
        d.actual === null ? null : fen(d.actual),
        d.statedRate ?? null,
      ),
  );
  db.close();
  return id;
}

const partial2 = () => ({ ...partial(), county: { ...partial().county, name: '寻乌县' } });
