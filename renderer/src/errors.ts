// An error from the client in words, by what it means (transport.ts classifies them).
import { ApiError, OfflineError, ServerError } from '../../shared/client';
import type { Lang } from '../../shared/i18n';
import { STRINGS } from './strings';

export function message(e: unknown, lang: Lang): string {
  if (e instanceof ServerError) return `${e.wire.messages?.[lang] ?? e.wire.message} (${e.wire.code})`;
  if (e instanceof ApiError) return e.wire.messages?.[lang] ?? e.wire.message;
  if (e instanceof OfflineError) return e.code === 'reconnecting' ? STRINGS[lang].reconnectingNote : STRINGS[lang].offline;
  return e instanceof Error ? e.message : String(e);
}
