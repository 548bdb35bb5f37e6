// The desktop app's lifecycle: one instance, the store, the IPC adapter, the window and menu,
// native dialogs (every file path is chosen here, in main), logs, and a dialog for the unexpected.
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, Menu, shell as electronShell, type BrowserWindow } from 'electron';
import type { Lang } from '../../shared/i18n';
import { AppError } from '../../shared/errors';
import { lowDiskWarning, openDatabase } from '../services/store/database';
import { backupDatabase } from '../services/store/backup';
import { DESKTOP } from '../services/store/changelog';
import { addDemo } from '../services/demo';
import { defaultDatabaseFile, PROJECT_ROOT, RENDERER_DIST, userDataDir } from '../services/paths';
import { databaseLabel, type ApiContext } from '../services/api';
import { heavyCalls } from '../services/heavy';
import { reopenDataFile } from '../services/reopen';
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

/** What the shell's parts share: the log, the commands for the window, the language of its dialogs and menu, the window, and
 * the team workspace the window works on instead of the data file (文件 › 打开工作区…). */
type Shell = { logger: Logger; commands: CommandQueue; lang: Lang; win?: BrowserWindow; workspace: Workspace | null };

/** An error nothing caught: logged, and said in a dialog that the data is intact and where the log is. */
function sayUnexpected(shell: Shell) {
  const { logger } = shell;
  const unexpected = (e: unknown) => {
    logger.error('unexpected error', e);
    const lang = shell.lang;
    // Every write is its own transaction: whatever failed, the data file is intact.
    dialog.showErrorBox(
      lang === 'zh' ? '验收台遇到意外错误' : 'Yanshou hit an unexpected error',
      `${text(e, lang)}\n\n${lang === 'zh' ? '数据未受影响。详情见日志文件夹:' : 'Your data is intact. Details are in the log folder: '}${logger.folder}`,
    );
  };
  process.on('uncaughtException', unexpected);
  process.on('unhandledRejection', unexpected);
}

/** The data file opened (a new one with the demo county), low disk space said; null when it cannot be opened (said in words). */
function openDataFile(file: string, shell: Shell): ReturnType<typeof openDatabase> | null {
  const { logger, lang } = shell;
  const isNew = !fs.existsSync(file);
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(file);
  } catch (e) {
    // A data file that is damaged, newer or not writable: said in words (with the backup to use), then quit.
    logger.error(`cannot open ${file}`, e);
    dialog.showErrorBox(lang === 'zh' ? '无法打开数据文件' : 'Cannot open the data file', text(e, lang));
    return null;
  }
  if (isNew) addDemo(db, DESKTOP);
  const low = lowDiskWarning(file);
  if (low) dialog.showErrorBox(lang === 'zh' ? '磁盘空间不足' : 'Low disk space', low[lang]);
  logger.info(`opened ${file}`);
  return db;
}

/** Leaves the team workspace (if one is open): the window works on the data file again. */
function leaveWorkspace(shell: Shell) {
  if (shell.workspace) void logOut(shell.workspace).catch(() => undefined);
  shell.workspace = null;
  shell.win?.setTitle(TITLE);
}

