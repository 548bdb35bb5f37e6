// Setting a record's review status: one undoable step that records who, when and a remark. Leaving
// 已验收 (unlocking) needs a reason; while accepted, the record is locked (changelog.ts).
import { appError } from '../../../shared/errors';
import { STATUSES, statusLabel, type ReviewStatus, type StatusInfo } from '../../../shared/status';
import { mutate, STATUS_ACTION, type Actor } from './changelog';
import type { DB } from './database';

type StatusRow = { county_name: string; batch: number; status: ReviewStatus; status_by: string | null; status_at: string | null; status_remark: string | null };

export function readStatus(db: DB, recordId: number): StatusInfo {
  const r = db.prepare('SELECT county_name, batch, status, status_by, status_at, status_remark FROM records WHERE id = ?').get(recordId) as StatusRow | undefined;
  if (!r) throw appError('no_record', `记录 #${recordId} 不存在`, `Record #${recordId} does not exist`);
  return { status: r.status, by: r.status_by, at: r.status_at, remark: r.status_remark };
}

export function setStatus(db: DB, actor: Actor, recordId: number, change: { status: ReviewStatus; by: string; remark?: string; reason?: string }): StatusInfo {
  if (!STATUSES.includes(change.status)) throw appError('invalid_input', `没有这个状态:${change.status}`, `No such status: ${change.status}`);
  const by = change.by.trim();
  if (!by) throw appError('who_needed', '请先在“设置”中填写您的姓名(谁改了状态会记录在案)', 'Set your name in the preferences first (who changed the status is recorded)', { field: 'by' });
  const current = readStatus(db, recordId);
  const reason = change.reason?.trim();
  if (current.status === 'accepted' && change.status !== 'accepted' && !reason)
    throw appError('reason_needed', '解除验收须写明理由', 'Unlocking an accepted record needs a reason', { field: 'reason' });
  const { county_name: county, batch } = db.prepare('SELECT county_name, batch FROM records WHERE id = ?').get(recordId) as { county_name: string; batch: number };
  const at = new Date().toISOString();
  const remark = reason ?? change.remark?.trim() ?? null;
  mutate(db, actor, { action: STATUS_ACTION, recordId, detail: { county, batch, status: change.status, by, ...(remark ? { remark } : {}) } }, (changes) =>
    changes.update('records', recordId, { status: change.status, status_by: by, status_at: at, status_remark: remark || null }),
  );
  return readStatus(db, recordId);
}

export { statusLabel };
