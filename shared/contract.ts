// The API contract: every method the renderer may call, with its input and output schemas.
// Transports (IPC in Electron, HTTP in web mode) iterate this object; adding a method never
// changes them.
import { z } from 'zod';
import { SCHEMA_ID } from './record';
import {
  countySchema,
  itemSchema,
  moneySchema,
  percentSchema,
  categorySchema,
  totalMoneySchema,
  paymentSchema,
  seenSchema,
} from './schema';
import { COUNTY_FIELDS } from './fields';
import { FINDING_SEVERITY } from './findings';
import { METHOD_NAMES, type MethodName } from './methods';
import { STATUSES } from './status';
import { isDay, PAYMENT_FIELDS } from './ledger';
import { GROUPINGS } from './overview';
import { doubtSchema, sheetCorrectionSchema, sheetReadingSchema } from './doubts';
import { performanceSchema } from './performance-schema';
import { PERFORMANCE_METHODS, rawValue } from './performance-contract';
import { ROLES } from './accounts';
import { FILLS } from './steps';

/** A signed-in person as the app shows them (shared/accounts.ts UserInfo). */
const userInfoSchema = z.object({ name: z.string(), role: z.enum(ROLES), scope: z.string() });
/** What a user logs in with and the change log shows: no control characters. */
const userNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'no control characters' });
/** At least 10 characters (a pass phrase is better); at most 200. */
const passwordSchema = z.string().min(10, { message: 'at least 10 characters' }).max(200);

const id = z.number().int().positive();
/** The day figures are as of (a record with a ledger); default its 验收日期, else today. */
const asOf = z.string().refine(isDay, { message: 'asOf: a day, YYYY-MM-DD' }).optional();
const table = z.enum(['items', 'disbursements']);
const ok = z.object({ ok: z.literal(true) });
/** A step of the change log (one user action), as undo, redo and the history panel name it. */
const stepDetail = z.object({
  county: z.string().optional(),
  batch: z.number().int().optional(),
  table: z.enum(['county', 'items', 'disbursements', 'payments', 'performance']).optional(),
  row: z.number().int().optional(),
  field: z.string().optional(),
  rows: z.number().int().optional(),
  columns: z.number().int().optional(),
  files: z.array(z.string()).optional(),
  counties: z.array(z.string()).optional(),
  /** An import: the doubts a person confirmed before it wrote (county, code, file › sheet › cell). */
  confirmed: z.array(z.string()).optional(),
  status: z.enum(STATUSES).optional(),
  by: z.string().optional(),
  remark: z.string().optional(),
  replaced: z.object({ find: z.string(), with: z.string(), count: z.number().int() }).optional(),
});
const step = z.object({
  id,
  action: z.string(),
  detail: stepDetail,
  recordId: z.number().int().nullable(),
  at: z.string(),
  undone: z.boolean(),
  removesRecord: z.boolean(),
  /** The signed-in user who made it (a team workspace); null: the local owner. */
  user: z.string().nullable(),
  /** Skipped in this window's undo (others built on it: it cannot be undone); it stays in effect. */
  skipped: z.boolean(),
});
/** What an undo or redo did: the steps replayed, or those that would remove a record and need a yes first. */
const replayed = z.object({
  steps: z.array(step),
  needsConfirm: z.array(step),
  backup: z.string().nullable(),
  /** undo with `skip`: the step skipped. */
  skipped: step.optional(),
});
const replayInput = z.object({
  /** Yes to replaying steps that remove a whole record (a backup is taken first). */
  confirm: z.boolean().default(false),
  /** Replay every step of this window down to (undo) or up to (redo) this one, as one action. */
  through: id.optional(),
});

export const findingSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.enum(Object.keys(FINDING_SEVERITY) as [keyof typeof FINDING_SEVERITY, ...(keyof typeof FINDING_SEVERITY)[]]),
  params: z.record(z.string(), z.string()),
  target: z
    .object({
      table: z.enum(['county', 'items', 'disbursements', 'totals', 'payments', 'performance']),
      row: z.number().int().optional(),
      field: z.string().optional(),
    })
    .optional(),
  file: z.string().optional(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
});

