import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { openDatabase } from '../../../electron/services/store/database';
import { createRecord } from '../../../electron/services/store/records';
import { printHtml } from '../../../shared/print';
import { ROOT, referenceFixture, seedInput, tempDir, ME } from '../../helpers/fixtures';

const BIN = path.join(ROOT, 'electron/cli/bin.mjs');
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const pageText = (pdf: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });
// Reading order keeps a wrapped cell's text together; -layout would interleave neighbouring cells.
const allText = (pdf: string) => execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, '');

function pdfOf(db: string, args: string[]) {
  const out = path.join(path.dirname(db), `${args.join('-') || 'all'}.pdf`);
  const r = spawnSync(process.execPath, [BIN, 'pdf', out, '--db', db, ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return out;
}

describe('yanshou pdf: the acceptance document on A4', () => {
  const db = path.join(tempDir(), 'print.sqlite');
  const store = openDatabase(db);
  createRecord(store, ME, seedInput('hans'));
  const long = seedInput('hans');
  long.county = { ...long.county, name: '南丰县', batch: 9 };
  long.disbursements = Array.from({ length: 40 }, (_, i) => ({
    seq: i + 1,
    category: 'logistics' as const,
    name: `第${i + 1}号乡村物流配送站点建设项目`,
    planned: String(1000 + i),
    actual: `${500 + i}.5`,
  }));
  createRecord(store, ME, long);
  store.close();

  it('the seed: three headings, all six rows of each table, 1235.96 and 82.40%, on at most 3 A4 pages', () => {
    const pdf = pdfOf(db, ['--county', '樟树市']);
    const text = squash(allText(pdf));
    for (const heading of [
      '一、基本情况',
      '二、项目建设完成情况',
      '三、中央财政资金拨付情况',
      '樟树市电子商务进农村综合示范县项目验收情况表',
    ])
      expect(text).toContain(heading);
    const seed = referenceFixture('hans');
    for (const item of seed.items) expect(text).toContain(squash(item.name));
    for (const d of seed.disbursements) expect(text).toContain(`${squash(d.name)}`);
    for (const rate of ['82.61%', '85.19%', '66.67%', '89.85%', '91.40%', '73.53%']) expect(text).toContain(rate);
    expect(text).toContain('1235.96');
    expect(text).toContain('82.40%');
    expect(text).toContain('验收组成员签字');
    expect(pages(pdf)).toBeLessThanOrEqual(3);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 59\d\.\d+ pts \(A4\)/);
    expect(squash(pageText(pdf, 1))).toContain(`第1页共${pages(pdf)}页`);
  });

  it('traditional headings on request, every fixed text in that script (頁 in the footer), and no signature block when not wanted', () => {
    const pdf = pdfOf(db, ['--county', '樟树市', '--script', 'hant', '--no-signature']);
    const text = squash(allText(pdf));
    expect(squash(pageText(pdf, 1))).toContain(`第1頁共${pages(pdf)}頁`);
    expect(text).not.toContain('页');
    expect(text).toContain('三、中央財政資金撥付情況');
    expect(text).toContain('截至驗收日,已撥付承辦企業資金共1235.96萬元,資金撥付率82.40%。');
    expect(text).not.toContain('簽字');
  });

  it('a 40-row table breaks across pages with its header repeated and no row cut', () => {
    const pdf = pdfOf(db, ['--county', '南丰县']);
    const n = pages(pdf);
    expect(n).toBeGreaterThan(1);
    const texts = Array.from({ length: n }, (_, i) => pageText(pdf, i + 1));
    const pagesWithRows = texts.map((t, i) => ({ t, i })).filter(({ t }) => /第\d+号乡村物流配送站点/.test(t));
    expect(pagesWithRows.length).toBeGreaterThan(1);
    for (const { t } of pagesWithRows) expect(squash(t)).toContain('具体项目名称');
    for (let i = 1; i <= 40; i++) {
      const name = `第${i}号乡村物流配送站点建设项目`;
      const holding = texts.filter((t) => squash(t).includes(name));
      expect(holding, name).toHaveLength(1);
      // The whole row is on that page: its amounts stand beside its name.
      expect(squash(holding[0])).toContain(`${name}${1000 + i - 1}.00${500 + i - 1}.50`);
    }
  });

  it('escapes what people typed: no markup from a record reaches the page', () => {
    const record = referenceFixture('hans');
    record.items[0].name = '<script>alert(1)</script> & "引号"';
    const html = printHtml([record], { script: 'hans', signature: false });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;');
    expect(html).not.toContain('<script>');
  });
});
