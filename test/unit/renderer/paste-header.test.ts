// A pasted block with a header row goes by its header: any order, any subset, simplified or
// traditional, with or without units; computed columns and 合计 lines left out and said so.
import { describe, expect, it } from 'vitest';
import { planPaste } from '../../../renderer/src/grid/blocks';
import { gridColumns, HEADER_RULES, PASTE_TITLES } from '../../../renderer/src/grid/columns';
import { headerKey, isTotalLine } from '../../../renderer/src/grid/headers';
import { parseCell } from '../../../shared/fields';
import { parsePaymentField } from '../../../shared/payment-fields';

const at = (row: number, col: number) => ({ top: row, bottom: row, left: col, right: col });
const accept = (_row: number, _field: string, raw: unknown) => ({ ok: true as const, value: raw as string });

function ledger(text: string, rowIds: number[], selection = at(0, 0)) {
  return planPaste({
    text,
    table: 'payments',
    columns: gridColumns('payments'),
    rowIds,
    selection,
    titles: PASTE_TITLES,
    check: accept,
    header: HEADER_RULES.payments,
    required: { fields: ['line', 'date', 'amount'], message: (row, lacking) => () => `第${row + 1}行缺少${lacking.join('、')}` },
  });
}
function table3(text: string, rowIds: number[], selection = at(0, 0)) {
  return planPaste({
    text,
    table: 'disbursements',
    columns: gridColumns('disbursements'),
    rowIds,
    selection,
    titles: PASTE_TITLES,
    header: HEADER_RULES.disbursements,
  });
}

describe('a ledger block with its header', () => {
  it('puts payee and voucher where their titles say, whatever their order', () => {
    const p = ledger(
      '序号\t具体项目名称\t拨付日期\t金额(万元)\t凭证号\t收款单位\t阶段\t备注\n1\t物流\t2021-12-01\t300\t记-118\t邮政分公司\t签订协议\t首付\n',
      [],
    );
    expect(p.byHeader).toBe(true);
    expect(p.append).toEqual([
      { line: '1', date: '2021-12-01', amount: '300', voucher: '记-118', payee: '邮政分公司', stage: '签订协议', note: '首付' },
    ]);
    expect(p.skippedComputed).toEqual(['name']);
  });

  it('takes a subset in traditional characters, units in full-width brackets or none', () => {
    const p = ledger('撥付日期\t序號\t金額（萬元）\t收款單位\n2022-03-01\t2\t50\t某公司\n', [7]);
    expect(p.append).toEqual([{ date: '2022-03-01', line: '2', amount: '50', payee: '某公司' }]);
    expect(ledger('序号\t日期\t金额\n1\t2022-01-02\t5\n', []).append).toEqual([{ line: '1', date: '2022-01-02', amount: '5' }]);
  });

  it('whole payments are added after the listed ones, never written over them, wherever the selection is', () => {
    const p = ledger('序号\t拨付日期\t金额(万元)\n1\t2022-01-02\t5\n', [5, 6], at(0, 7));
    expect(p.edits).toEqual([]);
    expect(p.top).toBe(2);
    expect(p.append).toHaveLength(1);
  });

  it('a header with some columns only edits the listed payments from the selected row', () => {
    const p = ledger('凭证号\n记-9\n', [5, 6], at(1, 0));
    expect(p.edits).toEqual([{ rowId: 6, field: 'voucher', value: '记-9' }]);
  });

  it("an 8-column block without header, pasted on 备注, is whole payments in the export's columns: no 序号 in the note", () => {
    const p = ledger('1\t物流\t2022-01-02\t5\t某公司\t记-1\t进度款\t\n', [5], at(0, 7));
    expect(p.asWholeRows).toBe(true);
    expect(p.edits).toEqual([]);
    expect(p.append).toEqual([{ line: '1', date: '2022-01-02', amount: '5', payee: '某公司', voucher: '记-1', stage: '进度款', note: '' }]);
  });

  it('new payments lacking 序号, 日期 or 金额 are refused, so no half-made payment is left behind', () => {
    const p = ledger('备注\n甲\n乙\n', [5], at(0, 7));
    expect(p.problems.map((x) => x.message('zh'))).toEqual(['第2行缺少line、date、amount']);
  });
});

