// Review status with sign-off: 草稿 → 已提交 → 已审核 → 已验收. An accepted record is locked.
import type { Lang } from './i18n';
import { today } from './ledger';

export const STATUSES = ['draft', 'submitted', 'reviewed', 'accepted'] as const;
export type ReviewStatus = (typeof STATUSES)[number];

/**
 * The status of a record, who set it and when (the record's sign-off): `at` the moment (UTC), `day` the day
 * the person saw on their calendar then — the day an acceptance is of, shown wherever the status's day is.
 */
export type StatusInfo = { status: ReviewStatus; by: string | null; at: string | null; day: string | null; remark: string | null };

const LABELS: Record<ReviewStatus, [string, string]> = {
  draft: ['草稿', 'draft'],
  submitted: ['已提交', 'submitted'],
  reviewed: ['已审核', 'reviewed'],
  accepted: ['已验收', 'accepted'],
};

export const statusLabel = (status: ReviewStatus, lang: Lang): string => LABELS[status][lang === 'zh' ? 0 : 1];

/** Replacing a record by import returns it to 草稿: what the preview says of a sign-off it clears (审核状态 已审核(王科长) 将退回草稿). */
export function statusResetWords(status: ReviewStatus, by: string | null, lang: Lang): string {
  return lang === 'zh'
    ? `审核状态 ${statusLabel(status, 'zh')}${by ? `(${by})` : ''} 将退回草稿`
    : `review status ${statusLabel(status, 'en')}${by ? ` (${by})` : ''} goes back to draft`;
}

/** "2026-11-29T08:30:00Z" → "2026-11-29". */
export const dayOf = (at: string | null): string => (at ? at.slice(0, 10) : '');

/**
 * The calendar day of a moment on the clock of the machine that shows it (the person's, or the office's
 * server): an edit at 07:30 Beijing time (23:30 UTC the day before) is of the day it was made.
 */
export const localDayOf = (at: string | null): string => (at ? today(new Date(at)) : '');

/**
 * The day a status was set as its person saw it (2026-12-07 for an acceptance at 01:00 Beijing time, whose
 * `at` is 2026-12-06T17:00Z); a status without a stored day (none set yet), the UTC day of its time.
 */
export const statusDay = (s: Pick<StatusInfo, 'at' | 'day'>): string => s.day ?? dayOf(s.at);

/**
 * Why an accepted record refuses a change, naming the status and who accepted it (and when):
 * the store's refusal and the app's own message at the place the user acted say the same words.
 */
export function lockedMessages(county: string, batch: number, by: string | null, at: string | null): { zh: string; en: string } {
  const who = [by, at ? dayOf(at) : null].filter(Boolean).join(',');
  const whoEn = [by, at ? dayOf(at) : null].filter(Boolean).join(', ');
  return {
    zh: `${county} 第${batch}批 已验收${who ? `(${who})` : ''},不能修改。如需修改,请先“解除验收”并写明理由。`,
    en: `${county}, batch ${batch}, is accepted${whoEn ? ` (${whoEn})` : ''} and cannot be changed. To change it, unlock it first, giving a reason.`,
  };
}
