// The printable document as PDF, rendered by the system's Chromium or Chrome (playwright-core
// drives it; no browser is ever downloaded). The desktop app uses Electron's printToPDF instead.
import fs from 'node:fs';
import path from 'node:path';
import { appError } from '../../../shared/errors';

const CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    path.join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Google/Chrome/Application/chrome.exe'),
    path.join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Microsoft/Edge/Application/msedge.exe'),
    path.join(process.env.LOCALAPPDATA ?? '', 'Google/Chrome/Application/chrome.exe'),
  ],
};

export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string | null {
  const candidates = [env.CHROMIUM_PATH, ...(CANDIDATES[platform] ?? [])].filter((p): p is string => Boolean(p));
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export const noChromium = () =>
  appError(
    'no_chromium',
    '找不到 Chromium 或 Chrome,无法生成 PDF。请安装 Chromium(Debian/Ubuntu: sudo apt-get install chromium)或 Google Chrome,或用环境变量 CHROMIUM_PATH 指定浏览器程序的路径。',
    'No Chromium or Chrome found to render the PDF. Install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or Google Chrome, or set CHROMIUM_PATH to the browser program.',
  );

export async function renderPdf(html: string, env: NodeJS.ProcessEnv = process.env): Promise<Uint8Array<ArrayBuffer>> {
  const executablePath = findChromium(env);
  if (!executablePath) throw noChromium();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    const page = await browser.newPage();
    // Nothing but the document itself: no network.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  } finally {
    await browser.close();
  }
}
