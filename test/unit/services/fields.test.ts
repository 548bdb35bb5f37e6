// One definition per field: the store keeps each field in the column the one mapping names (and
// the tables the migrations create have exactly those columns); every entry point accepts only
// what the record schema accepts, so anything the app keeps survives export → import unchanged;
// and money stays exact at the largest amount through every path.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnsOf, TABLE_COLUMNS } from '../../../electron/services/store/columns';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { editCells, updateCounty } from '../../../electron/services/store/edits';
import { history, mutate } from '../../../electron/services/store/changelog';
import { exportWorkbook } from '../../../electron/services/excel/export';
import { readWorkbook } from '../../../electron/services/excel/import';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import { computeRecord } from '../../../shared/record';
import { MAX_FEN, formatWan, parseMoney } from '../../../shared/money';
import { COUNTY_FIELDS, DISBURSEMENT_FIELDS, ITEM_FIELDS } from '../../../shared/fields';
import { AppError } from '../../../shared/errors';
import { ME, seedInput } from '../../helpers/fixtures';
import { redo, undo } from '../../helpers/store';
import { newStore } from '../../helpers/backend';

describe('the one mapping of fields to columns', () => {
  it('names exactly the columns the migrations create, table by table', () => {
    const db = newStore();
    for (const [table, columns] of Object.entries(TABLE_COLUMNS)) {
      const created = columnsOf(db, table);
      expect([...created].sort(), table).toEqual([...columns].sort());
    }
    db.close();
  });

  it('a step that changes nothing leaves no trace, and only changed fields are logged', () => {
    const db = newStore();
    const id = createRecord(db, ME, seedInput());
    const [row] = readRecord(db, id, { asOf: undefined }).disbursementIds;
    const steps = () => history(db, ME).steps.length;
    const before = steps();
    editCells(db, ME, id, 'disbursements', [{ rowId: row, field: 'actual', value: '640.21' }], []);
    mutate(db, ME, { action: 'edit', recordId: id }, (c) =>
      c.update('disbursements', row, { actual_fen: 640_210_000, name: '县乡村物流快递配送体系建设' }),
    );
    expect(steps()).toBe(before);
    mutate(db, ME, { action: 'edit', recordId: id }, (c) =>
      c.update('disbursements', row, { actual_fen: 700_000_000, name: '县乡村物流快递配送体系建设' }),
    );
    expect(steps()).toBe(before + 1);
    expect(db.prepare('SELECT field FROM changes WHERE step_id = (SELECT max(id) FROM steps)').pluck().all()).toEqual(['actual_fen']);
    db.close();
  });
});

describe('money exact at the largest amount, through every path', () => {
  const MAX = formatWan(MAX_FEN);

  it('the largest amount is 999999999.999999 万元: one 分 more is refused', () => {
    expect(MAX).toBe('999999999.999999');
    expect(parseMoney(MAX)).toEqual({ ok: true, value: MAX_FEN });
    expect(parseMoney('1000000000')).toEqual({ ok: false, problem: 'too_large' });
    expect(parseMoney(999_999_999.999999)).toEqual({ ok: true, value: MAX_FEN });
  });

  it('stored by a cell edit, logged, undone, redone, exported, imported and sent over the API: the same to the 分', async () => {
    const db = newStore();
    const id = createRecord(db, ME, seedInput());
    const [row] = readRecord(db, id, { asOf: undefined }).disbursementIds;
    editCells(
      db,
      ME,
      id,
      'disbursements',
      [
        { rowId: row, field: 'planned', value: MAX },
        { rowId: row, field: 'actual', value: '999,999,999.999999万元' },
      ],
      [],
    );
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0]).toMatchObject({ planned: MAX, actual: MAX, rate: '100.00' });
    expect(db.prepare('SELECT after FROM changes WHERE field = ? ORDER BY id DESC LIMIT 1').pluck().get('planned_fen')).toBe(
      String(MAX_FEN),
    );
    undo(db);
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0].planned).toBe('775');
    redo(db);
    const record = readRecord(db, id, { asOf: undefined }).record;
    expect(record.disbursements[0].planned).toBe(MAX);
    const [read] = await readWorkbook({ name: 'max.xlsx', bytes: await exportWorkbook([record]) });
    expect(computeRecord(read.input!)).toEqual(record);
    const ctx: ApiContext = { db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array() };
    const got = await dispatch(ctx, 'getRecord', { id }, ME);
    expect(got.ok && (got.value as { record: typeof record }).record.disbursements[0].planned).toBe(MAX);
    db.close();
  });
});

describe('whatever a cell or a field accepts, export and import bring back unchanged', () => {
  // What people type: amounts in every form, percents, dates, texts with odd characters.
  const typed = fc.oneof(
    fc.integer({ min: 0, max: 10 ** 9 }).map(String),
    fc.tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 9_999_999 })).map(([i, f]) => `${i}.${f}`),
    fc
      .tuple(fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 0, max: 999 }))
      .map(([i, f]) => `${i.toLocaleString('en-US')}.${f}万元`),
    fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
    fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 99_999_999 })).map(([i, f]) => `${i}.${f}%`),
    fc.constantFrom('2021-09', '2021年9月', '2021-02-29', '2024-02-29', '0000-01', '2021', '第七批', '十二', '樟樹市', ' ', ''),
    fc.string({ unit: fc.constantFrom('a', '中', '樹', '\n', '\t', '"', "'", '=', '\u0007', '\uffff', '１', ' '), maxLength: 20 }),
    fc.constantFrom('县'.repeat(101), 'x'.repeat(100)),
  );
  const edit = fc.oneof(
    fc.record({ table: fc.constant('items' as const), field: fc.constantFrom(...ITEM_FIELDS), row: fc.nat(5), value: typed }),
    fc.record({
      table: fc.constant('disbursements' as const),
      field: fc.constantFrom(...DISBURSEMENT_FIELDS),
      row: fc.nat(5),
      value: typed,
    }),
    fc.record({
      table: fc.constant('county' as const),
      field: fc.constantFrom(...COUNTY_FIELDS.filter((f) => f !== 'batch' && f !== 'name')),
      row: fc.constant(0),
      value: typed,
    }),
  );

  it('for random edits at every entry point', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('hans' as const, 'hant' as const),
        async (edits, script) => {
          const db = newStore();
          const id = createRecord(db, ME, seedInput());
          const ids = readRecord(db, id, { asOf: undefined });
          for (const e of edits) {
            try {
              if (e.table === 'county') updateCounty(db, ME, id, e.field, e.value);
              else
                editCells(
                  db,
                  ME,
                  id,
                  e.table,
                  [{ rowId: (e.table === 'items' ? ids.itemIds : ids.disbursementIds)[e.row], field: e.field, value: e.value }],
                  [],
                );
            } catch (err) {
              // Refused in words (nothing kept): fine. Anything else is a bug.
              expect(err).toBeInstanceOf(AppError);
            }
          }
          const record = readRecord(db, id, { asOf: undefined }).record;
          const [read] = await readWorkbook({ name: 'x.xlsx', bytes: await exportWorkbook([record], script) });
          expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
          expect(computeRecord(read.input!)).toEqual(record);
          db.close();
        },
      ),
      { seed: 20261129, numRuns: 60 },
    );
  }, 120_000);
});
