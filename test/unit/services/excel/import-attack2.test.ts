// The second round of attacks on the import (notes/attack2-import.md), each as the workbook shape
// that broke it, made here with exceljs; the figures expected are the documents' own (横县's
// 建设方案, 嵩明县's 资金管理办法), added up by hand.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { findingMessage } from '../../../../shared/i18n';
import { countyKey } from '../../../../shared/text';

type Line = (string | number | undefined)[];
type County = {
  name: string;
  title?: string | null;
  unitLine?: string;
  /** Who filled the form in (填报单位：…), the line under the title. */
  filer?: string;
  /** A unit line on the line above the title. */
  unitOver?: string;
  facts: string;
  items: Line[];
  header3?: Line;
  lines: Line[];
  total?: Line;
};

/** One county's acceptance block in the official order from row r (its first column `col`); returns the row after it (and a blank row). */
function putCounty(ws: ExcelJS.Worksheet, r: number, o: County, col = 1): number {
  const put = (row: number, values: Line) =>
    values.forEach((v, i) => {
      if (v !== undefined) ws.getCell(row, i + col).value = v;
    });
  if (o.unitOver) put(r++, [o.unitOver]);
  if (o.title !== null) put(r++, [o.title ?? `${o.name}电子商务进农村综合示范县项目验收情况表`]);
  if (o.unitLine) put(r++, [o.unitLine]);
  if (o.filer) put(r++, [o.filer]);
  put(r++, ['一、基本情况']);
  put(r++, [o.facts]);
  put(r++, ['二、项目建设完成情况']);
  put(r++, ['序号', '项目名称', '项目实施目标', '目标完成情况', '实施目标完成率(%)']);
  for (const item of o.items) put(r++, item);
  put(r++, ['三、中央财政资金拨付情况']);
  put(r++, o.header3 ?? ['序号', '具体项目名称', '计划安排额度(万元)', '实际拨付额度(万元)', '资金拨付率(%)']);
  for (const line of o.lines) put(r++, line);
  if (o.total) put(r++, ['合计', undefined, ...o.total]);
  return r + 1;
}

/** 横县 (广西南宁市, 第三批): 中央资金 1500 万元 over five lines, 1393.5 万元 paid. */
const HENGXIAN: County = {
  name: '横县',
  facts:
    '横县是第三批全国电子商务进农村综合示范县(2016年),立项时间为2016年5月,项目总投资1800万元,其中中央资金1500万元,政府配套资金100万元,社会资本200万元,安排使用中央资金1500万元。',
  items: [
    [1, '县级农村电子商务公共服务中心', '建成1个县级公共服务中心', '已建成', 100],
    [2, '农村物流体系', '建设县乡村物流体系', '建成', 100],
  ],
  lines: [
    [1, '县级农村电子商务公共服务中心建设', 500, 480, 96],
    [2, '乡镇级电商服务站点建设', 85, 85, 100],
    [3, '村级电商服务点建设', 120, 118.5, 98.75],
    [4, '农村物流体系建设', 500, 450, 90],
    [5, '电商培训', 295, 260, 88.14],
  ],
  total: [1500, 1393.5, 92.9],
};

/** 嵩明县 (云南昆明市, 第九批): 中央资金 1000 万元 over four lines, 840 万元 paid. */
const SONGMING: County = {
  name: '嵩明县',
  facts:
    '嵩明县是第九批全国电子商务进农村综合示范县(2021年),立项时间为2021年10月,项目总投资1200万元,其中中央资金1000万元,政府配套资金50万元,社会资本150万元,安排使用中央资金1000万元。',
  items: [
    [1, '县级电商公共服务中心', '升级改造1个县级电商公共服务中心', '已完成', 100],
    [2, '镇(街道)电子商务服务站', '建设5个镇(街道)服务站', '建成5个', 100],
  ],
  lines: [
    [1, '县级电商公共服务中心升级改造', 300, 270, 90],
    [2, '镇(街道)电子商务服务站建设', 100, 100, 100],
    [3, '县乡村三级物流配送体系', 400, 320, 80],
    [4, '农产品上行体系', 200, 150, 75],
  ],
  total: [1000, 840, 84],
};

async function readBook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<ReadRecord[]> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return readWorkbook({ name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) });
}

const all = (read: ReadRecord[]) => read.flatMap((r) => r.findings);
const errors = (read: ReadRecord[]) => all(read).filter((f) => f.severity === 'error');
const stored = (read: ReadRecord[]) =>
  read.filter((r) => r.input).map((r) => [r.input!.county.name, r.input!.disbursements.map((d) => [d.planned, d.actual])]);

/** Both counties on their own sheets, then the totals sheet `build` adds. */
function twoCountiesAnd(totals: (wb: ExcelJS.Workbook) => void) {
  return (wb: ExcelJS.Workbook) => {
    putCounty(wb.addWorksheet('横县'), 1, HENGXIAN);
    putCounty(wb.addWorksheet('嵩明县'), 1, SONGMING);
    totals(wb);
  };
}

