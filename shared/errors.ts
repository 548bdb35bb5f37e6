// An error a person will read: a stable code, a message in each language, and where it applies.
import type { Lang } from './i18n';

export type ErrorPlace = { file?: string; sheet?: string; cell?: string; field?: string };

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly messages: { zh: string; en: string },
    readonly place: ErrorPlace = {},
    readonly details?: unknown,
  ) {
    super(messages.en);
    this.name = 'AppError';
  }

  text(lang: Lang): string {
    const where = [this.place.file, this.place.sheet, this.place.cell].filter(Boolean).join(' › ');
    return where ? `${where}: ${this.messages[lang]}` : this.messages[lang];
  }
}

export const appError = (code: string, zh: string, en: string, place?: ErrorPlace, details?: unknown): AppError =>
  new AppError(code, { zh, en }, place, details);
