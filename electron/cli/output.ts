// How the CLI speaks: one line per problem on stderr, never a stack trace.
import { AppError } from '../../shared/errors';
import { findingMessage, findingPlace, severityLabel, type Lang } from '../../shared/i18n';
import type { Finding } from '../../shared/findings';

export type Io = { out: (text: string) => void; err: (text: string) => void; lang: Lang };

export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

export class UsageError extends Error {}

export function findingLine(f: Finding, lang: Lang, county?: string): string {
  const place = findingPlace(f);
  const who = county ? `${county}: ` : '';
  return `${severityLabel(f.severity, lang)} [${f.code}] ${place ? place + ': ' : ''}${who}${findingMessage(f, lang)}`;
}

/** Exit code and one line for anything thrown. */
export function reportFailure(e: unknown, io: Io): number {
  if (e instanceof UsageError) {
    io.err(e.message);
    io.err(io.lang === 'zh' ? '用法见 yanshou --help' : 'See yanshou --help');
    return EXIT.usage;
  }
  if (e instanceof AppError) {
    io.err(e.text(io.lang));
    return ['conflict', 'invalid_input', 'locked', 'reason_needed', 'who_needed', 'undo_conflict'].includes(e.code)
      ? EXIT.input
      : EXIT.usage;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.err(io.lang === 'zh' ? `意外错误:${message}` : `Unexpected error: ${message}`);
  if (process.env.YANSHOU_DEBUG && e instanceof Error) io.err(e.stack ?? '');
  return EXIT.usage;
}
