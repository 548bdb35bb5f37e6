// The acceptance workbook (official-layout.md): one sheet per county, 汇总 first when several.
import ExcelJS from 'exceljs';
import { basicParagraph, disbursementSummary, documentTitle, WORDING } from '../../../shared/document';
import { fen, type CountyRecord } from '../../../shared/record';
import { displayDecimal, formatWan, rate, shiftDecimal, sumFen } from '../../../shared/money';
import { stripXmlUnsafe, type Script } from '../../../shared/text';
import {
  amountCell,
  BODY_FONT,
  centredCell,
  fitRow,
  HEADER_FONT,
  HEADING_FONT,
  headerRow,
  mergedText,
  MIDDLE,
  moneyFormat,
  num,
  numberCell,
  ONE_LINE_ROW,
  pageFooter,
  percentFormat,
  setupPage,
  style,
  tableRow,
  textCell,
  textWidth,
  TITLE_FONT,
} from './sheet-kit';
import { checkRecord } from '../../../shared/checks';
import { META_SCHEMA, META_SHEET, sheetName, type SheetMeta } from './layout';
import { maxOf } from '../../../shared/arrays';
import { PERFORMANCE_SHEET, writePerformanceSheet, type PerformanceMeta } from './performance-export';

/** The page width the five columns share (Excel character units; fit to one A4 landscape page). */
const PAGE_WIDTH = 150;

/**
 * Column widths of a county sheet from its content: 序号 and the rate narrow; 项目名称 as wide as
 * its longest name needs (within reason); 项目实施目标 and 目标完成情况 share the rest in proportion
 * to how much text each holds. (The two tables share the five columns of the official layout, so
 * the amounts of 三 stand in the text columns of 二.)
 */
export function countyColumnWidths(record: CountyRecord): number[] {
  const [seq, rate] = [7, 13];
  const names = [...record.items, ...record.disbursements].map((r) => textWidth(r.name));
  const name = Math.min(36, Math.max(20, maxOf(names, 0) + 2));
  const volume = (texts: string[]) => texts.reduce((n, t) => n + textWidth(t), 0) + 1;
  const [target, completion] = [volume(record.items.map((i) => i.target)), volume(record.items.map((i) => i.completion))];
  const rest = PAGE_WIDTH - seq - name - rate;
  const targetWidth = Math.round(Math.min(rest - 30, Math.max(30, (rest * target) / (target + completion))));
  return [seq, name, targetWidth, rest - targetWidth, rate];
}

/** Writes one county sheet; returns what the hidden metadata sheet keeps for it. */
/** The ledger sheet of a record, where its payments stand: rows 3 … last. */
type LedgerPlace = { sheet: string; last: number };

/**
 * 实际拨付额度 of a line with payments, as the workbook keeps it true when edited: the SUMIFS of its
 * payments on the 拨付台账 sheet dated on or before the as-of day, with the exact sum cached.
 */
export function ledgerSumFormula(place: LedgerPlace, seq: number, asOf: string, result: string | null): ExcelJS.CellValue {
  const q = `'${place.sheet.replace(/'/g, "''")}'!`;
  const col = (c: string) => `${q}$${c}$3:$${c}$${Math.max(3, place.last)}`;
  const [y, m, d] = asOf.split('-').map(Number);
  return {
    formula: `SUMIFS(${col('D')},${col('A')},${seq},${col('C')},"<="&DATE(${y},${m},${d}))`,
    result: result === null ? 0 : num(result),
  };
}

type Words = (typeof WORDING)[Script];

