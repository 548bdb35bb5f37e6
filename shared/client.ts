// The client side of the contract: one typed client over any transport, and the error that
// crosses a transport. Only types come from contract.ts, so the renderer never loads zod for it.
import type { Method, Input, Output } from './contract';
import { METHOD_NAMES } from './methods';

/** An error as it crosses a transport. */
export type WireError = { code: string; message: string; messages?: { zh: string; en: string }; details?: unknown };

/** The one typed client the renderer uses, over any transport. */
export type Client = { [M in Method]: (input: Input<M>) => Promise<Output<M>> };
export type Transport = (method: Method, input: unknown) => Promise<unknown>;

export class ApiError extends Error {
  constructor(readonly wire: WireError) {
    super(wire.message);
  }
}

export function createClient(transport: Transport): Client {
  const client = {} as Record<Method, (input: unknown) => Promise<unknown>>;
  for (const method of METHOD_NAMES) client[method] = (input) => transport(method, input);
  return client as unknown as Client;
}
