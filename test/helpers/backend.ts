// The store's tests run against both engines: `newStore()` is a new, empty store on the backend
// under test — SQLite in memory (`npm test`), or a fresh PostgreSQL workspace in the run's
// throw-away cluster (`npm run test:pg`, test/vitest.postgres.config.ts). Stores are closed after
// each test (test/setup.ts).
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type DB } from '../../electron/services/store/database';
import { PostgresDb } from '../../electron/services/store/postgres';
import { initWorkspace, openWorkspace } from '../../electron/services/store/workspace';
import { tempDir } from './fixtures';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The superuser's URL of the run's throw-away PostgreSQL (test/postgres-setup.ts); '' when the run is on SQLite. */
    postgresUrl: string;
  }
}

export const BACKEND: 'sqlite' | 'postgres' = process.env.YANSHOU_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

const opened: DB[] = [];
const admins = new Map<string, PostgresDb>();
let made = 0;

/** A workspace of its own: a schema of a database (by default the run's), set up by `workspace init`. */
export function newWorkspaceUrl(base = inject('postgresUrl')): string {
  let admin = admins.get(base);
  if (!admin) admins.set(base, (admin = new PostgresDb(base)));
  const schema = `test_${process.pid}_${++made}`;
  admin.exec(`CREATE SCHEMA ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  initWorkspace(url.toString());
  return url.toString();
}

/** A new, empty store on the backend under test. */
export function newStore(): DB {
  const db = BACKEND === 'postgres' ? openWorkspace(newWorkspaceUrl()) : openDatabase(':memory:');
  opened.push(db);
  return db;
}

/** A data file opened for the running test, closed after it like every store here. */
export const openDataFile = (file: string) => closedAfterTest(openDatabase(file));

/** `db`, closed after the running test (test/setup.ts). */
export function closedAfterTest<T extends DB>(db: T): T {
  opened.push(db);
  return db;
}

export function closeStores(): void {
  for (const db of opened.splice(0)) if (db.open) db.close();
}

/** Two handles on one new store, as two processes have (a data file on disk, or two connections to one workspace). */
export function twoHandles(): [DB, DB] {
  const url = BACKEND === 'postgres' ? newWorkspaceUrl() : null;
  const file = path.join(tempDir(), 'shared.sqlite');
  const open = () => (url ? openWorkspace(url) : openDatabase(file));
  const handles: [DB, DB] = [open(), open()];
  opened.push(...handles);
  return handles;
}
