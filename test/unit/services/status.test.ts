// Review status with sign-off: 草稿 → 已提交 → 已审核 → 已验收, who and when in the change log, one
// undo step each; an accepted record is locked against every mutation path of the contract.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '../../../electron/services/store/database';
import { createRecord, readRecord } from '../../../electron/services/store/records';
import { editCells } from '../../../electron/services/store/edits';
import { editPayments } from '../../../electron/services/store/payments';
import { readStatus, setStatus } from '../../../electron/services/store/status';
import { history, webActor, type Actor } from '../../../electron/services/store/changelog';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import { exportWorkbook } from '../../../electron/services/excel/export';
import { METHODS, type Output } from '../../../shared/contract';
import { stepLabel } from '../../../shared/steps';
import { statusLine } from '../../../shared/print';
import { statusCell } from '../../../shared/overview-document';
import { ME, referenceFixture, seedInput } from '../../helpers/fixtures';
import { aCallOfEach } from '../../helpers/calls';
import { redo, refusal, undo } from '../../helpers/store';
import { newStore } from '../../helpers/backend';

let db: DB;
let id: number;
let ctx: ApiContext;
beforeEach(() => {
  db = newStore();
  id = createRecord(db, ME, seedInput());
  ctx = { db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array([1]) };
});

describe('review status', () => {
  it('moves through 草稿 → 已提交 → 已审核 → 已验收, recording who, when and the remark; each change one undo step', () => {
    expect(readStatus(db, id)).toEqual({ status: 'draft', by: null, at: null, day: null, remark: null });
    setStatus(db, ME, id, { status: 'submitted', by: '李会计' });
    setStatus(db, ME, id, { status: 'reviewed', by: '王科长', remark: '数据已核' });
    const accepted = setStatus(db, ME, id, { status: 'accepted', by: '赵处长' });
    expect(accepted).toMatchObject({ status: 'accepted', by: '赵处长' });
    expect(Date.now() - Date.parse(accepted.at!)).toBeLessThan(60_000);
    const [last, reviewed] = history(db, ME).steps;
    expect(stepLabel(last, 'zh')).toBe('状态 樟树市 第8批 → 已验收 (赵处长)');
    expect(reviewed.detail).toMatchObject({ status: 'reviewed', by: '王科长', remark: '数据已核' });
    // Undoing an acceptance is unlocking: refused; the explicit unlock with a reason is the way.
    expect(refusal(() => undo(db)).code).toBe('locked');
    expect(refusal(() => setStatus(db, ME, id, { status: 'reviewed', by: '赵处长' })).code).toBe('reason_needed');
    expect(setStatus(db, ME, id, { status: 'reviewed', by: '赵处长', reason: '补录第三批凭证' })).toMatchObject({
      status: 'reviewed',
      remark: '补录第三批凭证',
    });
    undo(db); // the unlock: locked again
    expect(readStatus(db, id).status).toBe('accepted');
    redo(db);
    expect(readStatus(db, id).status).toBe('reviewed');
    undo(db);
    expect(readStatus(db, id)).toMatchObject({ status: 'accepted', by: '赵处长' });
  });

  it('needs a name to sign with', () => {
    expect(refusal(() => setStatus(db, ME, id, { status: 'submitted', by: '  ' })).code).toBe('who_needed');
  });
});

