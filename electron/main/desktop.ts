// The desktop app's lifecycle: one instance, the store, the IPC adapter, the window and menu,
// native dialogs (every file path is chosen here, in main), logs, and a dialog for the unexpected.
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, Menu, shell, type BrowserWindow } from 'electron';
import type { Lang } from '../../shared/i18n';
import { AppError } from '../../shared/errors';
import { lowDiskWarning, openDatabase } from '../services/store/database';
import { backupDatabase } from '../services/store/backup';
import { DESKTOP } from '../services/store/changelog';
import { addDemo } from '../services/demo';
import { defaultDatabaseFile, PROJECT_ROOT, RENDERER_DIST, userDataDir } from '../services/paths';
import { databaseLabel, type ApiContext } from '../services/api';
import { heavyCalls } from '../services/heavy';
import { LIMITS } from '../services/excel/zip';
import { writeFileAtomic } from '../services/files';
import { CommandQueue } from './commands';
import { createLogger, type Logger } from './log';
import { menuTemplate, type MenuActions } from './menu';
import { registerContract } from './ipc';
import { createMainWindow, hardenSession } from './window';
import { printToPdf, printWithDialog } from './print';
import { logIn, logOut, type Workspace } from './workspace';

export const INDEX = path.join(RENDERER_DIST, 'index.html');
export const PRELOAD = path.join(PROJECT_ROOT, 'dist/preload/index.cjs');
const TITLE = '验收台';

export type Desktop = { ctx: ApiContext; window: () => BrowserWindow; commands: CommandQueue; actions: MenuActions; logger: Logger };

const text = (e: unknown, lang: Lang) => (e instanceof AppError ? e.text(lang) : e instanceof Error ? e.message : String(e));

