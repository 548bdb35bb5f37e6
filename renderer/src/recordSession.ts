// The open record's view as plain rules, with no React: where a click on a finding goes, and which
// lines of table 三 are computed from the ledger (the refusal and the tooltip they carry, the
// payments that go with them when deleted). RecordView.tsx calls these;
// test/unit/renderer/record-session.test.ts tests them.
import type { Finding } from '../../shared/findings';
import type { CountyRecord } from '../../shared/record';
import { ledgerLineText } from '../../shared/ledger';
import type { Strings } from './strings';
import { saying, type Said } from './said';

/** Where a click on a finding goes: a payment in the ledger, a basic fact, or a cell of table 二 or 三. */
export type FindingPlace =
  | { kind: 'ledger'; paymentId: number; field?: string }
  | { kind: 'county'; field?: string }
  | { kind: 'grid'; table: 'items' | 'disbursements'; row: number; field: string };

export function findingPlace(f: Pick<Finding, 'target'>, paymentIds: readonly number[], record: CountyRecord): FindingPlace | null {
  const target = f.target;
  if (!target) return null;
  if (target.table === 'payments') return { kind: 'ledger', paymentId: paymentIds[target.row ?? 0], field: target.field };
  if (target.table === 'performance') return null;
  if (target.table === 'county') return { kind: 'county', field: target.field };
  // A total: the last line of table 三, the column it is about.
  if (target.table === 'totals')
    return {
      kind: 'grid',
      table: 'disbursements',
      row: Math.max(0, record.disbursements.length - 1),
      field: target.field === 'statedRate' ? 'statedRate' : (target.field ?? 'planned'),
    };
  return { kind: 'grid', table: target.table, row: target.row ?? 0, field: target.field ?? 'name' };
}

/** How many payments each line (by 序号) has. */
export function paymentsPerLine(record: CountyRecord): Map<number, number> {
  const count = new Map<number, number>();
  for (const p of record.payments ?? []) count.set(p.line, (count.get(p.line) ?? 0) + 1);
  return count;
}

/** A line with payments: its 实际拨付额度 is their sum, not typed — the refusal when something is typed there, and its tooltip. */
export function lineLock(
  record: CountyRecord,
  perLine: ReadonlyMap<number, number>,
  row: number,
  field: string,
  t: Strings,
): { message: Said; tip: string } | null {
  const n = field === 'actual' ? perLine.get(record.disbursements[row]?.seq ?? -1) : undefined;
  if (!n) return null;
  const message = saying((w, lang) => {
    const place = lang === 'zh' ? `第 ${row + 1} 行 ${w.columns.actual}` : `Row ${row + 1}, ${w.columns.actual}`;
    return `${place}: ${ledgerLineText(n, lang)}(${w.ledgerOpenHint})`;
  });
  return { message, tip: t.ledgerLineTip(n) };
}

/** What goes with these lines when they are deleted (their payments), for the question asked first; '' when nothing. */
export function paymentsWith(record: CountyRecord, perLine: ReadonlyMap<number, number>, rows: readonly number[], t: Strings): string {
  const n = rows.reduce((sum, row) => sum + (perLine.get(record.disbursements[row]?.seq ?? -1) ?? 0), 0);
  return n ? t.withPayments(n) : '';
}

/**
 * Runs `act` once `ready` says the view it needs is on screen (a view that loads as its own chunk,
 * or one just unhidden), trying each frame; gives up after `frames` frames (about two seconds).
 */
export function whenReady(
  ready: () => boolean,
  act: () => void,
  nextFrame: (f: () => void) => unknown = requestAnimationFrame,
  frames = 120,
) {
  let tried = 0;
  const attempt = () => {
    if (ready()) act();
    else if (tried++ < frames) nextFrame(attempt);
  };
  nextFrame(attempt);
}
