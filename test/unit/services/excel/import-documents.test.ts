// Import III with workbooks made from documents real counties and prefectures published, as a clerk
// sends them: a web page's table saved by LibreOffice as .xlsx (HTML), a workbook of several sheets
// (FODS → .xlsx), and the same county's sheet as the office types it. Their figures are the
// documents' own (cited per case); what a document does not say is left out, as a clerk would.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readWorkbook, type ReadRecord } from '../../../../electron/services/excel/import';
import { computeRecord } from '../../../../shared/record';
import { tempDir } from '../../../helpers/fixtures';
import { fodsOf, htmlOf, type FxCell, type FxSheet } from '../../../fixtures/workbooks';

const v = (...xs: (string | number | null)[]): FxCell[] => xs.map((x) => (x === null ? null : { v: x }));
const span = (text: string, n = 5): FxCell[] => [{ v: text, colSpan: n }];

// 1. 保山市商务局, 2019年度项目绩效自评报告(电子商务进农村示范项目资金), published 2020-06-28: the
//    prefecture was made an 整体推进州市 in 2017; 预计总投资7450万元, 其中中央财政资金6000万元,
//    县(市、区)财政配套资金1450万元; 市级统筹中央财政资金1000万元; the 市级电子商务公共服务中心改造提升
//    project took 250万元, won at 2472551.80元 (建安工程费1783575.80元, 工程建设其他费38976.00元);
//    场地补助经费50万元; 展品购置经费15万元. No 社会资本 is given: the record is partial.
//    Sent as the report's tables pasted into a web form and saved by LibreOffice (HTML → .xlsx).
const baoshan: FxSheet = {
  name: '保山市',
  rows: [
    span('保山市2019年度项目绩效自评报告（电子商务进农村综合示范项目资金）'),
    v('一、基本情况'),
    v('县（市、区）', '保山市'),
    v('批次', '第四批（2017年整体推进州市）'),
    v('示范年度', 2017),
    v('项目总投资（万元）', 7450),
    v('其中：中央资金（万元）', 6000),
    v('政府配套资金（万元）', 1450),
    v('安排使用中央资金（万元）', 1000),
    v('二、项目建设完成情况'),
    v('序号', '项目名称', '项目实施目标', '目标完成情况', '实施目标完成率(%)'),
    v(1, '市级电子商务公共服务中心改造提升', '户外整体改造，室内一楼、二楼改造提升', '2018年8月30日通过验收', '100%'),
    v('三、中央财政资金拨付情况'),
    v(null, null, null, null, '（单位：元）'),
    v('序号', '具体项目名称', '计划安排额度', '实际拨付额度', '资金拨付率(%)'),
    v(1, '市级电子商务公共服务中心改造提升', 2500000, 2472551.8, null),
    v(null, '其中：服务中心改造提升建安工程费', null, 1783575.8, null),
    v(null, '工程建设其他费', null, 38976, null),
    v(2, '市电商服务中心2018年、2019年场地补助', 500000, 500000, null),
    v(3, '保山特色产品体验馆展品购置', 150000, 150000, null),
    v('合计', null, 3150000, 3122551.8, null),
    [],
    v('资料来源：《保山市2019年度项目绩效自评报告（电子商务进农村示范项目资金）》，保山市商务局2020年6月28日发布'),
  ],
};

// 2. 通河县委宣传部, 通河县电子商务进农村综合示范专项资金使用管理办法 (2018-07-24): 宣传推广 中央财政
//    资金专项支持不超过100万元; 公共服务中心和基层服务网络 不超过500万元, 其中公共服务中心不超过300万元,
//    村级网点建设不超过200万元. The county sends its plan before any payment: 实际拨付 not entered.
//    With it, the prefecture's roll-up (平远县's 555万元 from 中国贸易经济网, 2016-06-13, a county
//    the workbook holds no sheet of), its 填表说明 and a cover: a workbook of four sheets (FODS → .xlsx).
const tonghe: FxSheet = {
  name: '通河县',
  rows: [
    span('黑龙江省哈尔滨市通河县电子商务进农村综合示范县项目验收情况表'),
    v('一、基本情况'),
    span(
      '通河县是第五批全国电子商务进农村综合示范县（2018年），项目总投资600万元，其中中央资金600万元，政府配套资金0万元，社会资本0万元，安排使用中央资金600万元。',
    ),
    v('二、项目建设完成情况'),
    v('序号', '项目名称', '项目实施目标', '目标完成情况', '实施目标完成率(%)'),
    v(1, '通河县特色产品线下体验中心及宣传推广', '建设特色产品线下体验中心，组织参加电商展会', '建设中', null),
    v(2, '通河县电子商务公共服务中心', '依托电子商务产业园建设县级公共服务中心', '建设中', null),
    v(3, '基层电子商务服务站', '覆盖8个乡镇和82个行政村', '建设中', null),
    v('三、中央财政资金拨付情况'),
    v('序号', '具体项目名称', '计划安排额度(万元)', '实际拨付额度(万元)', '资金拨付率(%)'),
    v(1, '宣传推广', 100, null, null),
    v(2, '电子商务公共服务中心和基层服务网络', 500, null, null),
    v(null, '其中：公共服务中心', 300, null, null),
    v(null, '村级网点建设', 200, null, null),
    v('合计', null, 600, null, null),
    [],
    v('注：实际拨付额度待项目验收后填报。'),
    v('资料来源：《通河县电子商务进农村综合示范专项资金使用管理办法》'),
  ],
};
const rollup: FxSheet = {
  name: '汇总',
  rows: [
    span('电子商务进农村综合示范县资金拨付汇总表', 6),
    v(null, null, null, null, null, '单位：万元'),
    v('序号', '县（市、区）', '批次', '计划安排额度', '实际拨付额度', '备注'),
    v(1, '通河县', '第五批', 650, 0, null),
    v(2, '平远县', null, 555, 555, '已投入各类建设资金555万元'),
  ],
};
const instructions: FxSheet = {
  name: '填表说明',
  rows: [v('填表说明'), v('1、金额单位为万元，保留两位小数；'), v('2、“其中”行不计入合计。')],
};
const cover: FxSheet = { name: '封面', rows: [span('电子商务进农村综合示范项目验收材料'), v('2018年7月')] };