/** A totals sheet as counties make it: a title, then table 三 by project kind with its 合计 row. */
function totalsSheet(sheet: string, title: string, total: [number, number]) {
  return (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet(sheet);
    ws.addRow([title]);
    ws.addRow(['序号', '具体项目名称', '计划安排额度（万元）', '实际拨付额度（万元）']);
    ws.addRow([1, '公共服务中心', 800, 750]);
    ws.addRow([2, '服务站点', 305, 303.5]);
    ws.addRow([3, '物流', 900, 770]);
    ws.addRow([4, '培训及上行', 495, 410]);
    ws.addRow(['合计', '', ...total]);
  };
}

// Σ of the two counties: 计划 1500 + 1000 = 2500, 实际 1393.5 + 840 = 2233.5.
const BOTH = [
  ['横县', HENGXIAN.lines.map((l) => [String(l[2]), String(l[3])])],
  ['嵩明县', SONGMING.lines.map((l) => [String(l[2]), String(l[3])])],
];

describe('A3: a 合计 / 总表 sheet beside the counties is their roll-up, never a county, never blocking them', () => {
  const shapes: [string, string, string][] = [
    ['合计', '横县、嵩明县中央财政资金拨付情况合计', 'A1'],
    ['总表', '全市示范县资金拨付总表', 'A1'],
    ['總表', '全市示範縣資金撥付總表', 'A1'],
    ['Sheet3', '中央财政资金拨付情况（两县合计）', 'A1'],
  ];
  for (const [sheet, title, cell] of shapes)
    it(`sheet ${sheet} titled ${title}: told once, both counties read`, async () => {
      const read = await readBook('multi3a.xlsx', twoCountiesAnd(totalsSheet(sheet, title, [2500, 2233.5])));
      expect(errors(read)).toEqual([]);
      expect(stored(read)).toEqual(BOTH);
      const told = all(read).filter((f) => f.code === 'sheet_not_read');
      expect(told.map((f) => [f.sheet, f.cell, f.params.kind])).toEqual([[sheet, cell, 'totals']]);
      expect(read.flatMap((r) => r.doubts ?? [])).toEqual([]);
    });

  it('the county layout titled …验收情况表（合计） with a paragraph for both: a roll-up, not a county without its name', async () => {
    const read = await readBook(
      'multi3.xlsx',
      twoCountiesAnd((wb) =>
        putCounty(wb.addWorksheet('合计'), 1, {
          name: '合计',
          title: '电子商务进农村综合示范县项目验收情况表（合计）',
          facts:
            '两县均为全国电子商务进农村综合示范县,项目总投资3000万元,其中中央资金2500万元,政府配套资金150万元,社会资本350万元,安排使用中央资金2500万元。',
          items: [],
          lines: [
            [1, '公共服务中心', 800, 750],
            [2, '服务站点', 305, 303.5],
            [3, '物流', 900, 770],
            [4, '培训及上行', 495, 410],
          ],
          total: [2500, 2233.5],
        }),
      ),
    );
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual(BOTH);
    expect(
      all(read)
        .filter((f) => f.code === 'sheet_not_read')
        .map((f) => [f.sheet, f.params.kind]),
    ).toEqual([['合计', 'totals']]);
  });

  it('a nameless sheet whose 合计 is the counties added up is their roll-up, whatever its name', async () => {
    const read = await readBook('sums.xlsx', twoCountiesAnd(totalsSheet('Sheet3', '中央财政资金拨付情况', [2500, 2233.5])));
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual(BOTH);
    expect(
      all(read)
        .filter((f) => f.code === 'sheet_not_read')
        .map((f) => f.params.kind),
    ).toEqual(['totals']);
  });

  it('a 总表 whose 实际 is not the counties added up: a doubt at its 合计 cell holding the counties, naming both sums', async () => {
    // The lines add up to 2233.5; the 合计 says 2333.5 — the roll-up or a county misread.
    const read = await readBook('stale.xlsx', twoCountiesAnd(totalsSheet('总表', '全市示范县资金拨付总表', [2500, 2333.5])));
    expect(errors(read)).toEqual([]);
    const mismatch = all(read).filter((f) => f.code === 'rollup_total_mismatch');
    expect(mismatch.map((f) => [f.sheet, f.cell, f.params.column, f.params.stated, f.params.sum, f.params.counties])).toEqual([
      ['总表', 'D7', 'actual', '2333.5', '2233.5', '横县、嵩明县'],
    ]);
    const doubts = read.flatMap((r) => r.doubts ?? []);
    expect(doubts.map((d) => [d.code, d.figures.map((x) => [x.cell, x.seen, x.read])])).toEqual([
      ['rollup_total_mismatch', [['D7', '2333.5', '2333.5']]],
    ]);
  });

  it('a nameless table that neither says nor adds up to the counties is still a county without its name', async () => {
    const read = await readBook('other.xlsx', twoCountiesAnd(totalsSheet('Sheet3', '中央财政资金拨付情况', [2000, 1800])));
    expect(errors(read).map((f) => [f.code, f.sheet, f.params.field])).toEqual([['missing_fact', 'Sheet3', 'county.name']]);
  });
});

