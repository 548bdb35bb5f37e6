// Opening the store: refuse a newer or damaged file without touching it, then WAL, foreign keys,
// a busy timeout (the CLI waits while the app writes), and the pending migrations.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { appError } from '../../../shared/errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { backupDatabase } from './backup';
import { BUSY_TIMEOUT_MS } from './busy';

export type DB = Database.Database;

/** Reads version and integrity through a read-only handle, so a refused file is never written. */
function inspectExisting(file: string): number {
  let probe: DB;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (e) {
    throw unreadable(file, e);
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
    if (check !== 'ok')
      throw appError('damaged_database', `数据文件 ${file} 已损坏(${check}),未做任何改动。请从 backups 文件夹恢复备份。`, `The data file ${file} is damaged (${check}); it was left untouched. Restore a copy from the backups folder.`, { file });
    return version;
  } catch (e) {
    if (e instanceof Error && e.name === 'AppError') throw e;
    throw unreadable(file, e);
  } finally {
    probe.close();
  }
}

function unreadable(file: string, cause: unknown) {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return appError('unreadable_database', `无法打开数据文件 ${file}:它不是验收台的数据文件(${reason})`, `Cannot open ${file}: it is not a Yanshou data file (${reason})`, { file });
}

export function openDatabase(file: string): DB {
  const isNew = file === ':memory:' || !fs.existsSync(file) || fs.statSync(file).size === 0;
  const version = isNew ? 0 : inspectExisting(file);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (version < SCHEMA_VERSION) {
      if (version > 0) backupDatabase(db, file, `migrate-v${version}`);
      db.transaction(() => {
        for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
