// How the exported workbook and the printed document show figures, and how they print: the same
// digits everywhere, the document's script in every fixed text, each county's pages numbered from
// 1, the items header repeated on every page.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { exportWorkbook } from '../../../../electron/services/excel/export';
import { wrappedLines } from '../../../../electron/services/excel/sheet-kit';
import { printHtml } from '../../../../shared/print';
import { computeRecord, toInput, type CountyRecord } from '../../../../shared/record';
import { displayDecimal } from '../../../../shared/money';
import { referenceFixture, tempDir } from '../../../helpers/fixtures';

const seed = referenceFixture('hans');
const county = (name: string, batch: number, change?: (r: ReturnType<typeof toInput>) => void): CountyRecord => {
  const input = toInput(seed);
  input.county = { ...input.county, name, batch };
  change?.(input);
  return computeRecord(input);
};
const amountArb = fc.oneof(
  fc.integer({ min: 0, max: 99_999_999 }).map(String),
  fc
    .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 1, max: 999_999 }))
    .map(([i, f]) => `${i}.${String(f).padStart(6, '0').replace(/0+$/, '')}`),
  fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 })).map(([i, f]) => `${i}.${String(f).padStart(2, '0')}`),
);
const loadSheets = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
};
/** A number as Excel would show it under the formats export uses (0.00, or 0.00#### with a mark). */
const shown = (value: number, numFmt: string) => {
  const finer = numFmt.startsWith('0.00####');
  let text = value.toFixed(finer ? 6 : 2);
  if (finer) text = text.replace(/0{1,4}$/, '');
  return finer ? `${text}*` : text;
};

describe('one rule for showing money', () => {
  it('the summary sentence, the printed 合计 and the exported 合计 show the same digits, for random records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(amountArb, amountArb), { minLength: 1, maxLength: 6 }), async (rows) => {
        const record = county('随机县', 3, (input) => {
          input.disbursements = rows.map(([planned, actual], i) => ({
            seq: i + 1,
            category: 'other',
            name: `项目${i + 1}`,
            planned,
            actual,
          }));
        });
        const { text, finer } = displayDecimal(record.totals.actual);
        expect(/^\d+\.\d{2,6}$/.test(text)).toBe(true);
        expect(record.disbursementSummary).toContain(`共${text}万元`);
        const printed = /<tr class="total">.*?<\/tr>/s
          .exec(printHtml([record], { script: 'hans', signature: false }))![0]
          .replace(/<[^>]+>/g, '|');
        expect(printed).toContain(`|${text}|${finer ? '*|' : ''}`);
        const sheet = (await loadSheets(await exportWorkbook([record]))).worksheets[0];
        let totalRow!: ExcelJS.Row;
        sheet.eachRow((row) => void (row.getCell(1).value === '合计' && (totalRow = row)));
        const cell = totalRow.getCell(4);
        expect(shown((cell.value as { result: number }).result, cell.numFmt)).toBe(finer ? `${text}*` : text);
      }),
      { seed: 20261129, numRuns: 40 },
    );
  });

  it('1348.8 is 1348.80 in the sentence as in the tables; 430.495 keeps its digits, marked, everywhere', async () => {
    const record = county('南丰县', 7, (input) => {
      input.disbursements = [
        { seq: 1, category: 'logistics', name: '物流', planned: '1000', actual: '918.305' },
        { seq: 2, category: 'training', name: '培训', planned: '500', actual: '430.495' },
      ];
    });
    expect(record.disbursementSummary).toBe('截至验收日,已拨付承办企业资金共1348.80万元,资金拨付率89.92%。');
    const html = printHtml([record], { script: 'hans', signature: false });
    expect(html).toContain('430.495<span class="finer">*</span>');
    expect(html).toContain('带 * 的金额精确到小数点后两位以上');
    const wb = await loadSheets(await exportWorkbook([record, county('樟树市', 8)]));
    const summary = wb.getWorksheet('汇总')!;
    // The summary sheet shows what the county sheet shows: never 430.50 in one place and 430.495 in another.
    const sheet = wb.getWorksheet('南丰县')!;
    const cellOf = (value: number) => {
      let found: ExcelJS.Cell | undefined;
      sheet.eachRow((row) => row.eachCell((c) => void (c.value === value && (found = c))));
      return found!;
    };
    expect(shown(430.495, cellOf(430.495).numFmt)).toBe('430.495*');
    expect(summary.getCell('G2').numFmt).toBe('0.00');
    expect(shown(1348.8, summary.getCell('G2').numFmt)).toBe('1348.80');
  });
});

