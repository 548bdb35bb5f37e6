import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  // Electron's binary is not needed: the shell is tested against a fake electron module.
  resolve: { alias: { electron: path.resolve(root, 'test/fakes/electron.ts') } },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    // What a test waits for (a preview read on a worker, a page drawn) may take seconds on a busy
    // two-core machine; expect.poll's 1 s default made such tests fail under load, not on behaviour.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['test/setup.ts'],
    // The CLI and the web mode run from dist/, as users run them: rebuilt first when sources changed.
    globalSetup: ['test/global-setup.ts'],
  },
});
