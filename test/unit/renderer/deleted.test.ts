// The 已删除的县 dialog's rules without a browser (renderer/src/deleted.ts): a deletion's line — who deleted it
// is the account, else the program it was done in; when, on this computer's clock — and who may restore.
import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../../renderer/src/strings';
import { deletionLine, localTime, restoreBlocked } from '../../../renderer/src/deleted';

const deletion = { step: 9, at: '2026-12-07T01:05:00.000Z', user: null, by: 'cli' as const };
const place = { province: '江西省', prefecture: '宜春市', county: '樟树市', batch: 8 };

describe('a deleted county as the dialog lists it', () => {
  it('names the county, where it stood, its batch, who deleted it and when', () => {
    expect(deletionLine({ ...deletion, place }, STRINGS.zh)).toEqual({
      county: '樟树市',
      place: '江西省 宜春市',
      batch: '第8批',
      who: '命令行',
      when: localTime(deletion.at),
    });
    expect(deletionLine({ ...deletion, user: '樟树填报员', by: 'web', place: { ...place, prefecture: null } }, STRINGS.en)).toMatchObject({
      place: '江西省',
      batch: 'batch 8',
      who: '樟树填报员',
    });
  });

  it('a time is this computer’s, to the minute', () => {
    const at = new Date(2026, 0, 2, 3, 4, 59).toISOString();
    expect(localTime(at)).toBe('2026-01-02 03:04');
  });

  it('the local owner and a county officer may restore; a reviewer of a workspace sees why not, in words', () => {
    expect(restoreBlocked(null, STRINGS.zh, 'zh')).toBeNull();
    expect(restoreBlocked({ name: 'zs', role: 'county', scope: '江西省/宜春市/樟树市' }, STRINGS.zh, 'zh')).toBeNull();
    expect(restoreBlocked({ name: 'jx', role: 'province', scope: '江西省' }, STRINGS.zh, 'zh')).toBe(
      '恢复是重新写入这个县的记录,只有该县的县级填报员可以操作;您是省级验收员,可以查看。',
    );
    expect(restoreBlocked({ name: 'yc', role: 'prefecture', scope: '江西省/宜春市' }, STRINGS.en, 'en')).toContain(
      'as a prefecture reviewer you can see the list',
    );
  });
});
