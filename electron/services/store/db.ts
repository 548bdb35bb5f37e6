// The database handle the store uses: exactly the surface its code needs, so one set of store code
// and queries runs on both engines. SQLite's handle is better-sqlite3's own Database (it has this
// surface and more); PostgreSQL's is PostgresDb (postgres.ts), synchronous from the caller's view.
// Queries use `?` or `@name` placeholders and portable SQL (RETURNING, no json_each, no pragma).

/** One prepared statement: `run` for writes, `get` for the first row (undefined if none), `all` for every row. */
export interface Statement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** The statement answering with the first column's value instead of rows. */
  pluck(): Statement;
}

/**
 * A function run as one transaction: call it (nested: a savepoint), `.immediate()` for a write transaction,
 * or `.deferred()` for reads that must see one state of the store (one snapshot; other writers go on).
 */
export interface Transaction<T> {
  (): T;
  immediate(): T;
  deferred(): T;
}

export interface Db {
  /** The data file's path, or the workspace's address (without its password). */
  readonly name: string;
  readonly open: boolean;
  prepare(sql: string): Statement;
  transaction<T>(fn: () => T): Transaction<T>;
  close(): void;
}
