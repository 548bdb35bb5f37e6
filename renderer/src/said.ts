// A message for the status bar as said in either language: kept as how to say it, not as the words,
// so a message already shown is said again in English when the user switches to English.
import type { Lang } from '../../shared/i18n';
import { STRINGS, type Strings } from './strings';

/** Words as they are (a name, a path), or how to say them in a language. */
export type Said = string | ((lang: Lang) => string);
export type Say = (text: Said, kind?: 'error' | 'info') => void;

/** The words of a message in a language. */
export const inLang = (said: Said, lang: Lang): string => (typeof said === 'function' ? said(lang) : said);

/** A message of strings.ts, said in whichever language is chosen when it is shown: `saying((t) => t.filled(3))`. */
export const saying =
  (render: (t: Strings, lang: Lang) => string): Said =>
  (lang) =>
    render(STRINGS[lang], lang);
