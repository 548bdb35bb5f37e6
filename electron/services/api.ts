// The handlers of the contract, over one database, and the one dispatch every transport uses:
// validate the input with zod, run, and turn any failure into {code, message, details}.
import path from 'node:path';
import type { z } from 'zod';
import type { Lang } from '../../shared/i18n';
import { contract, type Command, type Method, type Output } from '../../shared/contract';
import type { WireError } from '../../shared/client';
import { appError } from '../../shared/errors';
import { AppError, type ErrorPlace } from '../../shared/errors';
import { checkRecord } from '../../shared/checks';
import { editAction } from '../../shared/steps';
import { toInput, type CountyRecord } from '../../shared/record';
import { printHtml } from '../../shared/print';
import { WORDING } from '../../shared/document';
import type { Script } from '../../shared/text';
import {
  callerOf,
  deletedRecords,
  logPosition,
  mutate,
  personDay,
  replay,
  restoreDeleted,
  skipUndo,
  history,
  type Actor,
} from './store/changelog';
import { authorize, statusChoices, visible } from './policy';
import { formatScope, type Caller, type Place, type UserInfo } from '../../shared/accounts';
import { addUser, updateUser, usersOf } from './accounts';
import { listUsers } from './store/accounts';
import { backupDatabase, MANUAL_REASON, withBackup } from './store/backup';
import { addDemo } from './demo';
import { replaceInRecord } from './store/replace';
import { createRecord, listRecords, readRecord, removeRecord, summarizeRecords, type FiguresDay } from './store/records';
import { rateLineFor, readPreferences, writePreferences } from './store/preferences';
import { OVERVIEW_WORDING, type OverviewDocumentOptions } from '../../shared/overview-document';
import { deleteRows, editCells, insertRows, moveRow, updateCounty } from './store/edits';
import { readStatus, readVersion, setStatus } from './store/status';
import { fileNamePart } from '../../shared/names';
import { deletePayments, editPayments } from './store/payments';
import type { DB } from './store/database';
import type { HeavyCalls, HeavyMethod } from './heavy';
import { deleteIndicators, draftPerformance, editIndicators, editPerformance, insertIndicators } from './store/performance';

/** What only the desktop shell can do; absent in web mode. */
export type DesktopHooks = {
  /** Shows the native save dialog and writes the file; null when the user cancels. */
  saveFile: (defaultName: string, bytes: Uint8Array) => Promise<string | null>;
  nextCommand: () => Promise<Command | null>;
  /** Opens the system print dialog for an HTML document. */
  print: (html: string) => Promise<void>;
  /** Logs in to a team workspace; the window's calls go there until closeWorkspace. */
  openWorkspace: (address: string, name: string, password: string) => Promise<{ address: string; user: UserInfo }>;
  closeWorkspace: () => void;
};
export type ApiContext = {
  db: DB;
  /** The data file's path (its backups are made beside it), or the workspace's name. */
  dbFile: string;
  /** What users are told the data is, where it is not the path (a served data file: its name, never a path on the server). */
  dbLabel?: string;
  version: string;
  /** Renders the print document to PDF: the system Chromium, or Electron's printToPDF. */
  renderPdf: (html: string) => Promise<Uint8Array<ArrayBuffer>>;
  desktop?: DesktopHooks;
  /** Where an internal failure's details go (default: the console, which the desktop app logs). */
  log?: (reference: string, error: unknown) => void;
  /** The long calls' own thread (heavy.ts), where the caller has one: the desktop's save dialogs get their files from it. */
  heavy?: HeavyCalls;
  /** Opens the file now at the data file's path in place of the open one (reopen.ts), where the owner of the handle allows it. */
  reopen?: () => Promise<void>;
};
type ParsedInput<M extends Method> = z.output<(typeof contract)[M]['input']>;
/** One call: the shared context, and who is calling (each window or tab undoes its own steps). */
export type Call = ApiContext & { actor: Actor };
export type Handlers = { [M in Method]: (input: ParsedInput<M>, call: Call) => Output<M> | Promise<Output<M>> };

const OK = { ok: true } as const;

