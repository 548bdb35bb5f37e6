// Printing in the desktop app: the document in a hidden, locked-down window, then the system
// print dialog (webContents.print) or a PDF (webContents.printToPDF).
import { BrowserWindow } from 'electron';
import { SECURE_PREFERENCES } from './window';

async function documentWindow(html: string): Promise<BrowserWindow> {
  const win = new BrowserWindow({ show: false, webPreferences: { ...SECURE_PREFERENCES, javascript: false } });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  return win;
}

export async function printToPdf(html: string): Promise<Uint8Array<ArrayBuffer>> {
  const win = await documentWindow(html);
  try {
    const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
  }
}

export async function printWithDialog(html: string): Promise<void> {
  const win = await documentWindow(html);
  await new Promise<void>((resolve) => win.webContents.print({ printBackground: true }, () => resolve()));
  win.destroy();
}
