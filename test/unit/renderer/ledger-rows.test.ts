// What the ledger grid and its chart show: running totals per line, the lines told apart, payments
// after the as-of day marked, new payments stored only once complete, cells refused in the store's
// words; and the chart's steps with exact labels.
import { describe, expect, it } from 'vitest';
import { computeRecord } from '../../../shared/record';
import {
  draftRow,
  grouped,
  ledgerCheck,
  ledgerNotes,
  ledgerTotals,
  missing,
  storedRows,
  toNewPayment,
} from '../../../renderer/src/ledger/rows';
import { chartData } from '../../../renderer/src/ledger/chart';
import { planPaste } from '../../../renderer/src/grid/blocks';
import { listFor } from '../../../renderer/src/grid/CategoryList';
import { STRINGS } from '../../../renderer/src/strings';
import { seedInput } from '../../helpers/fixtures';

const t = STRINGS.zh;
function seedWithLedger(asOf = '2022-01-01') {
  const input = seedInput();
  input.payments = [
    { line: 1, date: '2021-12-01', amount: '300', payee: '樟树市邮政分公司', voucher: 'A1', stage: '签订协议', note: '' },
    { line: 1, date: '2022-06-30', amount: '340.21', payee: '樟树市邮政分公司', voucher: 'A2', stage: '验收后', note: '' },
    { line: 2, date: '2021-12-20', amount: '100', payee: '', voucher: '', stage: '', note: '' },
  ];
  return computeRecord(input, { asOf });
}

describe('the ledger grid', () => {
  it("gives each payment its line's running total and rate, by day; a line's first payment opens its group", () => {
    const record = seedWithLedger();
    const rows = storedRows(record, [7, 8, 9]);
    expect([...rows.values()].map((r) => [r.line, r.amount, r.running, r.runningRate])).toEqual([
      [1, '300', '300', '38.71'],
      [1, '340.21', '640.21', '82.61'],
      [2, '100', '100', '29.85'],
    ]);
    expect(grouped([...rows.values()]).map((r) => r.rowClass)).toEqual(['group-start', 'group-cont after-as-of', 'group-start']);
  });

  it('says why a payment after the day is grey, and sums what counts as of it under 合计', () => {
    const record = seedWithLedger();
    const rows = [...storedRows(record, [7, 8, 9])].map(([id, r]) => ({ ...r, id }));
    expect(ledgerNotes(record, rows, [], t, 'zh').get('8:date')).toEqual({ kind: 'info', message: '在 2022-01-01 之后,不计入' });
    expect(ledgerTotals(record, t, '2022年1月1日').map((r) => [r.line, r.name ?? '', r.amount])).toEqual([
      ['合计', '', '740.21'],
      ['', '截至2022年1月1日', '400'],
    ]);
    // As of a day after every payment, one total is enough.
    expect(ledgerTotals(seedWithLedger('2022-07-01'), t, '')).toHaveLength(1);
  });

  it('keeps a new payment as typed until it has a line, a day and an amount, then stores it as one', () => {
    const record = seedWithLedger();
    const draft = { key: -5, raw: { line: '２', date: '2022年3月1日' } };
    expect(missing(record, draft)).toEqual(['amount']);
    expect(draftRow(record, draft)).toMatchObject({
      line: 2,
      name: '农产品上行服务体系建设',
      date: '2022-03-01',
      amount: null,
      rowClass: 'new-row',
    });
    expect(ledgerNotes(record, [], [draft], t, 'zh').get('-5:amount')).toEqual({
      kind: 'draft',
      message: '新的一笔,还没有保存:还需填写金额(万元)',
    });
    const complete = { ...draft, raw: { ...draft.raw, amount: '1,000.5万元', payee: '某公司' } };
    expect(missing(record, complete)).toEqual([]);
    expect(toNewPayment(record, complete)).toEqual({
      key: -5,
      raw: complete.raw,
      payment: { line: 2, date: '2022-03-01', amount: '1000.5', payee: '某公司', voucher: '', stage: '', note: '' },
    });
  });

  it('refuses a cell in the words the store uses, naming the payment as the grid counts it', () => {
    const check = ledgerCheck(seedWithLedger());
    const said = (row: number, field: string, raw: string, lang: 'zh' | 'en' = 'zh') => {
      const r = check(row, field, raw);
      return r.ok ? r : r.message(lang);
    };
    expect(said(2, 'line', '9')).toBe('拨付台账第 3 笔 序号“9”在表三中没有这一行(填表三的序号;表三的序号:1、2、3、4、5、6)');
    expect(said(0, 'date', '2022-02-30')).toBe('拨付台账第 1 笔 拨付日期“2022-02-30”不是具体到日的日期(如 2021-12-01 或 2021年12月1日)');
    expect(said(0, 'amount', '0')).toBe('拨付台账第 1 笔 金额(万元)“0”应为大于 0 的金额(万元)');
    expect(said(0, 'amount', '')).toBe('拨付台账第 1 笔 金额(万元)“”未填(每笔拨付都要有序号、拨付日期和金额)');
    expect(check(0, 'amount', '640.21')).toEqual({ ok: true, value: '640.21' });
    expect(said(0, 'amount', 'abc', 'en')).toBe('Ledger payment 1, amount (10k yuan) “abc” is not a number');
  });

  it('refuses at once, at the cell, a 拨付日期 after the person’s day (a year typed wrong), naming that day', () => {
    const check = ledgerCheck(seedWithLedger(), '2026-12-07');
    const r = check(0, 'date', '2027-06-01');
    expect(r.ok ? r : r.message('zh')).toBe(
      '拨付台账第 1 笔 拨付日期“2027-06-01”在今天(2026-12-07)之后:拨付台账只记已经拨付的款项,请核对日期(年份是否写错?)',
    );
    expect(check(0, 'date', '2026年12月7日')).toEqual({ ok: true, value: '2026-12-07' });
  });
});