export const handlers: Handlers = {
  info: (_i, ctx) => {
    const caller = callerOf(ctx.actor);
    const user = caller.kind === 'user' ? { name: caller.name, role: caller.role, scope: caller.scope.join('/') } : null;
    return { dbFile: ctx.dbLabel ?? ctx.dbFile, version: ctx.version, mode: ctx.desktop ? 'desktop' : 'web', user };
  },
  // In the app's order: provinces in pinyin, batches by number, counties in pinyin (the dictionary
  // loads with the first list, here rather than in the page).
  listRecords: async ({ asOf }, { db, actor }) => {
    const { compareRecords } = await import('../../shared/pinyin');
    const caller = callerOf(actor);
    return listRecords(db, { asOf, today: actor.today })
      .filter((r) => visible(caller, { province: r.province, prefecture: r.prefecture, county: r.county }))
      .sort(compareRecords);
  },
  // One read transaction: the rows, status, version and log position are one state of the store, so a
  // reviewer's acceptance (which sends the version back) is of exactly the figures shown.
  getRecord: ({ id, asOf }, { db, actor }) =>
    db
      .transaction(() => {
        const seen = logPosition(db);
        const stored = readRecord(db, id, { asOf, today: actor.today });
        const status = readStatus(db, id);
        return {
          seen,
          ...stored,
          findings: checkRecord(stored.record, { rateLine: rateLineFor(db, stored.record.county.province) }),
          status,
          statusChoices: statusChoices(callerOf(actor), status.status),
          version: readVersion(db, id),
        };
      })
      .deferred(),
  setStatus: ({ id, status, by, remark, reason, version, seen }, { db, actor }) =>
    setStatus(db, actor, id, { status, by, remark, reason, version, seen }),
  editPayments: ({ recordId, edits, append, seen, fill }, { db, actor }) => ({
    ok: true,
    appended: editPayments(db, actor, recordId, edits, append, seen, fill),
  }),
  deletePayments: ({ recordId, paymentIds, seen }, { db, actor }) => (deletePayments(db, actor, recordId, paymentIds, seen), OK),
  replaceText: ({ recordId, find, replace }, { db, actor }) => replaceInRecord(db, actor, recordId, find, replace),
  createRecord: ({ county }, { db, actor }) => ({ id: createRecord(db, actor, { county, items: [], disbursements: [] }, 'create') }),
  addDemo: (_input, { db, actor }) => addDemo(db, actor),
  duplicateRecord: ({ id, batch }, { db, actor }) => {
    const stored = readRecord(db, id, { asOf: undefined });
    const input = toInput(stored.record);
    // A line with payments shows their sum; the copy keeps what was typed under it, as the original does.
    input.disbursements = input.disbursements.map((d, i) => ({ ...d, actual: stored.typedActuals[i] }));
    input.county = { ...input.county, batch };
    return { id: createRecord(db, actor, input, 'duplicate') };
  },
  deleteRecord: ({ id }, { db, dbFile, actor }) => {
    const { county } = readRecord(db, id, { asOf: undefined }).record;
    return withBackup(db, dbFile, 'delete', (backup) => {
      mutate(db, actor, { action: 'delete record', recordId: id, detail: { county: county.name, batch: county.batch } }, (changes) =>
        removeRecord(db, changes, id),
      );
      return { backup };
    });
  },
  deletedRecords: (_input, { db, actor }) => deletedRecords(db).filter((d) => visible(callerOf(actor), d.place)),
  restoreRecord: ({ step }, { db, actor }) => ({ id: restoreDeleted(db, actor, step) }),
  updateCounty: ({ id, field, value, seen }, { db, actor }) => (updateCounty(db, actor, id, field, value, seen), OK),
  editCells: ({ recordId, table, edits, append, clear, fill, seen }, { db, actor }) => ({
    ok: true,
    appended: editCells(
      db,
      actor,
      recordId,
      table,
      edits,
      append,
      editAction({ clear, fill, edits: edits.length, append: append.length }),
      seen,
    ),
  }),
  insertRows: ({ recordId, table, index, count, seen }, { db, actor }) => ({
    rowIds: insertRows(db, actor, recordId, table, index, count, seen),
  }),
  deleteRows: ({ recordId, table, rowIds, seen }, { db, actor }) => (deleteRows(db, actor, recordId, table, rowIds, seen), OK),
  moveRow: ({ recordId, table, rowId, toIndex, seen }, { db, actor }) => (moveRow(db, actor, recordId, table, rowId, toIndex, seen), OK),
  undo: ({ skip, ...options }, { db, dbFile, actor }) =>
    skip === undefined
      ? replay(db, dbFile, actor, 'undo', options)
      : { steps: [], needsConfirm: [], backup: null, skipped: skipUndo(db, actor, skip) },
  redo: (options, { db, dbFile, actor }) => replay(db, dbFile, actor, 'redo', options),
  history: (_i, { db, actor }) => history(db, actor),
  // exceljs loads with the first import or export, not at start.
  importWorkbooks: async (
    { files, onConflict, dryRun, skipUnreadable, confirm, corrections, ledger, seen, reading },
    { db, dbFile, actor },
  ) =>
    (await import('./excel/import')).importWorkbooks(db, actor, dbFile, files, {
      onConflict,
      dryRun,
      skipUnreadable,
      confirm,
      corrections,
      ledger,
      seen,
      reading,
      ...importScope(callerOf(actor)),
    }),
  exportWorkbook: async ({ ids, script, asOf }, { db, actor }) => exportFile(db, ids, script, { asOf, today: actor.today }),
  saveExport: async ({ ids, script, format, signature, status, performance, ledger, asOf }, ctx) => {
    const desktop = desktopOnly(ctx);
    const { fileName, bytes } =
      format === 'pdf'
        ? await made(ctx, 'exportPdf', { ids, script, signature, status, performance, ledger, asOf })
        : await made(ctx, 'exportWorkbook', { ids, script, asOf });
    return { path: await desktop.saveFile(fileName, bytes) };
  },
  exportPdf: ({ ids, script, signature, status, performance, ledger, asOf }, ctx) =>
    pdfFile(ctx, ids, { script, signature, status, performance, ledger }, { asOf, today: ctx.actor.today }),
  printDocument: async ({ ids, script, signature, status, performance, ledger, asOf }, ctx) => {
    await desktopOnly(ctx).print(
      documentHtml(ctx.db, ids, { script, signature, status, performance, ledger }, { asOf, today: ctx.actor.today }),
    );
    return OK;
  },
  exportOverview: (input, ctx) => overviewFile(ctx, input, input.format),
  saveOverview: async (input, ctx) => {
    const desktop = desktopOnly(ctx);
    const { fileName, bytes } = await made(ctx, 'exportOverview', input);
    return { path: await desktop.saveFile(fileName, bytes) };
  },
  printOverview: async (input, ctx) => {
    const desktop = desktopOnly(ctx);
    const { records, options } = overviewOf(ctx, input);
    await desktop.print(await (await import('./print/overview')).overviewPrintHtml(records, options));
    return OK;
  },
  exportTemplate: ({ script }) => templateFile(script),
  saveTemplate: async ({ script }, ctx) => {
    const desktop = desktopOnly(ctx);
    const { fileName, bytes } = await templateFile(script);
    return { path: await desktop.saveFile(fileName, bytes) };
  },
  getPreferences: (_i, { db, actor }) => readPreferences(db, callerOf(actor)),
  setPreferences: ({ name, rateLine }, { db, actor }) => writePreferences(db, { name, rateLine }, callerOf(actor)),
  editPerformance: ({ recordId, edits, seen }, { db, actor }) => (editPerformance(db, actor, recordId, edits, seen), OK),
  editIndicators: ({ recordId, edits, append, clear, fill, seen }, { db, actor }) => ({
    ok: true,
    appended: editIndicators(
      db,
      actor,
      recordId,
      edits,
      append,
      editAction({ clear, fill, edits: edits.length, append: append.length }),
      seen,
    ),
  }),
  insertIndicators: ({ recordId, index, count, seen }, { db, actor }) => ({
    rowIds: insertIndicators(db, actor, recordId, index, count, seen),
  }),
  deleteIndicators: ({ recordId, rowIds, seen }, { db, actor }) => (deleteIndicators(db, actor, recordId, rowIds, seen), OK),
  draftPerformance: ({ recordId, draft }, { db, actor }) => ({ rowIds: draftPerformance(db, actor, recordId, { draft }) }),
  backupNow: (_i, { db, dbFile }) => ({ backup: backupDatabase(db, dbFile, MANUAL_REASON) }),
  reopenDataFile: async (_i, { reopen }) => {
    if (!reopen)
      throw appError(
        'not_here',
        '这里不能重新打开数据文件:请关闭后重新打开',
        'The data file cannot be reopened from here: close and open it again',
      );
    await reopen();
    return OK;
  },
  waitForCommand: async (_i, ctx) => ({ command: ctx.desktop ? await ctx.desktop.nextCommand() : null }),
  openWorkspace: ({ address, name, password }, ctx) => desktopOnly(ctx).openWorkspace(address, name, password),
  closeWorkspace: (_i, ctx) => (desktopOnly(ctx).closeWorkspace(), OK),
  listUsers: (_i, { db, actor }) => usersOf(callerOf(actor), listUsers(db)),
  addUser: (input, { db, actor }) => addUser(db, callerOf(actor), input),
  updateUser: (input, { db, actor }) => updateUser(db, callerOf(actor), input),
};

