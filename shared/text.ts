// Text matching: simplified and traditional characters, full- and half-width forms, white space.
// Matching folds; storage never does — what a person typed is kept as typed. Folding works
// character by character over OpenCC's character tables (script-chars.ts, 30 KB), so it is
// synchronous, instant and the same in the app, the CLI and the browser.
import { SIMPLIFIED_ONLY, TRADITIONAL_TO_SIMPLIFIED } from './script-chars';

export type Script = 'hans' | 'hant';

const simplifiedOf = new Map<string, string>();
{
  const chars = [...TRADITIONAL_TO_SIMPLIFIED];
  for (let i = 0; i < chars.length; i += 2) simplifiedOf.set(chars[i], chars[i + 1]);
}
const simplifiedOnly = new Set(SIMPLIFIED_ONLY);

// One pass of a compiled character class finds the few traditional characters in a text; most
// characters are left alone, so long texts (paragraphs) fold without a loop per character.
const traditional = new RegExp(`[${[...simplifiedOf.keys()].map((ch) => ch.replace(/[\\\]\[^-]/g, '\\$&')).join('')}]`, 'gu');
const simplify = (ch: string) => simplifiedOf.get(ch)!;

function toSimplified(text: string): string {
  return text.replace(traditional, simplify);
}

const foldCache = new Map<string, string>();

/** The matching key of a text: NFKC (full-width → half-width), traditional → simplified, no white space. */
export function fold(text: string): string {
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  const folded = toSimplified(text.normalize('NFKC')).replace(/\s+/g, '');
  // Short texts (headers, labels, names) repeat across sheets and rows; long ones rarely do.
  if (text.length <= 64) {
    if (foldCache.size > 20_000) foldCache.clear();
    foldCache.set(text, folded);
  }
  return folded;
}

/** The identity key of a county name (record.md, Identity). */
export function countyKey(name: string): string {
  return fold(name);
}

/** 'hant' for a traditional-only character, 'hans' for a simplified-only one, null for either. */
function charScript(ch: string): Script | null {
  return simplifiedOf.has(ch) ? 'hant' : simplifiedOnly.has(ch) ? 'hans' : null;
}

/** Which script a text is mostly written in, judged by characters that differ between the two. */
export function detectScript(text: string): Script {
  let traditional = 0;
  let simplified = 0;
  for (const ch of text.slice(0, 400)) {
    const script = charScript(ch);
    if (script === 'hant') traditional++;
    else if (script === 'hans') simplified++;
  }
  return traditional > simplified ? 'hant' : 'hans';
}

export const CATEGORIES = [
  'service_center',
  'training',
  'logistics',
  'upstream',
  'promotion',
  'township_commerce',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Keywords that name each kind of construction, most specific first (record.md, Categories). */
const CATEGORY_KEYWORDS: [Category, string[]][] = [
  ['service_center', ['公共服务中心', '服务中心']],
  ['township_commerce', ['商贸中心']],
  ['training', ['培训']],
  ['upstream', ['上行']],
  ['logistics', ['物流', '快递']],
  ['upstream', ['农产品']],
  ['promotion', ['宣传', '规划']],
];

/** The category a project name implies; `other` when no keyword matches. */
export function inferCategory(name: string): Category {
  const key = fold(name);
  for (const [category, words] of CATEGORY_KEYWORDS) {
    if (words.some((w) => key.includes(w))) return category;
  }
  return 'other';
}
