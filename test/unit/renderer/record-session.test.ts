// The open record's view rules (renderer/src/recordSession.ts) without a browser: where a click on a
// finding goes, and the lines of table 三 that their payments compute.
import { describe, expect, it } from 'vitest';
import { computeRecord } from '../../../shared/record';
import type { Finding } from '../../../shared/findings';
import { findingPlace, lineLock, paymentsPerLine, paymentsWith, whenReady } from '../../../renderer/src/recordSession';
import { STRINGS } from '../../../renderer/src/strings';
import { seedInput } from '../../helpers/fixtures';

const input = seedInput();
input.payments = [
  { line: 1, date: '2021-12-01', amount: '300', payee: '', voucher: '', stage: '', note: '' },
  { line: 1, date: '2022-06-30', amount: '340.21', payee: '', voucher: '', stage: '', note: '' },
  { line: 3, date: '2021-12-20', amount: '100', payee: '', voucher: '', stage: '', note: '' },
];
const record = computeRecord(input, { asOf: '2022-12-31' });
const finding = (target: Finding['target']): Finding => ({ severity: 'warning', code: 'over_disbursed', params: {}, target });

describe('a click on a finding', () => {
  it('goes to its payment in the ledger, its basic fact, its cell; a total to the last line of 三', () => {
    expect(findingPlace(finding({ table: 'payments', row: 1, field: 'voucher' }), [11, 12, 13], record)).toEqual({
      kind: 'ledger',
      paymentId: 12,
      field: 'voucher',
    });
    expect(findingPlace(finding({ table: 'county', field: 'acceptedOn' }), [], record)).toEqual({ kind: 'county', field: 'acceptedOn' });
    expect(findingPlace(finding({ table: 'items', row: 2, field: 'target' }), [], record)).toEqual({
      kind: 'grid',
      table: 'items',
      row: 2,
      field: 'target',
    });
    expect(findingPlace(finding({ table: 'disbursements', row: 4 }), [], record)).toEqual({
      kind: 'grid',
      table: 'disbursements',
      row: 4,
      field: 'name',
    });
    expect(findingPlace(finding({ table: 'totals', field: 'statedRate' }), [], record)).toEqual({
      kind: 'grid',
      table: 'disbursements',
      row: 5,
      field: 'statedRate',
    });
    expect(findingPlace(finding({ table: 'totals' }), [], record)).toEqual({
      kind: 'grid',
      table: 'disbursements',
      row: 5,
      field: 'planned',
    });
    expect(findingPlace(finding(undefined), [], record)).toBeNull();
  });
});

describe('a line that its payments compute', () => {
  const perLine = paymentsPerLine(record);
  it('refuses typing in its 实际拨付额度 (only there), naming the row and how many payments; other lines take it', () => {
    expect([...perLine]).toEqual([
      [1, 2],
      [3, 1],
    ]);
    const lock = lineLock(record, perLine, 0, 'actual', STRINGS.zh)!;
    expect(lock.message('zh')).toMatch(/^第 1 行 实际拨付额度\(万元\): .*2/);
    expect(lock.tip).toBe(STRINGS.zh.ledgerLineTip(2));
    expect(lineLock(record, perLine, 0, 'planned', STRINGS.zh)).toBeNull();
    expect(lineLock(record, perLine, 1, 'actual', STRINGS.zh)).toBeNull();
    // The refusal is kept as how to say it: in English once the user switched.
    expect(lineLock(record, perLine, 2, 'actual', STRINGS.zh)!.message('en')).toMatch(/^Row 3, /);
  });

  it('deleting lines says how many payments go with them', () => {
    expect(paymentsWith(record, perLine, [0, 2], STRINGS.zh)).toBe(STRINGS.zh.withPayments(3));
    expect(paymentsWith(record, perLine, [1, 4], STRINGS.zh)).toBe('');
  });
});

describe('going to a view that is not on screen yet', () => {
  /** Frames drawn by hand: each call draws the next one. */
  const frames = () => {
    const waiting: (() => void)[] = [];
    return { next: (f: () => void) => waiting.push(f), draw: () => waiting.splice(0).forEach((f) => f()), waiting };
  };

  it('acts once, on the first frame the view is there', () => {
    const f = frames();
    let shown = false;
    let acted = 0;
    whenReady(
      () => shown,
      () => acted++,
      f.next,
    );
    f.draw();
    f.draw();
    expect(acted).toBe(0);
    shown = true;
    f.draw();
    f.draw();
    expect(acted).toBe(1);
    expect(f.waiting).toEqual([]);
  });

  it('a view that never comes: gives up after the frames it was given, having done nothing', () => {
    const f = frames();
    let acted = 0;
    whenReady(
      () => false,
      () => acted++,
      f.next,
      5,
    );
    let drawn = 0;
    while (f.waiting.length && drawn < 100) {
      f.draw();
      drawn++;
    }
    expect(drawn).toBe(6);
    expect(acted).toBe(0);
  });
});
