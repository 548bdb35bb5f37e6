// The CLI runs the build in dist/ and loads each heavy module only in the commands that use it:
// `yanshou --version` and `yanshou list` start in tens of milliseconds because they never load
// exceljs, playwright-core, jszip or the zod schemas.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, tempDir } from '../../helpers/fixtures';
import { bytesOf, typedSeedWorkbook } from '../../fixtures/workbooks';

const BIN = path.join(ROOT, 'electron/cli/bin.mjs');
const TRACE = path.join(ROOT, 'test/helpers/trace-modules.mjs');

function loadedBy(args: string[]): { code: number | null; stdout: string; modules: string[] } {
  const trace = path.join(tempDir(), 'modules.txt');
  const r = spawnSync(process.execPath, ['--import', TRACE, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, YANSHOU_TRACE_MODULES: trace, YANSHOU_LANG: '' },
  });
  return { code: r.status, stdout: r.stdout, modules: fs.readFileSync(trace, 'utf8').split('\n') };
}

const packagesIn = (modules: string[]) => new Set(modules.map((m) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m)?.[1]).filter(Boolean));
/** Built chunks that carry zod (its error class is in every zod build). */
const zodChunks = (modules: string[]) =>
  modules
    .filter((m) => m.startsWith('file:') && m.includes('/dist/node/'))
    .filter((m) => fs.readFileSync(fileURLToPath(m), 'utf8').includes('ZodError'));

describe('yanshou starts from the build, loading only what a command needs', () => {
  const db = path.join(tempDir(), 'startup.sqlite');

  it('runs the built CLI in dist/, not the TypeScript sources', () => {
    const { code, stdout, modules } = loadedBy(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    expect(modules.some((m) => m.endsWith('/dist/node/cli.mjs'))).toBe(true);
    expect(modules.filter((m) => m.endsWith('.ts'))).toEqual([]);
    expect([...packagesIn(modules)]).toEqual([]);
  });

  it('list loads better-sqlite3 and nothing heavy: no exceljs, playwright-core, jszip, opencc, zod', () => {
    expect(loadedBy(['demo', '--db', db]).code).toBe(0);
    const { code, stdout, modules } = loadedBy(['list', '--db', db]);
    expect(code).toBe(0);
    expect(stdout).toContain('樟树市');
    expect([...packagesIn(modules)]).toEqual(['better-sqlite3']);
    expect(zodChunks(modules)).toEqual([]);
  });

  it('import reads the workbook without exceljs (the import has its own reader) and loads the schemas it needs (through the contract)', async () => {
    const file = path.join(tempDir(), 'seed.xlsx');
    fs.writeFileSync(file, await bytesOf(typedSeedWorkbook({ script: 'hans' })));
    const { code, stdout, modules } = loadedBy(['import', file, '--db', path.join(tempDir(), 'i.sqlite'), '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toContain('樟树市');
    expect(packagesIn(modules).has('exceljs')).toBe(false);
    expect(zodChunks(modules).length).toBeGreaterThan(0);
  });
});
