// The tests that run in-process over shared/ and the store, for mutation testing (npm run mutation).
// (The reliability tests run the CLI as another user and mount disks: not from Stryker's sandbox;
// overview.test.ts and the CLI's tests need pdftotext and LibreOffice.) A few of these run the built
// CLI from dist/, which Stryker copies into its sandbox: a checkout needs `npm run build` first
// (npm ci does it).
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/unit/shared/**/*.test.ts',
      'test/unit/services/{store,accounts-store,backups,busy,data-file,store-target,preferences,edits,edits-words,edits-rules,edit-conflict,insert-path,replace,undo,undo-words,undo-replace,fields,status,status-words,ledger,refusals,summaries,records-rules,integrity,incomplete,performance-store,policy,retry,list-current,fill-steps}.test.ts',
      'test/unit/services/excel/{export-print,roundtrip,facts,cells}.test.ts',
      'test/unit/renderer/*.test.ts',
      'test/unit/print/{ledger-appendix,print-document}.test.ts',
      'test/unit/find-text.test.ts',
      'test/unit/fixtures/*.test.ts',
    ],
    // The renderer's state and words are plain modules over shared/ (no DOM); copying to LibreOffice needs LibreOffice.
    exclude: [...configDefaults.exclude, 'test/unit/renderer/copy-libreoffice.test.ts'],
    globalSetup: [],
  },
});
