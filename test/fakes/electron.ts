// A fake `electron` module for tests: records what the shell asks of Electron and lets a test
// play the user (dialog answers, menu clicks, IPC calls from a page). No binary needed.
import os from 'node:os';

type Listener = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

class Emitter {
  listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener) {
    return this.on(event, fn);
  }
  emit(event: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
}

export const fake = {
  singleInstance: true,
  quitCalls: 0,
  windows: [] as BrowserWindow[],
  appMenu: null as null | { template: any[] }, // eslint-disable-line @typescript-eslint/no-explicit-any
  openAnswers: [] as string[][],
  saveAnswers: [] as (string | null)[],
  /** The options each save dialog was shown with (its default name, its file types). */
  saveDialogs: [] as { defaultPath?: string; filters?: unknown }[],
  errorBoxes: [] as [string, string][],
  messageBoxes: [] as unknown[],
  openedPaths: [] as string[],
  exposed: {} as Record<string, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  rendererInvokes: [] as [string, unknown][],
  permissionRequestHandler: null as null | Listener,
  permissionCheckHandler: null as null | Listener,
  headersHandler: null as null | Listener,
  printed: [] as { kind: 'pdf' | 'dialog'; html: string; options: unknown }[],
  reset() {
    this.quitCalls = 0;
    this.windows = [];
    this.appMenu = null;
    this.openAnswers = [];
    this.saveAnswers = [];
    this.saveDialogs = [];
    this.errorBoxes = [];
    this.messageBoxes = [];
    this.openedPaths = [];
    ipcMain.handlers.clear();
    app.listeners.clear();
  },
};

class App extends Emitter {
  isPackaged = false;
  private paths: Record<string, string> = {};
  requestSingleInstanceLock() {
    return fake.singleInstance;
  }
  whenReady() {
    return Promise.resolve();
  }
  quit() {
    fake.quitCalls++;
  }
  setPath(name: string, value: string) {
    this.paths[name] = value;
  }
  getPath(name: string) {
    return this.paths[name] ?? os.tmpdir();
  }
  getVersion() {
    return '0.1.0-test';
  }
}
export const app = new App();

class WebContents extends Emitter {
  windowOpenHandler: Listener | null = null;
  html: string | null = null;
  setWindowOpenHandler(fn: Listener) {
    this.windowOpenHandler = fn;
  }
  async printToPDF(options: unknown) {
    fake.printed.push({ kind: 'pdf', html: this.html!, options });
    return Buffer.from(`%PDF-fake ${this.html?.length}`);
  }
  print(options: unknown, done: (ok: boolean) => void) {
    fake.printed.push({ kind: 'dialog', html: this.html!, options });
    done(true);
  }
}

export class BrowserWindow extends Emitter {
  webContents = new WebContents();
  loaded: string | null = null;
  visible = false;
  minimized = false;
  focusCount = 0;
  constructor(readonly options: Record<string, any>) {
    // eslint-disable-line @typescript-eslint/no-explicit-any
    super();
    fake.windows.push(this);
  }
  destroyed = false;
  title = '';
  setTitle(title: string) {
    this.title = title;
  }
  loadFile(file: string) {
    this.loaded = file;
    return Promise.resolve();
  }
  loadURL(url: string) {
    this.loaded = url;
    this.webContents.html = decodeURIComponent(url.replace(/^data:text\/html;charset=utf-8,/, ''));
    return Promise.resolve();
  }
  destroy() {
    this.destroyed = true;
  }
  show() {
    this.visible = true;
  }
  focus() {
    this.focusCount++;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  maximize() {}
  isMaximized() {
    return false;
  }
  getBounds() {
    return { x: 120, y: 80, width: 1200, height: 800 };
  }
  getNormalBounds() {
    return this.getBounds();
  }
}

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, fn: Listener) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, fn);
  },
  /** Calls a channel as a page at `url` would. */
  call(channel: string, input: unknown, url: string) {
    const fn = this.handlers.get(channel);
    if (!fn) throw new Error(`no handler for ${channel}`);
    return fn({ senderFrame: { url } }, input);
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu: (menu: { template: unknown[] }) => (fake.appMenu = menu as never),
};

export const dialog = {
  showOpenDialog: async () => {
    const next = fake.openAnswers.shift();
    return next ? { canceled: false, filePaths: next } : { canceled: true, filePaths: [] };
  },
  showSaveDialog: async (_win: unknown, options: { defaultPath?: string; filters?: unknown }) => {
    fake.saveDialogs.push(options);
    const next = fake.saveAnswers.shift() ?? null;
    return next ? { canceled: false, filePath: next } : { canceled: true, filePath: undefined };
  },
  showMessageBox: async (_win: unknown, options: unknown) => {
    fake.messageBoxes.push(options);
    return { response: 0 };
  },
  showErrorBox: (title: string, content: string) => void fake.errorBoxes.push([title, content]),
};

export const shell = { openPath: async (p: string) => (fake.openedPaths.push(p), '') };

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn: Listener) => (fake.permissionRequestHandler = fn),
    setPermissionCheckHandler: (fn: Listener) => (fake.permissionCheckHandler = fn),
    webRequest: { onHeadersReceived: (fn: Listener) => (fake.headersHandler = fn) },
  },
};

export const screen = { getAllDisplays: () => [{ bounds: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const contextBridge = { exposeInMainWorld: (name: string, api: unknown) => (fake.exposed[name] = api) };
export const ipcRenderer = {
  invoke: async (channel: string, input: unknown) => (fake.rendererInvokes.push([channel, input]), { ok: true, value: channel }),
};

export type IpcMainInvokeEvent = { senderFrame?: { url: string } };
export type MenuItemConstructorOptions = Record<string, unknown>;
export default { app, BrowserWindow, ipcMain, Menu, dialog, shell, session, screen, contextBridge, ipcRenderer };