export const countyRecordSchema = z.object({
  schema: z.literal(SCHEMA_ID),
  county: countySchema,
  items: z.array(itemSchema),
  disbursements: z.array(
    z.object({
      seq: z.number().int(),
      category: categorySchema,
      name: z.string(),
      planned: moneySchema.nullable(),
      actual: moneySchema.nullable(),
      rate: percentSchema.nullable(),
      statedRate: percentSchema.optional(),
    }),
  ),
  totals: z.object({
    planned: totalMoneySchema,
    actual: totalMoneySchema,
    rate: percentSchema.nullable(),
    statedRate: percentSchema.optional(),
  }),
  disbursementSummary: z.string(),
  asOf: z.string().optional(),
  payments: z.array(paymentSchema).optional(),
  performance: performanceSchema.optional(),
});

/** A record's review status and sign-off. */
const statusInfo = z.object({
  status: z.enum(STATUSES),
  by: z.string().nullable(),
  at: z.string().nullable(),
  /** The day the person who set it saw (their calendar): the day shown with the status. */
  day: z.string().nullable(),
  remark: z.string().nullable(),
});

const recordSummary = z.object({
  id,
  county: z.string(),
  province: z.string().nullable(),
  prefecture: z.string().nullable(),
  batch: z.number().int(),
  year: z.number().int(),
  planned: totalMoneySchema,
  actual: totalMoneySchema,
  rate: percentSchema.nullable(),
  warnings: z.number().int(),
  errors: z.number().int(),
  /** A basic fact is not given: the record is incomplete. */
  incomplete: z.boolean().optional(),
  /** Items and disbursement lines. */
  items: z.number().int(),
  disbursements: z.number().int(),
  status: statusInfo,
  /** When the record last changed (its latest step), ISO time; null if never since it was made. */
  updatedAt: z.string().nullable(),
  /** Σ计划 and Σ实际 of the lines of each category (the overview's chart by category). */
  categories: z.array(z.object({ category: categorySchema, planned: totalMoneySchema, actual: totalMoneySchema })),
  /** The day the figures are as of (a record with a ledger). */
  asOf: z.string().optional(),
  /** 四、绩效自评's 总分 and 等级, when the record keeps one. */
  performance: z.object({ total: z.string().nullable(), grade: z.enum(['优', '良', '中', '差']).nullable() }).optional(),
});

const pair = <T extends z.ZodType>(t: T) => z.tuple([t, t]);
/** What replacing a stored record changes: rows added and removed, amounts before → after. */
const recordChanges = z.object({
  items: z.object({ added: z.number().int(), removed: z.number().int() }),
  disbursements: z.object({ added: z.number().int(), removed: z.number().int() }),
  totals: z.object({ planned: pair(moneySchema), actual: pair(moneySchema), rate: pair(percentSchema.nullable()) }),
  lines: z.array(
    z.object({ name: z.string(), field: z.enum(['planned', 'actual']), before: moneySchema.nullable(), after: moneySchema.nullable() }),
  ),
  /** The place each states, when they state it differently (重庆市江北区 → 江北区). */
  place: z.object({ before: z.string(), after: z.string() }).optional(),
});

