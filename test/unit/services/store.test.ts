import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/services/store/database';
import { createRecord, findRecordIds, readRecord, removeRecord } from '../../../electron/services/store/records';
import { history, mutate } from '../../../electron/services/store/changelog';
import { redo, undo } from '../../helpers/store';
import { backupDatabase, backupsFolder, BACKUPS_KEPT } from '../../../electron/services/store/backup';
import { SCHEMA_VERSION } from '../../../electron/services/store/migrations';
import { AppError } from '../../../shared/errors';
import { ROOT, referenceFixture, seedInput, tempDir, ME } from '../../helpers/fixtures';
import { newStore, openDataFile } from '../../helpers/backend';

describe('store', () => {
  it('stores the seed and reads it back identically, in both scripts', () => {
    const db = newStore();
    const hans = createRecord(db, ME, seedInput('hans'));
    expect(readRecord(db, hans, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
    db.prepare('DELETE FROM records').run();
    const hant = createRecord(db, ME, seedInput('hant'));
    expect(readRecord(db, hant, { asOf: undefined }).record).toEqual(referenceFixture('hant'));
  });

  it('finds a county by its traditional or simplified name, and refuses a second record of it', () => {
    const db = newStore();
    const id = createRecord(db, ME, seedInput('hans'));
    expect(findRecordIds(db, '樟樹市', 8)).toEqual([{ id, batch: 8, name: '樟树市' }]);
    expect(findRecordIds(db, '樟树市', 9)).toEqual([]);
    expect(() => createRecord(db, ME, seedInput('hant'))).toThrow(AppError);
  });

  it('sets up WAL, foreign keys and the schema version', () => {
    const db = openDataFile(path.join(tempDir(), 'b.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('undoes and redoes through the change log, one action one step, after a reopen too', () => {
    const file = path.join(tempDir(), 'c.sqlite');
    let db = openDataFile(file);
    const id = createRecord(db, ME, seedInput());
    const [first, second] = readRecord(db, id, { asOf: undefined }).disbursementIds;
    mutate(db, ME, { action: 'paste', recordId: id }, (c) => {
      c.update('disbursements', first, { actual_fen: 700_000_000 });
      c.update('disbursements', second, { actual_fen: 300_000_000, planned_fen: 400_000_000 });
    });
    expect(readRecord(db, id, { asOf: undefined }).record.totals.actual).toBe('1310.35');
    db.close();

    db = openDataFile(file);
    expect(history(db, ME).undo?.action).toBe('paste');
    undo(db);
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
    db.close();

    db = openDataFile(file);
    expect(redo(db)?.action).toBe('paste');
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0].actual).toBe('700');
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[1].planned).toBe('400');
    expect(redo(db)).toBeNull();
  });

  it('undoes a deleted record back with all its rows, and a new edit drops the redo branch', () => {
    const db = openDataFile(':memory:');
    const id = createRecord(db, ME, seedInput());
    mutate(db, ME, { action: 'delete record', recordId: id }, (c) => removeRecord(db, c, id));
    expect(findRecordIds(db, '樟树市')).toEqual([]);
    undo(db);
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
    undo(db); // the creation
    expect(findRecordIds(db, '樟树市')).toEqual([]);
    expect(undo(db)).toBeNull();
    redo(db);
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
    mutate(db, ME, { action: 'edit', recordId: id }, (c) => c.update('records', id, { status_note: '已完成' }));
    expect(history(db, ME).redo).toBeNull();
  });

  it('refuses a database written by a newer Yanshou and leaves its bytes unchanged', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/newer|更新版本/);
    try {
      openDatabase(file);
    } catch (e) {
      expect((e as AppError).code).toBe('newer_database');
      expect((e as AppError).messages.zh).toContain('更新版本');
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['newer.sqlite']);
  });

  it('refuses a file that is not a database, with a clear message', () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, 'these are not the tables you are looking for'.repeat(100));
    expect(() => openDatabase(file)).toThrow(/not a Yanshou data file/);
  });

  it('keeps the last 20 backups beside the database', () => {
    const file = path.join(tempDir(), 'd.sqlite');
    const db = openDataFile(file);
    createRecord(db, ME, seedInput());
    let last = '';
    for (let i = 0; i < BACKUPS_KEPT + 5; i++) last = backupDatabase(db, file, `test${i}`)!;
    const kept = fs.readdirSync(backupsFolder(file));
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept).toContain(path.basename(last));
    const copy = new Database(last, { readonly: true });
    expect(copy.prepare('SELECT county_name FROM records').pluck().get()).toBe('樟树市');
    copy.close();
  });

  it('survives SIGKILL in the middle of a large transaction: intact, all or none', { tags: ['another-program'] }, async () => {
    const file = path.join(tempDir(), 'crash.sqlite');
    const db = openDatabase(file);
    const id = createRecord(db, ME, seedInput());
    db.close();
    const script = `
      import { openDatabase } from './electron/services/store/database.ts';
      import { mutate } from './electron/services/store/changelog.ts';
      import fs from 'node:fs';
      const db = openDatabase(${JSON.stringify(file)});
      mutate(db, { client: 'crash', kind: 'cli' }, { action: 'paste', recordId: ${id} }, (c) => {
        for (let i = 0; i < 400000; i++) {
          c.insert('disbursements', { record_id: ${id}, position: 100 + i, seq: 100 + i, category: 'other', name: 'row ' + i, planned_fen: 1, actual_fen: 1, stated_rate: null });
          if (i === 2000) fs.writeSync(1, 'inside\\n');
        }
      });
      fs.writeSync(1, 'committed\\n');
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let seen = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk) => {
        seen += chunk;
        if (seen.includes('inside')) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(seen).toContain('inside');
    expect(seen).not.toContain('committed');
    const after = openDataFile(file);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = after.prepare('SELECT count(*) FROM disbursements').pluck().get();
    expect(rows).toBe(6);
    expect(readRecord(after, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
  });
});

describe('two processes on one data file', { tags: ['another-program'] }, () => {
  it('a writer waits for another process holding the write lock (busy timeout) instead of failing', async () => {
    const file = path.join(tempDir(), 'busy.sqlite');
    openDatabase(file).close();
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `
      const D = require('better-sqlite3');
      const db = new D(${JSON.stringify(file)});
      db.exec('BEGIN IMMEDIATE');
      process.stdout.write('locked\\n');
      setTimeout(() => { process.stdout.write('releasing ' + Date.now() + '\\n'); db.exec('COMMIT'); db.close(); }, 1500);
    `,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    holder.stdout.on('data', (c) => (out += c));
    await expect.poll(() => out).toContain('locked');
    const db = openDataFile(file);
    const id = createRecord(db, ME, seedInput());
    const written = Date.now();
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
    await new Promise((r) => holder.on('close', r));
    // Written after the other process let go, whatever the load: it waited rather than failed.
    const released = Number(/releasing (\d+)/.exec(out)![1]);
    expect(written).toBeGreaterThanOrEqual(released);
  });
});
