// Text matching: simplified and traditional characters, full- and half-width forms, white space.
// Matching folds; storage never does — what a person typed is kept as typed. Folding works
// character by character over OpenCC's character tables (script-chars.ts, 30 KB), so it is
// synchronous, instant and the same in the app, the CLI and the browser.
import { RADICAL_TO_IDEOGRAPH } from './radicals';
import { SIMPLIFIED_TO_TRADITIONAL, TRADITIONAL_TO_SIMPLIFIED } from './script-chars';

export type Script = 'hans' | 'hant';

const pairs = (table: string) => {
  const map = new Map<string, string>();
  const chars = [...table];
  for (let i = 0; i < chars.length; i += 2) map.set(chars[i], chars[i + 1]);
  return map;
};
const simplifiedOf = pairs(TRADITIONAL_TO_SIMPLIFIED);
const traditionalOf = pairs(SIMPLIFIED_TO_TRADITIONAL);

/**
 * The app's own fixed texts (a template's labels, instructions) in traditional characters, by
 * OpenCC's usual form of each character. Never applied to what a person typed.
 */
export function toTraditional(text: string): string {
  let out = '';
  for (const ch of text) out += traditionalOf.get(ch) ?? ch;
  return out;
}

// One pass of a compiled character class finds the few traditional characters in a text; most
// characters are left alone, so long texts (paragraphs) fold without a loop per character.
const charClass = (chars: string[]) => new RegExp(`[${chars.map((ch) => ch.replace(/[\\\]\[^-]/g, '\\$&')).join('')}]`, 'gu');
const traditional = charClass([...simplifiedOf.keys()]);
const simplify = (ch: string) => simplifiedOf.get(ch)!;

function toSimplified(text: string): string {
  return text.replace(traditional, simplify);
}

// CJK radicals and strokes NFKC leaves alone (⻓ U+2ED3, ⻩, ⻢: text copied out of a PDF), as the ideographs they look like.
const ideographOf = pairs(RADICAL_TO_IDEOGRAPH);
const radical = charClass([...ideographOf.keys()]);
const toIdeographs = (text: string): string => text.replace(radical, (ch) => ideographOf.get(ch)!);

// Texts folded before, by their text: labels, headers and names repeat across sheets and rows, and
// a county's paragraph is looked at by several readers (its title, its facts, its notes). Bounded by
// the texts and the characters it holds, emptied when full.
const foldCache = new Map<string, string>();
let foldCacheChars = 0;
const FOLD_CACHE_CHARS = 2_000_000;

/**
 * What a text may carry that no one sees: white space, format characters (zero-width space and joiners, word joiner,
 * soft hyphen, BOM: Unicode Cf), every other default-ignorable character (variation selectors such as the U+FE0F an
 * emoji leaves behind, the grapheme joiner, the Hangul fillers chat apps use as a blank name) and the braille blank.
 */
const UNSEEN = /[\s\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]+/gu;
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]+/gu;

/** The text without the characters that take no room at all (UNSEEN less white space): `380\u200b` is 380. */
export const dropInvisible = (text: string): string => text.replace(INVISIBLE, '');

/**
 * The matching key of a text: NFKC (full-width → half-width, Kangxi radicals → ideographs), the other radical look-alikes
 * → ideographs (radicals.ts), traditional → simplified, and nothing of what no one sees (UNSEEN), which a name copied
 * from a web page or a chat message brings along.
 */
export function fold(text: string): string {
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  const folded = toSimplified(toIdeographs(text.normalize('NFKC'))).replace(UNSEEN, '');
  if (text.length > 10_000) return folded;
  if (foldCache.size > 20_000 || foldCacheChars > FOLD_CACHE_CHARS) {
    foldCache.clear();
    foldCacheChars = 0;
  }
  foldCache.set(text, folded);
  foldCacheChars += text.length + folded.length;
  return folded;
}

/**
 * Characters an xlsx (XML 1.0) cannot hold: control characters other than tab and line breaks,
 * U+FFFE, U+FFFF, and halves of surrogate pairs that stand alone.
 */
const XML_UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Every character XML_UNSAFE or a line break "\r" could start with. */
const MAYBE_UNSAFE = /[\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** The text without what an xlsx cannot hold, and with Windows line breaks made plain ("\r\n" → "\n"). */
export function stripXmlUnsafe(text: string): string {
  // Nearly every text holds none of them (nor a carriage return): one quick look, no copies.
  if (!MAYBE_UNSAFE.test(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(XML_UNSAFE, '');
}

export const hasXmlUnsafe = (text: string): boolean => {
  // Checked on every text of every record written or read: the quick look first.
  if (!MAYBE_UNSAFE.test(text)) return false;
  XML_UNSAFE.lastIndex = 0;
  return XML_UNSAFE.test(text);
};

/** Whether a text says anything: a letter or a digit once what no one sees is taken away (a reason, a name). */
export const saysSomething = (text: string): boolean => /[\p{L}\p{N}]/u.test(fold(text));

/** The identity key of a county name (record.md, Identity). */
export function countyKey(name: string): string {
  return fold(name);
}

// Each character's script, for detectScript: a traditional form, or a simplified character that is no traditional
// form as well (one that is both counts as traditional). By UTF-16 unit in a table, the characters beyond it
// (surrogate pairs) in a map: one look-up a character, where two passes of the character classes took ~35 µs a record.
const TRADITIONAL = 1;
const SIMPLIFIED_ONLY = 2;
const scriptOfUnit = new Uint8Array(0x10000);
const scriptOfPair = new Map<string, number>();
const markScript = (ch: string, script: number) =>
  ch.length === 1 ? (scriptOfUnit[ch.charCodeAt(0)] = script) : scriptOfPair.set(ch, script);
for (const ch of traditionalOf.keys()) if (!simplifiedOf.has(ch)) markScript(ch, SIMPLIFIED_ONLY);
for (const ch of simplifiedOf.keys()) markScript(ch, TRADITIONAL);

/** Which script a text is mostly written in, judged by characters that differ between the two. */
export function detectScript(text: string): Script {
  const head = text.slice(0, 400);
  let hant = 0;
  let hans = 0;
  for (let i = 0; i < head.length; i++) {
    const unit = head.charCodeAt(i);
    const paired = unit >= 0xd800 && unit <= 0xdbff && (head.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const script = paired ? (scriptOfPair.get(head.slice(i, i + 2)) ?? 0) : scriptOfUnit[unit];
    if (paired) i++;
    if (script === TRADITIONAL) hant++;
    else if (script === SIMPLIFIED_ONLY) hans++;
  }
  return hant > hans ? 'hant' : 'hans';
}

export const CATEGORIES = ['service_center', 'training', 'logistics', 'upstream', 'promotion', 'township_commerce', 'other'] as const;
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
