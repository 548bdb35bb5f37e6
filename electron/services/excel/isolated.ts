// Runs the reading of workbooks on a worker thread with a heap limit and a time limit, and says in
// words, naming the file, when a workbook needed more than either.
import { Worker } from 'node:worker_threads';
import { AppError, appError } from '../../../shared/errors';
import type { ReadRecord } from './import';
import type { WorkbookFile } from './read';
import type { WorkerMessage } from './read-worker';
import { LIMITS } from './zip';

/** The worker's script: the built one beside this chunk, or the TypeScript source through tsx. */
function workerScript(): { url: URL; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  return fromSource
    ? { url: new URL('./read-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] }
    : { url: new URL('./import-worker.mjs', import.meta.url), execArgv: [] };
}

/** Every county of every file, in order; the first file that cannot be read refuses the lot. */
export function readWorkbooksIsolated(files: WorkbookFile[]): Promise<ReadRecord[][]> {
  const { url, execArgv } = workerScript();
  const worker = new Worker(url, { workerData: { files, limits: LIMITS }, execArgv, resourceLimits: { maxOldGenerationSizeMb: LIMITS.memoryMb } });
  const results: ReadRecord[][] = [];
  let current = 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        appError(
          'too_slow',
          `读取工作簿超过 ${LIMITS.seconds} 秒仍未完成,已停止(文件可能过大或已损坏)`,
          `Reading the workbook took more than ${LIMITS.seconds} seconds and was stopped (the file may be too large or damaged)`,
          { file: files[current]?.name },
        ),
      );
    }, LIMITS.seconds * 1000);
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      fn();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'start') current = m.index;
      else if (m.type === 'read') results[m.index] = m.records;
      else finish(() => reject(new AppError(m.error.code, m.error.messages, m.error.place, m.error.details)));
    });
    worker.on('error', (e: Error & { code?: string }) =>
      finish(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? appError(
                'out_of_memory',
                `读取这个工作簿需要的内存超过了 ${LIMITS.memoryMb} MB 的上限,已停止;未写入任何数据`,
                `Reading this workbook needed more than the ${LIMITS.memoryMb} MB memory budget and was stopped; nothing was written`,
                { file: files[current]?.name },
              )
            : e,
        ),
      ),
    );
    worker.on('exit', () => finish(() => resolve(results)));
  });
}