/** A signed-in user imports the counties of its scope only (the owner every county). */
function importScope(caller: Caller) {
  return caller.kind === 'owner' ? {} : { scope: { name: formatScope(caller.scope), holds: (place: Place) => visible(caller, place) } };
}

/** The HTTP status of a refusal: 404 for what does not exist (or lies outside the caller's scope), 403 for what the role may not do. */
/** The HTTP status of a refusal, by its code: every door that answers over HTTP says it the same way. */
export function refusalStatus(code: string): number {
  if (code === 'conflict') return 409;
  if (code === 'forbidden' || code === 'out_of_scope') return 403;
  if (code === 'reconnecting') return 503;
  return code.startsWith('no_') ? 404 : 422;
}

/** "樟树市-第8批-验收表", "樟樹市-第8批-驗收表(繁)", "验收表-3县": in the script of the document (a county name never a path). */
const baseName = (records: CountyRecord[], script: Script) =>
  records.length === 1
    ? WORDING[script].fileName(fileNamePart(records[0].county.name), records[0].county.batch)
    : WORDING[script].filesName(records.length);

async function exportFile(db: DB, ids: number[], script: 'hans' | 'hant', day: FiguresDay) {
  const records = ids.map((id) => readRecord(db, id, day).record);
  const { exportWorkbook } = await import('./excel/export');
  return { fileName: `${baseName(records, script)}.xlsx`, bytes: new Uint8Array(await exportWorkbook(records, script)) };
}

