// The disbursement ledger: payments in tranches under the lines of table 三, the figures as of any
// day, through the store, the checks, the CLI, the export and the PDF.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { DB } from '../../../electron/services/store/database';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { deletePayments, editPayments } from '../../../electron/services/store/payments';
import { deleteRows, editCells } from '../../../electron/services/store/edits';
import { stepLabel } from '../../../shared/steps';
import { dispatch } from '../../../electron/services/api';
import { webActor } from '../../../electron/services/store/changelog';
import { readStatus, setStatus } from '../../../electron/services/store/status';
import { checkRecord } from '../../../shared/checks';
import { findingMessage } from '../../../shared/i18n';
import { computeRecord, toInput } from '../../../shared/record';
import { daysOnEarth, defaultAsOf, lastDayOf, today } from '../../../shared/ledger';
import { AppError } from '../../../shared/errors';
import { ME, ROOT, referenceFixture, referenceFixtureText, seedInput, tempDir } from '../../helpers/fixtures';
import { redo, undo } from '../../helpers/store';
import { newStore } from '../../helpers/backend';

const BIN = path.join(ROOT, 'electron/cli/bin.mjs');
const yanshou = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, YANSHOU_LANG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** The seed with its line 1 (640.21 of 775) paid in two tranches. */
function seedWithLedger(): { db: DB; id: number } {
  const db = newStore();
  const id = createRecord(db, ME, seedInput());
  editPayments(
    db,
    ME,
    id,
    [],
    [
      { line: 1, date: '2021-12-01', amount: '300', payee: '樟树市邮政分公司', voucher: '记-2021-118', stage: '签订协议' },
      { line: 1, date: '2022年6月30日', amount: '340.21', payee: '樟树市邮政分公司', voucher: '记-2022-064', stage: '验收后' },
    ],
  );
  return { db, id };
}

describe('figures as of a day', () => {
  it('line 1 paid 300 then 340.21: 300 / 38.71% as of 2022-01-01, 640.21 / 82.61% as of 2022-07-01', () => {
    const { db, id } = seedWithLedger();
    const early = readRecord(db, id, { asOf: '2022-01-01' }).record;
    expect(early.disbursements[0]).toMatchObject({ actual: '300', rate: '38.71' });
    expect(early.totals).toMatchObject({ actual: '895.75', rate: '59.72' });
    expect(early.disbursementSummary).toBe('截至2022年1月1日,已拨付承办企业资金共895.75万元,资金拨付率59.72%。');
    const late = readRecord(db, id, { asOf: '2022-07-01' }).record;
    expect(late.disbursements[0]).toMatchObject({ actual: '640.21', rate: '82.61' });
    expect(late.totals).toMatchObject({ actual: '1235.96', rate: '82.40' });
    // Lines without payments keep their typed amounts.
    expect(late.disbursements.slice(1).map((d) => d.actual)).toEqual(
      referenceFixture('hans')
        .disbursements.slice(1)
        .map((d) => d.actual),
    );
  });

  it('a payment dated on the as-of day counts; the day before, it does not', () => {
    const { db, id } = seedWithLedger();
    expect(readRecord(db, id, { asOf: '2022-06-30' }).record.disbursements[0].actual).toBe('640.21');
    expect(readRecord(db, id, { asOf: '2022-06-29' }).record.disbursements[0].actual).toBe('300');
    expect(readRecord(db, id, { asOf: '2021-11-30' }).record.disbursements[0].actual).toBe('0');
    expect(readRecord(db, id, { asOf: '2021-12-01' }).record.disbursements[0].actual).toBe('300');
  });

  it('defaults to the acceptance day (its last day when it names a month), else today; "截至验收日" on that day', () => {
    expect(defaultAsOf('2022-06')).toBe('2022-06-30');
    expect(defaultAsOf('2024-02')).toBe('2024-02-29');
    expect(defaultAsOf('2022')).toBe('2022-12-31');
    expect(defaultAsOf(null, today(new Date(2026, 10, 29)))).toBe('2026-11-29');
    expect(lastDayOf('2022-06-15')).toBe('2022-06-15');
    const input = toInput(readRecord(seedWithLedger().db, 1, { asOf: undefined }).record);
    input.county = { ...input.county, acceptedOn: '2022-06' };
    const record = computeRecord(input);
    expect(record.asOf).toBe('2022-06-30');
    expect(record.disbursementSummary).toBe('截至验收日,已拨付承办企业资金共1235.96万元,资金拨付率82.40%。');
    expect(computeRecord(input, { asOf: '2022-05-31' }).disbursementSummary).toBe(
      '截至2022年5月31日,已拨付承办企业资金共895.75万元,资金拨付率59.72%。',
    );
  });

  it('a record without payments is exactly as before: no as-of, no ledger in its JSON', () => {
    const db = newStore();
    const id = createRecord(db, ME, seedInput());
    expect(JSON.stringify(readRecord(db, id, { asOf: '2020-01-01' }).record, null, 2) + '\n').toBe(referenceFixtureText('hans'));
  });
});

