// The client's transports classify failures alike over HTTP (web mode) and IPC (desktop): only a
// connection that fails is "offline"; a refusal carries its message; a server failure its code.
import { describe, expect, it } from 'vitest';
import { ApiError, OfflineError, ServerError, createClient } from '../../../shared/client';
import { httpTransport, ipcTransport, takeSessionSecret, type IpcResult } from '../../../renderer/src/transport';
import { encodeWire } from '../../../shared/wire';
import { failureOf } from '../../../renderer/src/editQueue';
import { message } from '../../../renderer/src/errors';

const refusal = {
  code: 'invalid_input',
  message: '第 1 行 计划安排额度:“abc”不是数字',
  messages: { zh: '第 1 行 计划安排额度:“abc”不是数字', en: 'row 1, planned: “abc” is not a number' },
};
const internal = {
  code: 'internal',
  message: '内部错误:disk I/O error',
  messages: { zh: '内部错误:disk I/O error', en: 'Internal error: disk I/O error' },
};

function overHttp(respond: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchStub = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond();
  }) as unknown as typeof fetch;
  return { client: createClient(httpTransport({ client: 'tab-1', fetch: fetchStub })), calls };
}

function overIpc(answer: () => Promise<IpcResult>) {
  return createClient(ipcTransport(() => answer()));
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

describe('HTTP transport', () => {
  it("sends a call's request id (a retry sends the same one), and none when the call has none", async () => {
    const { client, calls } = overHttp(() => new Response(encodeWire({ ok: true, appended: [] })));
    await client.editPayments({ recordId: 1, edits: [] }, { request: 'request-0001' });
    await client.editPayments({ recordId: 1, edits: [] });
    const headers = calls.map((c) => (c.init.headers as Record<string, string>)['x-yanshou-request']);
    expect(headers).toEqual(['request-0001', undefined]);
  });

  it('sends the day it is where the page runs with every call (figures as of "today" are the person’s, not the server’s)', async () => {
    const { client, calls } = overHttp(() => new Response(encodeWire([])));
    const before = new Date();
    await client.listRecords({});
    const after = new Date();
    const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect([day(before), day(after)]).toContain((calls[0].init.headers as Record<string, string>)['x-yanshou-day']);
  });

  it("(issue 21 #8) takes the session's secret out of the address for this tab, and sends it with every call", async () => {
    const kept = new Map<string, string>();
    const storage = {
      getItem: (k: string) => kept.get(k) ?? null,
      setItem: (k: string, v: string) => void kept.set(k, v),
    } as unknown as Storage;
    const address = { hash: '#s=Secret_0123456789-abcdef', pathname: '/', search: '' } as Location;
    const replaced: string[] = [];
    const history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => void replaced.push(url) } as unknown as History;
    expect(takeSessionSecret({ location: address, history, storage })).toBe('Secret_0123456789-abcdef');
    expect(replaced).toEqual(['/']); // gone from the address bar (and from what a bookmark or a copy would carry)
    // A reload (no fragment any more) keeps the tab's secret.
    expect(takeSessionSecret({ location: { hash: '', pathname: '/', search: '' } as Location, history, storage })).toBe(
      'Secret_0123456789-abcdef',
    );
    const calls: RequestInit[] = [];
    const fetchStub = (async (_url: string, init: RequestInit) => (
      calls.push(init),
      new Response(encodeWire({ backup: null }), { status: 200 })
    )) as unknown as typeof fetch;
    await createClient(httpTransport({ client: 'tab-1', secret: 'Secret_0123456789-abcdef', fetch: fetchStub })).backupNow({});
    expect(calls[0].headers).toMatchObject({ 'x-yanshou-session': 'Secret_0123456789-abcdef' });
  });

  it('sends the tab id (the session cookie goes by itself), and returns the decoded answer', async () => {
    const { client, calls } = overHttp(() => new Response(encodeWire({ backup: null }), { status: 200 }));
    expect(await client.backupNow({})).toEqual({ backup: null });
    expect(calls[0].url).toBe('/api/backupNow');
    expect(calls[0].init.headers).toMatchObject({ 'x-yanshou-client': 'tab-1' });
  });

  it('a connection that fails is offline (retried), nothing else is', async () => {
    const { client } = overHttp(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await failure(client.listRecords({}))).toBeInstanceOf(OfflineError);
  });

  it('a 4xx is a refusal carrying its message, not offline', async () => {
    const { client } = overHttp(() => new Response(encodeWire(refusal), { status: 422 }));
    const e = await failure(client.editCells({ recordId: 1, table: 'disbursements', edits: [] }));
    expect(e).toBeInstanceOf(ApiError);
    expect(e).not.toBeInstanceOf(ServerError);
    expect(e).not.toBeInstanceOf(OfflineError);
    expect((e as ApiError).wire).toEqual(refusal);
  });

  it('a 5xx is a server failure with its code, not offline', async () => {
    const { client } = overHttp(() => new Response(encodeWire(internal), { status: 500 }));
    const e = await failure(client.listRecords({}));
    expect(e).toBeInstanceOf(ServerError);
    expect((e as ServerError).wire.code).toBe('internal');
  });

  it('a 5xx without our JSON (a proxy page) is a server failure named by its status', async () => {
    const { client } = overHttp(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const e = await failure(client.listRecords({}));
    expect(e).toBeInstanceOf(ServerError);
    expect((e as ServerError).wire).toMatchObject({ code: 'http_502', messages: { zh: '服务器错误(HTTP 502)' } });
  });
});

describe('IPC transport (desktop)', () => {
  it('returns the value', async () => {
    expect(await overIpc(async () => ({ ok: true, value: [] })).listRecords({})).toEqual([]);
  });

  it('a refusal is an ApiError with its message', async () => {
    const e = await failure(overIpc(async () => ({ ok: false, error: refusal })).listRecords({}));
    expect(e).toBeInstanceOf(ApiError);
    expect(e).not.toBeInstanceOf(ServerError);
    expect((e as ApiError).wire).toEqual(refusal);
  });

  it('code internal is a server failure, exactly as a 5xx over HTTP', async () => {
    const e = await failure(overIpc(async () => ({ ok: false, error: internal })).listRecords({}));
    expect(e).toBeInstanceOf(ServerError);
    expect((e as ServerError).wire.code).toBe('internal');
  });

  it('an invoke that throws (main cannot answer) is a server failure, never offline', async () => {
    const e = await failure(overIpc(() => Promise.reject(new Error('No handler registered'))).listRecords({}));
    expect(e).toBeInstanceOf(ServerError);
    expect(e).not.toBeInstanceOf(OfflineError);
  });
});

describe('a workspace reconnecting to its database', () => {
  const reconnecting = {
    code: 'reconnecting',
    message: '正在重新连接工作区数据库…这次操作没有保存(terminating connection due to administrator command),请稍后重试。',
  };
  it('is retried as an unreachable server is (正在重新连接), over HTTP and IPC alike, never shown as a failure', async () => {
    const http = overHttp(() => new Response(encodeWire(reconnecting), { status: 503 }));
    const ipc = overIpc(async () => ({ ok: false, error: reconnecting }));
    for (const e of [await failure(http.client.listRecords({})), await failure(ipc.listRecords({}))]) {
      expect(e).toBeInstanceOf(OfflineError);
      expect(e).not.toBeInstanceOf(ServerError);
      expect((e as OfflineError).code).toBe('reconnecting');
      expect(failureOf(e)).toBe('offline');
      expect(message(e, 'zh')).toContain('正在重新连接');
    }
  });
});