describe('the exported workbook prints as a reviewer signs it', () => {
  it('repeats the items header on every page and numbers each sheet from 1 (read back with exceljs)', async () => {
    const wb = await loadSheets(await exportWorkbook([seed, county('南丰县', 7)], 'hant'));
    for (const name of ['樟树市', '南丰县']) {
      const sheet = wb.getWorksheet(name)!;
      const header = Number(sheet.pageSetup.printTitlesRow!.split(':')[0]);
      expect(sheet.getRow(header).getCell(1).value).toBe('序號');
      expect(sheet.getRow(header).getCell(3).value).toBe('項目實施目標');
      expect(sheet.pageSetup.firstPageNumber).toBe(1);
      expect(sheet.headerFooter.oddFooter).toBe(`&C${name} 第 &P 頁`);
    }
    expect(wb.getWorksheet('匯總')!.headerFooter.oddFooter).toBe('&C匯總 第 &P 頁');
    const single = await loadSheets(await exportWorkbook([seed]));
    expect(single.worksheets[0].headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
  });

  it('gives names and texts room and keeps one-line rows even', async () => {
    const sheet = (await loadSheets(await exportWorkbook([seed]))).worksheets[0];
    const widths = sheet.columns.map((c) => c.width!);
    expect(widths[0]).toBeLessThan(10);
    expect(widths[4]).toBeLessThan(16);
    // 具体项目名称 holds each of the seed's names on one line.
    for (const d of seed.disbursements) expect(wrappedLines(d.name, widths[1]), d.name).toBe(1);
    const heights = seed.disbursements.map((_, i) => sheet.getRow(sheet.actualRowCount - 6 + i).height);
    expect(new Set(heights)).toEqual(new Set([21]));
  });

  it(
    'printed by LibreOffice, a two-county workbook numbers each county from 1, with the items header on every page',
    { tags: ['another-program'], timeout: 180_000 },
    async () => {
      const dir = tempDir();
      const long = county('南丰县', 7, (input) => {
        input.items = Array.from({ length: 12 }, (_, i) => ({ ...input.items[i % 6], seq: i + 1 }));
      });
      const file = path.join(dir, 'two.xlsx');
      fs.writeFileSync(file, await exportWorkbook([seed, long]));
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], {
        stdio: 'ignore',
        timeout: 180_000,
      });
      const pdf = path.join(dir, 'two.pdf');
      const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      const pages = Array.from({ length: count }, (_, i) =>
        execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
      );
      const footers = pages.map((p) => /(汇总|樟树市|南丰县)第(\d+)页/.exec(p)?.slice(1, 3).join(' '));
      expect(footers[0]).toBe('汇总 1');
      expect(footers).toContain('樟树市 1');
      expect(footers).toContain('南丰县 1');
      const nanfeng = footers.map((f, i) => ({ f, i })).filter(({ f }) => f?.startsWith('南丰县'));
      expect(nanfeng.map(({ f }) => f)).toEqual(nanfeng.map((_, k) => `南丰县 ${k + 1}`));
      expect(nanfeng.length).toBeGreaterThan(1);
      for (const { i } of nanfeng) expect(pages[i]).toContain('项目实施目标');
    },
  );
});
