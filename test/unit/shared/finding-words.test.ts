// Every finding a person can be shown (the checks', the import's, 四、绩效自评's) reads as words in
// both languages — never blank, never "undefined", the Chinese in Chinese — and the pieces around a
// message: a long value quoted short, a field named in the reader's language, the cell, the place,
// the severity, and the language taken from the environment.
import { describe, expect, it } from 'vitest';
import { FINDING_SEVERITY, finding, type FindingCode } from '../../../shared/findings';
import { fieldLabel, findingMessage, findingPlace, langFromEnv, problemText, severityLabel, unitName } from '../../../shared/i18n';

/** Params of every kind the messages read, with values a finding could carry. */
const PARAMS: Record<string, string> = {
  ...Object.fromEntries(
    'value name row other sum stated seq county cells batch where shown line computed at year why weight range percent otherCell example central actual target score planned lines format dropped date counties count by arranged source acceptedOn want voucher total top titleYear titleCell stored sheet scope satisfaction rows result ratio rate places output outcome low level key high header groups funds factor day bottom asOf amount accepted whatEn record sourceEn label text sheets kept own bound asYuan otherValue lineSum'
      .split(' ')
      .map((key, i) => [key, String(i + 2)]),
  ),
  field: 'planned',
  column: 'actual',
  table: 'items',
  unit: 'wan',
  otherUnit: 'yuan',
  read: 'yuan',
  reason: 'column',
  kind: 'rollup',
  fact: 'investment.central',
  problem: 'negative_amount',
  missing: 'planned,actual',
  what: 'actual',
};
const CODES = Object.keys(FINDING_SEVERITY) as FindingCode[];
const HAN = /\p{Script=Han}/u;

describe('every finding', () => {
  it.each(CODES)('%s reads as words in Chinese and in English', (code) => {
    const f = finding(code, PARAMS);
    const zh = findingMessage(f, 'zh');
    const en = findingMessage(f, 'en');
    for (const text of [zh, en]) {
      expect(text.length).toBeGreaterThan(4);
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
    expect(zh).toMatch(HAN);
    expect(en).toMatch(/[a-z]{3}/);
    expect(zh).not.toBe(en);
  });

  it.each(CODES)('%s reads as words with no params at all', (code) => {
    for (const lang of ['zh', 'en'] as const) expect(findingMessage(finding(code, {}), lang).length).toBeGreaterThan(4);
  });
});

describe('a finding’s message', () => {
  it('quotes a value of over 60 characters as its first 60 and …, names the field in the reader’s language, and gives the cell when asked', () => {
    const long = '八'.repeat(70);
    const f = { ...finding('not_a_number', { field: 'actual', value: long }), cell: 'D7' };
    expect(findingMessage(f, 'zh')).toBe(`实际拨付额度(万元)“${'八'.repeat(60)}…”不是数字`);
    expect(findingMessage(f, 'en', true)).toBe(`disbursed (10k yuan) “${'八'.repeat(60)}…” is not a number (D7)`);
    expect(findingMessage(finding('not_a_number', { field: 'planned', value: '八'.repeat(60) }), 'zh')).toBe(
      `计划安排额度(万元)“${'八'.repeat(60)}”不是数字`,
    );
    expect(findingMessage(finding('not_a_number', { field: 'planned', value: '-1', problem: 'negative_amount' }), 'zh', true)).toBe(
      '计划安排额度(万元)“-1”不能为负数',
    );
  });

  it('is placed by file, sheet and cell, as far as they are known', () => {
    const f = finding('missing_name', {});
    expect(findingPlace({ ...f, file: 'a.xlsx', sheet: '樟树市', cell: 'C21' })).toBe('a.xlsx › 樟树市 › C21');
    expect(findingPlace({ ...f, sheet: '樟树市' })).toBe('樟树市');
    expect(findingPlace(f)).toBe('');
  });
});

describe('the words around findings', () => {
  it('name a field by its full name, a ledger column or basic fact by its own', () => {
    expect(fieldLabel('rate', 'zh')).toBe('资金拨付率(%)');
    expect(fieldLabel('payee', 'zh')).toBe('收款单位');
    expect(fieldLabel('date', 'en')).toBe('date paid');
    expect(fieldLabel('batch', 'zh')).toBe('批次');
    expect(fieldLabel('investment.central', 'en')).toBe('central funds');
    expect(fieldLabel('grade', 'zh')).toBe('grade');
  });

  it('name units, problems and severities in either language', () => {
    expect([unitName('qian', 'zh'), unitName('yi', 'en'), unitName('bai', 'zh')]).toEqual(['千元', '100m yuan', 'bai']);
    expect([problemText('zero_payment', 'zh'), problemText('zero_payment', 'en')]).toEqual(['必须大于 0', 'must be more than 0']);
    expect(['error', 'warning', 'info'].map((s) => severityLabel(s as 'error', 'zh'))).toEqual(['错误', '警告', '提示']);
    expect(['error', 'warning', 'info'].map((s) => severityLabel(s as 'error', 'en'))).toEqual(['error', 'warning', 'info']);
  });

  it('are English when the environment’s language is, Chinese otherwise', () => {
    expect([langFromEnv('en_US.UTF-8'), langFromEnv('EN'), langFromEnv('zh_CN.UTF-8'), langFromEnv(''), langFromEnv(undefined)]).toEqual([
      'en',
      'en',
      'zh',
      'zh',
      'zh',
    ]);
    expect(langFromEnv('C.en')).toBe('zh');
  });
});