const importResult = z.object({
  ok: z.boolean(),
  committed: z.boolean(),
  backup: z.string().nullable(),
  records: z.array(
    z.object({
      county: z.string(),
      /** null when the workbook does not say (then the record is rejected). */
      batch: z.number().int().nullable(),
      items: z.number().int(),
      disbursements: z.number().int(),
      /** Payments of its ledger (拨付台账), 0 when it has none. */
      payments: z.number().int(),
      /** held: a doubt of its reading is not confirmed yet, nothing of it written (see docs/doubts.md). */
      action: z.enum(['created', 'replaced', 'skipped', 'conflict', 'rejected', 'held']),
      file: z.string(),
      sheet: z.string(),
      existingId: id.optional(),
      /** Σ计划安排额度, Σ实际拨付额度 (万元) and their rate; null when no record could be made. */
      planned: moneySchema.nullable(),
      actual: moneySchema.nullable(),
      rate: percentSchema.nullable(),
      /** The unit the amounts were written in: wan (万元), yuan (元, converted exactly), yi (亿元), mixed. */
      unit: z.enum(['wan', 'yuan', 'qian', 'yi', 'mixed']).nullable(),
      /** Cells not read (ignored_cell findings). */
      ignored: z.number().int(),
      changes: recordChanges.optional(),
      /** Replacing: its stored payments (拨付台账) and the file's, and what becomes of them. */
      ledger: z
        .object({ stored: z.number().int(), file: z.number().int(), result: z.enum(['kept', 'replaced', 'removed', 'unchanged']) })
        .optional(),
      /** Doubts of its reading not confirmed: while above 0 the record is held. */
      unconfirmed: z.number().int(),
      /** Replacing a record signed off (not 草稿): its status and who set it, which the import returns to 草稿. */
      statusReset: z.object({ status: z.enum(STATUSES), by: z.string().nullable() }).optional(),
    }),
  ),
  findings: z.array(findingSchema),
  /** Each doubt, its figures beside what the cells showed, and whether it was confirmed. */
  doubts: z.array(doubtSchema.extend({ confirmed: z.boolean() })),
  /** How each sheet's table 三 was read and the correction applied (the person's, or remembered for its layout). */
  readings: z.array(sheetReadingSchema),
  /** Files that could not be read, skipped and named (only with skipUnreadable). */
  skippedFiles: z.array(z.object({ file: z.string(), code: z.string(), messages: z.object({ zh: z.string(), en: z.string() }) })),
  /** The change log's position the plan read the store at: sent back (seen) with the commit of this preview. */
  seen: z.number().int().min(0),
  /** What the plan would write, as one key: sent back (reading) with the commit of this preview. */
  reading: z.string(),
});

const script = z.enum(['hans', 'hant']);
/** The overview's filters, as the reviewer set them (the printed overview says what it covers). */
const overviewFilters = z.object({
  province: z.string().max(100).optional(),
  batch: z.number().int().optional(),
  year: z.number().int().optional(),
  status: z.enum(STATUSES).optional(),
  warnings: z.boolean().optional(),
  below: z
    .string()
    .regex(/^\d{1,6}(\.\d{1,6})?$/, { message: 'below: a percent such as 80 or 79.5' })
    .optional(),
  search: z.string().max(100).optional(),
  /** 四、绩效自评: only records of this 等级. */
  grade: z.enum(['优', '良', '中', '差']).optional(),
});
/** The overview as shown: its counties in the order shown, grouped, in a script, as of a day. */
const overviewInput = z.object({
  ids: z.array(id).min(1).max(5000),
  grouping: z.enum(GROUPINGS).default('province'),
  script: script.default('hans'),
  filters: overviewFilters.default({}),
  asOf,
});
const file = z.object({ fileName: z.string(), bytes: z.instanceof(Uint8Array) });

export const commandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('import'), files: z.array(z.object({ name: z.string(), bytes: z.instanceof(Uint8Array) })) }),
  z.object({ kind: z.literal('export') }),
  z.object({ kind: z.literal('print') }),
  z.object({ kind: z.literal('template') }),
  z.object({ kind: z.literal('undo') }),
  z.object({ kind: z.literal('redo') }),
  z.object({ kind: z.literal('reload') }),
  z.object({ kind: z.literal('lang'), lang: z.enum(['zh', 'en']) }),
  z.object({ kind: z.literal('message'), messages: z.object({ zh: z.string(), en: z.string() }) }),
  z.object({ kind: z.literal('openWorkspace') }),
]);
export type Command = z.infer<typeof commandSchema>;

