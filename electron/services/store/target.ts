// Where a store lives, as a command line names it — kept apart from opening it, so that a command
// that never opens a store (--version, --help) loads neither better-sqlite3 nor pg.
import { appError } from '../../../shared/errors';

/** Where a store lives: a data file's path, or a PostgreSQL workspace's connection URL. */
export type StoreTarget = { file: string } | { pg: string };

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
