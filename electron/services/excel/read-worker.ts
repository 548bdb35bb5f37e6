// The import's reading, on its own thread: a workbook is parsed here, under a heap limit and a
// time limit, so a hostile or huge file can neither exhaust the app's memory nor freeze it.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { readWorkbook } from './import';
import type { WorkbookFile } from './read';
import { LIMITS } from './zip';

export type WorkerMessage =
  | { type: 'start'; index: number }
  | { type: 'read'; index: number; records: Awaited<ReturnType<typeof readWorkbook>> }
  | {
      type: 'refused';
      index: number;
      error: { code: string; messages: { zh: string; en: string }; place: AppError['place']; details?: unknown };
    };

const post = (m: WorkerMessage) => parentPort!.postMessage(m);

// The caps in force where the import was asked for.
Object.assign(LIMITS, workerData.limits);

for (const [index, file] of (workerData.files as WorkbookFile[]).entries()) {
  post({ type: 'start', index });
  try {
    post({ type: 'read', index, records: await readWorkbook(file, workerData.options ?? {}) });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    post({ type: 'refused', index, error: { code: e.code, messages: e.messages, place: e.place, details: e.details } });
  }
}
