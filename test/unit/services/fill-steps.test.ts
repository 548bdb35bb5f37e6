// A Ctrl+D / Ctrl+R fill is one undoable step named as a fill (向下填充 / 向右填充; Fill down / Fill right),
// not as a paste, in table 三, the ledger and the indicators: through the contract, as the screen sends it.
import { describe, expect, it } from 'vitest';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import type { Actor } from '../../../electron/services/store/changelog';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { editPayments } from '../../../electron/services/store/payments';
import { stepLabel } from '../../../shared/steps';
import { seedInput } from '../../helpers/fixtures';
import { newStore } from '../../helpers/backend';

const ME: Actor = { client: 'tab-me', kind: 'web' };

function setUp() {
  const db = newStore();
  const ctx: ApiContext = { db, dbFile: 'test', version: 'test', renderPdf: async () => new Uint8Array() };
  const id = createRecord(db, ME, seedInput());
  const call = async (method: string, input: unknown) => {
    const r = await dispatch(ctx, method, input, ME);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  /** The undo button's step, in both languages. */
  const undoLabel = async () => {
    const { undo } = (await call('history', {})) as { undo: Parameters<typeof stepLabel>[0] };
    return [stepLabel(undo, 'zh'), stepLabel(undo, 'en')];
  };
  return { db, id, call, undoLabel };
}

describe('a fill is named as a fill', () => {
  it('Ctrl+D over 计划安排额度 of three lines of table 三: 向下填充, Fill down', async () => {
    const { db, id, call, undoLabel } = setUp();
    const [, second, third] = readRecord(db, id, { asOf: undefined }).disbursementIds;
    const edits = [second, third].map((rowId) => ({ rowId, field: 'planned', value: '775' }));
    await call('editCells', { recordId: id, table: 'disbursements', edits, fill: 'down' });
    expect(await undoLabel()).toEqual(['向下填充 樟树市 三 2 行 × 1 列', 'Fill down 樟树市, table 3, 2 × 1 cells']);
  });

  it('Ctrl+R of one cell is still a fill, not an edit; without fill two cells are a paste', async () => {
    const { db, id, call, undoLabel } = setUp();
    const [first, second] = readRecord(db, id, { asOf: undefined }).disbursementIds;
    await call('editCells', {
      recordId: id,
      table: 'disbursements',
      edits: [{ rowId: first, field: 'actual', value: '775' }],
      fill: 'right',
    });
    expect((await undoLabel())[0]).toMatch(/^向右填充 樟树市 三/);
    const two = [first, second].map((rowId) => ({ rowId, field: 'planned', value: '1' }));
    await call('editCells', { recordId: id, table: 'disbursements', edits: two });
    expect((await undoLabel())[0]).toMatch(/^粘贴 /);
  });

  it('in the ledger: the payee filled down into the second payment is 向下填充 naming that payment, not 编辑', async () => {
    const { db, id, call, undoLabel } = setUp();
    editPayments(
      db,
      ME,
      id,
      [],
      [
        { line: '1', date: '2021-12-01', amount: '300', payee: '某公司' },
        { line: '1', date: '2022-01-05', amount: '10' },
      ],
    );
    const [, later] = readRecord(db, id, { asOf: undefined }).paymentIds;
    await call('editPayments', { recordId: id, edits: [{ paymentId: later, field: 'payee', value: '某公司' }], fill: 'down' });
    expect(await undoLabel()).toEqual(['向下填充 樟树市 拨付台账 第2笔 收款单位', 'Fill down 樟树市, ledger, payment 2, payee']);
  });
});
