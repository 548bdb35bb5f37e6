// Runs the reading of workbooks on a worker thread with a heap limit and a time limit per file, and
// says in words, naming the file, when a workbook needed more than either.
import { Worker } from 'node:worker_threads';
import { AppError, appError } from '../../../shared/errors';
import type { ReadOptions } from './read-book';
import type { ReadRecord } from './assemble';
import type { WorkbookFile } from './read';
import type { WorkerMessage } from './read-worker';
import { LIMITS } from './zip';
import { pushAll } from '../../../shared/arrays';

/** The worker's script: the built one beside this chunk, or the TypeScript source through tsx. */
function workerScript(): { url: URL; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  return fromSource
    ? { url: new URL('./read-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] }
    : { url: new URL('./import-worker.mjs', import.meta.url), execArgv: [] };
}

/** What reading one file gave: its counties, or why it could not be read. */
export type FileRead = ReadRecord[] | AppError;

const tooSlow = (file: string) =>
  appError(
    'too_slow',
    `读取工作簿超过 ${LIMITS.seconds} 秒仍未完成,已停止(文件可能过大或已损坏)`,
    `Reading the workbook took more than ${LIMITS.seconds} seconds and was stopped (the file may be too large or damaged)`,
    { file },
  );

const outOfMemory = (file: string) =>
  appError(
    'out_of_memory',
    `读取这个工作簿需要的内存超过了 ${LIMITS.memoryMb} MB 的上限,已停止;未写入任何数据`,
    `Reading this workbook needed more than the ${LIMITS.memoryMb} MB memory budget and was stopped; nothing was written`,
    { file },
  );

/**
 * Every file's result, in order. A file that is refused, too slow or too big for the memory budget
 * gets its error and the files after it are still read (on a fresh worker when the old one died).
 */
export async function readWorkbooksIsolated(files: WorkbookFile[], options: ReadOptions = {}): Promise<FileRead[]> {
  const results: FileRead[] = [];
  while (results.length < files.length) pushAll(results, await readOnWorker(files.slice(results.length), options));
  return results;
}

/** Reads `files` on one worker until they are done or the worker dies on one of them. */
function readOnWorker(files: WorkbookFile[], options: ReadOptions): Promise<FileRead[]> {
  const { url, execArgv } = workerScript();
  const worker = new Worker(url, {
    workerData: { files, limits: LIMITS, options },
    execArgv,
    // A young generation of 16 MB: V8 would size it by the old generation's cap, and a reading's
    // short-lived cells need no more (a 300-county import peaks some 20 MiB lower for ~1% more time).
    resourceLimits: { maxOldGenerationSizeMb: LIMITS.memoryMb, maxYoungGenerationSizeMb: 16 },
  });
  const results: FileRead[] = [];
  let current = 0;
  let timer: NodeJS.Timeout | undefined;
  return new Promise((resolve, reject) => {
    const fail = (error: AppError) => {
      clearTimeout(timer);
      results[current] = error;
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      clearTimeout(timer);
      if (m.type === 'start') {
        current = m.index;
        timer = setTimeout(() => fail(tooSlow(files[current].name)), LIMITS.seconds * 1000);
      } else if (m.type === 'read') results[m.index] = m.records;
      else results[m.index] = new AppError(m.error.code, m.error.messages, m.error.place, m.error.details);
      // The last file read: its counties go on at once, while the worker's thread winds down.
      if (results.length === files.length) resolve(results);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') fail(outOfMemory(files[current].name));
      else {
        clearTimeout(timer);
        reject(e);
      }
    });
    worker.on('exit', (code) => {
      clearTimeout(timer);
      // A worker that stopped early without saying why would otherwise be restarted forever.
      if (results.length < files.length && !(results.at(-1) instanceof AppError))
        reject(new Error(`import worker exited (${code}) before reading ${files[results.length].name}`));
      else resolve(results);
    });
  });
}
