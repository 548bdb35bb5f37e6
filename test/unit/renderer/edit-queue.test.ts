// The open record's edit session (renderer/src/editQueue.ts) without a browser: edits written in
// the order they were made; a new value replacing its own draft; what each kind of failed write does
// to its edit; the marks on the cells; the save state once the queue is empty.
import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../../renderer/src/strings';
import {
  counts,
  dropDrafts,
  enqueue,
  failureOf,
  marksOf,
  nextDelay,
  nextQueued,
  notIn,
  refuse,
  requeueDrafts,
  restingState,
  unrefuse,
  withStatus,
  without,
  writtenIds,
  type CellEdit,
  type Op,
} from '../../../renderer/src/editQueue';
import { ApiError, OfflineError, ServerError } from '../../../shared/client';

const edit = (rowId: number, field: string, raw: string): CellEdit => ({ table: 'disbursements', rowId, field, raw, value: raw });
let next = 1;
const op = (edits: CellEdit[], status: Op['status'] = 'queued'): Op => ({
  id: next++,
  recordId: 1,
  table: 'disbursements',
  edits,
  append: [],
  clear: false,
  status,
});

describe('the queue of edits', () => {
  it('writes them in the order they were made; written ones wait for the reload that brings them', () => {
    const a = op([edit(10, 'actual', '700')]);
    const b = op([edit(11, 'actual', '300')]);
    let ops = enqueue(enqueue([], a), b);
    expect(nextQueued(ops)?.id).toBe(a.id);
    ops = withStatus(ops, a.id, 'written');
    expect(nextQueued(ops)?.id).toBe(b.id);
    expect(counts(ops)).toEqual({ pending: 1, drafts: 0 });
    // A reload asked for now holds a; b, written after, stays applied on screen until the next one.
    const seen = writtenIds(ops);
    ops = withStatus(ops, b.id, 'written');
    expect(notIn(ops, seen).map((o) => o.id)).toEqual([b.id]);
  });

  it('a new value for a cell replaces its draft; a draft left with nothing goes, other drafts stay', () => {
    const draft = op([edit(10, 'actual', '700'), edit(10, 'planned', '900')], 'draft');
    const other = op([edit(12, 'name', '物流')], 'draft');
    const ops = enqueue([draft, other], op([edit(10, 'actual', '710')]));
    expect(ops.map((o) => o.edits.map((e) => `${e.rowId}:${e.field}=${e.raw}`))).toEqual([
      ['10:planned=900'],
      ['12:name=物流'],
      ['10:actual=710'],
    ]);
    const emptied = enqueue([op([edit(10, 'actual', '700')], 'draft')], op([edit(10, 'actual', '1')]));
    expect(emptied).toHaveLength(1);
    // A queued (not draft) edit of the same cell is not touched: both are written, in order.
    expect(enqueue([op([edit(10, 'actual', '700')])], op([edit(10, 'actual', '1')]))).toHaveLength(2);
  });

  it('重试保存 queues every draft again; 放弃草稿 drops them; the resting state says draft while one is kept', () => {
    const ops = [op([edit(1, 'actual', '1')], 'draft'), op([edit(2, 'actual', '2')], 'written')];
    expect(restingState(ops)).toBe('draft');
    expect(requeueDrafts(ops).map((o) => o.status)).toEqual(['queued', 'written']);
    expect(dropDrafts(ops).map((o) => o.status)).toEqual(['written']);
    expect(restingState(dropDrafts(ops))).toBe('saved');
    expect(without(ops, ops[0].id)).toEqual([ops[1]]);
  });
});

describe('a write that fails', () => {
  it('offline: retried, waiting 1, 2, 4, 8 then 10 s; a server failure: kept as a draft; refused: dropped and marked', () => {
    expect(failureOf(new OfflineError('no connection'))).toBe('offline');
    expect(failureOf(new ServerError({ code: 'internal', message: '内部错误' }))).toBe('draft');
    expect(failureOf(new ApiError({ code: 'locked', message: '已验收' }))).toBe('refused');
    expect(failureOf(new Error('anything else'))).toBe('refused');
    const waits = [1000];
    for (let i = 0; i < 5; i++) waits.push(nextDelay(waits[waits.length - 1]));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('marks the refused cells with the reason until a new value is typed into them; drafts are marked as drafts', () => {
    const refused = op([edit(10, 'actual', 'abc')]);
    const marks = refuse(new Map(), refused, (lang) => (lang === 'zh' ? '“abc”不是数字' : '“abc” is not a number'));
    const draft = op([edit(11, 'planned', '5')], 'draft');
    const shown = marksOf(marks, [draft], 'zh');
    expect([...shown.disbursements]).toEqual([
      ['10:actual', { kind: 'error', message: '“abc”不是数字' }],
      ['11:planned', { kind: 'draft', message: STRINGS.zh.draftMark }],
    ]);
    // After switching to English the same marks are said in English.
    expect(marksOf(marks, [draft], 'en').disbursements.get('10:actual')?.message).toBe('“abc” is not a number');
    expect(shown.items.size + shown.payments.size).toBe(0);
    expect(unrefuse(marks, op([edit(10, 'actual', '7')])).size).toBe(0);
    // An edit of other cells leaves the marks as they are (the same map: nothing to redraw).
    expect(unrefuse(marks, op([edit(12, 'actual', '7')]))).toBe(marks);
  });
});
