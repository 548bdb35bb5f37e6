// The backups beside a data file, in-process: how they are named and listed, which are pruned (the
// newest 20 and the newest of each of the last 30 days; a data file's own only), that a refused
// operation leaves no backup and costs no older one, which files count as a sound backup, the
// `.partial` copies a killed backup left, and a restore (a safety copy first; a damaged data file
// moved aside, never deleted). The full-disk and command-line cases are in reliability.test.ts.
import { describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { editCells } from '../../../electron/services/store/edits';
import {
  backupDatabase,
  backupOfAnother,
  backupsFolder,
  BACKUPS_KEPT,
  listBackups,
  newestGoodBackup,
  pruneBackups,
  removeStalePartials,
  restoreBackup,
  verifyDatabaseFile,
  withBackup,
} from '../../../electron/services/store/backup';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/services/store/migrations';
import { refusal } from '../../helpers/store';
import { openDataFile } from '../../helpers/backend';
import { changeUser, findUser, insertUser, noteLoginFailure, sessionUser, startSession } from '../../../electron/services/store/accounts';
import { readPreferences, writePreferences } from '../../../electron/services/store/preferences';
import { appError } from '../../../shared/errors';
import { ME, seedInput, tempDir } from '../../helpers/fixtures';

/** A data file in a folder of its own, with the seed's record (樟树市). */
function seeded(name = 'yanshou.sqlite') {
  const file = path.join(tempDir(), name);
  const db = openDataFile(file);
  const id = createRecord(db, ME, seedInput());
  return { file, db, id };
}

/** Writes backups of `file` by hand (empty files: listing and pruning go by their names). */
function handMade(file: string, names: string[]) {
  fs.mkdirSync(backupsFolder(file), { recursive: true });
  for (const name of names) fs.writeFileSync(path.join(backupsFolder(file), name), '');
}

/** `n` automatic backups of yanshou.sqlite, a minute apart on 2020-01-01 (long before the last 30 days). */
const oldBackups = (n: number) =>
  Array.from({ length: n }, (_, i) => `yanshou-2020-01-01T08-${String(i).padStart(2, '0')}-00-000Z-edit.sqlite`);

const records = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM records').pluck().get();
  } finally {
    db.close();
  }
};

/** 实际拨付额度 of 樟树市's first line, as stored. */
const firstActual = (db: DB, id: number) => readRecord(db, id, { asOf: undefined }).record.disbursements[0].actual;
const typeActual = (db: DB, id: number, value: string) =>
  editCells(
    db,
    ME,
    id,
    'disbursements',
    [{ rowId: readRecord(db, id, { asOf: undefined }).disbursementIds[0], field: 'actual', value }],
    [],
  );

describe('the list of backups', () => {
  it('reads time and reason from each name, newest first, of one millisecond the tenth before the second before the first', () => {
    const file = path.join(tempDir(), 'yanshou.sqlite');
    handMade(file, [
      'yanshou-2026-11-29T08-30-00-123Z-delete.sqlite',
      'yanshou-2026-11-29T08-30-00-123Z-delete-2.sqlite',
      'yanshou-2026-11-29T08-30-00-123Z-delete-10.sqlite',
      'yanshou-2026-12-01T16-05-09-007Z-before-restore.sqlite',
      'yanshou-2026-10-31T23-59-59-999Z-manual.sqlite',
    ]);
    fs.writeFileSync(path.join(backupsFolder(file), 'yanshou-2026-11-29T08-30-00-123Z-delete.sqlite'), 'four');
    expect(listBackups(file).map((b) => [path.basename(b.file), b.at, b.reason, b.bytes])).toEqual([
      ['yanshou-2026-12-01T16-05-09-007Z-before-restore.sqlite', '2026-12-01T16:05:09.007Z', 'before-restore', 0],
      ['yanshou-2026-11-29T08-30-00-123Z-delete-10.sqlite', '2026-11-29T08:30:00.123Z', 'delete', 0],
      ['yanshou-2026-11-29T08-30-00-123Z-delete-2.sqlite', '2026-11-29T08:30:00.123Z', 'delete', 0],
      ['yanshou-2026-11-29T08-30-00-123Z-delete.sqlite', '2026-11-29T08:30:00.123Z', 'delete', 4],
      ['yanshou-2026-10-31T23-59-59-999Z-manual.sqlite', '2026-10-31T23:59:59.999Z', 'manual', 0],
    ]);
    expect(listBackups(file)[0].file).toBe(
      path.join(path.dirname(file), 'backups', 'yanshou-2026-12-01T16-05-09-007Z-before-restore.sqlite'),
    );
  });

  it('is empty before the first backup, and leaves out files of other names in the folder', () => {
    const file = path.join(tempDir(), 'yanshou.sqlite');
    expect(listBackups(file)).toEqual([]);
    handMade(file, [
      'notes.txt',
      'yanshou-notes.sqlite',
      'yanshou-2026-11-29T08-30-00-123Z-.sqlite',
      'yanshou-2026-11-29T08-30-00Z-edit.sqlite',
    ]);
    expect(listBackups(file)).toEqual([]);
  });

  it('of a data file whose name has dots is its own: county.v1.sqlite does not list county.v2.sqlite’s', () => {
    const dir = tempDir();
    const v1 = path.join(dir, 'county.v1.sqlite');
    const v2 = path.join(dir, 'county.v2.sqlite');
    handMade(v1, ['county.v1-2026-11-29T08-30-00-123Z-edit.sqlite', 'county.v2-2026-11-30T08-30-00-123Z-edit.sqlite']);
    expect(listBackups(v1).map((b) => b.at)).toEqual(['2026-11-29T08:30:00.123Z']);
    expect(listBackups(v2).map((b) => b.at)).toEqual(['2026-11-30T08:30:00.123Z']);
  });
});

