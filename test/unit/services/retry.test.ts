// A write whose answer is lost after it was committed — PostgreSQL's COMMIT went through, then the
// connection dropped before the acknowledgement came back — is sent again by the client with the same
// request id. The retry is answered as the first call would have been, and nothing is applied twice: one
// payment, not two; one undo, not two. A new request is applied as ever. On the backend under test
// (on PostgreSQL the connection is really dropped after COMMIT).
import { describe, expect, it } from 'vitest';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import type { Actor } from '../../../electron/services/store/changelog';
import type { DB } from '../../../electron/services/store/database';
import { isPostgres, reconnectingError } from '../../../electron/services/store/postgres';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { seedInput } from '../../helpers/fixtures';
import { newStore } from '../../helpers/backend';

const TAB = 'tab-retrying-1';
/** One call of the tab: a retry sends the same request id again (a new actor each time, as each HTTP request makes). */
const tab = (request: string): Actor => ({ client: `web-${TAB}`, kind: 'web', request });

/**
 * The `nth` write transaction from now commits, and then its answer is lost: the call is told `reconnecting`,
 * as the store's connection thread tells it when the connection drops (PostgreSQL: it is dropped for real).
 */
function loseAnswer(db: DB, nth = 1): void {
  const transaction = db.transaction.bind(db);
  let count = 0;
  db.transaction = ((fn: () => unknown) => {
    const t = transaction(fn);
    const immediate = () => {
      const result = t.immediate();
      if (++count !== nth) return result;
      if (isPostgres(db))
        try {
          db.prepare('SELECT pg_terminate_backend(pg_backend_pid())').get();
        } catch {
          // The connection is gone, as meant: the next call connects anew.
        }
      db.transaction = transaction;
      throw reconnectingError('the connection dropped after COMMIT');
    };
    return Object.assign(() => t(), { immediate });
  }) as DB['transaction'];
}

function setUp() {
  const db = newStore();
  const ctx: ApiContext = { db, dbFile: 'test', version: 'test', renderPdf: async () => new Uint8Array() };
  const id = createRecord(db, { client: 'cli-seed', kind: 'cli' }, seedInput());
  const call = (method: string, input: unknown, request: string) => dispatch(ctx, method, input, tab(request));
  const shown = () => readRecord(db, id, { asOf: undefined });
  return { db, id, call, shown };
}

describe('a write sent again after its answer was lost', () => {
  it('a payment added: one payment, and the retry answers with its id', async () => {
    const { db, id, call, shown } = setUp();
    const add = { recordId: id, edits: [], append: [{ line: 1, date: '2021-03-01', amount: '10', payee: '樟树市商务局' }] };
    loseAnswer(db);
    const lost = await call('editPayments', add, 'req-add-payment-1');
    expect(lost.ok ? 'ok' : lost.error.code).toBe('reconnecting');
    const retried = await call('editPayments', add, 'req-add-payment-1');
    expect(retried.ok).toBe(true);
    expect(shown().paymentIds).toHaveLength(1);
    expect(retried.ok && retried.value).toEqual({ ok: true, appended: shown().paymentIds });
    // The same payment added again by a new action (a new request) is a second payment.
    expect((await call('editPayments', add, 'req-add-payment-2')).ok).toBe(true);
    expect(shown().paymentIds).toHaveLength(2);
  });

  it('an undo: the step it undid, not the one before it as well', async () => {
    const { db, id, call, shown } = setUp();
    const [first, second] = shown().disbursementIds;
    const edit = (row: number, value: string, request: string) =>
      call('editCells', { recordId: id, table: 'disbursements', edits: [{ rowId: row, field: 'planned', value }] }, request);
    expect((await edit(first, '130', 'req-edit-first')).ok).toBe(true);
    expect((await edit(second, '90', 'req-edit-second')).ok).toBe(true);
    // An undo reads what to undo in one transaction and undoes it in the next: the second one's answer is lost.
    loseAnswer(db, 2);
    const lost = await call('undo', {}, 'req-undo-1');
    expect(lost.ok ? 'ok' : lost.error.code).toBe('reconnecting');
    const retried = await call('undo', {}, 'req-undo-1');
    expect(retried.ok).toBe(true);
    const planned = shown().record.disbursements.map((d) => d.planned);
    // 130 stays; the second line is back to the seed's 335 (樟树市 表三 第2行 计划安排额度).
    expect(planned.slice(0, 2)).toEqual(['130', '335']);
  });
});