describe('an accepted record is locked', () => {
  beforeEach(() => {
    editCells(
      db,
      ME,
      id,
      'disbursements',
      [{ rowId: readRecord(db, id, { asOf: undefined }).disbursementIds[0], field: 'actual', value: '700' }],
      [],
    );
    setStatus(db, ME, id, { status: 'accepted', by: '赵处长' });
  });

  it('against every method of the contract: what would change it is refused naming the status and who accepted it, nothing changes', async () => {
    const stored = readRecord(db, id, { asOf: undefined });
    // One call of every method at the accepted record (test/helpers/calls.ts: a new method needs a sample there).
    const calls = aCallOfEach(stored, new Uint8Array(await exportWorkbook([stored.record])));
    const before = readRecord(db, id, { asOf: undefined }).record;
    const refusedWith: Record<string, string> = {};
    for (const method of METHODS) {
      const result = await dispatch(ctx, method, calls[method], ME);
      if (!result.ok) refusedWith[method] = result.error.code;
      else if (method === 'importWorkbooks' && (result.value as { findings: { code: string }[] }).findings.some((f) => f.code === 'locked'))
        refusedWith[method] = 'locked';
      expect(readRecord(db, id, { asOf: undefined }).record, method).toEqual(before);
      expect(readStatus(db, id).status, method).toBe('accepted');
    }
    expect(refusedWith).toMatchObject({
      deleteRecord: 'locked',
      updateCounty: 'locked',
      editCells: 'locked',
      insertRows: 'locked',
      deleteRows: 'locked',
      moveRow: 'locked',
      importWorkbooks: 'locked',
      editPayments: 'locked',
      editPerformance: 'locked',
      editIndicators: 'locked',
      insertIndicators: 'locked',
      draftPerformance: 'locked',
    });
    const message = (await dispatch(ctx, 'editCells', calls.editCells, ME)) as { ok: false; error: { message: string; details: object } };
    expect(message.error.message).toContain('已验收(赵处长,');
    // For a client of the contract (the web, a script), who accepted it and when, as data too.
    expect(message.error.details).toMatchObject({ status: 'accepted', by: '赵处长', at: readStatus(db, id).at });
  });

  it('undo and redo cannot change it either: an edit made before the acceptance stays', () => {
    const reviewer = { client: 'reviewer', kind: 'web' } as const;
    setStatus(db, ME, id, { status: 'reviewed', by: '赵处长', reason: '复核' });
    editCells(
      db,
      ME,
      id,
      'disbursements',
      [{ rowId: readRecord(db, id, { asOf: undefined }).disbursementIds[2], field: 'actual', value: '120' }],
      [],
    );
    setStatus(db, reviewer, id, { status: 'accepted', by: '赵处长' });
    expect(refusal(() => undo(db)).code).toBe('locked');
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[2].actual).toBe('120');
  });

  it('once unlocked with a reason, the record takes edits again (and its undo history still works)', () => {
    setStatus(db, ME, id, { status: 'reviewed', by: '赵处长', reason: '更正拨付额' });
    editCells(
      db,
      ME,
      id,
      'disbursements',
      [{ rowId: readRecord(db, id, { asOf: undefined }).disbursementIds[1], field: 'actual', value: '300' }],
      [],
    );
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[1].actual).toBe('300');
    undo(db);
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[1].actual).toBe('285.4');
    expect(readRecord(db, id, { asOf: undefined }).record.disbursements[0].actual).toBe('700');
    expect(referenceFixture('hans').disbursements[1].actual).toBe('285.4');
  });
});

describe('unlocking an accepted record needs a reason in words', () => {
  beforeEach(() => {
    setStatus(db, ME, id, { status: 'accepted', by: '赵处长' });
  });

  it('a reason of spaces, tabs, full-width spaces, invisible characters or punctuation alone is no reason: the store refuses and the record stays locked', () => {
    for (const reason of [
      '   ',
      '\t \n',
      '\u3000\u3000',
      '\u200b',
      ' \u2060\u00ad\u200d ',
      '\u3164',
      '\u2800',
      '\ufe0f',
      '\u115f',
      '。',
      '-',
      '.',
    ])
      expect([reason, refusal(() => setStatus(db, ME, id, { status: 'reviewed', by: '赵处长', reason })).code]).toEqual([
        reason,
        'reason_needed',
      ]);
    expect(readStatus(db, id)).toMatchObject({ status: 'accepted', by: '赵处长' });
  });

  it('through the contract too (as the app and the web call it), and a reason given with spaces around is logged without them', async () => {
    const r = await dispatch(ctx, 'setStatus', { id, status: 'draft', by: '赵处长', reason: '  ' }, ME);
    expect(r.ok ? 'unlocked' : r.error.code).toBe('reason_needed');
    expect(readStatus(db, id).status).toBe('accepted');
    const unlocked = await dispatch(ctx, 'setStatus', { id, status: 'draft', by: '赵处长', reason: '  补录凭证 ' }, ME);
    expect(unlocked.ok).toBe(true);
    expect(readStatus(db, id)).toMatchObject({ status: 'draft', remark: '补录凭证' });
  });
});

