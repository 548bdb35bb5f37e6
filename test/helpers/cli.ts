// The built command line, run as a user runs it (electron/cli/bin.mjs, from dist/).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './fixtures';

const BIN = path.join(ROOT, 'electron/cli/bin.mjs');

export function yanshou(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, YANSHOU_LANG: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