/** PDFs are rendered one at a time (each is a browser): ten requests make one queue, not ten browsers. */
let pdfQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  const run = pdfQueue.then(job, job);
  pdfQueue = run.catch(() => undefined);
  return run;
}

type DocumentChoice = { script: Script; signature: boolean; status: boolean; performance: boolean; ledger: boolean };

/** The acceptance document of these records; with `status`, each says its review status and acceptance date. */
function documentHtml(db: DB, ids: number[], { script, signature, status, performance, ledger }: DocumentChoice, day: FiguresDay): string {
  const statuses = status ? { statuses: ids.map((id) => readStatus(db, id)) } : {};
  return printHtml(
    ids.map((id) => readRecord(db, id, day).record),
    { script, signature, performance, ledger, ...statuses },
  );
}

async function pdfFile(ctx: ApiContext, ids: number[], choice: DocumentChoice, day: FiguresDay) {
  const records = ids.map((id) => readRecord(ctx.db, id, day).record);
  const html = documentHtml(ctx.db, ids, choice, day);
  return { fileName: `${baseName(records, choice.script)}.pdf`, bytes: await oneAtATime(() => ctx.renderPdf(html)) };
}

type OverviewInput = ParsedInput<'printOverview'>;

/** The counties of an overview as shown (its ids, in order), and how the document shows them. */
function overviewOf({ db, actor }: Call, input: OverviewInput) {
  const records = summarizeRecords(db, input.ids, { asOf: input.asOf, today: actor.today });
  const options: OverviewDocumentOptions = {
    script: input.script,
    grouping: input.grouping,
    filters: input.filters,
    asOf: input.asOf,
    printedOn: personDay(actor),
  };
  return { records, options };
}

async function overviewFile(ctx: Call, input: OverviewInput, format: 'xlsx' | 'pdf') {
  const { records, options } = overviewOf(ctx, input);
  const name = `${OVERVIEW_WORDING[input.script].fileName}-${OVERVIEW_WORDING[input.script].counties(records.length)}`;
  if (format === 'xlsx') {
    const { overviewWorkbook } = await import('./excel/overview');
    return { fileName: `${name}.xlsx`, bytes: new Uint8Array(await overviewWorkbook(records, options)) };
  }
  const html = await (await import('./print/overview')).overviewPrintHtml(records, options);
  return { fileName: `${name}.pdf`, bytes: await oneAtATime(() => ctx.renderPdf(html)) };
}

async function templateFile(script: Script) {
  const { templateWorkbook } = await import('./excel/template');
  return {
    fileName: `${script === 'hant' ? '驗收表-空白模板(繁)' : '验收表-空白模板'}.xlsx`,
    bytes: new Uint8Array(await templateWorkbook(script)),
  };
}