function writeCountySheet(sheet: ExcelJS.Worksheet, record: CountyRecord, script: Script, footer: string, ledger?: LedgerPlace): SheetMeta {
  const w = WORDING[script];
  const widths = countyColumnWidths(record);
  const spanWidth = widths.reduce((a, b) => a + b, 0);
  let r = 1;
  const title = documentTitle(record.county.name, script);
  fitRow(mergedText(sheet, r, title, TITLE_FONT, 'center'), [{ text: title, width: spanWidth }], 1.6);
  r++;
  mergedText(sheet, r, w.basic, HEADING_FONT, 'left').height = 24;
  r++;
  const paragraph = basicParagraph(record.county, script);
  fitRow(mergedText(sheet, r, paragraph, BODY_FONT, 'left'), [{ text: paragraph, width: spanWidth }]);
  r++;
  mergedText(sheet, r, w.items, HEADING_FONT, 'left').height = 24;
  r++;
  const itemsHeader = r;
  r = writeItems(sheet, r, record, w, widths);
  mergedText(sheet, r, w.disbursements, HEADING_FONT, 'left').height = 24;
  r++;
  const summary = disbursementSummary(record, script);
  fitRow(mergedText(sheet, r, summary, BODY_FONT, 'left'), [{ text: summary, width: spanWidth }]);
  r++;
  r = writeDisbursements(sheet, r, record, w, widths, ledger);
  const t = record.totals;
  const finer = [...record.disbursements.flatMap((d) => [d.planned, d.actual]), t.planned, t.actual].some(
    (m) => m !== null && displayDecimal(m).finer,
  );
  if (finer) mergedText(sheet, ++r, w.finerNote, BODY_FONT, 'left').height = ONE_LINE_ROW;
  // The items table runs over pages: its header repeats on each (Excel repeats one row range a sheet).
  setupPage(sheet, widths, r, 'E', footer, itemsHeader);
  return countySheetMeta(record);
}

/** Table 二 from row `r`: its header, then a row per item; the row after it. */
function writeItems(sheet: ExcelJS.Worksheet, r: number, record: CountyRecord, w: Words, widths: number[]): number {
  headerRow(sheet, r++, w.itemHeaders, widths);
  for (const item of record.items) {
    const rate = item.completionRate;
    const row = tableRow(sheet, r, [
      [item.seq, centredCell()],
      [item.name, textCell()],
      [item.target, textCell()],
      [item.completion, textCell()],
      rate === null ? [null, centredCell()] : [num(shiftDecimal(rate, -2)), centredCell(BODY_FONT, percentFormat(rate))],
    ]);
    fitRow(
      row,
      [item.name, item.target, item.completion].map((text, i) => ({ text, width: widths[i + 1] })),
    );
    r++;
  }
  return r;
}

/**
 * Table 三 from row `r`: its header, a row per line (实际 as its payments' sum where the ledger has
 * them), rates and the 合计 as live formulas; the 合计 row.
 */
function writeDisbursements(
  sheet: ExcelJS.Worksheet,
  r: number,
  record: CountyRecord,
  w: Words,
  widths: number[],
  ledger: LedgerPlace | undefined,
): number {
  headerRow(sheet, r++, w.disbursementHeaders, widths);
  const first = r;
  const withPayments = new Set((record.payments ?? []).map((p) => p.line));
  for (const d of record.disbursements) {
    const row = tableRow(sheet, r, [
      [d.seq, centredCell()],
      [d.name, textCell()],
      amountCell(d.planned),
      ledger && record.asOf && withPayments.has(d.seq)
        ? [ledgerSumFormula(ledger, d.seq, record.asOf, d.actual), numberCell(moneyFormat(d.actual ?? '0'))]
        : amountCell(d.actual),
      [rateFormula(r, d.rate), numberCell('0.00%')],
    ]);
    fitRow(row, [{ text: d.name, width: widths[1] }]);
    r++;
  }
  const last = r - 1;
  const t = record.totals;
  const sum = (col: string, value: string): ExcelJS.CellValue =>
    record.disbursements.length ? { formula: `SUM(${col}${first}:${col}${last})`, result: num(value) } : 0;
  const total = tableRow(sheet, r, [
    [w.total, centredCell(HEADER_FONT)],
    [null, centredCell(HEADER_FONT)],
    [sum('C', t.planned), numberCell(moneyFormat(t.planned), HEADER_FONT)],
    [sum('D', t.actual), numberCell(moneyFormat(t.actual), HEADER_FONT)],
    [rateFormula(r, t.rate), numberCell('0.00%', HEADER_FONT)],
  ]);
  sheet.mergeCells(r, 1, r, 2);
  total.height = 22;
  return r;
}

