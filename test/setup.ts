import { afterAll, afterEach, vi } from 'vitest';
import { removeTempDirs } from './helpers/fixtures';
import { closeStores } from './helpers/backend';

afterEach(() => {
  // A test that fakes the clock gives it back, so that the next test, of this file or another, runs at the real time.
  vi.useRealTimers();
  closeStores();
});
afterAll(() => removeTempDirs());
