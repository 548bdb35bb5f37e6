// The tests that run in-process over shared/ and the store, for mutation testing (npm run mutation).
// (The reliability tests run the CLI as another user and mount disks: not from Stryker's sandbox.)
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/unit/shared/**/*.test.ts',
      'test/unit/services/{store,edits,edits-words,edits-rules,undo,undo-words,fields,status,status-words,ledger,refusals,summaries,records-rules,integrity}.test.ts',
      'test/unit/services/excel/{export-print,roundtrip,facts,cells}.test.ts',
      'test/unit/renderer/{apply-edits,apply-payments,blocks,ledger-rows}.test.ts',
      'test/unit/fixtures/*.test.ts',
    ],
    globalSetup: [],
  },
});
