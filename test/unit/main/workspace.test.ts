// The desktop app on a team workspace (文件 › 打开工作区…), against a fake electron and a real
// `yanshou serve` (a child process): once logged in, the window's calls go to the workspace as that
// user — its scope, its refusals — and the title says so; closing it returns to the data file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fake, ipcMain } from '../../fakes/electron';
import { CHANNEL_PREFIX } from '../../../shared/methods';
import { openDatabase } from '../../../electron/services/store/database';
import { createRecord } from '../../../electron/services/store/records';
import { addUser } from '../../../electron/services/accounts';
import { OWNER } from '../../../shared/accounts';
import { ME, ROOT, seedInput, tempDir } from '../../helpers/fixtures';
import type { Desktop } from '../../../electron/main/desktop';

const home = tempDir('yanshou-desktop-');
const file = path.join(tempDir(), 'workspace.sqlite');
const PASSWORD = 'correct horse battery staple';
let desktop: Desktop;
let pageUrl: string;
let server: ChildProcess;
let address: string;
const savedEnv = { XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME, YANSHOU_DB: process.env.YANSHOU_DB };

const call = async (method: string, input: unknown) =>
  (await ipcMain.call(`${CHANNEL_PREFIX}${method}`, input, pageUrl)) as { ok: boolean; value?: any; error?: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  const db = openDatabase(file);
  const seed = seedInput();
  createRecord(db, ME, { ...seed, county: { ...seed.county, name: '丰城市' } });
  createRecord(db, ME, { ...seed, county: { ...seed.county, name: '袁州区' } });
  await addUser(db, OWNER, { name: '丰城填报员', role: 'county', scope: '江西省/宜春市/丰城市', password: PASSWORD });
  db.close();
  server = spawn(process.execPath, [path.join(ROOT, 'electron/cli/bin.mjs'), 'serve', '--db', file, '--port', '0'], { cwd: ROOT });
  address = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (c) => {
      out += c;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolve(m[0]);
    });
    server.on('exit', (code) => reject(new Error(`serve exited (${code})`)));
  });
  process.env.XDG_CONFIG_HOME = home;
  delete process.env.YANSHOU_DB;
  const { startDesktop, INDEX } = await import('../../../electron/main/desktop');
  desktop = (await startDesktop())!;
  pageUrl = `file://${INDEX}`;
}, 60_000);

afterAll(() => {
  server?.kill();
  desktop?.ctx.db.close();
  Object.assign(process.env, savedEnv);
});

describe('文件 › 打开工作区…', () => {
  it('is in the File menu and asks the window for the address, name and password', async () => {
    const item = fake
      .appMenu!.template.flatMap((m: { submenu?: { id?: string }[] }) => m.submenu ?? [])
      .find((i: { id?: string }) => i.id === 'open-workspace') as { label: string; click: () => void };
    expect(item.label).toBe('打开工作区…');
    item.click();
    expect((await call('waitForCommand', {})).value).toEqual({ command: { kind: 'openWorkspace' } });
  });

  it("a wrong password is refused in the server's words; then the window works on the workspace as its user, until it is closed", async () => {
    const wrong = await call('openWorkspace', { address, name: '丰城填报员', password: 'not the password' });
    expect([wrong.ok, wrong.error.message]).toEqual([false, '用户名或密码不正确']);
    expect((await call('listRecords', {})).value.map((r: { county: string }) => r.county)).toEqual(['樟树市']);

    const opened = await call('openWorkspace', { address, name: '丰城填报员', password: PASSWORD });
    expect(opened.value).toEqual({ address, user: { name: '丰城填报员', role: 'county', scope: '江西省/宜春市/丰城市' } });
    expect(fake.windows[0].title).toBe(`验收台 — 工作区 ${address}(丰城填报员)`);
    const info = (await call('info', {})).value;
    expect([info.mode, info.user.name]).toEqual(['desktop', '丰城填报员']);
    // The workspace's records in the user's scope, and the workspace's refusals.
    expect((await call('listRecords', {})).value.map((r: { county: string }) => r.county)).toEqual(['丰城市']);
    const accept = await call('setStatus', { id: 1, status: 'accepted', by: 'x' });
    expect([accept.ok, accept.error.code]).toEqual([false, 'forbidden']);
    expect((await call('getRecord', { id: 2 })).error.message).toBe('记录 #2 不存在');
    expect((await call('updateCounty', { id: 1, field: 'statusNote', value: '桌面上改的' })).ok).toBe(true);

    expect((await call('closeWorkspace', {})).ok).toBe(true);
    expect(fake.windows[0].title).toBe('验收台');
    expect((await call('listRecords', {})).value.map((r: { county: string }) => r.county)).toEqual(['樟树市']);
    expect((await call('info', {})).value.user).toBeNull();
  });
});
