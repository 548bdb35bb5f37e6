// The open record's writes (renderer/src/editWriter.ts) against a fake server: ops written in order,
// retried while offline, kept as a draft when the server fails, dropped and marked when refused.
import { describe, expect, it, vi, type Mock } from 'vitest';
import { EditWriter, type WriterHost } from '../../../renderer/src/editWriter';
import { ApiError, OfflineError, ServerError } from '../../../shared/client';
import type { Op, SaveState } from '../../../renderer/src/editQueue';

const op = (id: number, value: string): Op => ({
  id,
  recordId: 1,
  table: 'disbursements',
  edits: [{ table: 'disbursements', rowId: 7, field: 'actual', raw: value, value }],
  append: [],
  clear: false,
  status: 'queued',
});

/** A writer over a server that answers each editCells with the next of `answers` (an error is thrown). */
function writer(ops: Op[], answers: (Error | null)[], seen?: number) {
  const state = { ops, saves: [] as SaveState[], errors: [] as string[], refused: [] as string[], written: [] as string[] };
  const host: WriterHost = {
    api: {
      editCells: vi.fn(async (input: { edits: { value: unknown }[] }) => {
        const answer = answers.shift();
        if (answer) throw answer;
        state.written.push(String(input.edits[0].value));
        return { ok: true as const };
      }) as unknown as WriterHost['api']['editCells'],
      editIndicators: vi.fn(async () => ({ ok: true as const, appended: [] })) as unknown as WriterHost['api']['editIndicators'],
      editPayments: vi.fn(async () => ({ ok: true as const, appended: [] })) as unknown as WriterHost['api']['editPayments'],
    },
    ops: () => state.ops,
    seen: () => seen,
    publish: (next) => (state.ops = next),
    save: () => state.saves.at(-1) ?? 'saved',
    setSave: (s) => state.saves.push(s),
    refused: (o, text) => state.refused.push(`${o.id}: ${text('zh')}`),
    onError: (text) => state.errors.push(text('zh')),
    reload: async () => {},
    onWritten: () => {},
    onStored: () => {},
    sleep: async () => {},
  };
  return { w: new EditWriter(host), state, api: host.api as unknown as Record<keyof WriterHost['api'], Mock> };
}
const wire = (code: string, message: string) => ({ code, message, messages: { zh: message, en: message } });

describe('writing the queued edits', () => {
  it('in the order they were typed; offline, the same op again until it goes through', async () => {
    const { w, state } = writer([op(1, '90'), op(2, '91')], [new OfflineError('down'), new OfflineError('down'), null, null]);
    await w.pump();
    expect(state.written).toEqual(['90', '91']);
    expect(state.ops.map((o) => o.status)).toEqual(['written', 'written']);
    expect(state.saves).toEqual(['saving', 'offline', 'saving', 'offline', 'saving', 'saving', 'saved']);
    expect(await w.settle()).toBe(true);
  });

  it('the server failed: the op is kept as a draft, said once with its code; the next is written', async () => {
    const { w, state } = writer([op(1, '90'), op(2, '91')], [new ServerError(wire('internal', '磁盘已满')), null]);
    await w.pump();
    expect(state.ops.map((o) => [o.id, o.status])).toEqual([
      [1, 'draft'],
      [2, 'written'],
    ]);
    expect(state.errors).toHaveLength(1);
    expect(state.errors[0]).toContain('internal');
    expect(state.errors[0]).toContain('磁盘已满');
    expect(state.saves.at(-1)).toBe('draft');
  });

  it('refused by the store: the op goes and its cells are marked with the reason', async () => {
    const { w, state } = writer([op(1, '90')], [new ApiError(wire('locked', '樟树市 第8批 已验收'))]);
    await w.pump();
    expect(state.ops).toEqual([]);
    expect(state.refused).toEqual(['1: 樟树市 第8批 已验收']);
    expect(state.saves.at(-1)).toBe('saved');
  });

  it('offline: the same op again with the same request id (one that went through is not applied twice); the next op a new id', async () => {
    const { w, api } = writer([op(1, '90'), op(2, '91')], [new OfflineError('down', 'reconnecting'), null, null]);
    await w.pump();
    const requests = api.editCells.mock.calls.map((c) => (c[1] as { request: string }).request);
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(requests[1]).toBe(requests[0]);
    expect(requests[2]).not.toBe(requests[0]);
  });

  it('sends the position the record was read at with cells, payments and indicators alike', async () => {
    const payment: Op = {
      ...op(1, '5'),
      table: 'payments',
      edits: [{ table: 'payments', rowId: 3, field: 'amount', raw: '5', value: '5' }],
    };
    const indicator: Op = {
      ...op(2, '1200人次'),
      table: 'indicators',
      edits: [{ table: 'indicators', rowId: 4, field: 'actual', raw: '1200人次', value: '1200人次' }],
    };
    const { w, api } = writer([payment, indicator, op(3, '90')], [null], 42);
    await w.pump();
    const seen = (m: Mock) => m.mock.calls.map((c) => (c[0] as { seen?: number }).seen);
    expect([seen(api.editPayments), seen(api.editIndicators), seen(api.editCells)]).toEqual([[42], [42], [42]]);
  });

  it('settle says when writes cannot get through (offline) instead of waiting for ever', async () => {
    const { w, state } = writer([op(1, '90')], []);
    state.saves.push('offline');
    expect(await w.settle()).toBe(false);
  });
});
