#!/usr/bin/env node
// Builds what the desktop app needs (npm start and npm run dist): the renderer (Vite), main and
// preload (esbuild), and better-sqlite3 compiled for Electron's ABI (scripts/native-electron.mjs).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await vite({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
// Main: every package stays external (better-sqlite3 above all: never bundled).
await esbuild({ ...common, entryPoints: ['electron/main/entry.ts'], outfile: 'dist/main/index.mjs', format: 'esm', packages: 'external' });
// Preload: sandboxed, so one self-contained CommonJS file with only electron external.
await esbuild({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/preload/index.cjs', format: 'cjs', external: ['electron'] });

const native = spawnSync(process.execPath, [path.join(root, 'scripts/native-electron.mjs')], { stdio: 'inherit' });
process.exit(native.status ?? 1);
