// The desktop app, like the web mode: a long export must not stall the window's other calls. While a
// 1,000-county workbook is being made for the save dialog, the list of records is still answered.
// Asserted by order (a list answered before the export is), not by a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fake, ipcMain } from '../../fakes/electron';
import { CHANNEL_PREFIX } from '../../../shared/methods';
import { openDatabase } from '../../../electron/services/store/database';
import { createRecord } from '../../../electron/services/store/records';
import { writeTransaction } from '../../../electron/services/store/busy';
import { manyCounties } from '../../fixtures/counties';
import { tempDir, ME } from '../../helpers/fixtures';
import type { Desktop } from '../../../electron/main/desktop';

const COUNTIES = 1000;
const home = tempDir('yanshou-desktop-export-');
const file = path.join(home, 'many.sqlite');
const saved = { XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME, YANSHOU_DB: process.env.YANSHOU_DB };
let desktop: Desktop;
let pageUrl: string;
let ids: number[];

// A call from the app's own page through the fake ipcMain.
const call = async (method: string, input: unknown) =>
  (await ipcMain.call(`${CHANNEL_PREFIX}${method}`, input, pageUrl)) as { ok: boolean; value?: any; error?: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  const db = openDatabase(file);
  ids = writeTransaction(db, () => manyCounties(COUNTIES).map((r) => createRecord(db, ME, r)));
  db.close();
  process.env.XDG_CONFIG_HOME = home;
  process.env.YANSHOU_DB = file;
  const { startDesktop, INDEX } = await import('../../../electron/main/desktop');
  desktop = (await startDesktop())!;
  pageUrl = `file://${INDEX}`;
});

afterAll(async () => {
  await desktop?.ctx.heavy?.close();
  desktop?.ctx.db.close();
  Object.assign(process.env, saved);
});

describe('the desktop app: a long export does not stall the window', () => {
  it(`answers listRecords while ${COUNTIES} counties are exported for the save dialog, and the file is whole`, async () => {
    const out = path.join(tempDir(), 'all.xlsx');
    fake.saveAnswers.push(out);
    let exported = false;
    const exporting = call('saveExport', { ids, script: 'hans' }).then((r) => {
      exported = true;
      return r;
    });
    // Lists asked for one after another while the export runs, each as a message from the page
    // (after what else has arrived): at least one is answered before the export.
    const answeredDuring: number[] = [];
    while (!exported) {
      await new Promise((resolve) => setImmediate(resolve));
      const list = await call('listRecords', {});
      expect(list.ok).toBe(true);
      if (!exported) answeredDuring.push(list.value.length);
    }
    expect(answeredDuring.length).toBeGreaterThan(0);
    expect(answeredDuring[0]).toBe(COUNTIES);
    expect((await exporting).value.path).toBe(out);
    expect(fake.saveDialogs.at(-1)).toMatchObject({ defaultPath: expect.stringMatching(new RegExp(`验收表-${COUNTIES}县\\.xlsx$`)) });
    // A zip (the workbook), of every county's sheet: far larger than one county's.
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(bytes.length).toBeGreaterThan(500_000);
  });

  it('an export refused on the thread is refused to the window with its own reason', async () => {
    const saves = fake.saveDialogs.length;
    const refused = await call('saveExport', { ids: [999_999], script: 'hans' });
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('no_record');
    expect(fake.saveDialogs.length).toBe(saves);
  });
});
