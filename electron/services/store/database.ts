// Opening the store: refuse a newer or damaged file without touching it (pointing to the newest
// good backup), refuse a file that cannot be written in one clear line (rather than failing every
// edit later), then WAL, foreign keys, a busy timeout (the CLI waits while the app writes), and the
// pending migrations.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { appError } from '../../../shared/errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { backupDatabase, newestGoodBackup, removeStalePartials, schemaProblemAt } from './backup';
import { BUSY_TIMEOUT_MS, isBusy, storageError } from './busy';
import { schemaProblem } from './columns';
import { assertOneName, rememberFile } from './file-identity';
import type { Db } from './db';

export type { Db } from './db';
/** The store's database handle, either engine (db.ts): the name the store's modules import. */
export type DB = Db;
/** A data file's handle: better-sqlite3's own, which has the store's surface (Db) and SQLite's (pragma, backup). */
export type SqliteDb = Database.Database;

/** Reads version and integrity through a read-only handle, so a refused file is never written. */
export function inspectExisting(file: string): number {
  let probe: SqliteDb;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (e) {
    throw lockedOr(file, e) ?? unreadable(file, e);
  }
  try {
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION)
      throw appError(
        'newer_database',
        `数据文件 ${file} 由更新版本的验收台写入(结构版本 ${version},本程序支持 ${SCHEMA_VERSION}),未做任何改动。请升级验收台后再打开。`,
        `The data file ${file} was written by a newer Yanshou (schema ${version}, this one knows ${SCHEMA_VERSION}); it was left untouched. Please update Yanshou.`,
        { file },
      );
    const check = probe.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw damaged(file, String(check));
    const tables = probe
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    if (version === 0 && tables.includes('records')) throw damaged(file, 'schema version 0 with tables');
    if (version === 0 && tables.length > 0)
      throw appError(
        'unreadable_database',
        `无法打开数据文件 ${file}:它不是验收台的数据文件(另有数据表 ${tables.slice(0, 3).join('、')})`,
        `Cannot open ${file}: it is not a Yanshou data file (it holds other tables: ${tables.slice(0, 3).join(', ')})`,
        { file },
      );
    const problem = version > 0 ? schemaProblemAt(probe, version) : null;
    if (problem) throw damaged(file, problem);
    return version;
  } catch (e) {
    if (e instanceof Error && e.name === 'AppError') throw e;
    throw lockedOr(file, e) ?? unreadable(file, e);
  } finally {
    probe.close();
  }
}

/**
 * Another program keeps the file locked (a SQLite browser, a sync or backup tool, a second copy of a tool holding it
 * exclusively): not damage — nothing is known to be wrong with the file, and restoring a backup over it would lose
 * every change since. Null when `e` is not a lock.
 */
function lockedOr(file: string, e: unknown) {
  if (!isBusy(e)) return null;
  return appError(
    'locked_database',
    `数据文件 ${file} 正被另一个程序锁定(如 SQLite 浏览器、同步或备份工具、另一个验收台),无法读写,未做任何改动。请关闭那个程序后再试;不要从备份恢复,那会丢掉备份之后的修改。`,
    `The data file ${file} is locked by another program (a SQLite browser, a sync or backup tool, another Yanshou); it could not be read or written, and nothing was changed. Close that program and try again; do not restore a backup, which would lose the changes made since.`,
    { file },
  );
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0');

function unreadable(file: string, cause: unknown) {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, 16, 0);
  fs.closeSync(fd);
  // A SQLite file that cannot be read is a damaged data file (cut short, say), not a stranger's file.
  if (head.equals(SQLITE_HEADER)) return damaged(file, reason);
  return appError(
    'unreadable_database',
    `无法打开数据文件 ${file}:它不是验收台的数据文件(${reason})`,
    `Cannot open ${file}: it is not a Yanshou data file (${reason})`,
    { file },
  );
}

function damaged(file: string, reason: string) {
  const backup = newestGoodBackup(file);
  const zh = backup ? `最新的完好备份是 ${backup},可用 yanshou restore "${backup}" 恢复。` : '备份文件夹里没有完好的备份。';
  const en = backup
    ? `The newest sound backup is ${backup}; restore it with yanshou restore "${backup}".`
    : 'There is no sound backup in the backups folder.';
  return appError(
    'damaged_database',
    `数据文件 ${file} 已损坏(${reason}),未做任何改动。${zh}`,
    `The data file ${file} is damaged (${reason}); it was left untouched. ${en}`,
    { file },
    { backup },
  );
}

