import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// The store's and the contract's tests again, each store a PostgreSQL workspace of a throw-away
// cluster (test/postgres-setup.ts, test/helpers/backend.ts): `npm run test:pg`.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/unit/services/*.test.ts', 'test/unit/services/excel/{import-store,corrections}.test.ts'],
    // Its own clusters, whichever backend the run is on.
    exclude: [...(base.test?.exclude ?? []), 'test/unit/services/postgres.test.ts'],
    env: { ...base.test?.env, YANSHOU_TEST_BACKEND: 'postgres' },
    globalSetup: ['test/global-setup.ts', 'test/postgres-setup.ts'],
  },
});
