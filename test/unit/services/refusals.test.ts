// The store's refusals of payments and of status changes, in the words the user reads (Chinese and
// English) and with the place they point at; and how a ledger change is named in the history.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../../electron/services/store/database';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { deletePayments, editPayments } from '../../../electron/services/store/payments';
import { readStatus, setStatus } from '../../../electron/services/store/status';
import { history } from '../../../electron/services/store/changelog';
import { AppError } from '../../../shared/errors';
import { ME, seedInput } from '../../helpers/fixtures';
import { newStore } from '../../helpers/backend';
import { dispatch } from '../../../electron/services/api';
import { refusal } from '../../helpers/store';

const said = (e: AppError) => ({ code: e.code, ...e.messages, place: e.place });

let db: DB;
let id: number;
beforeEach(() => {
  db = newStore();
  id = createRecord(db, ME, seedInput());
});
const payments = () => readRecord(db, id, { asOf: '2099-12-31' }).record.payments ?? [];
const paymentIds = () => readRecord(db, id, { asOf: '2099-12-31' }).paymentIds;

describe('payments refused', () => {
  it('a record or a payment that is not there is named by its number', () => {
    expect(said(refusal(() => editPayments(db, ME, 999, [], [{ line: '1', date: '2021-12-01', amount: '1' }])))).toEqual({
      code: 'no_record',
      zh: '记录 #999 不存在',
      en: 'Record #999 does not exist',
      place: {},
    });
    expect(said(refusal(() => deletePayments(db, ME, 999, [1])))).toMatchObject({ code: 'no_record', zh: '记录 #999 不存在' });
    expect(said(refusal(() => editPayments(db, ME, id, [{ paymentId: 12345, field: 'amount', value: '1' }], [])))).toEqual({
      code: 'no_row',
      zh: '这笔拨付已不存在(#12345)',
      en: 'That payment no longer exists (#12345)',
      place: {},
    });
    expect(said(refusal(() => deletePayments(db, ME, id, [12345])))).toEqual({
      code: 'no_row',
      zh: '这笔拨付已不存在(#12345)',
      en: 'That payment no longer exists (#12345)',
      place: {},
    });
  });

  it('a new payment without a line, a day or an amount is refused naming it by its place in the ledger and the field', () => {
    editPayments(
      db,
      ME,
      id,
      [],
      [
        { line: '1', date: '2021-12-01', amount: '300' },
        { line: '2', date: '2021-12-02', amount: '5' },
      ],
    );
    const e = refusal(() =>
      editPayments(
        db,
        ME,
        id,
        [],
        [
          { line: '1', date: '2021-12-03', amount: '1' },
          { line: '1', date: '2021-12-03' },
        ],
      ),
    );
    expect(said(e)).toEqual({
      code: 'invalid_input',
      zh: '拨付台账第 4 笔 金额(万元)“”未填(每笔拨付都要有序号、拨付日期和金额)',
      en: 'Ledger payment 4, amount (10k yuan) “” is not given (every payment needs a line No., a date and an amount)',
      place: { field: 'payment.amount' },
    });
    expect(payments()).toHaveLength(2);
  });

  it('a line that table 三 does not have lists the lines it has', () => {
    editPayments(db, ME, id, [], [{ line: '1', date: '2021-12-01', amount: '300' }]);
    const e = refusal(() => editPayments(db, ME, id, [{ paymentId: paymentIds()[0], field: 'line', value: '9' }], []));
    expect(e.messages.zh).toBe('拨付台账第 1 笔 序号“9”在表三中没有这一行(填表三的序号;表三的序号:1、2、3、4、5、6)');
  });
});

describe('a payment refused at its cell, and a line that cannot hold its payments', () => {
  it('the refusal points at the payment and the field it names, for the ledger to show it there', () => {
    editPayments(db, ME, id, [], [{ line: '1', date: '2021-12-01', amount: '300' }]);
    const [paymentId] = paymentIds();
    const e = refusal(() => editPayments(db, ME, id, [{ paymentId, field: 'amount', value: 'abc' }], []));
    expect(e.details).toEqual({ table: 'payments', row: 1, field: 'amount' });
    expect(e.place).toEqual({ field: 'payment.amount' });
  });

  it("payments whose sum would pass the largest single amount (a line's 实际拨付额度) are refused naming the line; nothing is kept", () => {
    editPayments(db, ME, id, [], [{ line: '1', date: '2021-12-01', amount: '600000000' }]);
    const e = refusal(() => editPayments(db, ME, id, [], [{ line: '1', date: '2021-12-02', amount: '600000000' }]));
    // 600000000 + 600000000 = 1200000000 万元, past 999999999.999999.
    expect(said(e)).toEqual({
      code: 'too_large',
      zh: '表三 序号 1 的拨付合计 1200000000 万元 超过单个金额的上限 999999999.999999 万元(实际拨付额度写不下),未保存。',
      en: 'The payments of line No. 1 of table 3 would add up to 1200000000 (10k yuan), past the largest amount 999999999.999999 (its 实际拨付额度 could not hold it); nothing was saved.',
      place: { field: 'payment.amount' },
    });
    expect(payments().map((p) => p.amount)).toEqual(['600000000']);
  });
});

