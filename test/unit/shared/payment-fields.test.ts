// A payment's fields as a person types them (the ledger grid, `yanshou ledger add`), read the same
// in the renderer and the store, and refused in words that name the payment, the field and why.
import { describe, expect, it } from 'vitest';
import { isRequiredPaymentField, parsePaymentField, paymentRefusal } from '../../../shared/payment-fields';

const lines = [1, 2, 3, 4, 5, 6];

describe('reading a payment field', () => {
  it('a line is a 序号 of table 三, typed in any width of digits', () => {
    expect(parsePaymentField('line', '3', lines)).toEqual({ ok: true, value: 3 });
    expect(parsePaymentField('line', '３', lines)).toEqual({ ok: true, value: 3 });
    expect(parsePaymentField('line', 6, lines)).toEqual({ ok: true, value: 6 });
    for (const raw of ['7', '0', '1.5', '第1行', '12345678', '+3', '3e0', '0x3'])
      expect([raw, parsePaymentField('line', raw, lines)]).toEqual([raw, { ok: false, problem: 'no_line' }]);
  });

  it('a day in the ways people write it; not a month, not 31 February', () => {
    expect(parsePaymentField('date', '2021年12月1日', lines)).toEqual({ ok: true, value: '2021-12-01' });
    expect(parsePaymentField('date', ' 2021-12-01 ', lines)).toEqual({ ok: true, value: '2021-12-01' });
    for (const raw of ['2021-12', '2021-02-31', '下周'])
      expect([raw, parsePaymentField('date', raw, lines)]).toEqual([raw, { ok: false, problem: 'not_a_day' }]);
  });

  it('an amount in 万元 above 0, exact to the 分, typed or as a number', () => {
    expect(parsePaymentField('amount', '1,234.5', lines)).toEqual({ ok: true, value: '1234.5' });
    expect(parsePaymentField('amount', 340.21, lines)).toEqual({ ok: true, value: '340.21' });
    expect(parsePaymentField('amount', '0.000001', lines)).toEqual({ ok: true, value: '0.000001' });
    // A spreadsheet's 0.1 + 0.2 is 0.3 to the 分; a stray control character is dropped.
    expect(parsePaymentField('amount', 0.1 + 0.2, lines)).toEqual({ ok: true, value: '0.3' });
    expect(parsePaymentField('amount', '3\u00074', lines)).toEqual({ ok: true, value: '34' });
    // A payment in 元 (as vouchers give it) is converted exactly; ¥ alone is refused, never taken as 万元.
    expect(parsePaymentField('amount', '1,000,000.00元', lines)).toEqual({ ok: true, value: '100' });
    expect(parsePaymentField('amount', '¥1,000,000.00', lines)).toEqual({ ok: false, problem: 'currency_sign' });
    expect(parsePaymentField('amount', '0', lines)).toEqual({ ok: false, problem: 'not_positive' });
    expect(parsePaymentField('amount', '-5', lines)).toEqual({ ok: false, problem: 'not_positive' });
    expect(parsePaymentField('amount', 'abc', lines)).toEqual({ ok: false, problem: 'not_a_number' });
    expect(parsePaymentField('amount', '0.0000001', lines)).toMatchObject({ ok: false, problem: 'too_precise' });
  });

  it('line, day and amount are required; payee, voucher, stage and note may be empty, and are cut of stray control characters', () => {
    for (const field of ['line', 'date', 'amount'] as const) {
      expect(isRequiredPaymentField(field)).toBe(true);
      expect([field, parsePaymentField(field, '  ', lines), parsePaymentField(field, null, lines)]).toEqual([
        field,
        { ok: false, problem: 'missing' },
        { ok: false, problem: 'missing' },
      ]);
    }
    for (const field of ['payee', 'voucher', 'stage', 'note'] as const) {
      expect(isRequiredPaymentField(field)).toBe(false);
      expect(parsePaymentField(field, null, lines)).toEqual({ ok: true, value: '' });
    }
    expect(parsePaymentField('payee', ' 樟树市邮政\u0007分公司 ', lines)).toEqual({ ok: true, value: '樟树市邮政分公司' });
    expect(parsePaymentField('payee', '邮'.repeat(101), lines)).toEqual({ ok: false, problem: 'too_long' });
    expect(parsePaymentField('note', '备'.repeat(5000), lines)).toMatchObject({ ok: true });
  });
});

