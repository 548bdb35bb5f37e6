// How Yanshou writes a sheet in the official style (export, template): fonts, borders, number
// formats, rows tall enough for their wrapped text, and the A4 page every sheet prints on.
import type ExcelJS from 'exceljs';
import { WORDING } from '../../../shared/document';
import { decimalsOf, displayDecimal, FINER_MARK } from '../../../shared/money';
import { stripXmlUnsafe, type Script } from '../../../shared/text';
import { maxOf } from '../../../shared/arrays';

export const TITLE_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 18, bold: true };
export const HEADING_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 14, bold: true };
export const HEADER_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 11, bold: true };
export const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const MIDDLE = { vertical: 'middle' as const, wrapText: true };

/**
 * Cell styles, one object per kind, shared by every cell of that kind and never changed: exceljs
 * remembers the style id of an object it has seen, so a shared object is written once.
 */
const STYLES = new Map<string, Partial<ExcelJS.Style>>();
export function style(
  font: Partial<ExcelJS.Font>,
  alignment: Partial<ExcelJS.Alignment>,
  border?: Partial<ExcelJS.Borders>,
  numFmt?: string,
): Partial<ExcelJS.Style> {
  const key = JSON.stringify([font, alignment, border ? 1 : 0, numFmt]);
  let s = STYLES.get(key);
  if (!s) {
    s = { font, alignment, ...(border ? { border } : {}), ...(numFmt ? { numFmt } : {}) };
    STYLES.set(key, s);
  }
  return s;
}
export const textCell = (font = BODY_FONT) => style(font, MIDDLE, BORDER);
export const centredCell = (font = BODY_FONT, numFmt?: string) => style(font, { ...MIDDLE, horizontal: 'center' }, BORDER, numFmt);
export const numberCell = (numFmt: string, font = BODY_FONT) => style(font, MIDDLE, BORDER, numFmt);
export const POINTS_PER_LINE = 14.5;

/** A decimal string as a spreadsheet number (display only; the text is what is exact). */
export const num = (decimal: string): number => Number(decimal);
/** Two decimals; an amount finer than that in full, marked as every table marks it (moneyDisplay). */
export const moneyFormat = (money: string) => (displayDecimal(money).finer ? `0.00####"${FINER_MARK}"` : '0.00');
/** An amount's cell: its number, or blank while it is not entered. */
export const amountCell = (money: string | null): [ExcelJS.CellValue, Partial<ExcelJS.Style>] =>
  money === null ? [null, numberCell('0.00')] : [num(money), numberCell(moneyFormat(money))];
export const percentFormat = (percent: string) => (decimalsOf(percent) > 0 ? `0.${'0'.repeat(decimalsOf(percent))}%` : '0%');

const WIDE: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

/** Display width in Excel character units: CJK and full-width characters count two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
  }
  return w;
}

/** Lines a wrapped text takes in a column of `width` characters (a little margin for padding). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5);
  return text.split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

/** A row just tall enough for its longest wrapped text; every one-line row the same height. */
export function fitRow(row: ExcelJS.Row, texts: { text: string; width: number }[], scale = 1): void {
  const lines = maxOf(
    texts.map((t) => wrappedLines(t.text, t.width)),
    1,
  );
  row.height = lines === 1 && scale === 1 ? ONE_LINE_ROW : Math.max(ONE_LINE_ROW, Math.ceil(lines * POINTS_PER_LINE * scale + 6));
}
export const ONE_LINE_ROW = 21;

export function mergedText(
  sheet: ExcelJS.Worksheet,
  rowNo: number,
  text: string,
  font: Partial<ExcelJS.Font>,
  horizontal: 'left' | 'center',
) {
  const cell = sheet.getCell(rowNo, 1);
  cell.value = stripXmlUnsafe(text);
  cell.style = style(font, { ...MIDDLE, horizontal });
  sheet.mergeCells(rowNo, 1, rowNo, 5);
  return sheet.getRow(rowNo);
}

/** A table row: values with their cell styles, column by column. */
export function tableRow(sheet: ExcelJS.Worksheet, rowNo: number, cells: [ExcelJS.CellValue, Partial<ExcelJS.Style>][]): ExcelJS.Row {
  const row = sheet.getRow(rowNo);
  cells.forEach(([value, s], i) => {
    const cell = row.getCell(i + 1);
    // Whatever the data holds, the file stays valid XML (an old record may hold a stray control character).
    cell.value = typeof value === 'string' ? stripXmlUnsafe(value) : value;
    cell.style = s;
  });
  return row;
}

export function headerRow(sheet: ExcelJS.Worksheet, rowNo: number, headers: readonly string[], widths: number[]): void {
  const row = tableRow(
    sheet,
    rowNo,
    headers.map((h) => [h, centredCell(HEADER_FONT)]),
  );
  fitRow(
    row,
    headers.map((h, i) => ({ text: h, width: widths[i] })),
  );
}

/**
 * A4 landscape, one page wide, 2 cm margins, every sheet the same way. Each sheet numbers its
 * pages from 1 ("第 1 页 共 3 页" for one county; with several, each county's pages carry its name,
 * "樟树市 第 1 页", since a total would count the whole workbook). `titleRow` repeats on each page.
 */
export function setupPage(
  sheet: ExcelJS.Worksheet,
  widths: number[],
  lastRow: number,
  lastColumn: string,
  footer: string,
  titleRow?: number,
): void {
  sheet.columns = widths.map((width) => ({ width }));
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.79, right: 0.79, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
    printArea: `A1:${lastColumn}${lastRow}`,
    firstPageNumber: 1,
    ...(titleRow ? { printTitlesRow: `${titleRow}:${titleRow}` } : {}),
  };
  sheet.headerFooter = { oddFooter: `&C${footer}` };
}

/** Excel's footer (codes &P, &N) for page numbers, in the document's script; a label's own & doubled. */
export const pageFooter = (script: Script, label: string | null) => {
  const unit = WORDING[script].pageUnit;
  return label === null ? `第 &P ${unit} 共 &N ${unit}` : `${stripXmlUnsafe(label).replace(/&/g, '&&')} 第 &P ${unit}`;
};
