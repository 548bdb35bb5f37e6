// A change of a record's review status as a plain rule, with no React: the next status offered, and
// what the dialog sends (or why it sends nothing). StatusDialog in Dialogs.tsx asks;
// test/unit/renderer/status-change.test.ts tests this.
import type { Input } from '../../shared/contract';
import { STATUSES, type ReviewStatus, type StatusInfo } from '../../shared/status';
import type { Strings } from './strings';

/** The next status of the workflow (草稿 → 已提交 → 已审核 → 已验收); unlocking goes back to 已审核. */
export const nextStatus = (s: ReviewStatus): ReviewStatus => (s === 'accepted' ? 'reviewed' : STATUSES[STATUSES.indexOf(s) + 1]);

/** Leaving 已验收 needs a reason; any other change may carry a remark. */
export const needsReason = (from: ReviewStatus, to: ReviewStatus): boolean => from === 'accepted' && to !== 'accepted';

export type StatusAsked = {
  /** `version`: the record's version as this window shows it; the store refuses the change if the record changed since.
   * `seen`: the change log's position it was read at; a status someone else set since is refused, not overwritten. */
  record: { id: number; status: StatusInfo; version?: number; seen?: number };
  status: ReviewStatus;
  /** The name it is signed with, as typed (or as set once). */
  signer: string;
  remark: string;
};

/** What the dialog sends for what was asked, or why it sends nothing (no name; no reason to unlock: white space is none). */
export function statusRequest(asked: StatusAsked, t: Strings): { request: Input<'setStatus'> } | { error: string } {
  const by = asked.signer.trim();
  const remark = asked.remark.trim();
  if (!by) return { error: t.nameNeeded };
  const reason = needsReason(asked.record.status.status, asked.status);
  if (reason && !remark) return { error: t.reasonNeeded };
  return {
    request: {
      id: asked.record.id,
      status: asked.status,
      by,
      ...(asked.record.version !== undefined ? { version: asked.record.version } : {}),
      ...(asked.record.seen !== undefined ? { seen: asked.record.seen } : {}),
      ...(reason ? { reason: remark } : remark ? { remark } : {}),
    },
  };
}
