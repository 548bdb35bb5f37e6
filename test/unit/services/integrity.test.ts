// Integrity (issue 21): nothing another window, a race or a hostile file can undo, unlock or take.
// Rules of the store and of the contract's dispatch, whatever screen (or script) calls them.
import { describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { deleteRows, editCells } from '../../../electron/services/store/edits';
import { editPayments } from '../../../electron/services/store/payments';
import { readStatus, setStatus } from '../../../electron/services/store/status';
import { history, mutate, replay, type Actor } from '../../../electron/services/store/changelog';
import { backupsFolder, listBackups, pruneBackups } from '../../../electron/services/store/backup';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import { AppError } from '../../../shared/errors';
import { today } from '../../../shared/ledger';
import type { Output } from '../../../shared/contract';
import { ME, ROOT, seedInput, tempDir } from '../../helpers/fixtures';
import { refusal } from '../../helpers/store';
import { openDataFile } from '../../helpers/backend';

const A: Actor = { client: 'window-a', kind: 'desktop' };
const B: Actor = { client: 'tab-b', kind: 'web' };

function setup() {
  const file = path.join(tempDir(), 'integrity.sqlite');
  const db = openDataFile(file);
  const id = createRecord(db, ME, seedInput());
  return { db, file, id };
}

const undo = (db: DB, actor: Actor) => replay(db, db.name, actor, 'undo', { confirm: true });
const redo = (db: DB, actor: Actor) => replay(db, db.name, actor, 'redo', { confirm: true });

const paymentsOf = (db: DB, id: number) => readRecord(db, id, { asOf: undefined }).record.payments ?? [];
const lines = (db: DB, id: number) => readRecord(db, id, { asOf: undefined }).record.disbursements.map((d) => d.seq);

describe("another window's undo or redo never deletes payments (issue 21 #1)", () => {
  /** Window A appends line 7; window B enters 3 payments under it (each its own step). */
  function lineWithTheirPayments() {
    const s = setup();
    const [line] = editCells(s.db, A, s.id, 'disbursements', [], [{ name: '新增线路', planned: '100' }], 'paste');
    const seq = readRecord(s.db, s.id, { asOf: undefined }).record.disbursements.at(-1)!.seq;
    for (const day of ['2022-01-05', '2022-02-05', '2022-03-05'])
      editPayments(s.db, B, s.id, [], [{ line: String(seq), date: day, amount: '10', payee: '某公司' }]);
    return { ...s, line, seq };
  }

  it("A's undo of the line is refused naming B's 3 payments; nothing is deleted; B's own undo still works, then A's", () => {
    const { db, id, seq } = lineWithTheirPayments();
    const e = refusal(() => undo(db, A));
    expect(e.code).toBe('undo_conflict');
    expect(e.messages.zh).toContain(`序号 ${seq}`);
    expect(e.messages.zh).toContain('3 笔拨付');
    expect(e.messages.zh).toContain('浏览器窗口');
    expect(e.messages.en).toContain('3 payment(s)');
    expect(paymentsOf(db, id)).toHaveLength(3);
    expect(lines(db, id)).toContain(seq);
    // B's undo takes back B's own payment, one step each.
    for (let n = 2; n >= 0; n--) {
      expect(undo(db, B).steps).toHaveLength(1);
      expect(paymentsOf(db, id)).toHaveLength(n);
    }
    expect(undo(db, A).steps).toHaveLength(1);
    expect(lines(db, id)).not.toContain(seq);
  });

  it("A's redo of a line's deletion is refused once B entered payments under the line again", () => {
    const { db, id } = setup();
    const { disbursementIds } = readRecord(db, id, { asOf: undefined });
    deleteRows(db, A, id, 'disbursements', [disbursementIds[1]]);
    undo(db, A);
    editPayments(db, B, id, [], [{ line: '2', date: '2022-01-05', amount: '10' }]);
    const e = refusal(() => redo(db, A));
    expect(e.code).toBe('undo_conflict');
    expect(e.messages.zh).toContain('1 笔拨付');
    expect(paymentsOf(db, id)).toHaveLength(1);
    expect(lines(db, id)).toContain(2);
  });

  it('every deletion is in the change log, cascaded or not: removing a line removes its payments as logged changes, and undo brings them back', () => {
    const { db, id, line } = lineWithTheirPayments();
    // Whatever path deletes a line (here a bare step), the rows that hang on it go through the log, not ON DELETE CASCADE.
    mutate(db, A, { action: 'delete rows', recordId: id }, (changes) => changes.remove('disbursements', line));
    expect(paymentsOf(db, id)).toHaveLength(0);
    const logged = db.prepare("SELECT count(*) FROM changes WHERE table_name = 'payments' AND after IS NULL").pluck().get();
    expect(logged).toBe(3);
    undo(db, A);
    expect(paymentsOf(db, id)).toHaveLength(3);
  });
});

describe('the sign-off (issue 21 #3, #5, #6)', () => {
  const accept = (db: DB, id: number) => setStatus(db, ME, id, { status: 'accepted', by: '审核员甲', remark: '验收通过' });

  it('(#3) undoing an unlock after the figures changed is refused naming the change; the record stays unlocked with the new figures', () => {
    const { db, id } = setup();
    const reviewer: Actor = { client: 'reviewer', kind: 'desktop' };
    setStatus(db, reviewer, id, { status: 'accepted', by: '审核员甲', remark: '验收通过' });
    setStatus(db, reviewer, id, { status: 'reviewed', by: '审核员甲', reason: '补录凭证' });
    editCells(
      db,
      B,
      id,
      'disbursements',
      [{ rowId: readRecord(db, id, { asOf: undefined }).disbursementIds[0], field: 'actual', value: '775.0' }],
      [],
    );
    const e = refusal(() => undo(db, reviewer));
    expect(e.code).toBe('changed_since');
    expect(e.messages.zh).toContain('浏览器窗口');
    expect(e.messages.zh).toContain('实际拨付额度');
    expect(readStatus(db, id).status).toBe('reviewed');
    expect(readRecord(db, id, { asOf: undefined }).record.totals.actual).toBe('1370.75');
    // Once the change is taken back, the figures are those accepted: the undo restores the acceptance.
    undo(db, B);
    undo(db, reviewer);
    expect(readStatus(db, id)).toMatchObject({ status: 'accepted', by: '审核员甲', remark: '验收通过' });
  });

  it('(#5) accepting an accepted record is refused naming the first acceptance, which stays as it was', () => {
    const { db, id } = setup();
    const first = accept(db, id);
    const e = refusal(() => setStatus(db, B, id, { status: 'accepted', by: '某人' }));
    expect(e.code).toBe('already_accepted');
    expect(e.messages.zh).toContain('审核员甲');
    expect(readStatus(db, id)).toEqual(first);
    expect(history(db, B).steps).toHaveLength(0);
  });

  it('(#6) an acceptance carries the version the window read; a record changed since is refused naming who changed what', async () => {
    const { db, file, id } = setup();
    const ctx: ApiContext = { db, dbFile: file, version: 'test', renderPdf: async () => new Uint8Array() };
    const seen = (await dispatch(ctx, 'getRecord', { id }, A)) as { ok: true; value: Output<'getRecord'> };
    await dispatch(
      ctx,
      'editCells',
      { recordId: id, table: 'disbursements', edits: [{ rowId: seen.value.disbursementIds[0], field: 'actual', value: '700' }] },
      B,
    );
    const stale = await dispatch(ctx, 'setStatus', { id, status: 'accepted', by: '审核员甲', version: seen.value.version }, A);
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe('record_changed');
    expect(stale.error.messages?.zh).toMatch(/浏览器窗口在 .*编辑 樟树市 三 第1行 实际拨付额度/);
    expect(readStatus(db, id).status).toBe('draft');
    // A status change does not change the figures: the version read before it still accepts.
    const fresh = (await dispatch(ctx, 'getRecord', { id }, A)) as { ok: true; value: Output<'getRecord'> };
    expect(fresh.value.version).not.toBe(seen.value.version);
    expect((await dispatch(ctx, 'setStatus', { id, status: 'reviewed', by: '审核员甲', version: fresh.value.version }, A)).ok).toBe(true);
    expect((await dispatch(ctx, 'setStatus', { id, status: 'accepted', by: '审核员甲', version: fresh.value.version }, A)).ok).toBe(true);
  });

  it('(#6) an undo or redo of a change raises the version as much as the change did', () => {
    const { db, id } = setup();
    const version = () => db.prepare('SELECT version FROM records WHERE id = ?').pluck().get(id) as number;
    const v0 = version();
    editCells(
      db,
      A,
      id,
      'disbursements',
      [{ rowId: readRecord(db, id, { asOf: undefined }).disbursementIds[0], field: 'actual', value: '700' }],
      [],
    );
    const v1 = version();
    expect(v1).toBeGreaterThan(v0);
    undo(db, A);
    expect(version()).toBeGreaterThan(v1);
    setStatus(db, A, id, { status: 'submitted', by: '李会计' });
    const v2 = version();
    undo(db, A);
    expect(version()).toBe(v2);
  });
});

describe('status changes in a race (issue 21 #4): read, decide and write hold one write lock', { tags: ['another-program'] }, () => {
  /** Another process accepts the record (or sets `status`) and holds the write lock for a moment before committing. */
  function otherProcessSets(file: string, id: number, status: string) {
    const script = `
      import { openDatabase } from './electron/services/store/database.ts';
      import { setStatus } from './electron/services/store/status.ts';
      import fs from 'node:fs';
      const db = openDatabase(${JSON.stringify(file)});
      db.transaction(() => {
        setStatus(db, { client: 'reviewer-process', kind: 'cli' }, ${id}, { status: ${JSON.stringify(status)}, by: '审核员甲' });
        fs.writeSync(1, 'holding\\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
        fs.writeSync(1, 'committing ' + new Date().toISOString() + '\\n');
      }).immediate();
      db.close();
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const holding = new Promise<void>((resolve) => child.stdout!.on('data', (c) => (out += c) && out.includes('holding') && resolve()));
    return { holding, exited, committedAt: () => /committing (\S+)/.exec(out)?.[1] ?? '' };
  }

  it('an acceptance that commits while "已审核 → 草稿, no reason" waits: the unlock is refused, 5 runs out of 5', async () => {
    for (let run = 0; run < 5; run++) {
      const { db, file, id } = setup();
      setStatus(db, ME, id, { status: 'reviewed', by: '王科长' });
      const other = otherProcessSets(file, id, 'accepted');
      await other.holding;
      const e = refusal(() => setStatus(db, B, id, { status: 'draft', by: '编辑乙' }));
      await other.exited;
      expect(e.code).toBe('reason_needed');
      expect(readStatus(db, id)).toMatchObject({ status: 'accepted', by: '审核员甲' });
    }
  });

  it('the time recorded is when the change got the write lock, after the change it waited for', async () => {
    const { db, file, id } = setup();
    const other = otherProcessSets(file, id, 'submitted');
    await other.holding;
    const mine = setStatus(db, B, id, { status: 'reviewed', by: '王科长' });
    await other.exited;
    expect(mine.at! >= other.committedAt()).toBe(true);
    expect(readStatus(db, id)).toMatchObject({ status: 'reviewed', by: '王科长', at: mine.at });
  });
});

describe('files (issue 21 #7, #9)', () => {
  it('(#7) a read-only data file is refused in one line and its permissions are left as they were', () => {
    const { db, file } = setup();
    db.close();
    fs.chmodSync(file, 0o444);
    const e = refusal(() => openDatabase(file));
    expect(e.code).toBe('read_only');
    expect(e.messages.zh).toContain(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
  });

  it('(#9) a refused delete takes no backup and prunes none; a manual backup outlives any number of automatic ones', async () => {
    const { db, file, id } = setup();
    const ctx: ApiContext = { db, dbFile: file, version: 'test', renderPdf: async () => new Uint8Array() };
    const manual = await dispatch(ctx, 'backupNow', {}, A);
    expect(manual.ok).toBe(true);
    setStatus(db, ME, id, { status: 'accepted', by: '审核员甲' });
    for (let n = 0; n < 21; n++) {
      const r = await dispatch(ctx, 'deleteRecord', { id }, A);
      expect(r.ok ? 'deleted' : r.error.code).toBe('locked');
    }
    // So is a replacing import of the accepted record.
    const { importWorkbooks } = await import('../../../electron/services/excel/import');
    const { exportWorkbook } = await import('../../../electron/services/excel/export');
    const bytes = new Uint8Array(await exportWorkbook([readRecord(db, id, { asOf: undefined }).record]));
    const replaced = await importWorkbooks(db, A, file, [{ name: 'again.xlsx', bytes }], { onConflict: 'replace', dryRun: false }).catch(
      (e: AppError) => e,
    );
    expect(replaced instanceof AppError ? replaced.code : replaced.committed).toBe(replaced instanceof AppError ? 'locked' : false);
    expect(listBackups(file).map((b) => b.reason)).toEqual(['manual']);
    // 25 automatic backups: the manual one stays.
    fs.mkdirSync(backupsFolder(file), { recursive: true });
    for (let n = 0; n < 25; n++)
      fs.writeFileSync(path.join(backupsFolder(file), `integrity-2099-01-01T00-00-${String(n).padStart(2, '0')}-000Z-delete.sqlite`), '');
    pruneBackups(file);
    const left = listBackups(file);
    expect(left.filter((b) => b.reason === 'delete')).toHaveLength(20);
    expect(left.filter((b) => b.reason === 'manual')).toHaveLength(1);
  });

  it("(#9) a backup's .partial left by a kill is removed at the next start; another file's is not", () => {
    const { db, file } = setup();
    db.close();
    const folder = backupsFolder(file);
    fs.mkdirSync(folder, { recursive: true });
    const mine = path.join(folder, 'integrity-2026-01-01T00-00-00-000Z-delete.sqlite.partial');
    const theirs = path.join(folder, 'other-2026-01-01T00-00-00-000Z-delete.sqlite.partial');
    for (const f of [mine, theirs]) {
      fs.writeFileSync(f, 'half a copy');
      fs.utimesSync(f, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    }
    openDataFile(file);
    expect(fs.existsSync(mine)).toBe(false);
    expect(fs.existsSync(theirs)).toBe(true);
  });
});

describe('names from outside (issue 21 #12)', () => {
  const ESCAPES = 'evil\u001b]0;owned\u0007\u001b[2J\r\n[info] forged line\u009b31m\u202e.xlsx';

  it('control characters in an import file name never reach the findings, the result, the change log or the terminal', async () => {
    const { db, file } = setup();
    const { importWorkbooks } = await import('../../../electron/services/excel/import');
    const { bytesOf, typedSeedWorkbook } = await import('../../fixtures/workbooks');
    const bytes = await bytesOf(typedSeedWorkbook({ script: 'hans' }));
    const sheetless = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    const result = await importWorkbooks(
      db,
      A,
      file,
      [
        { name: ESCAPES, bytes },
        { name: `2-${ESCAPES}`, bytes: sheetless },
      ],
      { onConflict: 'replace', dryRun: false, skipUnreadable: true },
    );
    const shown = JSON.stringify(result) + JSON.stringify(db.prepare('SELECT detail FROM steps').pluck().all());
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]|\\u00(1|7f|8|9)/i);
    expect(result.records[0].file).toBe('evil]0;owned[2J[info] forged line31m.xlsx');
    // The command line prints what it read: one line per record, no escape sequence.
    const dir = tempDir();
    const hostile = path.join(dir, ESCAPES);
    fs.writeFileSync(hostile, bytes);
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'electron/cli/bin.mjs'),
        'import',
        hostile,
        path.join(dir, `missing-${ESCAPES}`),
        '--db',
        path.join(dir, 'cli.sqlite'),
        '--dry-run',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stdout + r.stderr).toContain('forged line');
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect((r.stdout + r.stderr).split('\n').filter((l) => l.startsWith('[info] forged'))).toEqual([]);
  });

  it("a county named with / \\ or .. never makes a path of the export's or the PDF's default file name", async () => {
    const { db, file } = setup();
    const ctx: ApiContext = { db, dbFile: file, version: 'test', renderPdf: async () => new Uint8Array([37, 80, 68, 70]) };
    for (const name of ['../../../etc/樟树', '..\\..\\Windows\\樟树', '..', 'a/b\\c..d']) {
      const input = seedInput();
      input.county = { ...input.county, name, batch: 3 };
      db.prepare('DELETE FROM records WHERE batch = 3').run();
      const id = createRecord(db, ME, input);
      for (const method of ['exportWorkbook', 'exportPdf'] as const) {
        const r = (await dispatch(ctx, method, { ids: [id], script: 'hans' }, A)) as { ok: true; value: { fileName: string } };
        expect(r.ok).toBe(true);
        expect(r.value.fileName).not.toMatch(/[/\\]|\.\./);
        expect(path.basename(r.value.fileName)).toBe(r.value.fileName);
        expect(r.value.fileName).toMatch(/-第3批-验收表\.(xlsx|pdf)$/);
      }
    }
  });
});

describe("a line's payments add up to one amount (issue 21 #13)", () => {
  const MAX = '999999999.999999';

  it('payments that would sum past the largest amount are refused naming the line — added, edited, moved or imported — and what is kept exports and imports again', async () => {
    const { db, file, id } = setup();
    editPayments(
      db,
      A,
      id,
      [],
      [
        { line: '1', date: '2022-01-05', amount: '999999999' },
        { line: '1', date: '2022-02-05', amount: '0.999999' },
      ],
    );
    const more = refusal(() => editPayments(db, A, id, [], [{ line: '1', date: '2022-03-05', amount: '0.000001' }]));
    expect(more.code).toBe('too_large');
    expect(more.messages.zh).toContain('序号 1');
    const ids = readRecord(db, id, { asOf: undefined }).paymentIds;
    expect(refusal(() => editPayments(db, A, id, [{ paymentId: ids[1], field: 'amount', value: '1' }], [])).code).toBe('too_large');
    editPayments(db, A, id, [], [{ line: '2', date: '2022-03-05', amount: '5' }]);
    const moved = readRecord(db, id, { asOf: undefined }).paymentIds.find((p) => !ids.includes(p))!;
    expect(refusal(() => editPayments(db, A, id, [{ paymentId: moved, field: 'line', value: '1' }], [])).messages.zh).toContain('序号 1');
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0].actual).toBe(MAX);
    // The app's own export of the record imports again, whole.
    const { exportWorkbook } = await import('../../../electron/services/excel/export');
    const { importWorkbooks } = await import('../../../electron/services/excel/import');
    const bytes = new Uint8Array(await exportWorkbook([readRecord(db, id, { asOf: undefined }).record]));
    // (Its figures are far past 安排使用中央资金: doubts a person confirms before it lands — confirmed here.)
    const again = await importWorkbooks(db, A, file, [{ name: 'own-export.xlsx', bytes }], {
      onConflict: 'replace',
      dryRun: true,
      confirm: 'all',
    });
    expect(again.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(again.ok).toBe(true);
    // A record whose ledger sums past it is not stored, by any path.
    const input = seedInput();
    input.county = { ...input.county, batch: 5 };
    input.payments = [
      { line: 1, date: '2022-01-05', amount: MAX, payee: '', voucher: '', stage: '', note: '' },
      { line: 1, date: '2022-01-06', amount: '1', payee: '', voucher: '', stage: '', note: '' },
    ];
    expect(refusal(() => createRecord(db, A, input)).code).toBe('too_large');
    expect(db.prepare('SELECT count(*) FROM records WHERE batch = 5').pluck().get()).toBe(0);
  });

  it("an undo that would bring a line's payments past the largest amount is refused naming the line; the line keeps its sum", () => {
    const { db, id } = setup();
    // Window A pays 999999999 万元 on line 1 and corrects it to 0.5; window B then pays 999999999 on that line.
    editPayments(db, A, id, [], [{ line: '1', date: '2022-01-05', amount: '999999999' }]);
    const [paid] = readRecord(db, id, { asOf: undefined }).paymentIds;
    editPayments(db, A, id, [{ paymentId: paid, field: 'amount', value: '0.5' }], []);
    editPayments(db, B, id, [], [{ line: '1', date: '2022-02-05', amount: '999999999' }]);
    // A's undo of the correction would make line 1 1999999999 万元.
    const e = refusal(() => undo(db, A));
    expect(e.code).toBe('too_large');
    expect(e.messages.zh).toContain('序号 1');
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0].actual).toBe('999999999.5');
  });
});

describe('damaged data files name the damage and the newest sound backup (issue 21 #15)', () => {
  const damages: [string, string][] = [
    ['its schema version was set back to 0', 'PRAGMA user_version = 0'],
    ['its schema version was set back to 2', 'PRAGMA user_version = 2'],
    ['a table was dropped', 'DROP TABLE payments'],
    ['a column was dropped', 'ALTER TABLE records DROP COLUMN version'],
    ['a table was renamed', 'ALTER TABLE items RENAME TO items_old'],
    ['an amount is not a number', "UPDATE records SET investment_total_fen = 'abc'"],
    ['an amount is negative (a repair tool)', 'UPDATE disbursements SET actual_fen = -100'],
  ];
  for (const [what, sql] of damages)
    it(`${what}: refused untouched, naming the newest sound backup (not a damaged newer one)`, async () => {
      const { db, file } = setup();
      const { backupDatabase } = await import('../../../electron/services/store/backup');
      const sound = backupDatabase(db, file, 'manual')!;
      db.close();
      const Database = (await import('better-sqlite3')).default;
      const raw = new Database(file);
      raw.exec(sql);
      raw.close();
      // A newer backup of the damaged file is no sound backup.
      fs.copyFileSync(file, path.join(backupsFolder(file), 'integrity-2999-01-01T00-00-00-000Z-delete.sqlite'));
      const before = fs.readFileSync(file);
      const e = refusal(() => openDatabase(file));
      expect(e.code).toBe('damaged_database');
      expect(e.messages.zh).toContain('已损坏');
      expect(e.messages.zh).toContain(sound);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    });
});

describe('(attack4 4e) a ledger brought in by import is held to the same day as a typed payment', () => {
  it("an import's payment after the person's day is refused at its commit, naming the county and the payment; nothing is written", async () => {
    const { importWorkbooks } = await import('../../../electron/services/excel/import');
    const { exportWorkbook } = await import('../../../electron/services/excel/export');
    const { db, file, id } = setup();
    const dayAgo = (days: number) => today(new Date(Date.now() - days * 86_400_000));
    editPayments(db, A, id, [], [{ line: 1, date: dayAgo(1), amount: '10' }]);
    const before = readRecord(db, id, { asOf: undefined }).record;
    const bytes = new Uint8Array(await exportWorkbook([before]));
    // The workbook is read (on its own thread) by today's clock; the commit is made where the clock says three
    // days ago — the day the payment is checked against at the commit, whoever read the workbook.
    const threeDaysAgo = dayAgo(3);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 3 * 86_400_000 });
    const e = await importWorkbooks(db, A, file, [{ name: 'again.xlsx', bytes }], {
      onConflict: 'replace',
      dryRun: false,
      confirm: 'all',
    }).catch((e: unknown) => e);
    vi.useRealTimers();
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).messages.zh).toBe(
      `樟树市:拨付台账第 1 笔 拨付日期“${dayAgo(1)}”在今天(${threeDaysAgo})之后:拨付台账只记已经拨付的款项,请核对日期(年份是否写错?)`,
    );
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(before);
  });
});
