// A data file replaced on disk while the app has it open (finding #13): a sync folder (网盘) putting a
// colleague's copy in place by rename. The app's next change is refused, saying so — it is not "saved"
// into the old, unlinked file while its WAL frames land beside the new one and damage it.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/services/store/database';
import { createRecord, listRecords, readRecord } from '../../../electron/services/store/records';
import { editCells } from '../../../electron/services/store/edits';
import { ME, seedInput, tempDir } from '../../helpers/fixtures';
import { refusal } from '../../helpers/store';
import { reopenDataFile } from '../../../electron/services/reopen';
import type { ApiContext } from '../../../electron/services/api';
import type { AppError } from '../../../shared/errors';

it('a data file replaced by another program while open: the next edit is refused naming the file, what the app held is kept beside, and the colleague’s file stays sound', () => {
  const dir = tempDir();
  const file = path.join(dir, 'sw.sqlite');
  const app = openDatabase(file);
  const id = createRecord(app, ME, seedInput());
  const line1 = readRecord(app, id, { asOf: undefined }).disbursementIds[0];
  editCells(app, ME, id, 'disbursements', [{ rowId: line1, field: 'actual', value: '650' }], []);

  // The colleague's copy (another county) is put in place by rename, as sync tools do.
  const other = path.join(dir, 'other.sqlite');
  const colleague = openDatabase(other);
  const input = seedInput();
  createRecord(colleague, ME, { ...input, county: { ...input.county, name: '瑞金市', prefecture: '赣州市' } });
  colleague.close();
  fs.renameSync(other, file);

  const e = refusal(() => editCells(app, ME, id, 'disbursements', [{ rowId: line1, field: 'actual', value: '700' }], []));
  expect([e.code, e.messages.zh]).toEqual(['file_replaced', expect.stringContaining(`数据文件 ${file} 已被另一个程序替换或移走`)]);
  app.close();

  // What the app held before (樟树市, line 1 at 650) is kept beside, as the message says.
  const { keptAs } = e.details as { keptAs: string };
  expect(e.messages.zh).toContain(keptAs);
  const kept = openDatabase(keptAs);
  expect(readRecord(kept, id, { asOf: undefined }).record.disbursements[0].actual).toBe('650');
  kept.close();

  // The file at the path is the colleague's, sound, with its one county.
  const check = new Database(file, { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();
  const reopened = openDatabase(file);
  expect(listRecords(reopened, { asOf: undefined }).map((r) => r.county)).toEqual(['瑞金市']);
  reopened.close();
});

it('a data file with a second name (a hard link) is refused at open, and a second name given while open stops the next write: two names would keep two WALs and lose one side’s changes', () => {
  const dir = tempDir();
  const file = path.join(dir, 'a.sqlite');
  const app = openDatabase(file);
  const id = createRecord(app, ME, seedInput());
  const line1 = readRecord(app, id, { asOf: undefined }).disbursementIds[0];
  editCells(app, ME, id, 'disbursements', [{ rowId: line1, field: 'actual', value: '650' }], []);

  fs.linkSync(file, path.join(dir, 'b.sqlite'));
  const write = refusal(() => editCells(app, ME, id, 'disbursements', [{ rowId: line1, field: 'actual', value: '700' }], []));
  expect([write.code, write.messages.zh]).toEqual([
    'linked_database',
    expect.stringContaining(`数据文件 ${file} 在磁盘上有 2 个名字(硬链接)`),
  ]);
  app.close();

  const open = refusal(() => openDatabase(path.join(dir, 'b.sqlite')));
  expect([open.code, open.messages.zh]).toEqual(['linked_database', expect.stringContaining('请把它复制成一个独立的文件')]);
  expect(fs.existsSync(path.join(dir, 'b.sqlite-wal'))).toBe(false);

  // Once it has one name again, it opens with what was saved before the link (650, not the refused 700).
  fs.rmSync(path.join(dir, 'b.sqlite'));
  const again = openDatabase(file);
  expect(readRecord(again, id, { asOf: undefined }).record.disbursements[0].actual).toBe('650');
  again.close();
});

it('reopening after the file was replaced opens the file now at the path; with no file there, or a damaged one, it is refused in words and the app keeps what it had', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'r.sqlite');
  const ctx: ApiContext = { db: openDatabase(file), dbFile: 'r.sqlite', version: 'test', renderPdf: async () => new Uint8Array([1]) };
  createRecord(ctx.db, ME, seedInput());
  let threads = 0;
  const reopen = () => reopenDataFile(ctx, async () => void threads++);

  // Moved away: nothing to open there (opening would make a new, empty file).
  fs.renameSync(file, path.join(dir, 'moved.sqlite'));
  const gone = await reopen().catch((e: AppError) => e);
  expect([(gone as AppError).code, (gone as AppError).messages.zh]).toEqual([
    'no_file',
    expect.stringContaining(`${file} 处已没有数据文件`),
  ]);
  expect(fs.existsSync(file)).toBe(false);
  // Not a data file (its WAL, kept by path, is the old handle's: emptied first, never read as the new file's):
  // refused as on opening, and the handle is the old one still.
  fs.writeFileSync(file, Buffer.alloc(8192, 7));
  expect(((await reopen().catch((e: AppError) => e)) as AppError).code).toBe('unreadable_database');
  expect(listRecords(ctx.db, { asOf: undefined }).map((r) => r.county)).toEqual(['樟树市']);

  // A colleague's sound file put there: opened in place of the old handle.
  const colleague = openDatabase(path.join(dir, 'c.sqlite'));
  const input = seedInput();
  createRecord(colleague, ME, { ...input, county: { ...input.county, name: '瑞金市', prefecture: '赣州市' } });
  colleague.close();
  fs.renameSync(path.join(dir, 'c.sqlite'), file);
  const old = ctx.db;
  await reopen();
  // The long calls' thread let go of the old file first, each time.
  expect([threads, old.open, listRecords(ctx.db, { asOf: undefined }).map((r) => r.county)]).toEqual([2, false, ['瑞金市']]);
  ctx.db.close();
});
