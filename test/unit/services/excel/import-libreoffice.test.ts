// Import II with workbooks a real third-party program wrote: each county laid out as HTML (as a
// web system exports it: colspan/rowspan, <br> in headers) or as flat ODS (number and percent
// formats, formulas with their results), saved as .xlsx by LibreOffice in one batch.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { computeRecord } from '../../../../shared/record';
import { referenceFixture, tempDir } from '../../../helpers/fixtures';
import {
  fodsOf,
  htmlOf,
  layoutExpected,
  layoutSheets,
  PLAIN_LAYOUT,
  rowOf,
  seedAs,
  type FxSheet,
  type Layout,
} from '../../../fixtures/workbooks';

const seed = () => referenceFixture('hans');
const layout = (l: Partial<Layout>): Layout => ({ ...PLAIN_LAYOUT, ...l });

type Case = { file: string; sheets: FxSheet[] };
const html: Record<string, Case> = {};
const fods: Record<string, Case> = {};
const asHtml = (name: string, sheets: FxSheet[]) => (html[name] = { file: `${name}.html`, sheets });
const asFods = (name: string, sheets: FxSheet[]) => (fods[name] = { file: `${name}.fods`, sheets });

// 1. two header rows, 元 in the group header, <br> inside headers
asHtml('group-yuan', layoutSheets([seed()], layout({ header: 'group', unit: 'yuan', unitAt: 'group' })));
// 2. 合\n计 merged A:B directly under a two-row header
asHtml('total-top', layoutSheets([seed()], layout({ header: 'group', total: 'top', totalLabel: '合\n计', totalMerged: true })));
// 3. 单位：元 on a line above, 序号 as 一、
asHtml('unit-line', layoutSheets([seed()], layout({ unit: 'yuan', unitAt: 'line', seq: 'chinese' })));
// 4. three counties on one sheet
const three = [seedAs('樟树市'), seedAs('寻乌县', 9), seedAs('南丰县', 7)];
asHtml('three', layoutSheets(three, PLAIN_LAYOUT));
// 5. other wordings, full-width punctuation; 11. 赣州市
asHtml('wording', layoutSheets([seedAs('寻乌县')], layout({ facts: 'wording-1', title: 'full' })));
// 7. 序号 01 (LibreOffice reads it as the number 1), 1、
asHtml('seq-padded', layoutSheets([seed()], layout({ seq: 'padded', header: 'group-plain' })));
asHtml('seq-comma', layoutSheets([seed()], layout({ seq: 'comma' })));
// 6. a facts table with its own header on its own sheet
asFods('facts-sheet', layoutSheets([seed()], layout({ facts: 'table-with-header', factsSheet: 'own', unit: 'yuan', unitAt: 'header' })));
// 8. rates as fractions with percent formats and float tails
{
  const sheets = layoutSheets([seed()], layout({ rates: 'fraction' }));
  rowOf(sheets[0], '县乡村物流快递配送体系建设')[4] = { v: 0.826, numFmt: '0.00%' };
  rowOf(sheets[0], '乡镇商贸中心示范建设')[4] = { v: 66.67 / 100, numFmt: '0.00%' };
  sheets[0].rows[19][4] = { v: 123596 / 150000, numFmt: '0.0%' };
  asFods('float-rates', sheets);
}
// 9. =SUM over text amounts: its cached result is 0
{
  const sheets = layoutSheets([seed()], layout({ amounts: 'text' }));
  sheets[0].rows[19][2] = { v: { formula: 'SUM([.C14:.C19])', result: 0 } };
  asFods('sum-of-text', sheets);
}
// 1. the group typed once, in ODS
asFods('group-plain', layoutSheets([seed()], layout({ header: 'group-plain', rates: 'fraction' })));

const read: Record<string, ReadRecord[]> = {};

