// Writes that wait their turn. Every write transaction starts with BEGIN IMMEDIATE, so it takes
// the write lock first and SQLite's busy timeout makes it wait while another process writes (a
// deferred transaction that reads first and writes later fails at once with "database is
// locked" when another writer got in between). What still comes back busy is retried with
// backoff within the same time budget, then told in words — never "database is locked".
import fs from 'node:fs';
import type { Db } from './db';
import { appError } from '../../../shared/errors';

export const BUSY_TIMEOUT_MS = 10_000;

/** SQLite's busy or locked; PostgreSQL's lock not granted in time (55P03), deadlock (40P01) or serialization failure (40001). */
export const isBusy = (e: unknown) =>
  typeof e === 'object' && e !== null && /^(SQLITE_(BUSY|LOCKED)|55P03|40P01|40001)/.test(String((e as { code?: unknown }).code));

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

type Opened = { file: string; dev: number; ino: number; setAside: () => string | null };
/** The data file each open handle was opened at, which file it was then (device and inode), and how to keep its data. */
const openedAt = new WeakMap<Db, Opened>();

/**
 * Notes the file a handle has open, so that a write can tell when another file was put at its path since;
 * `setAside` keeps what the handle holds in a copy of its own when that happens (its path, null if it could not).
 */
export function rememberFile(db: Db, file: string, setAside: () => string | null): void {
  const { dev, ino } = fs.statSync(file);
  openedAt.set(db, { file, dev, ino, setAside });
}

/**
 * The file at the data file's path is still the one this handle has open. A sync folder (网盘) or a copy put another
 * file there: writing on would go into the unlinked old file while its WAL lands beside the new one, damaging it.
 */
function assertSameFile(db: Db): void {
  const opened = openedAt.get(db);
  if (!opened) return;
  const now = fs.statSync(opened.file, { throwIfNoEntry: false });
  if (now && now.dev === opened.dev && now.ino === opened.ino) return;
  const kept = opened.setAside();
  const [keptZh, keptEn] = kept ? [`验收台打开的数据已另存为 ${kept}。`, ` What Yanshou had open is saved as ${kept}.`] : ['', ''];
  throw appError(
    'file_replaced',
    `数据文件 ${opened.file} 在验收台打开后被另一个程序替换或移走(如同步盘、网盘,或复制覆盖),这次修改没有保存,以免写坏文件。${keptZh}请关闭验收台,确认要用哪一份数据文件后再打开。`,
    `The data file ${opened.file} was replaced or moved by another program after Yanshou opened it (a sync folder, or a copy over it); this change was not saved, so as not to damage the file.${keptEn} Close Yanshou, decide which data file to use, and open it again.`,
    { file: opened.file },
    { kept },
  );
}

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
