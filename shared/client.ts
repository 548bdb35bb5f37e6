// The client side of the contract: one typed client over any transport, and the error that
// crosses a transport. Only types come from contract.ts, so the renderer never loads zod for it.
import type { Method, Input, Output } from './contract';
import { METHOD_NAMES } from './methods';

/** An error as it crosses a transport. */
export type WireError = { code: string; message: string; messages?: { zh: string; en: string }; details?: unknown };

/**
 * How a call is sent. `request`: the call's id — a write sent again because its answer never came (the
 * connection dropped) carries the same one, and the store answers it as before instead of applying it twice.
 */
export type CallOptions = { request?: string };
/** The HTTP header that carries a call's request id (electron/web/server.ts tabActor reads it). */
export const REQUEST_HEADER = 'x-yanshou-request';
/** The HTTP header that carries the person's own day (YYYY-MM-DD, the browser's): figures default to it, not the server's. */
export const DAY_HEADER = 'x-yanshou-day';
/** The one typed client the renderer uses, over any transport. */
export type Client = { [M in Method]: (input: Input<M>, options?: CallOptions) => Promise<Output<M>> };
export type Transport = (method: Method, input: unknown, options?: CallOptions) => Promise<unknown>;

/** Refused by the server for a reason it names (a 4xx): shown as the message it carries. */
export class ApiError extends Error {
  constructor(readonly wire: WireError) {
    super(wire.message);
  }
}

/** The server failed (HTTP 5xx, or code `internal` over IPC): shown once with its code; a value
 * being written is kept as a draft rather than retried forever. */
export class ServerError extends ApiError {}

/**
 * The server could not be reached at all (the connection failed), or it is reconnecting to its
 * workspace database (code `reconnecting`: nothing was written): the only errors worth retrying.
 */
export class OfflineError extends Error {
  constructor(
    message: string,
    readonly code: 'offline' | 'reconnecting' = 'offline',
  ) {
    super(message);
  }
}

/** The error a wire error becomes: a workspace reconnecting is retried as an unreachable server is. */
export const retryable = (wire: WireError): OfflineError | null =>
  wire.code === 'reconnecting' ? new OfflineError(wire.message, 'reconnecting') : null;

export function createClient(transport: Transport): Client {
  const client = {} as Record<Method, (input: unknown, options?: CallOptions) => Promise<unknown>>;
  for (const method of METHOD_NAMES) client[method] = (input, options) => transport(method, input, options);
  return client as unknown as Client;
}
