// The ledger (拨付台账) of one county as a workbook states it: each payment's line found in table 三
// by 序号 and/or by name (folded: simplified or traditional, spacing ignored), refused naming its
// cell when it matches no line, matches several, or its 序号 and name point at different lines.
import { finding, type Finding } from '../../../shared/findings';
import { formatWan } from '../../../shared/money';
import { paidAsOf, type Payment } from '../../../shared/ledger';
import { parseDateText } from '../../../shared/fields';
import { fold } from '../../../shared/text';
import { fen, type DisbursementInput } from '../../../shared/record';
import type { Cell } from './cells';
import type { PaymentRead, TableRead } from './rows';

export type LedgerRead = {
  /** In the record's order (by line, then day), so a check's row index finds its cell. */
  payments: Payment[];
  /** Where each payment's fields stand. */
  places: { sheet: string; cells: Record<string, string> }[];
  findings: Finding[];
};

type Line = Pick<DisbursementInput, 'seq' | 'name'>;

/**
 * The line a payment belongs to, or why none. Where table 三 numbers its lines again from 1 in each
 * group (`grouped`), a 序号 alone names no line: the payment is found by its name.
 */
function lineOf(
  p: PaymentRead,
  lines: readonly Line[],
  grouped: boolean,
): { seq: number } | { why: 'none' | 'ambiguous' | 'disagree' | 'grouped'; other?: Line } {
  if (grouped) return p.name ? lineOf({ ...p, seq: undefined }, lines, false) : { why: 'grouped' };
  const byName = p.name ? lines.filter((d) => fold(d.name) === fold(p.name)) : [];
  const bySeq = p.seq !== undefined ? lines.find((d) => d.seq === p.seq) : undefined;
  if (p.name && p.seq !== undefined) {
    if (bySeq && byName.includes(bySeq)) return { seq: bySeq.seq };
    return bySeq ? { why: 'disagree', other: bySeq } : { why: 'none' };
  }
  if (p.name) return byName.length === 1 ? { seq: byName[0].seq } : { why: byName.length ? 'ambiguous' : 'none' };
  return bySeq ? { seq: bySeq.seq } : { why: 'none' };
}

export function readLedger(
  file: string,
  tables: { table: TableRead; sheet: string }[],
  lines: readonly Line[],
  grouped = false,
): LedgerRead {
  const rows: { payment: Payment; place: LedgerRead['places'][number] }[] = [];
  const findings: Finding[] = [];
  for (const { table, sheet } of tables) {
    const counting = countsPayments(table);
    if (counting) {
      findings.push({ ...finding('ledger_no_line', {}), file, sheet, cell: counting.address });
      continue;
    }
    table.payments.forEach((p, i) => {
      const cells = table.cells[i];
      const line = lineOf(p, lines, grouped);
      if ('why' in line) {
        const label = [p.seq !== undefined ? `序号 ${p.seq}` : '', p.name, p.date, `${p.amount} 万元`].filter(Boolean).join(' ');
        const params = { line: label, why: line.why, ...(line.other ? { seq: String(line.other.seq), other: line.other.name } : {}) };
        findings.push({ ...finding('ledger_line_unmatched', params), file, sheet, cell: cells.line });
        return;
      }
      const { seq: _s, name: _n, ...rest } = p;
      rows.push({ payment: { line: line.seq, ...rest }, place: { sheet, cells } });
    });
  }
  // The order computeRecord keeps (a stable sort by line, then day).
  rows.sort((a, b) => a.payment.line - b.payment.line || (a.payment.date < b.payment.date ? -1 : a.payment.date > b.payment.date ? 1 : 0));
  return { payments: rows.map((r) => r.payment), places: rows.map((r) => r.place), findings };
}

/** A 序号 header that says it is the line's (项目序号), not the payment's count. */
const LINE_SEQ = /项目序号|行号|项目编号|对应序号|拨付行/;

/**
 * The 序号 header of a ledger without the lines' names whose 序号 runs 1, 2, 3, … over its
 * payments: it may only count them, so which line each payment belongs to is unknown.
 */
function countsPayments(table: TableRead): Cell | undefined {
  const { columns, cells } = table.header;
  if (columns.name !== undefined || columns.seq === undefined) return undefined;
  const heads = cells.filter((c) => c.col === columns.seq);
  if (heads.some((c) => LINE_SEQ.test(fold(c.text)))) return undefined;
  const seqs = table.payments.map((p) => p.seq);
  if (seqs.length < 2 || seqs.some((s, i) => s !== i + 1)) return undefined;
  return heads[heads.length - 1] ?? table.header.nameCell;
}

/** The day a ledger's title runs to: "…拨付台账(截至2022年6月30日)". */
export function titleDay(cells: readonly Cell[]): string | undefined {
  for (const c of cells) {
    const m = /截[至止]到?(\d{4}[年\-./]\d{1,2}[月\-./]\d{1,2}日?)/.exec(fold(c.text));
    const day = m ? parseDateText(m[1]) : undefined;
    if (day?.length === 10) return day;
  }
  return undefined;
}

/**
 * Lines of table 三 whose 实际拨付额度 differs from their payments as of `asOf` (the day the sheet
 * states its figures for): after import the ledger decides, so the difference is told.
 */
export function ledgerMismatches(
  lines: readonly DisbursementInput[],
  payments: readonly Payment[],
  asOf: string,
): { line: DisbursementInput; index: number; sum: string }[] {
  const withPayments = new Set(payments.map((p) => p.line));
  const paid = paidAsOf(payments, asOf);
  const out: { line: DisbursementInput; index: number; sum: string }[] = [];
  lines.forEach((line, index) => {
    if (!withPayments.has(line.seq) || line.actual === null) return;
    const sum = paid.get(line.seq) ?? 0n;
    if (fen(line.actual) !== sum) out.push({ line, index, sum: formatWan(sum) });
  });
  return out;
}