describe('payments written', () => {
  it('a new one without payee, voucher, stage or note has them empty; two on one line and day keep the order they were added in', () => {
    editPayments(db, ME, id, [], [{ line: '1', date: '2021-12-01', amount: '2' }]);
    editPayments(
      db,
      ME,
      id,
      [],
      [
        { line: '1', date: '2021-12-01', amount: '1' },
        { line: '1', date: '2021-12-01', amount: '3' },
      ],
    );
    expect(payments().map((p) => [p.amount, p.payee, p.voucher, p.stage, p.note])).toEqual([
      ['2', '', '', '', ''],
      ['1', '', '', '', ''],
      ['3', '', '', '', ''],
    ]);
  });

  it('each change is one step named as what it was: an edit of one cell, payments added, a paste, a deletion', () => {
    editPayments(
      db,
      ME,
      id,
      [],
      [
        { line: '1', date: '2021-12-01', amount: '300' },
        { line: '2', date: '2021-12-02', amount: '5' },
      ],
    );
    const [a, b] = paymentIds();
    editPayments(db, ME, id, [{ paymentId: b, field: 'amount', value: '6' }], []);
    editPayments(db, ME, id, [{ paymentId: a, field: 'payee', value: '邮政' }], [{ line: '3', date: '2021-12-03', amount: '1' }]);
    editPayments(
      db,
      ME,
      id,
      [
        { paymentId: a, field: 'voucher', value: 'A1' },
        { paymentId: b, field: 'voucher', value: 'A2' },
      ],
      [],
    );
    deletePayments(db, ME, id, [a, a, b]);
    const steps = history(db, ME).steps.slice(0, 5).reverse();
    expect(steps.map((s) => [s.action, s.detail.rows ?? null, s.detail.row ?? null, s.detail.field ?? null])).toEqual([
      ['add payments', 2, null, null],
      ['edit', null, 2, 'payment.amount'],
      ['paste', 2, null, null],
      ['paste', 2, null, null],
      ['delete rows', 2, null, null],
    ]);
    expect(steps.every((s) => s.detail.county === '樟树市' && s.detail.table === 'payments')).toBe(true);
  });
});

describe('status changes refused', () => {
  it('say why in both languages and point at the field to fill', () => {
    expect(said(refusal(() => readStatus(db, 999)))).toEqual({
      code: 'no_record',
      zh: '记录 #999 不存在',
      en: 'Record #999 does not exist',
      place: {},
    });
    expect(said(refusal(() => setStatus(db, ME, id, { status: 'approved' as 'accepted', by: '赵处长' })))).toEqual({
      code: 'invalid_input',
      zh: '没有这个状态:approved',
      en: 'No such status: approved',
      place: {},
    });
    expect(said(refusal(() => setStatus(db, ME, id, { status: 'submitted', by: ' ' })))).toEqual({
      code: 'who_needed',
      zh: '请先在“设置”中填写您的姓名(谁改了状态会记录在案)',
      en: 'Set your name in the preferences first (who changed the status is recorded)',
      place: { field: 'by' },
    });
    setStatus(db, ME, id, { status: 'accepted', by: '赵处长' });
    expect(said(refusal(() => setStatus(db, ME, id, { status: 'draft', by: '赵处长' })))).toEqual({
      code: 'reason_needed',
      zh: '解除验收须写明理由',
      en: 'Unlocking an accepted record needs a reason',
      place: { field: 'reason' },
    });
  });
});

describe('an input the contract refuses, in words a person can act on', () => {
  it('a paste of 6,000 rows says at most 5000 rows at once, in Chinese and English; nothing written', async () => {
    const db = newStore();
    const id = createRecord(db, ME, seedInput());
    const ctx = { db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array() };
    const append = Array.from({ length: 6000 }, (_, i) => ({ name: `第${i}项`, planned: '1' }));
    const r = await dispatch(ctx, 'editCells', { recordId: id, table: 'disbursements', edits: [], append }, ME);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.messages).toEqual({ zh: '输入无效:一次最多 5000 行(项)', en: 'Invalid input: at most 5000 rows (items) at once' });
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements).toHaveLength(6);
  });
});