describe('payments through the one mutation path', () => {
  it('typed, edited, deleted, each one undo step; deleting a line takes its payments, and undo brings both back', () => {
    const { db, id } = seedWithLedger();
    const ids = readRecord(db, id, { asOf: undefined }).paymentIds;
    editPayments(db, ME, id, [{ paymentId: ids[1], field: 'amount', value: '340.2' }], []);
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0].actual).toBe('640.2');
    undo(db);
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0].actual).toBe('640.21');
    deletePayments(db, ME, id, [ids[0]]);
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0].actual).toBe('340.21');
    undo(db);
    redo(db);
    undo(db);
    deleteRows(db, ME, id, 'disbursements', [readRecord(db, id, { asOf: undefined }).disbursementIds[0]]);
    expect(readRecord(db, id, { asOf: undefined }).record.payments).toBeUndefined();
    undo(db);
    expect(readRecord(db, id, { asOf: undefined }).record.payments?.map((p) => p.amount)).toEqual(['300', '340.21']);
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0].actual).toBe('640.21');
  });

  it('refuses what is not a payment, naming the payment and the field, keeping nothing', () => {
    const { db, id } = seedWithLedger();
    const refusal = (values: Record<string, string>) => {
      try {
        editPayments(db, ME, id, [], [{ line: '1', date: '2022-01-05', amount: '10', ...values }]);
      } catch (e) {
        if (e instanceof AppError) return e.messages.zh;
        throw e;
      }
      throw new Error('not refused');
    };
    expect(refusal({ line: '9' })).toContain('拨付台账第 3 笔 序号“9”在表三中没有这一行');
    expect(refusal({ date: '2022-02-30' })).toContain('拨付日期“2022-02-30”不是具体到日的日期');
    expect(refusal({ date: '2022-02' })).toContain('不是具体到日的日期');
    expect(refusal({ amount: '0' })).toContain('金额(万元)“0”应为大于 0 的金额');
    expect(refusal({ amount: '-5' })).toContain('应为大于 0');
    expect(refusal({ payee: '单位'.repeat(60) })).toContain('收款单位');
    expect(readRecord(db, id, { asOf: undefined }).record.payments).toHaveLength(2);
  });

  it('a payment dated after the person’s day (2027 typed for 2026) is refused at its 拨付日期, naming that day; its line keeps its figure', async () => {
    // The clerk's day, 7 December, is a day on earth by the server's clock.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T06:00:00.000Z') });
    onTestFinished(() => void vi.useRealTimers());
    const db = newStore();
    const input = seedInput();
    const id = createRecord(db, ME, { ...input, county: { ...input.county, acceptedOn: null } });
    const clerk = { ...ME, today: '2026-12-07' };
    const typo = { line: '2', date: '2027-06-01', amount: '300', payee: '甲' };
    let message = '';
    try {
      editPayments(db, clerk, id, [], [typo]);
    } catch (e) {
      message = e instanceof AppError ? e.messages.zh : String(e);
    }
    expect(message).toBe('拨付台账第 1 笔 拨付日期“2027-06-01”在今天(2026-12-07)之后:拨付台账只记已经拨付的款项,请核对日期(年份是否写错?)');
    // Nothing written: line 2 keeps its typed 285.4 (the seed), the total its 1235.96.
    const kept = readRecord(db, id, { asOf: undefined, today: '2026-12-07' }).record;
    expect(kept.payments ?? []).toHaveLength(0);
    expect(kept.disbursements[1].actual).toBe('285.4');
    expect(kept.totals.actual).toBe('1235.96');
    // Through the contract (the web page, the CLI), the same refusal; today itself is taken, and so is an edit to a later day refused.
    const web = await dispatch(
      { db, dbFile: ':memory:', version: 't', renderPdf: async () => new Uint8Array() },
      'editPayments',
      { recordId: id, edits: [], append: [typo] },
      clerk,
    );
    expect(web.ok ? '' : web.error.messages?.zh).toBe(message);
    const [paid] = editPayments(db, clerk, id, [], [{ ...typo, date: '2026-12-07' }]);
    expect(() => editPayments(db, clerk, id, [{ paymentId: paid, field: 'date', value: '2027-12-07' }], [])).toThrow(
      'is after today (2026-12-07)',
    );
    expect(readRecord(db, id, { asOf: undefined, today: '2026-12-07' }).record.disbursements[1].actual).toBe('300');
  });
});