describe('backups of data files whose names differ only by a .sqlite ending', () => {
  it('are each their own: 验收 and 验收.sqlite, a.db and a.db.sqlite list, advise and prune only their own', () => {
    const dir = tempDir();
    for (const [plain, sqlite] of [
      ['验收', '验收.sqlite'],
      ['a.db', 'a.db.sqlite'],
    ]) {
      const otherFile = path.join(dir, sqlite);
      const other = openDataFile(otherFile);
      const plainDb = openDataFile(path.join(dir, plain));
      const ofPlain = backupDatabase(plainDb, path.join(dir, plain), 'delete')!;
      const ofSqlite = backupDatabase(other, otherFile, 'delete')!;
      expect(listBackups(otherFile).map((b) => b.file)).toEqual([ofSqlite]);
      expect(listBackups(path.join(dir, plain)).map((b) => b.file)).toEqual([ofPlain]);
      expect(newestGoodBackup(otherFile)).toBe(ofSqlite);
      for (let i = 0; i < BACKUPS_KEPT; i++) backupDatabase(other, otherFile, 'edit');
      expect(fs.existsSync(ofPlain)).toBe(true);
    }
  });

  it('a backup is told as another data file’s when it records another (or is named for another), never for its own', () => {
    const dir = tempDir();
    const mine = openDataFile(path.join(dir, '验收.sqlite'));
    const theirs = openDataFile(path.join(dir, '验收'));
    const own = backupDatabase(mine, path.join(dir, '验收.sqlite'), 'manual')!;
    const other = backupDatabase(theirs, path.join(dir, '验收'), 'manual')!;
    expect(path.basename(other)).toMatch(/^验收-/); // named as before: both 验收-…
    expect(backupOfAnother(path.join(dir, '验收.sqlite'), own)).toBe(false);
    expect(backupOfAnother(path.join(dir, '验收.sqlite'), other)).toBe(true);
    // Made before a backup recorded its data file: told by its name.
    handMade(path.join(dir, '验收.sqlite'), ['验收-2026-01-01T08-00-00-000Z-edit.sqlite', '验收.db-2026-01-01T08-00-00-000Z-edit.sqlite']);
    expect(backupOfAnother(path.join(dir, '验收.sqlite'), path.join(backupsFolder(own), '验收-2026-01-01T08-00-00-000Z-edit.sqlite'))).toBe(
      false,
    );
    expect(
      backupOfAnother(path.join(dir, '验收.sqlite'), path.join(backupsFolder(own), '验收.db-2026-01-01T08-00-00-000Z-edit.sqlite')),
    ).toBe(true);
  });
});

