// The overview's figures of each record, from the store: totals, rate and the sums of each
// category as of a day for a record with a ledger, the day said only where there is a ledger; a
// record created with a payment on a line 表三 does not have is refused naming both.
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import { createRecord, listRecords, summarizeRecords } from '../../../electron/services/store/records';
import { editPayments } from '../../../electron/services/store/payments';
import { ME, seedInput } from '../../helpers/fixtures';
import { refusal } from '../../helpers/store';

let db: DB;
let id: number;
beforeEach(() => {
  db = openDatabase(':memory:');
  id = createRecord(db, ME, seedInput());
  // Line 1 (物流, 775 planned, 640.21 typed) paid in two tranches.
  editPayments(
    db,
    ME,
    id,
    [],
    [
      { line: '1', date: '2021-12-01', amount: '300' },
      { line: '1', date: '2022-06-30', amount: '340.21' },
    ],
  );
});

describe('the figures of a record with a ledger, as of a day', () => {
  it('on 2022-01-01 line 1 has 300 of its 775: total 895.75 of 1500 (1235.96 − 640.21 + 300), 59.72%; each category summed', () => {
    const [summary] = listRecords(db, { asOf: '2022-01-01' });
    expect(summary).toMatchObject({ id, county: '樟树市', batch: 8, planned: '1500', actual: '895.75', rate: '59.72', asOf: '2022-01-01' });
    expect(summary.disbursements).toBe(6);
    expect(summary.status.status).toBe('draft');
    // In the order of the categories: 服务中心, 培训, 物流, 上行, 宣传, 商贸中心.
    expect(summary.categories).toEqual([
      { category: 'service_center', planned: '120', actual: '107.82' },
      { category: 'training', planned: '80', actual: '73.12' },
      { category: 'logistics', planned: '775', actual: '300' },
      { category: 'upstream', planned: '335', actual: '285.4' },
      { category: 'promotion', planned: '40', actual: '29.41' },
      { category: 'township_commerce', planned: '150', actual: '100' },
    ]);
  });

  it('a record without a ledger has no day; records come in the order asked; one that does not exist is refused', () => {
    const other = createRecord(db, ME, { ...seedInput(), county: { ...seedInput().county, name: '新余市', batch: 3 } });
    const [second, first] = summarizeRecords(db, [other, id], { asOf: '2022-07-01' });
    expect([second.county, first.county]).toEqual(['新余市', '樟树市']);
    expect(second).not.toHaveProperty('asOf');
    expect(second.actual).toBe('1235.96');
    expect(first).toMatchObject({ actual: '1235.96', asOf: '2022-07-01' });
    const e = refusal(() => summarizeRecords(db, [id, 404], { asOf: undefined }));
    expect([e.code, e.messages.zh]).toEqual(['no_record', '记录 #404 不存在']);
  });
});

describe('a record created with its payments', () => {
  it('refuses a payment on a line table 三 does not have, naming the payment and the line; nothing is created', () => {
    const input = { ...seedInput(), county: { ...seedInput().county, batch: 9 } };
    input.payments = [
      { line: 1, date: '2021-12-01', amount: '1', payee: '', voucher: '', stage: '', note: '' },
      { line: 9, date: '2021-12-02', amount: '2', payee: '', voucher: '', stage: '', note: '' },
    ];
    const e = refusal(() => createRecord(db, ME, input));
    expect([e.code, e.messages.zh, e.messages.en]).toEqual([
      'no_line',
      '拨付台账第 2 笔的序号 9 在表三中没有这一行',
      'Payment 2: table 3 has no line No. 9',
    ]);
    expect(listRecords(db, { asOf: undefined })).toHaveLength(1);
  });
});