describe('the person’s day a page names', () => {
  const ctx = (db: DB) => ({ db, dbFile: ':memory:', version: 't', renderPdf: async () => new Uint8Array() });
  const at = (iso: string) => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) });
    onTestFinished(() => void vi.useRealTimers());
  };

  it('is one of the days some place on earth is on by the server’s clock: UTC−12 to UTC+14', () => {
    // 00:27 UTC on 8 December: 12:27 on the 7th at UTC−12, 14:27 on the 8th at UTC+14.
    expect(daysOnEarth(new Date('2026-12-08T00:27:00Z'))).toEqual({ first: '2026-12-07', last: '2026-12-08' });
    // 10:00 UTC: midnight of the 9th at UTC+14; 11:59 UTC, still the 7th at UTC−12; 12:00 UTC, the 8th there too.
    expect(daysOnEarth(new Date('2026-12-08T10:00:00Z'))).toEqual({ first: '2026-12-07', last: '2026-12-09' });
    expect(daysOnEarth(new Date('2026-12-08T11:59:59Z'))).toEqual({ first: '2026-12-07', last: '2026-12-09' });
    expect(daysOnEarth(new Date('2026-12-08T12:00:00Z'))).toEqual({ first: '2026-12-08', last: '2026-12-09' });
    // Across a year's end.
    expect(daysOnEarth(new Date('2026-12-31T23:00:00Z'))).toEqual({ first: '2026-12-31', last: '2027-01-01' });
  });

  it('a page whose clock says 2030 or 2099 is refused naming both days: no payment dated then, line 1 keeps its 640.21', async () => {
    at('2026-12-08T00:27:00Z');
    const { db, id } = seedWithLedger();
    const refusedAs = async (day: string, method: string, input: unknown) => {
      const r = await dispatch(ctx(db), method, input, webActor('tabWRONGCLOCK', undefined, day));
      return r.ok ? 'ok' : [r.status, r.error.code, r.error.messages?.zh];
    };
    for (const day of ['2030-06-01', '2099-12-31', '2026-12-09', '2026-12-06'])
      expect(await refusedAs(day, 'editPayments', { recordId: id, edits: [], append: [{ line: 1, date: day, amount: '100' }] })).toEqual([
        422,
        'wrong_day',
        `您电脑的日期 ${day} 与服务器的日期 2026-12-08 相差太远,请先校正电脑日期`,
      ]);
    // A read with that day is refused too (its figures "as of today" would count the payments of a day not yet come).
    expect(await refusedAs('2030-06-01', 'getRecord', { id })).toEqual([422, 'wrong_day', expect.stringContaining('2030-06-01')]);
    // The store refuses it where the day is written, whichever door it came through.
    expect(() => editPayments(db, { ...ME, today: '2030-06-01' }, id, [], [{ line: 1, date: '2030-06-01', amount: '100' }])).toThrow(
      'too far from the server',
    );
    const kept = readRecord(db, id, { asOf: undefined }).record;
    expect([kept.payments?.length, kept.disbursements[0].actual]).toEqual([2, '640.21']);
    // The day before (UTC−12 is still on 7 December) is taken, and so is a payment dated on it.
    expect(
      await refusedAs('2026-12-07', 'editPayments', { recordId: id, edits: [], append: [{ line: 1, date: '2026-12-07', amount: '1' }] }),
    ).toBe('ok');
  });

  it('an acceptance is dated the reviewer’s day only within the day on earth: 2022 or 2031 refused; the 9th taken in Beijing at 04:00', async () => {
    at('2026-12-08T20:00:00Z');
    const { db, id } = seedWithLedger();
    for (const day of ['2022-01-01', '2031-06-01'])
      expect(() => setStatus(db, { ...ME, today: day }, id, { status: 'accepted', by: '赵处长' })).toThrow(
        `Your computer's date ${day} is too far from the server's date`,
      );
    expect(readStatus(db, id).status).toBe('draft');
    // 20:00 UTC is 04:00 on the 9th in Beijing: the reviewer's day is the 9th.
    expect(setStatus(db, { ...ME, today: '2026-12-09' }, id, { status: 'accepted', by: '赵处长' })).toMatchObject({
      status: 'accepted',
      day: '2026-12-09',
    });
  });
});

