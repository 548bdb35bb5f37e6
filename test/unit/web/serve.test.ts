// `yanshou serve` over HTTP, as users and scripts meet it: started as the command it is (a child process
// on a free port), two instances over one data file. Login with one message for a wrong name or
// password, a name refused after 5 failures, sessions by cookie or Bearer token kept in the database
// (either instance honours the other's), ended by logout, idleness, age or disabling the account; every
// call authorised from the session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/services/store/database';
import { createRecord } from '../../../electron/services/store/records';
import { addUser } from '../../../electron/services/accounts';
import { OWNER } from '../../../shared/accounts';
import { ME, ROOT, seedInput, tempDir } from '../../helpers/fixtures';

const BIN = path.join(ROOT, 'electron/cli/bin.mjs');
const PASSWORD = 'correct horse battery staple';
const file = path.join(tempDir(), 'workspace.sqlite');
const servers: { child: ChildProcess; base: string }[] = [];
let other: number;

/** Starts `yanshou serve` on a free port; its address as it prints it. */
function serve(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', file, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, YANSHOU_LANG: '' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => {
      out += c;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolve({ child, base: m[0].slice(0, -1) });
    });
    child.stderr!.on('data', (c) => process.stderr.write(c));
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
  });
}

beforeAll(async () => {
  const db = openDatabase(file);
  createRecord(db, ME, seedInput());
  const seed = seedInput();
  other = createRecord(db, ME, { ...seed, county: { ...seed.county, name: '丰城市' } });
  for (const [name, role, scope] of [
    ['樟树填报员', 'county', '江西省/宜春市/樟树市'],
    ['宜春审核员', 'prefecture', '江西省/宜春市'],
    ['省厅验收员', 'province', '江西省'],
    ['停用者', 'county', '江西省/宜春市/樟树市'],
  ] as const)
    await addUser(db, OWNER, { name, role, scope, password: PASSWORD });
  db.close();
  servers.push(await serve(), await serve());
}, 60_000);
afterAll(() => {
  for (const s of servers) s.child.kill();
});

type Reply = { status: number; body: { code?: string; message?: string; token?: string } & Record<string, unknown>; cookie?: string };
async function post(
  method: string,
  body: unknown,
  options: { token?: string; cookie?: string; base?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${options.base ?? servers[0].base}/api/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, cookie: res.headers.get('set-cookie') ?? undefined } as Reply;
}
const login = async (name: string, password = PASSWORD) => {
  const r = await post('login', { name, password });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r;
};
const sql = (run: (db: Database.Database) => unknown) => {
  const db = new Database(file);
  try {
    return run(db);
  } finally {
    db.close();
  }
};

