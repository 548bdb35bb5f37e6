// The tests that run in-process over shared/ and the store, for mutation testing (npm run mutation).
// (The reliability tests run the CLI as another user and mount disks: not from Stryker's sandbox;
// overview.test.ts and the CLI's tests need pdftotext and LibreOffice.) Tests tagged
// `another-program` are left out: LibreOffice, the built CLI (dist/, built from the sources before
// Stryker mutates them) and a second Node process (Stryker activates a mutant in the test's own
// process only) all run code no mutant changes, and each costs seconds for every mutant it covers;
// what they check in-process is checked by the in-process tests beside them (docs/mutation.md).
//
// Stryker runs a mutant's covering test files in one vitest run and stops at its first failing test.
// Its cost is the module loading of those files plus the tests up to the first failure, so here:
// one worker runs all of a run's files without reloading the modules they share (not isolated: the
// worker is still a new process for each mutant), and the files whose tests sweep every contract
// method or property-test whole records run last, so that a mutant a quick test kills stops before them.
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config';

// Seconds a covered mutant each (the wide run's dry run, 2026-12-07), quickest first; all others are quicker.
const SLOW = [
  'renderer/apply-edits',
  'renderer/apply-payments',
  'services/undo',
  'services/store',
  'services/incomplete',
  'services/status',
  'services/excel/export-print',
  'services/excel/roundtrip',
  'services/integrity',
  'services/fields',
  'services/policy',
];

class QuickFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => SLOW.findIndex((name) => f.moduleId.endsWith(`/test/unit/${name}.test.ts`));
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

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
    // A command-line option in vitest's types, read from the config file as well.
    ...({ tagsFilter: ['!another-program'] } as object),
    globalSetup: [],
    // The check of the workbook reader against exceljs (vitest.config.ts) tests the reader, which no mutant
    // changes (electron/services/excel/ is not mutated): here it would only read every imported workbook twice.
    env: { ...base.test?.env, YANSHOU_CHECK_READER: '' },
    setupFiles: [...(base.test?.setupFiles ?? []), 'test/mutation-setup.ts'],
    isolate: false,
    sequence: { ...base.test?.sequence, shuffle: { files: false, tests: true }, sequencer: QuickFirst },
  },
});