describe('the ledger as the app lists it', () => {
  it('"第 N 笔" counts payments as the ledger lists them (by line, then day), not in the order they were typed', () => {
    const { db, id } = seedWithLedger();
    // Typed last, listed first: line 1's payments come before line 2's.
    editPayments(db, ME, id, [], [{ line: 2, date: '2021-10-01', amount: '50' }]);
    const ids = readRecord(db, id, { asOf: undefined }).paymentIds;
    const refusal = (paymentId: number) => {
      try {
        editPayments(db, ME, id, [{ paymentId, field: 'amount', value: 'abc' }], []);
      } catch (e) {
        if (e instanceof AppError) return [e.messages.zh, e.messages.en];
      }
      throw new Error('not refused');
    };
    expect(refusal(ids[2])).toEqual([
      '拨付台账第 3 笔 金额(万元)“abc”不是数字',
      'Ledger payment 3, amount (10k yuan) “abc” is not a number',
    ]);
    expect(refusal(ids[0])[0]).toBe('拨付台账第 1 笔 金额(万元)“abc”不是数字');
  });

  it('a line with payments refuses a typed 实际拨付额度, naming the row and why; a line without keeps taking it', () => {
    const { db, id } = seedWithLedger();
    const [line1, line2] = readRecord(db, id, { asOf: undefined }).disbursementIds;
    let refused: AppError | undefined;
    try {
      editCells(db, ME, id, 'disbursements', [{ rowId: line1, field: 'actual', value: '700' }], []);
    } catch (e) {
      refused = e as AppError;
    }
    expect(refused?.code).toBe('read_only');
    expect(refused?.messages.zh).toBe('第 1 行 实际拨付额度(万元):由拨付台账计算(2 笔拨付),不能直接填写;请在拨付台账中录入、修改拨付');
    editCells(db, ME, id, 'disbursements', [{ rowId: line2, field: 'actual', value: '300' }], []);
    const record = readRecord(db, id, { asOf: undefined }).record;
    expect(record.disbursements.slice(0, 2).map((d) => d.actual)).toEqual(['640.21', '300']);
  });

  it('a record copied to a new batch keeps its payments and, under them, the 实际拨付额度 as typed', async () => {
    const db = newStore();
    const id = createRecord(db, ME, seedInput());
    editCells(
      db,
      ME,
      id,
      'disbursements',
      [{ rowId: readRecord(db, id, { asOf: undefined }).disbursementIds[0], field: 'actual', value: '600' }],
      [],
    );
    editPayments(
      db,
      ME,
      id,
      [],
      [
        { line: 1, date: '2021-12-01', amount: '300' },
        { line: 1, date: '2022-06-30', amount: '340.21' },
      ],
    );
    const ctx = { db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array([1]) };
    const copied = await dispatch(ctx, 'duplicateRecord', { id, batch: 9 }, ME);
    if (!copied.ok) throw new Error(copied.error.message);
    const copy = (copied.value as { id: number }).id;
    // Before: the copy took the sum of the payments as of the acceptance day for what had been typed.
    deletePayments(db, ME, copy, readRecord(db, copy, { asOf: '2022-01-01' }).paymentIds);
    expect(readRecord(db, copy, { asOf: undefined }).record.disbursements[0].actual).toBe('600');
    expect(readRecord(db, id, { asOf: undefined }).typedActuals[0]).toBe('600');
  });

  it('undo names a payment step as the ledger counts it: 编辑 … 拨付台账 第2笔 金额, 添加拨付 … 1 笔', () => {
    const { db, id } = seedWithLedger();
    const ids = readRecord(db, id, { asOf: undefined }).paymentIds;
    editPayments(db, ME, id, [], [{ line: 3, date: '2022-03-01', amount: '20' }]);
    editPayments(db, ME, id, [{ paymentId: ids[1], field: 'amount', value: '340.2' }], []);
    expect(stepLabel(undo(db)!, 'zh')).toBe('编辑 樟树市 拨付台账 第2笔 金额(万元)');
    expect(stepLabel(undo(db)!, 'zh')).toBe('添加拨付 樟树市 拨付台账 1 笔');
    expect(stepLabel(undo(db)!, 'en')).toBe('Add payments 樟树市, ledger, 2 payments');
  });
});

