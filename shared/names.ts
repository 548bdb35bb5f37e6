// Names that come from outside — a file a county sent, a county's name — on their way into a log, a
// terminal or a file name: no control character (an escape sequence rewrites a terminal, a newline
// forges a log line), and as a part of a file name no path separator or `..`.

/** C0 and C1 control characters, DEL, and the bidi controls that reorder what is shown. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The name without control characters. */
export const printableName = (name: string): string => name.replace(CONTROL, '');

/**
 * A county's name as one part of a file name: never a path component of its own — `/` and `\` (and what
 * Windows refuses in a name) become `_`, a run of dots `..` becomes `_`, no control characters, no dots
 * or spaces at the ends.
 */
export function fileNamePart(name: string): string {
  const safe = printableName(name)
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return safe || '_';
}
