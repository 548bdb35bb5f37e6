// A reviewer accepts what the screen showed (finding #12): getRecord reads the rows, the status and the
// version as one state of the store, so a figure typed in another process while the record is being read
// is not shown — and the version the window got is the old one, so accepting with it is refused.
import { expect, it } from 'vitest';
import type { DB } from '../../../electron/services/store/database';
import type { Statement } from '../../../electron/services/store/db';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { editCells } from '../../../electron/services/store/edits';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import type { Output } from '../../../shared/contract';
import { seedInput } from '../../helpers/fixtures';
import { twoHandles } from '../../helpers/backend';

const REVIEWER = { client: 'reviewer-tab', kind: 'web' } as const;
const CLERK = { client: 'clerk-cli', kind: 'cli' } as const;

/** `db`, running `between` once, right after the first statement whose SQL reads `table`'s rows. */
function interrupted(db: DB, table: string, between: () => void): DB {
  let done = false;
  const after = (st: Statement, sql: string): Statement =>
    new Proxy(st, {
      get(target, key) {
        const value = Reflect.get(target, key, target) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (key === 'pluck') return after(result as Statement, sql);
          if (!done && new RegExp(`FROM ${table}\\b`).test(sql)) {
            done = true;
            between();
          }
          return result;
        };
      },
    });
  return new Proxy(db, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (key === 'prepare') return (sql: string) => after(target.prepare(sql), sql);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const ctxOf = (db: DB): ApiContext => ({ db, dbFile: db.name, version: 'test', renderPdf: async () => new Uint8Array([1]) });

it('a figure typed in another process while the reviewer reads the record: the read shows the old figure, and accepting it is refused', async () => {
  const [reviewerDb, clerkDb] = twoHandles();
  const id = createRecord(clerkDb, CLERK, seedInput());
  const line1 = readRecord(clerkDb, id, { asOf: undefined }).disbursementIds[0];
  // The clerk's 700 lands in 三 line 1 (the seed's 640.21) after the reviewer's read has fetched the lines.
  const typed = () => editCells(clerkDb, CLERK, id, 'disbursements', [{ rowId: line1, field: 'actual', value: '700' }], []);
  const read = await dispatch(ctxOf(interrupted(reviewerDb, 'disbursements', typed)), 'getRecord', { id }, REVIEWER);
  if (!read.ok) throw new Error(read.error.message);
  const shown = read.value as Output<'getRecord'>;
  expect(shown.record.disbursements[0].actual).toBe('640.21');
  expect(readRecord(clerkDb, id, { asOf: undefined }).record.disbursements[0].actual).toBe('700');

  const accept = { id, status: 'accepted', by: '赵处长', version: shown.version, seen: shown.seen };
  const refused = await dispatch(ctxOf(reviewerDb), 'setStatus', accept, REVIEWER);
  expect(refused.ok ? 'accepted' : refused.error.code).toBe('record_changed');

  // Read again, the reviewer sees 700 and accepts exactly that.
  const again = await dispatch(ctxOf(reviewerDb), 'getRecord', { id }, REVIEWER);
  if (!again.ok) throw new Error(again.error.message);
  const fresh = again.value as Output<'getRecord'>;
  expect(fresh.record.disbursements[0].actual).toBe('700');
  const accepted = await dispatch(ctxOf(reviewerDb), 'setStatus', { ...accept, version: fresh.version, seen: fresh.seen }, REVIEWER);
  expect(accepted.ok).toBe(true);
});
