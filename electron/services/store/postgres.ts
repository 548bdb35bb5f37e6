// A PostgreSQL workspace as the store's database handle (Db), synchronous from the caller's view:
// a worker thread owns the connection (postgres-worker.ts); each statement is posted to it and this
// thread waits on a shared flag (Atomics.wait) until the answer is there — so the store's rules,
// checked inside synchronous transactions, are the same code on both engines. A wait has a limit:
// a server that stops answering is an error (`reconnecting`), never a hang.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { AppError, appError } from '../../../shared/errors';
import type { Db, Statement, Transaction } from './db';
import type { Answer, Ask, Request, Rows } from './postgres-worker';

/** All writers of a workspace take this lock first, so write transactions run one at a time (as SQLite's do). */
export const WRITE_LOCK = 7_215_000_501;
/** How long a writer waits for the lock, and a statement for the server, before it is told so. */
export const LOCK_TIMEOUT_MS = 10_000;
export const QUERY_TIMEOUT_MS = 20_000;

/** Beyond the worker's own timeouts: a worker that does not answer at all is given up and started anew. */
const WAIT_LIMIT_MS = QUERY_TIMEOUT_MS + 10_000;

export const reconnectingError = (reason: string) =>
  appError(
    'reconnecting',
    `正在重新连接工作区数据库…这次操作没有保存(${reason}),请稍后重试。`,
    `Reconnecting to the workspace database… this operation was not saved (${reason}); try again in a moment.`,
    {},
    { reason },
  );

/** `?` and `@name` placeholders as PostgreSQL's `$n` (quoted text, identifiers and comments left alone). */
export function toPostgresPlaceholders(sql: string): { text: string; slots: (number | string)[] } {
  const slots: (number | string)[] = [];
  let positional = 0;
  const text = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\?|@([A-Za-z_][A-Za-z0-9_]*)/g, (m, name: string | undefined) => {
    if (m === '?') {
      slots.push(positional++);
      return `$${slots.length}`;
    }
    if (name === undefined) return m;
    const known = slots.indexOf(name);
    if (known >= 0) return `$${known + 1}`;
    slots.push(name);
    return `$${slots.length}`;
  });
  return { text, slots };
}

const isNamed = (params: unknown[]) =>
  params.length === 1 && typeof params[0] === 'object' && params[0] !== null && !Array.isArray(params[0]) && !ArrayBuffer.isView(params[0]);

function bind(slots: (number | string)[], params: unknown[]): unknown[] {
  const named = isNamed(params) ? (params[0] as Record<string, unknown>) : null;
  return slots.map((s) => {
    const v = typeof s === 'string' ? named?.[s] : params[s];
    if (v === undefined) throw new Error(`missing value for parameter ${typeof s === 'string' ? '@' + s : s + 1}`);
    return typeof v === 'bigint' ? v.toString() : v;
  });
}

class PostgresStatement implements Statement {
  constructor(
    private readonly db: PostgresDb,
    private readonly sql: { text: string; slots: (number | string)[] },
    private readonly plucked = false,
  ) {}
  private query(params: unknown[]) {
    return this.db.request({ op: 'query', sql: this.sql.text, params: bind(this.sql.slots, params) });
  }
  private shape(a: { rows: Record<string, unknown>[]; fields: string[] }): unknown[] {
    return this.plucked ? a.rows.map((r) => r[a.fields[0]]) : a.rows;
  }
  run(...params: unknown[]) {
    return { changes: this.query(params).changes };
  }
  get(...params: unknown[]) {
    return this.shape(this.query(params))[0];
  }
  all(...params: unknown[]) {
    return this.shape(this.query(params));
  }
  pluck(): Statement {
    return new PostgresStatement(this.db, this.sql, true);
  }
}

/** The process's one connection thread (postgres-worker.ts), started with the first workspace opened. */
type Thread = { worker: Worker; port: MessagePort; flag: Int32Array };
let thread: Thread | null = null;
let nextConnection = 0;
let nextRequest = 0;

function startThread(): Thread {
  const { port1, port2 } = new MessageChannel();
  const { url, execArgv } = workerScript();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(url, { workerData: { port: port2, flag }, transferList: [port2], execArgv });
  // The thread never keeps a process alive on its own (a CLI run ends when its command is done).
  worker.unref();
  port1.unref();
  return { worker, port: port1, flag };
}

