// Writes that wait their turn. Every write transaction starts with BEGIN IMMEDIATE, so it takes
// the write lock first and SQLite's busy timeout makes it wait while another process writes (a
// deferred transaction that reads first and writes later fails at once with "database is
// locked" when another writer got in between). What still comes back busy is retried with
// backoff within the same time budget, then told in words — never "database is locked".
import type { Db } from './db';
import { appError } from '../../../shared/errors';
import { assertSameFile } from './file-identity';

export const BUSY_TIMEOUT_MS = 10_000;

/** SQLite's busy or locked; PostgreSQL's lock not granted in time (55P03), deadlock (40P01) or serialization failure (40001). */
export const isBusy = (e: unknown) =>
  typeof e === 'object' && e !== null && /^(SQLITE_(BUSY|LOCKED)|55P03|40P01|40001)/.test(String((e as { code?: unknown }).code));

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs `fn` in one write transaction, waiting for other writers (synchronously: never across an await). */
export function writeTransaction<T>(db: Db, fn: () => T, budgetMs = BUSY_TIMEOUT_MS): T {
  assertSameFile(db);
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return db.transaction(fn).immediate();
    } catch (e) {
      if (!isBusy(e)) throw storageError(e) ?? e;
      if (Date.now() - started >= budgetMs) throw busyError();
      sleep(Math.min(50 * 2 ** attempt, 500));
    }
  }
}

/** A full disk, a read-only file or an I/O failure, in words; null for anything else. */
export function storageError(e: unknown) {
  const code = typeof e === 'object' && e !== null ? String((e as { code?: unknown }).code ?? '') : '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100')
    return appError(
      'disk_full',
      '磁盘已满,这次修改没有保存(数据文件完好)。请腾出磁盘空间后再试。',
      'The disk is full; this change was not saved (the data file is intact). Free some disk space and try again.',
    );
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS' || code === 'EPERM')
    return appError(
      'read_only',
      '数据文件是只读的,这次修改没有保存。请检查数据文件及其文件夹的写权限。',
      'The data file is read-only; this change was not saved. Check that the data file and its folder are writable.',
    );
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO')
    return appError(
      'io_error',
      '读写数据文件时出错,这次修改没有保存(数据文件完好)。请检查磁盘后再试。',
      'Reading or writing the data file failed; this change was not saved (the data file is intact). Check the disk and try again.',
    );
  return null;
}

export const busyError = () =>
  appError(
    'busy',
    '数据文件正被另一个程序长时间占用(写入中),本次修改未保存。请稍后再试。',
    'The data file is held by another program (writing) for too long; this change was not saved. Try again shortly.',
  );
