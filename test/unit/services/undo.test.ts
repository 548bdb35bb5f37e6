// Undo and redo per client: each window, tab or CLI run replays its own steps, never over a row
// another client changed since, and asks before a step that would remove a whole county.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { type DB } from '../../../electron/services/store/database';
import { createRecord, readRecord, removeRecord } from '../../../electron/services/store/records';
import { editCells, insertRows, updateCounty } from '../../../electron/services/store/edits';
import { history, mutate, replay, type Actor } from '../../../electron/services/store/changelog';
import { backupsFolder } from '../../../electron/services/store/backup';
import { AppError } from '../../../shared/errors';
import { stepLabel } from '../../../shared/steps';
import { ME, ROOT, referenceFixture, seedInput, tempDir } from '../../helpers/fixtures';
import { newStore, openDataFile } from '../../helpers/backend';
import { refusal } from '../../helpers/store';

const A: Actor = { client: 'window-a', kind: 'desktop' };
const B: Actor = { client: 'tab-b', kind: 'web' };

/** The seed in a new store on the backend under test, or (`dataFile`) in a data file of its own: backups, a second process. */
function setup(dataFile = false) {
  const file = path.join(tempDir(), 'undo.sqlite');
  const db = dataFile ? openDataFile(file) : newStore();
  const id = createRecord(db, ME, seedInput());
  const { itemIds, disbursementIds } = readRecord(db, id, { asOf: undefined });
  return { db, file, id, itemIds, disbursementIds };
}

const actual = (db: DB, id: number) => readRecord(db, id, { asOf: undefined }).record.disbursements.map((d) => d.actual);
const undo = (db: DB, actor: Actor, confirm = false) => replay(db, db.name, actor, 'undo', { confirm });
const redo = (db: DB, actor: Actor, confirm = false) => replay(db, db.name, actor, 'redo', { confirm });

