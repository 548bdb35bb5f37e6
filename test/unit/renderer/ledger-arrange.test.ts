// The ledger sorted and filtered as the user asks: only what is shown changes.
import { describe, expect, it } from 'vitest';
import { arrange, AS_STORED } from '../../../renderer/src/ledger/arrange';
import type { LedgerRow } from '../../../renderer/src/ledger/rows';

const row = (line: number, date: string, payee: string): LedgerRow => ({
  line,
  name: '',
  date,
  amount: '1',
  payee,
  voucher: '',
  stage: '',
  note: '',
  running: '1',
  runningRate: null,
  rowClass: '',
});
// As the record lists them: by line, then day.
const stored = new Map([
  [10, row(1, '2021-12-01', '邮政分公司')],
  [11, row(1, '2022-03-01', '樟樹市物流公司')],
  [20, row(2, '2021-11-15', '樟树市农产品公司')],
  [30, row(3, '2022-01-10', '邮政分公司')],
]);
const keys = [10, 11, 20, 30, -1];

describe('the ledger arranged', () => {
  it('as stored, it is the record order with the new payment last', () => {
    expect(arrange(keys, stored, AS_STORED)).toEqual([10, 11, 20, 30, -1]);
  });

  it('by day, earliest or latest first; the new payment stays last', () => {
    expect(arrange(keys, stored, { ...AS_STORED, sort: 'date' })).toEqual([20, 10, 30, 11, -1]);
    expect(arrange(keys, stored, { ...AS_STORED, sort: 'date', desc: true })).toEqual([11, 30, 10, 20, -1]);
  });

  it('by payee, equal payees in the record order', () => {
    const order = arrange(keys, stored, { ...AS_STORED, sort: 'payee' });
    expect(order.indexOf(30)).toBe(order.indexOf(10) + 1);
    expect(order.at(-1)).toBe(-1);
  });

  it('by line descending keeps each line by day', () => {
    expect(arrange(keys, stored, { ...AS_STORED, desc: true })).toEqual([30, 20, 10, 11, -1]);
  });

  it('filtered by line, by payee (樟树 finds 樟樹) and by days', () => {
    expect(arrange(keys, stored, { ...AS_STORED, line: 1 })).toEqual([10, 11, -1]);
    expect(arrange(keys, stored, { ...AS_STORED, payee: '樟树市' })).toEqual([11, 20, -1]);
    expect(arrange(keys, stored, { ...AS_STORED, from: '2021-12-01', to: '2022-01-10' })).toEqual([10, 30, -1]);
  });
});