/** What the contract's desktop methods ask of the shell: the next menu command, printing, a file saved where the user chooses, a workspace. */
function desktopServices(shell: Shell): NonNullable<ApiContext['desktop']> {
  const { logger, commands } = shell;
  return {
    nextCommand: () => commands.next(),
    print: printWithDialog,
    saveFile: async (defaultName, bytes) => {
      // The file's own kind: a PDF is offered as a PDF, a workbook as Excel.
      const pdf = defaultName.toLowerCase().endsWith('.pdf');
      const r = await dialog.showSaveDialog(shell.win!, {
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
      leaveWorkspace(shell);
      shell.workspace = next;
      shell.win!.setTitle(`${TITLE} — ${shell.lang === 'zh' ? '工作区' : 'Workspace'} ${next.address}(${next.user.name})`);
      logger.info(`opened the workspace ${next.address} as ${next.user.name}`);
      return { address: next.address, user: next.user };
    },
    closeWorkspace: () => leaveWorkspace(shell),
  };
}

/** 文件 › 导入…: workbooks chosen in a native dialog (a file too large refused by name), handed to the window to import. */
async function chooseWorkbooks(shell: Shell) {
  const r = await dialog.showOpenDialog(shell.win!, {
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Excel', extensions: ['xlsx', 'xls', 'et'] }],
  });
  if (r.canceled) return;
  const tooLarge = r.filePaths.find((p) => fs.statSync(p).size > LIMITS.fileBytes);
  if (tooLarge)
    return void dialog.showErrorBox(path.basename(tooLarge), shell.lang === 'zh' ? '文件过大,无法导入' : 'The file is too large to import');
  shell.commands.push({
    kind: 'import',
    files: r.filePaths.map((p) => ({ name: path.basename(p), bytes: new Uint8Array(fs.readFileSync(p)) })),
  });
}

/** 文件 › 打开数据文件…: another data file replaces the open one (the workspace left), and the window reloads. */
async function switchDataFile(shell: Shell, ctx: ApiContext) {
  const r = await dialog.showOpenDialog(shell.win!, {
    properties: ['openFile'],
    filters: [{ name: shell.lang === 'zh' ? '验收台数据文件' : 'Yanshou data', extensions: ['sqlite', 'db'] }],
  });
  if (r.canceled || !r.filePaths[0]) return;
  try {
    const next = openDatabase(r.filePaths[0]);
    leaveWorkspace(shell);
    await ctx.heavy?.close();
    ctx.db.close();
    ctx.db = next;
    ctx.dbFile = databaseLabel(r.filePaths[0]);
    shell.logger.info(`opened ${r.filePaths[0]}`);
    shell.commands.push({ kind: 'reload' });
  } catch (e) {
    dialog.showErrorBox(shell.lang === 'zh' ? '无法打开数据文件' : 'Cannot open the data file', text(e, shell.lang));
  }
}

/** What each menu item does: most hand a command to the window; files are chosen here, in main. */
function menuActions(shell: Shell, ctx: ApiContext, setMenu: () => void): MenuActions {
  const { commands } = shell;
  return {
    import: () => chooseWorkbooks(shell),
    export: () => commands.push({ kind: 'export' }),
    openWorkspace: () => commands.push({ kind: 'openWorkspace' }),
    print: () => commands.push({ kind: 'print' }),
    template: () => commands.push({ kind: 'template' }),
    undo: () => commands.push({ kind: 'undo' }),
    redo: () => commands.push({ kind: 'redo' }),
    openDataFile: () => switchDataFile(shell, ctx),
    backupNow: () => {
      const backup = backupDatabase(ctx.db, ctx.dbFile, 'manual');
      commands.push({ kind: 'message', messages: { zh: `已备份到 ${backup}`, en: `Backed up to ${backup}` } });
    },
    switchLanguage: () => {
      shell.lang = shell.lang === 'zh' ? 'en' : 'zh';
      setMenu();
      commands.push({ kind: 'lang', lang: shell.lang });
    },
    about: () =>
      void dialog.showMessageBox(shell.win!, {
        type: 'info',
        title: shell.lang === 'zh' ? '关于验收台' : 'About Yanshou',
        message: `验收台 Yanshou ${app.getVersion()}`,
        detail: `${shell.lang === 'zh' ? '数据文件' : 'Data file'}: ${ctx.dbFile}`,
      }),
    openLogFolder: () => void electronShell.openPath(shell.logger.folder),
  };
}

export async function startDesktop(): Promise<Desktop | null> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.setPath('userData', userDataDir());
  const shell: Shell = {
    logger: createLogger(path.join(userDataDir(), 'logs')),
    commands: new CommandQueue(),
    lang: 'zh',
    workspace: null,
  };
  const { logger, commands } = shell;
  sayUnexpected(shell);

  await app.whenReady();
  hardenSession();
  const file = process.env.YANSHOU_DB || defaultDatabaseFile();
  const db = openDataFile(file, shell);
  if (!db) {
    app.quit();
    return null;
  }
  const ctx: ApiContext = {
    db,
    dbFile: databaseLabel(file),
    version: app.getVersion(),
    renderPdf: printToPdf,
    desktop: desktopServices(shell),
  };
  // Exports and PDFs are made on a thread of their own: the window's other calls are answered meanwhile.
  ctx.heavy = heavyCalls(ctx, 'caller');
  ctx.reopen = () => reopenDataFile(ctx, async () => ctx.heavy?.close());
  registerContract(
    () => ctx,
    INDEX,
    ctx.heavy,
    () => shell.workspace,
  );

  const setMenu = () =>
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(shell.lang, actions, process.platform, app.isPackaged)));
  const actions = menuActions(shell, ctx, setMenu);
  setMenu();

  const win = createMainWindow({ preload: PRELOAD, index: INDEX, boundsFile: path.join(userDataDir(), 'window.json'), title: TITLE });
  shell.win = win;
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
