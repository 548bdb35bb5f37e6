// What the user does to records besides typing (renderer/src/recordActions.ts) against a fake server:
// nothing is sent while typed values cannot be written, every action's error is said and the screen
// brought up to date, an accepted county is refused before anything is asked, and a record with
// unsaved values is left only with a yes.
import { describe, expect, it, vi } from 'vitest';
import { RecordActions, type ActionsHost, type UnsavedHolder } from '../../../renderer/src/recordActions';
import { STRINGS } from '../../../renderer/src/strings';
import { ApiError } from '../../../shared/client';
import type { RecordSummary } from '../../../renderer/src/Sidebar';

const refusal = (text: string) => new ApiError({ code: 'invalid_value', message: text, messages: { zh: text, en: text } });

/** Actions on record 5 over a fake server that records each call; `over` replaces any part of the host. */
function actions(over: Partial<ActionsHost> = {}) {
  const calls: string[] = [];
  const said: string[] = [];
  const notices: (string | null)[] = [];
  const selected: number[] = [];
  const call =
    (name: string, answer: unknown = { ok: true }) =>
    async (input: unknown) => {
      calls.push(`${name} ${JSON.stringify(input)}`);
      if (answer instanceof Error) throw answer;
      return answer;
    };
  const api = {
    updateCounty: call('updateCounty'),
    insertRows: call('insertRows'),
    deleteRows: call('deleteRows'),
    moveRow: call('moveRow'),
    insertIndicators: call('insertIndicators'),
    deleteIndicators: call('deleteIndicators'),
    editCells: call('editCells'),
    editIndicators: call('editIndicators'),
    editPerformance: call('editPerformance'),
    draftPerformance: call('draftPerformance'),
    deletePayments: call('deletePayments'),
    deleteRecord: call('deleteRecord', { backup: '/data/backups/1.db' }),
  } as unknown as ActionsHost['api'];
  const refresh = vi.fn(async () => {});
  const host: ActionsHost = {
    api,
    selected: 5,
    setSelected: (id) => selected.push(id),
    settle: async () => true,
    pendingWrites: () => 0,
    refresh,
    say: (text) => said.push(text('zh')),
    confirm: async () => true,
    recordView: () => null,
    paymentId: (rowId) => (rowId > 0 ? rowId : undefined),
    seenOf: () => undefined,
    t: STRINGS.zh,
    notice: (text) => notices.push(text?.('zh') ?? null),
    countySaves: new Set(),
    ...over,
  };
  return { act: new RecordActions(host), calls, said, notices, selected, refresh };
}

const county = (status: RecordSummary['status']['status']) =>
  ({ id: 9, county: '樟树市', batch: 8, status: { status, by: '王芳', at: '2024-03-01T08:00:00Z' } }) as unknown as RecordSummary;

