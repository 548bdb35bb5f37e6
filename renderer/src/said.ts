// A message as said in either language: kept as how to say it, never as finished words, so a message
// already shown (in the status bar, at a cell) is said again in English when the user switches to
// English. A name or a path goes inside the words (`saying((t) => t.templateSaved(path))`).
import type { Lang } from '../../shared/i18n';
import { STRINGS, type Strings } from './strings';

/** How to say a message in a language. */
export type Said = (lang: Lang) => string;
export type Say = (text: Said, kind?: 'error' | 'info') => void;

/** The words of a message in a language. */
export const inLang = (said: Said, lang: Lang): string => said(lang);

/** A message of strings.ts, said in whichever language is chosen when it is shown: `saying((t) => t.filled(3))`. */
export const saying =
  (render: (t: Strings, lang: Lang) => string): Said =>
  (lang) =>
    render(STRINGS[lang], lang);

/** A message the store or the main process gave in both languages. */
export const sayingEither =
  (messages: Readonly<Record<Lang, string>>): Said =>
  (lang) =>
    messages[lang];