/** What the hidden metadata sheet keeps of a county's sheet: what the printed layout has no place for. */
function countySheetMeta(record: CountyRecord): SheetMeta {
  const t = record.totals;
  return {
    name: record.county.name,
    province: record.county.province,
    prefecture: record.county.prefecture,
    acceptedOn: record.county.acceptedOn,
    items: record.items.map((i) => ({ seq: i.seq, name: i.name, category: i.category })),
    disbursements: record.disbursements.map((d) => ({
      seq: d.seq,
      name: d.name,
      category: d.category,
      ...(d.statedRate !== undefined ? { statedRate: d.statedRate } : {}),
    })),
    ...(t.statedRate !== undefined ? { totalsStatedRate: t.statedRate } : {}),
  };
}

/** `=D15/C15` with its cached result; planned 0 has no rate ("—"). */
function rateFormula(row: number, rate: string | null, planned = 'C', actual = 'D'): ExcelJS.CellValue {
  if (rate === null)
    return {
      formula: `IF(OR(${planned}${row}="",${actual}${row}="",${planned}${row}=0),"—",${actual}${row}/${planned}${row})`,
      result: '—',
    };
  return { formula: `${actual}${row}/${planned}${row}`, result: num(shiftDecimal(rate, -2)) };
}

const SUMMARY_WIDTHS = [10, 10, 14, 8, 8, 18, 18, 14, 8];

function writeSummarySheet(sheet: ExcelJS.Worksheet, records: CountyRecord[], script: Script, countySheets: string[]): void {
  const w = WORDING[script];
  headerRow(sheet, 1, w.summaryHeaders, SUMMARY_WIDTHS);
  sheet.getRow(1).height = 32;
  records.forEach((rec, i) => {
    const r = i + 2;
    const c = rec.county;
    tableRow(sheet, r, [
      [c.province, textCell()],
      [c.prefecture, textCell()],
      [{ text: stripXmlUnsafe(c.name), hyperlink: `#'${countySheets[i].replace(/'/g, "''")}'!A1` }, textCell()],
      [c.batch, centredCell()],
      [c.year, centredCell()],
      [num(rec.totals.planned), numberCell(moneyFormat(rec.totals.planned))],
      [num(rec.totals.actual), numberCell(moneyFormat(rec.totals.actual))],
      [rateFormula(r, rec.totals.rate, 'F', 'G'), numberCell('0.00%')],
      [checkRecord(rec).filter((f) => f.severity === 'warning').length, centredCell()],
    ]);
  });
  const r = records.length + 2;
  const planned = sumFen(records.map((x) => fen(x.totals.planned)));
  const actual = sumFen(records.map((x) => fen(x.totals.actual)));
  const sumOf = (col: string, value: bigint) => ({ formula: `SUM(${col}2:${col}${r - 1})`, result: num(formatWan(value)) });
  tableRow(sheet, r, [
    [w.total, centredCell(HEADER_FONT)],
    ...Array.from({ length: 4 }, (): [ExcelJS.CellValue, Partial<ExcelJS.Style>] => [null, textCell(HEADER_FONT)]),
    [sumOf('F', planned), numberCell(moneyFormat(formatWan(planned)), HEADER_FONT)],
    [sumOf('G', actual), numberCell(moneyFormat(formatWan(actual)), HEADER_FONT)],
    [rateFormula(r, rate(actual, planned), 'F', 'G'), numberCell('0.00%', HEADER_FONT)],
    [null, textCell(HEADER_FONT)],
  ]);
  setupPage(sheet, SUMMARY_WIDTHS, r, 'I', pageFooter(script, w.summarySheet), 1);
}

const LEDGER_WIDTHS = [7, 30, 13, 14, 26, 14, 12, 24];

