#!/usr/bin/env node
// Builds everything the app runs into dist/ (npm's `prepare` runs it after `npm ci`):
//   dist/node/      the CLI, the Electron main process and the import worker: one esbuild build
//                   with shared chunks, so each command loads only what it uses
//   dist/preload/   the sandboxed preload: one self-contained CommonJS file
//   dist/renderer/  the React renderer (Vite), split so the first screen loads first
// `--if-stale` rebuilds only the parts whose sources are newer than their output (tests, npm start).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ifStale = process.argv.includes('--if-stale');
const at = (...p) => path.join(root, ...p);

/** Native, heavy or optional packages stay in node_modules, loaded when a command needs them. */
const EXTERNAL = ['better-sqlite3', '@node-rs/argon2', 'pg', 'exceljs', 'jszip', 'playwright-core', 'electron', 'vite'];

const parts = [
  {
    name: 'node',
    output: at('dist/node/cli.mjs'),
    sources: ['electron', 'shared', 'package.json'],
    build: async (esbuild) => {
      fs.rmSync(at('dist/node'), { recursive: true, force: true });
      await esbuild.build({
        absWorkingDir: root,
        entryPoints: {
          cli: 'electron/cli/main.ts',
          desktop: 'electron/main/entry.ts',
          'import-worker': 'electron/services/excel/read-worker.ts',
          'heavy-worker': 'electron/services/heavy-worker.ts',
          'postgres-worker': 'electron/services/store/postgres-worker.ts',
        },
        outdir: 'dist/node',
        outExtension: { '.js': '.mjs' },
        chunkNames: 'chunk-[hash]',
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'node',
        target: 'node22',
        sourcemap: true,
        external: EXTERNAL,
        logLevel: 'warning',
      });
    },
  },
  {
    name: 'preload',
    output: at('dist/preload/index.cjs'),
    sources: ['electron/preload', 'shared/methods.ts'],
    build: (esbuild) =>
      esbuild.build({
        absWorkingDir: root,
        entryPoints: ['electron/preload/index.ts'],
        outfile: 'dist/preload/index.cjs',
        bundle: true,
        format: 'cjs',
        platform: 'node',
        target: 'node22',
        sourcemap: true,
        external: ['electron'],
        logLevel: 'warning',
      }),
  },
  {
    name: 'renderer',
    output: at('dist/renderer/index.html'),
    sources: ['renderer', 'shared'],
    build: async () => {
      // What users run is the production build, whatever NODE_ENV the caller has (vitest sets "test",
      // which would otherwise give React's development build).
      process.env.NODE_ENV = 'production';
      const { build } = await import('vite');
      await build({ configFile: at('renderer/vite.config.ts'), mode: 'production', logLevel: 'warn' });
    },
  },
];

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newest(path.join(p, name))));
}

const isStale = (part) =>
  !fs.existsSync(part.output) || Math.max(...part.sources.map((s) => newest(at(s)))) > fs.statSync(part.output).mtimeMs;

const todo = ifStale ? parts.filter(isStale) : parts;
if (todo.length) {
  const esbuild = await import('esbuild');
  for (const part of todo) {
    const started = performance.now();
    await part.build(esbuild);
    // The output is newer than every source it was built from, even when the build wrote nothing new.
    const now = new Date();
    fs.utimesSync(part.output, now, now);
    console.log(`built ${part.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
}
