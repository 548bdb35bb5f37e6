// The thread that owns the PostgreSQL connections of a process (postgres.ts asks, this answers):
// one connection per open workspace handle. Each request is answered on the port, then the shared
// flag is raised so the asking thread, blocked in Atomics.wait, wakes. A connection that drops is
// closed and made anew at the next request; a statement of a transaction whose connection dropped
// is answered `lost` (the server rolled the transaction back) — never run outside its transaction.
import { workerData, type MessagePort } from 'node:worker_threads';
import pg from 'pg';
import { LOCK_TIMEOUT_MS, QUERY_TIMEOUT_MS, WRITE_LOCK } from './postgres';

/** What the store asks (postgres.ts), and the worker's reply; each travels with its request's id. */
export type Ask =
  | { op: 'query'; sql: string; params: unknown[] }
  | { op: 'exec'; sql: string }
  | { op: 'connect' | 'begin' | 'snapshot' | 'commit' | 'rollback' | 'close' };
export type Rows = { rows: Record<string, unknown>[]; fields: string[]; changes: number };
export type Reply = Rows | { error: { message: string; code?: string; lost: boolean } };
/** `conn`: the handle's connection; `url`: its address; `inTransaction`: the handle is inside a transaction. */
export type Request = Ask & { id: number; conn: number; url: string; inTransaction: boolean };
export type Answer = Reply & { id: number };

// BIGINT (money in 分, ids, counts) as JS numbers: exact below 2^53, refused beyond rather than rounded.
pg.types.setTypeParser(pg.types.builtins.INT8, (text: string) => {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`integer ${text} is beyond 2^53`);
  return n;
});

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };

type Connection = { client: pg.Client | null; inTransaction: boolean };
const connections = new Map<number, Connection>();

/** SQLSTATEs of a server going away (admin/crash shutdown, starting up), connection failures, socket errors. */
const isConnectionCode = (code: string | undefined) => !!code && /^(57P0[1-3]|08...|E[A-Z]+)$/.test(code);
const NONE: Rows = { rows: [], fields: [], changes: 0 };

async function clientOf(conn: Connection, url: string): Promise<pg.Client> {
  if (conn.client) return conn.client;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, query_timeout: QUERY_TIMEOUT_MS, keepAlive: true });
  // A connection that drops between requests: forgotten, made anew at the next one.
  c.on('error', () => drop(conn, c));
  c.on('end', () => drop(conn, c));
  await c.connect();
  await c.query(`SET lock_timeout = ${LOCK_TIMEOUT_MS}; SET client_min_messages = warning`);
  conn.client = c;
  return c;
}

function drop(conn: Connection, c: pg.Client): void {
  if (conn.client !== c) return;
  conn.client = null;
  conn.inTransaction = false;
  c.end().catch(() => undefined);
}

const lostTransaction = { error: { message: 'the connection dropped inside this transaction', lost: true } };

async function handle(req: Request, conn: Connection): Promise<Reply> {
  if (req.op === 'close') {
    connections.delete(req.conn);
    await conn.client?.end().catch(() => undefined);
    return NONE;
  }
  // The transaction this statement belongs to went with its connection.
  if (req.op === 'rollback' && !conn.inTransaction) return NONE;
  if (req.inTransaction && req.op !== 'begin' && !conn.inTransaction) return lostTransaction;
  const c = await clientOf(conn, req.url);
  const run = async (sql: string, params?: unknown[]): Promise<Rows> => {
    const r = await c.query({ text: sql, values: params });
    const last = Array.isArray(r) ? r[r.length - 1] : r;
    return { rows: last?.rows ?? [], fields: (last?.fields ?? []).map((f: { name: string }) => f.name), changes: last?.rowCount ?? 0 };
  };
  switch (req.op) {
    case 'connect':
      return NONE;
    case 'begin':
      await run('BEGIN');
      conn.inTransaction = true;
      return run('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    case 'snapshot':
      await run('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      conn.inTransaction = true;
      return NONE;
    case 'commit':
    case 'rollback': {
      const r = await run(req.op.toUpperCase());
      conn.inTransaction = false;
      return r;
    }
    case 'exec':
      return run(req.sql);
    case 'query':
      return run(req.sql, req.params);
  }
}

async function answer(req: Request): Promise<Answer> {
  let conn = connections.get(req.conn);
  if (!conn) connections.set(req.conn, (conn = { client: null, inTransaction: false }));
  const held = conn.client;
  try {
    return { id: req.id, ...(await handle(req, conn)) };
  } catch (e) {
    const err = e as { message?: string; code?: string };
    // A failure of the connection itself (not of the statement): the connection is made anew next time.
    // A statement's own failure carries its SQLSTATE (a lock not granted in time: 55P03, told as busy).
    const statementFailed = /^[0-9A-Z]{5}$/.test(err.code ?? '') && !isConnectionCode(err.code);
    const lost =
      (held !== null && conn.client !== held) ||
      isConnectionCode(err.code) ||
      (!statementFailed && /Connection terminated|timeout/i.test(err.message ?? ''));
    if (lost && conn.client) drop(conn, conn.client);
    if (lost) conn.inTransaction = false;
    return { id: req.id, error: { message: err.message ?? String(e), code: err.code, lost } };
  }
}

port.on('message', (req: Request) => {
  void answer(req).then((a) => {
    port.postMessage(a);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
});
