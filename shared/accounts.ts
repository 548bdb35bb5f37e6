// Accounts of a team workspace: who a person is (name, role, scope), and how a scope is written and
// matched. A scope is a place: 江西省, 江西省/宜春市 or 江西省/宜春市/樟树市; a record falls in it when
// its province (and prefecture, and county) are the scope's — compared by their folded names, so
// 江西省/宜春市/樟樹市 is the same scope as 江西省/宜春市/樟树市; a county by any of its names (吉林省/松原市/前郭县 is
// 前郭尔罗斯蒙古族自治县's scope, shared/place-short.ts).
import { PREFECTURE_NAMES, PROVINCE_NAMES } from './place-levels';
import { sameCounty } from './place-short';
import { fold } from './text';
import { samePrefecture, sameProvince } from './place-match';

/** county: a county's finance officer; prefecture: a 市 office's reviewer; province: the 商务厅; admin: accounts only. */
export const ROLES = ['county', 'prefecture', 'province', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const ROLE_LABELS: Record<Role, [string, string]> = {
  county: ['县级填报员', 'county officer'],
  prefecture: ['市级审核员', 'prefecture reviewer'],
  province: ['省级验收员', 'province reviewer'],
  admin: ['账户管理员', 'account administrator'],
};
export const roleLabel = (role: Role, lang: 'zh' | 'en'): string => ROLE_LABELS[role][lang === 'zh' ? 0 : 1];

/** How many parts a role's scope has: a county officer names its county, a reviewer its prefecture or province. */
export const SCOPE_DEPTH: Record<Role, readonly number[]> = { county: [3], prefecture: [2], province: [1], admin: [0, 1, 2, 3] };

/** A scope's parts: province, prefecture, county (as many as it names). */
export type Scope = readonly string[];

/** "江西省/宜春市" → ['江西省', '宜春市']; '' → [] (everywhere). Slashes of either width, no empty parts. */
export function parseScope(text: string): Scope | null {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '') return [];
  const parts = trimmed.split('/').map((p) => p.trim());
  return parts.length <= 3 && parts.every((p) => p.length > 0 && p.length <= 50) ? parts : null;
}

export const formatScope = (scope: Scope): string => scope.join('/');

const LEVELS = ['province', 'prefecture', 'county'] as const;
export type Level = (typeof LEVELS)[number];
const KNOWN_LEVEL = new Map<string, Level>([
  ...PREFECTURE_NAMES.map((n) => [fold(n), 'prefecture'] as const),
  ...PROVINCE_NAMES.map((n) => [fold(n), 'province'] as const),
]);

/**
 * A part of a scope in another part's place: a prefecture's or a province's name as the county (江西省/宜春市/赣州市),
 * a prefecture's as the province, a province's as the prefecture (the parts out of order) — by the names of GB/T 2260,
 * folded (贛州市 too). A municipality's prefecture may repeat its name (重庆市/重庆市/…). Null when none is.
 */
export function misplacedScopePart(scope: Scope): { part: Level; name: string; is: Level } | null {
  for (const [i, name] of scope.entries()) {
    const is = KNOWN_LEVEL.get(fold(name));
    if (is === undefined || is === LEVELS[i] || (i === 1 && fold(name) === fold(scope[0]))) continue;
    return { part: LEVELS[i], name, is };
  }
  return null;
}

/** Where a record stands: its province, prefecture and county (the first two may be unknown). */
export type Place = { province: string | null; prefecture: string | null; county: string };

/** One part of a place as a scope names it: a province or prefecture by its name or short form (楚雄州 is 楚雄彝族自治州), a county by any of its names. */
const PART_SAME = [sameProvince, samePrefecture, sameCounty] as const;
const partIs = (part: string | null, want: string, i: number) => part !== null && PART_SAME[i](part, want);

/** Does the record's place fall in the scope? A place a part of which is unknown falls only in a scope that does not name that part. */
export function placeInScope(place: Place, scope: Scope): boolean {
  return partOutsideScope(place, scope) === null;
}

/**
 * The part of a place outside the scope (0 province, 1 prefecture, 2 county) and its name in words: 赣州市 for
 * 江西省/赣州市/樟树市 in 江西省/宜春市/樟树市; null when the place lies in the scope.
 */
export function partOutsideScope(place: Place, scope: Scope): { part: number; name: string } | null {
  const parts = [place.province, place.prefecture, place.county];
  const part = scope.findIndex((want, i) => !partIs(parts[i], want, i));
  if (part < 0) return null;
  return { part, name: parts[part] ?? `${place.county}(${['省', '市'][part]}未填)` };
}

/** Is `inner` within `outer` (an administrator gives only scopes within its own)? */
export const scopeWithin = (inner: Scope, outer: Scope): boolean =>
  inner.length >= outer.length && outer.every((p, i) => partIs(inner[i], p, i));

/** A signed-in person as the app shows them. */
export type UserInfo = { name: string; role: Role; scope: string };

/** What every contract call knows of who calls: a signed-in user, or the local owner (the desktop, the CLI, `yanshou web`) with every right. */
export type Caller = { kind: 'owner' } | { kind: 'user'; id: number; name: string; role: Role; scope: Scope };
export const OWNER: Caller = { kind: 'owner' };