const read: Record<string, ReadRecord[]> = {};

beforeAll(async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'baoshan.html'), htmlOf(baoshan));
  fs.writeFileSync(path.join(dir, 'tonghe.fods'), fodsOf([cover, rollup, tonghe, instructions]));
  const run = (file: string, filter?: string) =>
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
        path.join(dir, file),
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
  run('baoshan.html', 'HTML (StarCalc)');
  run('tonghe.fods');
  for (const name of ['baoshan', 'tonghe'])
    read[name] = await readWorkbook({ name: `${name}.xlsx`, bytes: fs.readFileSync(path.join(dir, 'out', `${name}.xlsx`)) });
}, 240_000);

const found = (r: ReadRecord[]) =>
  r.flatMap((x) =>
    x.findings.map((f) => [f.code, f.sheet, f.cell ?? null, f.params.reason ?? f.params.field ?? f.params.kind ?? f.params.column ?? null]),
  );

describe('workbooks made from published documents', () => {
  it("保山市's self-evaluation: the labelled year and batch, 元 converted, 其中 rows told, the source a note, 社会资本 missing (partial)", () => {
    const r = read.baoshan;
    expect(r).toHaveLength(1);
    const record = computeRecord(r[0].input!);
    expect(record.county).toMatchObject({
      name: '保山市',
      batch: 4,
      year: 2017,
      investment: { total: '7450', central: '6000', localGov: '1450', social: null },
      centralArrangedUse: '1000',
    });
    expect(record.disbursements.map((d) => [d.name, d.planned, d.actual])).toEqual([
      ['市级电子商务公共服务中心改造提升', '250', '247.25518'],
      ['市电商服务中心2018年、2019年场地补助', '50', '50'],
      ['保山特色产品体验馆展品购置', '15', '15'],
    ]);
    expect(record.totals).toMatchObject({ planned: '315', actual: '312.25518', rate: '99.13' });
    expect(found(r)).toEqual([
      ['ignored_cell', 'Sheet1', 'B17', 'breakdown'],
      ['ignored_cell', 'Sheet1', 'B18', 'breakdown'],
      ['batch_note', 'Sheet1', 'B4', null],
      ['ignored_cell', 'Sheet1', 'A23', 'note'],
      ['year_conflict', 'Sheet1', 'B5', null],
      ['amounts_in_yuan', 'Sheet1', 'E14', null],
      ['uncategorised', 'Sheet1', 'B20', null],
      ['missing_fact', 'Sheet1', 'A3', 'county.investment.social'],
      ['planned_vs_central', 'Sheet1', 'C21', null],
    ]);
    expect(r[0].findings.every((f) => f.severity !== 'error')).toBe(true);
  });

  it("通河县's plan beside a roll-up, instructions and a cover: one county, one finding per other sheet, the roll-up cross-checked", () => {
    const r = read.tonghe;
    expect(r.map((x) => x.input?.county.name)).toEqual(['通河县']);
    const record = computeRecord(r[0].input!);
    expect(record.county).toMatchObject({ name: '通河县', province: '黑龙江省', prefecture: '哈尔滨市', batch: 5, year: 2018 });
    expect(record.disbursements.map((d) => [d.name, d.planned, d.actual])).toEqual([
      ['宣传推广', '100', null],
      ['电子商务公共服务中心和基层服务网络', '500', null],
    ]);
    expect(found(r)).toEqual([
      ['ignored_cell', '通河县', 'B13', 'breakdown'],
      ['ignored_cell', '通河县', 'B14', 'breakdown'],
      ['uncategorised', '通河县', 'B8', null],
      ['amount_missing', '通河县', 'D11', 'actual'],
      ['amount_missing', '通河县', 'D12', 'actual'],
      ['rollup_mismatch', '汇总', 'D4', 'planned'],
      ['sheet_not_read', '封面', 'A1', 'cover'],
      ['sheet_not_read', '汇总', 'A1', 'rollup'],
      ['sheet_not_read', '填表说明', 'A1', 'instructions'],
      // 平远县: in the roll-up, no sheet of its own — told, it is not imported.
      ['rollup_county_missing', '汇总', 'B5', null],
    ]);
    expect(r[0].findings.find((f) => f.code === 'rollup_mismatch')!.params).toEqual({
      county: '通河县',
      column: 'planned',
      stated: '650',
      sum: '600',
      other: '通河县 › C15',
    });
  });
});
