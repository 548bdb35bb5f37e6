import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FactSet, labelFact, readSentence, readSummary, splitAdmin } from '../../../../electron/services/excel/facts';
import { CellReader } from '../../../../electron/services/excel/values';
import { basicParagraph, disbursementSummary } from '../../../../shared/document';
import type { Cell } from '../../../../electron/services/excel/cells';
import type { County } from '../../../../shared/record';
import { findingMessage } from '../../../../shared/i18n';

const cell = (text: string, address = 'A3'): Cell => ({
  address,
  row: 3,
  col: 1,
  value: text,
  text,
  isFormula: false,
  noResult: false,
  span: 5,
  rowSpan: 1,
  index: 0,
});

function sentence(text: string) {
  const facts = new FactSet('f.xlsx', 's');
  const reader = new CellReader('f.xlsx', 's');
  const read = readSentence(cell(text), facts, reader, { lead: true });
  return { facts: facts.values, unclaimed: read.unclaimed, findings: reader.findings.map((f) => [f.code, f.params.value]) };
}

describe('the basic-facts grammar', () => {
  it('reads back every paragraph the generator writes, in both scripts (one description of the sentence)', () => {
    const decimal = fc
      .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 999_999 }))
      .map(([i, f]) => `${i}${f ? `.${String(f).padStart(6, '0').replace(/0+$/, '')}` : ''}`);
    const note = fc.oneof(
      fc.constant(''),
      fc.constantFrom('当前项目已基本建设完成', '已建成村级站点150个,正在验收', '1,500万元已到位', '建设,完成'),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('樟树市', '樟樹市', '阿荣旗', '新建区'),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 2014, max: 2030 }),
        fc.constantFrom(null, '2021', '2021-09', '2020-12-31'),
        fc.array(decimal, { minLength: 5, maxLength: 5 }),
        note,
        fc.constantFrom('hans', 'hant'),
        (name, batch, year, approvedOn, a, statusNote, script) => {
          const county: County = {
            name,
            province: null,
            prefecture: null,
            batch,
            year,
            approvedOn,
            acceptedOn: null,
            investment: { total: a[0], central: a[1], localGov: a[2], social: a[3] },
            centralArrangedUse: a[4],
            statusNote,
          };
          const read = sentence(basicParagraph(county, script as 'hans' | 'hant'));
          expect(read.findings).toEqual([]);
          expect(read.facts).toEqual({
            name,
            batch,
            year,
            ...(approvedOn ? { approvedOn } : {}),
            'investment.total': a[0],
            'investment.central': a[1],
            'investment.localGov': a[2],
            'investment.social': a[3],
            statusNote,
            centralArrangedUse: a[4],
          });
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it('reads other wordings: 为, 其中：, 中央财政资金, 社会资本投入, （2021年度）, 于…立项, full-width punctuation, province and prefecture in the lead', () => {
    expect(
      sentence(
        '江西省赣州市寻乌县是第八批全国电子商务进农村综合示范县（2021年度），于2021年9月立项，项目总投资为2,310万元，其中：中央财政资金1500万元，地方配套资金230万元，社会资本投入580万元，安排使用中央资金1332.78万元。',
      ).facts,
    ).toEqual({
      name: '寻乌县',
      province: '江西省',
      prefecture: '赣州市',
      batch: 8,
      year: 2021,
      approvedOn: '2021-09',
      'investment.total': '2310',
      'investment.central': '1500',
      'investment.localGov': '230',
      'investment.social': '580',
      statusNote: '',
      centralArrangedUse: '1332.78',
    });
    expect(
      sentence(
        '樟树市为第8批示范县,2021年度,2021年9月批复立项,总投资23100000元,中央资金15000000元、政府配套资金2300000元、社会资本5800000元。',
      ).facts,
    ).toMatchObject({
      name: '樟树市',
      batch: 8,
      year: 2021,
      approvedOn: '2021-09',
      'investment.total': '2310',
      'investment.central': '1500',
      'investment.localGov': '230',
      'investment.social': '580',
    });
  });

  it('the status note stands between the investment and the arranged funds, without the bracket closing the amounts', () => {
    expect(
      sentence(
        '樟树市是第八批示范县（2021年），项目总投资2310万元（其中中央资金1500万元、政府配套资金230万元、社会资本580万元），当前项目已基本建设完成，安排使用中央资金1332.78万元。',
      ).facts.statusNote,
    ).toBe('当前项目已基本建设完成');
  });

  it('a heading in the same cell is no part of the county name', () => {
    expect(sentence('一、基本情况：樟树市是第八批全国电子商务进农村综合示范县（2021年），项目总投资2310万元。').facts).toMatchObject({
      name: '樟树市',
      batch: 8,
      year: 2021,
      'investment.total': '2310',
    });
    expect(sentence('我县是第八批全国电子商务进农村综合示范县,项目总投资2310万元').facts.name).toBeUndefined();
  });

  it('the county that opens the sentence saying what it is, whatever stands between: the year first and the batch in brackets, 被确定为', () => {
    // As 吉林 and 四川 write it: 扶余市 第十批 (2021).
    expect(
      sentence('扶余市是2021年全国电子商务进农村综合示范县(第十批),立项时间为2021年8月,项目总投资1100万元,其中中央资金1000万元。').facts,
    ).toMatchObject({
      name: '扶余市',
      batch: 10,
      year: 2021,
      approvedOn: '2021-08',
      'investment.total': '1100',
      'investment.central': '1000',
    });
    expect(sentence('2021年,扶余市被确定为全国电子商务进农村综合示范县(第十批),项目总投资1100万元。').facts).toMatchObject({
      name: '扶余市',
      batch: 10,
      year: 2021,
    });
    expect(sentence('吉林省白山市长白朝鲜族自治县被列为2021年国家级电子商务进农村综合示范县(第十批)。').facts).toMatchObject({
      province: '吉林省',
      prefecture: '白山市',
      name: '长白朝鲜族自治县',
      batch: 10,
    });
    // Not a county: the project, a pronoun.
    expect(sentence('本项目是2021年全国电子商务进农村综合示范县(第十批)建设项目,总投资1100万元。').facts.name).toBeUndefined();
    expect(sentence('我县被确定为2021年全国电子商务进农村综合示范县(第十批)。').facts.name).toBeUndefined();
  });

  it('reports every number no label claims, and reads the rest', () => {
    const read = sentence(
      '樟树市是第八批示范县(2021年),建成站点150个,覆盖率85%,项目总投资2310万元,其中中央资金1500万元,县级财政230万元,社会资本580万元,安排使用中央资金1332.78万元。',
    );
    expect(read.unclaimed).toEqual(['150', '85%', '230万元']);
    expect(read.findings).toEqual([
      ['ignored_cell', '150'],
      ['ignored_cell', '85%'],
      ['ignored_cell', '230万元'],
    ]);
    expect(read.facts['investment.localGov']).toBeUndefined();
  });

  it('a fact given twice with two values is a conflict, the first kept', () => {
    const facts = new FactSet('f.xlsx', 's');
    facts.set('batch', 8, 'A1');
    facts.set('batch', 9, 'B5', 'other');
    expect(facts.values.batch).toBe(8);
    expect(facts.findings).toMatchObject([
      { code: 'fact_conflict', cell: 'A1', params: { field: 'county.batch', value: '8', other: '9', otherCell: 'other › B5' } },
    ]);
  });

  it('a sum of money given twice is the same sum however written; two different sums are refused, neither taken on trust', () => {
    const facts = new FactSet('f.xlsx', 's');
    facts.set('investment.central', '1500', 'A3');
    facts.set('investment.central', '1500.000000', 'B9');
    expect(facts.findings).toEqual([]);
    facts.set('investment.central', '1600', 'B10');
    expect(facts.findings).toMatchObject([
      {
        code: 'amount_conflict',
        severity: 'error',
        cell: 'A3',
        params: { field: 'county.investment.central', value: '1500', other: '1600', otherCell: 'B10' },
      },
    ]);
    expect(findingMessage(facts.findings[0], 'zh')).toBe('中央资金有两个不同的金额:1500(此处)与 1600(B10);请核对后只保留正确的一个');
  });
});

