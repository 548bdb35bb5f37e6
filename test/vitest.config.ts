import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '..');

// Tests must not depend on their order: files and tests run shuffled, with a seed said aloud so a
// failure can be replayed (YANSHOU_TEST_SEED=… npm test).
const seed = Number(process.env.YANSHOU_TEST_SEED ?? Date.now() % 1_000_000);
console.log(`test order: shuffled with seed ${seed} (YANSHOU_TEST_SEED=${seed} to repeat)`);

export default defineConfig({
  root,
  // Electron's binary is not needed: the shell is tested against a fake electron module.
  resolve: { alias: { electron: path.resolve(root, 'test/fakes/electron.ts') } },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    sequence: { shuffle: { files: true, tests: true }, seed },
    // What the screen shows is waited for, not timed: a loaded machine (CI, two cores) may be slow.
    expect: { poll: { timeout: 15_000, interval: 50 } },
    setupFiles: ['test/setup.ts'],
    // Every workbook a test imports is read by exceljs too, and the two readers' grids compared
    // (electron/services/excel/reader-check.ts): a difference fails the test that read it.
    env: { YANSHOU_CHECK_READER: '1' },
    // The CLI and the web mode run from dist/, as users run them: rebuilt first when sources changed.
    globalSetup: ['test/global-setup.ts'],
    // A test that runs another program is tagged so: the mutation set leaves it out (that program runs code no mutant changes).
    tags: [{ name: 'another-program', description: 'runs LibreOffice, the built CLI or a second Node process' }],
  },
});
