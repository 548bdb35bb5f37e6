// A call of each contract method at one stored record, for the tests that go through every method
// (status.test.ts: an accepted record is locked; policy.test.ts: every role's outcome). Typed by the
// contract: a method the contract gains fails to compile until it has a sample here, once.
import type { StoredRecord } from '../../electron/services/store/records';
import type { Input, Method } from '../../shared/contract';

export type CallOfEach = { [M in Method]: Input<M> };

/**
 * Each method called at `stored` (its rows, its first payment, or payment 1 when it has none) with
 * values a county officer may write, and `workbook` (an export of the record) to import again.
 */
export function aCallOfEach(stored: StoredRecord, workbook: Uint8Array<ArrayBuffer>): CallOfEach {
  const { id, itemIds, disbursementIds, paymentIds, record } = stored;
  return {
    info: {},
    listRecords: {},
    getRecord: { id },
    createRecord: { county: { ...record.county, batch: 10 } },
    addDemo: {},
    duplicateRecord: { id, batch: 9 },
    deleteRecord: { id },
    deletedRecords: {},
    restoreRecord: { step: 1 },
    updateCounty: { id, field: 'statusNote', value: '改了' },
    editCells: { recordId: id, table: 'disbursements', edits: [{ rowId: disbursementIds[1], field: 'actual', value: '1' }] },
    replaceText: { recordId: id, find: '电商', replace: '电子商务' },
    insertRows: { recordId: id, table: 'items', index: 0, count: 1 },
    deleteRows: { recordId: id, table: 'items', rowIds: [itemIds[0]] },
    moveRow: { recordId: id, table: 'items', rowId: itemIds[0], toIndex: 3 },
    undo: {},
    redo: {},
    history: {},
    importWorkbooks: { files: [{ name: 'again.xlsx', bytes: workbook }], onConflict: 'replace', dryRun: false, ledger: 'keep' },
    exportWorkbook: { ids: [id], script: 'hans' },
    saveExport: { ids: [id], script: 'hans' },
    exportPdf: { ids: [id], script: 'hans' },
    printDocument: { ids: [id], script: 'hans' },
    backupNow: {},
    reopenDataFile: {},
    waitForCommand: {},
    setStatus: { id, status: 'submitted', by: '某人' },
    editPayments: { recordId: id, edits: [], append: [{ line: 2, date: '2021-12-02', amount: '3' }] },
    deletePayments: { recordId: id, paymentIds: [paymentIds[0] ?? 1] },
    exportOverview: { ids: [id], format: 'xlsx' },
    saveOverview: { ids: [id], format: 'pdf' },
    printOverview: { ids: [id] },
    exportTemplate: { script: 'hans' },
    saveTemplate: { script: 'hant' },
    getPreferences: {},
    setPreferences: { rateLine: '85' },
    editPerformance: { recordId: id, edits: [{ field: 'funds.weight', value: '20' }] },
    editIndicators: { recordId: id, edits: [], append: [{ level1: '产出指标', name: '培训', target: '≥500人次' }] },
    insertIndicators: { recordId: id, index: 0, count: 1 },
    deleteIndicators: { recordId: id, rowIds: [1] },
    draftPerformance: { recordId: id },
    listUsers: {},
    addUser: { name: '乙', role: 'county', scope: '江西省/宜春市/樟树市', password: 'correct horse battery' },
    updateUser: { name: '甲', disabled: true },
    openWorkspace: { address: 'http://127.0.0.1:9/', name: '甲', password: 'x' },
    closeWorkspace: {},
  };
}