export const contract = {
  /** `user`: who is signed in (`yanshou serve`); null for the local owner (the desktop, `yanshou web`). */
  info: {
    input: z.object({}),
    output: z.object({ dbFile: z.string(), version: z.string(), mode: z.enum(['desktop', 'web']), user: userInfoSchema.nullable() }),
  },
  /** Every record's figures; `asOf`: as of that day (records with a ledger), for the overview. */
  listRecords: { input: z.object({ asOf }), output: z.array(recordSummary) },
  getRecord: {
    /** `asOf`: the figures as of that day (a record with a ledger; default its 验收日期, else today). */
    input: z.object({ id, asOf }),
    output: z.object({
      id,
      record: countyRecordSchema,
      itemIds: z.array(id),
      disbursementIds: z.array(id),
      paymentIds: z.array(id),
      /** 实际拨付额度 of each line as typed (a line with payments shows their sum instead; this once they are gone). */
      typedActuals: z.array(moneySchema.nullable()),
      /** The rows of 四、绩效自评's indicators. */
      indicatorIds: z.array(id),
      findings: z.array(findingSchema),
      status: statusInfo,
      /** The statuses the caller may set the record to now (the status dialog offers these and no other). */
      statusChoices: z.array(z.enum(STATUSES)),
      /** The version of the record's figures as read: sent back with a status change (an acceptance is of what was seen). */
      version: z.number().int().min(0),
      /** The change log's position when read: sent back with edits, so an edit over a cell someone else changed since is refused. */
      seen: z.number().int().min(0),
    }),
  },
  /** Payments of the ledger edited and added, as one undoable step (typing, paste). */
  editPayments: {
    input: z.object({
      recordId: id,
      edits: z.array(z.object({ paymentId: id, field: z.enum(PAYMENT_FIELDS), value: rawValue })).max(100_000),
      append: z
        .array(z.partialRecord(z.enum(PAYMENT_FIELDS), rawValue))
        .max(5000)
        .default([]),
      seen: seenSchema,
      /** The edits fill a block (Ctrl+D down, Ctrl+R right): the step is named so. */
      fill: z.enum(FILLS).optional(),
    }),
    output: z.object({ ok: z.literal(true), appended: z.array(id) }),
  },
  deletePayments: { input: z.object({ recordId: id, paymentIds: z.array(id).min(1).max(100_000), seen: seenSchema }), output: ok },
  /** Replaces a text in every text cell of a record (basic facts, both tables, the ledger) as one undoable step. */
  replaceText: {
    input: z.object({ recordId: id, find: z.string().min(1).max(200), replace: z.string().max(200) }),
    output: z.object({ count: z.number().int() }),
  },
  /**
   * Sets the review status, signed by `by`; leaving 已验收 needs a reason; 已验收 cannot be given twice. One undo step.
   * `version`: the record's version as the window showed it (getRecord); a record changed since is refused, naming the change.
   */
  setStatus: {
    input: z.object({
      id,
      status: z.enum(STATUSES),
      by: z.string().trim().min(1).max(100),
      remark: z.string().trim().max(1000).optional(),
      reason: z.string().trim().max(1000).optional(),
      version: z.number().int().min(0).optional(),
      seen: seenSchema,
    }),
    output: statusInfo,
  },
  createRecord: { input: z.object({ county: countySchema }), output: z.object({ id }) },
  /** Adds the demo record (the seed document, 樟树市 batch 8) unless it is there; its id. */
  addDemo: { input: z.object({}), output: z.object({ id, added: z.boolean() }) },
  duplicateRecord: { input: z.object({ id, batch: z.number().int().min(1).max(99) }), output: z.object({ id }) },
  deleteRecord: { input: z.object({ id }), output: z.object({ backup: z.string().nullable() }) },
  /** The counties deleted and not brought back (the caller's scope), newest first: any window allowed may bring one back. */
  deletedRecords: {
    input: z.object({}),
    output: z.array(
      z.object({
        step: id,
        at: z.string(),
        user: z.string().nullable(),
        by: z.enum(['desktop', 'web', 'cli']),
        place: z.object({
          province: z.string().nullable(),
          prefecture: z.string().nullable(),
          county: z.string(),
          batch: z.number().int(),
        }),
      }),
    ),
  },
  /** Brings a deleted county back as it was (record, ledger, 绩效自评), from the step that deleted it; its id. */
  restoreRecord: { input: z.object({ step: id }), output: z.object({ id }) },
  updateCounty: { input: z.object({ id, field: z.enum(COUNTY_FIELDS), value: rawValue, seen: seenSchema }), output: ok },
  /** Cell edits and appended rows of one table as one undoable step (typing, paste). */
  editCells: {
    input: z.object({
      recordId: id,
      table,
      edits: z.array(z.object({ rowId: id, field: z.string().max(40), value: rawValue })).max(100_000),
      append: z
        .array(z.record(z.string().max(40), rawValue))
        .max(5000)
        .default([]),
      /** The edits clear cells (Delete): the step is named so. */
      clear: z.boolean().default(false),
      seen: seenSchema,
      /** The edits fill a block (Ctrl+D down, Ctrl+R right): the step is named so. */
      fill: z.enum(FILLS).optional(),
    }),
    output: z.object({ ok: z.literal(true), appended: z.array(id) }),
  },
  insertRows: {
    /** `seen`: rows inserted "at row N" of the table as the window saw it; refused when its rows changed since. */
    input: z.object({ recordId: id, table, index: z.number().int().min(0), count: z.number().int().min(1).max(1000), seen: seenSchema }),
    output: z.object({ rowIds: z.array(id) }),
  },
  deleteRows: { input: z.object({ recordId: id, table, rowIds: z.array(id).min(1).max(100_000), seen: seenSchema }), output: ok },
  moveRow: { input: z.object({ recordId: id, table, rowId: id, toIndex: z.number().int().min(0), seen: seenSchema }), output: ok },
  /** Undo and redo act on the calling window's own steps (each window, tab or CLI run has its own). */
  /**
   * `skip`: the next step to undo, refused because others built on it, is skipped instead — it stays in effect and
   * in the history, marked, and the next undo takes the step below it.
   */
  undo: { input: replayInput.extend({ skip: id.optional() }), output: replayed },
  redo: { input: replayInput, output: replayed },
  history: { input: z.object({}), output: z.object({ undo: step.nullable(), redo: step.nullable(), steps: z.array(step) }) },
  importWorkbooks: {
    input: z.object({
      files: z
        .array(z.object({ name: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array) }))
        .min(1)
        .max(50),
      onConflict: z.enum(['fail', 'skip', 'replace']),
      dryRun: z.boolean(),
      /** The app: a file that cannot be read is skipped and named instead of failing the preview. */
      skipUnreadable: z.boolean().default(false),
      /** Doubts a person confirmed, by id as a preview gave them, or all (the CLI's --accept-warnings). */
      confirm: z.union([z.literal('all'), z.array(z.string().max(64)).max(10_000)]).default([]),
      /** Corrections of sheets' readings: columns of 计划/实际, a column's unit, rows to leave out or keep. */
      corrections: z.array(sheetCorrectionSchema).max(500).default([]),
      /** Replacing a record: its stored payments kept, replaced by the file's ledger, or removed (auto: the file's if it has one, else kept). */
      ledger: z.enum(['auto', 'keep', 'file', 'remove']).default('auto'),
      /** The preview's `seen`: a record someone changed after the preview is not replaced (record_changed). */
      seen: seenSchema,
      /** The preview's `reading`: a commit that would write another reading than the one shown writes nothing (reading_changed). */
      reading: z.string().max(64).optional(),
    }),
    output: importResult,
  },
  exportWorkbook: {
    input: z.object({ ids: z.array(id).min(1).max(5000), script: z.enum(['hans', 'hant']), asOf }),
    output: z.object({ fileName: z.string(), bytes: z.instanceof(Uint8Array) }),
  },
  /** Desktop: export into a file the user picks in the native save dialog (the path never comes from the renderer). */
  saveExport: {
    input: z.object({
      ids: z.array(id).min(1).max(5000),
      script: z.enum(['hans', 'hant']),
      format: z.enum(['xlsx', 'pdf']).default('xlsx'),
      signature: z.boolean().default(true),
      status: z.boolean().default(false),
      performance: z.boolean().default(false),
      ledger: z.boolean().default(false),
      asOf,
    }),
    output: z.object({ path: z.string().nullable() }),
  },
  /** The printable acceptance document as PDF (A4 landscape); `performance`: with 四、绩效自评 after table 三. */
  /** `status`: the document shows each record's review status and its acceptance date. */
  exportPdf: {
    input: z.object({
      ids: z.array(id).min(1).max(5000),
      script: z.enum(['hans', 'hant']),
      signature: z.boolean().default(true),
      status: z.boolean().default(false),
      performance: z.boolean().default(false),
      ledger: z.boolean().default(false),
      asOf,
    }),
    output: z.object({ fileName: z.string(), bytes: z.instanceof(Uint8Array) }),
  },
  /** Desktop: the system print dialog for the document. */
  printDocument: {
    input: z.object({
      ids: z.array(id).min(1).max(5000),
      script: z.enum(['hans', 'hant']),
      signature: z.boolean().default(true),
      status: z.boolean().default(false),
      performance: z.boolean().default(false),
      ledger: z.boolean().default(false),
      asOf,
    }),
    output: ok,
  },
  /** The overview as a workbook (one 汇总 sheet, subtotals as formulas) or a PDF (A4 landscape, charts and table). */
  exportOverview: { input: overviewInput.extend({ format: z.enum(['xlsx', 'pdf']) }), output: file },
  /** Desktop: the same, into a file the user picks in the native save dialog. */
  saveOverview: { input: overviewInput.extend({ format: z.enum(['xlsx', 'pdf']) }), output: z.object({ path: z.string().nullable() }) },
  /** Desktop: the system print dialog for the overview. */
  printOverview: { input: overviewInput, output: ok },
  /** The blank acceptance workbook for counties to fill in. */
  exportTemplate: { input: z.object({ script }), output: file },
  /** Desktop: the blank workbook into a file the user picks. */
  saveTemplate: { input: z.object({ script }), output: z.object({ path: z.string().nullable() }) },
  /** The preferences of the person using the data file: the name status changes are signed with. */
  /** `rateLine`: the province's line for 四、绩效自评's 执行率 (percent, default 90). */
  getPreferences: { input: z.object({}), output: z.object({ name: z.string().nullable(), rateLine: z.string() }) },
  setPreferences: {
    input: z.object({
      name: z.string().trim().min(1).max(100).optional(),
      rateLine: z
        .string()
        .regex(/^\d{1,3}(\.\d{1,2})?$/, { message: 'rateLine: a percent such as 90' })
        .optional(),
    }),
    output: z.object({ name: z.string().nullable(), rateLine: z.string() }),
  },
  ...PERFORMANCE_METHODS,
  backupNow: { input: z.object({}), output: z.object({ backup: z.string().nullable() }) },
  /**
   * After a write was refused because the data file was replaced under the app (file_replaced): opens the file
   * now at that path instead (what the app held stays as the `.replaced-…` copy). The local owner's only.
   */
  reopenDataFile: { input: z.object({}), output: ok },
  /** Accounts of a team workspace (an administrator's, or the local owner's: `yanshou user`). */
  listUsers: {
    input: z.object({}),
    output: z.array(userInfoSchema.extend({ disabled: z.boolean(), createdAt: z.string(), changedAt: z.string() })),
  },
  /** `scope`: 江西省[/宜春市[/樟树市]] — a county officer names its county, a prefecture reviewer its 市, a province its 省. */
  addUser: {
    input: z.object({ name: userNameSchema, role: z.enum(ROLES), scope: z.string().max(200).default(''), password: passwordSchema }),
    output: userInfoSchema,
  },
  /** Disables or enables an account, or sets its password; either ends the account's sessions. */
  updateUser: {
    input: z.object({ name: userNameSchema, disabled: z.boolean().optional(), password: passwordSchema.optional() }),
    output: userInfoSchema.extend({ disabled: z.boolean() }),
  },
  /**
   * Desktop: 文件 › 打开工作区… — logs in to a team workspace (`yanshou serve` at `address`); every call then goes
   * to it, as that user, until closeWorkspace (or 打开数据文件…) returns to the data file.
   */
  openWorkspace: {
    input: z.object({ address: z.string().trim().url().max(500), name: userNameSchema, password: z.string().min(1).max(200) }),
    output: z.object({ address: z.string(), user: userInfoSchema }),
  },
  closeWorkspace: { input: z.object({}), output: ok },
  /** Desktop: the next menu command for the renderer (long poll; null when none came). */
  waitForCommand: { input: z.object({}), output: z.object({ command: commandSchema.nullable() }) },
} as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodsMatch: Same<keyof typeof contract, MethodName> = true;
void methodsMatch;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;
export const METHODS: readonly Method[] = METHOD_NAMES;
