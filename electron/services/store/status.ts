// Setting a record's review status: one undoable step that records who, when and a remark. Leaving
// 已验收 (unlocking) needs a reason; while accepted, the record is locked (changelog.ts).
//
// What the change is decided on — the status as it is, the record's version — is read inside the
// write transaction (BEGIN IMMEDIATE) that writes it: another window's acceptance cannot slip in
// between the read and the write. The time recorded is taken there too, holding the write lock.
import { appError } from '../../../shared/errors';
import { stepLabel } from '../../../shared/steps';
import { STATUSES, statusDay, statusLabel, type ReviewStatus, type StatusInfo } from '../../../shared/status';
import { assertUnchangedSince, callerOf, mutate, personDay, STATUS_ACTION, stepInfo, whoMade, type Actor, type StepRow } from './changelog';
import { assertTransition } from '../policy';
import { saysSomething } from '../../../shared/text';
import type { DB } from './database';

type StatusRow = {
  county_name: string;
  batch: number;
  status: ReviewStatus;
  status_by: string | null;
  status_at: string | null;
  status_day: string | null;
  status_remark: string | null;
  version: number;
};

function readRow(db: DB, recordId: number): StatusRow {
  const r = db
    .prepare('SELECT county_name, batch, status, status_by, status_at, status_day, status_remark, version FROM records WHERE id = ?')
    .get(recordId) as StatusRow | undefined;
  if (!r) throw appError('no_record', `记录 #${recordId} 不存在`, `Record #${recordId} does not exist`);
  return r;
}

export function readStatus(db: DB, recordId: number): StatusInfo {
  const r = readRow(db, recordId);
  return { status: r.status, by: r.status_by, at: r.status_at, day: r.status_day, remark: r.status_remark };
}

/** The version of a record's figures: what a reviewer's window sends back with an acceptance. */
export const readVersion = (db: DB, recordId: number): number => readRow(db, recordId).version;

/** The record changed since the reviewer's window read it: refused, naming the latest change (who, when, what). */
function changedError(db: DB, recordId: number, county: string, batch: number) {
  const last = db
    .prepare(
      `SELECT s.id, s.label, s.record_id, s.at, s.undone, s.client_kind, s.detail, s.user_name FROM steps s
       WHERE s.label != ? AND EXISTS (SELECT 1 FROM changes c WHERE c.step_id = s.id AND c.record_id = ?) ORDER BY s.id DESC LIMIT 1`,
    )
    .get(STATUS_ACTION, recordId) as StepRow | undefined;
  const what = last ? { zh: stepLabel(stepInfo(db, last), 'zh'), en: stepLabel(stepInfo(db, last), 'en') } : null;
  const [whoZh, whoEn] = last ? whoMade(last) : ['', ''];
  const time = last ? new Date(last.at).toLocaleString('zh-CN', { hour12: false }) : '';
  const undone = last?.undone ? ['(已撤销)', ' (undone)'] : ['', ''];
  return appError(
    'record_changed',
    `${county} 第${batch}批 在您打开后已被修改${what ? `:${whoZh}在 ${time} ${what.zh}${undone[0]}` : ''}。状态未改。请查看最新的数字后再改。`,
    `${county} (batch ${batch}) changed after you opened it${what ? `: ${whoEn} at ${time}, ${what.en}${undone[1]}` : ''}. The status was not changed; look at the current figures and try again.`,
    {},
    last ? { by: last.client_kind, user: last.user_name, at: last.at, action: last.label } : {},
  );
}

export function setStatus(
  db: DB,
  actor: Actor,
  recordId: number,
  change: { status: ReviewStatus; by: string; remark?: string; reason?: string; version?: number; seen?: number },
): StatusInfo {
  if (!STATUSES.includes(change.status))
    throw appError('invalid_input', `没有这个状态:${change.status}`, `No such status: ${change.status}`);
  // A signed-in user signs with their own name, whatever the window sent.
  const caller = callerOf(actor);
  const by = caller.kind === 'user' ? caller.name : change.by.trim();
  if (!by)
    throw appError(
      'who_needed',
      '请先在“设置”中填写您的姓名(谁改了状态会记录在案)',
      'Set your name in the preferences first (who changed the status is recorded)',
      { field: 'by' },
    );
  // A reason of nothing but white space, invisible characters or punctuation (a zero-width space, 。) is no reason.
  const reason = change.reason === undefined ? undefined : saysSomething(change.reason) ? change.reason.trim() : '';
  const remark = reason ?? change.remark?.trim() ?? null;
  // Everything below runs holding the write lock: read, decide, write.
  return mutate(db, actor, { action: STATUS_ACTION, recordId, detail: {} }, (changes) => {
    const current = readRow(db, recordId);
    const { county_name: county, batch } = current;
    if (change.version !== undefined && change.version !== current.version) throw changedError(db, recordId, county, batch);
    // A status someone else set since the window read it: decided anew on what it is now, not on what was shown.
    assertUnchangedSince(db, actor, change.seen, [
      {
        table: 'records',
        rowId: recordId,
        column: 'status',
        label: { zh: `${county} 第${batch}批 的审核状态`, en: `The review status of ${county} (batch ${batch})` },
      },
    ]);
    assertTransition(caller, { county, batch }, current.status, change.status, remark);
    if (current.status === 'accepted' && change.status === 'accepted') {
      const day = statusDay({ at: current.status_at, day: current.status_day });
      throw appError(
        'already_accepted',
        `${county} 第${batch}批 已于 ${day} 由 ${current.status_by ?? ''} 验收,不能再次验收(原验收记录保留不变)。`,
        `${county} (batch ${batch}) was accepted by ${current.status_by ?? ''} on ${day}; it cannot be accepted again (the acceptance stays as it is).`,
        {},
        { status: current.status, by: current.status_by, at: current.status_at },
      );
    }
    if (current.status === 'accepted' && change.status !== 'accepted' && !reason)
      throw appError('reason_needed', '解除验收须写明理由', 'Unlocking an accepted record needs a reason', { field: 'reason' });
    changes.describe({ county, batch, status: change.status, by, ...(remark ? { remark } : {}) });
    const at = new Date().toISOString();
    // The day the person saw: an acceptance freezes the figures of that day (records.ts, frozenDay).
    const day = personDay(actor);
    changes.update('records', recordId, {
      status: change.status,
      status_by: by,
      status_at: at,
      status_day: day,
      status_remark: remark || null,
    });
    return { status: change.status, by, at, day, remark: remark || null };
  });
}

export { statusLabel };