export async function startDesktop(): Promise<Desktop | null> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.setPath('userData', userDataDir());
  const logger = createLogger(path.join(userDataDir(), 'logs'));
  let lang: Lang = 'zh';
  const unexpected = (e: unknown) => {
    logger.error('unexpected error', e);
    // Every write is its own transaction: whatever failed, the data file is intact.
    dialog.showErrorBox(
      lang === 'zh' ? '验收台遇到意外错误' : 'Yanshou hit an unexpected error',
      `${text(e, lang)}\n\n${lang === 'zh' ? '数据未受影响。详情见日志文件夹:' : 'Your data is intact. Details are in the log folder: '}${logger.folder}`,
    );
  };
  process.on('uncaughtException', unexpected);
  process.on('unhandledRejection', unexpected);

  await app.whenReady();
  hardenSession();
  const file = process.env.YANSHOU_DB || defaultDatabaseFile();
  const isNew = !fs.existsSync(file);
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(file);
  } catch (e) {
    // A data file that is damaged, newer or not writable: said in words (with the backup to use), then quit.
    logger.error(`cannot open ${file}`, e);
    dialog.showErrorBox(lang === 'zh' ? '无法打开数据文件' : 'Cannot open the data file', text(e, lang));
    app.quit();
    return null;
  }
  if (isNew) addDemo(db, DESKTOP);
  const low = lowDiskWarning(file);
  if (low) dialog.showErrorBox(lang === 'zh' ? '磁盘空间不足' : 'Low disk space', low[lang]);
  logger.info(`opened ${file}`);

  const commands = new CommandQueue();
  let win: BrowserWindow;
  /** A team workspace the window works on instead of the data file (文件 › 打开工作区…). */
  let workspace: Workspace | null = null;
  const leaveWorkspace = () => {
    if (workspace) void logOut(workspace).catch(() => undefined);
    workspace = null;
    win?.setTitle(TITLE);
  };
  const ctx: ApiContext = {
    db,
    dbFile: databaseLabel(file),
    version: app.getVersion(),
    renderPdf: printToPdf,
    desktop: {
      nextCommand: () => commands.next(),
      print: printWithDialog,
      saveFile: async (defaultName, bytes) => {
        // The file's own kind: a PDF is offered as a PDF, a workbook as Excel.
        const pdf = defaultName.toLowerCase().endsWith('.pdf');
        const r = await dialog.showSaveDialog(win, {
          defaultPath: path.join(app.getPath('documents'), defaultName),
          filters: [pdf ? { name: 'PDF', extensions: ['pdf'] } : { name: 'Excel', extensions: ['xlsx'] }],
        });
        if (r.canceled || !r.filePath) return null;
        writeFileAtomic(r.filePath, bytes);
        logger.info(`exported ${r.filePath}`);
        return r.filePath;
      },
      openWorkspace: async (address, name, password) => {
        const next = await logIn(address, name, password);
        leaveWorkspace();
        workspace = next;
        win.setTitle(`${TITLE} — ${lang === 'zh' ? '工作区' : 'Workspace'} ${next.address}(${next.user.name})`);
        logger.info(`opened the workspace ${next.address} as ${next.user.name}`);
        return { address: next.address, user: next.user };
      },
      closeWorkspace: leaveWorkspace,
    },
  };
  // Exports and PDFs are made on a thread of their own: the window's other calls are answered meanwhile.
  ctx.heavy = heavyCalls(ctx, 'caller');
  registerContract(
    () => ctx,
    INDEX,
    ctx.heavy,
    () => workspace,
  );

  const actions: MenuActions = {
    import: async () => {
      const r = await dialog.showOpenDialog(win, {
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Excel', extensions: ['xlsx', 'xls', 'et'] }],
      });
      if (r.canceled) return;
      const tooLarge = r.filePaths.find((p) => fs.statSync(p).size > LIMITS.fileBytes);
      if (tooLarge)
        return void dialog.showErrorBox(path.basename(tooLarge), lang === 'zh' ? '文件过大,无法导入' : 'The file is too large to import');
      commands.push({
        kind: 'import',
        files: r.filePaths.map((p) => ({ name: path.basename(p), bytes: new Uint8Array(fs.readFileSync(p)) })),
      });
    },
    export: () => commands.push({ kind: 'export' }),
    openWorkspace: () => commands.push({ kind: 'openWorkspace' }),
    print: () => commands.push({ kind: 'print' }),
    template: () => commands.push({ kind: 'template' }),
    undo: () => commands.push({ kind: 'undo' }),
    redo: () => commands.push({ kind: 'redo' }),
    openDataFile: async () => {
      const r = await dialog.showOpenDialog(win, {
        properties: ['openFile'],
        filters: [{ name: lang === 'zh' ? '验收台数据文件' : 'Yanshou data', extensions: ['sqlite', 'db'] }],
      });
      if (r.canceled || !r.filePaths[0]) return;
      try {
        const next = openDatabase(r.filePaths[0]);
        leaveWorkspace();
        await ctx.heavy?.close();
        ctx.db.close();
        ctx.db = next;
        ctx.dbFile = databaseLabel(r.filePaths[0]);
        logger.info(`opened ${r.filePaths[0]}`);
        commands.push({ kind: 'reload' });
      } catch (e) {
        dialog.showErrorBox(lang === 'zh' ? '无法打开数据文件' : 'Cannot open the data file', text(e, lang));
      }
    },
    backupNow: () => {
      const backup = backupDatabase(ctx.db, ctx.dbFile, 'manual');
      commands.push({ kind: 'message', messages: { zh: `已备份到 ${backup}`, en: `Backed up to ${backup}` } });
    },
    switchLanguage: () => {
      lang = lang === 'zh' ? 'en' : 'zh';
      setMenu();
      commands.push({ kind: 'lang', lang });
    },
    about: () =>
      void dialog.showMessageBox(win, {
        type: 'info',
        title: lang === 'zh' ? '关于验收台' : 'About Yanshou',
        message: `验收台 Yanshou ${app.getVersion()}`,
        detail: `${lang === 'zh' ? '数据文件' : 'Data file'}: ${ctx.dbFile}`,
      }),
    openLogFolder: () => void shell.openPath(logger.folder),
  };
  const setMenu = () => Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(lang, actions, process.platform, app.isPackaged)));
  setMenu();

  win = createMainWindow({ preload: PRELOAD, index: INDEX, boundsFile: path.join(userDataDir(), 'window.json'), title: TITLE });
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => {
    void ctx.heavy?.close();
    ctx.db.close();
    app.quit();
  });
  return { ctx, window: () => win, commands, actions, logger };
}