/** Posts one request and blocks until its answer (or the wait's limit: the thread is then started anew). */
function ask(request: Request): Rows {
  const t = (thread ??= startThread());
  Atomics.store(t.flag, 0, 0);
  t.port.postMessage(request);
  for (;;) {
    if (Atomics.wait(t.flag, 0, 0, WAIT_LIMIT_MS) === 'timed-out') {
      void t.worker.terminate();
      thread = null;
      throw reconnectingError('no answer from the server');
    }
    const got = receiveMessageOnPort(t.port)?.message as Answer | undefined;
    if (!got) {
      Atomics.store(t.flag, 0, 0);
      continue;
    }
    if (got.id !== request.id) continue;
    if ('error' in got) {
      if (got.error.lost) throw reconnectingError(got.error.message);
      throw Object.assign(new Error(got.error.message), { code: got.error.code });
    }
    return got;
  }
}

export class PostgresDb implements Db {
  readonly name: string;
  open = true;
  private readonly conn = ++nextConnection;
  private depth = 0;

  /** Connects (throws `workspace_unreachable` when the server cannot be reached or refuses the login). */
  constructor(private readonly url: string) {
    this.name = redacted(url);
    try {
      this.request({ op: 'connect' });
    } catch (e) {
      this.close();
      const reason = e instanceof AppError ? String((e.details as { reason?: string }).reason) : e instanceof Error ? e.message : String(e);
      throw appError(
        'workspace_unreachable',
        `无法连接工作区数据库 ${this.name}:${reason}`,
        `Cannot connect to the workspace database ${this.name}: ${reason}`,
      );
    }
  }

  request(req: Ask): Rows {
    if (!this.open) throw new Error('the workspace database is closed');
    return ask({ ...req, id: ++nextRequest, conn: this.conn, url: this.url, inTransaction: this.depth > 0 });
  }

  prepare(sql: string): Statement {
    return new PostgresStatement(this, toPostgresPlaceholders(sql));
  }

  /** Schema changes and other statements without values, several at once. */
  exec(sql: string): void {
    this.request({ op: 'exec', sql });
  }

  /**
   * Every write transaction takes the workspace's write lock first; a nested one is a savepoint. A read
   * (`deferred`) takes no lock: one snapshot of the workspace (REPEATABLE READ), read only.
   */
  transaction<T>(fn: () => T): Transaction<T> {
    const run = () => (this.depth > 0 ? this.savepoint(fn) : this.outermost(fn, 'begin'));
    const read = () => (this.depth > 0 ? fn() : this.outermost(fn, 'snapshot'));
    return Object.assign(run, { immediate: run, deferred: read });
  }

  private outermost<T>(fn: () => T, begin: 'begin' | 'snapshot'): T {
    this.request({ op: begin });
    this.depth++;
    try {
      const result = fn();
      this.request({ op: 'commit' });
      return result;
    } catch (e) {
      try {
        this.request({ op: 'rollback' });
      } catch {
        // The connection is gone: the server rolled the transaction back itself.
      }
      throw e;
    } finally {
      this.depth--;
    }
  }

  private savepoint<T>(fn: () => T): T {
    const name = `s${this.depth}`;
    this.exec(`SAVEPOINT ${name}`);
    this.depth++;
    try {
      const result = fn();
      this.exec(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (e) {
      this.exec(`ROLLBACK TO SAVEPOINT ${name}`);
      throw e;
    } finally {
      this.depth--;
    }
  }

  close(): void {
    if (!this.open) return;
    try {
      this.request({ op: 'close' });
    } catch {
      // Closing a connection that is gone already.
    } finally {
      this.open = false;
    }
  }
}

export const isPostgres = (db: Db): db is PostgresDb => db instanceof PostgresDb;

/** The address as shown (title bar, messages): without its password. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

function workerScript(): { url: URL; execArgv: string[] } {
  return import.meta.url.endsWith('.ts')
    ? { url: new URL('./postgres-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] }
    : { url: new URL('./postgres-worker.mjs', import.meta.url), execArgv: [] };
}
