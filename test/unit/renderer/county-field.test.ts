// 一、基本情况's field rules (renderer/src/countyField.ts) without a browser: a value read as the
// store keeps it or refused naming the field, a field's own findings, and the keys a locked field
// takes as an attempt to change it.
import { describe, expect, it } from 'vitest';
import { findingsOf, readField, triesToChange } from '../../../renderer/src/countyField';
import type { Finding } from '../../../shared/findings';

describe('a basic fact typed', () => {
  it('is shown as the store keeps it: 第七批 → 7, ２，０００ → 2000, an empty date stays empty', () => {
    expect(readField('batch', '第七批')).toEqual({ ok: true, shown: '7' });
    expect(readField('investment.total', '２，０００')).toEqual({ ok: true, shown: '2000' });
    expect(readField('acceptedOn', '')).toEqual({ ok: true, shown: '' });
  });

  it('refused: why, naming the field and what was typed, in the language shown', () => {
    const refused = readField('batch', 'abc');
    expect(refused.ok).toBe(false);
    const zh = !refused.ok ? refused.why('zh') : '';
    expect(zh).toContain('批次');
    expect(zh).toContain('abc');
    const en = readField('investment.total', '-5');
    expect(!en.ok && en.why('en')).toContain('-5');
    expect(!en.ok && en.why('en')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('a field’s findings', () => {
  const finding = (table: string, field: string): Finding =>
    ({ severity: 'warning', code: 'missing_fact', params: {}, target: { table, field } }) as Finding;

  it('are those about it, its 投资 named with or without investment.; another field’s or table’s are not', () => {
    const all = [finding('county', 'total'), finding('county', 'investment.central'), finding('county', 'name'), finding('items', 'name')];
    expect(findingsOf(all, 'investment.total')).toEqual([all[0]]);
    expect(findingsOf(all, 'investment.central')).toEqual([all[1]]);
    expect(findingsOf(all, 'name')).toEqual([all[2]]);
  });
});

describe('a key in a locked field', () => {
  const key = (k: string, ctrl = false) => ({ key: k, ctrlKey: ctrl, metaKey: false });
  it('moving, selecting and copying are allowed; typing, deleting, cutting and pasting are attempts to change it', () => {
    for (const k of ['Tab', 'ArrowLeft', 'Home', 'PageDown', 'Escape', 'Shift']) expect(triesToChange(key(k))).toBe(false);
    expect(triesToChange(key('c', true))).toBe(false);
    expect(triesToChange(key('A', true))).toBe(false);
    for (const k of ['x', '7', 'Backspace', 'Delete', 'Enter']) expect(triesToChange(key(k))).toBe(true);
    expect(triesToChange(key('v', true))).toBe(true);
    expect(triesToChange(key('x', true))).toBe(true);
  });
});
