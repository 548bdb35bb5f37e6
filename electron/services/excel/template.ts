// The blank acceptance workbook counties fill in (`yanshou template`, 文件 › 空白模板…): the official
// layout with the basic facts as a label/value table, empty rows to fill, amounts and rates checked
// by Excel itself (a decimal ≥ 0), a 类别 dropdown, an instructions sheet, and the export's print
// setup. Filled in by hand, it imports exactly.
import { writeBlankPerformanceSheet } from './performance-export';
import ExcelJS from 'exceljs';
import { WORDING } from '../../../shared/document';
import { categoryLabel } from '../../../shared/fields';
import { CATEGORIES, toTraditional, type Script } from '../../../shared/text';
import {
  BODY_FONT,
  centredCell,
  fitRow,
  HEADER_FONT,
  HEADING_FONT,
  headerRow,
  mergedText,
  numberCell,
  ONE_LINE_ROW,
  pageFooter,
  setupPage,
  tableRow,
  textCell,
  TITLE_FONT,
} from './sheet-kit';

/** Empty rows offered for each table (a county needing more inserts rows, as in any sheet). */
export const TEMPLATE_ROWS = 10;
const WIDTHS = [7, 30, 40, 52, 13, 20];

const FACTS = [
  ['省', null],
  ['市', null],
  ['县（市、区）', null],
  ['批次', '如 第八批 或 8'],
  ['示范年度', '如 2021'],
  ['立项时间', 'month'],
  ['验收日期', 'day'],
  ['项目总投资（万元）', 'money'],
  ['其中：中央资金（万元）', 'money'],
  ['政府配套资金（万元）', 'money'],
  ['社会资本（万元）', 'money'],
  ['安排使用中央资金（万元）', 'money'],
  ['建设情况', '如 当前项目已基本建设完成'],
] as const;

const FACT_FORMATS = { money: '0.00####', month: 'yyyy"年"m"月"', day: 'yyyy"年"m"月"d"日"' } as const;
/**
 * Rates show what was typed, up to 4 decimals (82.5% stays 82.50%, not 83%): the import reads the
 * digits a cell shows, so a format with fewer would round what the county typed.
 */
export const RATE_FORMAT = '0.00##%';

const INSTRUCTIONS = [
  '填表说明',
  '1. 本表为电子商务进农村综合示范县项目验收情况表的空白模板,请按格式填写后交回,不要改动表头文字。',
  '2. 金额单位为万元,可填到小数点后六位(1 分);拨付率由验收台根据计划安排额度和实际拨付额度计算,可以不填。',
  '3. 行数不够时可插入行;不用的空行留空即可。合计行由验收台计算,可不填;如填写,将与各行之和核对。',
  '4. 类别请从下拉列表中选择;不选时,验收台按项目名称判断。',
  '5. 实施目标完成率填百分数,如 90%。',
  '6. 填好后请另存为 .xlsx 格式(Excel 或 WPS 均可)。',
];

const money = (cell: ExcelJS.Cell) => {
  cell.dataValidation = {
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: '金额',
    error: '请填写不小于 0 的数字(万元)',
  };
};
const percent = (cell: ExcelJS.Cell) => {
  cell.dataValidation = {
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: '百分数',
    error: '请填写不小于 0 的百分数,如 90%',
  };
};

type Words = (typeof WORDING)[Script];
type Say = (text: string) => string;

