// Retried writes. A client that got no answer to a write — the connection dropped after PostgreSQL's
// COMMIT, say — cannot tell whether it was applied, and sends it again with the same request id. Each
// write transaction of a call keeps its answer under that id, inside the transaction that writes it: a
// retry finds it and gets the same answer, and nothing is applied twice. Without an id (the command
// line, a test) every call is a new one.
import type { Actor } from './changelog';
import type { DB } from './database';

/** How long an answer is kept for a retry: a client retries within minutes, not days. */
const KEPT_MS = 24 * 3_600_000;

/** The write transactions of a call so far (a call may write more than once: each keeps its own answer). */
const writes = new WeakMap<Actor, number>();

/**
 * The key of the actor's next write transaction in this call (its request id and the write's place in the
 * call; undefined without an id): taken before the transaction, so a transaction run again because the
 * store was busy keeps its key.
 */
export function requestKey(actor: Actor): string | undefined {
  if (actor.request === undefined) return undefined;
  const n = writes.get(actor) ?? 0;
  writes.set(actor, n + 1);
  return `${actor.request}#${n}`;
}

/**
 * Runs `write` (inside a write transaction) once per request key: a key seen before gets the answer it
 * had then, and `write` is not run again. The answer must be plain data (it is kept as JSON).
 */
export function once<T>(db: DB, client: string, key: string | undefined, write: () => T): T {
  if (key === undefined) return write();
  const earlier = db.prepare('SELECT result FROM requests WHERE client = ? AND request = ?').get(client, key) as
    { result: string | null } | undefined;
  if (earlier) return (earlier.result === null ? undefined : JSON.parse(earlier.result)) as T;
  const result = write();
  const now = Date.now();
  db.prepare('DELETE FROM requests WHERE at < ?').run(new Date(now - KEPT_MS).toISOString());
  db.prepare('INSERT INTO requests (client, request, result, at) VALUES (?, ?, ?, ?)').run(
    client,
    key,
    result === undefined ? null : JSON.stringify(result),
    new Date(now).toISOString(),
  );
  return result;
}