describe('A11: one amount merged across 计划 and 实际 is both columns’, never one column’s', () => {
  /** 横县 with line 2's 计划 and 实际 one merged cell showing 85 (row 10: title, 2 heading rows, paragraph, 二 with 2 items, 三). */
  const mergedLine2 = (rate: number | undefined) => (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet('横县');
    putCounty(ws, 1, { ...HENGXIAN, lines: HENGXIAN.lines.map((l) => (l[0] === 2 ? [2, l[1], 85, undefined, rate] : l)) });
    expect(ws.getCell('B11').value).toBe('乡镇级电商服务站点建设');
    ws.mergeCells('C11:D11');
  };
  // 横县's lines as the document gives them: line 2 planned 85, paid 85 — Σ实际 1393.5.
  const lines = HENGXIAN.lines.map((l) => [String(l[2]), String(l[3])]);

  it('with its stated rate 100%: 85 planned and 85 paid, told at the merge, nothing held', async () => {
    const read = await readBook('merge_h.xlsx', mergedLine2(100));
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual([['横县', lines]]);
    const told = all(read).filter((f) => f.code === 'merged_across');
    expect(told.map((f) => [f.cell, f.severity, f.params.range, f.params.value])).toEqual([['C11', 'info', 'C11:D11', '85']]);
    expect(read[0].doubts ?? []).toEqual([]);
  });

  it('without a rate: read as 85 in both, held as a doubt at the merge that says it is merged', async () => {
    const read = await readBook('merge_h.xlsx', mergedLine2(undefined));
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual([['横县', lines]]);
    const doubts = read[0].doubts ?? [];
    expect(doubts.map((d) => [d.code, d.figures.map((x) => [x.cell, x.seen, x.read])])).toEqual([['merged_across', [['C11', '85', '85']]]]);
  });
});

describe('A2: table 三 over two pages — the repeated header’s or the 续表 line’s unit governs the rows under it', () => {
  const yuan = (l: Line) => [l[0], l[1], Number(l[2]) * 10000, Number(l[3]) * 10000, l[4]];
  /** 横县 lines 1–3 on page 1 (万元), then `page2` rows: lines 4–5 as `lines4to5` gives them, and a 合计. */
  const split = (page2: Line[], lines4to5: (l: Line) => Line, total: Line) => (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet('横县');
    let r = putCounty(ws, 1, { ...HENGXIAN, lines: HENGXIAN.lines.slice(0, 3), total: undefined }) - 1;
    for (const row of [...page2, ...HENGXIAN.lines.slice(3).map(lines4to5), ['合计', undefined, ...total]]) {
      row.forEach((v, i) => {
        if (v !== undefined) ws.getCell(r, i + 1).value = v;
      });
      r++;
    }
  };
  const lines = HENGXIAN.lines.map((l) => [String(l[2]), String(l[3])]);
  const HEADER = ['序号', '具体项目名称', '计划安排额度', '实际拨付额度', '资金拨付率(%)'];
  const inYuan = [15000000, 13935000, 92.9];

  it('the header repeated as 计划安排额度(元) / 实际拨付额度(元): lines 4 and 5 in 元, 合计 in 元 — 横县 exactly', async () => {
    const read = await readBook(
      'split_yuan.xlsx',
      split([['序号', '具体项目名称', '计划安排额度(元)', '实际拨付额度(元)', '资金拨付率(%)']], yuan, inYuan),
    );
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual([['横县', lines]]);
    expect(read[0].doubts ?? []).toEqual([]);
  });

  it('续表 单位：元 over a header without a unit: lines 4 and 5 in 元 — 横县 exactly', async () => {
    const read = await readBook('split_yuan2.xlsx', split([['续表　　　　　　单位：元'], HEADER], yuan, inYuan));
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual([['横县', lines]]);
    expect(read[0].doubts ?? []).toEqual([]);
  });

  it('a 合计 written in 万元 under the repeated (元) header: a doubt whose unit is that header’s, never page 1’s', async () => {
    const read = await readBook(
      'split_wan_total.xlsx',
      split([['序号', '具体项目名称', '计划安排额度(元)', '实际拨付额度(元)', '资金拨付率(%)']], yuan, [1500, 1393.5, 92.9]),
    );
    expect(stored(read)).toEqual([['横县', lines]]);
    // Page 1's header is row 9; page 2's repeated header row 13, its 合计 row 16.
    const figures = (read[0].doubts ?? []).flatMap((d) => d.figures.filter((f) => f.cell === 'C16'));
    expect(figures.map((f) => [f.read, f.unit, f.unitFrom])).toEqual([
      ['0.15', 'yuan', { kind: 'header', cell: 'C13', text: '计划安排额度(元)' }],
    ]);
  });

  it('a header repeated without a unit and no 续表 unit: page 1’s 万元 goes on', async () => {
    const read = await readBook(
      'split_wan.xlsx',
      split([HEADER], (l) => l, [1500, 1393.5, 92.9]),
    );
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual([['横县', lines]]);
    expect(read[0].doubts ?? []).toEqual([]);
  });
});