describe('a backup', () => {
  it('holds the data file’s records, named by its time and reason; other characters of the reason become _', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T09:15:30.250Z'));
    const { file, db } = seeded();
    const backup = backupDatabase(db, file, 'before restore')!;
    expect(path.basename(backup)).toBe('yanshou-2026-12-07T09-15-30-250Z-before_restore.sqlite');
    expect(records(backup)).toBe(1);
    expect(verifyDatabaseFile(backup)).toEqual({ ok: true, records: 1, version: SCHEMA_VERSION });
  });

  it('taken twice in one millisecond keeps both, the second named -2', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T09:15:30.250Z'));
    const { file, db, id } = seeded();
    const first = backupDatabase(db, file, 'edit')!;
    typeActual(db, id, '700');
    const second = backupDatabase(db, file, 'edit')!;
    expect(path.basename(second)).toBe('yanshou-2026-12-07T09-15-30-250Z-edit-2.sqlite');
    expect(listBackups(file).map((b) => b.file)).toEqual([second, first]);
    expect(firstActual(openDataFile(first), id)).toBe('640.21');
    expect(firstActual(openDataFile(second), id)).toBe('700');
  });

  it('of a store in memory is none', () => {
    expect(backupDatabase(openDatabase(':memory:'), ':memory:', 'edit')).toBeNull();
  });
});

describe('pruning', () => {
  it('keeps the newest 20, and the newest of each of the last 30 days; a backup someone asked for is never pruned', () => {
    const dir = tempDir();
    const file = path.join(dir, 'yanshou.sqlite');
    const now = new Date('2026-11-29T12:00:00Z');
    const names: string[] = []; // newest first
    for (let day = 0; day < 40; day++)
      for (const hour of ['16', '08']) {
        const at = new Date(now.getTime() - day * 86_400_000).toISOString().slice(0, 10);
        names.push(`yanshou-${at}T${hour}-00-00-000Z-edit.sqlite`);
      }
    const manual = 'yanshou-2020-01-01T08-00-00-000Z-manual.sqlite';
    handMade(file, [...names, manual]);
    pruneBackups(file, now);
    const kept = listBackups(file).map((b) => path.basename(b.file));
    const newest20 = names.slice(0, 20);
    const dailyFor30 = Array.from({ length: 31 }, (_, day) => names[day * 2]);
    expect([...kept].sort()).toEqual([...new Set([...newest20, ...dailyFor30, manual])].sort());
  });

  it('a backup made while the clock was set back is the most recently made: listed first, and not pruned by the next ones', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { file, db, id } = seeded();
    const at = (iso: string, value: string) => {
      vi.setSystemTime(new Date(iso));
      typeActual(db, id, value);
      return backupDatabase(db, file, 'delete')!;
    };
    for (let i = 0; i < BACKUPS_KEPT; i++) at(`2026-12-07T09:${String(i).padStart(2, '0')}:00Z`, String(700 + i));
    const setBack = at('2025-11-02T10:00:00Z', '888.8'); // the PC's clock 400 days behind
    expect(listBackups(file)[0].file).toBe(setBack);
    const next = at('2026-12-07T10:00:00Z', '900'); // the clock right again
    expect(
      listBackups(file)
        .map((b) => b.file)
        .slice(0, 2),
    ).toEqual([next, setBack]);
    expect(fs.existsSync(setBack)).toBe(true);
    expect(listBackups(file)).toHaveLength(BACKUPS_KEPT);
  });

  it("looks at this data file's backups only: those of yanshou-2023.sqlite in the same folder stay", () => {
    const dir = tempDir();
    const main = openDataFile(path.join(dir, 'yanshou.sqlite'));
    const other = openDataFile(path.join(dir, 'yanshou-2023.sqlite'));
    const theirs = [
      backupDatabase(other, path.join(dir, 'yanshou-2023.sqlite'), 'keep')!,
      backupDatabase(other, path.join(dir, 'yanshou-2023.sqlite'), 'keep')!,
    ];
    fs.writeFileSync(path.join(backupsFolder(path.join(dir, 'yanshou.sqlite')), 'yanshou-notes.sqlite'), 'mine, not a backup');
    for (let i = 0; i < BACKUPS_KEPT + 5; i++) backupDatabase(main, path.join(dir, 'yanshou.sqlite'), 'many');
    const left = fs.readdirSync(backupsFolder(path.join(dir, 'yanshou.sqlite')));
    for (const t of theirs) expect(left).toContain(path.basename(t));
    expect(left).toContain('yanshou-notes.sqlite');
    expect(listBackups(path.join(dir, 'yanshou.sqlite'))).toHaveLength(BACKUPS_KEPT);
    expect(listBackups(path.join(dir, 'yanshou-2023.sqlite'))).toHaveLength(2);
  });
});