describe('edges', () => {
  it('a 序号 of two digits; twelve lines are listed, thirteen given as a range; sixty characters quoted whole', () => {
    const many = Array.from({ length: 13 }, (_, i) => i + 1);
    expect(parsePaymentField('line', '12', many)).toEqual({ ok: true, value: 12 });
    expect(paymentRefusal(1, 'line', '99', 'no_line', many.slice(0, 12), 'zh')).toContain(
      '表三的序号:1、2、3、4、5、6、7、8、9、10、11、12)',
    );
    expect(paymentRefusal(1, 'line', '99', 'no_line', many, 'zh')).toContain('表三的序号:1–13)');
    expect(paymentRefusal(2, 'payee', '邮'.repeat(60), 'too_long', lines, 'zh')).toContain(`“${'邮'.repeat(60)}”`);
    expect(paymentRefusal(1, 'line', '1', 'no_line', [], 'en')).toContain('table 3 has no lines yet');
  });

  it('the English words of each problem', () => {
    expect(paymentRefusal(2, 'amount', '0', 'not_positive', lines, 'en')).toBe(
      'Ledger payment 2, amount (10k yuan) “0” must be an amount above 0 (10k yuan)',
    );
    expect(paymentRefusal(2, 'payee', 'x', 'too_long', lines, 'en')).toContain('“x” is too long (at most 100 characters; a note 100,000)');
    expect(paymentRefusal(2, 'date', '', 'missing', lines, 'en')).toContain(
      'is not given (every payment needs a line No., a date and an amount)',
    );
    expect(paymentRefusal(2, 'amount', 'abc', 'not_a_number', lines, 'en')).toMatch(/^Ledger payment 2, amount \(10k yuan\) “abc” /);
  });
});

describe('the words of a refusal', () => {
  it('name the payment (counted from 1), the field, what was typed and why, in Chinese and English', () => {
    expect(paymentRefusal(3, 'amount', 'abc', 'not_a_number', lines, 'zh')).toBe('拨付台账第 3 笔 金额(万元)“abc”不是数字');
    expect(paymentRefusal(1, 'line', '9', 'no_line', lines, 'zh')).toBe(
      '拨付台账第 1 笔 序号“9”在表三中没有这一行(填表三的序号;表三的序号:1、2、3、4、5、6)',
    );
    expect(paymentRefusal(1, 'line', '9', 'no_line', [3, 1, 2], 'en')).toContain('the No. of table 3: 1, 2, 3');
    expect(
      paymentRefusal(
        1,
        'line',
        '99',
        'no_line',
        Array.from({ length: 40 }, (_, i) => i + 1),
        'zh',
      ),
    ).toContain('表三的序号:1–40');
    expect(paymentRefusal(1, 'line', '1', 'no_line', [], 'zh')).toContain('表三还没有行');
    expect(paymentRefusal(2, 'date', null, 'missing', lines, 'zh')).toBe(
      '拨付台账第 2 笔 拨付日期“”未填(每笔拨付都要有序号、拨付日期和金额)',
    );
    expect(paymentRefusal(2, 'date', '2021-13-01', 'not_a_day', lines, 'en')).toBe(
      'Ledger payment 2, date paid “2021-13-01” is not a day (write 2021-12-01)',
    );
    expect(paymentRefusal(2, 'amount', '0', 'not_positive', lines, 'zh')).toContain('应为大于 0 的金额(万元)');
    expect(paymentRefusal(2, 'payee', 'x', 'too_long', lines, 'zh')).toContain('太长');
    // A long value is quoted to its first 60 characters.
    expect(paymentRefusal(2, 'payee', '邮'.repeat(70), 'too_long', lines, 'zh')).toContain(`“${'邮'.repeat(60)}…”`);
  });
});
