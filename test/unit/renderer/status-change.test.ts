// A change of review status as the dialog sends it (renderer/src/statusChange.ts): the next status
// offered, a reason needed to leave 已验收 (white space is none), and what is trimmed and passed on.
import { describe, expect, it } from 'vitest';
import { nextStatus, statusRequest, type StatusAsked } from '../../../renderer/src/statusChange';
import { STRINGS } from '../../../renderer/src/strings';
import type { StatusInfo } from '../../../shared/status';

const t = STRINGS.zh;
const record = (status: StatusInfo['status'], version?: number): StatusAsked['record'] => ({
  id: 4,
  status: { status, by: '王芳', at: '2024-03-01T08:00:00Z', remark: null } as StatusInfo,
  ...(version !== undefined ? { version } : {}),
});

describe('the review status', () => {
  it('offers the next step of 草稿 → 已提交 → 已审核 → 已验收; unlocking an accepted record goes back to 已审核', () => {
    expect(nextStatus('draft')).toBe('submitted');
    expect(nextStatus('submitted')).toBe('reviewed');
    expect(nextStatus('reviewed')).toBe('accepted');
    expect(nextStatus('accepted')).toBe('reviewed');
  });

  it('leaving 已验收 needs a reason: spaces are none, nothing is sent', () => {
    expect(statusRequest({ record: record('accepted'), status: 'reviewed', signer: '李强', remark: '  \t ' }, t)).toEqual({
      error: '解除验收须写明理由',
    });
  });

  it('unlocking sends the reason trimmed, signed by the name trimmed, with the version the window shows', () => {
    expect(statusRequest({ record: record('accepted', 12), status: 'reviewed', signer: ' 李强 ', remark: ' 金额录错 ' }, t)).toEqual({
      request: { id: 4, status: 'reviewed', by: '李强', version: 12, reason: '金额录错' },
    });
  });

  it('another change carries a remark only when one is written; no name, nothing is sent', () => {
    expect(statusRequest({ record: record('draft'), status: 'submitted', signer: '李强', remark: '  ' }, t)).toEqual({
      request: { id: 4, status: 'submitted', by: '李强' },
    });
    expect(statusRequest({ record: record('draft'), status: 'submitted', signer: '李强', remark: ' 已核 ' }, t)).toEqual({
      request: { id: 4, status: 'submitted', by: '李强', remark: '已核' },
    });
    expect(statusRequest({ record: record('draft'), status: 'submitted', signer: '  ', remark: '' }, t)).toEqual({
      error: '请填写您的姓名:谁更改了状态会记录在案',
    });
  });
});