describe('checks of the ledger', () => {
  it('a payment after the acceptance day, a voucher used twice, a payment without payee, more paid than planned as of the day', () => {
    const { db, id } = seedWithLedger();
    editPayments(db, ME, id, [], [{ line: 2, date: '2022-08-01', amount: '400', voucher: '记-2021-118' }]);
    const input = toInput(readRecord(db, id, { asOf: undefined }).record);
    input.county = { ...input.county, acceptedOn: '2022-07-31' };
    const ledgerCodes = new Set(['payment_after_acceptance', 'duplicate_voucher', 'payment_no_payee', 'over_disbursed']);
    const codes = (record: ReturnType<typeof computeRecord>) =>
      checkRecord(record)
        .filter((f) => ledgerCodes.has(f.code))
        .map((f) => [f.code, f.target?.table, f.target?.row]);
    expect(codes(computeRecord(input))).toEqual([
      ['payment_after_acceptance', 'payments', 2],
      ['duplicate_voucher', 'payments', 2],
      ['payment_no_payee', 'payments', 2],
    ]);
    // As of a later day the payment counts, and line 2 (335 planned) has 400 paid.
    expect(codes(computeRecord(input, { asOf: '2022-08-31' }))).toContainEqual(['over_disbursed', 'disbursements', 1]);
  });

  it('a payment dated after today on a record without 验收日期 (stored before the rule, or imported) is a warning at its 拨付日期 naming the day, not a silent 0', () => {
    const now = today();
    const nextYear = `${Number(now.slice(0, 4)) + 1}-06-01`;
    const input = seedInput();
    input.county = { ...input.county, acceptedOn: null };
    input.payments = [{ line: 2, date: nextYear, amount: '300', payee: '甲', voucher: '', stage: '', note: '' }];
    const record = computeRecord(input);
    // Line 2's only payment is not yet counted: its 实际 is 0 as of today — and now a warning says why.
    expect(record.disbursements[1].actual).toBe('0');
    const said = checkRecord(record).filter((f) => f.code === 'payment_after_as_of');
    expect(said.map((f) => [f.severity, f.target, findingMessage(f, 'zh')])).toEqual([
      [
        'warning',
        { table: 'payments', row: 0, field: 'date' },
        `序号 2 的一笔拨付日期 ${nextYear} 在数字截至日 ${now} 之后,未计入实际拨付额度(日期是否写错?)`,
      ],
    ]);
    // Figures asked as of an earlier day leave later payments out on purpose: no warning then.
    expect(checkRecord(computeRecord(input, { asOf: '2022-01-01' })).some((f) => f.code === 'payment_after_as_of')).toBe(false);
  });

  it('the same voucher typed another way — full-width, traditional, upper case, another dash — is the same voucher', () => {
    const { db, id } = seedWithLedger();
    const ways = ['記－2021－118', 'ＪＺ001', 'jz001', '记—2021—118'];
    editPayments(
      db,
      ME,
      id,
      [],
      ways.map((voucher, i) => ({ line: 2, date: `2022-0${i + 1}-01`, amount: '1', voucher, payee: '某公司' })),
    );
    const flagged = checkRecord(readRecord(db, id, { asOf: '2022-12-31' }).record)
      .filter((f) => f.code === 'duplicate_voucher')
      .map((f) => f.params.voucher);
    // 记-2021-118 is the seed ledger's own; JZ001 is given twice.
    expect(flagged).toEqual(['記－2021－118', 'jz001', '记—2021—118']);
  });
});