beforeAll(async () => {
  const dir = tempDir();
  const convert = (cases: Record<string, Case>, write: (c: Case) => string, filter?: string) => {
    const files = Object.values(cases).map((c) => {
      const file = path.join(dir, c.file);
      fs.writeFileSync(file, write(c));
      return file;
    });
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        ...(filter ? [`--infilter=${filter}`] : []),
        '--convert-to',
        'xlsx',
        '--outdir',
        path.join(dir, 'out'),
        ...files,
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
  };
  convert(html, (c) => htmlOf(c.sheets[0]), 'HTML (StarCalc)');
  convert(fods, (c) => fodsOf(c.sheets));
  for (const [name, c] of [...Object.entries(html), ...Object.entries(fods)]) {
    const xlsx = path.join(dir, 'out', c.file.replace(/\.\w+$/, '.xlsx'));
    read[name] = await readWorkbook({ name: path.basename(xlsx), bytes: fs.readFileSync(xlsx) });
  }
}, 240_000);

const codes = (r: ReadRecord[]) => r.flatMap((x) => x.findings.map((f) => [f.code, f.cell ?? null]));
const records = (r: ReadRecord[]) => r.map((x) => computeRecord(x.input!));

describe('workbooks LibreOffice wrote from HTML and from ODS', () => {
  it('1. a merged group header from colspan/rowspan with <br>, its (元) applying to the columns under it', () => {
    expect(codes(read['group-yuan'])).toEqual([['amounts_in_yuan', 'C13']]);
    expect(read['group-yuan'][0].unit).toBe('yuan');
    expect(records(read['group-yuan'])).toEqual([layoutExpected(seed(), layout({ header: 'group', unit: 'yuan', unitAt: 'group' }))]);
  });

  it('1. a group typed once over blank cells (ODS)', () => {
    expect(codes(read['group-plain'])).toEqual([]);
    expect(records(read['group-plain'])).toEqual([layoutExpected(seed(), layout({ rates: 'fraction' }))]);
  });

  it('2. 合\\n计 merged across A:B directly under the header', () => {
    expect(codes(read['total-top'])).toEqual([]);
    expect(records(read['total-top'])).toEqual([layoutExpected(seed(), PLAIN_LAYOUT)]);
  });

  it('3. 单位：元 on a line above the table: converted exactly', () => {
    expect(codes(read['unit-line'])).toEqual([['amounts_in_yuan', 'E13']]);
    expect(records(read['unit-line'])).toEqual([layoutExpected(seed(), PLAIN_LAYOUT)]);
  });

  it('4. three counties on one sheet: three records', () => {
    expect(codes(read.three)).toEqual([]);
    expect(records(read.three)).toEqual(three.map((c) => layoutExpected(c, PLAIN_LAYOUT)));
  });

  it('5 and 11. another wording with full-width punctuation; 江西省赣州市寻乌县 keeps 赣州市', () => {
    expect(codes(read.wording)).toEqual([]);
    expect(records(read.wording)).toEqual([layoutExpected(seedAs('寻乌县'), layout({ facts: 'wording-1', title: 'full' }))]);
  });

  it('6. a facts table with its own header row on a sheet of its own, amounts in 元', () => {
    expect(codes(read['facts-sheet'])).toEqual([['amounts_in_yuan', 'C11']]);
    expect(records(read['facts-sheet'])).toEqual([layoutExpected(seed(), layout({ facts: 'table' }))]);
  });

  it('7. 序号 01 and 1、', () => {
    for (const name of ['seq-padded', 'seq-comma']) {
      expect(codes(read[name])).toEqual([]);
      expect(records(read[name])).toEqual([layoutExpected(seed(), PLAIN_LAYOUT)]);
    }
  });

  it('8. stated rates keep the digits their cells show: 82.6, 66.67, 82.4', () => {
    expect(codes(read['float-rates'])).toEqual([]);
    const [r] = records(read['float-rates']);
    expect([r.disbursements[0].statedRate, r.disbursements[2].statedRate, r.totals.statedRate]).toEqual(['82.6', '66.67', '82.4']);
    expect(r).toEqual({ ...layoutExpected(seed(), layout({ rates: 'fraction' })), totals: { ...r.totals, statedRate: '82.4' } });
  });

  it('9. a 合计 =SUM over text amounts, cached as 0: read as 0, and the check speaks', () => {
    expect(read['sum-of-text'][0].findings).toMatchObject([
      { code: 'stated_total_mismatch', cell: 'C20', params: { stated: '0', sum: '1500' } },
    ]);
    expect(records(read['sum-of-text'])).toEqual([layoutExpected(seed(), PLAIN_LAYOUT)]);
  });
});
