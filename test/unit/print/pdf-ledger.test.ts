// yanshou pdf --ledger: the ledger of payments as an appendix, as the app's print preview has it.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { openDatabase } from '../../../electron/services/store/database';
import { createRecord } from '../../../electron/services/store/records';
import { editPayments } from '../../../electron/services/store/payments';
import { ROOT, seedInput, tempDir, ME } from '../../helpers/fixtures';

const BIN = path.join(ROOT, 'electron/cli/bin.mjs');
const text = (pdf: string) => execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

function pdfOf(db: string, args: string[]) {
  const out = path.join(path.dirname(db), `${args.join('-')}.pdf`);
  const r = spawnSync(process.execPath, [BIN, 'pdf', out, '--db', db, ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return out;
}

describe('yanshou pdf --ledger', () => {
  const db = path.join(tempDir(), 'ledger.sqlite');
  const store = openDatabase(db);
  const id = createRecord(store, ME, seedInput('hans'));
  editPayments(
    store,
    ME,
    id,
    [],
    [
      { line: 1, date: '2021-12-01', amount: '300', payee: '樟树市邮政分公司' },
      { line: 1, date: '2022-06-30', amount: '340.21', payee: '樟树市物流公司' },
    ],
  );
  store.close();

  it('prints the payments as of the day after table 三, the later one marked not counted; without it, no appendix', () => {
    const withLedger = text(pdfOf(db, ['--county', '樟树市', '--ledger', '--as-of', '2022-01-01']));
    expect(withLedger).toContain('附:中央财政资金拨付台账(截至2022年1月1日)');
    expect(withLedger).toContain('樟树市邮政分公司');
    expect(withLedger).toContain('截至日之后,不计入');
    const without = text(pdfOf(db, ['--county', '樟树市', '--as-of', '2022-01-01']));
    expect(without).not.toContain('附:');
  });
});