describe('names of places', () => {
  it('splits province, prefecture and county; prefectures ending in 州市 keep their 市; 自治州, 地区, 盟 too', () => {
    const cases: [string, (string | undefined)[]][] = [
      ['江西省宜春市樟树市', ['江西省', '宜春市', '樟树市']],
      ['江西省赣州市寻乌县', ['江西省', '赣州市', '寻乌县']],
      ['江西省抚州市南丰县', ['江西省', '抚州市', '南丰县']],
      ['湖南省永州市江永县', ['湖南省', '永州市', '江永县']],
      ['贵州省黔东南苗族侗族自治州凯里市', ['贵州省', '黔东南苗族侗族自治州', '凯里市']],
      ['西藏自治区阿里地区普兰县', ['西藏自治区', '阿里地区', '普兰县']],
      ['内蒙古自治区锡林郭勒盟多伦县', ['内蒙古自治区', '锡林郭勒盟', '多伦县']],
      ['山东省济南市市中区', ['山东省', '济南市', '市中区']],
      ['樟樹市', [undefined, undefined, '樟樹市']],
      ['新建区', [undefined, undefined, '新建区']],
    ];
    for (const [text, parts] of cases) {
      const s = splitAdmin(text)!;
      expect([text, s.province, s.prefecture, s.name]).toEqual([text, ...parts]);
    }
  });
});

