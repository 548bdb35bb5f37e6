// The handlers of the contract, over one database, and the one dispatch every transport uses:
// validate the input with zod, run, and turn any failure into {code, message, details}.
import path from 'node:path';
import type { z } from 'zod';
import { contract, type Command, type Method, type Output } from '../../shared/contract';
import type { WireError } from '../../shared/client';
import { appError } from '../../shared/errors';
import { AppError } from '../../shared/errors';
import { checkRecord } from '../../shared/checks';
import { toInput, type CountyRecord } from '../../shared/record';
import { printHtml } from '../../shared/print';
import { mutate, undo, redo, history } from './store/changelog';
import { backupDatabase } from './store/backup';
import { createRecord, listRecords, readRecord, removeRecord, conflictError, findRecordIds } from './store/records';
import { deleteRows, editCells, insertRows, moveRow, updateCounty } from './store/edits';
import type { DB } from './store/database';

/** What only the desktop shell can do; absent in web mode. */
export type DesktopHooks = {
  /** Shows the native save dialog and writes the file; null when the user cancels. */
  saveFile: (defaultName: string, bytes: Uint8Array) => Promise<string | null>;
  nextCommand: () => Promise<Command | null>;
  /** Opens the system print dialog for an HTML document. */
  print: (html: string) => Promise<void>;
};
export type ApiContext = {
  db: DB;
  dbFile: string;
  version: string;
  /** Renders the print document to PDF: the system Chromium, or Electron's printToPDF. */
  renderPdf: (html: string) => Promise<Uint8Array<ArrayBuffer>>;
  desktop?: DesktopHooks;
};
type ParsedInput<M extends Method> = z.output<(typeof contract)[M]['input']>;
export type Handlers = { [M in Method]: (input: ParsedInput<M>, ctx: ApiContext) => Output<M> | Promise<Output<M>> };

const OK = { ok: true } as const;

export const handlers: Handlers = {
  info: (_i, ctx) => ({ dbFile: ctx.dbFile, version: ctx.version, mode: ctx.desktop ? 'desktop' : 'web' }),
  listRecords: (_i, { db }) => listRecords(db),
  getRecord: ({ id }, { db }) => {
    const stored = readRecord(db, id);
    return { ...stored, findings: checkRecord(stored.record) };
  },
  createRecord: ({ county }, { db }) => ({ id: createRecord(db, { county, items: [], disbursements: [] }, 'create') }),
  duplicateRecord: ({ id, batch }, { db }) => {
    const input = toInput(readRecord(db, id).record);
    input.county = { ...input.county, batch };
    if (findRecordIds(db, input.county.name, batch).length) throw conflictError(input.county.name, batch);
    return { id: createRecord(db, input, 'duplicate') };
  },
  deleteRecord: ({ id }, { db, dbFile }) => {
    readRecord(db, id);
    const backup = backupDatabase(db, dbFile, 'delete');
    mutate(db, 'delete record', id, (changes) => removeRecord(db, changes, id));
    return { backup };
  },
  updateCounty: ({ id, field, value }, { db }) => (updateCounty(db, id, field, value), OK),
  editCells: ({ recordId, table, edits, append }, { db }) => ({ ok: true, appended: editCells(db, recordId, table, edits, append, append.length || edits.length > 1 ? 'paste' : 'edit') }),
  insertRows: ({ recordId, table, index, count }, { db }) => ({ rowIds: insertRows(db, recordId, table, index, count) }),
  deleteRows: ({ recordId, table, rowIds }, { db }) => (deleteRows(db, recordId, table, rowIds), OK),
  moveRow: ({ recordId, table, rowId, toIndex }, { db }) => (moveRow(db, recordId, table, rowId, toIndex), OK),
  undo: (_i, { db }) => ({ step: undo(db) }),
  redo: (_i, { db }) => ({ step: redo(db) }),
  history: (_i, { db }) => history(db),
  // exceljs loads with the first import or export, not at start.
  importWorkbooks: async ({ files, onConflict, dryRun, skipUnreadable }, { db, dbFile }) => (await import('./excel/import')).importWorkbooks(db, dbFile, files, { onConflict, dryRun, skipUnreadable }),
  exportWorkbook: async ({ ids, script }, { db }) => exportFile(db, ids, script),
  saveExport: async ({ ids, script, format, signature }, ctx) => {
    const desktop = desktopOnly(ctx);
    const { fileName, bytes } = format === 'pdf' ? await pdfFile(ctx, ids, script, signature) : await exportFile(ctx.db, ids, script);
    return { path: await desktop.saveFile(fileName, bytes) };
  },
  exportPdf: ({ ids, script, signature }, ctx) => pdfFile(ctx, ids, script, signature),
  printDocument: async ({ ids, script, signature }, ctx) => {
    await desktopOnly(ctx).print(printHtml(ids.map((id) => readRecord(ctx.db, id).record), { script, signature }));
    return OK;
  },
  backupNow: (_i, { db, dbFile }) => ({ backup: backupDatabase(db, dbFile, 'manual') }),
  waitForCommand: async (_i, ctx) => ({ command: ctx.desktop ? await ctx.desktop.nextCommand() : null }),
};

