// npm run mutation:wide: every file of shared/ and the store, against the in-process tests
// (stryker.config.json's), incrementally: a run retests only the mutants of files and tests that
// changed since the last one, whose results it keeps in reports/stryker-incremental-wide.json.
// That file is a cache of this checkout, not committed (see README, "Mutation testing"). Its sandbox
// is a folder of its own, so that a fast run started meanwhile does not clean it away.
import base from './stryker.config.json' with { type: 'json' };

export default {
  ...base,
  mutate: ['shared/**/*.ts', '!shared/script-chars.ts', 'electron/services/store/**/*.ts'],
  htmlReporter: { fileName: 'reports/mutation-wide/index.html' },
  jsonReporter: { fileName: 'reports/mutation-wide/mutation.json' },
  incrementalFile: 'reports/stryker-incremental-wide.json',
  tempDirName: '.stryker-tmp-wide',
};
