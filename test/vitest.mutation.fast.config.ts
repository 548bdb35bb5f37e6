// The quick mutation run (npm run mutation:fast): the files that hold money, the record, the ledger,
// payments, field parsing, status and the store's writes, against the unit tests that run in
// milliseconds (no second process, no workbook, no browser). A mutant that survives here may still
// be killed by the full run (npm run mutation); one killed here is killed there too.
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/unit/shared/{money,money-edges,fields-entry,entry,checks,text,payment-fields,status-ledger,record-input,record-figures,performance,performance-overview,overview-charts,overview-document,performance-fields}.test.ts',
      'test/unit/services/{edits,edits-words,edits-rules,edit-conflict,insert-path,replace,records-rules,summaries,undo,undo-words,undo-replace,fields,status,status-words,ledger,refusals,performance-store}.test.ts',
      'test/unit/renderer/{apply-edits,apply-payments,ledger-rows}.test.ts',
      'test/unit/print/print-document.test.ts',
    ],
    // Tests that run another program (tagged in the test): that program runs no mutant.
    ...({ tagsFilter: ['!another-program'] } as object),
    globalSetup: [],
  },
});
