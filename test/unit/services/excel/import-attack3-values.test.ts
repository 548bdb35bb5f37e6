// The third round of the tester's attacks on the import (attack3): how printed tables and pasted text write
// figures — a dash for "nothing yet", a zero-width space copied from a web page. The seed (樟树市) laid out
// plainly; the figures expected by hand.
import { describe, expect, it } from 'vitest';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { referenceFixture } from '../../../helpers/fixtures';
import { bytesOf, excelOf, layoutSheets, PLAIN_LAYOUT, type FxSheet } from '../../../fixtures/workbooks';

const readSheets = async (sheets: FxSheet[]) => readWorkbook({ name: 'county.xlsx', bytes: await bytesOf(excelOf(sheets)) });
const errors = (read: ReadRecord[]) => read.flatMap((r) => r.findings.filter((f) => f.severity === 'error'));

/** 樟树市 with table 三's 实际拨付额度 (column D) of lines 1–6 as given. */
function withActuals(actuals: (string | number)[]): FxSheet[] {
  const sheets = layoutSheets([referenceFixture('hans')], PLAIN_LAYOUT);
  const header = sheets[0].rows.findIndex((r) => r?.[0]?.v === '序号' && r[1]?.v === '具体项目名称');
  actuals.forEach((actual, i) => (sheets[0].rows[header + 1 + i][3] = { v: actual }));
  return sheets;
}

describe('B2: a line not paid yet, written as a printed table writes "none"', () => {
  it('—, -, / and 无 in 实际拨付额度 are not entered: the county is read, those lines told as missing, the others kept', async () => {
    const read = await readSheets(withActuals([640.21, '—', '-', '/', '无', 29.41]));
    expect(errors(read)).toEqual([]);
    expect(read[0].input!.disbursements.map((d) => d.actual)).toEqual(['640.21', null, null, null, null, '29.41']);
    expect(read[0].findings.filter((f) => f.code === 'amount_missing').map((f) => f.cell)).toEqual(['D15', 'D16', 'D17', 'D18']);
  });

  it('(20) and -20 are still refused: a bracketed or negative figure is no "none"', async () => {
    const read = await readSheets(withActuals([640.21, '(20)', -20]));
    expect(errors(read).map((f) => [f.code, f.cell])).toEqual([
      ['not_a_number', 'D15'],
      ['negative_amount', 'D16'],
    ]);
  });
});

describe('B9: a figure pasted from a web page with a zero-width character', () => {
  it('640.21 followed by a zero-width space, 285.4 after a word joiner and 1, BOM, 00 are the figures they show', async () => {
    const read = await readSheets(withActuals(['640.21\u200b', '\u2060285.4', '1\ufeff00']));
    expect(errors(read)).toEqual([]);
    expect(read[0].input!.disbursements.slice(0, 3).map((d) => d.actual)).toEqual(['640.21', '285.4', '100']);
  });
});
