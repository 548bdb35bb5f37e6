// The accounts of a team workspace as the store keeps them: users, their sessions, failed logins.
// Everything is in the database — two `yanshou serve` instances over one PostgreSQL share it, and the
// server keeps no state of its own. Plain SQL both stores speak (`?` placeholders, RETURNING, ISO times
// compared as text). Passwords arrive here hashed (../accounts.ts); a session's token only as its SHA-256.
import crypto from 'node:crypto';
import { appError } from '../../../shared/errors';
import { formatScope, parseScope, type Caller, type Role } from '../../../shared/accounts';
import { fold } from '../../../shared/text';
import type { DB } from './database';
import { isPostgres } from './postgres';

export type UserRow = {
  id: number;
  name: string;
  role: Role;
  scope: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  changed_at: string;
};

const USER_COLUMNS = 'id, name, role, scope, password_hash, disabled, created_at, changed_at';

export const findUser = (db: DB, name: string): UserRow | undefined =>
  db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE name = ?`).get(name.trim()) as UserRow | undefined;

export const listUsers = (db: DB): UserRow[] => db.prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY name`).all() as UserRow[];

export const noUser = (name: string) => appError('no_user', `没有用户 ${name}`, `No user ${name}`, { field: 'name' });

/** A user name's key: as text is matched (full-width, 简/繁, spaces, invisible characters) and regardless of case. */
const nameKey = (name: string) => fold(name).toLowerCase();

/**
 * A new account; refused when an account of a name that reads the same exists (ｊｘ or JX beside jx, 趙處長 beside
 * 赵处长): the change log and the status sign with the name, and a look-alike would read as the other person.
 */
export function insertUser(db: DB, user: { name: string; role: Role; scope: string; passwordHash: string }): UserRow {
  return db.transaction(() => {
    const same = listUsers(db).find((u) => nameKey(u.name) === nameKey(user.name));
    if (same?.name === user.name.trim())
      throw appError('conflict', `用户 ${user.name} 已存在`, `The user ${user.name} exists already`, { field: 'name' });
    if (same)
      throw appError(
        'conflict',
        `用户名 ${user.name} 与已有的用户 ${same.name} 读起来相同(只差全角半角、大小写、繁简、部首写法或看不见的字符),请另取一个名字`,
        `The user name ${user.name} reads the same as the existing user ${same.name} (it differs only in width, case, script, radical forms or invisible characters); choose another name`,
        { field: 'name' },
      );
    const now = new Date().toISOString();
    const id = db
      .prepare(
        'INSERT INTO users (name, role, scope, password_hash, disabled, created_at, changed_at) VALUES (?, ?, ?, ?, 0, ?, ?) RETURNING id',
      )
      .pluck()
      .get(user.name.trim(), user.role, user.scope, user.passwordHash, now, now) as number;
    return {
      id,
      name: user.name.trim(),
      role: user.role,
      scope: user.scope,
      password_hash: user.passwordHash,
      disabled: 0,
      created_at: now,
      changed_at: now,
    };
  })();
}

/** Disables or enables an account, or sets its password hash; either ends every session of the account. */
export function changeUser(db: DB, name: string, change: { disabled?: boolean; passwordHash?: string }): UserRow {
  return db.transaction(() => {
    const user = findUser(db, name);
    if (!user) throw noUser(name);
    const now = new Date().toISOString();
    const disabled = change.disabled === undefined ? user.disabled : change.disabled ? 1 : 0;
    const hash = change.passwordHash ?? user.password_hash;
    db.prepare('UPDATE users SET disabled = ?, password_hash = ?, changed_at = ? WHERE id = ?').run(disabled, hash, now, user.id);
    db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.id);
    return { ...user, disabled, password_hash: hash, changed_at: now };
  })();
}

/** The caller a user is (its scope parsed). */
export function callerOfUser(user: UserRow): Caller & { kind: 'user' } {
  return { kind: 'user', id: user.id, name: user.name, role: user.role, scope: parseScope(user.scope) ?? [] };
}

