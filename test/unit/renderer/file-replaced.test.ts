// The data file replaced under the app (renderer/src/fileReplaced.ts): whichever call is refused with
// file_replaced, the app hears the path and the copy of what it held (to offer reopening), and the call still
// fails as before; other refusals are not taken for it.
import { describe, expect, it } from 'vitest';
import { ApiError, type Transport } from '../../../shared/client';
import { replacedOf, watchReplaced, type Replaced } from '../../../renderer/src/fileReplaced';

const refusedWith =
  (wire: ApiError['wire']): Transport =>
  () =>
    Promise.reject(new ApiError(wire));

describe('a refusal because the data file was replaced', () => {
  const wire = {
    code: 'file_replaced',
    message: '数据文件 /d/sw.sqlite 已被另一个程序替换或移走',
    messages: { zh: '数据文件 /d/sw.sqlite 已被另一个程序替换或移走', en: 'The data file /d/sw.sqlite was replaced' },
    details: { place: { file: '/d/sw.sqlite' }, keptAs: '/d/sw.sqlite.replaced-2026-12-07T20-00-00-000Z.sqlite' },
  };

  it('is heard with the path and the copy, whichever call met it, and the call still fails', async () => {
    const heard: Replaced[] = [];
    const transport = watchReplaced(refusedWith(wire), (r) => heard.push(r));
    await expect(transport('editCells', {})).rejects.toBeInstanceOf(ApiError);
    await expect(transport('setStatus', {})).rejects.toBeInstanceOf(ApiError);
    expect(heard).toHaveLength(2);
    expect(heard[0]).toEqual({
      file: '/d/sw.sqlite',
      keptAs: '/d/sw.sqlite.replaced-2026-12-07T20-00-00-000Z.sqlite',
      messages: wire.messages,
    });
  });

  it('another refusal, or an answer, is not taken for it', async () => {
    const heard: Replaced[] = [];
    await expect(
      watchReplaced(refusedWith({ code: 'locked', message: '已验收' }), (r) => heard.push(r))('editCells', {}),
    ).rejects.toThrow();
    expect(
      await watchReplaced(
        () => Promise.resolve({ ok: true }),
        (r) => heard.push(r),
      )('editCells', {}),
    ).toEqual({ ok: true });
    expect(heard).toEqual([]);
    expect(replacedOf(new Error('file_replaced'))).toBeNull();
  });
});