describe('label/value facts and the summary sentence', () => {
  it('knows labels with brackets, units, colons and 其中', () => {
    const labels = [
      '县（市、区）',
      '其中：中央资金（万元）',
      '所属省份',
      '项目总投资(元)',
      '安排使用中央资金：',
      '批次',
      '项目',
      '内容',
      '中央财政资金（万元）',
    ];
    expect(labels.map((l) => labelFact(cell(l)) ?? null)).toEqual([
      'name',
      'investment.central',
      'province',
      'investment.total',
      'centralArrangedUse',
      'batch',
      null,
      null,
      'investment.central',
    ]);
  });

  it('reads the stated total and rate of the summary sentence the generator writes, in both scripts', () => {
    for (const script of ['hans', 'hant'] as const) {
      const text = disbursementSummary({ county: { acceptedOn: null }, totals: { actual: '1235.96', rate: '82.40' } }, script);
      expect(readSummary(cell(text), new CellReader('f', 's'))).toMatchObject({ actual: '1235.96', rate: '82.40' });
    }
  });
});

describe('B12 (attack 3): the money facts as county documents name them', () => {
  const lead = '雷波县是第三批全国电子商务进农村综合示范县(2016年),立项时间为2016年7月,';
  const money = (facts: Record<string, unknown>) =>
    ['investment.total', 'investment.central', 'investment.localGov', 'investment.social'].map((k) => facts[k]);

  it('中央财政专项资金、县级财政配套、企业自筹: 2000 / 200 / 400 万元, nothing left unread', () => {
    const r = sentence(
      `${lead}项目总投资2600万元,其中:中央财政专项资金2000万元、县级财政配套200万元、企业自筹400万元,安排使用中央资金2000万元。`,
    );
    expect(money(r.facts)).toEqual(['2600', '2000', '200', '400']);
    expect(r.findings).toEqual([]);
  });

  it('地方配套, 财政配套资金, 企业自筹资金, 社会投入 are read as the same two facts', () => {
    for (const [local, social] of [
      ['地方配套', '企业自筹资金'],
      ['财政配套资金', '社会投入'],
    ]) {
      const r = sentence(`${lead}项目总投资2600万元,其中中央资金2000万元,${local}200万元,${social}400万元。`);
      expect([local, ...money(r.facts).slice(2)]).toEqual([local, '200', '400']);
    }
  });

  it('中央资金2千万元 is 2000 万元, 5百万元 500 万元 — exactly, never 2', () => {
    const r = sentence(`${lead}项目总投资0.26亿元,其中中央资金2千万元,政府配套资金1.5百万元,社会资本450万元。`);
    expect(money(r.facts)).toEqual(['2600', '2000', '150', '450']);
    expect(r.findings).toEqual([]);
  });
});
