// The accounts of a team workspace as the store keeps them, in-process (the CLI's users.test.ts drives
// the same through `yanshou users`): one account per name, the name kept without its surrounding
// spaces, an unknown name refused in words, a password changed without re-enabling a disabled
// account, sessions that end when idle, too old or their account disabled, and a name refused after
// five failed logins within 15 minutes.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKEND, newStore } from '../../helpers/backend';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import {
  callerOfUser,
  changeUser,
  clearLoginFailures,
  endSession,
  findUser,
  insertUser,
  listUsers,
  loginBlocked,
  noteLoginFailure,
  sessionUser,
  startSession,
  userInfo,
} from '../../../electron/services/store/accounts';
import { refusal } from '../../helpers/store';

const REVIEWER = { name: '王科长', role: 'prefecture', scope: '江西省/宜春市', passwordHash: 'hash-1' } as const;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** `minutes` after `from`. */
const later = (from: Date, minutes: number) => new Date(from.getTime() + minutes * MINUTE);

let db: DB;
beforeEach(() => {
  db = openDatabase(':memory:');
});

describe('an account', () => {
  it('is one per name: a second 王科长 is refused naming the name, and the first is kept as it was', () => {
    insertUser(db, REVIEWER);
    const e = refusal(() => insertUser(db, { name: '王科长', role: 'county', scope: '江西省/宜春市/樟树市', passwordHash: 'hash-2' }));
    expect(e.code).toBe('conflict');
    expect(e.messages).toEqual({ zh: '用户 王科长 已存在', en: 'The user 王科长 exists already' });
    expect(e.place).toEqual({ field: 'name' });
    expect(listUsers(db).map((u) => [u.name, u.role, u.password_hash])).toEqual([['王科长', 'prefecture', 'hash-1']]);
  });

  it('is kept under its name without the spaces typed around it, and found by it', () => {
    const made = insertUser(db, { ...REVIEWER, name: '  王科长 ' });
    expect(made.name).toBe('王科长');
    expect(findUser(db, '王科长')?.id).toBe(made.id);
    expect(listUsers(db).map((u) => u.name)).toEqual(['王科长']);
    expect(refusal(() => insertUser(db, { ...REVIEWER, name: '王科长' })).code).toBe('conflict');
  });

  it('says who it is: name, role and scope, and as a caller its scope in parts', () => {
    const user = insertUser(db, REVIEWER);
    expect(userInfo(user)).toEqual({ name: '王科长', role: 'prefecture', scope: '江西省/宜春市' });
    expect(callerOfUser(user)).toEqual({ kind: 'user', id: user.id, name: '王科长', role: 'prefecture', scope: ['江西省', '宜春市'] });
  });
});

describe('a change of an account', () => {
  it('of a name nobody has is refused in words naming it, and changes nothing', () => {
    insertUser(db, REVIEWER);
    const e = refusal(() => changeUser(db, '李四', { disabled: true }));
    expect(e.code).toBe('no_user');
    expect(e.messages).toEqual({ zh: '没有用户 李四', en: 'No user 李四' });
    expect(e.place).toEqual({ field: 'name' });
    expect(findUser(db, '王科长')?.disabled).toBe(0);
  });

  it('of the password leaves a disabled account disabled, and an enabled one enabled', () => {
    insertUser(db, REVIEWER);
    insertUser(db, { ...REVIEWER, name: '李四' });
    changeUser(db, '王科长', { disabled: true });
    expect(changeUser(db, '王科长', { passwordHash: 'hash-new' })).toMatchObject({ disabled: 1, password_hash: 'hash-new' });
    expect(changeUser(db, '李四', { passwordHash: 'hash-new' }).disabled).toBe(0);
    expect(listUsers(db).map((u) => [u.name, u.disabled, u.password_hash])).toEqual([
      ['李四', 0, 'hash-new'],
      ['王科长', 1, 'hash-new'],
    ]);
  });

  it('enabling again keeps the password, and either change ends the account’s sessions', () => {
    const user = insertUser(db, REVIEWER);
    const token = startSession(db, user.id);
    changeUser(db, '王科长', { disabled: true });
    expect(sessionUser(db, token)).toEqual({ ok: false, reason: 'unknown' });
    expect(changeUser(db, '王科长', { disabled: false })).toMatchObject({ disabled: 0, password_hash: 'hash-1' });
    const again = startSession(db, user.id);
    changeUser(db, '王科长', { passwordHash: 'hash-2' });
    expect(sessionUser(db, again)).toEqual({ ok: false, reason: 'unknown' });
  });
});

