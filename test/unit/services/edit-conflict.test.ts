// Two people on one record: an edit over a cell someone else changed after the editor's screen read
// the record is refused, naming who and when, and writes nothing; other cells, and edits sent without
// a reading position (the command line), go through. Through the contract, on the backend under test.
import { describe, expect, it } from 'vitest';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import type { Actor } from '../../../electron/services/store/changelog';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { seedInput } from '../../helpers/fixtures';
import { newStore } from '../../helpers/backend';

const ANNA: Actor = {
  client: 'tab-anna',
  kind: 'web',
  caller: { kind: 'user', id: 1, name: '安娜', role: 'county', scope: ['江西省', '宜春市', '樟树市'] },
};
const BO: Actor = { client: 'tab-bo', kind: 'web' };

function setUp() {
  const db = newStore();
  const ctx: ApiContext = { db, dbFile: 'test', version: 'test', renderPdf: async () => new Uint8Array() };
  const id = createRecord(db, BO, seedInput());
  const [first, second] = readRecord(db, id, { asOf: undefined }).disbursementIds;
  const call = (actor: Actor, method: string, input: unknown) => dispatch(ctx, method, input, actor);
  const planned = async (row: number) => {
    const r = await call(BO, 'getRecord', { id });
    if (!r.ok) throw new Error(r.error.message);
    const shown = r.value as { record: { disbursements: { planned: string | null }[] }; disbursementIds: number[] };
    return shown.record.disbursements[shown.disbursementIds.indexOf(row)].planned;
  };
  const seen = async (actor: Actor) => {
    const r = await call(actor, 'getRecord', { id });
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { seen: number }).seen;
  };
  const edit = (actor: Actor, row: number, value: string, at?: number) =>
    call(actor, 'editCells', { recordId: id, table: 'disbursements', edits: [{ rowId: row, field: 'planned', value }], seen: at });
  return { first, second, planned, seen, edit };
}

describe('two people editing one record', () => {
  it('an edit over a cell changed by someone else since the screen read it is refused, naming them, and writes nothing', async () => {
    const { first, planned, seen, edit } = setUp();
    const bosView = await seen(BO);
    expect((await edit(ANNA, first, '130')).ok).toBe(true);
    const refused = await edit(BO, first, '125', bosView);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('edit_conflict');
    expect(refused.error.message).toContain('安娜');
    expect(await planned(first)).toBe('130');
    // Having read the record again, Bo sees Anna's figure and may change it.
    expect((await edit(BO, first, '125', await seen(BO))).ok).toBe(true);
    expect(await planned(first)).toBe('125');
  });

  it('another cell of the same record, one’s own earlier edit, and an edit without a reading position go through', async () => {
    const { first, second, planned, seen, edit } = setUp();
    const bosView = await seen(BO);
    expect((await edit(ANNA, first, '130')).ok).toBe(true);
    expect((await edit(BO, second, '90', bosView)).ok).toBe(true);
    expect((await edit(BO, second, '91', bosView)).ok).toBe(true);
    expect((await edit(BO, first, '131')).ok).toBe(true);
    expect([await planned(first), await planned(second)]).toEqual(['131', '91']);
  });
});
