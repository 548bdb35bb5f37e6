// The overview as a workbook: one 汇总 sheet with the rows the app shows — each county, a subtotal
// row after each group and the grand total — the sums as SUBTOTAL formulas (which leave the
// subtotals nested inside them out) and the rates as formulas of those sums, every formula with its
// exact result cached, so the file reads right before Excel, WPS or LibreOffice recalculates it.
import ExcelJS from 'exceljs';
import { shiftDecimal } from '../../../shared/money';
import { localDayOf } from '../../../shared/status';
import { overviewRows, typedFigures, type OverviewRow } from '../../../shared/overview';
import {
  OVERVIEW_WORDING,
  rowLabel,
  scopeText,
  statusCell,
  sumCount,
  type OverviewDocumentOptions,
} from '../../../shared/overview-document';
import { stripXmlUnsafe, toTraditional } from '../../../shared/text';
import type { OverviewRecord } from '../../../shared/overview';
import {
  BODY_FONT,
  centredCell,
  fitRow,
  HEADER_FONT,
  headerRow,
  MIDDLE,
  moneyFormat,
  num,
  numberCell,
  pageFooter,
  setupPage,
  style,
  tableRow,
  textCell,
  TITLE_FONT,
} from './sheet-kit';

const WIDTHS = [10, 10, 14, 7, 7, 8, 17, 17, 12, 7, 18, 12, 10, 7];
const LAST_COLUMN = 'N';
/** The columns holding numbers summed by subtotal rows: 项目数, 计划, 实际, 警告. */
const SUMMED = { items: 'F', planned: 'G', actual: 'H', warnings: 'J' } as const;

/** `=H5/G5` with its cached result; no planned amount, no rate ("—"). */
function rateFormula(row: number, rate: string | null): ExcelJS.CellValue {
  const [p, a] = [`G${row}`, `H${row}`];
  return { formula: `IF(OR(${p}="",${p}=0),"—",${a}/${p})`, result: rate === null ? '—' : num(shiftDecimal(rate, -2)) };
}

function banner(sheet: ExcelJS.Worksheet, row: number, text: string, font: Partial<ExcelJS.Font>, height: number): void {
  const cell = sheet.getCell(row, 1);
  cell.value = stripXmlUnsafe(text);
  cell.style = style(font, { ...MIDDLE, horizontal: 'center' });
  sheet.mergeCells(row, 1, row, WIDTHS.length);
  sheet.getRow(row).height = height;
}

export async function overviewWorkbook(
  records: OverviewRecord[],
  options: OverviewDocumentOptions,
  provinceRank?: ReadonlyMap<string, number>,
): Promise<Buffer> {
  const { script } = options;
  const w = OVERVIEW_WORDING[script];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yanshou 验收台';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(w.sheet, { views: [{ state: 'frozen', ySplit: 3 }] });
  banner(sheet, 1, w.title, TITLE_FONT, 30);
  banner(
    sheet,
    2,
    [
      scopeText(options.filters, script),
      w.counties(records.length),
      options.asOf ? w.asOf(options.asOf) : null,
      w.printedOn(options.printedOn),
    ]
      .filter(Boolean)
      .join(' · '),
    BODY_FONT,
    20,
  );
  headerRow(sheet, 3, w.headers, WIDTHS);
  const first = 4;
  let r = first;
  // Where the current groups began: a batch's rows start after the last subtotal of any kind, a
  // province's after the last province subtotal (its batch subtotals inside it are left out by SUBTOTAL).
  let afterAny = first;
  let afterProvince = first;
  for (const row of overviewRows(records, options.grouping, provinceRank)) {
    if (row.kind === 'county') writeCounty(sheet, r, row.record);
    else {
      const from = row.kind === 'total' ? first : row.level === 'batch' ? afterAny : afterProvince;
      writeSum(sheet, r, row, from, rowLabel(row, script), sumCount(row.sum, options.asOf, script));
      afterAny = r + 1;
      if (row.kind === 'subtotal' && row.level === 'province') afterProvince = r + 1;
    }
    r++;
  }
  if (options.asOf && records.some((rec) => typedFigures(rec, options.asOf))) banner(sheet, r++, w.typedNote(options.asOf), BODY_FONT, 20);
  setupPage(sheet, WIDTHS, r - 1, LAST_COLUMN, pageFooter(script, null), 3);
  return Buffer.from(await workbook.xlsx.writeBuffer());

  function writeCounty(s: ExcelJS.Worksheet, n: number, rec: OverviewRecord) {
    const row = tableRow(s, n, [
      [rec.province ?? '', textCell()],
      [rec.prefecture ?? '', textCell()],
      [rec.county, textCell()],
      [rec.batch, centredCell()],
      [rec.year, centredCell()],
      [rec.items, centredCell()],
      [num(rec.planned), numberCell(moneyFormat(rec.planned))],
      // A typed total (no ledger) under an as-of day: the number stays a number, shown with ※.
      [
        num(rec.actual),
        numberCell(typedFigures(rec, options.asOf) ? `${moneyFormat(rec.actual)}"${w.typedMark}"` : moneyFormat(rec.actual)),
      ],
      [rateFormula(n, rec.rate), numberCell('0.00%')],
      [rec.warnings + rec.errors, centredCell()],
      [statusCell(rec, script), centredCell()],
      [localDayOf(rec.updatedAt), centredCell()],
      // 四、绩效自评's 总分 and 等级, for the counties that keep one.
      [rec.performance?.total ? num(rec.performance.total) : null, numberCell('0.00')],
      [rec.performance?.grade ? (script === 'hant' ? toTraditional(rec.performance.grade) : rec.performance.grade) : null, centredCell()],
    ]);
    fitRow(
      row,
      [rec.county, rec.province ?? '', rec.prefecture ?? ''].map((text, i) => ({ text, width: WIDTHS[[2, 0, 1][i]] })),
    );
  }
}

function writeSum(
  sheet: ExcelJS.Worksheet,
  n: number,
  row: Exclude<OverviewRow, { kind: 'county' }>,
  from: number,
  label: string,
  count: string,
): void {
  const s = row.sum;
  const font = HEADER_FONT;
  const subtotal = (column: string, result: number) => ({ formula: `SUBTOTAL(9,${column}${from}:${column}${n - 1})`, result });
  const empty = n - 1 < from;
  const value = (column: string, result: number): ExcelJS.CellValue => (empty ? result : subtotal(column, result));
  tableRow(sheet, n, [
    [`${label}(${count})`, textCell(font)],
    [null, textCell(font)],
    [null, textCell(font)],
    [null, textCell(font)],
    [null, textCell(font)],
    [value(SUMMED.items, s.items), centredCell(font)],
    [value(SUMMED.planned, num(s.planned)), numberCell(moneyFormat(s.planned), font)],
    [value(SUMMED.actual, num(s.actual)), numberCell(moneyFormat(s.actual), font)],
    [rateFormula(n, s.rate), numberCell('0.00%', font)],
    [value(SUMMED.warnings, s.warnings), centredCell(font)],
    [null, textCell(font)],
    [null, textCell(font)],
    [null, textCell(font)],
    [null, textCell(font)],
  ]).height = 22;
  sheet.mergeCells(n, 1, n, 5);
}