export async function templateWorkbook(script: Script = 'hans'): Promise<Buffer> {
  const w = WORDING[script];
  const t = (text: string) => (script === 'hant' ? toTraditional(text) : text);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yanshou 验收台';
  const sheet = workbook.addWorksheet(t('验收表'));
  let r = 1;
  fitRow(mergedText(sheet, r++, w.title, TITLE_FONT, 'center'), [{ text: w.title, width: 120 }], 1.6);
  mergedText(sheet, r++, w.basic, HEADING_FONT, 'left').height = 24;
  r = writeFactRows(sheet, r, t);
  // The items' header stands under their heading: the rows repeated atop each printed page.
  const itemsHeader = r + 1;
  r = writeBlankTables(sheet, r, w, t);
  setupPage(sheet, WIDTHS, r, 'F', pageFooter(script, null), itemsHeader);
  writeInstructions(workbook.addWorksheet(t('填表说明')), t);
  // 四、绩效自评: the standard 项目支出绩效自评表, blank, for the county to fill in beside its tables.
  writeBlankPerformanceSheet(workbook.addWorksheet(t('绩效自评表')), script, pageFooter(script, t('绩效自评表')));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The facts as a label/value table in columns B and C (A, the 序号 column, is too narrow for labels), from row `r`; the row after it. */
function writeFactRows(sheet: ExcelJS.Worksheet, r: number, t: Say): number {
  const factRow = (label: [ExcelJS.CellValue, Partial<ExcelJS.Style>], value: [ExcelJS.CellValue, Partial<ExcelJS.Style>]) => {
    const row = sheet.getRow(r++);
    [label, value].forEach(([v, s], i) => {
      const cell = row.getCell(i + 2);
      cell.value = v;
      cell.style = s;
    });
    row.height = ONE_LINE_ROW;
    return row;
  };
  factRow([t('项目'), centredCell(HEADER_FONT)], [t('内容'), centredCell(HEADER_FONT)]);
  for (const [label, hint] of FACTS) {
    // A date typed into a date cell stays a date, shown as precisely as the fact asks (a month, a day).
    const format = hint === 'money' || hint === 'month' || hint === 'day' ? FACT_FORMATS[hint] : null;
    const row = factRow([t(label), textCell(HEADER_FONT)], [null, format ? numberCell(format) : textCell()]);
    if (hint === 'money') money(row.getCell(3));
    else if (hint === 'month') row.getCell(3).note = t('如 2021年9月');
    else if (hint === 'day') row.getCell(3).note = t('如 2023年5月20日');
    else if (hint) row.getCell(3).note = t(hint);
  }
  return r;
}

/** The 类别 dropdown (the categories in the template's script). */
function categoryList(t: Say): (cell: ExcelJS.Cell) => void {
  const categories = `"${CATEGORIES.map((c) => categoryLabel(c, 'zh'))
    .map(t)
    .join(',')}"`;
  return (cell) => {
    cell.dataValidation = {
      type: 'list',
      formulae: [categories],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: t('类别'),
      error: t('请从列表中选择类别'),
    };
  };
}

/** Table 二 and table 三 from row `r`, blank rows checked as they are typed (amounts, rates, 类别); the 合计 row. */
function writeBlankTables(sheet: ExcelJS.Worksheet, r: number, w: Words, t: Say): number {
  const category = categoryList(t);
  mergedText(sheet, r++, w.items, HEADING_FONT, 'left').height = 24;
  headerRow(sheet, r++, [...w.itemHeaders, t('类别')], WIDTHS);
  for (let i = 0; i < TEMPLATE_ROWS; i++, r++) {
    const row = tableRow(sheet, r, [
      [null, centredCell()],
      [null, textCell()],
      [null, textCell()],
      [null, textCell()],
      [null, centredCell(BODY_FONT, RATE_FORMAT)],
      [null, textCell()],
    ]);
    percent(row.getCell(5));
    category(row.getCell(6));
    row.height = ONE_LINE_ROW * 2;
  }
  mergedText(sheet, r++, w.disbursements, HEADING_FONT, 'left').height = 24;
  headerRow(sheet, r++, [...w.disbursementHeaders, t('类别')], WIDTHS);
  for (let i = 0; i < TEMPLATE_ROWS; i++, r++) {
    const row = tableRow(sheet, r, [
      [null, centredCell()],
      [null, textCell()],
      [null, numberCell('0.00####')],
      [null, numberCell('0.00####')],
      [null, numberCell(RATE_FORMAT)],
      [null, textCell()],
    ]);
    money(row.getCell(3));
    money(row.getCell(4));
    percent(row.getCell(5));
    category(row.getCell(6));
    row.height = ONE_LINE_ROW;
  }
  const total = tableRow(sheet, r, [
    [w.total, centredCell(HEADER_FONT)],
    [null, centredCell(HEADER_FONT)],
    [null, numberCell('0.00####', HEADER_FONT)],
    [null, numberCell('0.00####', HEADER_FONT)],
    [null, numberCell(RATE_FORMAT, HEADER_FONT)],
    [null, textCell(HEADER_FONT)],
  ]);
  sheet.mergeCells(r, 1, r, 2);
  total.height = 22;
  return r;
}

/** The 填表说明 sheet. */
function writeInstructions(notes: ExcelJS.Worksheet, t: Say): void {
  notes.columns = [{ width: 110 }];
  INSTRUCTIONS.forEach((line, i) => {
    const cell = notes.getCell(i + 1, 1);
    cell.value = t(line);
    cell.font = i === 0 ? HEADING_FONT : BODY_FONT;
    cell.alignment = { wrapText: true, vertical: 'middle' };
    notes.getRow(i + 1).height = i === 0 ? 28 : 36;
  });
}
