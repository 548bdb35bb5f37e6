// The small rules the status line, the lock and the ledger's figures rest on: status words, the
// locked message, the days (a record date's last day, today, a calendar day), the payments counted
// as of a day, and the store's status change (who, remark, reason).
import { describe, expect, it } from 'vitest';
import { dayOf, lockedMessages, statusLabel, STATUSES } from '../../../shared/status';
import { chineseDay, defaultAsOf, isDay, lastDayOf, ledgerLineText, paidAsOf, today, type Payment } from '../../../shared/ledger';
import { openDatabase } from '../../../electron/services/store/database';
import { createRecord } from '../../../electron/services/store/records';
import { readStatus, setStatus } from '../../../electron/services/store/status';
import { AppError } from '../../../shared/errors';
import { ME, seedInput } from '../../helpers/fixtures';

describe('status words', () => {
  it('each status in Chinese and English; a day from a time', () => {
    expect(STATUSES.map((s) => statusLabel(s, 'zh'))).toEqual(['草稿', '已提交', '已审核', '已验收']);
    expect(STATUSES.map((s) => statusLabel(s, 'en'))).toEqual(['draft', 'submitted', 'reviewed', 'accepted']);
    expect([dayOf('2026-11-29T08:30:00Z'), dayOf(null)]).toEqual(['2026-11-29', '']);
  });

  it('the locked message names the county, batch, who accepted it and the day, as far as they are known', () => {
    expect(lockedMessages('樟树市', 8, '赵处长', '2026-11-29T08:30:00Z')).toEqual({
      zh: '樟树市 第8批 已验收(赵处长,2026-11-29),不能修改。如需修改,请先“解除验收”并写明理由。',
      en: '樟树市, batch 8, is accepted (赵处长, 2026-11-29) and cannot be changed. To change it, unlock it first, giving a reason.',
    });
    expect(lockedMessages('樟树市', 8, null, null)).toEqual({
      zh: '樟树市 第8批 已验收,不能修改。如需修改,请先“解除验收”并写明理由。',
      en: '樟树市, batch 8, is accepted and cannot be changed. To change it, unlock it first, giving a reason.',
    });
    expect(lockedMessages('樟树市', 8, null, '2026-11-29T08:30:00Z').en).toContain('is accepted (2026-11-29) and');
    expect(lockedMessages('樟树市', 8, '赵处长', null).zh).toContain('已验收(赵处长),');
  });
});

describe('days', () => {
  it('a record date names its last day: a month its last (February of a leap year too), a year 31 December', () => {
    expect(['2022-06', '2024-02', '2023-02', '2022-12', '2022', '2022-06-15'].map(lastDayOf)).toEqual([
      '2022-06-30',
      '2024-02-29',
      '2023-02-28',
      '2022-12-31',
      '2022-12-31',
      '2022-06-15',
    ]);
  });

  it("figures default to the acceptance day, else today (the officer's local day)", () => {
    const now = new Date(2026, 0, 5, 23, 59);
    expect(today(now)).toBe('2026-01-05');
    expect(defaultAsOf('2022-06', today(now))).toBe('2022-06-30');
    expect(defaultAsOf(null, today(now))).toBe('2026-01-05');
  });

  it("a payment's day is a calendar day; in Chinese as 2022年6月30日", () => {
    expect(['2022-06-30', '2024-02-29', '2023-02-29', '2022-6-30', '2022-06', '20220630'].map(isDay)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(chineseDay('2022-06-30')).toBe('2022年6月30日');
  });
});

describe('payments as of a day', () => {
  const pay = (line: number, date: string, amount: string): Payment => ({
    line,
    date,
    amount,
    payee: '',
    voucher: '',
    stage: '',
    note: '',
  });
  it('counts those dated on or before the day, per line, exactly', () => {
    const paid = paidAsOf(
      [pay(1, '2021-12-01', '300'), pay(1, '2022-06-30', '340.21'), pay(2, '2022-07-01', '5'), pay(1, '2022-01-01', '0.000001')],
      '2022-06-30',
    );
    expect([...paid]).toEqual([[1, 640_210_001n]]);
    expect([...paidAsOf([pay(3, '2022-01-01', '1')], '2021-12-31')]).toEqual([]);
  });

  it('says why a line with payments is not typed', () => {
    expect(ledgerLineText(2, 'zh')).toBe('由拨付台账计算(2 笔拨付),不能直接填写;请在拨付台账中录入、修改拨付');
    expect(ledgerLineText(3, 'en')).toContain("the ledger's 3 payments");
  });
});

describe('a status change in the store', () => {
  const setup = () => {
    const db = openDatabase(':memory:');
    return { db, id: createRecord(db, ME, seedInput()) };
  };
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof AppError) return e.code;
      throw e;
    }
    return 'done';
  };

  it('is signed by a name without its spaces, with the remark trimmed (an empty one is none), and the time it was made', () => {
    const { db, id } = setup();
    const before = Date.now();
    const info = setStatus(db, ME, id, { status: 'submitted', by: ' 李会计 ', remark: '  ' });
    expect(info).toMatchObject({ status: 'submitted', by: '李会计', remark: null });
    expect(Date.parse(info.at!)).toBeGreaterThanOrEqual(before - 1000);
    expect(setStatus(db, ME, id, { status: 'reviewed', by: '王科长', remark: ' 数据已核 ' }).remark).toBe('数据已核');
  });

  it('refuses a status that does not exist, an unknown record, an unlock without reason, and a second acceptance (the first sign-off stands)', () => {
    const { db, id } = setup();
    expect(code(() => setStatus(db, ME, id, { status: 'approved' as 'accepted', by: '赵处长' }))).toBe('invalid_input');
    expect(code(() => readStatus(db, 999))).toBe('no_record');
    setStatus(db, ME, id, { status: 'accepted', by: '赵处长' });
    expect(code(() => setStatus(db, ME, id, { status: 'draft', by: '赵处长' }))).toBe('reason_needed');
    expect(code(() => setStatus(db, ME, id, { status: 'accepted', by: '钱局长' }))).toBe('already_accepted');
    expect(readStatus(db, id)).toMatchObject({ status: 'accepted', by: '赵处长' });
    // The reason given is the remark logged with the unlock.
    expect(setStatus(db, ME, id, { status: 'reviewed', by: '赵处长', remark: '别的', reason: ' 补录凭证 ' }).remark).toBe('补录凭证');
  });
});
