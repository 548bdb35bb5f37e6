// The 绩效自评表 sheet of an export, in the standard layout of the 项目支出绩效自评表: 项目资金 with
// 执行率 and 得分 as live formulas, 年度总体目标, the 绩效指标 (一级 and 二级 merged down), and 总分 as
// a formula with its 等级. What the layout has no place for (a typed or followed 预算数, the weights,
// stated values) goes to the hidden metadata sheet, so the sheet imports back exactly.
import type ExcelJS from 'exceljs';
import type { CountyRecord } from '../../../shared/record';
import { level1Label, type Performance, type PerformanceInput } from '../../../shared/performance';
import { computePerformance, emptyPerformance, performanceInputOf, type Indicator } from '../../../shared/performance';
import { shiftDecimal } from '../../../shared/money';
import { toTraditional, type Script } from '../../../shared/text';
import {
  amountCell,
  BODY_FONT,
  centredCell,
  fitRow,
  HEADER_FONT,
  num,
  numberCell,
  setupPage,
  style,
  MIDDLE,
  textCell,
  TITLE_FONT,
} from './sheet-kit';

/** What the hidden metadata sheet keeps of a 绩效自评表 sheet. */
export type PerformanceMeta = {
  performance: {
    county: string;
    batch: number;
    from: Performance['funds']['from'];
    shown: { budget: string | null; executed: string | null };
    input: PerformanceInput;
  };
};

export const PERFORMANCE_SHEET = '绩效自评表';
const WIDTHS = [10, 12, 14, 30, 16, 16, 10, 10, 30];

const words = (script: Script) => (text: string) => (script === 'hant' ? toTraditional(text) : text);

/** Writes onto one sheet: a text in the export's script, a value over a range of cells (merged), each cell styled. */
type Pen = {
  sheet: ExcelJS.Worksheet;
  w: (text: string) => string;
  span: (r: number, c1: number, c2: number, value: ExcelJS.CellValue, s: Partial<ExcelJS.Style>, r2?: number) => void;
};

function penFor(sheet: ExcelJS.Worksheet, script: Script): Pen {
  const span = (r: number, c1: number, c2: number, value: ExcelJS.CellValue, s: Partial<ExcelJS.Style>, r2 = r) => {
    for (let rr = r; rr <= r2; rr++) for (let c = c1; c <= c2; c++) sheet.getCell(rr, c).style = s;
    sheet.getCell(r, c1).value = value;
    if (c2 > c1 || r2 > r) sheet.mergeCells(r, c1, r2, c2);
  };
  return { sheet, w: words(script), span };
}

type Row = [ExcelJS.CellValue, Partial<ExcelJS.Style>][];

export function writePerformanceSheet(sheet: ExcelJS.Worksheet, record: CountyRecord, script: Script, footer: string): PerformanceMeta {
  const p = record.performance!;
  const pen = penFor(sheet, script);
  const { span, w } = pen;
  let r = 1;
  span(r, 1, 9, w('项目支出绩效自评表'), style(TITLE_FONT, { ...MIDDLE, horizontal: 'center' }));
  sheet.getRow(r++).height = 30;
  span(r++, 1, 9, `（${record.county.year}${w('年度')}）`, style(BODY_FONT, { ...MIDDLE, horizontal: 'center' }));
  span(r, 1, 2, w('项目名称'), centredCell(HEADER_FONT));
  span(r++, 3, 9, `${record.county.name}${w('电子商务进农村综合示范项目')}`, textCell());
  span(r, 1, 2, w('实施单位'), centredCell(HEADER_FONT));
  span(r++, 3, 9, record.county.name, textCell());
  const fundsRow = writeFunds(pen, p.funds, r);
  r = writeGoals(pen, p, fundsRow + 4);
  const indicatorTop = r;
  const first = writeIndicators(pen, p, r);
  r = first + Math.max(1, p.indicators.length);
  writeTotal(pen, p, r, fundsRow, first);
  setupPage(sheet, WIDTHS, r, 'I', footer, indicatorTop);
  return {
    performance: {
      county: record.county.name,
      batch: record.county.batch,
      from: p.funds.from,
      shown: { budget: p.funds.budget, executed: p.funds.executed },
      input: performanceInputOf(p),
    },
  };
}

