// What the app promises at each fault (docs/reliability.md), one finding of the stress test at a
// time: reproduced first, then shown held.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/services/store/database';
import { createRecord, listRecords, readRecord } from '../../../electron/services/store/records';
import { editCells, updateCounty } from '../../../electron/services/store/edits';
import { refusal } from '../../helpers/store';
import { openDataFile } from '../../helpers/backend';
import { logPosition } from '../../../electron/services/store/changelog';
import { readStatus, readVersion, setStatus } from '../../../electron/services/store/status';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import { backupDatabase, backupsFolder, BACKUPS_KEPT, listBackups, restoreBackup } from '../../../electron/services/store/backup';
import { exportWorkbook } from '../../../electron/services/excel/export';
import { importWorkbooks, readWorkbook } from '../../../electron/services/excel/import';
import { computeRecord, toInput } from '../../../shared/record';
import { ME, ROOT, referenceFixture, seedInput, tempDir } from '../../helpers/fixtures';

const BIN = path.join(ROOT, 'electron/cli/bin.mjs');

/**
 * The built CLI where another user can run it: the checkout may sit in a folder only its owner can
 * enter (a fresh clone in a 0700 folder), so what `yanshou` needs — Node, bin.mjs, dist/node and
 * better-sqlite3 — is copied to a folder anyone may enter.
 */
function cliForEveryone(): { node: string; bin: string; cwd: string } {
  const app = tempDir('yanshou-cli-');
  fs.chmodSync(app, 0o755);
  fs.mkdirSync(path.join(app, 'electron/cli'), { recursive: true });
  for (const f of fs.readdirSync(path.dirname(BIN)).filter((f) => f.endsWith('.mjs')))
    fs.copyFileSync(path.join(path.dirname(BIN), f), path.join(app, 'electron/cli', f));
  fs.cpSync(path.join(ROOT, 'dist/node'), path.join(app, 'dist/node'), { recursive: true });
  const sqlite = path.join(ROOT, 'node_modules/better-sqlite3');
  fs.cpSync(sqlite, path.join(app, 'node_modules/better-sqlite3'), { recursive: true, filter: (from) => !/[\\/](deps|src)$/.test(from) });
  const node = path.join(app, 'node');
  try {
    fs.linkSync(process.execPath, node);
  } catch {
    fs.copyFileSync(process.execPath, node);
  }
  fs.chmodSync(node, 0o755);
  spawnSync('chmod', ['-R', 'a+rX', app]);
  return { node, bin: path.join(app, 'electron/cli/bin.mjs'), cwd: app };
}