/** The ledger of one county: a title, then one row per payment (line, day, amount, payee, voucher, stage, note). */
function writeLedgerSheet(sheet: ExcelJS.Worksheet, record: CountyRecord, script: Script, footer: string): void {
  const w = WORDING[script];
  const title = w.ledgerTitle(record.county.name, record.asOf!);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = stripXmlUnsafe(title);
  titleCell.style = style(HEADING_FONT, { ...MIDDLE, horizontal: 'center' });
  sheet.mergeCells(1, 1, 1, LEDGER_WIDTHS.length);
  sheet.getRow(1).height = 28;
  headerRow(sheet, 2, w.ledgerHeaders, LEDGER_WIDTHS);
  const names = new Map(record.disbursements.map((d) => [d.seq, d.name]));
  record.payments!.forEach((p, i) => {
    const [y, m, d] = p.date.split('-').map(Number);
    const row = tableRow(sheet, i + 3, [
      [p.line, centredCell()],
      [names.get(p.line) ?? '', textCell()],
      [new Date(Date.UTC(y, m - 1, d)), centredCell(BODY_FONT, 'yyyy-mm-dd')],
      amountCell(p.amount),
      [p.payee, textCell()],
      [p.voucher, textCell()],
      [p.stage, textCell()],
      [p.note, textCell()],
    ]);
    // A payment after the as-of day is not counted in table 三: greyed, and its date says so.
    if (p.date > record.asOf!) {
      row.eachCell((c) => (c.style = { ...c.style, font: { ...c.style.font, color: { argb: 'FF808080' }, italic: true } }));
      row.getCell(3).note = w.ledgerAfterDay(record.asOf!);
    }
    fitRow(row, [
      { text: names.get(p.line) ?? '', width: LEDGER_WIDTHS[1] },
      { text: p.payee, width: LEDGER_WIDTHS[4] },
      { text: p.note, width: LEDGER_WIDTHS[7] },
    ]);
  });
  setupPage(sheet, LEDGER_WIDTHS, record.payments!.length + 2, 'H', footer, 2);
}

export async function exportWorkbook(records: CountyRecord[], script: Script = 'hans'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yanshou 验收台';
  workbook.created = new Date();
  const taken = new Set<string>();
  const summary = records.length > 1 ? workbook.addWorksheet(sheetName(WORDING[script].summarySheet, taken)) : null;
  const names = records.map((record) => sheetName(record.county.name, taken));
  // The ledger sheets' names are known before the county sheets are written: 实际拨付额度 refers to them.
  const label = WORDING[script].ledgerSheet;
  const ledgerNames = records.map((record) =>
    record.payments?.length ? sheetName(records.length > 1 ? `${label}-${record.county.name}` : label, taken) : null,
  );
  const meta: [string, SheetMeta][] = [];
  records.forEach((record, i) => {
    const sheet = workbook.addWorksheet(names[i]);
    const ledger = ledgerNames[i] ? { sheet: ledgerNames[i]!, last: record.payments!.length + 2 } : undefined;
    meta.push([
      names[i],
      writeCountySheet(sheet, record, script, pageFooter(script, records.length > 1 ? record.county.name : null), ledger),
    ]);
  });
  if (summary) writeSummarySheet(summary, records, script, names);
  records.forEach((record, i) => {
    if (!ledgerNames[i]) return;
    const sheet = workbook.addWorksheet(ledgerNames[i]!);
    writeLedgerSheet(sheet, record, script, pageFooter(script, records.length > 1 ? `${record.county.name} ${label}` : label));
  });
  // 四、绩效自评: one 绩效自评表 sheet per record that keeps one.
  const perfMeta: [string, PerformanceMeta][] = [];
  for (const record of records) {
    if (!record.performance) continue;
    const label = script === 'hant' ? '績效自評表' : PERFORMANCE_SHEET;
    const name = sheetName(records.length > 1 ? `${label}-${record.county.name}` : label, taken);
    perfMeta.push([
      name,
      writePerformanceSheet(
        workbook.addWorksheet(name),
        record,
        script,
        pageFooter(script, records.length > 1 ? `${record.county.name} ${label}` : label),
      ),
    ]);
  }
  const metaSheet = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  perfMeta.forEach(([name, m], i) => {
    metaSheet.getCell(meta.length + i + 2, 1).value = name;
    metaSheet.getCell(meta.length + i + 2, 2).value = stripXmlUnsafe(JSON.stringify(m));
  });
  metaSheet.getCell(1, 1).value = META_SCHEMA;
  meta.forEach(([name, m], i) => {
    metaSheet.getCell(i + 2, 1).value = name;
    metaSheet.getCell(i + 2, 2).value = stripXmlUnsafe(JSON.stringify(m));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