export const userInfo = (user: UserRow) => ({ name: user.name, role: user.role, scope: formatScope(parseScope(user.scope) ?? []) });

/** How long a session lasts: ended after `idleMs` unused, and `absoluteMs` after the login in any case. */
export type SessionLimits = { idleMs: number; absoluteMs: number };
export const SESSION_LIMITS: SessionLimits = { idleMs: 2 * 60 * 60_000, absoluteMs: 12 * 60 * 60_000 };
/** A session's last use is written at most this often (not on every call). */
const TOUCH_EVERY_MS = 60_000;

/**
 * The time sessions and login limits are judged by: the database's clock in a workspace (two servers with clocks
 * apart must not end each other's sessions as idle, nor write a use hours ahead), this machine's for a data file.
 */
export function clockOf(db: DB): Date {
  if (!isPostgres(db)) return new Date();
  return new Date(Number(db.prepare('SELECT extract(epoch from clock_timestamp()) * 1000 AS ms').pluck().get()));
}

const tokenHash = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest('hex');

/** A new session of the user: its token (given to the browser or the script once; the store keeps its hash). */
export function startSession(db: DB, userId: number, now = clockOf(db)): string {
  const token = crypto.randomBytes(32).toString('base64url');
  const at = now.toISOString();
  db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, seen_at) VALUES (?, ?, ?, ?)').run(tokenHash(token), userId, at, at);
  return token;
}

export type SessionCheck = { ok: true; user: UserRow } | { ok: false; reason: 'unknown' | 'expired' | 'disabled' };

/** The user of a session token, its use noted; an expired session (idle or too old) is ended. */
export function sessionUser(db: DB, token: string, limits: SessionLimits = SESSION_LIMITS, now = clockOf(db)): SessionCheck {
  const hash = tokenHash(token);
  const row = db.prepare('SELECT user_id, created_at, seen_at FROM sessions WHERE token_hash = ?').get(hash) as
    { user_id: number; created_at: string; seen_at: string } | undefined;
  if (!row) return { ok: false, reason: 'unknown' };
  const t = now.getTime();
  if (t - Date.parse(row.seen_at) > limits.idleMs || t - Date.parse(row.created_at) > limits.absoluteMs) {
    db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hash);
    return { ok: false, reason: 'expired' };
  }
  const user = db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(row.user_id) as UserRow | undefined;
  if (!user || user.disabled) return { ok: false, reason: 'disabled' };
  if (t - Date.parse(row.seen_at) > TOUCH_EVERY_MS)
    db.prepare('UPDATE sessions SET seen_at = ? WHERE token_hash = ?').run(now.toISOString(), hash);
  return { ok: true, user };
}

export const endSession = (db: DB, token: string): void =>
  void db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));

/** Failed logins allowed per name within the window; then that name is refused until the window has passed. */
export const LOGIN_LIMIT = { failures: 5, windowMs: 15 * 60_000 };

const since = (now: Date) => new Date(now.getTime() - LOGIN_LIMIT.windowMs).toISOString();

export const loginBlocked = (db: DB, name: string, now = clockOf(db)): boolean =>
  Number(db.prepare('SELECT count(*) FROM login_failures WHERE name = ? AND at > ?').pluck().get(name, since(now))) >= LOGIN_LIMIT.failures;

/** Notes a failed login (and forgets those older than the window, of every name). */
export function noteLoginFailure(db: DB, name: string, now = clockOf(db)): void {
  db.transaction(() => {
    db.prepare('DELETE FROM login_failures WHERE at <= ?').run(since(now));
    db.prepare('INSERT INTO login_failures (name, at) VALUES (?, ?)').run(name, now.toISOString());
  })();
}

export const clearLoginFailures = (db: DB, name: string): void => void db.prepare('DELETE FROM login_failures WHERE name = ?').run(name);