describe('an action on the open record', () => {
  it('sends nothing while typed values cannot be written, and says how many wait', async () => {
    const a = actions({ settle: async () => false, pendingWrites: () => 2 });
    expect(await a.act.paste('items', [{ rowId: 1, field: 'name', value: '仓储' }], [])).toBe(false);
    expect(a.calls).toEqual([]);
    expect(a.said).toEqual(['还有 2 处修改等待保存(连接中断,正在重试),请稍后再试']);
  });

  it('goes to the table it was asked on: a paste of 四、绩效自评 edits indicators, one of 表二 edits cells; the screen is reloaded after', async () => {
    const a = actions();
    expect(await a.act.paste('indicators', [{ rowId: 3, field: 'target', value: '≥90%' }], [])).toBe(true);
    expect(await a.act.paste('items', [], [{ name: '物流' }])).toBe(true);
    expect(a.calls).toEqual([
      'editIndicators {"recordId":5,"edits":[{"rowId":3,"field":"target","value":"≥90%"}],"append":[]}',
      'editCells {"recordId":5,"table":"items","edits":[],"append":[{"name":"物流"}]}',
    ]);
    expect(a.refresh).toHaveBeenCalledTimes(2);
  });

  it('refused: says why, still reloads, and a field gets the reason to show beside it', async () => {
    const a = actions();
    const refused = actions({
      api: { ...({} as ActionsHost['api']), updateCounty: async () => Promise.reject(refusal('验收日期 不是日期')) } as ActionsHost['api'],
    });
    expect((await refused.act.saveCounty('acceptedOn', '明天'))?.('zh')).toBe('验收日期 不是日期');
    expect(refused.said).toEqual(['验收日期 不是日期']);
    expect(refused.refresh).toHaveBeenCalledTimes(1);
    expect(await a.act.saveCounty('acceptedOn', '2024-03-01')).toBeNull();
  });

  it('with no record open, sends nothing', async () => {
    const a = actions({ selected: null });
    expect(await a.act.rowsOp('items', { kind: 'insert', index: 0, count: 1 })).toBe(false);
    expect(await a.act.savePerformance('funds.budget', '10')).toBeNull();
    expect(a.calls).toEqual([]);
  });

  it('row operations: a move of indicators is not one (nothing sent); table 三 rows go to their table', async () => {
    const a = actions();
    expect(await a.act.rowsOp('indicators', { kind: 'move', rowId: 1, toIndex: 0 })).toBe(false);
    expect(await a.act.rowsOp('disbursements', { kind: 'move', rowId: 4, toIndex: 0 })).toBe(true);
    expect(await a.act.rowsOp('indicators', { kind: 'delete', rowIds: [7] })).toBe(true);
    expect(a.calls).toEqual([
      'moveRow {"recordId":5,"table":"disbursements","rowId":4,"toIndex":0}',
      'deleteIndicators {"recordId":5,"rowIds":[7]}',
    ]);
  });

  it('a move or an insert of rows of 二 or 三 sends the position the screen read the record at (seen), as a delete does', async () => {
    const a = actions({ seenOf: (id) => (id === 5 ? 41 : undefined) });
    expect(await a.act.rowsOp('disbursements', { kind: 'move', rowId: 4, toIndex: 0 })).toBe(true);
    expect(await a.act.rowsOp('items', { kind: 'insert', index: 2, count: 1 })).toBe(true);
    expect(a.calls).toEqual([
      'moveRow {"recordId":5,"table":"disbursements","rowId":4,"toIndex":0,"seen":41}',
      'insertRows {"recordId":5,"table":"items","index":2,"count":1,"seen":41}',
    ]);
  });

  it('payments deleted in the ledger: by their store ids; one typed here and not yet stored is not sent, none at all sends nothing', async () => {
    const a = actions();
    expect(await a.act.deletePayments([11, -2, 12])).toBe(true);
    expect(await a.act.deletePayments([-3])).toBe(true);
    expect(a.calls).toEqual(['deletePayments {"recordId":5,"paymentIds":[11,12]}']);
  });
});

describe('deleting a record', () => {
  it('an accepted county: refused at once in the store’s words, in the sidebar too, before any question', async () => {
    const confirm = vi.fn(async () => true);
    const a = actions({ confirm });
    await a.act.deleteRecord(county('accepted'));
    const why = '樟树市 第8批 已验收(王芳,2024-03-01),不能修改。如需修改,请先“解除验收”并写明理由。';
    expect(a.notices).toEqual([why]);
    expect(a.said).toEqual([why]);
    expect(confirm).not.toHaveBeenCalled();
    expect(a.calls).toEqual([]);
  });

  it('asked first; a yes deletes it and names the backup, a no sends nothing', async () => {
    const no = actions({ confirm: async () => false });
    await no.act.deleteRecord(county('draft'));
    expect(no.calls).toEqual([]);
    const yes = actions();
    await yes.act.deleteRecord(county('draft'));
    expect(yes.calls).toEqual(['deleteRecord {"id":9}']);
    expect(yes.said).toEqual(['已删除(备份:/data/backups/1.db)']);
  });
});

describe('opening another record', () => {
  const holder = (unsaved: string[]): UnsavedHolder & { discarded: number } => {
    const h = { discarded: 0, unsaved: () => unsaved, discard: () => void h.discarded++ };
    return h;
  };

  it('with values not stored: a no stays on the record and keeps them; a yes drops them and opens the other', async () => {
    const kept = holder(['表三 第2行']);
    const stay = actions({ recordView: () => kept, confirm: async () => false });
    await stay.act.open(6);
    expect(stay.selected).toEqual([]);
    expect(kept.discarded).toBe(0);
    const questions: string[] = [];
    const go = actions({ recordView: () => kept, confirm: async (text) => (questions.push(text), true) });
    await go.act.open(6);
    expect(questions).toEqual(['以下内容还没有保存:表三 第2行。放弃这些内容吗?']);
    expect(kept.discarded).toBe(1);
    expect(go.selected).toEqual([6]);
  });

  it('waits for a basic fact being saved before it looks at what is unsaved', async () => {
    let finish = () => {};
    const countySaves = new Set<Promise<unknown>>([new Promise<void>((resolve) => (finish = resolve))]);
    const a = actions({ countySaves, recordView: () => holder([]) });
    const opening = a.act.open(6);
    await new Promise((resolve) => setTimeout(resolve, 0)); // every promise that could settle has

    expect(a.selected).toEqual([]);
    finish();
    await opening;
    expect(a.selected).toEqual([6]);
  });
});