describe('undo per client', () => {
  it("a window's undo reverts its own edit, never another window's later edit of another row", () => {
    const { db, id, itemIds } = setup();
    editCells(db, A, id, 'items', [{ rowId: itemIds[1], field: 'completionRate', value: '50' }], []);
    editCells(db, B, id, 'items', [{ rowId: itemIds[2], field: 'completionRate', value: '60' }], []);
    const step = undo(db, A).steps[0];
    expect(step).toMatchObject({ action: 'edit', detail: { county: '樟树市', table: 'items', row: 2, field: 'completionRate' } });
    const items = readRecord(db, id, { asOf: undefined }).record.items;
    expect(items[1].completionRate).toBe('100');
    expect(items[2].completionRate).toBe('60');
    expect(undo(db, A).steps).toEqual([]);
  });

  it('refuses to undo over a cell another window changed since, naming who and when, changing nothing', () => {
    const { db, id, disbursementIds } = setup();
    editCells(db, A, id, 'disbursements', [{ rowId: disbursementIds[0], field: 'actual', value: '700' }], []);
    editCells(db, B, id, 'disbursements', [{ rowId: disbursementIds[0], field: 'actual', value: '650' }], []);
    const e = refusal(() => undo(db, A));
    expect(e.code).toBe('undo_conflict');
    expect(e.messages.zh).toMatch(/浏览器窗口在 .*\d{2}:\d{2}:\d{2} 再次修改/);
    expect(e.details).toMatchObject({ by: 'web' });
    expect(actual(db, id)[0]).toBe('650');
    expect(history(db, A).undo?.action).toBe('edit');
    // The other window's own undo is fine, and then A's is too.
    undo(db, B);
    expect(actual(db, id)[0]).toBe('700');
    undo(db, A);
    expect(actual(db, id)[0]).toBe('640.21');
  });

  it('another field of the same row is not a conflict', () => {
    const { db, id, disbursementIds } = setup();
    editCells(db, A, id, 'disbursements', [{ rowId: disbursementIds[0], field: 'actual', value: '700' }], []);
    editCells(db, B, id, 'disbursements', [{ rowId: disbursementIds[0], field: 'planned', value: '800' }], []);
    undo(db, A);
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0]).toMatchObject({ actual: '640.21', planned: '800' });
  });

  it('refuses a redo over a cell another window changed after the undo', () => {
    const { db, id, disbursementIds } = setup();
    editCells(db, A, id, 'disbursements', [{ rowId: disbursementIds[0], field: 'actual', value: '700' }], []);
    undo(db, A);
    editCells(db, B, id, 'disbursements', [{ rowId: disbursementIds[0], field: 'actual', value: '600' }], []);
    expect(refusal(() => redo(db, A)).code).toBe('undo_conflict');
    expect(actual(db, id)[0]).toBe('600');
  });

  it("a new edit drops this window's redo, not another window's", () => {
    const { db, id, disbursementIds } = setup();
    editCells(db, A, id, 'disbursements', [{ rowId: disbursementIds[0], field: 'actual', value: '700' }], []);
    editCells(db, B, id, 'disbursements', [{ rowId: disbursementIds[1], field: 'actual', value: '300' }], []);
    undo(db, A);
    undo(db, B);
    editCells(db, A, id, 'disbursements', [{ rowId: disbursementIds[2], field: 'actual', value: '120' }], []);
    expect(history(db, A).redo).toBeNull();
    expect(history(db, B).redo?.detail.row).toBe(2);
    redo(db, B);
    expect(actual(db, id)[1]).toBe('300');
  });

  it('names each step as a person would, in both languages', () => {
    const { db, id, disbursementIds } = setup();
    editCells(db, A, id, 'disbursements', [{ rowId: disbursementIds[0], field: 'actual', value: '700' }], []);
    editCells(
      db,
      A,
      id,
      'disbursements',
      [
        { rowId: disbursementIds[0], field: 'actual', value: '1' },
        { rowId: disbursementIds[1], field: 'actual', value: '2' },
      ],
      [],
      'paste',
    );
    insertRows(db, A, id, 'items', 2, 1);
    const [insert, paste, edit] = history(db, A).steps;
    expect(stepLabel(edit, 'zh')).toBe('编辑 樟树市 三 第1行 实际拨付额度(万元)');
    expect(stepLabel(paste, 'zh')).toBe('粘贴 樟树市 三 2 行 × 1 列');
    expect(stepLabel(insert, 'zh')).toBe('插入行 樟树市 二 第3行');
    expect(stepLabel(edit, 'en')).toBe('Edit 樟树市, table 3, row 1, disbursed (10k yuan)');
  });
});

