// The open record's edit session (renderer/src/editSession.ts) against a fake server: which reload
// may put a record on screen, what typing does to the queue and the save state, and the marks of a
// refused value.
import { describe, expect, it } from 'vitest';
import { EditSession, type SessionHost } from '../../../renderer/src/editSession';
import { ApiError, ServerError } from '../../../shared/client';
import type { CellEdit, Loaded } from '../../../renderer/src/editQueue';

const wire = (code: string, text: string) => ({ code, message: text, messages: { zh: text, en: text } });
/** A store's copy as far as the session looks at it: which record, and the change log's position it was read at. */
const loaded = (id: number, seen: number) => ({ id, seen, version: seen }) as unknown as Loaded;
const cell = (value: string, rowId = 7): CellEdit => ({ table: 'disbursements', rowId, field: 'actual', raw: value, value });

/** A session over a server whose getRecord answers only when the test says (answer(i, …)), and editCells as `writes` says. */
function session(writes: (Error | null)[] = []) {
  const asked: { id: number; resolve: (l: Loaded) => void; reject: (e: unknown) => void }[] = [];
  const written: string[] = [];
  const errors: string[] = [];
  const frames: (() => void)[] = [];
  const api = {
    getRecord: (input: { id: number }) => new Promise<Loaded>((resolve, reject) => asked.push({ id: input.id, resolve, reject })),
    editCells: async (input: { edits: { value: unknown }[] }) => {
      const answer = writes.shift();
      if (answer) throw answer;
      written.push(String(input.edits[0].value));
      return { ok: true };
    },
    editIndicators: async () => ({ ok: true }),
    editPayments: async () => ({ ok: true }),
  } as unknown as SessionHost['api'];
  const s = new EditSession({
    api,
    changed: () => {},
    onError: (text) => errors.push(text('zh')),
    onWritten: () => {},
    onStored: () => {},
    afterFrame: (write) => frames.push(write),
  });
  /** Runs every write waiting for its frame, and answers each reload asked for (with the record asked, read at `seen`). */
  const settleAll = async (seen: number) => {
    frames.splice(0).forEach((f) => f());
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      asked.splice(0).forEach((a) => a.resolve(loaded(a.id, seen)));
    }
  };
  return { s, asked, written, errors, frames, settleAll };
}

describe('which reload puts a record on screen', () => {
  it('reloads answering out of order: the one asked for last wins, the older answer is dropped', async () => {
    const { s, asked } = session();
    s.recordId = 1;
    const first = s.reload();
    const second = s.reload();
    asked[1].resolve(loaded(1, 20));
    await second;
    asked[0].resolve(loaded(1, 10));
    await first;
    expect(s.base?.seen).toBe(20);
  });

  it('an answer for a record no longer open is dropped; the one opened shows nothing of the last until its own comes', async () => {
    const { s, asked } = session();
    s.recordId = 1;
    let done = s.opened();
    asked[0].resolve(loaded(1, 10));
    await done;
    expect(s.base?.id).toBe(1);
    const late = s.reload();
    s.recordId = 2; // chosen in the sidebar; its own reload is asked once the screen has drawn
    asked[1].resolve(loaded(1, 12));
    await late;
    expect(s.base?.seen).toBe(10);
    done = s.opened();
    expect(s.base).toBeNull();
    asked[2].resolve(loaded(2, 13));
    await done;
    expect(s.base?.id).toBe(2);
  });

  it('a record deleted elsewhere leaves nothing on screen and says nothing; any other failure is said', async () => {
    const { s, asked, errors } = session();
    s.recordId = 1;
    let done = s.reload();
    asked[0].resolve(loaded(1, 10));
    await done;
    done = s.reload();
    asked[1].reject(new ApiError(wire('no_record', '没有这条记录')));
    await done;
    expect(s.base).toBeNull();
    expect(errors).toEqual([]);
    done = s.reload();
    asked[2].reject(new ServerError(wire('internal', '磁盘已满')));
    await done;
    expect(errors).toEqual(['磁盘已满 (internal)']);
  });
});

describe('typing', () => {
  it('is on screen at once (saving), written after the frame that shows it, and gone from the queue once the store’s copy holds it', async () => {
    const { s, written, frames, settleAll } = session();
    s.recordId = 1;
    s.edit([cell('90')]);
    expect(s.ops.map((o) => [o.recordId, o.status])).toEqual([[1, 'queued']]);
    expect(s.save).toBe('saving');
    expect(written).toEqual([]);
    expect(frames).toHaveLength(1);
    await settleAll(30);
    expect(written).toEqual(['90']);
    expect(s.ops).toEqual([]);
    expect(s.save).toBe('saved');
    expect(s.base?.seen).toBe(30);
  });

  it('with no record open, or nothing in it, queues nothing', () => {
    const { s, frames } = session();
    s.edit([cell('90')]);
    s.addPayments([], [cell('1')]);
    s.recordId = 1;
    s.addPayments([], []);
    s.edit([]);
    expect(s.ops).toEqual([]);
    expect(frames).toEqual([]);
  });

  it('a refused value marks its cell; typing into that cell again takes the mark away, another cell keeps its own', async () => {
    const refused = new ApiError(wire('invalid_value', '实际拨付额度 不是金额'));
    const { s, settleAll } = session([refused, refused]);
    s.recordId = 1;
    s.edit([cell('abc', 7)]);
    s.edit([cell('xyz', 8)]);
    await settleAll(30);
    expect([...s.refusals.keys()]).toEqual(['7:actual', '8:actual']);
    s.edit([cell('90', 7)]);
    expect([...s.refusals.keys()]).toEqual(['8:actual']);
  });

  it('放弃草稿: the drafts go and the state is saved again', async () => {
    const { s, settleAll } = session([new ServerError(wire('internal', '磁盘已满'))]);
    s.recordId = 1;
    s.edit([cell('90')]);
    await settleAll(30);
    expect(s.ops.map((o) => o.status)).toEqual(['draft']);
    expect(s.save).toBe('draft');
    s.discardDrafts();
    expect(s.ops).toEqual([]);
    expect(s.save).toBe('saved');
  });
});
