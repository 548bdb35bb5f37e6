#!/usr/bin/env node
// npm start: the desktop app where Electron can run; otherwise one line saying why, and the same
// app in the browser (web mode) with the default database (a new one gets the demo record).
// What `npm ci` built is brought up to date first, so a changed source is never run stale.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Electron binary's path, or why there is none (the package throws when it was never downloaded). */
function electronBinary() {
  if (process.env.YANSHOU_WEB) return { reason: 'YANSHOU_WEB' };
  try {
    const binary = require('electron');
    return typeof binary === 'string' ? { binary } : { reason: 'no binary' };
  } catch (e) {
    return { reason: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const { binary, reason } = electronBinary();
if (binary) run(binary, [root, ...process.argv.slice(2)]);
else {
  console.log(`Electron 在此无法运行(${reason}),改为在浏览器中打开验收台。 / Electron cannot run here; starting the web mode instead.`);
  run(process.execPath, [path.join(root, 'electron/cli/bin.mjs'), 'web', ...process.argv.slice(2)]);
}