describe('an operation behind a backup (withBackup)', () => {
  it('refused: its backup is removed and no older one pruned', () => {
    const { file, db } = seeded();
    handMade(file, oldBackups(21));
    const e = refusal(() =>
      withBackup(db, file, 'delete', () => {
        throw appError('locked', '已验收', 'Accepted');
      }),
    );
    expect(e.code).toBe('locked');
    expect(listBackups(file).map((b) => path.basename(b.file))).toEqual(oldBackups(21).reverse());
  });

  it('done: gets its backup, which is kept, and the older ones are pruned to 20', () => {
    const { file, db } = seeded();
    handMade(file, oldBackups(21));
    let given: string | null = null;
    expect(withBackup(db, file, 'delete', (backup) => ((given = backup), 'done'))).toBe('done');
    const kept = listBackups(file).map((b) => b.file);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]).toBe(given);
    expect(records(given!)).toBe(1);
  });
});

describe('a sound backup', () => {
  const sqlite = (file: string, setUp: (db: Database.Database) => void) => {
    const db = new Database(file);
    setUp(db);
    db.close();
    return file;
  };

  it('is a Yanshou data file of a version this one knows, version 1 included, with its tables', () => {
    const dir = tempDir();
    const first = sqlite(path.join(dir, 'v1.sqlite'), (db) => {
      db.exec(MIGRATIONS[0]);
      db.pragma('user_version = 1');
    });
    expect(verifyDatabaseFile(first)).toEqual({ ok: true, records: 0, version: 1 });
    expect(verifyDatabaseFile(sqlite(path.join(dir, 'empty.sqlite'), () => {}))).toEqual({ ok: false, reason: 'schema version 0' });
    const newer = sqlite(path.join(dir, 'newer.sqlite'), (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
    expect(verifyDatabaseFile(newer)).toEqual({ ok: false, reason: `schema version ${SCHEMA_VERSION + 1}` });
    const { file, db } = seeded();
    db.exec('DROP TABLE payments');
    db.close();
    expect(verifyDatabaseFile(file)).toMatchObject({ ok: false, reason: expect.stringContaining('payments') });
  });

  it('is not a copy whose pages do not add up; the newest good backup is the one before it', () => {
    const { file, db } = seeded();
    const good = backupDatabase(db, file, 'edit')!;
    const damaged = backupDatabase(db, file, 'edit')!;
    const bytes = fs.readFileSync(damaged);
    bytes.writeUInt32BE(5, 36); // the header's count of free pages, none of which exist
    fs.writeFileSync(damaged, bytes);
    expect(verifyDatabaseFile(damaged)).toEqual({ ok: false, reason: '*** in database main ***\nFreelist: size is 0 but should be 5' });
    expect(newestGoodBackup(file)).toBe(good);
  });

  it('is not a text file, nor a file that is not there (which is not made by looking)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.sqlite'), 'not a database, a note');
    expect(verifyDatabaseFile(path.join(dir, 'notes.sqlite'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a database/),
    });
    expect(verifyDatabaseFile(path.join(dir, 'gone.sqlite')).ok).toBe(false);
    expect(fs.existsSync(path.join(dir, 'gone.sqlite'))).toBe(false);
  });
});

describe('a partial backup left by a backup that was killed', () => {
  it('is removed at the next start once a minute old; a younger one, or another data file’s, stays', () => {
    const file = path.join(tempDir(), 'yanshou.sqlite');
    const name = (time: string, of = 'yanshou') => `${of}-2026-12-07T${time}-000Z-edit.sqlite.partial`;
    handMade(file, [name('08-00-00'), name('08-01-00'), name('07-00-00', 'other'), 'yanshou-2026-12-07T06-00-00-000Z-edit.sqlite']);
    const now = Date.parse('2026-12-07T08:02:00Z');
    const age = (n: string, ms: number) => fs.utimesSync(path.join(backupsFolder(file), n), (now - ms) / 1000, (now - ms) / 1000);
    age(name('08-00-00'), 60_000);
    age(name('08-01-00'), 59_000);
    age(name('07-00-00', 'other'), 3_600_000);
    expect(removeStalePartials(file, now)).toEqual([path.join(backupsFolder(file), name('08-00-00'))]);
    expect(fs.readdirSync(backupsFolder(file)).sort()).toEqual(
      [name('07-00-00', 'other'), name('08-01-00'), 'yanshou-2026-12-07T06-00-00-000Z-edit.sqlite'].sort(),
    );
    expect(removeStalePartials(':memory:', now)).toEqual([]);
  });
});

