// Replace within a record: every text cell holding what was asked (basic facts, both tables, the
// ledger), as ONE undoable step of the change log, refused whole if the record is locked or a
// replaced text is one its cell cannot hold.
import { appError } from '../../../shared/errors';
import { checkField } from '../../../shared/field-schemas';
import { finding } from '../../../shared/findings';
import { findingMessage, fieldLabel } from '../../../shared/i18n';
import { findInRecord, replaceText, type Hit } from '../../../shared/find-text';
import { assertNotAccepted, mutate, type Actor } from './changelog';
import { COUNTY_COLUMNS, FIELD_COLUMNS } from './columns';
import { readRecord, type StoredRecord } from './records';
import type { DB } from './database';

const TABLES = { county: 'records', items: 'items', disbursements: 'disbursements', payments: 'payments' } as const;

function rowIdOf(stored: StoredRecord, recordId: number, hit: Hit): number {
  if (hit.table === 'county') return recordId;
  return { items: stored.itemIds, disbursements: stored.disbursementIds, payments: stored.paymentIds }[hit.table][hit.row];
}

function columnOf(hit: Hit): string {
  const mapping = (hit.table === 'county' ? COUNTY_COLUMNS : FIELD_COLUMNS[hit.table]) as Record<string, { column: string }>;
  return mapping[hit.field].column;
}

/** Refused: the replaced text is one this cell cannot hold (an empty 项目名称, a text too long). */
function assertHolds(hit: Hit, text: string): void {
  const check = checkField(hit.table, hit.field, text === '' && hit.table === 'county' ? null : text);
  if (check.ok) return;
  const label = (lang: 'zh' | 'en') => fieldLabel(hit.table === 'payments' ? `payment.${hit.field}` : hit.field, lang);
  const f = finding(check.code, { field: hit.field, value: text, ...(check.problem ? { problem: check.problem } : {}) });
  const where =
    hit.table === 'county'
      ? { zh: label('zh'), en: label('en') }
      : { zh: `第 ${hit.row + 1} 行 ${label('zh')}`, en: `row ${hit.row + 1}, ${label('en')}` };
  throw appError('invalid_input', `${where.zh}:${findingMessage(f, 'zh')}`, `${where.en}: ${findingMessage(f, 'en')}`, {
    field: hit.field,
  });
}

/** Replaces `find` by `replacement` in every text cell of the record; how many occurrences were replaced. */
export function replaceInRecord(db: DB, actor: Actor, recordId: number, find: string, replacement: string): { count: number } {
  return mutate(db, actor, { action: 'replace', recordId }, (changes) => {
    // An accepted record refuses a replace even where nothing would change.
    assertNotAccepted(db, recordId);
    const now = readRecord(db, recordId, { asOf: undefined });
    const county = now.record.county.name;
    let count = 0;
    for (const hit of findInRecord(now.record, find)) {
      const next = replaceText(hit.text, find, replacement);
      assertHolds(hit, next.text);
      const value = next.text === '' && hit.table === 'county' ? null : next.text;
      changes.update(TABLES[hit.table], rowIdOf(now, recordId, hit), { [columnOf(hit)]: value });
      count += next.count;
    }
    changes.describe({ county, replaced: { find, with: replacement, count } });
    return { count };
  });
}
