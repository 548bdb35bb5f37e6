// Two counties of one name in different places are two counties (GB/T 2260 repeats county names: 江北区 of 重庆市 and of
// 宁波市, 鼓楼区 in four cities): the store's identity of a record is its name, batch and the place it states — by every
// door (import, create, an edit, undo and restore, the command line). A record that states no place is its name, as before.
import { describe, expect, it } from 'vitest';
import { importWorkbooks } from '../../../../electron/services/excel/import';
import { exportWorkbook } from '../../../../electron/services/excel/export';
import { createRecord, listRecords, readRecord, removeRecord } from '../../../../electron/services/store/records';
import { updateCounty } from '../../../../electron/services/store/edits';
import { mutate } from '../../../../electron/services/store/changelog';
import { undo } from '../../../helpers/store';
import { referenceFixture, ME } from '../../../helpers/fixtures';
import { newStore } from '../../../helpers/backend';
import { toInput, type CountyRecord } from '../../../../shared/record';
import { AppError } from '../../../../shared/errors';
import { findingMessage } from '../../../../shared/i18n';
import { openDatabase, type DB } from '../../../../electron/services/store/database';
import path from 'node:path';
import { tempDir } from '../../../helpers/fixtures';
import { yanshou } from '../../../helpers/cli';

/** 江北区 第8批 stated in a place; `planned` its first line's 计划 (the records told apart by their figures). */
function jiangbei(province: string | null, prefecture: string | null, planned = '400'): CountyRecord {
  const r = structuredClone(referenceFixture('hans'));
  r.county = { ...r.county, name: '江北区', province, prefecture };
  r.disbursements[0] = { ...r.disbursements[0], planned };
  return r;
}
const file = async (name: string, r: CountyRecord) => ({ name, bytes: await exportWorkbook([r]) });
const CQ = () => jiangbei('重庆市', null, '400');
const NB = () => jiangbei('浙江省', '宁波市', '444');
const stored = (db: DB) =>
  listRecords(db, { asOf: undefined })
    .map(
      (r) =>
        `${r.province ?? ''}${r.prefecture ?? ''}${r.county} ${readRecord(db, r.id, { asOf: undefined }).record.disbursements[0].planned}`,
    )
    .sort();
const run = (db: DB, files: { name: string; bytes: Uint8Array }[], onConflict: 'fail' | 'replace' = 'fail', dryRun = false) =>
  importWorkbooks(db, ME, ':memory:', files, { onConflict, dryRun, confirm: 'all' });