/** A file a long call makes: on the caller's thread for long calls (ctx.heavy) where it has one, else here. */
async function made<M extends HeavyMethod>(call: Call, method: M, input: ParsedInput<M>): Promise<Output<M>> {
  if (!call.heavy?.takes(method)) return (handlers[method] as (input: ParsedInput<M>, call: Call) => Promise<Output<M>>)(input, call);
  const result = await call.heavy.run(call, method, input, call.actor);
  if (!result.ok) throw appErrorOf(result.error);
  return result.value as Output<M>;
}

/** A refusal as it crossed a thread or a process, as the AppError it was. */
export function appErrorOf({ code, message, messages, details }: WireError): AppError {
  const place = details && typeof details === 'object' && 'place' in details ? ((details.place ?? {}) as ErrorPlace) : {};
  return new AppError(code, messages ?? { zh: message, en: message }, place, details);
}

function desktopOnly(ctx: ApiContext): DesktopHooks {
  if (!ctx.desktop) throw appError('desktop_only', '只有桌面版可以这样做', 'Only the desktop app can do this');
  return ctx.desktop;
}

export type DispatchResult = { ok: true; value: unknown } | { ok: false; status: number; error: WireError };

/** A refused input in the user's words where a person can meet it (too many rows at once, a text too long); else the validator's, with its place. */
function issueText(issue: z.core.$ZodIssue, lang: Lang): string {
  const where = issue.path.join('.') || '(input)';
  if ((issue.code === 'too_big' || issue.code === 'too_small') && (issue.origin === 'array' || issue.origin === 'string')) {
    const n = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
    const big = issue.code === 'too_big';
    if (issue.origin === 'array')
      return lang === 'zh' ? `一次${big ? '最多' : '至少'} ${n} 行(项)` : `${big ? 'at most' : 'at least'} ${n} rows (items) at once`;
    return lang === 'zh' ? `${where} ${big ? '最多' : '至少'} ${n} 个字` : `${where}: ${big ? 'at most' : 'at least'} ${n} characters`;
  }
  return `${where}: ${issue.message}`;
}

/** Validates, runs and answers one call; never throws. */
export async function dispatch(ctx: ApiContext, method: string, rawInput: unknown, actor: Actor): Promise<DispatchResult> {
  if (!Object.hasOwn(contract, method))
    return {
      ok: false,
      status: 404,
      error: {
        code: 'unknown_method',
        message: `没有这个方法:${method}`,
        messages: { zh: `没有这个方法:${method}`, en: `No such method: ${method}` },
      },
    };
  const m = method as Method;
  const parsed = contract[m].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const text = (lang: Lang) => parsed.error.issues.map((i) => issueText(i, lang)).join(lang === 'zh' ? ';' : '; ');
    return {
      ok: false,
      status: 400,
      error: {
        code: 'invalid_input',
        message: `输入无效:${text('zh')}`,
        messages: { zh: `输入无效:${text('zh')}`, en: `Invalid input: ${text('en')}` },
        details,
      },
    };
  }
  try {
    // A page whose clock is far off (a day no place on earth is on) is told so before anything is read or written.
    personDay(actor);
    authorize(ctx.db, callerOf(actor), m, parsed.data as never);
    const handler = handlers[m] as (input: unknown, call: Call) => unknown;
    return { ok: true, value: await handler(parsed.data, { ...ctx, actor }) };
  } catch (e) {
    if (e instanceof AppError)
      return {
        ok: false,
        status: refusalStatus(e.code),
        error: {
          code: e.code,
          message: e.messages.zh,
          messages: e.messages,
          details: { place: e.place, ...(e.details && typeof e.details === 'object' ? e.details : {}) },
        },
      };
    // The details (paths, stack) go to the log, never to the caller.
    const reference = Date.now().toString(36);
    if (ctx.log) ctx.log(`${method} ${reference}`, e);
    else console.error(`[${method}] ${reference}`, e);
    return {
      ok: false,
      status: 500,
      error: {
        code: 'internal',
        message: `内部错误(${reference}),未做任何改动;详情已记入日志`,
        messages: {
          zh: `内部错误(${reference}),未做任何改动;详情已记入日志`,
          en: `Internal error (${reference}); nothing was changed; the details are in the log`,
        },
      },
    };
  }
}

export const databaseLabel = (file: string) => (file === ':memory:' ? file : path.resolve(file));
