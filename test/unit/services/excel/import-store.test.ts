import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../../electron/services/store/database';
import { importWorkbooks } from '../../../../electron/services/excel/import';
import { exportWorkbook } from '../../../../electron/services/excel/export';
import { listRecords, readRecord, findRecordIds } from '../../../../electron/services/store/records';
import { undo } from '../../../../electron/services/store/changelog';
import { backupsFolder } from '../../../../electron/services/store/backup';
import { referenceFixture, tempDir } from '../../../helpers/fixtures';
import { bytesOf, typedSeedWorkbook } from '../../../fixtures/workbooks';

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
    const failed = await importWorkbooks(db, file, [await otherCounty(), bad], { onConflict: 'fail', dryRun: false });
    expect(failed.ok).toBe(false);
    expect(failed.records.map((r) => r.action)).toEqual(['created', 'rejected']);
    expect(listRecords(db)).toEqual([]);

    const done = await importWorkbooks(db, file, [await otherCounty(), await seedFile()], { onConflict: 'fail', dryRun: false });
    expect(done.ok).toBe(true);
    expect(listRecords(db).map((r) => r.county).sort()).toEqual(['南丰县', '樟树市']);
    // One import is one undo step.
    undo(db);
    expect(listRecords(db)).toEqual([]);
    db.close();
  });

  it('a dry run previews and writes nothing', async () => {
    const db = openDatabase(':memory:');
    const preview = await importWorkbooks(db, ':memory:', [await seedFile()], { onConflict: 'fail', dryRun: true });
    expect(preview).toMatchObject({ ok: true, committed: false, records: [{ county: '樟树市', batch: 8, items: 6, disbursements: 6, action: 'created' }] });
    expect(listRecords(db)).toEqual([]);
  });

  it('conflicts: fail writes nothing, skip keeps the stored record, replace backs up first and is one undoable step', async () => {
    const file = path.join(tempDir(), 'c.sqlite');
    const db = openDatabase(file);
    await importWorkbooks(db, file, [await seedFile()], { onConflict: 'fail', dryRun: false });
    const edited = structuredClone(referenceFixture('hans'));
    edited.disbursements[0].actual = '700';
    const traditional = { name: 'new.xlsx', bytes: await exportWorkbook([{ ...edited, county: { ...edited.county, name: '樟樹市' } }]) };

    const fail = await importWorkbooks(db, file, [traditional], { onConflict: 'fail', dryRun: false });
    expect(fail.ok).toBe(false);
    expect(fail.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['conflict']);
    // The edited record was exported with its old 合计 and summary sentence: both now disagree with the rows.
    expect(fail.findings.filter((f) => f.severity === 'warning').map((f) => [f.code, f.cell])).toEqual([
      ['stated_total_mismatch', 'D21'], ['summary_mismatch', 'A13'], ['summary_mismatch', 'A13'], ['stated_rate_mismatch', 'E15'], ['stated_rate_mismatch', 'E21'],
    ]);

    const skip = await importWorkbooks(db, file, [traditional], { onConflict: 'skip', dryRun: false });
    expect(skip.records[0].action).toBe('skipped');
    const [id] = findRecordIds(db, '樟树市', 8).map((r) => r.id);
    expect(readRecord(db, id).record).toEqual(referenceFixture('hans'));

    const replace = await importWorkbooks(db, file, [traditional], { onConflict: 'replace', dryRun: false });
    expect(replace.records[0].action).toBe('replaced');
    expect(replace.backup && fs.existsSync(replace.backup)).toBe(true);
    expect(path.dirname(replace.backup!)).toBe(backupsFolder(file));
    const [newId] = findRecordIds(db, '樟树市', 8).map((r) => r.id);
    expect(readRecord(db, newId).record.county.name).toBe('樟樹市');
    expect(readRecord(db, newId).record.disbursements[0].actual).toBe('700');
    undo(db);
    expect(readRecord(db, id).record).toEqual(referenceFixture('hans'));
    db.close();
  });

  it('the same county twice in one import is refused', async () => {
    const db = openDatabase(':memory:');
    const result = await importWorkbooks(db, ':memory:', [await seedFile('a.xlsx'), await seedFile('b.xlsx')], { onConflict: 'replace', dryRun: false });
    expect(result.ok).toBe(false);
    expect(result.findings).toMatchObject([{ code: 'duplicate_record', file: 'b.xlsx', sheet: '樟树市' }]);
    expect(listRecords(db)).toEqual([]);
  });

  it('several counties in one workbook, one per sheet', async () => {
    const db = openDatabase(':memory:');
    const second = structuredClone(referenceFixture('hant'));
    second.county.name = '寻乌县';
    const bytes = await exportWorkbook([referenceFixture('hans'), second]);
    const result = await importWorkbooks(db, ':memory:', [{ name: 'two.xlsx', bytes }], { onConflict: 'fail', dryRun: false });
    expect(result.records.map((r) => [r.county, r.sheet, r.action])).toEqual([['樟树市', '樟树市', 'created'], ['寻乌县', '寻乌县', 'created']]);
    const xunwu = listRecords(db).find((r) => r.county === '寻乌县')!;
    expect(readRecord(db, xunwu.id).record).toEqual({ ...referenceFixture('hant'), county: { ...referenceFixture('hant').county, name: '寻乌县' } });
  });
});