describe('A8: a unit line stops where the next county begins, titled or not', () => {
  const yuan = (l: Line) => [l[0], l[1], Number(l[2]) * 10000, Number(l[3]) * 10000, l[4]];
  const HENGXIAN_YUAN: County = {
    ...HENGXIAN,
    unitLine: '单位：元',
    facts: HENGXIAN.facts.replace(/(\d+)万元/g, (_, n: string) => `${Number(n) * 10000}元`),
    header3: ['序号', '具体项目名称', '计划安排额度', '实际拨付额度', '资金拨付率(%)'],
    lines: HENGXIAN.lines.map(yuan),
    total: [15000000, 13935000, 92.9],
  };
  const plain = ['序号', '具体项目名称', '计划安排额度', '实际拨付额度', '资金拨付率(%)'];

  for (const [what, facts] of [
    ['its paragraph giving its money in 万元', SONGMING.facts],
    ['its paragraph giving no money', '嵩明县是第九批全国电子商务进农村综合示范县(2021年),立项时间为2021年10月。'],
  ])
    it(`横县 in 元 (单位：元 under its title), then 嵩明县 from 一、基本情况 without a title, ${what}: 嵩明县 in 万元`, async () => {
      const read = await readBook('onesheet_notitle.xlsx', (wb) => {
        const ws = wb.addWorksheet('Sheet1');
        const next = putCounty(ws, 1, HENGXIAN_YUAN);
        putCounty(ws, next, { ...SONGMING, title: null, facts, header3: plain });
      });
      expect(errors(read)).toEqual([]);
      expect(stored(read)).toEqual([
        ['横县', HENGXIAN.lines.map((l) => [String(l[2]), String(l[3])])],
        ['嵩明县', SONGMING.lines.map((l) => [String(l[2]), String(l[3])])],
      ]);
      expect(read.flatMap((r) => r.doubts ?? [])).toEqual([]);
    });
});

describe('A1: a sheet whose lines are counties is a prefecture’s roll-up, not a county', () => {
  /** 南宁市's sheet in the county layout, its table 三 one line per county (横县 as its own sheet says, or not). */
  const prefecture = (hengxianActual: number) => (wb: ExcelJS.Workbook) => {
    putCounty(wb.addWorksheet('南宁市'), 1, {
      name: '南宁市',
      title: '南宁市电子商务进农村综合示范项目验收情况表',
      facts:
        '南宁市第三批全国电子商务进农村综合示范(2016年)含横县、上林县、马山县,立项时间为2016年5月,项目总投资5400万元,其中中央资金4500万元,政府配套资金300万元,社会资本600万元,安排使用中央资金4500万元。',
      items: HENGXIAN.items,
      lines: [
        [1, '横县', 1500, hengxianActual],
        [2, '上林县', 1500, 1200],
        [3, '马山县', 1500, 1350],
      ],
      total: [4500, hengxianActual + 2550],
    });
    putCounty(wb.addWorksheet('横县'), 1, HENGXIAN);
  };

  it('南宁市 (lines 横县, 上林县, 马山县) beside 横县’s sheet: told as a roll-up, only 横县 imported, its money once', async () => {
    const read = await readBook('prefecture.xlsx', prefecture(1393.5));
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual([['横县', HENGXIAN.lines.map((l) => [String(l[2]), String(l[3])])]]);
    // Row 9 is table 三's header (title, 一, paragraph, 二, its header, 2 items, 三).
    expect(
      all(read)
        .filter((f) => f.code === 'sheet_not_read')
        .map((f) => [f.sheet, f.cell, f.params.kind]),
    ).toEqual([['南宁市', 'B9', 'rollup']]);
    expect(read[0].doubts ?? []).toEqual([]);
  });

  it('横县 in 元 to the 分 (实际 13,934,999.99 元) under a roll-up in 万元 stating 1393.5: the same money rounded, no doubt; 1393.49 is one', async () => {
    // 电商培训 paid 2,599,999.99 元 for 2,600,000: 横县 holds 1393.499999 万元, which any 万元 roll-up to two decimals shows as 1393.50.
    const yuan = (l: Line) => [l[0], l[1], Number(l[2]) * 10000, l[1] === '电商培训' ? 2599999.99 : Number(l[3]) * 10000];
    const hengxian: County = {
      ...HENGXIAN,
      unitLine: '单位：元',
      header3: ['序号', '具体项目名称', '计划安排额度', '实际拨付额度'],
      lines: HENGXIAN.lines.map(yuan),
    };
    delete hengxian.total;
    const mismatches = async (stated: number) => {
      const read = await readBook('prefecture.xlsx', (wb) => {
        prefecture(stated)(wb);
        wb.removeWorksheet(wb.getWorksheet('横县')!.id);
        putCounty(wb.addWorksheet('横县'), 1, hengxian);
      });
      return all(read)
        .filter((f) => f.code === 'rollup_mismatch')
        .map((f) => [f.cell, f.params.stated, f.params.sum]);
    };
    expect(await mismatches(1393.5)).toEqual([]);
    expect(await mismatches(1393.49)).toEqual([['D10', '1393.49', '1393.499999']]);
  });

  it('its 横县 row differing from 横县’s own sheet: a rollup_mismatch doubt at that row naming 横县’s 合计', async () => {
    const read = await readBook('prefecture.xlsx', prefecture(1393));
    const mismatch = all(read).filter((f) => f.code === 'rollup_mismatch');
    expect(mismatch.map((f) => [f.sheet, f.cell, f.params.county, f.params.stated, f.params.sum])).toEqual([
      ['南宁市', 'D10', '横县', '1393', '1393.5'],
    ]);
  });
});

