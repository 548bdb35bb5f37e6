// Writes that wait their turn (busy.ts), in-process: a write while another connection holds the data
// file's write lock is tried again with growing waits, and refused in words once its time is up —
// never "database is locked" — with nothing written; a lock let go in time lets it through. A full
// disk, a read-only file and an I/O failure are told in words; any other error passes unchanged.
// (Two processes on one file: store.test.ts.)
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { type SqliteDb } from '../../../electron/services/store/database';
import { storageError, writeTransaction } from '../../../electron/services/store/busy';
import type { Db } from '../../../electron/services/store/db';
import { refusal } from '../../helpers/store';
import { openDataFile } from '../../helpers/backend';
import { tempDir } from '../../helpers/fixtures';

/** Two connections to one data file, as the app and the command line have; the second does not wait inside SQLite. */
function twoConnections() {
  const file = path.join(tempDir(), 'yanshou.sqlite');
  const [app, cli] = [openDataFile(file), openDataFile(file)] as SqliteDb[];
  app.exec('CREATE TABLE notes (text TEXT)');
  cli.pragma('busy_timeout = 0');
  return { app, cli };
}

const notes = (db: SqliteDb) => db.prepare('SELECT text FROM notes').pluck().all();
const error = (code: string) => Object.assign(new Error(`the ${code} error`), { code });

/** A store whose write transaction answers busy `times` times, then runs; its tries counted. */
function busyFor(times: number) {
  const store = { tries: 0 };
  const db = {
    transaction: (fn: () => unknown) => ({
      immediate: () => {
        if (++store.tries <= times) throw error('SQLITE_BUSY');
        return fn();
      },
    }),
  } as unknown as Db;
  return Object.assign(store, { db });
}

describe('a write while another connection writes', () => {
  it('is refused in words once its time is up, and writes nothing; once the lock is let go it goes through', () => {
    const { app, cli } = twoConnections();
    app.exec('BEGIN IMMEDIATE');
    const e = refusal(() => writeTransaction(cli, () => cli.prepare("INSERT INTO notes VALUES ('命令行')").run(), 300));
    expect(e.code).toBe('busy');
    expect(e.messages).toEqual({
      zh: '数据文件正被另一个程序长时间占用(写入中),本次修改未保存。请稍后再试。',
      en: 'The data file is held by another program (writing) for too long; this change was not saved. Try again shortly.',
    });
    app.exec('ROLLBACK');
    expect(notes(app)).toEqual([]);
    writeTransaction(cli, () => cli.prepare("INSERT INTO notes VALUES ('命令行')").run(), 300);
    expect(notes(app)).toEqual(['命令行']);
  });

  it('answered busy three times goes through on the fourth try, within a second: the waits start at 50 ms and double', () => {
    const store = busyFor(3);
    expect(writeTransaction(store.db, () => 'written', 1000)).toBe('written');
    expect(store.tries).toBe(4);
  });

  it('busy for all of 400 ms is tried at most five times (waits of 50, 100, 200 ms…), not hammered', () => {
    const store = busyFor(Infinity);
    expect(refusal(() => writeTransaction(store.db, () => 'written', 400)).code).toBe('busy');
    expect(store.tries).toBeGreaterThanOrEqual(2);
    expect(store.tries).toBeLessThanOrEqual(5);
  });

  it('fails on another error at once, untried again, the error as it was', () => {
    const store = busyFor(0);
    const other = error('SQLITE_CONSTRAINT_UNIQUE');
    let tries = 0;
    const thrown = (() => {
      try {
        return writeTransaction(store.db, () => {
          tries++;
          throw other;
        });
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBe(other);
    expect(tries).toBe(1);
  });
});

describe('a write the disk refuses', () => {
  it.each([
    ['SQLITE_FULL', 'disk_full', '磁盘已满,这次修改没有保存(数据文件完好)。请腾出磁盘空间后再试。'],
    ['ENOSPC', 'disk_full', '磁盘已满,这次修改没有保存(数据文件完好)。请腾出磁盘空间后再试。'],
    ['53100', 'disk_full', '磁盘已满,这次修改没有保存(数据文件完好)。请腾出磁盘空间后再试。'],
    ['SQLITE_READONLY_DBMOVED', 'read_only', '数据文件是只读的,这次修改没有保存。请检查数据文件及其文件夹的写权限。'],
    ['EACCES', 'read_only', '数据文件是只读的,这次修改没有保存。请检查数据文件及其文件夹的写权限。'],
    ['EROFS', 'read_only', '数据文件是只读的,这次修改没有保存。请检查数据文件及其文件夹的写权限。'],
    ['EPERM', 'read_only', '数据文件是只读的,这次修改没有保存。请检查数据文件及其文件夹的写权限。'],
    ['SQLITE_IOERR_WRITE', 'io_error', '读写数据文件时出错,这次修改没有保存(数据文件完好)。请检查磁盘后再试。'],
    ['EIO', 'io_error', '读写数据文件时出错,这次修改没有保存(数据文件完好)。请检查磁盘后再试。'],
  ])('(%s) is told as %s, in words', (code, appCode, zh) => {
    const store = busyFor(0);
    const e = refusal(() =>
      writeTransaction(store.db, () => {
        throw error(code);
      }),
    );
    expect([e.code, e.messages.zh]).toEqual([appCode, zh]);
    expect(e.messages.en).toMatch(/this change was not saved/);
  });

  it('says the English of each in full', () => {
    expect(storageError(error('ENOSPC'))?.messages.en).toBe(
      'The disk is full; this change was not saved (the data file is intact). Free some disk space and try again.',
    );
    expect(storageError(error('EROFS'))?.messages.en).toBe(
      'The data file is read-only; this change was not saved. Check that the data file and its folder are writable.',
    );
    expect(storageError(error('EIO'))?.messages.en).toBe(
      'Reading or writing the data file failed; this change was not saved (the data file is intact). Check the disk and try again.',
    );
  });

  it('is none of these for an error without a code, or none at all', () => {
    expect(storageError(new Error('no code'))).toBeNull();
    expect(storageError('SQLITE_FULL')).toBeNull();
    expect(storageError(null)).toBeNull();
  });
});
