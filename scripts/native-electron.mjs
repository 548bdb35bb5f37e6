#!/usr/bin/env node
// better-sqlite3 for Electron, kept apart from npm's Node build (which tests, the CLI and the web
// mode use): a prebuilt binary for this Electron version is fetched with prebuild-install into a
// scratch copy of the package, and its .node file placed in dist/native/electron-<version>/.
// Electron's main passes that file as `nativeBinding` (electron/services/store/native.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const target = path.join(root, 'dist', 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
if (fs.existsSync(target)) process.exit(0);

const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yanshou-native-'));
fs.cpSync(source, scratch, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
const prebuild = path.join(path.dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
const r = spawnSync(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform], { cwd: scratch, stdio: 'inherit' });
const built = path.join(scratch, 'build', 'Release', 'better_sqlite3.node');
if (r.status !== 0 || !fs.existsSync(built)) {
  console.error(`无法获得适用于 Electron ${electronVersion} 的 better-sqlite3(需要联网)。 / Could not get better-sqlite3 for Electron ${electronVersion} (needs the internet).`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(built, target);
fs.rmSync(scratch, { recursive: true, force: true });
console.log(`better-sqlite3 for Electron ${electronVersion}: ${path.relative(root, target)}`);
