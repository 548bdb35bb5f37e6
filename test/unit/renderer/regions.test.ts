// The page's regions for the keyboard: F6 goes round them, Ctrl+Tab round the tables, Ctrl+Shift+1/2 switch views.
import { describe, expect, it } from 'vitest';
import { nextIndex, regionKey } from '../../../renderer/src/regions';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean }> = {}, code = '') => ({
  key: k,
  code,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('regions', () => {
  it('F6 goes to the next region round the page, Shift+F6 back; from outside any region, to the first or the last', () => {
    expect(nextIndex(4, 3, false)).toBe(0);
    expect(nextIndex(4, 0, true)).toBe(3);
    expect(nextIndex(4, -1, false)).toBe(0);
    expect(nextIndex(4, -1, true)).toBe(3);
    expect(nextIndex(0, -1, false)).toBe(-1);
  });

  it('reads F6, Ctrl+Tab and Ctrl+Shift+1/2; leaves Tab and Ctrl+F6 alone', () => {
    expect(regionKey(key('F6'))).toEqual({ kind: 'region', back: false });
    expect(regionKey(key('F6', { shiftKey: true }))).toEqual({ kind: 'region', back: true });
    expect(regionKey(key('Tab', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'table', back: true });
    expect(regionKey(key('!', { ctrlKey: true, shiftKey: true }, 'Digit1'))).toEqual({ kind: 'view', view: 'records' });
    expect(regionKey(key('@', { metaKey: true, shiftKey: true }, 'Digit2'))).toEqual({ kind: 'view', view: 'overview' });
    expect(regionKey(key('Tab'))).toBeNull();
    expect(regionKey(key('F6', { ctrlKey: true }))).toBeNull();
  });
});