describe('a county of the same name in another province or prefecture is another record', () => {
  it('宁波市江北区 imported beside 重庆市江北区 (one batch) is created next to it, and 替换 does not touch 重庆’s', async () => {
    const db = newStore();
    await run(db, [await file('cq.xlsx', CQ())]);
    const nb = await run(db, [await file('nb.xlsx', NB())]);
    expect(nb.records.map((r) => r.action)).toEqual(['created']);
    expect(stored(db)).toEqual(['浙江省宁波市江北区 444', '重庆市江北区 400']);
    // Replacing 宁波's with a new reading of 宁波's: 重庆's stays as it was.
    const again = await run(db, [await file('nb2.xlsx', jiangbei('浙江省', '宁波市', '450'))], 'replace');
    expect(again.records.map((r) => r.action)).toEqual(['replaced']);
    expect(stored(db)).toEqual(['浙江省宁波市江北区 450', '重庆市江北区 400']);
    // Both places in one import are two counties, not one twice.
    const both = await run(newStore(), [await file('cq.xlsx', CQ()), await file('nb.xlsx', NB())]);
    expect(both.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(both.records.map((r) => r.action)).toEqual(['created', 'created']);
  });

  it('a file naming no place, or a place that does not differ, is the stored county: the conflict and the replace preview name both', async () => {
    const db = newStore();
    await run(db, [await file('cq.xlsx', CQ())]);
    const bare = await run(db, [await file('bare.xlsx', jiangbei(null, null, '420'))]);
    expect(bare.records.map((r) => r.action)).toEqual(['conflict']);
    const conflict = bare.findings.find((f) => f.code === 'conflict')!;
    expect(findingMessage(conflict, 'zh')).toContain('已有的是 重庆市江北区,文件中是 江北区');
    const replace = await run(db, [await file('bare.xlsx', jiangbei(null, null, '420'))], 'replace', true);
    expect(replace.records[0]).toMatchObject({ action: 'replaced', changes: { place: { before: '重庆市江北区', after: '江北区' } } });
    // 浙江 (short) with no prefecture is 浙江省宁波市's.
    await run(db, [await file('nb.xlsx', NB())]);
    const short = await run(db, [await file('zj.xlsx', jiangbei('浙江', null, '460'))], 'replace');
    expect(short.records.map((r) => r.action)).toEqual(['replaced']);
    expect(stored(db)).toEqual(['浙江江北区 460', '重庆市江北区 400']);
  });

  it('a file naming no place when two places are stored is refused: it cannot say which, and nothing is written', async () => {
    const db = newStore();
    await run(db, [await file('cq.xlsx', CQ()), await file('nb.xlsx', NB())]);
    const bare = await run(db, [await file('bare.xlsx', jiangbei(null, null, '420'))], 'replace');
    expect(bare.ok).toBe(false);
    expect(bare.records.map((r) => r.action)).toEqual(['rejected']);
    const refusal = bare.findings.find((f) => f.code === 'ambiguous_county')!;
    expect(findingMessage(refusal, 'zh')).toContain('重庆市江北区、浙江省宁波市江北区');
    expect(stored(db)).toEqual(['浙江省宁波市江北区 444', '重庆市江北区 400']);
  });

  it('create, an edit of the place, undo and redo keep one record a place: 江北区 of 重庆市 and of 宁波市 side by side, never twice one', () => {
    const db = newStore();
    const cq = createRecord(db, ME, toInput(CQ()));
    const nb = createRecord(db, ME, toInput(NB()));
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof AppError ? `${e.code} ${e.messages.zh}` : String(e);
      }
      return 'not refused';
    };
    expect(refused(() => createRecord(db, ME, toInput(jiangbei(null, null))))).toMatch(/^conflict .*重庆市江北区、浙江省宁波市江北区/);
    expect(refused(() => createRecord(db, ME, toInput(jiangbei('重庆', null))))).toMatch(/^conflict .*已有的是 重庆市江北区/);
    // 宁波's moved to 重庆市 would be 重庆's twice.
    expect(refused(() => updateCounty(db, ME, nb, 'province', '重庆市'))).toMatch(/^conflict/);
    // 重庆's deleted, 宁波's takes its name's key; undoing the deletion brings 重庆's back beside it.
    mutate(db, ME, { action: 'delete record', recordId: cq, detail: { county: '江北区', batch: 8 } }, (changes) =>
      removeRecord(db, changes, cq),
    );
    updateCounty(db, ME, nb, 'batch', '9');
    updateCounty(db, ME, nb, 'batch', '8');
    undo(db);
    undo(db);
    undo(db);
    expect(stored(db)).toEqual(['浙江省宁波市江北区 444', '重庆市江北区 400']);
  });

  it('the command line names a county by its place when two places share its name: --county 宁波市江北区; --county 江北区 lists both', () => {
    const file = path.join(tempDir(), 'jb.sqlite');
    const db = openDatabase(file);
    createRecord(db, ME, toInput(CQ()));
    createRecord(db, ME, toInput(NB()));
    db.close();
    const both = yanshou(['show', '--db', file, '--county', '江北区', '--batch', '8', '--json']);
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain('重庆市江北区、浙江省宁波市江北区');
    for (const name of ['宁波市江北区', '浙江省宁波市江北区', '浙江江北区']) {
      const one = yanshou(['show', '--db', file, '--county', name, '--json']);
      expect(JSON.parse(one.stdout).county).toMatchObject({ province: '浙江省', prefecture: '宁波市', name: '江北区' });
    }
  });
});