describe('the ledger from the command line, and in the export and the PDF', { tags: ['another-program'] }, () => {
  /** A data file of its own: the seed, its line 1 paid 300 on 2021-12-01 and 340.21 on 2022-06-30. */
  const paidInTwo = () => {
    const db = path.join(tempDir(), 'ledger.sqlite');
    yanshou('demo', '--db', db);
    for (const [date, amount] of [
      ['2021-12-01', '300'],
      ['2022-06-30', '340.21'],
    ])
      expect(yanshou('ledger', 'add', '--db', db, '--county', '樟树市', '--line', '1', '--date', date, '--amount', amount).code).toBe(0);
    return db;
  };

  it('yanshou ledger add records a payment; bad input exits 1 naming the field', () => {
    const db = path.join(tempDir(), 'ledger.sqlite');
    yanshou('demo', '--db', db);
    expect(
      yanshou(
        'ledger',
        'add',
        '--db',
        db,
        '--county',
        '樟树市',
        '--line',
        '1',
        '--date',
        '2021-12-01',
        '--amount',
        '300',
        '--payee',
        '樟树市邮政分公司',
        '--voucher',
        '记-2021-118',
        '--stage',
        '签订协议',
      ).code,
    ).toBe(0);
    expect(
      yanshou('ledger', 'add', '--db', db, '--county', '樟树市', '--line', '1', '--date', '2022-06-30', '--amount', '340.21').code,
    ).toBe(0);
    const bad = yanshou('ledger', 'add', '--db', db, '--county', '樟树市', '--line', '1', '--date', '2022-13-01', '--amount', '5');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('拨付日期');
    expect(JSON.parse(yanshou('ledger', '--db', db, '--county', '樟樹市', '--json').stdout)).toEqual({
      payments: [
        { line: 1, date: '2021-12-01', amount: '300', payee: '樟树市邮政分公司', voucher: '记-2021-118', stage: '签订协议', note: '' },
        { line: 1, date: '2022-06-30', amount: '340.21', payee: '', voucher: '', stage: '', note: '' },
      ],
    });
  });

  it('show --as-of gives the figures of that day', () => {
    const db = paidInTwo();
    const early = JSON.parse(yanshou('show', '--db', db, '--county', '樟树市', '--as-of', '2022-01-01', '--json').stdout);
    expect(early.disbursements[0]).toMatchObject({ actual: '300', rate: '38.71' });
    expect(early.asOf).toBe('2022-01-01');
    const late = JSON.parse(yanshou('show', '--db', db, '--county', '樟树市', '--as-of', '2022年7月1日', '--json').stdout);
    expect(late.disbursements[0]).toMatchObject({ actual: '640.21', rate: '82.61' });
    expect(yanshou('show', '--db', db, '--county', '樟树市', '--as-of', '2022-07').code).toBe(2);
  });

  it('export --as-of writes the figures of that day, and a 拨付台账 sheet with every payment', async () => {
    const db = paidInTwo();
    const out = path.join(tempDir(), 'early.xlsx');
    expect(yanshou('export', out, '--db', db, '--as-of', '2022-01-01').code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    const county = wb.getWorksheet('樟树市')!;
    let line1!: ExcelJS.Row;
    county.eachRow((row) => void (row.getCell(2).value === '县乡村物流快递配送体系建设' && (line1 = row)));
    // 实际拨付额度 of a line with payments: a live SUMIFS over the 拨付台账 sheet up to the day, its sum cached.
    expect(line1.getCell(4).value).toEqual({
      formula: `SUMIFS('拨付台账'!$D$3:$D$4,'拨付台账'!$A$3:$A$4,1,'拨付台账'!$C$3:$C$4,"<="&DATE(2022,1,1))`,
      result: 300,
    });
    expect(line1.getCell(5).value).toMatchObject({ formula: `D${line1.number}/C${line1.number}`, result: 0.3871 });
    const ledger = wb.getWorksheet('拨付台账')!;
    expect(ledger.getCell('A1').value).toBe('樟树市中央财政资金拨付台账(截至2022年1月1日)');
    expect(ledger.getRow(2).values).toEqual([
      undefined,
      '序号',
      '具体项目名称',
      '拨付日期',
      '金额(万元)',
      '收款单位',
      '凭证号',
      '阶段',
      '备注',
    ]);
    expect(
      [3, 4].map((r) => [
        ledger.getCell(r, 1).value,
        (ledger.getCell(r, 3).value as Date).toISOString().slice(0, 10),
        ledger.getCell(r, 4).value,
      ]),
    ).toEqual([
      [1, '2021-12-01', 300],
      [1, '2022-06-30', 340.21],
    ]);
    // The payment after the day is marked: grey, and its date says it is not counted.
    expect(ledger.getCell(4, 3).note).toBe('在2022年1月1日之后,不计入表三的实际拨付额度');
    expect(ledger.getCell(4, 4).font?.color?.argb).toBe('FF808080');
    expect(ledger.getCell(3, 3).note).toBeUndefined();
  });

  it('the exported workbook stays true when edited: LibreOffice recomputes 实际拨付额度 from the 拨付台账 sheet', async () => {
    const db = paidInTwo();
    const dir = tempDir();
    const out = path.join(dir, 'early.xlsx');
    expect(yanshou('export', out, '--db', db, '--as-of', '2022-07-01').code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    // A reviewer corrects the first payment in the ledger sheet: 300 → 250.
    wb.getWorksheet('拨付台账')!.getCell(3, 4).value = 250;
    const edited = path.join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
    // LibreOffice set to recompute every formula on load (as "Recalculation on file load: always").
    fs.mkdirSync(path.join(dir, 'profile/user'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'profile/user/registrymodifications.xcu'),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
    );
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1',
        '--outdir',
        path.join(dir, 'csv'),
        edited,
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
    const csv = fs.readFileSync(path.join(dir, 'csv', 'edited-樟树市.csv'), 'utf8');
    const line = csv.split('\n').find((l) => l.includes('县乡村物流快递配送体系建设'))!;
    // 250 + 340.21 = 590.21: the line follows the edited ledger.
    expect(line.split(',')[3]).toBe('590.21');
  }, 200_000);

  it('pdf --as-of prints the figures and the sentence of that day', () => {
    const db = paidInTwo();
    const out = path.join(tempDir(), 'early.pdf');
    expect(yanshou('pdf', out, '--db', db, '--as-of', '2022-01-01').code).toBe(0);
    const text = execFileSync('pdftotext', ['-raw', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('截至2022年1月1日,已拨付承办企业资金共895.75万元,资金拨付率59.72%。');
    expect(text).toContain('县乡村物流快递配送体系建设775.00300.0038.71%');
  });
});
