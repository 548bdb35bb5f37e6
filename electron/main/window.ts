// The one window: secure web preferences, no navigation, no new windows, no permissions, a strict
// CSP, and the size and position it had last time.
import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, screen, session } from 'electron';
import { CSP } from '../web/server';

export const SECURE_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
} as const;

type Bounds = { x?: number; y?: number; width: number; height: number; maximized?: boolean };
const DEFAULT_BOUNDS: Bounds = { width: 1360, height: 900 };

export function loadBounds(file: string): Bounds {
  try {
    const b = JSON.parse(fs.readFileSync(file, 'utf8')) as Bounds;
    const ok = [b.width, b.height].every((n) => Number.isInteger(n) && n >= 400 && n <= 10_000);
    if (!ok) return DEFAULT_BOUNDS;
    // A window remembered on a screen that is gone comes back at the default place.
    if (b.x !== undefined && b.y !== undefined) {
      const onScreen = screen
        .getAllDisplays()
        .some(
          (d) =>
            b.x! >= d.bounds.x - 50 && b.y! >= d.bounds.y - 50 && b.x! < d.bounds.x + d.bounds.width && b.y! < d.bounds.y + d.bounds.height,
        );
      if (!onScreen) return { width: b.width, height: b.height, maximized: b.maximized };
    }
    return b;
  } catch {
    return DEFAULT_BOUNDS;
  }
}

export function saveBounds(file: string, win: BrowserWindow): void {
  try {
    const maximized = win.isMaximized();
    const b = maximized ? win.getNormalBounds() : win.getBounds();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ ...b, maximized }));
  } catch {
    // Losing the window position is not worth an error.
  }
}

/** Denies what the app never needs, for every page in the default session. */
export function hardenSession(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }),
  );
}

export function createMainWindow(options: { preload: string; index: string; boundsFile: string; title: string }): BrowserWindow {
  const bounds = loadBounds(options.boundsFile);
  const win = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: options.title,
    backgroundColor: '#f5f6f8',
    webPreferences: { ...SECURE_PREFERENCES, preload: options.preload },
  });
  if (bounds.maximized) win.maximize();
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.on('close', () => saveBounds(options.boundsFile, win));
  void win.loadFile(options.index);
  return win;
}
