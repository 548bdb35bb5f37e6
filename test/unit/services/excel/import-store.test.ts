import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../../electron/services/store/database';
import { importWorkbooks } from '../../../../electron/services/excel/import';
import { exportWorkbook } from '../../../../electron/services/excel/export';
import { listRecords, readRecord, findRecordIds } from '../../../../electron/services/store/records';
import { redo, undo } from '../../../helpers/store';
import { history } from '../../../../electron/services/store/changelog';
import { backupsFolder } from '../../../../electron/services/store/backup';
import { referenceFixture, tempDir, ME } from '../../../helpers/fixtures';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT, typedSeedWorkbook } from '../../../fixtures/workbooks';
import { AppError } from '../../../../shared/errors';
import { computeRecord, toInput } from '../../../../shared/record';
import { newStore } from '../../../helpers/backend';
import { readStatus, setStatus } from '../../../../electron/services/store/status';
import { statusResetWords } from '../../../../shared/status';

const seedFile = async (name = 'seed.xlsx') => ({ name, bytes: await exportWorkbook([referenceFixture('hans')]) });
const otherCounty = async () => {
  const r = structuredClone(referenceFixture('hans'));
  r.county.name = '南丰县';
  r.county.batch = 7;
  return { name: 'nanfeng.xlsx', bytes: await exportWorkbook([r]) };
};

