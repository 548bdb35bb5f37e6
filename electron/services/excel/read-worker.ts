// The import's reading, on its own thread: a workbook is parsed here, under a heap limit and a
// time limit, so a hostile or huge file can neither exhaust the app's memory nor freeze it.
import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { AppError } from '../../../shared/errors';
import type { ReadRecord } from './assemble';
import type { WorkbookFile } from './read';

export type WorkerMessage =
  | { type: 'start'; index: number }
  | { type: 'read'; index: number; records: ReadRecord[] }
  | {
      type: 'refused';
      index: number;
      error: { code: string; messages: { zh: string; en: string }; place: AppError['place']; details?: unknown };
    };

// A worker does not share the CLI's compile cache (bin.mjs): it asks for its own before it loads the
// reading modules, so each import does not compile them again.
module.enableCompileCache?.();
const [{ readWorkbook }, { AppError: Refusal }, { LIMITS }] = await Promise.all([
  import('./read-book'),
  import('../../../shared/errors'),
  import('./zip'),
]);

const post = (m: WorkerMessage) => parentPort!.postMessage(m);

// The caps in force where the import was asked for.
Object.assign(LIMITS, workerData.limits);

for (const [index, file] of (workerData.files as WorkbookFile[]).entries()) {
  post({ type: 'start', index });
  try {
    post({ type: 'read', index, records: await readWorkbook(file, workerData.options ?? {}) });
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    post({ type: 'refused', index, error: { code: e.code, messages: e.messages, place: e.place, details: e.details } });
  }
}
