// npm run mutation:fast: the files of npm run mutation (stryker.config.json: money, the record, the
// ledger, payments, field parsing, status and the store's writes) against the fast unit tests
// (test/vitest.mutation.fast.config.ts), incrementally. A mutant killed here is killed by
// npm run mutation too, whose tests include these.
import base from './stryker.config.json' with { type: 'json' };

export default {
  ...base,
  vitest: { configFile: 'test/vitest.mutation.fast.config.ts' },
  htmlReporter: { fileName: 'reports/mutation-fast/index.html' },
  jsonReporter: { fileName: 'reports/mutation-fast/mutation.json' },
  incrementalFile: 'reports/stryker-incremental-fast.json',
};