describe('a restore', () => {
  it('brings the backup back, the data file as it was kept first as a before-restore backup', async () => {
    const { file, db, id } = seeded();
    const backup = backupDatabase(db, file, 'manual')!;
    typeActual(db, id, '700');
    db.close();
    const { safetyCopy } = await restoreBackup(file, backup, openDatabase);
    expect(firstActual(openDataFile(file), id)).toBe('640.21');
    expect(path.basename(safetyCopy!)).toMatch(/-before-restore\.sqlite$/);
    expect(firstActual(openDataFile(safetyCopy!), id)).toBe('700');
  });

  it('brings the data back but not the accounts: a disabled account, a changed password, an ended session, the restores log and the preferences stay as they are', async () => {
    const { file, db, id } = seeded();
    const wang = insertUser(db, { name: '老王', role: 'province', scope: '江西省', passwordHash: 'old-hash' });
    const token = startSession(db, wang.id);
    writePreferences(db, { name: '赵处长' });
    const backup = backupDatabase(db, file, 'import-replace')!;
    // After the backup: a payment typed, 老王 disabled and his password changed (his session ends), an account added,
    // a failed login, another signing name, and one restore already made.
    typeActual(db, id, '700');
    changeUser(db, '老王', { disabled: true, passwordHash: 'new-hash' });
    insertUser(db, { name: '小李', role: 'county', scope: '江西省/宜春市/樟树市', passwordHash: 'x' });
    noteLoginFailure(db, '老王');
    writePreferences(db, { name: '钱科长' });
    await restoreBackup(file, backup, openDatabase);
    await restoreBackup(file, backup, openDatabase);
    expect(firstActual(db, id)).toBe('640.21');
    expect(findUser(db, '老王')).toMatchObject({ disabled: 1, password_hash: 'new-hash' });
    expect(findUser(db, '小李')).toBeDefined();
    expect(sessionUser(db, token)).toEqual({ ok: false, reason: 'unknown' });
    expect(db.prepare('SELECT count(*) FROM login_failures').pluck().get()).toBe(1);
    expect(readPreferences(db).name).toBe('钱科长');
    expect(db.prepare('SELECT backup FROM restores ORDER BY pos').pluck().all()).toEqual([path.basename(backup), path.basename(backup)]);
  });

  it('into a file another connection has open: that connection sees the restored data', async () => {
    const { file, db: app, id } = seeded('live.sqlite');
    const backup = backupDatabase(app, file, 'manual')!;
    typeActual(app, id, '700');
    await restoreBackup(file, backup, openDatabase);
    expect(firstActual(app, id)).toBe('640.21');
  });

  it('over a data file that cannot be opened moves it aside, kept byte for byte, with its -wal', async () => {
    const { file, db, id } = seeded();
    const backup = backupDatabase(db, file, 'manual')!;
    db.close();
    fs.writeFileSync(file, 'damaged beyond reading');
    fs.writeFileSync(`${file}-wal`, 'its log');
    const { safetyCopy } = await restoreBackup(file, backup, openDatabase);
    expect(safetyCopy).toMatch(/yanshou\.sqlite\.damaged-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/);
    expect(fs.readFileSync(safetyCopy!, 'utf8')).toBe('damaged beyond reading');
    expect(fs.readFileSync(`${safetyCopy}-wal`, 'utf8')).toBe('its log');
    expect(firstActual(openDataFile(file), id)).toBe('640.21');
  });

  it('into a data file that is gone makes it from the backup, with no safety copy', async () => {
    const { file, db, id } = seeded();
    const backup = backupDatabase(db, file, 'manual')!;
    db.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    expect(await restoreBackup(file, backup, openDatabase)).toEqual({ safetyCopy: null, accountsKept: false });
    expect(firstActual(openDataFile(file), id)).toBe('640.21');
  });

  it('from a file that is no sound backup, or from the data file itself, is refused naming it; nothing changes', async () => {
    const { file, db, id } = seeded();
    const notes = path.join(path.dirname(file), 'notes.sqlite');
    fs.writeFileSync(notes, 'a note');
    const bad = await restoreBackup(file, notes, openDatabase).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'bad_backup', place: { file: notes } });
    expect((bad as Error).message).toBe(`${notes} is not a sound Yanshou backup (file is not a database); nothing was changed`);
    const itself = await restoreBackup(file, file, openDatabase).catch((e: unknown) => e);
    expect(itself).toMatchObject({ code: 'bad_backup', messages: { zh: '不能用数据文件自己来恢复' }, place: { file } });
    expect(listBackups(file)).toEqual([]);
    expect(firstActual(db, id)).toBe('640.21');
  });
});
