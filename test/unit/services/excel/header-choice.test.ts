// The header-row choice of the preview (表头行:第 N 行至第 M 行) where the reader found no header:
// header cells of any length a column heading may have, and sheets where no table at all was found.
import { describe, expect, it } from 'vitest';
import { importWorkbooks } from '../../../../electron/services/excel/import';
import { listRecords, readRecord } from '../../../../electron/services/store/records';
import { bytesOf, excelOf } from '../../../fixtures/workbooks';
import { longHeading } from '../../../fixtures/headers';
import { referenceFixture } from '../../../helpers/fixtures';
import { newStore } from '../../../helpers/backend';

const ME = { client: 'test', kind: 'cli' as const };

describe('choosing the header rows where the reader found none', () => {
  it('a header cell over 30 characters can be chosen: the row is offered, and read with it the record is the document’s', async () => {
    const db = newStore();
    const { sheet, header } = longHeading();
    const file = { name: 'long.xlsx', bytes: await bytesOf(excelOf([sheet])) };
    const first = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: true });
    expect(first.records[0].action).toBe('rejected');
    expect(first.readings.map((r) => [r.sheet, r.header])).toEqual([['樟树市', null]]);
    expect(first.readings[0].headerRows.map((r) => r.row)).toContain(header);
    const corrections = [{ file: file.name, sheet: '樟树市', header: { top: header, bottom: header } }];
    const done = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: false, corrections });
    expect([done.committed, done.doubts, done.readings[0].header]).toEqual([true, [], { top: header, bottom: header }]);
    expect(readRecord(db, listRecords(db, { asOf: undefined })[0].id, { asOf: undefined }).record).toEqual(referenceFixture('hans'));
  });

  it('a sheet where no table at all is found gets the same choice, and reads with it', async () => {
    const db = newStore();
    const { sheet, header } = longHeading(true);
    const file = { name: 'none.xlsx', bytes: await bytesOf(excelOf([sheet])) };
    const first = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: true });
    expect(first.records.map((r) => r.action)).not.toContain('created');
    expect(first.findings.filter((f) => f.severity === 'error').map((f) => f.sheet)).toContain('樟树市');
    expect(first.readings.map((r) => [r.sheet, r.header, r.columns])).toEqual([['樟树市', null, []]]);
    expect(first.readings[0].headerRows.map((r) => r.row)).toContain(header);
    const corrections = [{ file: file.name, sheet: '樟树市', header: { top: header, bottom: header } }];
    const again = await importWorkbooks(db, ME, ':memory:', [file], { onConflict: 'fail', dryRun: true, corrections });
    // The seed's table 三 by hand: 640.21 + 285.4 + 100 + 107.82 + 73.12 + 29.41 = 1235.96 of 1500.
    expect(again.records[0]).toMatchObject({ action: 'created', disbursements: 6, planned: '1500', actual: '1235.96' });
    expect(again.readings[0].header).toEqual({ top: header, bottom: header });
  });
});