describe('money to the 元 in a 万元 column, a footnote digit glued on', () => {
  const withActual = (actual: number) => (wb: ExcelJS.Workbook) => {
    const [first, ...rest] = HENGXIAN.lines;
    putCounty(wb.addWorksheet('横县'), 1, {
      ...HENGXIAN,
      lines: [[1, first[1], 500, actual], ...rest.map((l) => l.slice(0, 4))],
      total: undefined,
    });
  };
  it('479.985 (4,799,850 元) is money to the 10 元: no amount_precision; 479.981 (479.98 and a footnote 1) is one', async () => {
    const precision = async (actual: number) =>
      ((await readBook('precision.xlsx', withActual(actual)))[0].doubts ?? [])
        .filter((d) => d.code === 'amount_precision')
        .map((d) => d.cell);
    expect(await precision(479.985)).toEqual([]);
    expect(await precision(479.981)).toEqual(['D10']);
  });
});

describe('a facts grid with one or two facts in 亿元 or 元, the others in 万元', () => {
  const grid = (invest: [string, string | number][]) => (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet('雷波县');
    const rows: Line[] = [
      ['雷波县电子商务进农村综合示范项目验收情况表'],
      ['一、基本情况'],
      ['县(市、区)', '雷波县', '省', '四川省'],
      ['批次', '第三批', '示范年度', '2016'],
      ['立项时间', '2016年07月', '验收日期', '2018-12-30'],
      invest.slice(0, 2).flat(),
      invest.slice(2, 4).flat(),
      invest.slice(4).flat(),
      ['三、中央财政资金拨付情况'],
      ['序号', '具体项目名称', '计划安排额度(万元)', '实际拨付额度(万元)', '资金拨付率(%)'],
      [1, '县级电子商务公共服务中心建设', 600, 580],
      [2, '物流配送体系建设', 800, 700],
      [3, '电商培训', 300, 300],
      [4, '农产品上行', 300, 200],
    ];
    rows.forEach((values, r) => values.forEach((v, c) => v !== undefined && (ws.getCell(r + 1, c + 1).value = v)));
  };
  const note = async (invest: [string, string | number][]) => {
    const read = await readBook('facts.xlsx', grid(invest));
    expect(read[0].input!.county.investment).toEqual({ total: '2600', central: '2000', localGov: '200', social: '400' });
    return all(read)
      .filter((f) => f.code === 'amounts_in_yuan')
      .map((f) => [f.params.units, f.params.source]);
  };
  it('the note on the conversion names only the cells written in the unit converted', async () => {
    const rest: [string, string | number][] = [
      ['社会资本(万元)', '400'],
      ['安排使用中央资金', '2000万元'],
    ];
    expect(await note([['项目总投资(亿元)', 0.26], ['中央资金(亿元)', 0.2], ['政府配套资金(万元)', '200'], ...rest])).toEqual([
      ['yi', 'B6, D6'],
    ]);
    expect(await note([['项目总投资(万元)', 2600], ['中央资金(万元)', 2000], ['政府配套资金', '2,000,000元'], ...rest])).toEqual([
      ['yuan', 'B7'],
    ]);
  });
});

describe('A10: one project over two rows (序号 and 名称 merged down, each row its own amounts)', () => {
  it('横县 line 1 as its 2016 and 2017 tranches (300/290 and 200/190): one line 500/480, held as a doubt naming the merge', async () => {
    const read = await readBook('merge_v_name.xlsx', (wb) => {
      const ws = wb.addWorksheet('横县');
      const [first, ...rest] = HENGXIAN.lines;
      putCounty(ws, 1, { ...HENGXIAN, lines: [[1, first[1], 300, 290, 96.67], [undefined, undefined, 200, 190, 95], ...rest] });
      // Row 10 is line 1's first row (title, 一, paragraph, 二, its header, 2 items, 三, its header).
      ws.mergeCells('A10:A11');
      ws.mergeCells('B10:B11');
    });
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual([['横县', HENGXIAN.lines.map((l) => [String(l[2]), String(l[3])])]]);
    const doubts = read[0].doubts ?? [];
    expect(doubts.map((d) => [d.code, d.cell, d.params.range, d.params.planned, d.params.actual])).toEqual([
      ['merged_line', 'B10', 'B10:B11', '500', '480'],
    ]);
  });
});

describe('A4: an outline (一)…(四) with sub-lines 1. 2. under (二) only', () => {
  it('(三) and (四) after group (二) are lines of their own, not its members: no doubt, the group never counted', async () => {
    const read = await readBook('tonghe.xlsx', (wb) =>
      putCounty(wb.addWorksheet('Sheet1'), 1, {
        name: '通河县',
        facts:
          '通河县是第五批全国电子商务进农村综合示范县(2018年),立项时间为2018年8月,项目总投资1500万元,其中中央资金1250万元,政府配套资金100万元,社会资本150万元,安排使用中央资金1250万元。',
        items: SONGMING.items,
        lines: [
          ['(一)', '宣传推广', 100, 95],
          ['(二)', '公共服务中心和基层服务网络', 500, 460],
          ['1.', '县级电子商务公共服务中心', 300, 280],
          ['2.', '村级电子商务服务站', 200, 180],
          ['(三)', '农村物流', 400, 380],
          ['(四)', '电商培训', 250, 170],
        ],
        total: [1250, 1105],
      }),
    );
    expect(errors(read)).toEqual([]);
    // Σ计划 100 + 300 + 200 + 400 + 250 = 1250, Σ实际 95 + 280 + 180 + 380 + 170 = 1105: the group row (二) is not a line.
    expect(stored(read)).toEqual([
      [
        '通河县',
        [
          ['100', '95'],
          ['300', '280'],
          ['200', '180'],
          ['400', '380'],
          ['250', '170'],
        ],
      ],
    ]);
    expect(read[0].doubts ?? []).toEqual([]);
  });
});

