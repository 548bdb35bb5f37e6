// A value sent as a JSON number is read as the digits it is written with, exactly as typed text is (finding #8a):
// a figure finer than 1 分 is refused, not rounded, and a tiny one is not turned into 0 without a word.
import { expect, it } from 'vitest';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import { ME, seedInput } from '../../helpers/fixtures';
import { newStore } from '../../helpers/backend';

it('实际拨付额度 sent as the number 1.2345675 or 5e-7 is refused as the text is; 700.5 as a number is taken', async () => {
  const db = newStore();
  const id = createRecord(db, ME, seedInput());
  const line1 = readRecord(db, id, { asOf: undefined }).disbursementIds[0];
  const ctx: ApiContext = { db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array([1]) };
  const type = async (value: number | string) => {
    const r = await dispatch(
      ctx,
      'editCells',
      { recordId: id, table: 'disbursements', edits: [{ rowId: line1, field: 'actual', value }] },
      ME,
    );
    return r.ok ? readRecord(db, id, { asOf: undefined }).record.disbursements[0].actual : r.error.messages?.zh;
  };
  expect(await type(1.2345675)).toBe(await type('1.2345675'));
  expect(await type(1.2345675)).toContain('精度超过1分');
  expect(await type(5e-7)).not.toBe('0');
  expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0].actual).toBe('640.21');
  expect(await type(700.5)).toBe('700.5');
});