/**
 * The data file, its folder and its WAL companions must be writable. The data file's permissions are
 * the user's: one marked read-only (no write bit, even for root) or not writable by this account is
 * refused in one line, never changed. Only a -wal/-shm companion this account owns, left read-only
 * (by a copy, or an app that crashed), is made writable again: those are SQLite's working files.
 */
function assertWritable(file: string): void {
  const refuse = (which: string) =>
    appError(
      'read_only',
      `无法写入 ${which}:验收台需要能写入数据文件及其所在文件夹,才能保存修改。请检查权限(或把数据文件复制到可写的文件夹)。`,
      `Cannot write ${which}: Yanshou must be able to write the data file and its folder to save changes. Check the permissions (or copy the data file to a writable folder).`,
      { file: which },
    );
  const writable = (p: string) => {
    try {
      fs.accessSync(p, fs.constants.W_OK);
      return (fs.statSync(p).mode & 0o222) !== 0;
    } catch {
      return false;
    }
  };
  const folder = path.dirname(path.resolve(file));
  if (fs.existsSync(folder) && !writable(folder)) throw refuse(folder);
  if (fs.existsSync(file) && !writable(file)) throw refuse(file);
  for (const p of [`${file}-wal`, `${file}-shm`]) {
    if (!fs.existsSync(p) || writable(p)) continue;
    const stat = fs.statSync(p);
    if (stat.isFile() && stat.uid === process.getuid?.()) {
      try {
        fs.chmodSync(p, stat.mode | 0o200);
      } catch {
        // Not ours to change after all.
      }
    }
    if (!writable(p)) throw refuse(p);
  }
}

/** Free space below which starting says so: a write that finds the disk full saves nothing. */
export const LOW_DISK_BYTES = 50 * 1024 * 1024;

/** One line when the data file's disk is nearly full; null otherwise. */
export function lowDiskWarning(file: string): { zh: string; en: string } | null {
  if (file === ':memory:') return null;
  try {
    const s = fs.statfsSync(path.dirname(path.resolve(file)));
    const free = s.bavail * s.bsize;
    if (free >= LOW_DISK_BYTES) return null;
    const mb = (free / 1024 / 1024).toFixed(1);
    return {
      zh: `注意:数据文件所在的磁盘只剩 ${mb} MB 可用,磁盘满时修改将无法保存(也无法备份)。请先腾出空间。`,
      en: `Note: only ${mb} MB is free on the data file's disk; when it is full, changes cannot be saved (nor backed up). Free some space first.`,
    };
  } catch {
    return null;
  }
}

export function openDatabase(file: string): SqliteDb {
  const isNew = file === ':memory:' || !fs.existsSync(file) || fs.statSync(file).size === 0;
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    assertOneName(file);
    assertWritable(file);
    removeStalePartials(file);
  }
  const version = isNew ? 0 : inspectExisting(file);
  let db: SqliteDb;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (e) {
    throw storageError(e) ?? lockedOr(file, e) ?? e;
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (version < SCHEMA_VERSION) {
      if (version > 0) backupDatabase(db, file, `migrate-v${version}`);
      // A migration may rebuild a table others refer to: foreign keys are off while it runs (they
      // cannot change inside a transaction), checked before it commits, and on again after.
      db.pragma('foreign_keys = OFF');
      try {
        db.transaction(() => {
          for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]);
          if ((db.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error('a migration left rows referring to nothing');
          const problem = schemaProblem(db);
          if (problem) throw new Error(problem);
          db.pragma(`user_version = ${SCHEMA_VERSION}`);
        })();
      } catch (e) {
        // Tables that are not what their version says: the migration is rolled back, the file left as it was.
        if (storageError(e) || !(e instanceof Error) || version === 0) throw e;
        throw damaged(file, `schema version ${version}: ${e.message}`);
      } finally {
        db.pragma('foreign_keys = ON');
      }
    }
    rememberFile(db, file);
    return db;
  } catch (e) {
    db.close();
    throw storageError(e) ?? lockedOr(file, e) ?? e;
  }
}
