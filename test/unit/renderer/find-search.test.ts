// Find and replace's rules (renderer/src/find/search.ts) without a browser: the keys that open the
// bar, each occurrence a place of its own, stepping round the end, and the count beside the field.
import { describe, expect, it } from 'vitest';
import { countText, modeOf, placesOf, stepFrom } from '../../../renderer/src/find/search';
import { FIND_STRINGS } from '../../../renderer/src/find/strings';
import { computeRecord } from '../../../shared/record';
import { seedInput } from '../../helpers/fixtures';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the keys of find and replace', () => {
  it('Ctrl+F finds, Ctrl+H (⌘H) replaces, whatever the case; with Shift or Alt, or alone, they are not ours', () => {
    expect(modeOf(key('f', { ctrlKey: true }))).toBe('find');
    expect(modeOf(key('F', { ctrlKey: true }))).toBe('find');
    expect(modeOf(key('h', { metaKey: true }))).toBe('replace');
    expect(modeOf(key('f', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(modeOf(key('h', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(modeOf(key('f'))).toBeNull();
    expect(modeOf(key('g', { ctrlKey: true }))).toBeNull();
  });
});

describe('the places found', () => {
  it('a cell holding the text twice is two places; no text, no places', () => {
    const input = seedInput();
    input.items[0].name = '甲乙丙丁甲乙丙丁';
    input.items[1].name = '甲乙丙丁';
    const record = computeRecord(input, { asOf: '2022-12-31' });
    const places = placesOf(record, '甲乙丙丁');
    expect(places.map((p) => [p.table, p.row, p.field])).toEqual([
      ['items', 0, 'name'],
      ['items', 0, 'name'],
      ['items', 1, 'name'],
    ]);
    expect(placesOf(record, '')).toEqual([]);
  });

  it('steps round the end both ways; the first step forward is the first place', () => {
    expect(stepFrom(-1, 1, 3)).toBe(0);
    expect(stepFrom(2, 1, 3)).toBe(0);
    expect(stepFrom(0, -1, 3)).toBe(2);
    expect(stepFrom(1, -1, 3)).toBe(0);
  });

  it('the count says nothing before a text is typed, then none, how many, or which of how many', () => {
    const s = FIND_STRINGS.zh;
    expect(countText(s, '', 0, -1)).toBe('');
    expect(countText(s, '仓储', 0, -1)).toBe('没有找到');
    expect(countText(s, '仓储', 3, -1)).toBe('共 3 处');
    expect(countText(s, '仓储', 3, 1)).toBe('第 2 / 3 处');
  });
});
