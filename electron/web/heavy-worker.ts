// The thread the web server runs its long calls on (a thousand-county export, a PDF): the same
// handlers over a read-only connection of its own to the same data file (WAL: reading here never
// waits for, nor stops, a write there), so the server's own thread keeps answering meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { dispatch, type ApiContext } from '../services/api';
import { renderPdf } from '../services/print/pdf';
import { BUSY_TIMEOUT_MS } from '../services/store/busy';
import type { Actor } from '../services/store/changelog';

export type HeavyCall = { id: number; method: string; input: unknown; actor: Actor };

const { file, dbFile, version } = workerData as { file: string; dbFile: string; version: string };
const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
const ctx: ApiContext = { db, dbFile, version, renderPdf };

parentPort!.on('message', async ({ id, method, input, actor }: HeavyCall) => {
  parentPort!.postMessage({ id, result: await dispatch(ctx, method, input, actor) });
});
