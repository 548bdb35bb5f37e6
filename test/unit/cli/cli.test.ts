import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { ROOT, referenceFixtureText, tempDir } from '../../helpers/fixtures';

import { yanshou } from '../../helpers/cli';

/** A data file of its own holding the demo record: every test stands alone, in any order. */
function demoDb(): string {
  const db = path.join(tempDir(), 'cli.sqlite');
  expect(yanshou(['demo', '--db', db]).code).toBe(0);
  return db;
}

describe('yanshou CLI', () => {
  it('demo, then show --json prints the fixture record exactly, then its 四、绩效自评, found by either script', () => {
    const db = demoDb();
    const simplified = yanshou(['show', '--db', db, '--county', '樟树市', '--batch', '8', '--json']);
    expect(simplified.code).toBe(0);
    const { performance, ...record } = JSON.parse(simplified.stdout);
    expect(JSON.stringify(record, null, 2) + '\n').toBe(referenceFixtureText('hans'));
    expect(performance.funds).toMatchObject({ budget: '1500', executed: '1235.96', rate: '82.40', score: '8.24', weight: '10' });
    const traditional = yanshou(['show', '--db', db, '--county', '樟樹市', '--batch', '8', '--json']);
    expect(traditional.stdout).toBe(simplified.stdout);
  });

  it('demo a second time changes nothing', () => {
    const db = demoDb();
    const again = yanshou(['demo', '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('已存在');
    expect(JSON.parse(yanshou(['list', '--db', db, '--json']).stdout)).toHaveLength(1);
  });

  it('check finds nothing on the seed but its 执行率 of 82.40%, below the line of 90%', () => {
    const db = demoDb();
    const r = yanshou(['check', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const { ok, findings } = JSON.parse(r.stdout);
    expect(ok).toBe(true);
    expect(findings.map((f: { code: string }) => f.code)).toEqual(['perf_rate_below_line']);
    expect(yanshou(['check', '--db', db]).stdout).toContain('资金执行率 82.40% 低于省定标准 90%');
  });

  it('list --json gives totals and rate per record', () => {
    const db = demoDb();
    const [row] = JSON.parse(yanshou(['list', '--db', db, '--json']).stdout);
    expect(row).toEqual({
      id: 1,
      name: '樟树市',
      province: '江西省',
      prefecture: '宜春市',
      batch: 8,
      year: 2021,
      planned: '1500',
      actual: '1235.96',
      rate: '82.40',
      warnings: 1,
    });
  });

  it('answers bad usage with exit 2 and one clear line, never a stack trace', () => {
    const db = demoDb();
    for (const args of [['frobnicate'], ['show', '--db', db, '--bogus'], ['show', '--db', db, '--county', '樟树市', '--batch', 'x']]) {
      const r = yanshou(args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    }
    const missing = yanshou(['show', '--db', db, '--county', '南昌县']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('没有找到 南昌县');
  });

  it('speaks English when asked', () => {
    const db = demoDb();
    const r = yanshou(['show', '--db', db, '--county', 'Nowhere', '--lang', 'en']);
    expect(r.stderr).toContain('No record for Nowhere');
  });

  it('refuses a database from a newer Yanshou, exit 2, bytes unchanged', () => {
    const db = demoDb();
    const file = path.join(tempDir(), 'newer.sqlite');
    fs.copyFileSync(db, file);
    const raw = spawnSync(
      process.execPath,
      [
        '-e',
        `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)});d.pragma('journal_mode=DELETE');d.pragma('user_version=99');d.close()`,
      ],
      { cwd: ROOT },
    );
    expect(raw.status).toBe(0);
    const before = fs.readFileSync(file);
    const r = yanshou(['list', '--db', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('更新版本');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('yanshou import and export', () => {
  it('imports a typed workbook, prints the JSON of cli.md, then exports it back', async () => {
    const { bytesOf, typedSeedWorkbook } = await import('../../fixtures/workbooks');
    const dir = tempDir();
    const db = path.join(dir, 'io.sqlite');
    const xlsx = path.join(dir, '樟樹市.xlsx');
    fs.writeFileSync(xlsx, await bytesOf(typedSeedWorkbook({ script: 'hant' })));
    const dry = yanshou(['import', xlsx, '--db', db, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({
      ok: true,
      records: [
        {
          county: '樟樹市',
          batch: 8,
          items: 6,
          disbursements: 6,
          action: 'would-create',
          file: '樟樹市.xlsx',
          sheet: '樟樹市',
          planned: '1500',
          actual: '1235.96',
          rate: '82.40',
          unit: 'wan',
          ignored: 0,
        },
      ],
      findings: [],
    });
    expect(yanshou(['list', '--db', db, '--json']).stdout.trim()).toBe('[]');
    const done = yanshou(['import', xlsx, '--db', db, '--json']);
    expect(JSON.parse(done.stdout).records[0].action).toBe('created');
    expect(yanshou(['show', '--db', db, '--county', '樟树市', '--json']).stdout).toBe(referenceFixtureText('hant'));
    const again = yanshou(['import', xlsx, '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已有记录');
    const out = path.join(dir, 'out.xlsx');
    expect(yanshou(['export', out, '--db', db, '--script', 'hant']).code).toBe(0);
    const reimport = yanshou(['import', out, '--db', db, '--on-conflict', 'replace', '--json']);
    expect(JSON.parse(reimport.stdout).records[0].action).toBe('replaced');
    expect(yanshou(['show', '--db', db, '--county', '樟树市', '--json']).stdout).toBe(referenceFixtureText('hant'));
  });

  it('refuses a file that is not xlsx with one line naming it, exit 2, nothing written', () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.sqlite');
    const xls = path.join(dir, 'old.xls');
    fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    const r = yanshou(['import', xls, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('old.xls: 这是旧版 .xls 或 WPS .et 文件,请在 Excel 或 WPS 中“另存为” .xlsx 后再导入');
  });

  it('an .xls among several files: named, the others read and previewed, nothing written, exit 2', async () => {
    const { bytesOf, typedSeedWorkbook } = await import('../../fixtures/workbooks');
    const dir = tempDir();
    const db = path.join(dir, 'x.sqlite');
    const xls = path.join(dir, 'old.xls');
    fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    const xlsx = path.join(dir, 'good.xlsx');
    fs.writeFileSync(xlsx, await bytesOf(typedSeedWorkbook({ script: 'hans' })));
    const r = yanshou(['import', xlsx, xls, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('old.xls: 这是旧版 .xls 或 WPS .et 文件');
    expect(r.stdout).toContain('樟树市 第8批  good.xlsx');
    expect(r.stderr).toContain('old.xls 无法读取,未写入任何数据');
    expect(yanshou(['list', '--db', db, '--json']).stdout).not.toContain('樟树市');
  });

  it('reports an error cell on stderr and exits 1', async () => {
    const { bytesOf, typedSeedWorkbook } = await import('../../fixtures/workbooks');
    const dir = tempDir();
    const xlsx = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(xlsx, await bytesOf(typedSeedWorkbook({ script: 'hans' }, (t) => (t.disbursements[2][2] = '一百五十'))));
    const r = yanshou(['import', xlsx, '--db', path.join(dir, 'b.sqlite')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('错误 [not_a_number] bad.xlsx › 樟树市 › C17: 计划安排额度(万元)“一百五十”不是数字');
  });
});

describe('one door: the CLI answers as the contract does', () => {
  /** What the contract's dispatch (the app's and the browser's door) answers to the same call on the same record. */
  async function contractAnswer(method: 'setStatus' | 'editPayments', input: (id: number) => unknown): Promise<string> {
    const { openDatabase } = await import('../../../electron/services/store/database');
    const { addDemo } = await import('../../../electron/services/demo');
    const { setStatus } = await import('../../../electron/services/store/status');
    const { dispatch } = await import('../../../electron/services/api');
    const db = openDatabase(':memory:');
    const { id } = addDemo(db, { client: 'test', kind: 'cli' });
    setStatus(db, { client: 'test', kind: 'cli' }, id, { status: 'accepted', by: '赵处长' });
    const r = await dispatch({ db, dbFile: ':memory:', version: 'test', renderPdf: async () => new Uint8Array() }, method, input(id), {
      client: 'test',
      kind: 'cli',
    });
    return r.ok ? 'accepted' : r.error.message;
  }

  it("a reason longer than the contract takes is refused in the contract's words, exit 1, the record still accepted", async () => {
    const db = demoDb();
    expect(yanshou(['status', '--county', '樟树市', '--set', 'accepted', '--by', '赵处长', '--db', db]).code).toBe(0);
    const reason = '理'.repeat(1001);
    const r = yanshou(['status', '--county', '樟树市', '--set', 'draft', '--by', '赵处长', '--reason', reason, '--db', db]);
    expect([r.code, r.stderr.trim()]).toEqual([
      1,
      await contractAnswer('setStatus', (id) => ({ id, status: 'draft', by: '赵处长', reason })),
    ]);
    expect(r.stderr).toContain('reason');
    expect(yanshou(['status', '--county', '樟树市', '--json', '--db', db]).stdout).toContain('"accepted"');
  });

  it('`yanshou status` shows the day the status was set, as the app does, not a UTC time', () => {
    const db = demoDb();
    const set = yanshou(['status', '--county', '樟树市', '--set', 'accepted', '--by', '赵处长', '--db', db]);
    const { day } = JSON.parse(yanshou(['status', '--county', '樟树市', '--json', '--db', db]).stdout) as { day: string };
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(set.stdout.trim()).toBe(`已验收  赵处长  ${day}`);
    expect(yanshou(['status', '--county', '樟树市', '--db', db]).stdout.trim()).toBe(`已验收  赵处长  ${day}`);
  });

  it('a payment added to an accepted county is refused with the same words as in the app', async () => {
    const db = demoDb();
    expect(yanshou(['status', '--county', '樟树市', '--set', 'accepted', '--by', '赵处长', '--db', db]).code).toBe(0);
    const r = yanshou(['ledger', 'add', '--county', '樟树市', '--line', '1', '--date', '2021-12-01', '--amount', '300', '--db', db]);
    const answer = await contractAnswer('editPayments', (id) => ({
      recordId: id,
      edits: [],
      append: [{ line: '1', date: '2021-12-01', amount: '300' }],
    }));
    expect(answer).toContain('已验收');
    expect([r.code, r.stderr.trim()]).toEqual([1, answer]);
  });
});
