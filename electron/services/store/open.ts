// Opening a store from either kind of address: a data file (SQLite, the embedded default) or a team
// workspace (PostgreSQL). The CLI's --db FILE / --pg URL, the app and the server all open through here.
import { appError } from '../../../shared/errors';
import type { Db } from './db';
import { openDatabase } from './database';
import { openWorkspace } from './workspace';

/** Where a store lives: a data file's path, or a PostgreSQL workspace's connection URL. */
export type StoreTarget = { file: string } | { pg: string };

/** Opens the store at `target`: a data file is created or migrated as needed; a workspace must have been set up (workspace init). */
export function openStore(target: StoreTarget): Db {
  return 'pg' in target ? openWorkspace(target.pg) : openDatabase(target.file);
}

/**
 * The store a command line names: `--pg URL` (a workspace) or `--db FILE` (a data file), never both;
 * neither is the default data file.
 */
export function storeTargetOf(values: { db?: unknown; pg?: unknown }, defaultFile: () => string): StoreTarget {
  if (typeof values.pg === 'string' && typeof values.db === 'string')
    throw appError('usage', '--db 与 --pg 只能给一个:数据文件或工作区', 'Give --db or --pg, not both: a data file or a workspace');
  if (typeof values.pg === 'string') return { pg: values.pg };
  return { file: typeof values.db === 'string' ? values.db : defaultFile() };
}
