// What a person types into a cell of 表二/表三 or a field of 基本情况, read as the store keeps it:
// batches in Chinese numerals, dates as they are written, years, 序号, categories in either
// language, and what each field refuses.
import { describe, expect, it } from 'vitest';
import {
  categoryLabel,
  categoryOf,
  countyFieldValue,
  parseBatch,
  parseCell,
  parseCountyField,
  parseDateText,
} from '../../../shared/fields';
import { seedInput } from '../../helpers/fixtures';

describe('a batch', () => {
  it('in digits or Chinese numerals, with 第 and 批 or 批次 around it: 1 to 99', () => {
    const batches = ['八', '十', '十一', '十二', '二十', '二十三', '九十九', '两', '第8批', '第12批次', '第十二批', '08', '99'];
    expect(batches.map(parseBatch)).toEqual([8, 10, 11, 12, 20, 23, 99, 2, 8, 12, 12, 8, 99]);
  });

  it('none from nothing, zero, three digits or words', () => {
    expect(['', '0', '100', 'abc', '第批', '十十', '零'].map(parseBatch)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('a date as written', () => {
  it('a year, a month or a day, with 年月日, dashes, dots or slashes', () => {
    const dates = ['2021年9月', '2021-09', '2021.9', '2021/9/15', '2021年9月15日', '2021年9月15', '2021', '2021年', '２０２１年１２月'];
    expect(dates.map(parseDateText)).toEqual([
      '2021-09',
      '2021-09',
      '2021-09',
      '2021-09-15',
      '2021-09-15',
      '2021-09-15',
      '2021',
      '2021',
      '2021-12',
    ]);
  });

  it('none for a month or day that does not exist, a short year or words', () => {
    expect(['2021-13', '2021-02-30', '21-09', '九月', '2021-9-', ''].map(parseDateText)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('a field of 基本情况', () => {
  it('batch: a whole number 1–99, from a number or text', () => {
    expect([8, 99, '十二'].map((b) => parseCountyField('batch', b))).toEqual([
      { ok: true, value: 8 },
      { ok: true, value: 99 },
      { ok: true, value: 12 },
    ]);
    for (const bad of [8.5, 'abc']) expect([bad, parseCountyField('batch', bad)]).toEqual([bad, { ok: false, code: 'not_a_number' }]);
    // A whole number outside 1–99 is said to be out of range, not "not a number".
    for (const bad of [0, 100, '0', '１００'])
      expect([bad, parseCountyField('batch', bad)]).toEqual([bad, { ok: false, code: 'not_a_number', problem: 'out_of_range' }]);
  });

  it('year: 1990–2100, with 年 or 年度 after it, in any width of digits', () => {
    expect(['2021年', '2021年度', '１９９０', '2100', 2022].map((y) => parseCountyField('year', y))).toEqual([
      { ok: true, value: 2021 },
      { ok: true, value: 2021 },
      { ok: true, value: 1990 },
      { ok: true, value: 2100 },
      { ok: true, value: 2022 },
    ]);
    for (const bad of ['abc', '二〇二一', '', '2021.5'])
      expect([bad, parseCountyField('year', bad)]).toEqual([bad, { ok: false, code: 'not_a_number' }]);
    for (const bad of ['1989', '2101'])
      expect([bad, parseCountyField('year', bad)]).toEqual([bad, { ok: false, code: 'not_a_number', problem: 'out_of_range' }]);
  });

  it('texts trimmed; a province or prefecture cleared is none; a date cleared is none, a date not a date refused', () => {
    expect(parseCountyField('name', ' 樟树市 ')).toEqual({ ok: true, value: '樟树市' });
    expect(parseCountyField('province', ' 江西省 ')).toEqual({ ok: true, value: '江西省' });
    expect(parseCountyField('prefecture', '  ')).toEqual({ ok: true, value: null });
    expect(parseCountyField('prefecture', ' 宜春市 ')).toEqual({ ok: true, value: '宜春市' });
    // An amount of spaces is not entered.
    expect(parseCountyField('investment.total', '   ')).toEqual({ ok: true, value: null });
    expect(parseCountyField('statusNote', ' 已完成 ')).toEqual({ ok: true, value: '已完成' });
    expect(parseCountyField('acceptedOn', ' ')).toEqual({ ok: true, value: null });
    expect(parseCountyField('acceptedOn', '2022/6/30')).toEqual({ ok: true, value: '2022-06-30' });
    expect(parseCountyField('acceptedOn', '2022-02-30')).toEqual({ ok: false, code: 'not_a_date' });
  });

  it('an amount: exact 万元 text; a negative one or one past the 分 refused with its problem', () => {
    expect(parseCountyField('investment.total', '1,500')).toEqual({ ok: true, value: '1500' });
    expect(parseCountyField('investment.social', 212.5)).toEqual({ ok: true, value: '212.5' });
    expect(parseCountyField('investment.localGov', '-1')).toEqual({ ok: false, code: 'negative_amount', problem: 'negative_amount' });
    expect(parseCountyField('centralArrangedUse', '1.0000001')).toEqual({ ok: false, code: 'not_a_number', problem: 'too_precise' });
  });

  it('a field read from the record by its name, investment.* inside the investment', () => {
    const county = seedInput().county;
    expect(countyFieldValue(county, 'investment.central')).toBe(county.investment.central);
    expect(countyFieldValue(county, 'name')).toBe('樟树市');
    expect(countyFieldValue(county, 'batch')).toBe(8);
  });
});

describe('a cell of 表二 or 表三', () => {
  it('序号: up to six digits of any width, spaces around it ignored', () => {
    expect(['３', ' 12 ', '999999'].map((s) => parseCell('items', 'seq', s))).toEqual([
      { ok: true, value: 3 },
      { ok: true, value: 12 },
      { ok: true, value: 999999 },
    ]);
    for (const bad of ['1234567', '1.5', '', '一'])
      expect([bad, parseCell('disbursements', 'seq', bad)]).toEqual([bad, { ok: false, code: 'not_a_number' }]);
  });

  it('category: its code, or its label in Chinese (either script) or English, spaces around ignored', () => {
    expect(['logistics', ' 其他 ', 'Training', '電子商務公共服務中心'].map((c) => parseCell('items', 'category', c))).toEqual([
      { ok: true, value: 'logistics' },
      { ok: true, value: 'other' },
      { ok: true, value: 'training' },
      { ok: true, value: 'service_center' },
    ]);
    expect(parseCell('items', 'category', ' logistics ')).toEqual({ ok: true, value: 'logistics' });
    expect(parseCell('items', 'category', '物流')).toEqual({ ok: false, code: 'invalid_value' });
    expect(categoryOf('xyz')).toBeUndefined();
    expect([categoryLabel('upstream', 'zh'), categoryLabel('upstream', 'en')]).toEqual(['农产品上行服务体系', 'Farm produce upstream']);
  });

  it('texts trimmed; a name never empty', () => {
    expect(parseCell('items', 'name', ' 樟树电商中心 ')).toEqual({ ok: true, value: '樟树电商中心' });
    expect(parseCell('items', 'target', '  10个 ')).toEqual({ ok: true, value: '10个' });
    expect(parseCell('items', 'completion', null)).toEqual({ ok: true, value: '' });
    expect(parseCell('disbursements', 'name', null)).toEqual({ ok: false, code: 'missing_name' });
  });

  it('a rate: a dash, a slash or nothing is none; 完成率 without trailing zeros, a stated rate as written', () => {
    for (const blank of ['—', '-', '/', ' ', '–', null])
      expect([blank, parseCell('items', 'completionRate', blank)]).toEqual([blank, { ok: true, value: null }]);
    expect(parseCell('items', 'completionRate', '90.0%')).toEqual({ ok: true, value: '90' });
    expect(parseCell('disbursements', 'statedRate', '90.0')).toEqual({ ok: true, value: '90.0' });
    expect(parseCell('items', 'completionRate', 'abc')).toEqual({ ok: false, code: 'not_a_number' });
    expect(parseCell('disbursements', 'statedRate', '-')).toEqual({ ok: true, value: null });
  });

  it('an amount typed with its unit is read in that unit, exactly; ¥ without a unit is refused, never read as 万元', () => {
    // 100 元 = 0.01 万元; 12 万 = 12 万元; 6,402,100.00 元 = 640.21 万元 (the seed's 邮政 line, by hand).
    expect(parseCell('disbursements', 'actual', '100元')).toEqual({ ok: true, value: '0.01' });
    expect(parseCell('disbursements', 'actual', '12万')).toEqual({ ok: true, value: '12' });
    expect(parseCell('disbursements', 'actual', '６,４０２,１００.００元')).toEqual({ ok: true, value: '640.21' });
    expect(parseCell('disbursements', 'planned', '¥12万元')).toEqual({ ok: true, value: '12' });
    for (const typed of ['¥100', '￥6,402,100.00'])
      expect([typed, parseCell('disbursements', 'actual', typed)]).toEqual([
        typed,
        { ok: false, code: 'not_a_number', problem: 'currency_sign' },
      ]);
    expect(parseCell('disbursements', 'actual', '$100')).toEqual({ ok: false, code: 'not_a_number', problem: 'not_a_number' });
  });

  it('spaces group thousands only: "1 234" is 1234, "12 34" is two figures and refused', () => {
    expect(parseCell('disbursements', 'actual', '1 234')).toEqual({ ok: true, value: '1234' });
    expect(parseCell('disbursements', 'actual', '1\u00a0234.5')).toEqual({ ok: true, value: '1234.5' });
    expect(parseCell('disbursements', 'actual', ' 29.41 万元 ')).toEqual({ ok: true, value: '29.41' });
    expect(parseCell('disbursements', 'actual', '12 34')).toEqual({ ok: false, code: 'not_a_number', problem: 'not_a_number' });
  });

  it('an amount past the 分 refused with its problem; a field of the other table or no field refused', () => {
    expect(parseCell('disbursements', 'actual', '1.0000001')).toEqual({ ok: false, code: 'not_a_number', problem: 'too_precise' });
    expect(parseCell('disbursements', 'planned', 80)).toEqual({ ok: true, value: '80' });
    // A spreadsheet's 0.1 + 0.2 is 0.3 to the 分; a stray control character is dropped, not read as text.
    expect(parseCell('disbursements', 'actual', 0.1 + 0.2)).toEqual({ ok: true, value: '0.3' });
    expect(parseCell('disbursements', 'actual', '8\u00070')).toEqual({ ok: true, value: '80' });
    for (const [table, field] of [
      ['disbursements', 'completionRate'],
      ['items', 'planned'],
      ['items', 'actual'],
      ['items', 'statedRate'],
      ['items', 'rate'],
    ] as const)
      expect([table, field, parseCell(table, field, '50')]).toEqual([table, field, { ok: false, code: 'invalid_value' }]);
  });
});
