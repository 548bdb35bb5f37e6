// Writing many records in one step costs what SQLite's own work costs: the statements are prepared
// once per connection, not once per row, so a thousand-county import is not a million prepares.
import { describe, expect, it } from 'vitest';
import type { DB } from '../../../electron/services/store/database';
import { mutate, replay } from '../../../electron/services/store/changelog';
import { createRecord, insertRecord, listRecords, readRecord } from '../../../electron/services/store/records';
import { manyCounties } from '../../fixtures/counties';
import { ME, seedInput } from '../../helpers/fixtures';
import { newStore } from '../../helpers/backend';

/** Statements prepared while `n` counties are written in one step, on a new data file. */
function preparesFor(n: number): { prepares: number; db: DB } {
  const db: DB = newStore();
  const prepare = db.prepare.bind(db);
  let prepares = 0;
  db.prepare = ((sql: string) => {
    prepares++;
    return prepare(sql);
  }) as DB['prepare'];
  mutate(db, ME, { action: 'import', recordId: null }, (changes) => manyCounties(n).forEach((input) => insertRecord(changes, input)));
  return { prepares, db };
}

describe('the insert path', () => {
  it('prepares the same statements for 5 counties as for 60 (not one per row)', () => {
    const few = preparesFor(5);
    const many = preparesFor(60);
    expect(listRecords(many.db, { asOf: undefined })).toHaveLength(60);
    expect(many.prepares).toBe(few.prepares);
    expect(many.prepares).toBeLessThan(20);
  });

  it('logs each row as stored, so undo removes the import and redo brings back the same records', () => {
    const { db } = preparesFor(12);
    const before = listRecords(db, { asOf: undefined }).map((r) => readRecord(db, r.id, { asOf: undefined }));
    replay(db, ':memory:', ME, 'undo', { confirm: true });
    expect(listRecords(db, { asOf: undefined })).toEqual([]);
    replay(db, ':memory:', ME, 'redo', { confirm: true });
    expect(listRecords(db, { asOf: undefined }).map((r) => readRecord(db, r.id, { asOf: undefined }))).toEqual(before);
  });

  it("keeps a new record's lines once: the change log holds their text only when an undo takes them out, and each redo restores them exactly", () => {
    const db: DB = newStore();
    const input = seedInput();
    const text = '本县电商公共服务中心独有的建设目标';
    input.items[0] = { ...input.items[0], target: text };
    const id = createRecord(db, ME, input);
    const created = readRecord(db, id, { asOf: undefined });
    const inLog = () => db.prepare('SELECT count(*) FROM changes WHERE after LIKE ?').pluck().get(`%${text}%`);
    expect(inLog()).toBe(0);
    for (let round = 0; round < 2; round++) {
      replay(db, ':memory:', ME, 'undo', { confirm: true });
      expect(listRecords(db, { asOf: undefined })).toEqual([]);
      expect(inLog()).toBe(1);
      replay(db, ':memory:', ME, 'redo', { confirm: true });
      expect(readRecord(db, id, { asOf: undefined })).toEqual(created);
    }
  });
});