describe('yanshou serve: login', () => {
  it('a wrong password and an unknown name get the same answer; the right one a session, by cookie (browser) or token (scripts)', async () => {
    const wrong = await post('login', { name: '樟树填报员', password: 'not the password' });
    const unknown = await post('login', { name: '没有这个人', password: 'not the password' });
    expect(wrong).toEqual(unknown);
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('用户名或密码不正确');
    const ok = await login('樟树填报员');
    expect(ok.body.user).toEqual({ name: '樟树填报员', role: 'county', scope: '江西省/宜春市/樟树市' });
    expect(ok.cookie).toMatch(/^yanshou-session=[\w-]+; HttpOnly; SameSite=Strict; Path=\//);
    const cookie = ok.cookie!.split(';')[0];
    for (const auth of [{ token: ok.body.token }, { cookie }]) {
      const info = await post('info', {}, auth);
      expect(info.body.user).toEqual(ok.body.user);
    }
  });

  it('five failures for a name refuse that name, even with the right password, and no other', async () => {
    await addUserNow('试错者');
    for (let i = 0; i < 5; i++) expect((await post('login', { name: '试错者', password: `guess ${i} guess` })).status).toBe(401);
    const blocked = await post('login', { name: '试错者', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toBe('登录失败次数过多,请 15 分钟后再试');
    // The count is in the database: the other instance refuses it too.
    expect((await post('login', { name: '试错者', password: PASSWORD }, { base: servers[1].base })).status).toBe(429);
    await login('宜春审核员');
  });

  it('no session, or one that is not known: 401 "log in first"; the login page is Chinese first', async () => {
    const none = await post('listRecords', {});
    expect([none.status, none.body.code]).toEqual([401, 'login_required']);
    expect((await post('listRecords', {}, { token: 'x'.repeat(43) })).status).toBe(401);
    const page = await (await fetch(`${servers[0].base}/login`)).text();
    expect(page.indexOf('登录')).toBeGreaterThan(-1);
    expect(page.indexOf('登录')).toBeLessThan(page.indexOf('Log in'));
  });

  it('a disabled account cannot log in, and its sessions end at once', async () => {
    const { body } = await login('停用者');
    expect((await post('info', {}, { token: body.token })).status).toBe(200);
    const r = spawnSync(process.execPath, [BIN, 'user', 'disable', '--db', file, '--name', '停用者'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect((await post('info', {}, { token: body.token })).status).toBe(401);
    const refused = await post('login', { name: '停用者', password: PASSWORD });
    expect([refused.status, refused.body.code]).toEqual([403, 'user_disabled']);
  });
});

describe('yanshou serve: sessions', () => {
  it('live in the database: a session of one instance works on the other; logout ends it on both', async () => {
    const { body } = await login('宜春审核员');
    expect((await post('info', {}, { token: body.token, base: servers[1].base })).status).toBe(200);
    expect((await post('logout', {}, { token: body.token, base: servers[1].base })).status).toBe(200);
    for (const s of servers) expect((await post('info', {}, { token: body.token, base: s.base })).status).toBe(401);
  });

  it('end after 2 hours unused, and 12 hours after the login however used', async () => {
    const idle = (await login('宜春审核员')).body.token!;
    const old = (await login('宜春审核员')).body.token!;
    const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    const fresh = (await login('宜春审核员')).body.token!;
    sql((db) => {
      const sessions = db.prepare('SELECT token_hash FROM sessions ORDER BY rowid DESC LIMIT 3').pluck().all() as string[];
      const [, oldHash, idleHash] = sessions;
      db.prepare('UPDATE sessions SET seen_at = ? WHERE token_hash = ?').run(ago(2.1), idleHash);
      db.prepare('UPDATE sessions SET created_at = ?, seen_at = ? WHERE token_hash = ?').run(ago(12.1), ago(0.01), oldHash);
    });
    for (const token of [idle, old]) {
      const r = await post('listRecords', {}, { token });
      expect([r.status, r.body.code, r.body.message]).toEqual([401, 'login_required', '登录已过期,请重新登录']);
    }
    expect((await post('listRecords', {}, { token: fresh })).status).toBe(200);
  });
});

describe('yanshou serve: every call authorised from the session', () => {
  it('the officer edits its county, cannot see another, cannot accept; the province accepts and the record is locked for the officer', async () => {
    const officer = (await login('樟树填报员')).body.token!;
    const province = (await login('省厅验收员')).body.token!;
    const listed = (await post('listRecords', {}, { token: officer })).body as unknown as { county: string }[];
    expect(listed.map((r) => r.county)).toEqual(['樟树市']);
    const hidden = await post('getRecord', { id: other }, { token: officer });
    const missing = await post('getRecord', { id: 9999 }, { token: officer });
    expect([hidden.status, hidden.body.code]).toEqual([404, 'no_record']);
    expect(hidden.body.message).toBe(`记录 #${other} 不存在`);
    expect(missing.body.message).toBe('记录 #9999 不存在');
    const edit = { id: 1, field: 'statusNote', value: '县里改的' };
    expect((await post('updateCounty', edit, { token: officer })).status).toBe(200);
    const accept = await post('setStatus', { id: 1, status: 'accepted', by: '冒名' }, { token: officer });
    expect([accept.status, accept.body.code]).toEqual([403, 'forbidden']);
    const accepted = await post('setStatus', { id: 1, status: 'accepted', by: '冒名' }, { token: province });
    expect(accepted.status).toBe(200);
    expect(accepted.body.by).toBe('省厅验收员');
    const locked = await post('updateCounty', { ...edit, value: '再改' }, { token: officer });
    expect([locked.status, locked.body.code]).toEqual([422, 'locked']);
    expect(sql((db) => db.prepare("SELECT user_name FROM steps WHERE label = 'status'").pluck().all())).toEqual(['省厅验收员']);
  });

  it("long calls run on the server's worker thread, authorised the same: the officer exports its county, not another", async () => {
    const officer = (await login('樟树填报员')).body.token!;
    const own = await post('exportWorkbook', { ids: [1], script: 'hans' }, { token: officer });
    expect([own.status, own.body.fileName]).toEqual([200, '樟树市-第8批-验收表.xlsx']);
    const hidden = await post('exportWorkbook', { ids: [1, other], script: 'hans' }, { token: officer });
    expect([hidden.status, hidden.body.message]).toEqual([404, `记录 #${other} 不存在`]);
  });

  it('refuses a browser call from another site, and a body that is not JSON', async () => {
    const token = (await login('宜春审核员')).body.token!;
    expect((await post('info', {}, { token, headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await post('info', {}, { token, headers: { 'content-type': 'text/plain' } })).status).toBe(415);
  });
});

async function addUserNow(name: string) {
  const db = openDatabase(file);
  try {
    await addUser(db, OWNER, { name, role: 'county', scope: '江西省/宜春市/樟树市', password: PASSWORD });
  } finally {
    db.close();
  }
}
