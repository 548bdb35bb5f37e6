// `yanshou import` and doubts (issue 27 item 4): a workbook whose reading has a doubt writes
// nothing and exits 1, listing each doubt as file › sheet › cell, what was seen, what was read and
// why; --accept-warnings writes it and says so (and the history logs it); --json carries the doubts.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, tempDir } from '../../helpers/fixtures';

const BIN = path.join(ROOT, 'electron/cli/bin.mjs');
function yanshou(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, YANSHOU_LANG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('yanshou import and doubts', () => {
  it('amounts in 元 with 单位：元 only in a text box: exit 1, nothing written, each doubt at its cell with seen and read', async () => {
    const { yuanInTextBox } = await import('../../fixtures/doubtful');
    const dir = tempDir();
    const db = path.join(dir, 'd.sqlite');
    const xlsx = path.join(dir, 'box.xlsx');
    fs.writeFileSync(xlsx, await yuanInTextBox().bytes());
    const r = yanshou(['import', xlsx, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '疑点 [amount_scale] box.xlsx › 樟树市 › C20: 樟树市: 计划安排额度合计 15000000 万元是中央资金 1500 万元的 10000 倍',
    );
    expect(r.stderr).toContain('樟树市 › C20: 显示“15,000,000.00”,读作 15000000 万元(按万元读,未写明单位)');
    expect(r.stderr).toContain('[drawing_unit]');
    expect(r.stderr).toContain('工作表上的文本框写着“单位：元”(金额单位为元),而金额是按万元读入的;请核对金额单位');
    expect(r.stderr).toContain('未写入任何数据');
    expect(yanshou(['list', '--db', db, '--json']).stdout.trim()).toBe('[]');

    const json = yanshou(['import', xlsx, '--db', db, '--json']);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout);
    expect(out.records[0].action).toBe('held');
    const scale = out.doubts.find((d: { code: string }) => d.code === 'amount_scale');
    expect(scale).toMatchObject({ file: 'box.xlsx', sheet: '樟树市', cell: 'C20', confirmed: false });
    expect(scale.figures[0]).toEqual({
      sheet: '樟树市',
      cell: 'C20',
      seen: '15,000,000.00',
      read: '15000000',
      unit: 'wan',
      unitFrom: { kind: 'default' },
    });

    const accepted = yanshou(['import', xlsx, '--db', db, '--accept-warnings']);
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toMatch(/已按 --accept-warnings 写入 \d+ 个疑点/);
    expect(JSON.parse(yanshou(['list', '--db', db, '--json']).stdout)).toHaveLength(1);
  });

  it('in English too', async () => {
    const { doubtfulWorkbooks } = await import('../../fixtures/doubtful');
    const dir = tempDir();
    const xlsx = path.join(dir, 'footnote.xlsx');
    fs.writeFileSync(
      xlsx,
      await doubtfulWorkbooks()
        .find((w) => w.name === 'footnote')!
        .bytes(),
    );
    const r = yanshou(['import', xlsx, '--db', path.join(dir, 'e.sqlite'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('doubt [footnote_mark] footnote.xlsx › 樟树市 › D14');
    expect(r.stderr).toContain('D14: shows “640.21¹”, read as 640.21 (10k yuan)');
    expect(r.stderr).toContain('nothing was written');
  });

  it('replacing says what becomes of the stored payments; --payments remove removes them', async () => {
    const { typedSeedWorkbook, bytesOf } = await import('../../fixtures/workbooks');
    const dir = tempDir();
    const db = path.join(dir, 'p.sqlite');
    const xlsx = path.join(dir, 'seed.xlsx');
    fs.writeFileSync(xlsx, await bytesOf(typedSeedWorkbook({ script: 'hans' })));
    expect(yanshou(['import', xlsx, '--db', db]).code).toBe(0);
    expect(
      yanshou([
        'ledger',
        'add',
        '--db',
        db,
        '--county',
        '樟树市',
        '--line',
        '1',
        '--date',
        '2021-10-01',
        '--amount',
        '300',
        '--payee',
        '某公司',
      ]).code,
    ).toBe(0);
    const kept = yanshou(['import', xlsx, '--db', db, '--on-conflict', 'replace', '--dry-run']);
    expect(kept.stdout).toContain('保留原有拨付台账 1 笔');
    const removed = yanshou(['import', xlsx, '--db', db, '--on-conflict', 'replace', '--payments', 'remove']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('删除原有拨付台账 1 笔');
  });

  it('a county whose facts are in 万元 and tables in 元: the preview says 金额为多种单位, in English amounts in several units', async () => {
    const { bytesOf, excelOf, factsParagraph, layoutSheets, PLAIN_LAYOUT } = await import('../../fixtures/workbooks');
    const { referenceFixture } = await import('../../helpers/fixtures');
    const seed = referenceFixture('hans');
    const inYuan = { ...PLAIN_LAYOUT, unit: 'yuan' as const };
    const sheets = layoutSheets([seed], inYuan);
    // The paragraph's amounts in 万元, as a clerk often leaves them, above tables in 元.
    for (const row of sheets[0].rows)
      for (const cell of row) if (cell?.v === factsParagraph(seed, inYuan)) cell.v = factsParagraph(seed, PLAIN_LAYOUT);
    const dir = tempDir();
    const xlsx = path.join(dir, 'mixed.xlsx');
    fs.writeFileSync(xlsx, await bytesOf(excelOf(sheets)));
    const db = path.join(dir, 'm.sqlite');
    const zh = yanshou(['import', xlsx, '--db', db, '--dry-run']);
    expect(zh.stdout).toContain('计划 1500 万元, 实际 1235.96 万元, 拨付率 82.40%, 金额为多种单位(已换算为万元)');
    const en = yanshou(['import', xlsx, '--db', db, '--dry-run', '--lang', 'en']);
    expect(en.stdout).toContain('rate 82.40%, amounts in several units (converted to 10k yuan)');
  });
});
