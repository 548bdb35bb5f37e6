// Undo that always works (attack finding #11): one step another window built on — a county this window made,
// accepted since by someone else — used to block the window's whole undo stack, its older steps of an untouched
// county with it. The step refused can be skipped: it stays in effect and in the history, marked as not undoable,
// and the undo goes on with the steps below it. Through the contract, on the backend under test.
import { describe, expect, it } from 'vitest';
import { dispatch, type ApiContext } from '../../../electron/services/api';
import type { Actor } from '../../../electron/services/store/changelog';
import { createRecord, findRecordIds, readRecord } from '../../../electron/services/store/records';
import { seedInput } from '../../helpers/fixtures';
import { newStore } from '../../helpers/backend';

const A: Actor = { client: 'tab-a', kind: 'web' };
const B: Actor = { client: 'tab-b', kind: 'web' };

type Step = { id: number; action: string; undone: boolean; skipped: boolean; detail: { county?: string } };
type History = { undo: Step | null; redo: Step | null; steps: Step[] };

async function setUp() {
  const db = newStore();
  const ctx: ApiContext = { db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array() };
  const zhangshu = createRecord(db, B, seedInput());
  const call = async (actor: Actor, method: string, input: Record<string, unknown>) => dispatch(ctx, method, input, actor);
  const must = async (actor: Actor, method: string, input: Record<string, unknown>) => {
    const r = await call(actor, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  const line1 = () => readRecord(db, zhangshu, { asOf: undefined }).record.disbursements[0].actual;
  // A edits 樟树市 三 line 1 (640.21 → 700), then makes 瑞金市; B accepts 瑞金市.
  const lines = readRecord(db, zhangshu, { asOf: undefined }).disbursementIds;
  await must(A, 'editCells', { recordId: zhangshu, table: 'disbursements', edits: [{ rowId: lines[0], field: 'actual', value: '700' }] });
  const input = seedInput();
  const ruijin = createRecord(db, A, { ...input, county: { ...input.county, name: '瑞金市', prefecture: '赣州市' } }, 'create');
  await must(B, 'setStatus', { id: ruijin, status: 'accepted', by: '赵处长' });
  const historyOf = async (actor: Actor) => (await must(actor, 'history', {})) as History;
  return { db, zhangshu, ruijin, call, must, line1, historyOf };
}

describe('an undo blocked by others’ later work', () => {
  it('is refused naming the step and the county; skipped, it stays done and marked; the undo goes on below it', async () => {
    const s = await setUp();
    const before = await s.historyOf(A);
    const blocked = before.undo!;
    expect([blocked.action, blocked.detail.county]).toEqual(['create', '瑞金市']);
    // Undoing a new county asks first; with the yes, it is refused: 瑞金市 was accepted since.
    expect(await s.must(A, 'undo', {})).toMatchObject({ steps: [], needsConfirm: [{ id: blocked.id }] });
    const refused = await s.call(A, 'undo', { confirm: true });
    expect(refused.ok ? 'ok' : refused.error.messages?.zh).toMatch(/^无法撤销“新建记录 瑞金市 第8批”:.*已验收/);
    expect(s.line1()).toBe('700');

    const skipped = await s.must(A, 'undo', { skip: blocked.id });
    expect(skipped).toMatchObject({ steps: [], skipped: { id: blocked.id, skipped: true, undone: false } });
    const after = await s.historyOf(A);
    // The skipped step is still in the history, marked, in effect; undo now names the edit of 樟树市 below it.
    expect(after.steps.map((x) => [x.detail.county, x.undone, x.skipped])).toEqual([
      ['瑞金市', false, true],
      ['樟树市', false, false],
    ]);
    expect([after.undo?.detail.county, after.undo?.action]).toEqual(['樟树市', 'edit']);
    expect(findRecordIds(s.db, '瑞金市', 8).map((r) => r.id)).toEqual([s.ruijin]);

    await s.must(A, 'undo', {});
    expect(s.line1()).toBe('640.21');
    // Redone, the edit comes back; the skipped step is no part of the redo.
    const redo = await s.historyOf(A);
    expect([redo.undo, redo.redo?.detail.county]).toEqual([null, '樟树市']);
    await s.must(A, 'redo', {});
    expect(s.line1()).toBe('700');
  });

  it('a step that can be undone is not skipped: refused, nothing changed', async () => {
    const s = await setUp();
    // A's 瑞金市 step is blocked and skipped; the edit below it is not blocked: skipping it is refused.
    const first = (await s.historyOf(A)).undo!;
    await s.must(A, 'undo', { skip: first.id });
    const edit = (await s.historyOf(A)).undo!;
    const refused = await s.call(A, 'undo', { skip: edit.id });
    expect(refused.ok ? 'ok' : [refused.error.code, refused.error.messages?.zh]).toEqual([
      'undo_possible',
      '“编辑 樟树市 三 第1行 实际拨付额度(万元)”可以撤销,不必跳过。',
    ]);
    expect((await s.historyOf(A)).steps.map((x) => x.skipped)).toEqual([true, false]);
    expect(s.line1()).toBe('700');
  });

  it('only the next step to undo can be skipped, and only by its own window', async () => {
    const s = await setUp();
    const [blocked, edit] = (await s.historyOf(A)).steps;
    for (const [actor, step] of [
      [A, edit],
      [B, blocked],
    ] as const) {
      const refused = await s.call(actor, 'undo', { skip: step.id });
      expect(refused.ok ? 'ok' : refused.error.code).toBe('no_step');
    }
    expect((await s.historyOf(A)).steps.map((x) => x.skipped)).toEqual([false, false]);
  });
});
