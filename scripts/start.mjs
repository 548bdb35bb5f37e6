#!/usr/bin/env node
// npm start: the desktop app where Electron can run; otherwise one line saying why, and the same
// app in the browser (web mode) with the default database (a new one gets the demo record).
// What `npm ci` built is brought up to date first, so a changed source is never run stale.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const hasBinary = (dir) => {
  const pathFile = path.join(dir, 'path.txt');
  return fs.existsSync(pathFile) && fs.existsSync(path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8')));
};

/**
 * The Electron binary's path, or why there is none. Electron fetches its binary on first use;
 * that download runs here, quietly, so that offline it comes down to one line.
 */
function electronBinary() {
  if (process.env.YANSHOU_WEB) return { reason: 'YANSHOU_WEB' };
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'electron is not installed' };
  }
  if (!hasBinary(dir)) {
    console.log('正在下载 Electron… / Downloading Electron…');
    const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], { encoding: 'utf8' });
    if (r.status !== 0 || !hasBinary(dir)) return { reason: (r.stderr || r.stdout || '').trim().split('\n')[0] || 'download failed' };
  }
  return { binary: require('electron') };
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