describe('import into the store', () => {
  it('writes every file in one transaction, or nothing when any has an error', async () => {
    const file = path.join(tempDir(), 'i.sqlite');
    const db = openDatabase(file);
    const bad = { name: 'bad.xlsx', bytes: await bytesOf(typedSeedWorkbook({ script: 'hans' }, (t) => (t.items[0][1] = ''))) };
    const failed = await importWorkbooks(db, ME, file, [await otherCounty(), bad], { onConflict: 'fail', dryRun: false });
    expect(failed.ok).toBe(false);
    expect(failed.records.map((r) => r.action)).toEqual(['created', 'rejected']);
    expect(listRecords(db, { asOf: undefined })).toEqual([]);

    const done = await importWorkbooks(db, ME, file, [await otherCounty(), await seedFile()], { onConflict: 'fail', dryRun: false });
    expect(done.ok).toBe(true);
    expect(
      listRecords(db, { asOf: undefined })
        .map((r) => r.county)
        .sort(),
    ).toEqual(['南丰县', '樟树市']);
    // One import is one undo step.
    undo(db);
    expect(listRecords(db, { asOf: undefined })).toEqual([]);
    db.close();
  });

  it('a workbook with a 拨付台账 stores its payments with the record; the import is undone as one step, payments too', async () => {
    const db = newStore();
    const record = structuredClone(referenceFixture('hans'));
    record.county.acceptedOn = '2022-07-01';
    const input = {
      ...toInput(record),
      payments: [
        { line: 1, date: '2021-12-01', amount: '300', payee: '樟树市邮政分公司', voucher: '记-12-001', stage: '签订协议', note: '' },
        { line: 1, date: '2022-06-30', amount: '340.21', payee: '樟树市邮政分公司', voucher: '记-06-118', stage: '进度款', note: '' },
      ],
    };
    const bytes = await exportWorkbook([computeRecord(input)]);
    const result = await importWorkbooks(db, ME, ':memory:', [{ name: 'ledger.xlsx', bytes }], { onConflict: 'fail', dryRun: false });
    expect(result.records.map((r) => [r.action, r.payments])).toEqual([['created', 2]]);
    const [id] = findRecordIds(db, '樟树市', 8).map((r) => r.id);
    expect(readRecord(db, id, { asOf: undefined }).record.payments).toEqual(input.payments);
    expect(readRecord(db, id, { asOf: '2022-01-01' }).record.disbursements[0]).toMatchObject({ actual: '300', rate: '38.71' });
    undo(db);
    expect(listRecords(db, { asOf: undefined })).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) FROM payments').pluck().get()).toBe(0);
  });

  it('a dry run previews and writes nothing', async () => {
    const db = newStore();
    const preview = await importWorkbooks(db, ME, ':memory:', [await seedFile()], { onConflict: 'fail', dryRun: true });
    expect(preview).toMatchObject({
      ok: true,
      committed: false,
      records: [{ county: '樟树市', batch: 8, items: 6, disbursements: 6, action: 'created' }],
    });
    expect(listRecords(db, { asOf: undefined })).toEqual([]);
  });

  it('conflicts: fail writes nothing, skip keeps the stored record, replace backs up first and is one undoable step', async () => {
    const file = path.join(tempDir(), 'c.sqlite');
    const db = openDatabase(file);
    await importWorkbooks(db, ME, file, [await seedFile()], { onConflict: 'fail', dryRun: false });
    const edited = structuredClone(referenceFixture('hans'));
    edited.disbursements[0].actual = '700';
    const traditional = { name: 'new.xlsx', bytes: await exportWorkbook([{ ...edited, county: { ...edited.county, name: '樟樹市' } }]) };

    const fail = await importWorkbooks(db, ME, file, [traditional], { onConflict: 'fail', dryRun: false });
    expect(fail.ok).toBe(false);
    expect(fail.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['conflict']);
    // The edited record was exported with its old 合计 and summary sentence: both now disagree with the rows.
    expect(fail.findings.filter((f) => f.severity === 'warning').map((f) => [f.code, f.cell])).toEqual([
      ['stated_total_mismatch', 'D21'],
      ['summary_mismatch', 'A13'],
      ['summary_mismatch', 'A13'],
      ['stated_rate_mismatch', 'E15'],
      ['stated_rate_mismatch', 'E21'],
    ]);

    const skip = await importWorkbooks(db, ME, file, [traditional], { onConflict: 'skip', dryRun: false });
    expect(skip.records[0].action).toBe('skipped');
    const [id] = findRecordIds(db, '樟树市', 8).map((r) => r.id);
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));

    // Its doubts hold it until a person confirms them; then it replaces.
    const held = await importWorkbooks(db, ME, file, [traditional], { onConflict: 'replace', dryRun: false });
    expect([held.records[0].action, held.committed, held.backup]).toEqual(['held', false, null]);
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
    const replace = await importWorkbooks(db, ME, file, [traditional], {
      onConflict: 'replace',
      dryRun: false,
      confirm: held.doubts.map((d) => d.id),
    });
    expect(replace.records[0].action).toBe('replaced');
    expect(replace.backup && fs.existsSync(replace.backup)).toBe(true);
    expect(path.dirname(replace.backup!)).toBe(backupsFolder(file));
    const [newId] = findRecordIds(db, '樟树市', 8).map((r) => r.id);
    expect(readRecord(db, newId, { asOf: undefined }).record.county.name).toBe('樟樹市');
    expect(readRecord(db, newId, { asOf: undefined }).record.disbursements[0].actual).toBe('700');
    undo(db);
    expect(readRecord(db, id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
    db.close();
  });

  it('the same county twice in one import is refused', async () => {
    const db = newStore();
    const result = await importWorkbooks(db, ME, ':memory:', [await seedFile('a.xlsx'), await seedFile('b.xlsx')], {
      onConflict: 'replace',
      dryRun: false,
    });
    expect(result.ok).toBe(false);
    expect(result.findings).toMatchObject([{ code: 'duplicate_record', file: 'b.xlsx', sheet: '樟树市' }]);
    expect(listRecords(db, { asOf: undefined })).toEqual([]);
  });

  it('several counties in one workbook, one per sheet', async () => {
    const db = newStore();
    const second = structuredClone(referenceFixture('hant'));
    second.county.name = '寻乌县';
    const bytes = await exportWorkbook([referenceFixture('hans'), second]);
    const result = await importWorkbooks(db, ME, ':memory:', [{ name: 'two.xlsx', bytes }], { onConflict: 'fail', dryRun: false });
    expect(result.records.map((r) => [r.county, r.sheet, r.action])).toEqual([
      ['樟树市', '樟树市', 'created'],
      ['寻乌县', '寻乌县', 'created'],
    ]);
    const xunwu = listRecords(db, { asOf: undefined }).find((r) => r.county === '寻乌县')!;
    expect(readRecord(db, xunwu.id, { asOf: undefined }).record).toEqual({
      ...referenceFixture('hant'),
      county: { ...referenceFixture('hant').county, name: '寻乌县' },
    });
  });

  it('the preview gives per record Σ计划, Σ实际, rate, rows, the unit read and the cells not read', async () => {
    const db = newStore();
    const sheets = layoutSheets([referenceFixture('hans')], { ...PLAIN_LAYOUT, unit: 'yuan', unitAt: 'line' });
    sheets[0].rows[12][7] = { v: 42 };
    const preview = await importWorkbooks(db, ME, ':memory:', [{ name: 'yuan.xlsx', bytes: await bytesOf(excelOf(sheets)) }], {
      onConflict: 'fail',
      dryRun: true,
    });
    expect(preview.records).toEqual([
      {
        county: '樟树市',
        batch: 8,
        items: 6,
        disbursements: 6,
        payments: 0,
        action: 'created',
        file: 'yuan.xlsx',
        sheet: '樟树市',
        planned: '1500',
        actual: '1235.96',
        rate: '82.40',
        unit: 'yuan',
        ignored: 1,
        unconfirmed: 0,
      },
    ]);
    expect(preview.findings.map((f) => [f.code, f.cell])).toEqual([
      ['ignored_cell', 'H13'],
      ['amounts_in_yuan', 'E13'],
    ]);
  });

  for (const [official, short] of [
    ['长白朝鲜族自治县', '长白县'],
    ['前郭尔罗斯蒙古族自治县', '前郭县'],
  ])
    it(`a county stored by its official name is the one a workbook names short (${short} for ${official}): a conflict naming it, never a second record`, async () => {
      const db = newStore();
      const named = (name: string) => ({ ...referenceFixture('hans'), county: { ...referenceFixture('hans').county, name } });
      await importWorkbooks(db, ME, ':memory:', [{ name: 'a.xlsx', bytes: await exportWorkbook([named(official)]) }], {
        onConflict: 'fail',
        dryRun: false,
      });
      const file = { name: 'b.xlsx', bytes: await exportWorkbook([named(short)]) };
      const again = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: false });
      expect(again.records.map((r) => [r.county, r.action])).toEqual([[short, 'conflict']]);
      expect(again.findings.find((f) => f.code === 'conflict')?.params).toMatchObject({ county: short, stored: official });
      expect(listRecords(db, { asOf: undefined }).map((r) => r.county)).toEqual([official]);
      // Both names in one import: the second is the same county twice.
      const both = await importWorkbooks(db, ME, ':memory:', [file, { name: 'c.xlsx', bytes: await exportWorkbook([named(official)]) }], {
        onConflict: 'replace',
        dryRun: true,
        confirm: 'all',
      });
      expect(both.records.map((r) => r.action)).toEqual(['replaced', 'rejected']);
    });

  it('a commit writes the reading its preview showed: a correction sent with the commit but not with the preview writes nothing', async () => {
    const db = newStore();
    const seed = await seedFile();
    const preview = await importWorkbooks(db, ME, ':memory:', [seed], { onConflict: 'fail', dryRun: true });
    expect(preview.records[0]).toMatchObject({ county: '樟树市', planned: '1500' });
    // The seed's first line of table 三, left out on screen (its row unticked) after the preview was read.
    const row = preview.readings[0].lines[0].row;
    const unticked = [{ file: 'seed.xlsx', sheet: preview.readings[0].sheet, skipRows: [row] }];
    const commit = (corrections: typeof unticked) =>
      importWorkbooks(db, ME, ':memory:', [seed], {
        onConflict: 'fail',
        dryRun: false,
        corrections,
        seen: preview.seen,
        reading: preview.reading,
      });
    await expect(commit(unticked)).rejects.toMatchObject({ code: 'reading_changed' });
    expect(listRecords(db, { asOf: undefined })).toEqual([]);
    // Read again with it, the new preview's reading is what lands: 1500 less the first line's 计划 775 (the seed's table 三).
    const again = await importWorkbooks(db, ME, ':memory:', [seed], { onConflict: 'fail', dryRun: true, corrections: unticked });
    expect(again.reading).not.toBe(preview.reading);
    const done = await importWorkbooks(db, ME, ':memory:', [seed], {
      onConflict: 'fail',
      dryRun: false,
      corrections: unticked,
      // Its doubts (the stated 合计 now differs from the rows) confirmed, as the person would.
      confirm: 'all',
      seen: again.seen,
      reading: again.reading,
    });
    expect([done.committed, done.records[0].planned]).toEqual([true, '725']);
    expect(listRecords(db, { asOf: undefined }).map((r) => r.county)).toEqual(['樟树市']);
  });

  it('for a record that would be replaced, the preview says what changes: rows added and removed, amounts before → after', async () => {
    const db = newStore();
    await importWorkbooks(db, ME, ':memory:', [await seedFile()], { onConflict: 'fail', dryRun: false });
    const edited = structuredClone(referenceFixture('hans'));
    edited.disbursements[0].actual = '700';
    edited.disbursements.pop();
    edited.items.push({ ...edited.items[0], seq: 7, name: '新增项目' });
    const input = { county: edited.county, items: edited.items, disbursements: edited.disbursements.map(({ rate: _r, ...d }) => d) };
    const { computeRecord } = await import('../../../../shared/record');
    const file = { name: 'edited.xlsx', bytes: await exportWorkbook([computeRecord(input)]) };
    const preview = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'replace', dryRun: true, confirm: 'all' });
    expect(preview.records[0]).toMatchObject({ action: 'replaced', planned: '1460', actual: '1266.34', rate: '86.74' });
    expect(preview.records[0].changes).toEqual({
      items: { added: 1, removed: 0 },
      disbursements: { added: 0, removed: 1 },
      totals: { planned: ['1500', '1460'], actual: ['1235.96', '1266.34'], rate: ['82.40', '86.74'] },
      lines: [{ name: '县乡村物流快递配送体系建设', field: 'actual', before: '640.21', after: '700' }],
    });
  });

  it('replacing a record signed off (已审核 by 王科长): the preview says its status goes back to 草稿, and it does', async () => {
    const db = newStore();
    await importWorkbooks(db, ME, ':memory:', [await seedFile()], { onConflict: 'fail', dryRun: false });
    const id = findRecordIds(db, '樟树市', 8)[0].id;
    setStatus(db, ME, id, { status: 'submitted', by: '李会计', remark: '' });
    setStatus(db, ME, id, { status: 'reviewed', by: '王科长', remark: '核对无误' });
    const preview = await importWorkbooks(db, ME, ':memory:', [await seedFile()], { onConflict: 'replace', dryRun: true });
    expect(preview.records[0]).toMatchObject({ action: 'replaced', statusReset: { status: 'reviewed', by: '王科长' } });
    expect(statusResetWords('reviewed', '王科长', 'zh')).toBe('审核状态 已审核(王科长) 将退回草稿');
    await importWorkbooks(db, ME, ':memory:', [await seedFile()], { onConflict: 'replace', dryRun: false });
    expect(readStatus(db, findRecordIds(db, '樟树市', 8)[0].id).status).toBe('draft');
    // A draft replaced says nothing of its status.
    const again = await importWorkbooks(db, ME, ':memory:', [await seedFile()], { onConflict: 'replace', dryRun: true });
    expect(again.records[0].statusReset).toBeUndefined();
  });

  it('a file that cannot be read is skipped and named when asked (the app), and fails the whole import otherwise (the CLI)', async () => {
    const db = newStore();
    const bad = { name: '旧表.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]) };
    const preview = await importWorkbooks(db, ME, ':memory:', [bad, await seedFile()], {
      onConflict: 'fail',
      dryRun: true,
      skipUnreadable: true,
    });
    expect(preview.ok).toBe(true);
    expect(preview.records.map((r) => r.county)).toEqual(['樟树市']);
    expect(preview.skippedFiles).toEqual([
      { file: '旧表.xls', code: 'old_format', messages: { zh: expect.stringContaining('另存为'), en: expect.stringContaining('.xlsx') } },
    ]);
    const done = await importWorkbooks(db, ME, ':memory:', [bad, await seedFile()], {
      onConflict: 'fail',
      dryRun: false,
      skipUnreadable: true,
    });
    expect([done.committed, listRecords(db, { asOf: undefined }).map((r) => r.county)]).toEqual([true, ['樟树市']]);
    await expect(importWorkbooks(db, ME, ':memory:', [bad, await seedFile()], { onConflict: 'skip', dryRun: true })).rejects.toBeInstanceOf(
      AppError,
    );
  });

  it('a workbook that yields no county says so and is never listed as a county named after a sheet', async () => {
    const db = newStore();
    const empty = { name: '说明.xlsx', bytes: await bytesOf(excelOf([{ name: '填表说明', rows: [[{ v: '请按模板填写' }]] }])) };
    const preview = await importWorkbooks(db, ME, ':memory:', [empty], { onConflict: 'fail', dryRun: true });
    expect(preview).toMatchObject({
      ok: false,
      records: [],
      findings: [
        { code: 'no_tables', file: '说明.xlsx', sheet: '填表说明' },
        { code: 'sheet_not_read', severity: 'info', params: { kind: 'instructions' } },
      ],
    });
  });

  it('an import that replaces a county says neither its undo nor its redo removes a record; one that creates a county says its undo does', async () => {
    const db = newStore();
    await importWorkbooks(db, ME, ':memory:', [await seedFile()], { onConflict: 'fail', dryRun: false });
    expect(history(db, ME).undo?.removesRecord).toBe(true);
    await importWorkbooks(db, ME, ':memory:', [await seedFile()], { onConflict: 'replace', dryRun: false });
    expect(history(db, ME).undo).toMatchObject({ action: 'import', removesRecord: false });
    undo(db);
    expect(history(db, ME).redo).toMatchObject({ action: 'import', removesRecord: false });
    redo(db);
    expect(listRecords(db, { asOf: undefined }).map((r) => r.county)).toEqual(['樟树市']);
  });
});
