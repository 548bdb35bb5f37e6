// The names of the contract's methods, and nothing else: the preload's allow-list, kept tiny so
// the sandboxed preload bundles no schema code. contract.ts checks it matches, at compile time.
export const METHOD_NAMES = [
  'info', 'listRecords', 'getRecord', 'createRecord', 'addDemo', 'duplicateRecord', 'deleteRecord', 'updateCounty', 'editCells',
  'insertRows', 'deleteRows', 'moveRow', 'undo', 'redo', 'history', 'importWorkbooks', 'exportWorkbook', 'saveExport',
  'backupNow', 'waitForCommand', 'exportPdf', 'printDocument', 'setStatus', 'editPayments', 'deletePayments',
  'exportOverview', 'saveOverview', 'printOverview', 'exportTemplate', 'saveTemplate', 'getPreferences', 'setPreferences',
  // 四、绩效自评
  'editPerformance', 'editIndicators', 'insertIndicators', 'deleteIndicators', 'draftPerformance',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];
export const CHANNEL_PREFIX = 'yanshou:';
