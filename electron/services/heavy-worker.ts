// The thread the long calls run on (heavy.ts): the same handlers over a read-only connection of its
// own to the same data file (WAL: reading here never waits for, nor stops, a write there), so the
// thread that asked keeps answering meanwhile. A PDF is rendered by this thread's own browser (web
// mode), or handed back as its document to the caller, which renders it (the desktop app's printToPDF).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { dispatch, type ApiContext, type DispatchResult } from './api';
import { BUSY_TIMEOUT_MS } from './store/busy';
import type { HeavyReply, HeavyRequest } from './heavy';

const { file, dbFile, version, pdf } = workerData as { file: string; dbFile: string; version: string; pdf: 'caller' | 'thread' };
const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
const post = (m: HeavyReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

/** A file's bytes that own their whole buffer are handed over, not copied (the thread keeps nothing of an answer). */
function handedOver(result: DispatchResult): ArrayBuffer[] {
  const bytes = result.ok ? (result.value as { bytes?: unknown } | null)?.bytes : undefined;
  return bytes instanceof Uint8Array && bytes.buffer instanceof ArrayBuffer && bytes.byteLength === bytes.buffer.byteLength
    ? [bytes.buffer]
    : [];
}

/** Documents handed to the caller to render, by number, waiting for their PDF. */
const rendering = new Map<number, { resolve: (pdf: Uint8Array<ArrayBuffer>) => void; reject: (e: Error) => void }>();
let next = 0;
const renderByCaller = (html: string) =>
  new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    const id = next++;
    rendering.set(id, { resolve, reject });
    post({ render: id, html });
  });
const renderHere = async (html: string) => (await import('./print/pdf')).renderPdf(html);
const ctx: ApiContext = { db, dbFile, version, renderPdf: pdf === 'caller' ? renderByCaller : renderHere };

parentPort!.on('message', async (m: HeavyRequest) => {
  if ('render' in m) {
    const waiting = rendering.get(m.render);
    rendering.delete(m.render);
    if (m.pdf) waiting?.resolve(new Uint8Array(m.pdf));
    else waiting?.reject(new Error(m.error ?? 'no PDF'));
    return;
  }
  const result = await dispatch(ctx, m.method, m.input, m.actor);
  post({ id: m.id, result }, handedOver(result));
});