/** 项目资金（万元） from row `r`: header, 年度资金总额 (执行率 and 得分 live), then the three 其中 rows. The 年度资金总额 row. */
function writeFunds({ span, w }: Pen, f: Performance['funds'], r: number): number {
  span(r, 1, 1, w('项目资金（万元）'), centredCell(HEADER_FONT), r + 4);
  ['', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) =>
    span(r, i + 2, i + 2, w(h), centredCell(HEADER_FONT)),
  );
  span(r, 9, 9, null, centredCell(HEADER_FONT));
  r++;
  const fundsRow = r;
  const rateFormula = { formula: `IF(N(D${r})=0,"—",E${r}/D${r})`, result: f.rate === null ? '—' : num(shiftDecimal(f.rate, -2)) };
  const scoreFormula = { formula: `IF(N(D${r})=0,"—",ROUND(MIN(E${r}/D${r},1)*F${r},2))`, result: f.score === null ? '—' : num(f.score) };
  const cells: Row = [
    [w('年度资金总额'), textCell()],
    amountCell(f.initial),
    amountCell(f.budget),
    amountCell(f.executed),
    [num(f.weight), numberCell('0.00')],
    [rateFormula, numberCell('0.00%')],
    [scoreFormula, numberCell('0.00')],
    [null, textCell()],
  ];
  cells.forEach(([v, s], i) => span(r, i + 2, i + 2, v, s));
  r++;
  for (const [label, row] of [
    ['其中：本年财政拨款', f.current],
    ['上年结转资金', f.carryover],
    ['其他资金', f.other],
  ] as const) {
    const part: Row = [
      [w(label), textCell()],
      amountCell(row.initial),
      amountCell(row.budget),
      amountCell(row.executed),
      ['—', centredCell()],
      ['—', centredCell()],
      ['—', centredCell()],
      [null, textCell()],
    ];
    part.forEach(([v, s], i) => span(r, i + 2, i + 2, v, s));
    r++;
  }
  return fundsRow;
}

/** 年度总体目标 from row `r`; the row after it. */
function writeGoals({ sheet, span, w }: Pen, p: Performance, r: number): number {
  span(r, 1, 1, w('年度总体目标'), centredCell(HEADER_FONT), r + 1);
  span(r, 2, 5, w('预期目标'), centredCell(HEADER_FONT));
  span(r++, 6, 9, w('实际完成情况'), centredCell(HEADER_FONT));
  span(r, 2, 5, p.goals.expected, textCell());
  span(r, 6, 9, p.goals.achieved, textCell());
  fitRow(sheet.getRow(r), [
    { text: p.goals.expected, width: 70 },
    { text: p.goals.achieved, width: 66 },
  ]);
  return r + 1;
}

