// The ledger as an optional appendix of the printed document, as of the chosen day.
import { describe, expect, it } from 'vitest';
import { printHtml } from '../../../shared/print';
import { computeRecord } from '../../../shared/record';
import { seedInput } from '../../helpers/fixtures';

const record = computeRecord(
  {
    ...seedInput(),
    payments: [
      { line: 1, date: '2021-12-01', amount: '300', payee: '樟树市邮政分公司', voucher: '记-2021-118', stage: '签订协议', note: '' },
      { line: 1, date: '2022-06-30', amount: '340.21', payee: '', voucher: '', stage: '', note: '' },
    ],
  },
  { asOf: '2022-01-01' },
);
const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the ledger appendix', () => {
  it('lists every payment under 附:拨付台账 as of the day, the one after the day marked not counted', () => {
    const html = printHtml([record], { script: 'hans', signature: true, ledger: true });
    const text = plain(html);
    expect(text).toContain('附:中央财政资金拨付台账(截至2022年1月1日)');
    expect(text).toContain('1 县乡村物流快递配送体系建设 2021-12-01 300.00 樟树市邮政分公司 记-2021-118 签订协议');
    expect(text).toContain('2022-06-30 截至日之后,不计入 340.21');
    expect(html.match(/class="after-as-of"/g)).toHaveLength(1);
    // The appendix comes before the signatures.
    expect(html.indexOf('附:中央财政资金拨付台账')).toBeLessThan(html.indexOf('class="signature"'));
  });

  it('is left out unless asked for, and for a record without payments', () => {
    expect(printHtml([record], { script: 'hans', signature: true })).not.toContain('拨付台账');
    expect(printHtml([computeRecord(seedInput())], { script: 'hans', signature: true, ledger: true })).not.toContain('附:');
    expect(plain(printHtml([record], { script: 'hant', signature: true, ledger: true }))).toContain(
      '附:中央財政資金撥付台賬(截至2022年1月1日)',
    );
  });
});