describe('an undo that would remove a whole county', () => {
  it('asks first and changes nothing without a yes', () => {
    // A data file of its own, so that "no backup was made" looks in its own folder.
    const { db, id } = setup(true);
    const asked = undo(db, ME);
    expect(asked.steps).toEqual([]);
    expect(asked.needsConfirm.map((s) => [s.action, s.detail.county, s.removesRecord])).toEqual([['create', '樟树市', true]]);
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
    expect(fs.existsSync(backupsFolder(db.name))).toBe(false);
  });

  it('with a yes, backs the data file up first, then removes it; redo brings it back', () => {
    const { db, id } = setup(true);
    const done = undo(db, ME, true);
    expect(done.steps[0].action).toBe('create');
    expect(done.backup).toMatch(/backups/);
    expect(fs.existsSync(done.backup!)).toBe(true);
    expect(() => readRecord(db, id, { asOf: undefined })).toThrow(AppError);
    // Redo of a creation removes nothing: no question.
    expect(redo(db, ME).steps[0].action).toBe('create');
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
  });

  it('is refused when another window has since added to that county (its rows would go too)', () => {
    const { db, id } = setup();
    insertRows(db, B, id, 'disbursements', 6, 1);
    expect(refusal(() => undo(db, ME, true)).code).toBe('undo_conflict');
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements).toHaveLength(7);
  });

  it('is refused, naming the county, when it has been created again since (a re-import): nothing changed, undo not stuck on an error', () => {
    const { db, id } = setup();
    mutate(db, A, { action: 'delete record', recordId: id, detail: { county: '樟树市', batch: 8 } }, (changes) =>
      removeRecord(db, changes, id),
    );
    const again = createRecord(db, B, seedInput());
    const e = refusal(() => undo(db, A, true));
    expect([e.code, e.messages.zh]).toEqual(['undo_conflict', expect.stringContaining('樟树市 第8批')]);
    expect(readRecord(db, again, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
    // The same for a batch given back: A moved 樟树市 to batch 9, B made a new batch 8 meanwhile.
    updateCounty(db, A, again, 'batch', 9);
    createRecord(db, B, seedInput());
    expect(refusal(() => undo(db, A)).code).toBe('undo_conflict');
    expect(readRecord(db, again, { asOf: undefined }).record.county.batch).toBe(9);
  });

  it('jumps back through several steps at once, as one action', () => {
    const { db, id, disbursementIds } = setup();
    editCells(db, ME, id, 'disbursements', [{ rowId: disbursementIds[0], field: 'actual', value: '700' }], []);
    editCells(db, ME, id, 'disbursements', [{ rowId: disbursementIds[1], field: 'actual', value: '300' }], []);
    const steps = history(db, ME).steps;
    const target = steps[1];
    const r = replay(db, db.name, ME, 'undo', { through: target.id });
    expect(r.steps.map((s) => s.detail.row)).toEqual([2, 1]);
    expect(actual(db, id).slice(0, 2)).toEqual(['640.21', '285.4']);
    expect(replay(db, db.name, ME, 'redo', { through: target.id }).steps.map((s) => s.detail.row)).toEqual([1]);
    expect(actual(db, id).slice(0, 2)).toEqual(['700', '285.4']);
  });
});

describe('two processes writing at once', { tags: ['another-program'] }, () => {
  it('undo, redo and pastes wait for the other writer: no "database is locked", no false "序号 repeats"', async () => {
    const { db, file, id, disbursementIds } = setup(true);
    const stop = `${file}.stop`;
    const script = `
      import { openDatabase } from './electron/services/store/database.ts';
      import { editCells } from './electron/services/store/edits.ts';
      import fs from 'node:fs';
      const db = openDatabase(${JSON.stringify(file)});
      const other = { client: 'other-process', kind: 'cli' };
      fs.writeSync(1, 'ready\\n');
      let n = 0;
      while (!fs.existsSync(${JSON.stringify(stop)}) && n < 100000) editCells(db, other, ${id}, 'items', [], [{ name: 'row ' + n++, target: 'x' }], 'paste');
      fs.writeSync(1, 'done ' + n + '\\n');
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((r) => child.once('exit', r));
    let out = '';
    child.stdout!.on('data', (c) => (out += c));
    await new Promise<void>((resolve) => child.stdout!.on('data', () => out.includes('ready') && resolve()));
    const errors: string[] = [];
    let refusedReplays = 0;
    for (let cycle = 0; cycle < 40; cycle++) {
      try {
        editCells(db, ME, id, 'disbursements', [{ rowId: disbursementIds[0], field: 'actual', value: String(600 + cycle) }], []);
        editCells(db, ME, id, 'items', [], [{ name: `mine ${cycle}` }], 'paste');
        undo(db, ME);
        redo(db, ME);
      } catch (e) {
        // A redo may be refused, by name, when the other process took the 序号 it would bring back.
        if (e instanceof AppError && e.code === 'undo_conflict') refusedReplays++;
        else errors.push((e as Error).message);
      }
      await new Promise((r) => setImmediate(r));
    }
    fs.writeFileSync(stop, '');
    await exited;
    expect(errors).toEqual([]);
    expect(Number(/done (\d+)/.exec(out)?.[1])).toBeGreaterThan(0);
    const seqs = readRecord(db, id, { asOf: undefined }).record.items.map((i) => i.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});