describe('a session', () => {
  const start = new Date('2026-12-07T08:00:00Z');

  it('is the user’s while used, through the 12 hours after the login', () => {
    const user = insertUser(db, REVIEWER);
    const token = startSession(db, user.id, start);
    for (const minutes of [1, 90, 200, 320, 440, 560, 680, 720])
      expect(sessionUser(db, token, undefined, later(start, minutes))).toMatchObject({ ok: true, user: { name: '王科长' } });
    expect(sessionUser(db, token, undefined, later(start, 721))).toEqual({ ok: false, reason: 'expired' });
    expect(sessionUser(db, token, undefined, later(start, 722))).toEqual({ ok: false, reason: 'unknown' });
  });

  it('ends after two hours unused, counted from its last use', () => {
    const user = insertUser(db, REVIEWER);
    const token = startSession(db, user.id, start);
    expect(sessionUser(db, token, undefined, later(start, 100)).ok).toBe(true);
    expect(sessionUser(db, token, undefined, later(start, 100 + 120)).ok).toBe(true);
    expect(sessionUser(db, token, undefined, later(start, 220 + 121))).toEqual({ ok: false, reason: 'expired' });
  });

  it('ends after two hours unused from the login when never used', () => {
    const token = startSession(db, insertUser(db, REVIEWER).id, start);
    expect(sessionUser(db, token, { idleMs: 2 * HOUR, absoluteMs: 12 * HOUR }, later(start, 121))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('is refused once its account is disabled, and a token nobody was given is unknown', () => {
    const user = insertUser(db, REVIEWER);
    const token = startSession(db, user.id, start);
    db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(user.id);
    expect(sessionUser(db, token, undefined, later(start, 1))).toEqual({ ok: false, reason: 'disabled' });
    expect(sessionUser(db, 'not-a-token')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('ends when its user signs out; the user’s other sessions go on', () => {
    const user = insertUser(db, REVIEWER);
    const one = startSession(db, user.id);
    const other = startSession(db, user.id);
    endSession(db, one);
    expect(sessionUser(db, one).ok).toBe(false);
    expect(sessionUser(db, other).ok).toBe(true);
  });
});

describe('failed logins', () => {
  const start = new Date('2026-12-07T08:00:00Z');
  const fail = (name: string, minutes: number) => noteLoginFailure(db, name, later(start, minutes));

  it('block a name after the fifth within 15 minutes, that name only, until the first is 15 minutes old', () => {
    for (const minutes of [0, 1, 2, 3]) fail('王科长', minutes);
    expect(loginBlocked(db, '王科长', later(start, 4))).toBe(false);
    fail('王科长', 4);
    expect(loginBlocked(db, '王科长', later(start, 5))).toBe(true);
    expect(loginBlocked(db, '李四', later(start, 5))).toBe(false);
    expect(loginBlocked(db, '王科长', later(start, 14))).toBe(true);
    expect(loginBlocked(db, '王科长', later(start, 15))).toBe(false);
  });

  it('older than 15 minutes do not count, and a good login clears the name’s', () => {
    for (const minutes of [0, 10, 20, 21, 22]) fail('王科长', minutes);
    expect(loginBlocked(db, '王科长', later(start, 23))).toBe(false);
    fail('王科长', 23);
    expect(loginBlocked(db, '王科长', later(start, 24))).toBe(true);
    clearLoginFailures(db, '王科长');
    expect(loginBlocked(db, '王科长', later(start, 24))).toBe(false);
  });

  it('older than 15 minutes are forgotten when another is noted, of every name', () => {
    fail('李四', 0);
    fail('王科长', 16);
    expect(db.prepare('SELECT name FROM login_failures').pluck().all()).toEqual(['王科长']);
  });
});

describe('a session in a team workspace', () => {
  // Two `yanshou serve` on one workspace, one machine's clock three hours ahead (no NTP, a clock changed by hand).
  it.runIf(BACKEND === 'postgres')(
    'is judged by the database’s clock: a server whose clock runs three hours ahead does not end it as idle, nor start one that lives on',
    () => {
      const ws = newStore();
      const user = insertUser(ws, REVIEWER);
      const token = startSession(ws, user.id);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 3 * HOUR);
      let ahead: string;
      try {
        expect(sessionUser(ws, token)).toMatchObject({ ok: true, user: { name: '王科长' } });
        ahead = startSession(ws, user.id);
      } finally {
        vi.useRealTimers();
      }
      expect(sessionUser(ws, token).ok).toBe(true);
      // The session started by the server ahead ends two hours after its login by the database's clock.
      expect(sessionUser(ws, ahead, undefined, new Date(Date.now() + 2 * HOUR + MINUTE))).toEqual({ ok: false, reason: 'expired' });
    },
  );
});