describe('table 三 in the official layout', () => {
  const official =
    '序号\t具体项目名称\t计划安排额度(万元)\t实际拨付额度(万元)\t资金拨付率(%)\n1\t县级电子商务公共服务中心\t775\t640.21\t82.61%\n2\t农村电子商务人员培训\t100\t100\t100.00%\n合计\t\t875\t740.21\t84.60%\n';

  it('goes by its header: the name into 具体项目名称, the rate left to be computed, 合计 left out', () => {
    const p = table3(official, []);
    expect(p.append).toEqual([
      { seq: '1', name: '县级电子商务公共服务中心', planned: '775', actual: '640.21' },
      { seq: '2', name: '农村电子商务人员培训', planned: '100', actual: '100' },
    ]);
    expect(p.problems).toEqual([]);
    expect(p.skippedComputed).toEqual(['rate']);
    expect(p.skippedTotals).toBe(1);
  });

  it('short headers (计划, 实际) and traditional ones work too', () => {
    const p = table3('序號\t具體項目名稱\t計劃\t實際\n1\t甲\t10\t5\n', [40]);
    expect(p.edits.map((e) => [e.field, e.value])).toEqual([
      ['seq', '1'],
      ['name', '甲'],
      ['planned', '10'],
      ['actual', '5'],
    ]);
  });

  it('a header title of another table is left out and named', () => {
    const p = table3('序号\t金额(万元)\t计划\n1\t5\t10\n', [40]);
    expect(p.unknownColumns).toEqual(['金额(万元)']);
    expect(p.edits.map((e) => e.field)).toEqual(['seq', 'planned']);
  });

  it('without a header, by position as before', () => {
    const p = table3('10\t5\n', [40], at(0, 3));
    expect(p.byHeader).toBe(false);
    expect(p.edits.map((e) => [e.field, e.value])).toEqual([
      ['planned', '10'],
      ['actual', '5'],
    ]);
  });
});

describe('header words', () => {
  it('compare folded and without units', () => {
    expect(headerKey('金額（萬元）')).toBe(headerKey('金额'));
    expect(headerKey('資金撥付率(%)')).toBe(headerKey('资金拨付率'));
    expect(isTotalLine(['合  計', '', '1'])).toBe(true);
    expect(isTotalLine(['1', '合计'])).toBe(false);
  });
});

describe('a block whose header names the unit of its amounts', () => {
  // By hand: 7,750,000.00 元 = 775 万元; 6,402,100.00 元 = 640.21 万元; 1,000,000 元 = 100 万元.
  it('table 三 in 元: each amount converted exactly to 万元, and said so; never taken as 万元', () => {
    const p = table3(
      '序号\t具体项目名称\t计划安排额度（元）\t实际拨付额度（元）\n1\t县乡村物流快递配送体系建设\t7,750,000.00\t6,402,100.00\n',
      [11],
    );
    expect(p.problems).toEqual([]);
    const stored = p.edits
      .filter((e) => e.field === 'planned' || e.field === 'actual')
      .map((e) => parseCell('disbursements', e.field, e.value));
    expect(stored).toEqual([
      { ok: true, value: '775' },
      { ok: true, value: '640.21' },
    ]);
    expect(p.converted).toEqual([
      { field: 'planned', unit: 'yuan' },
      { field: 'actual', unit: 'yuan' },
    ]);
  });

  it('an amount finer than 1 分 in 元 is refused at its cell, not read as 万元', () => {
    const p = table3('序号\t计划安排额度(元)\n1\t0.001\n', [11]);
    expect(p.problems.map((x) => [x.row, x.field])).toEqual([[0, 'planned']]);
  });

  it("a ledger in 元, 千元 or 万元: each amount in its header's unit", () => {
    const lines = [1, 2];
    const amounts = (header: string, value: string) =>
      ledger(`序号\t拨付日期\t${header}\n1\t2022-03-01\t${value}\n`, []).append.map((a) =>
        parsePaymentField('amount', String(a.amount), lines),
      );
    expect(amounts('金额（元）', '1,000,000.00')).toEqual([{ ok: true, value: '100' }]);
    expect(amounts('金額(千元)', '500')).toEqual([{ ok: true, value: '50' }]);
    expect(amounts('金额(万元)', '50')).toEqual([{ ok: true, value: '50' }]);
    expect(amounts('金额', '50')).toEqual([{ ok: true, value: '50' }]);
  });
});

describe('a block of 表三 carrying 序号 goes to the lines it names', () => {
  const seqs = [1, 2, 3];
  const keyed = (text: string, selection = at(0, 0)) =>
    planPaste({
      text,
      table: 'disbursements',
      columns: gridColumns('disbursements'),
      rowIds: [11, 12, 13],
      selection,
      titles: PASTE_TITLES,
      header: HEADER_RULES.disbursements,
      current: (row, field) => (field === 'seq' ? seqs[row] : null),
    });

  it("lines listed in another order: each line's amounts to its own row, never under another line's category", () => {
    const p = keyed('序号\t具体项目名称\t计划安排额度(万元)\n2\t农产品上行服务体系建设\t335\n1\t县乡村物流快递配送体系建设\t775\n');
    const planned = p.edits.filter((e) => e.field === 'planned').map((e) => [e.rowId, e.value]);
    expect(planned).toEqual([
      [12, '335'],
      [11, '775'],
    ]);
  });

  it('wherever the selection is; a 序号 the table lacks is a new line at its end', () => {
    const p = keyed('序号\t计划安排额度(万元)\n3\t150\n7\t20\n', at(0, 3));
    expect(p.edits.filter((e) => e.field === 'planned')).toEqual([{ rowId: 13, field: 'planned', value: '150' }]);
    expect(p.append).toEqual([{ seq: '7', planned: '20' }]);
  });

  it('a 序号 given twice is refused at its cell, nothing written', () => {
    const p = keyed('序号\t计划安排额度(万元)\n2\t10\n2\t20\n');
    expect(p.problems.map((x) => [x.row, x.field, x.message('zh')])).toEqual([[1, 'seq', '粘贴内容中序号 2 出现了两次']]);
  });
});