/** 绩效指标 from row `r`: header, then the rows with 一级 and 二级 merged down over their runs. Its first row. */
function writeIndicators({ sheet, span, w }: Pen, p: Performance, r: number): number {
  const last = r + Math.max(1, p.indicators.length);
  span(r, 1, 1, w('绩效指标'), centredCell(HEADER_FONT), last);
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) =>
    span(r, i + 2, i + 2, w(h), centredCell(HEADER_FONT)),
  );
  const first = r + 1;
  p.indicators.forEach((ind, i) => {
    const row: Row = [
      [w(level1Label(ind.level1)), centredCell()],
      [ind.level2, centredCell()],
      [ind.name, textCell()],
      [ind.target, textCell()],
      [ind.actual, textCell()],
      [ind.weight === null ? null : num(ind.weight), numberCell('0.00')],
      [ind.finalScore === null ? null : num(ind.finalScore), numberCell('0.00')],
      [ind.deviation, textCell()],
    ];
    row.forEach(([v, s], c) => span(first + i, c + 2, c + 2, v, s));
    fitRow(sheet.getRow(first + i), [
      { text: ind.name, width: WIDTHS[3] },
      { text: ind.deviation, width: WIDTHS[8] },
      { text: ind.target, width: WIDTHS[4] },
    ]);
  });
  if (p.indicators.length === 0) for (let c = 2; c <= 9; c++) span(first, c, c, null, textCell());
  // 一级 and 二级 指标 merged over each run of equal values, as the standard table is drawn.
  for (const [col, key] of [
    [2, (i: number) => p.indicators[i].level1],
    [3, (i: number) => `${p.indicators[i].level1}|${p.indicators[i].level2}`],
  ] as const) {
    let start = 0;
    for (let i = 1; i <= p.indicators.length; i++) {
      if (i < p.indicators.length && key(i) === key(start)) continue;
      if (i - 1 > start) sheet.mergeCells(first + start, col, first + i - 1, col);
      start = i;
    }
  }
  return first;
}

/** 总分 at row `r`: the money's score and every indicator's, live; 等级 from it. */
function writeTotal({ span, w }: Pen, p: Performance, r: number, fundsRow: number, first: number): void {
  const lastIndicator = r - 1;
  span(r, 1, 6, w('总分'), centredCell(HEADER_FONT));
  span(r, 7, 7, { formula: `F${fundsRow}+SUM(G${first}:G${lastIndicator})`, result: num(sumWeights(p)) }, numberCell('0.00', HEADER_FONT));
  // Weights that do not add up give no total (it could pass 100): the cells say so, no formula grades it.
  if (p.total === null || p.grade === null) {
    span(r, 8, 8, '—', centredCell(HEADER_FONT));
    span(r, 9, 9, w('分值之和与权重不符,不计总分'), centredCell(HEADER_FONT));
    return;
  }
  span(r, 8, 8, { formula: `N(H${fundsRow})+SUM(H${first}:H${lastIndicator})`, result: num(p.total) }, numberCell('0.00', HEADER_FONT));
  span(
    r,
    9,
    9,
    { formula: `IF(H${r}>=90,"${w('优')}",IF(H${r}>=80,"${w('良')}",IF(H${r}>=60,"${w('中')}","${w('差')}")))`, result: w(p.grade) },
    centredCell(HEADER_FONT),
  );
}

/** The template's blank 绩效自评表: the standard layout, 一级 and 二级 指标 laid out, nothing filled in. */
export function writeBlankPerformanceSheet(sheet: ExcelJS.Worksheet, script: Script, footer: string): void {
  const blank = emptyPerformance();
  const rows: [Indicator['level1'], string][] = [
    ['output', '数量指标'],
    ['output', '质量指标'],
    ['output', '时效指标'],
    ['output', '成本指标'],
    ['outcome', '经济效益指标'],
    ['outcome', '社会效益指标'],
    ['outcome', '生态效益指标'],
    ['outcome', '可持续影响指标'],
    ['satisfaction', '服务对象满意度指标'],
  ];
  blank.indicators = rows.map(([level1, level2]) => ({
    level1,
    level2: script === 'hant' ? toTraditional(level2) : level2,
    name: '',
    target: '',
    actual: '',
    weight: null,
    score: null,
    deviation: '',
  }));
  const county = { name: '', year: '    ' } as unknown as CountyRecord['county'];
  const performance = computePerformance(blank, { central: '0', disbursed: '0' });
  performance.funds.budget = null;
  performance.funds.executed = null;
  writePerformanceSheet(sheet, { county, performance } as CountyRecord, script, footer);
}

function sumWeights(p: Performance): string {
  const parts = [p.funds.weight, ...p.indicators.map((i) => i.weight ?? '0')];
  let cents = 0n;
  for (const x of parts) {
    const [a, b = ''] = x.split('.');
    cents += BigInt(a) * 100n + BigInt(b.padEnd(2, '0').slice(0, 2) || '0');
  }
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}
