// Which place a record is: a county's name repeats across provinces and prefectures (江北区 of 重庆市 and of 宁波市,
// 鼓楼区 in four cities — GB/T 2260), so a record is one county by its name and batch *and* the province and
// prefecture it states. A part stated on one side only does not tell two places apart (a title that names no
// province is the county of that name). Names compare folded and in their short forms: 浙江 is 浙江省, 广西 广西壮族自治区,
// 楚雄州 楚雄彝族自治州 (as 长白县 is 长白朝鲜族自治县 — shared/place-short.ts), 宁波 宁波市.
import { PEOPLE } from './place-short';
import { PROVINCE_NAMES } from './place-levels';
import { fold } from './text';

const PROVINCE = new RegExp(`^(.{2,}?)(?:${PEOPLE}*自治区|特别行政区|省|市)$`, 'u');
const AUTONOMOUS_PREFECTURE = new RegExp(`^(.{2,}?)${PEOPLE}*自治州$`, 'u');

/** A province's name as compared: 浙江省 → 浙江, 广西壮族自治区 → 广西, 重庆市 → 重庆. */
export function provinceKey(name: string): string {
  const key = fold(name);
  return PROVINCE.exec(key)?.[1] ?? key;
}

/** A prefecture's name as compared: 楚雄彝族自治州 → 楚雄州 (its short form), 宁波市 → 宁波; 阿里地区, 锡林郭勒盟 as they are. */
export function prefectureKey(name: string): string {
  const key = fold(name);
  const autonomous = AUTONOMOUS_PREFECTURE.exec(key);
  if (autonomous) return `${autonomous[1]}州`;
  return /^.{2,}市$/u.test(key) ? key.slice(0, -1) : key;
}

/** The province and prefecture a record states (either may be unknown). */
export type StatedPlace = { province: string | null; prefecture: string | null };

const given = (text: string | null | undefined): text is string => typeof text === 'string' && fold(text) !== '';
const differ = (a: string | null | undefined, b: string | null | undefined, key: (name: string) => string) =>
  given(a) && given(b) && key(a) !== key(b);

/**
 * Do two records of one county name stand in different places: a province, or a prefecture, both state and that differ?
 * A municipality's county may give the city as its prefecture or none (重庆市江北区, 重庆市重庆市江北区).
 */
export function placesDiffer(a: StatedPlace, b: StatedPlace): boolean {
  if (differ(provinceOf(a), provinceOf(b), provinceKey)) return true;
  return differ(a.prefecture, b.prefecture, prefectureKey);
}

const PROVINCES = new Set(PROVINCE_NAMES.map(provinceKey));
/** The province a place states: its own, or a municipality read as its prefecture (重庆市江北区: 重庆市). */
const provinceOf = (p: StatedPlace): string | null =>
  given(p.province) ? p.province : given(p.prefecture) && PROVINCES.has(provinceKey(p.prefecture)) ? p.prefecture : null;

/** The record's place in words, for a message: 浙江省宁波市江北区; a county whose place is not stated gives its name only. */
export function placeName(place: StatedPlace & { county: string }): string {
  const parts = [place.province, place.prefecture].filter(given);
  // 重庆市 重庆市 江北区: the municipality once.
  const unique = parts.filter((p, i) => i === 0 || provinceKey(p) !== provinceKey(parts[0]));
  return `${unique.join('')}${place.county}`;
}

/** Same prefecture, by its name or its short form (scopes, grouping): 楚雄州 and 楚雄彝族自治州. */
export const samePrefecture = (a: string, b: string): boolean => prefectureKey(a) === prefectureKey(b);
export const sameProvince = (a: string, b: string): boolean => provinceKey(a) === provinceKey(b);

/** Does `written` name this county in its place — 浙江省宁波市江北区, 宁波市江北区, 浙江江北区 for 江北区 of 浙江省宁波市? */
export function namesPlace(written: string, place: StatedPlace & { county: string }): boolean {
  const text = fold(written);
  const name = fold(place.county);
  if (!text.endsWith(name)) return false;
  const before = text.slice(0, text.length - name.length);
  const forms = (n: string | null, key: (name: string) => string) => (given(n) ? ['', fold(n), key(n)] : ['']);
  return forms(place.province, provinceKey).some(
    (p) => before.startsWith(p) && forms(place.prefecture, prefectureKey).includes(before.slice(p.length)),
  );
}
