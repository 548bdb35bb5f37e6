import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fake, app, ipcMain } from '../../fakes/electron';
import { METHODS } from '../../../shared/contract';
import { CHANNEL_PREFIX } from '../../../shared/methods';
import { readWorkbook } from '../../../electron/services/excel/import';
import { computeRecord } from '../../../shared/record';
import { referenceFixture, tempDir } from '../../helpers/fixtures';
import { bytesOf, typedSeedWorkbook } from '../../fixtures/workbooks';
import type { Desktop } from '../../../electron/main/desktop';

const home = tempDir('yanshou-desktop-');
let desktop: Desktop;
let pageUrl: string;
const savedEnv = { XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME, YANSHOU_DB: process.env.YANSHOU_DB };
const versions = process.versions as Partial<NodeJS.ProcessVersions> & { electron?: string };
let processListeners: { uncaught: unknown[]; rejection: unknown[] };

// A call from the app's own page through the fake ipcMain.
const call = async (method: string, input: unknown, url = pageUrl) =>
  (await ipcMain.call(`${CHANNEL_PREFIX}${method}`, input, url)) as { ok: boolean; value?: any; error?: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const menuItem = (id: string) =>
  fake.appMenu!.template.flatMap((m: { submenu?: { id?: string }[] }) => m.submenu ?? []).find((i: { id?: string }) => i.id === id) as {
    click: () => unknown;
    label: string;
    accelerator?: string;
    role?: string;
  };

beforeAll(async () => {
  process.env.XDG_CONFIG_HOME = home;
  delete process.env.YANSHOU_DB;
  // As inside Electron: the store must open with no Electron-specific native build.
  versions.electron = '45.5.0';
  processListeners = { uncaught: process.listeners('uncaughtException'), rejection: process.listeners('unhandledRejection') };
  const { startDesktop, INDEX } = await import('../../../electron/main/desktop');
  desktop = (await startDesktop())!;
  pageUrl = `file://${INDEX}`;
});

afterAll(() => {
  for (const l of process.listeners('uncaughtException')) if (!processListeners.uncaught.includes(l)) process.off('uncaughtException', l);
  for (const l of process.listeners('unhandledRejection'))
    if (!processListeners.rejection.includes(l)) process.off('unhandledRejection', l);
  desktop?.ctx.db.close();
  Object.assign(process.env, savedEnv);
  delete versions.electron;
});

describe('the Electron shell, against a fake electron', () => {
  it('creates the window with the secure options and the preload, on the built renderer', () => {
    const [win] = fake.windows;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(win.options.webPreferences.preload).toMatch(/dist[/\\]preload[/\\]index\.cjs$/);
    expect(win.loaded).toMatch(/dist[/\\]renderer[/\\]index\.html$/);
  });

  it("opens the store with better-sqlite3's own prebuilt Node-API binary, the one Node loads too", () => {
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => f.endsWith('.node'));
    expect(loaded).toEqual([
      path.join(
        path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
        'prebuilds',
        `${process.platform}-${process.arch}.node`,
      ),
    ]);
    expect(desktop.ctx.db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 1 });
  });

  it('opens the app data file in the user-data folder, with the demo record on first start', async () => {
    expect(desktop.ctx.dbFile).toBe(path.join(home, 'Yanshou', 'yanshou.sqlite'));
    const list = await call('listRecords', {});
    expect(list.value.map((r: { county: string }) => r.county)).toEqual(['樟树市']);
  });

  it('registers every contract method, each answering through ipcMain with the real store', async () => {
    for (const m of METHODS) expect(ipcMain.handlers.has(`${CHANNEL_PREFIX}${m}`)).toBe(true);
    const [{ id }] = (await call('listRecords', {})).value;
    const got = await call('getRecord', { id });
    // The demo record: the fixture, and its 四、绩效自评 (the money following the record).
    const withoutPerformance = (r: { performance?: unknown }) => {
      const { performance: _p, ...rest } = r;
      return rest;
    };
    expect(withoutPerformance(got.value.record)).toEqual(referenceFixture('hans'));
    expect(got.value.record.performance.funds).toMatchObject({ budget: '1500', executed: '1235.96', rate: '82.40', score: '8.24' });
    expect((await call('info', {})).value.mode).toBe('desktop');
    const edit = await call('editCells', {
      recordId: id,
      table: 'disbursements',
      edits: [{ rowId: got.value.disbursementIds[0], field: 'actual', value: '700' }],
    });
    expect(edit.ok).toBe(true);
    expect((await call('getRecord', { id })).value.record.totals.actual).toBe('1295.75');
    expect((await call('undo', {})).value.steps[0]).toMatchObject({
      action: 'edit',
      detail: { county: '樟树市', table: 'disbursements', row: 1, field: 'actual' },
    });
    expect(withoutPerformance((await call('getRecord', { id })).value.record)).toEqual(referenceFixture('hans'));
    const history = await call('history', {});
    expect(history.value.redo.action).toBe('edit');
    expect((await call('backupNow', {})).value.backup).toMatch(/backups/);
  });

  it('rejects an invalid input with the zod error, and writes nothing', async () => {
    const [{ id }] = (await call('listRecords', {})).value;
    const before = (await call('getRecord', { id })).value.record;
    const bad = await call('editCells', {
      recordId: id,
      table: 'disbursements',
      edits: [{ rowId: -3, field: 'actual', value: { evil: true } }],
    });
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('invalid_input');
    expect(bad.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['edits.0.rowId', 'edits.0.value']));
    expect((await call('deleteRecord', { id: 'all' })).error.code).toBe('invalid_input');
    expect((await call('getRecord', { id })).value.record).toEqual(before);
  });

  it('answers only the app page: another origin is refused', async () => {
    const r = await call('listRecords', {}, 'https://evil.example/index.html');
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('blocks navigation, new windows and permission requests, and sends a strict CSP', () => {
    const win = fake.windows[0];
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect']) {
      let prevented = false;
      win.webContents.emit(event, { preventDefault: () => (prevented = true) }, 'https://example.com');
      expect(prevented).toBe(true);
    }
    let granted: boolean | undefined;
    fake.permissionRequestHandler!(win.webContents, 'media', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    expect(fake.permissionCheckHandler!(win.webContents, 'notifications')).toBe(false);
    let headers: Record<string, string[]> = {};
    fake.headersHandler!({ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy'][0]).toContain("default-src 'self'");
  });

  it('has the menu in Chinese with the usual shortcuts, and menu items reach their actions', async () => {
    expect(fake.appMenu!.template.map((m: { label?: string }) => m.label).filter(Boolean)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(menuItem('undo')).toMatchObject({ label: '撤销', accelerator: 'CmdOrCtrl+Z' });
    expect(menuItem('paste')).toMatchObject({ label: '粘贴', role: 'paste' });
    expect(menuItem('quit').label).toBe('退出');

    // 导入…: the path comes from the native dialog in main; the file reaches the renderer as bytes.
    const file = path.join(tempDir(), '樟樹市.xlsx');
    fs.writeFileSync(file, await bytesOf(typedSeedWorkbook({ script: 'hant' })));
    fake.openAnswers.push([file]);
    await menuItem('import').click();
    const command = (await call('waitForCommand', {})).value.command;
    expect(command.kind).toBe('import');
    expect(command.files[0].name).toBe('樟樹市.xlsx');
    expect(command.files[0].bytes).toBeInstanceOf(Uint8Array);
    const preview = await call('importWorkbooks', { files: command.files, onConflict: 'skip', dryRun: true });
    expect(preview.value.records[0]).toMatchObject({ county: '樟樹市', action: 'skipped' });

    expect(menuItem('template').label).toBe('空白验收表模板…');
    for (const [id, kind] of [
      ['export', 'export'],
      ['print', 'print'],
      ['template', 'template'],
      ['undo', 'undo'],
      ['redo', 'redo'],
    ] as const) {
      await menuItem(id).click();
      expect((await call('waitForCommand', {})).value.command).toEqual({ kind });
    }
    await menuItem('backup').click();
    expect((await call('waitForCommand', {})).value.command.messages).toMatchObject({
      zh: expect.stringMatching(/已备份到 .*backups/),
      en: expect.stringMatching(/Backed up to .*backups/),
    });
    await menuItem('logs').click();
    expect(fake.openedPaths).toEqual([desktop.logger.folder]);
    await menuItem('about').click();
    expect(fake.messageBoxes).toHaveLength(1);
    await menuItem('language').click();
    expect((await call('waitForCommand', {})).value.command).toEqual({ kind: 'lang', lang: 'en' });
    expect(fake.appMenu!.template.map((m: { label?: string }) => m.label).filter(Boolean)).toEqual(['File', 'Edit', 'View', 'Help']);
    await menuItem('language').click();
    await call('waitForCommand', {});
  });

  it('exports through the native save dialog into the path chosen there', async () => {
    const out = path.join(tempDir(), 'chosen.xlsx');
    fake.saveAnswers.push(out);
    const [{ id }] = (await call('listRecords', {})).value;
    expect((await call('saveExport', { ids: [id], script: 'hans' })).value.path).toBe(out);
    const [read] = await readWorkbook({ name: 'chosen.xlsx', bytes: fs.readFileSync(out) });
    const { performance, ...record } = computeRecord(read.input!);
    expect(record).toEqual(referenceFixture('hans'));
    expect(performance?.funds).toMatchObject({ budget: '1500', executed: '1235.96', from: { budget: 'record', executed: 'record' } });
    fake.saveAnswers.push(null);
    expect((await call('saveExport', { ids: [id], script: 'hans' })).value.path).toBeNull();
  });

  it('saves the blank template and the overview through the native save dialog, a PDF offered as a PDF', async () => {
    const template = path.join(tempDir(), 'blank.xlsx');
    fake.saveAnswers.push(template);
    expect((await call('saveTemplate', { script: 'hans' })).value.path).toBe(template);
    expect(fake.saveDialogs.at(-1)).toMatchObject({
      defaultPath: expect.stringMatching(/验收表-空白模板\.xlsx$/),
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
    const blank = new ExcelJS.Workbook();
    await blank.xlsx.readFile(template);
    expect(blank.worksheets.map((w) => w.name)).toContain('验收表');
    const [{ id }] = (await call('listRecords', {})).value;
    const sheet = path.join(tempDir(), 'overview.xlsx');
    fake.saveAnswers.push(sheet);
    expect((await call('saveOverview', { ids: [id], format: 'xlsx' })).value.path).toBe(sheet);
    expect(fs.readFileSync(sheet).subarray(0, 2).toString()).toBe('PK');
    const pdf = path.join(tempDir(), 'overview.pdf');
    fake.saveAnswers.push(pdf);
    expect((await call('saveOverview', { ids: [id], format: 'pdf' })).value.path).toBe(pdf);
    expect(fake.saveDialogs.at(-1)).toMatchObject({
      defaultPath: expect.stringMatching(/验收汇总表-1个县\.pdf$/),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(fake.printed.at(-1)!.html).toContain('电子商务进农村综合示范县验收汇总表');
  });

  it('opens another data file from the menu, refusing one from a newer Yanshou with a dialog', async () => {
    const other = path.join(tempDir(), 'not-a-db.sqlite');
    fs.writeFileSync(other, 'not a database at all'.repeat(50));
    fake.openAnswers.push([other]);
    await menuItem('open-data-file').click();
    expect(fake.errorBoxes.at(-1)![0]).toBe('无法打开数据文件');
    expect((await call('listRecords', {})).value).toHaveLength(1);
  });

  it('a second launch focuses the first window', () => {
    const win = fake.windows[0];
    win.minimized = true;
    app.emit('second-instance');
    expect(win.minimized).toBe(false);
    expect(win.focusCount).toBe(1);
  });

  it('remembers the window size and position', () => {
    fake.windows[0].emit('close');
    const saved = JSON.parse(fs.readFileSync(path.join(home, 'Yanshou', 'window.json'), 'utf8'));
    expect(saved).toMatchObject({ x: 120, y: 80, width: 1200, height: 800 });
  });

  it('shows an unexpected error in a dialog and logs it', () => {
    const handler = process.listeners('uncaughtException').find((l) => !processListeners.uncaught.includes(l))!;
    (handler as (e: Error) => void)(new Error('boom'));
    expect(fake.errorBoxes.at(-1)![0]).toBe('验收台遇到意外错误');
    expect(fake.errorBoxes.at(-1)![1]).toContain('数据未受影响');
    expect(fs.readFileSync(path.join(desktop.logger.folder, 'main.log'), 'utf8')).toContain('boom');
  });
});

describe('the preload', () => {
  it('exposes one invoke, limited to the contract methods', async () => {
    await import('../../../electron/preload/index');
    expect(Object.keys(fake.exposed.yanshou)).toEqual(['invoke']);
    await fake.exposed.yanshou.invoke('listRecords', {});
    expect(fake.rendererInvokes.at(-1)).toEqual(['yanshou:listRecords', {}]);
    const refused = await fake.exposed.yanshou.invoke('constructor', {});
    expect(refused.ok).toBe(false);
    expect(fake.rendererInvokes).toHaveLength(1);
  });
});

describe('single instance', () => {
  it('a second process quits without opening a window', async () => {
    const { startDesktop } = await import('../../../electron/main/desktop');
    fake.singleInstance = false;
    const windows = fake.windows.length;
    expect(await startDesktop()).toBeNull();
    expect(fake.quitCalls).toBe(1);
    expect(fake.windows.length).toBe(windows);
    fake.singleInstance = true;
  });
});

describe('printing in the desktop app', () => {
  it('打印 opens the system print dialog on the document; 另存为 PDF goes through printToPDF and the save dialog', async () => {
    const [{ id }] = (await call('listRecords', {})).value;
    expect((await call('printDocument', { ids: [id], script: 'hans', signature: true })).ok).toBe(true);
    const dialogPrint = fake.printed.at(-1)!;
    expect(dialogPrint.kind).toBe('dialog');
    expect(dialogPrint.html).toContain('樟树市电子商务进农村综合示范县项目验收情况表');
    const out = path.join(tempDir(), 'seed.pdf');
    fake.saveAnswers.push(out);
    expect((await call('saveExport', { ids: [id], script: 'hant', format: 'pdf' })).value.path).toBe(out);
    expect(fake.printed.at(-1)).toMatchObject({ kind: 'pdf', options: { preferCSSPageSize: true } });
    expect(fake.printed.at(-1)!.html).toContain('三、中央財政資金撥付情況');
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^%PDF/);
    // The document window is locked down like the main one.
    const docWindow = fake.windows.at(-1)!;
    expect(docWindow.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    });
    expect(docWindow.destroyed).toBe(true);
  });
});