describe('A15: table 三 given per year for one county (（一）2021年度 / （二）2022年度, the same lines)', () => {
  const lines2021: Line[] = [
    [1, '县级电商公共服务中心升级改造', 300, 200],
    [2, '镇(街道)电子商务服务站建设', 100, 60],
    [3, '县乡村三级物流配送体系', 400, 200],
    [4, '农产品上行体系', 200, 100],
  ];
  const table2022 = (names: string[]) => (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet('嵩明县');
    let r = putCounty(ws, 1, { ...SONGMING, lines: lines2021, total: undefined });
    for (const row of [
      ['（二）2022年度拨付情况'],
      ['序号', '具体项目名称', '计划安排额度(万元)', '实际拨付额度(万元)'],
      ...names.map((name, i) => [i + 1, name, lines2021[i][2], 50]),
    ]) {
      row.forEach((v, i) => (ws.getCell(r, i + 1).value = v));
      r++;
    }
  };

  it('refused once at the second header, saying the same county’s lines are split over tables — not “which county”', async () => {
    const read = await readBook('two_years.xlsx', table2022(lines2021.map((l) => String(l[1]))));
    expect(errors(read).map((f) => [f.code, f.cell])).toEqual([['repeated_table', 'B16']]);
    expect(findingMessage(errors(read)[0], 'zh')).toContain('同一个县的拨付表分成了几张');
  });

  it('a second table with other lines is still “which county” (extra_table)', async () => {
    const read = await readBook('other_table.xlsx', table2022(['电商培训', '品牌建设', '冷链物流', '直播基地']));
    expect(errors(read).map((f) => f.code)).toEqual(['extra_table']);
  });
});

describe('A12: 计划安排额度 / 实际拨付额度 each over 中央资金 | 地方配套 | 小计 (two header rows)', () => {
  /** 嵩明县's lines: central 计划 and 实际 with the county's matching funds beside them. */
  const local = [
    [30, 20],
    [10, 10],
    [10, 5],
    [0, 0],
  ];
  const twoRows = (subs: string[], order: (central: number, matching: number) => number[]) => (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet('嵩明县');
    putCounty(ws, 1, {
      ...SONGMING,
      lines: [],
      header3: ['序号', '具体项目名称', '计划安排额度（万元）', undefined, undefined, '实际拨付额度（万元）'],
    });
    // Row 9 is table 三's header (title, 一, paragraph, 二, its header, 2 items, 三): the groups; row 10 their columns.
    ws.mergeCells('A9:A10');
    ws.mergeCells('B9:B10');
    ws.mergeCells('C9:E9');
    ws.mergeCells('F9:H9');
    subs.forEach((v, i) => (ws.getCell(10, 3 + i).value = v));
    SONGMING.lines.forEach((l, k) => {
      const [lp, la] = local[k];
      const row = [l[0], l[1], ...order(Number(l[2]), lp), ...order(Number(l[3]), la)];
      row.forEach((v, i) => (ws.getCell(11 + k, i + 1).value = v));
    });
  };
  const central = SONGMING.lines.map((l) => [String(l[2]), String(l[3])]);

  it('中央资金 | 地方配套 | 小计 under each: the central funds read, the header rows no line', async () => {
    const read = await readBook(
      'grp_central.xlsx',
      twoRows(['中央资金', '地方配套', '小计', '中央资金', '地方配套', '小计'], (c, m) => [c, m, c + m]),
    );
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual([['嵩明县', central]]);
  });

  it('合计 | 其中：中央财政资金 | 地方配套 under each: the central funds read', async () => {
    const read = await readBook(
      'grp_total_first.xlsx',
      twoRows(['合计', '其中：中央财政资金', '地方配套', '合计', '其中：中央财政资金', '地方配套'], (c, m) => [c + m, c, m]),
    );
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual([['嵩明县', central]]);
  });
});

describe('B20 (attack 3): a unit line on the line above the county’s title heads the county as one under it does', () => {
  const yuan = (l: Line) => [l[0], l[1], Number(l[2]) * 10000, Number(l[3]) * 10000, l[4]];
  const plain = ['序号', '具体项目名称', '计划安排额度', '实际拨付额度', '资金拨付率(%)'];
  const SONGMING_YUAN: County = {
    ...SONGMING,
    unitOver: '金额单位：元',
    header3: plain,
    lines: SONGMING.lines.map(yuan),
    total: [10000000, 8400000, 84],
  };
  const inWan = SONGMING.lines.map((l) => [String(l[2]), String(l[3])]);

  it('金额单位：元 above 嵩明县’s title: 3,000,000 元 is 300 万元, no doubt', async () => {
    const read = await readBook('unit_top.xlsx', (wb) => putCounty(wb.addWorksheet('嵩明县'), 1, SONGMING_YUAN));
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual([['嵩明县', inWan]]);
    expect(read.flatMap((r) => r.doubts ?? [])).toEqual([]);
  });

  it('横县 in 万元, then 金额单位：元 over 嵩明县’s title on the same sheet: the line is 嵩明县’s, not a note under 横县’s table', async () => {
    const read = await readBook('unit_top2.xlsx', (wb) => {
      const ws = wb.addWorksheet('Sheet1');
      putCounty(ws, putCounty(ws, 1, HENGXIAN) - 1, SONGMING_YUAN);
    });
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual([
      ['横县', HENGXIAN.lines.map((l) => [String(l[2]), String(l[3])])],
      ['嵩明县', inWan],
    ]);
    expect(read.flatMap((r) => r.doubts ?? [])).toEqual([]);
  });
});

