// A rotating log file in the user-data folder: main.log, then main.1.log … main.4.log.
import fs from 'node:fs';
import path from 'node:path';

const MAX_BYTES = 1024 * 1024;
const KEEP = 5;

export type Logger = { info: (msg: string) => void; error: (msg: string, e?: unknown) => void; folder: string };

export function createLogger(folder: string): Logger {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'main.log');
  const write = (level: string, msg: string) => {
    try {
      if (fs.existsSync(file) && fs.statSync(file).size > MAX_BYTES) {
        for (let i = KEEP - 1; i >= 1; i--) {
          const from = i === 1 ? file : path.join(folder, `main.${i - 1}.log`);
          if (fs.existsSync(from)) fs.renameSync(from, path.join(folder, `main.${i}.log`));
        }
      }
      fs.appendFileSync(file, `${new Date().toISOString()} ${level} ${msg}\n`);
    } catch {
      // Logging must never take the app down.
    }
  };
  return {
    folder,
    info: (msg) => write('INFO', msg),
    error: (msg, e) => write('ERROR', `${msg}${e instanceof Error ? `: ${e.stack ?? e.message}` : e ? `: ${String(e)}` : ''}`),
  };
}