describe('an accepted record without 验收日期, with a ledger', () => {
  it('keeps its figures as of the day it was accepted: a payment dated after it never enters them as the calendar moves on', () => {
    const input = seedInput();
    input.county = { ...input.county, acceptedOn: null, batch: 9 };
    const id = createRecord(db, ME, input);
    editPayments(
      db,
      ME,
      id,
      [],
      [
        { line: '1', date: '2026-01-02', amount: '50' },
        { line: '1', date: '2026-02-01', amount: '100' },
      ],
    );
    // Accepted by someone whose day was 5 January (on that day); read on any later day, line 1 is the 50 paid by then.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-05T03:00:00.000Z') });
    try {
      setStatus(db, { ...ME, today: '2026-01-05' }, id, { status: 'accepted', by: '赵处长' });
    } finally {
      vi.useRealTimers();
    }
    const { record } = readRecord(db, id, { asOf: undefined });
    expect([record.asOf, record.disbursements[0].actual]).toEqual(['2026-01-05', '50']);
    // A day asked for explicitly is still shown as asked.
    expect(readRecord(db, id, { asOf: '2026-03-01' }).record.disbursements[0].actual).toBe('150');
  });

  it('keeps exactly the figures the reviewer saw when accepting at 02:03 in Beijing (still the day before in UTC)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T18:03:00.000Z') });
    try {
      const input = seedInput();
      input.county = { ...input.county, acceptedOn: null, batch: 9 };
      const id = createRecord(db, ME, input);
      const payment = (date: string, amount: string) => ({ line: '1', date, amount });
      // Typed in Beijing, where it is already 8 December.
      editPayments(db, { ...ME, today: '2026-12-08' }, id, [], [payment('2026-12-01', '50'), payment('2026-12-08', '100')]);
      // The reviewer's window sends its day, 8 December, as the page does: line 1 shows 50 + 100.
      const reviewer = webActor('windowREVW', undefined, '2026-12-08');
      const read = async (actor: Actor) => (await dispatch(ctx, 'getRecord', { id }, actor)) as { ok: true; value: Output<'getRecord'> };
      const shown = await read(reviewer);
      expect(shown.value.record.disbursements[0].actual).toBe('150');
      const accepted = await dispatch(
        ctx,
        'setStatus',
        { id, status: 'accepted', by: '赵处长', version: shown.value.version, seen: shown.value.seen },
        reviewer,
      );
      expect(accepted.ok).toBe(true);
      // What was accepted stays: the same window, another window on a later day and this machine all say 150.
      const again = await read(reviewer);
      vi.setSystemTime(new Date('2027-01-15T04:00:00.000Z'));
      const later = await read(webActor('windowLATE', undefined, '2027-01-15'));
      const local = readRecord(db, id, { asOf: undefined });
      expect([again, later].map((r) => [r.value.record.asOf, r.value.record.disbursements[0].actual])).toEqual([
        ['2026-12-08', '150'],
        ['2026-12-08', '150'],
      ]);
      expect(local.record.disbursements[0].actual).toBe('150');
    } finally {
      vi.useRealTimers();
    }
  });

  it('an acceptance at 01:00 Beijing time (17:00 UTC the day before) is of the reviewer’s day wherever its day is shown', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-06T17:00:00.000Z') });
    try {
      const reviewer = webActor('windowNIGHT', undefined, '2026-12-07');
      const shown = (await dispatch(ctx, 'getRecord', { id }, reviewer)) as { ok: true; value: Output<'getRecord'> };
      const set = await dispatch(ctx, 'setStatus', { id, status: 'accepted', by: '赵处长', version: shown.value.version }, reviewer);
      expect(set.ok && set.value).toMatchObject({ at: '2026-12-06T17:00:00.000Z', day: '2026-12-07' });
      const read = (await dispatch(ctx, 'getRecord', { id }, reviewer)) as { ok: true; value: Output<'getRecord'> };
      const listed = (await dispatch(ctx, 'listRecords', {}, reviewer)) as { ok: true; value: Output<'listRecords'> };
      expect([read.value.status.day, listed.value[0].status.day, readStatus(db, id).day]).toEqual([
        '2026-12-07',
        '2026-12-07',
        '2026-12-07',
      ]);
      // The printed status line and the overview's status cell say the 7th, as does the refusal to accept it again.
      expect(statusLine(readStatus(db, id), null, 'hans')).toBe('审核状态:已验收(赵处长,2026年12月7日)');
      expect(statusCell(listed.value[0], 'hans')).toBe('已验收 2026-12-07');
      expect(refusal(() => setStatus(db, reviewer, id, { status: 'accepted', by: '赵处长' })).messages.zh).toContain(
        '已于 2026-12-07 由 赵处长 验收',
      );
      // So does the store's refusal of a change to the locked record, whichever door it comes through.
      const line1 = readRecord(db, id, { asOf: undefined }).disbursementIds[0];
      expect(
        refusal(() => editCells(db, reviewer, id, 'disbursements', [{ rowId: line1, field: 'actual', value: '1' }], [])).messages.zh,
      ).toBe('樟树市 第8批 已验收(赵处长,2026-12-07),不能修改。如需修改,请先“解除验收”并写明理由。');
    } finally {
      vi.useRealTimers();
    }
  });
});
