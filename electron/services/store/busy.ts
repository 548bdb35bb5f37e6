// Writes that wait their turn. Every write transaction starts with BEGIN IMMEDIATE, so it takes
// the write lock first and SQLite's busy timeout makes it wait while another process writes (a
// deferred transaction that reads first and writes later fails at once with "database is
// locked" when another writer got in between). What still comes back busy is retried with
// backoff within the same time budget, then told in words — never "database is locked".
import type Database from 'better-sqlite3';
import { appError } from '../../../shared/errors';

export const BUSY_TIMEOUT_MS = 10_000;

const isBusy = (e: unknown) => typeof e === 'object' && e !== null && /^SQLITE_(BUSY|LOCKED)/.test(String((e as { code?: unknown }).code));

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs `fn` in one write transaction, waiting for other writers (synchronously: never across an await). */
export function writeTransaction<T>(db: Database.Database, fn: () => T, budgetMs = BUSY_TIMEOUT_MS): T {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return db.transaction(fn).immediate();
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (Date.now() - started >= budgetMs) throw busyError();
      sleep(Math.min(50 * 2 ** attempt, 500));
    }
  }
}

export const busyError = () =>
  appError(
    'busy',
    '数据文件正被另一个程序长时间占用(写入中),本次修改未保存。请稍后再试。',
    'The data file is held by another program (writing) for too long; this change was not saved. Try again shortly.',
  );