describe('the list under 阶段', () => {
  it('offers the usual stages that match what is typed, none chosen until ↓ (any other text stands); 类别 must be one of its own', () => {
    expect(listFor('stage', '', null, 'zh')).toEqual({ items: ['签订协议', '进度款', '验收后'], highlight: -1 });
    expect(listFor('stage', '', '验收后', 'zh')).toEqual({ items: ['签订协议', '进度款', '验收后'], highlight: 2 });
    expect(listFor('stage', '进度', null, 'zh')).toEqual({ items: ['进度款'], highlight: -1 });
    expect(listFor('stage', '第二期', null, 'zh')).toBeNull();
    expect(listFor('category', '物流', 'other', 'zh')).toEqual({ items: ['县乡村物流配送体系'], highlight: 0 });
    expect(listFor('payee', '', null, 'zh')).toBeNull();
  });
});

describe('pasting over a line whose 实际拨付额度 comes from its payments', () => {
  const columns = ['seq', 'category', 'name', 'planned', 'actual', 'rate', 'statedRate'].map((field) => ({
    field,
    editable: field !== 'rate',
  }));
  const lockText = () => '第 1 行 实际拨付额度(万元): 由拨付台账计算';
  const locked = (row: number, field: string) => (row === 0 && field === 'actual' ? lockText : null);
  const plan = (text: string) =>
    planPaste({
      text,
      table: 'disbursements',
      columns,
      rowIds: [11, 12],
      selection: { top: 0, bottom: 0, left: 3, right: 3 },
      titles: new Set(),
      locked,
      current: (row, field) => (row === 0 && field === 'actual' ? '640.21' : null),
    });

  it('refuses another value at that cell with why, writing nothing; the value it has already is no change', () => {
    const refused = plan('775\t700\n335\t300\n');
    expect(refused.problems).toEqual([{ row: 0, field: 'actual', value: '700', message: lockText }]);
    const same = plan('775\t640.21\n335\t300\n');
    expect(same.problems).toEqual([]);
    expect(same.edits.map((e) => [e.rowId, e.field])).toEqual([
      [11, 'planned'],
      [12, 'planned'],
      [12, 'actual'],
    ]);
  });
});

describe('the chart', () => {
  it('steps up on each day paid, runs level to the day marked, and labels amounts exactly', () => {
    const input = seedInput();
    input.county = { ...input.county, acceptedOn: '2022-07' };
    input.payments = [
      { line: 1, date: '2021-12-01', amount: '300', payee: '', voucher: '', stage: '', note: '' },
      { line: 1, date: '2022-06-30', amount: '340.21', payee: '', voucher: '', stage: '', note: '' },
      { line: 1, date: '2022-06-30', amount: '0.000001', payee: '', voucher: '', stage: '', note: '' },
    ];
    const data = chartData(computeRecord(input, { asOf: '2022-01-01' }), '合计');
    expect(data.total.points.map((p) => [p.date, p.total])).toEqual([
      ['2021-12-01', '0'],
      ['2021-12-01', '300'],
      ['2022-06-30', '640.210001'],
      ['2022-07-31', '640.210001'],
    ]);
    expect([data.planned, data.asOf, data.accepted, data.lines.length]).toEqual(['775', '2022-01-01', '2022-07-31', 0]);
    // Several lines: each its own steps, every one running on to the same last day.
    input.payments.push({ line: 2, date: '2021-12-20', amount: '120', payee: '', voucher: '', stage: '', note: '' });
    input.county = { ...input.county, acceptedOn: null };
    const two = chartData(computeRecord(input, { asOf: '2022-01-01' }), '合计');
    expect(two.lines.map((l) => [l.name, l.points.map((p) => `${p.date} ${p.total}`)])).toEqual([
      ['1 县乡村物流快递配送体系建设', ['2021-12-01 0', '2021-12-01 300', '2022-06-30 640.210001']],
      ['2 农产品上行服务体系建设', ['2021-12-20 0', '2021-12-20 120', '2022-06-30 120']],
    ]);
    expect(two.planned).toBe('1110');
  });
});
