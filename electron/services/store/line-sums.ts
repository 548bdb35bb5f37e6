// The rule of a line's payments, kept apart from the ledger's editing so that the change log and
// the reading of records (which the light commands load) need neither zod nor the field parsers.
import { appError } from '../../../shared/errors';
import { fenOfDecimal, formatWan, MAX_FEN } from '../../../shared/money';
import type { DB } from './database';

/**
 * A line's payments add up to its 实际拨付额度, a single amount: they may not pass the largest amount the
 * app accepts (or the app's own export of the record would not import again). Refused naming the line.
 */
export function assertLineSums(db: DB, recordId: number): void {
  const rows = db
    .prepare(
      'SELECT d.seq, p.amount_fen AS amount FROM payments p JOIN disbursements d ON d.id = p.disbursement_id WHERE p.record_id = ? ORDER BY d.seq',
    )
    .all(recordId) as { seq: number; amount: number }[];
  const sums = new Map<number, bigint>();
  for (const r of rows) sums.set(r.seq, (sums.get(r.seq) ?? 0n) + BigInt(r.amount));
  for (const [seq, sum] of sums) if (sum > MAX_FEN) throw lineSumTooLarge(seq, sum);
}

/** The same rule for a whole record's payments before they are stored (an import, a duplicate). */
export function assertInputLineSums(payments: readonly { line: number; amount: string }[]): void {
  const sums = new Map<number, bigint>();
  for (const p of payments) sums.set(p.line, (sums.get(p.line) ?? 0n) + (fenOfDecimal(p.amount) ?? 0n));
  for (const [seq, sum] of sums) if (sum > MAX_FEN) throw lineSumTooLarge(seq, sum);
}

const lineSumTooLarge = (seq: number, sum: bigint) =>
  appError(
    'too_large',
    `表三 序号 ${seq} 的拨付合计 ${formatWan(sum)} 万元 超过单个金额的上限 ${formatWan(MAX_FEN)} 万元(实际拨付额度写不下),未保存。`,
    `The payments of line No. ${seq} of table 3 would add up to ${formatWan(sum)} (10k yuan), past the largest amount ${formatWan(MAX_FEN)} (its 实际拨付额度 could not hold it); nothing was saved.`,
    { field: 'payment.amount' },
    { table: 'disbursements', seq },
  );
