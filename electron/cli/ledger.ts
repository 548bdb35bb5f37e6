// yanshou ledger [add]: the payments of a county's disbursement lines.
import { readRecord } from '../services/store/records';
import { editPayments } from '../services/store/payments';
import { cliActor } from '../services/store/changelog';
import { EXIT, UsageError } from './output';
import { selectRecord } from './records';
import type { CommandContext } from './main';

export function ledgerCommand(ctx: CommandContext): number {
  const { io, values, positionals } = ctx;
  const zh = io.lang === 'zh';
  const [action] = positionals;
  if (action !== undefined && action !== 'add') throw new UsageError(zh ? `ledger 之后只能是 add:${action}` : `ledger takes only add: ${action}`);
  const db = ctx.open();
  const id = selectRecord(db, ctx);
  if (action === 'add') {
    editPayments(db, cliActor(), id, [], [
      {
        line: (values.line as string | undefined) ?? null,
        date: (values.date as string | undefined) ?? null,
        amount: (values.amount as string | undefined) ?? null,
        ...(values.payee !== undefined ? { payee: values.payee as string } : {}),
        ...(values.voucher !== undefined ? { voucher: values.voucher as string } : {}),
        ...(values.stage !== undefined ? { stage: values.stage as string } : {}),
        ...(values.note !== undefined ? { note: values.note as string } : {}),
      },
    ]);
  }
  const payments = readRecord(db, id).record.payments ?? [];
  if (values.json || action === 'add') {
    if (values.json) io.out(JSON.stringify({ payments }, null, 2));
    else io.out(zh ? `已记入拨付台账(共 ${payments.length} 笔)` : `Added to the ledger (${payments.length} payments)`);
    return EXIT.ok;
  }
  if (payments.length === 0) io.out(zh ? '拨付台账里还没有拨付' : 'The ledger has no payments yet');
  for (const p of payments) io.out([p.line, p.date, p.amount, p.payee, p.voucher, p.stage, p.note].join('  '));
  return EXIT.ok;
}
