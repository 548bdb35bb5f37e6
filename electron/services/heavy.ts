// The long calls — an export of many counties, a PDF, the overview's files — on a thread of their own
// (heavy-worker.ts), started with the first of them, so the thread that answers every other request
// (the web server's, the desktop app's main process) keeps answering while a file is made. The
// worker reads the data file over a connection of its own (WAL: it never waits for, nor stops, a
// write). A data file in memory has no second connection, and a workspace's worker would need one of
// its own: their calls stay where they are asked.
import { Worker } from 'node:worker_threads';
import type { Method } from '../../shared/contract';
import type { ApiContext, DispatchResult } from './api';
import type { Actor } from './store/changelog';
import type { SqliteDb } from './store/database';
import { isPostgres } from './store/postgres';

/** Calls that take long: an export of many counties, a PDF (each a browser), the overview's files. */
export const HEAVY_METHODS = ['exportWorkbook', 'exportPdf', 'exportOverview'] as const satisfies readonly Method[];
export type HeavyMethod = (typeof HEAVY_METHODS)[number];

/** From the thread to its caller: a call's answer, or (PDFs drawn where the caller is) a document to render. */
export type HeavyReply = { id: number; result: DispatchResult } | { render: number; html: string };
/** From the caller to the thread: a call, or a rendered document. */
export type HeavyRequest =
  { id: number; method: string; input: unknown; actor: Actor } | { render: number; pdf: Uint8Array | null; error?: string };

export type HeavyCalls = {
  takes: (method: string) => boolean;
  /** Runs one call on the thread; answers as dispatch does. */
  run: (ctx: ApiContext, method: string, input: unknown, actor: Actor) => Promise<DispatchResult>;
  /** Stops the thread (a new one starts with the next call, on the data file then open). */
  close: () => Promise<void>;
};

/** The worker's script: the built one beside this chunk, or the TypeScript source through tsx. */
function heavyScript(): { url: URL; execArgv: string[] } {
  return import.meta.url.endsWith('.ts')
    ? { url: new URL('./heavy-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] }
    : { url: new URL('./heavy-worker.mjs', import.meta.url), execArgv: [] };
}

const failed = (message: string): DispatchResult => ({
  ok: false,
  status: 500,
  error: {
    code: 'internal',
    message: `导出失败(${message})`,
    messages: { zh: `导出失败(${message})`, en: `The export failed (${message})` },
  },
});

/**
 * The long calls of `ctx` on their own thread. `pdf: 'caller'` (the desktop app): the thread makes a
 * PDF's document and hands it back to be rendered here, by ctx.renderPdf (Electron's printToPDF runs
 * only in the main process); `'thread'` (web mode): the thread renders it with its own browser.
 */
export function heavyCalls(ctx: ApiContext, pdf: 'caller' | 'thread'): HeavyCalls {
  let worker: Worker | undefined;
  let next = 0;
  const waiting = new Map<number, (r: DispatchResult) => void>();
  const failAll = (e: unknown) => {
    for (const resolve of waiting.values()) resolve(failed(e instanceof Error ? e.message : String(e)));
    waiting.clear();
    worker = undefined;
  };
  const render = async (w: Worker, id: number, html: string) => {
    try {
      w.postMessage({ render: id, pdf: await ctx.renderPdf(html) } satisfies HeavyRequest);
    } catch (e) {
      w.postMessage({ render: id, pdf: null, error: e instanceof Error ? e.message : String(e) } satisfies HeavyRequest);
    }
  };
  const start = () => {
    const { url, execArgv } = heavyScript();
    const w = new Worker(url, { workerData: { file: ctx.db.name, dbFile: ctx.dbFile, version: ctx.version, pdf }, execArgv });
    w.on('message', (m: HeavyReply) => {
      if ('render' in m) return void render(w, m.render, m.html);
      waiting.get(m.id)?.(m.result);
      waiting.delete(m.id);
      if (waiting.size === 0) w.unref();
    });
    w.on('error', failAll);
    w.on('exit', (code) => failAll(new Error(`worker exited (${code})`)));
    return w;
  };
  return {
    takes: (method: string) =>
      (HEAVY_METHODS as readonly string[]).includes(method) &&
      !isPostgres(ctx.db) &&
      ctx.db.name !== ':memory:' &&
      !(ctx.db as SqliteDb).memory,
    run: (_ctx, method, input, actor) =>
      new Promise((resolve) => {
        worker ??= start();
        worker.ref();
        const id = next++;
        waiting.set(id, resolve);
        worker.postMessage({ id, method, input, actor } satisfies HeavyRequest);
      }),
    close: async () => {
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