describe('B23 (attack 3): 计划安排额度 | 其中：中央资金 | 实际拨付额度 | 其中：中央资金 — the central columns are table 三’s', () => {
  // 嵩明县's central lines, each total 50 万元 more (local money) than its central part.
  const withTotals = SONGMING.lines.map((l) => [l[0], l[1], Number(l[2]) + 50, l[2], Number(l[3]) + 50, l[3]]);
  const central = SONGMING.lines.map((l) => [String(l[2]), String(l[3])]);

  for (const part of ['其中：中央资金(万元)', '其中:中央财政资金', '其中中央资金']) {
    it(`headed “${part}”: 300 / 270 read, not the totals 350 / 320; no doubt`, async () => {
      const read = await readBook('qz.xlsx', (wb) =>
        putCounty(wb.addWorksheet('嵩明县'), 1, {
          ...SONGMING,
          header3: ['序号', '具体项目名称', '计划安排额度(万元)', part, '实际拨付额度(万元)', part],
          lines: withTotals,
          total: undefined,
        }),
      );
      expect(errors(read)).toEqual([]);
      expect(stored(read)).toEqual([['嵩明县', central]]);
      expect(read.flatMap((r) => r.doubts ?? [])).toEqual([]);
    });
  }
});

describe('B27 (attack 3): a tab named after another county than the one its title and facts name', () => {
  const doubts = (read: ReadRecord[]) => read.flatMap((r) => r.doubts ?? []).filter((d) => d.code === 'sheet_name_differs');

  it('tab 榆树市 over 嵩明县’s title and paragraph: held as a doubt at the title naming both, read as 嵩明县', async () => {
    const read = await readBook('tab.xlsx', (wb) => putCounty(wb.addWorksheet('榆树市'), 1, SONGMING));
    expect(stored(read).map(([name]) => name)).toEqual(['嵩明县']);
    expect(doubts(read).map((d) => [d.sheet, d.cell, d.params.sheet, d.params.county])).toEqual([['榆树市', 'A1', '榆树市', '嵩明县']]);
    expect(
      findingMessage(
        read[0].findings.find((f) => f.code === 'sheet_name_differs')!,
        'zh',
      ),
    ).toBe(
      '工作表名“榆树市”是另一个县的名字,而表中(A1)写的是 嵩明县:这张表可能是从别县的表复制后改了工作表名;请核对数字属于哪个县(确认则按 嵩明县 导入)',
    );
  });

  it('a tab with the county’s own name, its prefecture’s, or no county’s says nothing', async () => {
    for (const [tab, title] of [
      ['嵩明县', undefined],
      ['昆明市', '云南省昆明市嵩明县电子商务进农村综合示范县项目验收情况表'],
      ['Sheet1', undefined],
      ['验收表', undefined],
    ] as const) {
      const read = await readBook('tab.xlsx', (wb) => putCounty(wb.addWorksheet(tab), 1, { ...SONGMING, ...(title ? { title } : {}) }));
      expect([tab, stored(read).length, doubts(read)]).toEqual([tab, 1, []]);
    }
  });
});

