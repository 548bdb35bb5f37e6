// The CLI's one way in: every command that reads figures or writes goes through the contract's
// dispatch, as the app (IPC) and the browser (HTTP) do — the same validation, the same errors, the
// same lock checks — so one input has one answer whichever door it comes through.
import { appErrorOf, dispatch, type ApiContext } from '../services/api';
import { cliActor } from '../services/store/changelog';
import type { Input, Method, Output } from '../../shared/contract';
import type { CommandContext } from './main';
import pkg from '../../package.json' with { type: 'json' };

/** Runs one contract method on the command's data file; a refusal is thrown as the AppError it was. */
export async function call<M extends Method>(ctx: CommandContext, method: M, input: Input<M>): Promise<Output<M>> {
  const db = ctx.open();
  const api: ApiContext = {
    db,
    dbFile: db.name,
    version: pkg.version,
    renderPdf: async (html) => (await import('../services/print/pdf')).renderPdf(html),
    // An internal failure: one line, the stack only with YANSHOU_DEBUG (the CLI never prints a stack trace otherwise).
    log: (reference, e) =>
      ctx.io.err(
        `[${reference}] ${process.env.YANSHOU_DEBUG && e instanceof Error ? (e.stack ?? e.message) : e instanceof Error ? e.message : String(e)}`,
      ),
  };
  const result = await dispatch(api, method, input, cliActor());
  if (result.ok) return result.value as Output<M>;
  throw appErrorOf(result.error);
}
