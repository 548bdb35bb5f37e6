// The blank template (yanshou template): what a county receives (Excel's own checks, a 类别
// dropdown, instructions, the print setup), and that the template filled in by hand — by exceljs,
// and then saved again by LibreOffice — imports to exactly the record that was typed in.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { templateWorkbook, TEMPLATE_ROWS } from '../../../../electron/services/excel/template';
import { readWorkbook } from '../../../../electron/services/excel/import';
import { categoryLabel } from '../../../../shared/fields';
import { computeRecord, type CountyRecord } from '../../../../shared/record';
import { CATEGORIES, toTraditional, type Category, type Script } from '../../../../shared/text';
import { referenceFixture, tempDir } from '../../../helpers/fixtures';

const load = async (bytes: Uint8Array | Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
};

const headerRows = (sheet: ExcelJS.Worksheet, seqLabel: string) => {
  const rows: number[] = [];
  sheet.eachRow((row, r) => {
    if (row.getCell(1).value === seqLabel) rows.push(r);
  });
  return rows;
};

/** A record whose categories are not what its names imply: only the 类别 column can say them. */
function seedWithChosenCategories(script: Script): CountyRecord {
  const record = structuredClone(referenceFixture(script));
  const pick = (i: number): Category => CATEGORIES[(i + 3) % CATEGORIES.length];
  record.items.forEach((row, i) => (row.category = pick(i)));
  record.disbursements.forEach((row, i) => (row.category = pick(i + 1)));
  record.county.acceptedOn = '2023-05-20';
  return computeRecord(record);
}

