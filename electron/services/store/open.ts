// The one place a command opens its store: a data file (`--db FILE`, else $YANSHOU_DB, else the app's
// own), or a team workspace's database (`--pg URL`). Every command calls this, so a new kind of store
// is added here once.
import { appError } from '../../../shared/errors';
import { openDatabase, type DB } from './database';

export type StoreOptions = { db: string; pg?: string };

export function openStore(options: StoreOptions): DB {
  if (options.pg !== undefined)
    throw appError(
      'no_pg',
      '此版本的验收台只能打开数据文件(--db),不能连接 PostgreSQL 工作区(--pg)',
      'This build of Yanshou opens data files (--db) only, not a PostgreSQL workspace (--pg)',
    );
  return openDatabase(options.db);
}