describe('B27 (attack 3): one county’s sheet naming another county in its paragraph or its 填报单位 line', () => {
  const named = (read: ReadRecord[]) =>
    read
      .flatMap((r) => r.doubts ?? [])
      .filter((d) => d.code === 'county_names_differ')
      .map((d) => [d.cell, d.params.county, d.params.other, d.params.otherCell]);
  const songming = (o: Partial<County>) => async () =>
    readBook('names.xlsx', (wb) => putCounty(wb.addWorksheet('嵩明县'), 1, { ...SONGMING, ...o }));

  it('title 嵩明县 over a paragraph of 横县: one county held as a doubt naming A1 and A3, no county of its own made of the title', async () => {
    const read = await songming({ facts: SONGMING.facts.replace('嵩明县', '横县') })();
    expect(errors(read)).toEqual([]);
    expect(read.map((r) => r.input?.county.name ?? null)).toEqual(['嵩明县']);
    expect(named(read)).toEqual([['A1', '嵩明县', '横县', 'A3']]);
    expect(
      findingMessage(
        read[0].findings.find((f) => f.code === 'county_names_differ')!,
        'zh',
      ),
    ).toBe(
      '同一个县的表上写了两个县:A1 写的是 嵩明县,A3 写的是 横县:这张表可能是从别县的表复制后只改了一处;请核对数字属于哪个县(确认则按 嵩明县 导入)',
    );
  });

  it('填报单位：横县商务局（盖章） under 嵩明县’s title: a doubt naming A1 and A2', async () => {
    const read = await songming({ filer: '填报单位：横县商务局（盖章）' })();
    expect(stored(read).map(([name]) => name)).toEqual(['嵩明县']);
    expect(named(read)).toEqual([['A1', '嵩明县', '横县', 'A2']]);
  });

  it('the same county written another way, or its prefecture’s office filing, says nothing', async () => {
    for (const o of [
      { facts: SONGMING.facts.replace('嵩明县', '嵩明') },
      { title: '嵩明縣電子商務進農村綜合示範縣項目驗收情況表' },
      { filer: '填报单位：嵩明县商务局' },
      { filer: '填报单位：云南省昆明市嵩明县人民政府' },
      { filer: '填报单位：昆明市商务局' },
      { filer: '填表单位:嵩明县电子商务进农村综合示范工作领导小组办公室' },
    ]) {
      const read = await songming(o)();
      // (One county, under the name its title gives: 嵩明縣 as typed.)
      expect([o, stored(read).map(([name]) => countyKey(String(name))), named(read)]).toEqual([o, ['嵩明县'], []]);
    }
  });

  it('an autonomous county’s title over its paragraph’s short name (前郭尔罗斯蒙古族自治县, 前郭县) is one county, no doubt', async () => {
    const title = '前郭尔罗斯蒙古族自治县电子商务进农村综合示范县项目验收情况表';
    const read = await songming({ title, facts: SONGMING.facts.replace('嵩明县', '前郭县') })();
    expect([stored(read).map(([name]) => name), named(read)]).toEqual([['前郭尔罗斯蒙古族自治县'], []]);
  });
});

describe('B24 (attack 3): table 三 headed with the words of county 资金拨付 reports', () => {
  const central = SONGMING.lines.map((l) => [String(l[2]), String(l[3])]);
  for (const [planned, actual] of [
    ['安排资金(万元)', '已拨付资金(万元)'],
    ['批复金额(万元)', '支付金额(万元)'],
    ['下达资金(万元)', '已拨付(万元)'],
  ]) {
    it(`${planned} | ${actual}: read as 计划 and 实际`, async () => {
      const read = await readBook('syn.xlsx', (wb) =>
        putCounty(wb.addWorksheet('嵩明县'), 1, { ...SONGMING, header3: ['序号', '项目名称', planned, actual, '拨付进度'] }),
      );
      expect(errors(read)).toEqual([]);
      expect(stored(read)).toEqual([['嵩明县', central]]);
    });
  }

  it('下达资金 | 未拨付: 未拨付 is never 实际 — the table is not read as one', async () => {
    const read = await readBook('syn.xlsx', (wb) =>
      putCounty(wb.addWorksheet('嵩明县'), 1, { ...SONGMING, header3: ['序号', '项目名称', '下达资金(万元)', '未拨付(万元)', '拨付进度'] }),
    );
    expect(stored(read)).toEqual([]);
  });
});

describe('B21 (attack 3): two counties’ tables side by side on one sheet (A:E and G:K)', () => {
  const own = (c: County) => [c.name, c.lines.map((l) => [String(l[2]), String(l[3])])];

  it('each block is read as its own county, with its own lines: 横县 1500 / 1393.5, 嵩明县 1000 / 840', async () => {
    const read = await readBook('side.xlsx', (wb) => {
      const ws = wb.addWorksheet('两县');
      putCounty(ws, 1, HENGXIAN);
      putCounty(ws, 1, SONGMING, 7);
    });
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual([own(HENGXIAN), own(SONGMING)]);
  });

  it('titles and paragraphs merged over each block’s five columns, the right block higher: still two counties', async () => {
    const read = await readBook('side.xlsx', (wb) => {
      const ws = wb.addWorksheet('两县');
      putCounty(ws, 2, HENGXIAN);
      putCounty(ws, 1, { ...SONGMING, title: '云南省昆明市嵩明县电子商务进农村综合示范县项目验收情况表' }, 7);
      ws.mergeCells('A2:E2');
      ws.mergeCells('A4:E4');
      ws.mergeCells('G1:K1');
      ws.mergeCells('G3:K3');
    });
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual([own(HENGXIAN), own(SONGMING)]);
  });
});

describe('B21: a table with an empty column inside it is one table', () => {
  it('嵩明县’s table 三 with column C empty between 具体项目名称 and the amounts: read as one table', async () => {
    const read = await readBook('gap.xlsx', (wb) => {
      const ws = wb.addWorksheet('嵩明县');
      const rows: Line[] = [
        [`${SONGMING.name}电子商务进农村综合示范县项目验收情况表`],
        [SONGMING.facts],
        ['三、中央财政资金拨付情况'],
        ['序号', '具体项目名称', undefined, '计划安排额度(万元)', '实际拨付额度(万元)', '资金拨付率(%)'],
        ...SONGMING.lines.map((l) => [l[0], l[1], undefined, ...l.slice(2)]),
      ];
      rows.forEach((values, r) => values.forEach((v, c) => v !== undefined && (ws.getCell(r + 1, c + 1).value = v)));
    });
    expect(errors(read)).toEqual([]);
    expect(stored(read)).toEqual([['嵩明县', SONGMING.lines.map((l) => [String(l[2]), String(l[3])])]]);
  });
});