/** Types the record into the template as a clerk would: facts beside their labels, rows under the headers, 类别 from the list. */
async function fillIn(script: Script, record: CountyRecord): Promise<Buffer> {
  const workbook = await load(await templateWorkbook(script));
  const sheet = workbook.worksheets[0];
  const t = (text: string) => (script === 'hant' ? toTraditional(text) : text);
  const c = record.county;
  const facts: Record<string, ExcelJS.CellValue> = {
    省: c.province,
    市: c.prefecture,
    '县（市、区）': c.name,
    批次: `第${'一二三四五六七八九'[c.batch - 1]}批`,
    示范年度: c.year,
    立项时间: '2021年9月',
    验收日期: new Date(Date.UTC(2023, 4, 20)),
    '项目总投资（万元）': Number(c.investment.total),
    '其中：中央资金（万元）': Number(c.investment.central),
    '政府配套资金（万元）': Number(c.investment.localGov),
    '社会资本（万元）': Number(c.investment.social),
    '安排使用中央资金（万元）': Number(c.centralArrangedUse),
    建设情况: c.statusNote,
  };
  sheet.eachRow((row) => {
    const label = row.getCell(2).value;
    for (const [key, value] of Object.entries(facts)) if (label === t(key)) row.getCell(3).value = value;
  });
  const [items, lines] = headerRows(sheet, t('序号'));
  const label = (category: Category) => t(categoryLabel(category, 'zh'));
  record.items.forEach((item, i) => {
    const row = sheet.getRow(items + 1 + i);
    [
      item.seq,
      item.name,
      item.target,
      item.completion,
      item.completionRate === null ? null : Number(item.completionRate) / 100,
      label(item.category),
    ].forEach((v, k) => (row.getCell(k + 1).value = v));
  });
  record.disbursements.forEach((d, i) => {
    const row = sheet.getRow(lines + 1 + i);
    [
      d.seq,
      d.name,
      Number(d.planned),
      Number(d.actual),
      d.statedRate === undefined ? null : Number(d.statedRate) / 100,
      label(d.category),
    ].forEach((v, k) => (row.getCell(k + 1).value = v));
  });
  const total = sheet.getRow(lines + 1 + TEMPLATE_ROWS);
  total.getCell(3).value = Number(record.totals.planned);
  total.getCell(4).value = Number(record.totals.actual);
  total.getCell(5).value = Number(record.totals.statedRate) / 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * What the template says back: the record typed in. A stated rate typed as a number keeps the
 * digits the cell shows, not a trailing zero the seed wrote (91.40 → 0.914 → 91.4).
 */
function expected(record: CountyRecord): CountyRecord {
  const out = structuredClone(record);
  const asNumber = (rate: string) => String(Number(rate));
  for (const d of out.disbursements) if (d.statedRate !== undefined) d.statedRate = asNumber(d.statedRate);
  if (out.totals.statedRate !== undefined) out.totals.statedRate = asNumber(out.totals.statedRate);
  return out;
}

describe('the blank template', () => {
  for (const script of ['hans', 'hant'] as const)
    it(`(${script}) checks amounts and rates in Excel itself, offers 类别 as a list, explains itself and prints as the export`, async () => {
      const workbook = await load(await templateWorkbook(script));
      const [sheet, notes] = workbook.worksheets;
      const t = (text: string) => (script === 'hant' ? toTraditional(text) : text);
      expect(notes.name).toBe(t('填表说明'));
      expect(String(notes.getCell(1, 1).value)).toBe(t('填表说明'));
      const [items, lines] = headerRows(sheet, t('序号'));
      expect(sheet.getRow(lines).getCell(6).value).toBe(t('类别'));
      const amount = sheet.getCell(lines + 1, 3).dataValidation;
      expect(amount).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
      expect(sheet.getCell(lines + TEMPLATE_ROWS, 4).dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });
      expect(sheet.getCell(items + 1, 5).dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });
      const list = sheet.getCell(items + 1, 6).dataValidation;
      expect(list.type).toBe('list');
      expect(list.formulae[0]).toBe(`"${CATEGORIES.map((c) => t(categoryLabel(c, 'zh'))).join(',')}"`);
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
      expect(sheet.pageSetup.printTitlesRow).toBe(`${items}:${items}`);
    });

  it('left blank, it is refused naming what is missing, and nothing is made up', async () => {
    const [read] = await readWorkbook({ name: 'blank.xlsx', bytes: await templateWorkbook('hans') });
    expect(read.input).toBeNull();
    expect(read.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toContain('missing_fact');
  });

  for (const script of ['hans', 'hant'] as const)
    it(`(${script}) filled in with exceljs, imports exactly: facts, rows, stated rates and the 类别 chosen from the list`, async () => {
      const record = seedWithChosenCategories(script);
      const [read] = await readWorkbook({ name: 'filled.xlsx', bytes: await fillIn(script, record) });
      expect(read.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      expect(computeRecord(read.input!)).toEqual(expected(record));
    });

  it("rates typed with decimals keep them: 82.5%, 99.25% and 82.6077% are not rounded by the template's own formats", async () => {
    const record = seedWithChosenCategories('hans');
    record.items[0].completionRate = '82.5';
    record.items[1].completionRate = '99.25';
    record.disbursements[0].statedRate = '82.6077';
    const [read] = await readWorkbook({ name: 'decimals.xlsx', bytes: await fillIn('hans', computeRecord(record)) });
    expect(read.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(read.input!.items.slice(0, 2).map((i) => i.completionRate)).toEqual(['82.5', '99.25']);
    expect(read.input!.disbursements[0].statedRate).toBe('82.6077');
  });

  it('filled in, then saved by LibreOffice, imports exactly', async () => {
    const dir = tempDir();
    const scripts = ['hans', 'hant'] as const;
    for (const script of scripts)
      fs.writeFileSync(path.join(dir, `${script}.xlsx`), await fillIn(script, seedWithChosenCategories(script)));
    const out = path.join(dir, 'out');
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        out,
        ...scripts.map((s) => path.join(dir, `${s}.xlsx`)),
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
    for (const script of scripts) {
      const bytes = fs.readFileSync(path.join(out, `${script}.xlsx`));
      // Written by LibreOffice itself, not the file exceljs wrote.
      expect(await (await JSZip.loadAsync(bytes)).file('docProps/app.xml')!.async('string')).toContain('LibreOffice');
      const [read] = await readWorkbook({ name: `${script}.xlsx`, bytes });
      expect(read.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      expect(computeRecord(read.input!)).toEqual(expected(seedWithChosenCategories(script)));
    }
  }, 240_000);

  it('a 类别 typed by hand that is not in the list is told at its cell; the name decides instead', async () => {
    const record = seedWithChosenCategories('hans');
    const workbook = await load(await fillIn('hans', record));
    const sheet = workbook.worksheets[0];
    const [, lines] = headerRows(sheet, '序号');
    sheet.getCell(lines + 1, 6).value = '物流之类';
    const [read] = await readWorkbook({ name: 'typed.xlsx', bytes: Buffer.from(await workbook.xlsx.writeBuffer()) });
    expect(read.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.cell, f.params.value])).toEqual([
      ['unknown_category', `F${lines + 1}`, '物流之类'],
    ]);
    expect(read.input!.disbursements[0].category).toBe('logistics');
  });
});
