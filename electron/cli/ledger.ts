// yanshou ledger [add]: the payments of a county's disbursement lines.
import { call } from './call';
import { EXIT, UsageError } from './output';
import { selectRecord } from './records';
import type { CommandContext } from './main';

export async function ledgerCommand(ctx: CommandContext): Promise<number> {
  const { io, values, positionals } = ctx;
  const zh = io.lang === 'zh';
  const [action] = positionals;
  if (action !== undefined && action !== 'add')
    throw new UsageError(zh ? `ledger 之后只能是 add:${action}` : `ledger takes only add: ${action}`);
  const id = selectRecord(ctx.open(), ctx);
  if (action === 'add') {
    await call(ctx, 'editPayments', {
      recordId: id,
      edits: [],
      append: [
        {
          line: (values.line as string | undefined) ?? null,
          date: (values.date as string | undefined) ?? null,
          amount: (values.amount as string | undefined) ?? null,
          ...(values.payee !== undefined ? { payee: values.payee as string } : {}),
          ...(values.voucher !== undefined ? { voucher: values.voucher as string } : {}),
          ...(values.stage !== undefined ? { stage: values.stage as string } : {}),
          ...(values.note !== undefined ? { note: values.note as string } : {}),
        },
      ],
    });
  }
  const payments = (await call(ctx, 'getRecord', { id, asOf: undefined })).record.payments ?? [];
  if (values.json || action === 'add') {
    if (values.json) io.out(JSON.stringify({ payments }, null, 2));
    else io.out(zh ? `已记入拨付台账(共 ${payments.length} 笔)` : `Added to the ledger (${payments.length} payments)`);
    return EXIT.ok;
  }
  if (payments.length === 0) io.out(zh ? '拨付台账里还没有拨付' : 'The ledger has no payments yet');
  for (const p of payments) io.out([p.line, p.date, p.amount, p.payee, p.voucher, p.stage, p.note].join('  '));
  return EXIT.ok;
}