const baseName = (records: CountyRecord[]) => (records.length === 1 ? `${records[0].county.name}-第${records[0].county.batch}批-验收表` : `验收表-${records.length}县`);

async function exportFile(db: DB, ids: number[], script: 'hans' | 'hant') {
  const records = ids.map((id) => readRecord(db, id).record);
  const { exportWorkbook } = await import('./excel/export');
  return { fileName: `${baseName(records)}.xlsx`, bytes: new Uint8Array(await exportWorkbook(records, script)) };
}

async function pdfFile(ctx: ApiContext, ids: number[], script: 'hans' | 'hant', signature: boolean) {
  const records = ids.map((id) => readRecord(ctx.db, id).record);
  return { fileName: `${baseName(records)}.pdf`, bytes: await ctx.renderPdf(printHtml(records, { script, signature })) };
}

function desktopOnly(ctx: ApiContext): DesktopHooks {
  if (!ctx.desktop) throw appError('desktop_only', '只有桌面版可以这样做', 'Only the desktop app can do this');
  return ctx.desktop;
}

export type DispatchResult = { ok: true; value: unknown } | { ok: false; status: number; error: WireError };

/** Validates, runs and answers one call; never throws. */
export async function dispatch(ctx: ApiContext, method: string, rawInput: unknown): Promise<DispatchResult> {
  if (!Object.hasOwn(contract, method)) return { ok: false, status: 404, error: { code: 'unknown_method', message: `没有这个方法:${method}`, messages: { zh: `没有这个方法:${method}`, en: `No such method: ${method}` } } };
  const m = method as Method;
  const parsed = contract[m].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const text = details.map((d) => `${d.path || '(input)'}: ${d.message}`).join('; ');
    return { ok: false, status: 400, error: { code: 'invalid_input', message: `输入无效:${text}`, messages: { zh: `输入无效:${text}`, en: `Invalid input: ${text}` }, details } };
  }
  try {
    const handler = handlers[m] as (input: unknown, ctx: ApiContext) => unknown;
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (e) {
    if (e instanceof AppError)
      return { ok: false, status: e.code === 'conflict' ? 409 : e.code.startsWith('no_') ? 404 : 422, error: { code: e.code, message: e.messages.zh, messages: e.messages, details: { place: e.place, ...(e.details && typeof e.details === 'object' ? e.details : {}) } } };
    const message = e instanceof Error ? e.message : String(e);
    console.error(`[${method}]`, e);
    return { ok: false, status: 500, error: { code: 'internal', message: `内部错误:${message}`, messages: { zh: `内部错误:${message}`, en: `Internal error: ${message}` } } };
  }
}

export const databaseLabel = (file: string) => (file === ':memory:' ? file : path.resolve(file));