const yanshou = (args: string[], options: { uid?: number } = {}) => {
  const cli = options.uid === undefined ? { node: process.execPath, bin: BIN, cwd: ROOT } : cliForEveryone();
  const argv =
    options.uid === undefined
      ? [cli.node, cli.bin, ...args]
      : ['setpriv', `--reuid=${options.uid}`, `--regid=${options.uid}`, '--clear-groups', cli.node, cli.bin, ...args];
  const r = spawnSync(argv[0], argv.slice(1), { cwd: cli.cwd, encoding: 'utf8', env: { ...process.env, YANSHOU_LANG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** A small filesystem of its own (a tmpfs), to fill up; null where this machine cannot mount one. */
function smallDisk(megabytes: number): { dir: string; unmount: () => void } | null {
  const dir = tempDir('yanshou-disk-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]);
  if (r.status !== 0) return null;
  return { dir, unmount: () => spawnSync('umount', [dir]) };
}
const fill = (dir: string) => {
  // Write until the disk says no.
  const fd = fs.openSync(path.join(dir, 'filler'), 'w');
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(64 * 1024, 1));
  } catch {
    // ENOSPC
  } finally {
    fs.closeSync(fd);
  }
};

describe('backups', () => {
  it('(#1) a backup that fails on a full disk leaves nothing, deletes no good backup, and stops the destructive step', () => {
    const disk = smallDisk(3);
    if (!disk) return void expect.soft(process.getuid?.()).not.toBe(0); // only root can mount; CI runs as root
    try {
      const file = path.join(disk.dir, 'yanshou.sqlite');
      const db = openDataFile(file);
      createRecord(db, ME, seedInput());
      const good = [backupDatabase(db, file, 'first')!, backupDatabase(db, file, 'second')!];
      fill(disk.dir);
      const e = refusal(() => backupDatabase(db, file, 'third'));
      expect(e.code).toBe('backup_failed');
      expect(e.messages.zh).toContain('这次操作没有进行');
      expect(fs.readdirSync(backupsFolder(file)).sort()).toEqual(good.map((g) => path.basename(g)).sort());
      for (const g of good) {
        const copy = new Database(g, { readonly: true });
        expect(copy.prepare('SELECT count(*) FROM records').pluck().get()).toBe(1);
        copy.close();
      }
      // Room again: the next backup works, and prunes nothing it should keep.
      fs.rmSync(path.join(disk.dir, 'filler'));
      expect(backupDatabase(db, file, 'fourth')).toMatch(/fourth\.sqlite$/);
      expect(listBackups(file)).toHaveLength(3);
      db.close();
    } finally {
      disk.unmount();
    }
  });

  it('验收.sqlite and 验收.db in one folder each have their own backups: listed, pointed to when damaged and pruned apart', () => {
    const dir = tempDir();
    const [zhangshu, ruijin] = [path.join(dir, '验收.sqlite'), path.join(dir, '验收.db')];
    const zhangshuDb = openDataFile(zhangshu);
    createRecord(zhangshuDb, ME, seedInput());
    const ownBackup = backupDatabase(zhangshuDb, zhangshu, 'manual')!;
    const ruijinDb = openDataFile(ruijin);
    const theirsAuto = backupDatabase(ruijinDb, ruijin, 'edit')!;
    for (let i = 0; i < BACKUPS_KEPT + 2; i++) backupDatabase(zhangshuDb, zhangshu, 'edit');
    const theirs = backupDatabase(ruijinDb, ruijin, 'manual')!; // the newest of all
    expect(listBackups(ruijin).map((b) => b.file)).toEqual([theirs, theirsAuto]);
    expect(listBackups(zhangshu).map((b) => b.file)).toContain(ownBackup);
    expect(listBackups(zhangshu).map((b) => b.file)).not.toContain(theirs);
    // 验收.sqlite damaged: the backup it is pointed to is its own, holding 樟树市.
    zhangshuDb.close();
    fs.rmSync(`${zhangshu}-wal`, { force: true });
    fs.writeFileSync(zhangshu, fs.readFileSync(zhangshu).subarray(0, 4096));
    const e = refusal(() => openDatabase(zhangshu));
    expect(e.code).toBe('damaged_database');
    expect(e.messages.zh).not.toContain(path.basename(theirs));
    expect(e.messages.zh).toContain('验收-');
  });

  it('a file named backups beside the data file: the data file still opens and lists; a backup is refused naming it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bf.sqlite');
    const first = openDataFile(file);
    createRecord(first, ME, seedInput());
    first.close();
    fs.writeFileSync(path.join(dir, 'backups'), 'not a folder');
    const db = openDataFile(file);
    expect(listRecords(db, { asOf: undefined }).map((r) => r.county)).toEqual(['樟树市']);
    expect(listBackups(file)).toEqual([]);
    const e = refusal(() => backupDatabase(db, file, 'manual'));
    expect([e.code, e.messages.zh]).toEqual([
      'backup_failed',
      `无法备份数据文件:${path.join(dir, 'backups')} 是一个文件,不是存放备份的文件夹。为免丢失数据,这次操作没有进行;请把这个文件改名或移走后再试。`,
    ]);
  });

  it('yanshou backups lists them; yanshou restore brings one back, backing up the current file first', () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.sqlite');
    expect(yanshou(['demo', '--db', file]).code).toBe(0);
    const db = openDataFile(file);
    const [id] = listRecords(db, { asOf: undefined }).map((r) => r.id);
    const backup = backupDatabase(db, file, 'manual')!;
    editCells(
      db,
      ME,
      id,
      'disbursements',
      [{ rowId: readRecord(db, id, { asOf: undefined }).disbursementIds[0], field: 'actual', value: '700' }],
      [],
    );
    db.close();
    const listed = JSON.parse(yanshou(['backups', '--db', file, '--json']).stdout);
    expect(listed.backups.map((b: { file: string; sound: boolean; records: number }) => [b.file, b.sound, b.records])).toEqual([
      [backup, true, 1],
    ]);
    const r = yanshou(['restore', path.basename(backup), '--db', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已从');
    expect(r.stdout).toContain('用户账户、登录会话和偏好设置保持恢复前的样子');
    expect(JSON.parse(yanshou(['show', '--db', file, '--county', '樟树市', '--json']).stdout).disbursements[0].actual).toBe('640.21');
    // The file as it was before the restore is itself a backup now.
    const before = listBackups(file).find((b) => b.reason === 'before-restore')!;
    expect(
      new Database(before.file, { readonly: true }).prepare('SELECT actual_fen FROM disbursements ORDER BY id LIMIT 1').pluck().get(),
    ).toBe(700_000_000);
  });

  it('a data file another program keeps locked is told as locked, not damaged; restore refuses and no change is lost', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'lk.sqlite');
    expect(yanshou(['demo', '--db', file]).code).toBe(0);
    const app = openDataFile(file);
    const backup = backupDatabase(app, file, 'manual')!;
    app.close();
    const add = ['ledger', 'add', '--db', file, '--county', '樟树市', '--line', '1', '--date', '2022-01-01', '--amount', '5'];
    expect(yanshou([...add, '--voucher', 'AFTER-BACKUP']).code).toBe(0);
    // A SQLite browser (or a sync tool) holding the file: exclusive locking mode and one write.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(${JSON.stringify(file)});
         db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN IMMEDIATE; COMMIT');
         process.stdout.write('locked\\n'); process.stdin.on('end', () => db.close()).resume();`,
      ],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let out = '';
    holder.stdout.on('data', (c) => (out += c));
    await expect.poll(() => out).toContain('locked');
    const listed = yanshou(['list', '--db', file]);
    expect(listed.code).not.toBe(0);
    expect(listed.stderr).toContain('正被另一个程序锁定');
    expect(listed.stderr).not.toContain('损坏');
    const restored = yanshou(['restore', backup, '--db', file]);
    expect(restored.code).not.toBe(0);
    expect(restored.stderr).toContain('正被另一个程序锁定');
    expect(fs.readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([]);
    holder.stdin.end();
    await new Promise((r) => holder.on('close', r));
    // The other program let go: the payment typed after the backup is still in the data file.
    expect(JSON.parse(yanshou(['ledger', '--db', file, '--county', '樟树市', '--json']).stdout)).toMatchObject({
      payments: [expect.objectContaining({ voucher: 'AFTER-BACKUP' })],
    });
  }, 60_000);

  it('a window that read the file before a restore cannot overwrite an edit made after it: refused, naming the restore', async () => {
    const file = path.join(tempDir(), 'rs.sqlite');
    const app = openDataFile(file); // the running app (yanshou web), open throughout
    const id = createRecord(app, ME, seedInput());
    const backup = backupDatabase(app, file, 'manual')!;
    const line1 = readRecord(app, id, { asOf: undefined }).disbursementIds[0];
    const type = (who: string, value: string, seen?: number) =>
      editCells(app, { client: who, kind: 'web' }, id, 'disbursements', [{ rowId: line1, field: 'actual', value }], [], 'edit', seen);
    for (const value of ['600', '610', '620', '630']) type('tab-A', value);
    const bSeen = logPosition(app); // tab B reads: 630
    await restoreBackup(file, backup, openDatabase);
    const cSeen = logPosition(app); // tab C reads the restored 640.21 and types 700
    type('tab-C', '700', cSeen);
    const e = refusal(() => type('tab-B', '631', bSeen));
    expect(e.code).toBe('edit_conflict');
    expect(e.messages.zh).toContain(`从备份 ${path.basename(backup)} 恢复`);
    expect(readRecord(app, id, { asOf: undefined }).record.disbursements[0].actual).toBe('700');
  });

  it('an acceptance naming the version a reviewer read before a restore is refused, though edits after it counted the version up again', async () => {
    const file = path.join(tempDir(), 'rv.sqlite');
    const app = openDataFile(file);
    const id = createRecord(app, ME, seedInput());
    const backup = backupDatabase(app, file, 'manual')!;
    const line1 = readRecord(app, id, { asOf: undefined }).disbursementIds[0];
    const type = (value: string) => editCells(app, ME, id, 'disbursements', [{ rowId: line1, field: 'actual', value }], []);
    for (const value of ['600', '610', '620']) type(value);
    const shown = readVersion(app, id); // the reviewer's window: line 1 at 620
    await restoreBackup(file, backup, openDatabase);
    for (const value of ['901', '902', '903']) type(value);
    const e = refusal(() => setStatus(app, ME, id, { status: 'accepted', by: '赵处长', version: shown }));
    expect(e.code).toBe('record_changed');
    expect(readStatus(app, id).status).toBe('draft');
    // Read again, the version is current and the acceptance of what is shown goes through.
    setStatus(app, ME, id, { status: 'accepted', by: '赵处长', version: readVersion(app, id) });
    expect(readStatus(app, id).status).toBe('accepted');
  });

  it('an import previewed before a restore is refused at its commit: it planned against data the file no longer holds', async () => {
    const file = path.join(tempDir(), 'ri.sqlite');
    const app = openDataFile(file);
    createRecord(app, ME, seedInput());
    const backup = backupDatabase(app, file, 'manual')!;
    const ctx: ApiContext = { db: app, dbFile: file, version: 'test', renderPdf: async () => new Uint8Array() };
    const files = [{ name: 'zhangshu.xlsx', bytes: await exportWorkbook([referenceFixture('hans')]) }];
    const importing = (seen?: number) =>
      dispatch(ctx, 'importWorkbooks', { files, onConflict: 'replace', dryRun: seen === undefined, ledger: 'keep', seen }, ME);
    const preview = (await importing()) as { ok: true; value: { seen: number } };
    await restoreBackup(file, backup, openDatabase);
    const refused = await importing(preview.value.seen);
    expect(refused.ok ? 'imported' : refused.error.messages?.zh).toContain(`从备份 ${path.basename(backup)} 恢复`);
  });

  it('an import planned before a restore and committing after it (the command line: no preview) is refused; the file holds the backup', async () => {
    const file = path.join(tempDir(), 'rc.sqlite');
    const app = openDataFile(file);
    const id = createRecord(app, ME, seedInput());
    const backup = backupDatabase(app, file, 'manual')!;
    const line1 = readRecord(app, id, { asOf: undefined }).disbursementIds[0];
    editCells(app, ME, id, 'disbursements', [{ rowId: line1, field: 'actual', value: '700' }], []);
    const files = [{ name: 'zhangshu.xlsx', bytes: await exportWorkbook([referenceFixture('hans')]) }];
    const importing = importWorkbooks(app, ME, file, files, { onConflict: 'replace', dryRun: false, ledger: 'keep' });
    await restoreBackup(file, backup, openDatabase); // while the import reads its workbook
    const refused = await importing.catch((e: unknown) => e);
    expect((refused as { messages?: { zh: string } }).messages?.zh).toContain(`从备份 ${path.basename(backup)} 恢复`);
    expect(listRecords(app, { asOf: undefined }).map((r) => r.id)).toEqual([id]);
    expect(readRecord(app, id, { asOf: undefined }).record.disbursements[0].actual).toBe('640.21');
  });

  it('a damaged data file is refused untouched, naming the newest good backup', () => {
    const dir = tempDir();
    const file = path.join(dir, 'cut.sqlite');
    const db = openDataFile(file);
    createRecord(db, ME, seedInput());
    const backup = backupDatabase(db, file, 'manual')!;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const cut = fs.readFileSync(file);
    const e = refusal(() => openDatabase(file));
    expect(e.code).toBe('damaged_database');
    expect(e.messages.zh).toContain(backup);
    expect(e.messages.zh).toContain('yanshou restore');
    expect(fs.readFileSync(file).equals(cut)).toBe(true);
  });
});

describe('figures the store must never refuse to show', () => {
  it('(#5) two lines at the largest amount each: the total passes the single-amount cap, and every list still reads', () => {
    const file = path.join(tempDir(), 'max.sqlite');
    const db = openDataFile(file);
    const input = seedInput();
    input.disbursements = input.disbursements.slice(0, 2).map((d) => ({ ...d, planned: '999999999.999999', actual: '999999999.999999' }));
    const id = createRecord(db, ME, input);
    expect(readRecord(db, id, { asOf: undefined }).record.totals).toMatchObject({
      planned: '1999999999.999998',
      actual: '1999999999.999998',
      rate: '100.00',
    });
    expect(listRecords(db, { asOf: undefined })[0].planned).toBe('1999999999.999998');
    db.close();
    const list = yanshou(['list', '--db', file, '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)[0].planned).toBe('1999999999.999998');
    expect(yanshou(['export', path.join(tempDir(), 'max.xlsx'), '--db', file]).code).toBe(0);
  });
});

describe('text a workbook cannot hold', () => {
  it('(#4) a typed or pasted U+FFFF, U+FFFE or control character never reaches the data; an old one never reaches a file', async () => {
    const db = openDataFile(':memory:');
    const id = createRecord(db, ME, seedInput());
    const [row] = readRecord(db, id, { asOf: undefined }).itemIds;
    editCells(db, ME, id, 'items', [{ rowId: row, field: 'target', value: 'a\uffffb\ufffe\u0007c\r\nd' }], []);
    expect(readRecord(db, id, { asOf: undefined }).record.items[0].target).toBe('abc\nd');
    // An old record holding such characters (written before this rule) still exports to a valid workbook.
    db.prepare('UPDATE items SET name = ? WHERE id = ?').run('中心\uffff建设\u0001', row);
    const record = readRecord(db, id, { asOf: undefined }).record;
    const [read] = await readWorkbook({ name: 'x.xlsx', bytes: await exportWorkbook([record]) });
    expect(read.input!.items[0].name).toBe('中心建设');
  });

  it("(#10) counties named like Excel's reserved sheets or with quotes at the ends export, each on its own sheet", async () => {
    const names = ['yanshou-meta', 'History', "'樟树市'", '汇总', 'a[b]:c*d?e/f\\g', '很长的县名'.repeat(10)];
    const records = names.map((name, i) =>
      computeRecord({ ...toInput(referenceFixture('hans')), county: { ...referenceFixture('hans').county, name, batch: i + 1 } }),
    );
    const bytes = await exportWorkbook(records);
    const reads = await readWorkbook({ name: 'all.xlsx', bytes });
    expect(reads.map((r) => r.input?.county.name)).toEqual(names);
    expect(reads.flatMap((r) => r.findings.filter((f) => f.severity === 'error'))).toEqual([]);
  });
});

describe('what a person types is checked before it is kept', () => {
  it('(#12) 2021-02-31, 0000-01 and a 100,000-character county name are refused, in words', () => {
    const db = openDataFile(':memory:');
    const id = createRecord(db, ME, seedInput());
    for (const [field, value, words] of [
      ['approvedOn', '2021-02-31', '不是日期'],
      ['acceptedOn', '0000-01', '不是日期'],
      ['name', '县'.repeat(100_000), '太长'],
    ] as const) {
      const e = refusal(() => updateCounty(db, ME, id, field, value));
      expect(e.messages.zh).toContain(words);
      expect(e.messages.zh.length).toBeLessThan(200);
    }
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
    updateCounty(db, ME, id, 'acceptedOn', '2024-02-29');
    expect(readRecord(db, id, { asOf: undefined }).record.county.acceptedOn).toBe('2024-02-29');
  });

  it('(#16) a stated rate is kept only to the precision the record (and its export) can hold', () => {
    const db = openDataFile(':memory:');
    const id = createRecord(db, ME, seedInput());
    const [row] = readRecord(db, id, { asOf: undefined }).disbursementIds;
    const e = refusal(() => editCells(db, ME, id, 'disbursements', [{ rowId: row, field: 'statedRate', value: '82.6077419%' }], []));
    expect(e.messages.zh).toContain('超出可记录的范围');
    editCells(db, ME, id, 'disbursements', [{ rowId: row, field: 'statedRate', value: '82.607742%' }], []);
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0].statedRate).toBe('82.607742');
  });
});

describe('a data file that cannot be written', () => {
  const asRoot = process.getuid?.() === 0;

  it('(#12) read-only: told at start in one clear line, not by every edit failing later', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ro.sqlite');
    expect(yanshou(['demo', '--db', file]).code).toBe(0);
    let r;
    if (asRoot) {
      // Root may write anything: the app runs as an ordinary user who may read but not write it.
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(file, 0o644);
      r = yanshou(['list', '--db', file], { uid: 65534 });
    } else {
      fs.chmodSync(file, 0o444);
      r = yanshou(['list', '--db', file]);
    }
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('无法写入');
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('(#12) a read-only -shm left behind is made writable again once the file is ours', () => {
    const file = path.join(tempDir(), 'shm.sqlite');
    const db = openDatabase(file);
    createRecord(db, ME, seedInput());
    const holder = new Database(file, { readonly: true });
    holder.prepare('SELECT count(*) FROM records').get();
    db.close();
    expect(fs.existsSync(`${file}-shm`)).toBe(true);
    fs.chmodSync(`${file}-shm`, 0o444);
    const again = openDataFile(file);
    editCells(
      again,
      ME,
      listRecords(again, { asOf: undefined })[0].id,
      'disbursements',
      [
        {
          rowId: readRecord(again, listRecords(again, { asOf: undefined })[0].id, { asOf: undefined }).disbursementIds[0],
          field: 'actual',
          value: '700',
        },
      ],
      [],
    );
    expect(readRecord(again, listRecords(again, { asOf: undefined })[0].id, { asOf: undefined }).record.totals.actual).toBe('1295.75');
    holder.close();
  });

  it('(#12) a full disk is told in words at the first write, and the data file stays whole', () => {
    const disk = smallDisk(2);
    if (!disk) return void expect.soft(process.getuid?.()).not.toBe(0);
    try {
      const file = path.join(disk.dir, 'full.sqlite');
      const db = openDataFile(file);
      const id = createRecord(db, ME, seedInput());
      fill(disk.dir);
      const big = Array.from({ length: 2000 }, (_, i) => ({ name: `新增项目 ${i}`, target: '很长的目标'.repeat(50) }));
      const e = refusal(() => editCells(db, ME, id, 'items', [], big, 'paste'));
      expect(['disk_full', 'io_error']).toContain(e.code);
      expect(e.messages.zh).toContain('没有保存');
      fs.rmSync(path.join(disk.dir, 'filler'));
      expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
      db.close();
      expect(
        execFileSync(
          process.execPath,
          [
            '-e',
            `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)});console.log(d.pragma('integrity_check',{simple:true}))`,
          ],
          { cwd: ROOT, encoding: 'utf8' },
        ).trim(),
      ).toBe('ok');
    } finally {
      disk.unmount();
    }
  });
});

describe('deleting a county', () => {
  it('backs the data file up first: the backup holds the county that was deleted', async () => {
    const { dispatch } = await import('../../../electron/services/api');
    const file = path.join(tempDir(), 'yanshou.sqlite');
    const db = openDataFile(file);
    const id = createRecord(db, ME, seedInput());
    const r = await dispatch({ db, dbFile: file, version: 'test', renderPdf: async () => new Uint8Array() }, 'deleteRecord', { id }, ME);
    if (!r.ok) throw new Error(r.error.message);
    expect(listRecords(db, { asOf: undefined })).toEqual([]);
    const { backup } = r.value as { backup: string };
    expect(listBackups(file).map((b) => [b.file, b.reason])).toEqual([[backup, 'delete']]);
    const kept = openDataFile(backup);
    expect(listRecords(kept, { asOf: undefined }).map((s) => s.county)).toEqual(['樟树市']);
    expect(readRecord(kept, listRecords(kept, { asOf: undefined })[0].id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
  });
});
