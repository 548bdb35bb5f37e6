// Opening a data file, in-process: another program's SQLite file and a damaged one are refused in
// words and left byte for byte as they were (a damaged one names the newest sound backup), an older
// Yanshou file is backed up and brought up to this version, and a data file marked read-only is
// refused in one line rather than failing at every edit. (Another user, full disks and the CLI's
// words: reliability.test.ts; a newer file and a text file: store.test.ts.)
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/services/store/database';
import { createRecord, listRecords } from '../../../electron/services/store/records';
import { backupDatabase, listBackups } from '../../../electron/services/store/backup';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/services/store/migrations';
import { refusal } from '../../helpers/store';
import { openDataFile } from '../../helpers/backend';
import { ME, seedInput, tempDir } from '../../helpers/fixtures';

/** A SQLite file made by `setUp`, closed. */
function sqliteFile(setUp: (db: Database.Database) => void, name = 'yanshou.sqlite') {
  const file = path.join(tempDir(), name);
  const db = new Database(file);
  setUp(db);
  db.close();
  return file;
}

describe('a data file that is not one', () => {
  it('of another program (other tables) is refused naming the first three, and left as it was', () => {
    const file = sqliteFile((db) =>
      db.exec('CREATE TABLE notes (t TEXT); CREATE TABLE tags (t TEXT); CREATE TABLE people (t TEXT); CREATE TABLE places (t TEXT)'),
    );
    const bytes = fs.readFileSync(file);
    const e = refusal(() => openDatabase(file));
    expect(e.code).toBe('unreadable_database');
    expect(e.messages.zh).toBe(`无法打开数据文件 ${file}:它不是验收台的数据文件(另有数据表 notes、tags、people)`);
    expect(e.messages.en).toBe(`Cannot open ${file}: it is not a Yanshou data file (it holds other tables: notes, tags, people)`);
    expect(e.place).toEqual({ file });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('with a records table but no version is damaged, said so with no backup to name', () => {
    const file = sqliteFile((db) => db.exec('CREATE TABLE records (id INTEGER PRIMARY KEY)'));
    const e = refusal(() => openDatabase(file));
    expect(e.code).toBe('damaged_database');
    expect(e.messages.zh).toBe(`数据文件 ${file} 已损坏(schema version 0 with tables),未做任何改动。备份文件夹里没有完好的备份。`);
    expect(e.messages.en).toBe(
      `The data file ${file} is damaged (schema version 0 with tables); it was left untouched. There is no sound backup in the backups folder.`,
    );
    expect(e.details).toEqual({ backup: null });
  });

  it('cut short is damaged, not a stranger’s file, and names the newest sound backup to restore', () => {
    const file = path.join(tempDir(), 'cut.sqlite');
    const db = openDataFile(file);
    createRecord(db, ME, seedInput());
    const backup = backupDatabase(db, file, 'manual')!;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(file).subarray(0, 100), Buffer.alloc(4096 - 100, 7)]));
    const e = refusal(() => openDatabase(file));
    expect(e.code).toBe('damaged_database');
    expect(e.messages.zh).toContain(`最新的完好备份是 ${backup},可用 yanshou restore "${backup}" 恢复。`);
    expect(e.messages.en).toContain(`The newest sound backup is ${backup}; restore it with yanshou restore "${backup}".`);
    expect(e.details).toEqual({ backup });
  });
});

describe('a data file of an older Yanshou', () => {
  it('is backed up, then brought to this version with its records', () => {
    const file = sqliteFile((db) => {
      db.exec(MIGRATIONS[0]);
      db.pragma('user_version = 1');
    });
    const db = openDataFile(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(listBackups(file).map((b) => b.reason)).toEqual(['migrate-v1']);
    createRecord(db, ME, seedInput());
    expect(listRecords(db, { asOf: undefined }).map((r) => r.county)).toEqual(['樟树市']);
  });

  it('whose tables are not what its version says is refused as damaged, and left as it was', () => {
    const file = sqliteFile((db) => {
      db.exec(MIGRATIONS[0]);
      db.exec('DROP TABLE disbursements');
      db.pragma('user_version = 1');
    });
    const bytes = fs.readFileSync(file);
    const e = refusal(() => openDatabase(file));
    expect(e.code).toBe('damaged_database');
    expect(e.messages.en).toMatch(/is damaged \(.*disbursements.*\); it was left untouched/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('a data file marked read-only', () => {
  it('is refused in one line naming it, unchanged', () => {
    const file = path.join(tempDir(), 'yanshou.sqlite');
    openDataFile(file).close();
    fs.chmodSync(file, 0o444);
    const e = refusal(() => openDatabase(file));
    expect(e.code).toBe('read_only');
    expect(e.messages.zh).toBe(
      `无法写入 ${file}:验收台需要能写入数据文件及其所在文件夹,才能保存修改。请检查权限(或把数据文件复制到可写的文件夹)。`,
    );
    expect(e.place).toEqual({ file });
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
  });
});
