// A county deleted in a team workspace comes back (finding #9): the change log keeps every row the deletion
// took, and any officer of that county — from another tab, after a new login — brings it back as it was,
// with its ledger; the province sees the deletion in its list. Not one tab's undo only.
import { expect, it } from 'vitest';
import { createRecord, listRecords } from '../../../electron/services/store/records';
import { editPayments } from '../../../electron/services/store/payments';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import type { Output } from '../../../shared/contract';
import type { Caller, Role } from '../../../shared/accounts';
import type { Actor } from '../../../electron/services/store/changelog';
import { ME, seedInput } from '../../helpers/fixtures';
import { newStore } from '../../helpers/backend';

const user = (name: string, role: Role, scope: string): Caller => ({ kind: 'user', id: 7, name, role, scope: scope.split('/') });
const tab = (caller: Caller, client: string): Actor => ({ client, kind: 'web', caller });
const ZS = user('zs', 'county', '江西省/宜春市/樟树市');

it('a county deleted by an officer in one tab is listed for its county and province, and another login of the officer brings it back with its ledger', async () => {
  const db = newStore();
  const id = createRecord(db, ME, seedInput());
  editPayments(db, ME, id, [], [{ line: 1, date: '2021-12-01', amount: '300', payee: '樟树市邮政分公司' }]);
  const ctx: ApiContext = { db, dbFile: db.name, version: 'test', renderPdf: async () => new Uint8Array([1]) };
  const call = async <M extends 'deleteRecord' | 'deletedRecords' | 'restoreRecord' | 'listRecords'>(
    actor: Actor,
    method: M,
    input: object,
  ) => {
    const r = await dispatch(ctx, method, input, actor);
    if (!r.ok) return r.error.code;
    return r.value as Output<M>;
  };
  expect(await call(tab(ZS, 'tabDELETEXX'), 'deleteRecord', { id })).toMatchObject({});
  expect(listRecords(db, { asOf: undefined })).toHaveLength(0);

  // The province reviewer and the officer's new tab see what was deleted, where, by whom; an officer of another county does not.
  const deleted = {
    at: expect.any(String),
    user: 'zs',
    by: 'web',
    place: { province: '江西省', prefecture: '宜春市', county: '樟树市', batch: 8 },
  };
  expect(await call(tab(user('jx', 'province', '江西省'), 'tabPROVINCE1'), 'deletedRecords', {})).toEqual([
    expect.objectContaining(deleted),
  ]);
  expect(await call(tab(user('fc', 'county', '江西省/宜春市/丰城市'), 'tabFENGCHENG'), 'deletedRecords', {})).toEqual([]);
  const [{ step }] = (await call(tab(ZS, 'tabNEWLOGIN1'), 'deletedRecords', {})) as Output<'deletedRecords'>;
  // Neither a reviewer nor an officer of another county may write it back; the officer, from another tab, may.
  expect(await call(tab(user('jx', 'province', '江西省'), 'tabPROVINCE1'), 'restoreRecord', { step })).toBe('forbidden');
  expect(await call(tab(user('fc', 'county', '江西省/宜春市/丰城市'), 'tabFENGCHENG'), 'restoreRecord', { step })).toBe('out_of_scope');
  expect(await call(tab(ZS, 'tabNEWLOGIN1'), 'restoreRecord', { step })).toEqual({ id });

  const [back] = listRecords(db, { asOf: undefined });
  expect(back).toMatchObject({ county: '樟树市', batch: 8 });
  expect(await call(tab(ZS, 'tabNEWLOGIN1'), 'deletedRecords', {})).toEqual([]);
  // Its ledger came back with it: line 1 is the sum of its one payment, 300.
  const shown = await dispatch(ctx, 'getRecord', { id }, tab(ZS, 'tabNEWLOGIN1'));
  expect(shown.ok && (shown.value as Output<'getRecord'>).record.disbursements[0].actual).toBe('300');
  // Once back, it is not brought back twice.
  expect(await call(tab(ZS, 'tabNEWLOGIN1'), 'restoreRecord', { step })).toBe('no_step');
});

it('a county a window deleted and another window brought back leaves the deleting window’s redo: it redoes its own later edit', async () => {
  const db = newStore();
  const zhangshu = createRecord(db, ME, seedInput());
  const other = seedInput();
  const ruijin = createRecord(db, ME, { ...other, county: { ...other.county, name: '瑞金市', prefecture: '赣州市' } });
  const ctx: ApiContext = { db, dbFile: db.name, version: 'test', renderPdf: async () => new Uint8Array([1]) };
  const A: Actor = { client: 'tabAAAAAAAAA', kind: 'web' };
  const C: Actor = { client: 'tabCCCCCCCCC', kind: 'web' };
  const ok = async (actor: Actor, method: string, input: object) => {
    const r = await dispatch(ctx, method, input, actor);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as Record<string, unknown>;
  };
  const plan = async () => ((await ok(A, 'getRecord', { id: ruijin })) as Output<'getRecord'>).record.disbursements[0].planned;
  const line1 = ((await ok(A, 'getRecord', { id: ruijin })) as Output<'getRecord'>).disbursementIds[0];
  const before = await plan();
  await ok(A, 'deleteRecord', { id: zhangshu });
  await ok(A, 'editCells', { recordId: ruijin, table: 'disbursements', edits: [{ rowId: line1, field: 'planned', value: '700' }] });
  const [{ step }] = (await ok(C, 'deletedRecords', {})) as unknown as Output<'deletedRecords'>;
  await ok(C, 'restoreRecord', { step });
  await ok(A, 'undo', {});
  expect(await plan()).toBe(before);
  expect(((await ok(A, 'history', {})) as Output<'history'>).redo?.recordId).toBe(ruijin);
  expect(await ok(A, 'redo', {})).toMatchObject({ needsConfirm: [] });
  expect(await plan()).toBe('700');
  expect(
    listRecords(db, { asOf: undefined })
      .map((r) => r.county)
      .sort(),
  ).toEqual(['樟树市', '瑞金市'].sort());
});
