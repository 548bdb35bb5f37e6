// Valid shapes of a workbook that exceljs 4.4.0 cannot load, repaired in memory before it reads
// them. Every scan here moves forward with indexOf: no regular expression runs over file content,
// so no crafted entry can make a repair slow.

/** The attributes of one start tag's text ("<numFmt numFmtId="27" formatCode="…"/>"). */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = tag.indexOf(' ');
  while (i >= 0 && i < tag.length) {
    const eq = tag.indexOf('=', i);
    if (eq < 0) break;
    const name = tag.slice(i, eq).trim();
    const quote = tag[eq + 1];
    if (quote !== '"' && quote !== "'") break;
    const close = tag.indexOf(quote, eq + 2);
    if (close < 0) break;
    out.set(name.slice(name.lastIndexOf(':') + 1), tag.slice(eq + 2, close));
    i = close + 1;
  }
  return out;
}

/** The '>' that ends the tag starting at `lt`, or -1 when another '<' comes first (not a tag). */
function tagEnd(xml: string, lt: number): number {
  for (let j = lt + 1; j < xml.length; j++) {
    const c = xml[j];
    if (c === '>') return j;
    if (c === '<') return -1;
  }
  return -1;
}

/** Every start tag named `name` (e.g. "<numFmt") between `from` and `to`, as text. */
function* tags(xml: string, name: string, from = 0, to = xml.length): Generator<{ text: string; start: number; end: number }> {
  const open = `<${name}`;
  for (let i = xml.indexOf(open, from); i >= 0 && i < to; i = xml.indexOf(open, i + open.length)) {
    const after = xml[i + open.length];
    if (after !== ' ' && after !== '>' && after !== '/' && after !== '\t' && after !== '\n' && after !== '\r') continue;
    const end = tagEnd(xml, i);
    if (end >= 0) yield { text: xml.slice(i, end + 1), start: i, end: end + 1 };
  }
}

/** Built-in number formats that are dates in Chinese locales, which exceljs does not know. */
const CJK_DATE_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  34: 'yyyy"年"m"月"',
  35: 'm"月"d"日"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Gives the CJK built-in date formats a definition, so exceljs reads those cells as dates. */
export function defineCjkDateFormats(styles: string): string | null {
  const xfsStart = styles.indexOf('<cellXfs');
  if (xfsStart < 0) return null;
  const xfsEnd = styles.indexOf('</cellXfs>', xfsStart);
  const used = new Set<number>();
  for (const xf of tags(styles, 'xf', xfsStart, xfsEnd < 0 ? styles.length : xfsEnd)) {
    const id = Number(attributes(xf.text).get('numFmtId'));
    if (CJK_DATE_FORMATS[id]) used.add(id);
  }
  const defined = new Set<number>();
  for (const fmt of tags(styles, 'numFmt')) defined.add(Number(attributes(fmt.text).get('numFmtId')));
  const missing = [...used].filter((id) => !defined.has(id));
  if (missing.length === 0) return null;
  const defs = missing.map((id) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(CJK_DATE_FORMATS[id])}"/>`).join('');
  const [existing] = tags(styles, 'numFmts');
  if (existing && existing.text.endsWith('/>'))
    return `${styles.slice(0, existing.start)}<numFmts count="${missing.length}">${defs}</numFmts>${styles.slice(existing.end)}`;
  if (existing) {
    const close = styles.indexOf('</numFmts>', existing.end);
    return `${styles.slice(0, close)}${defs}${styles.slice(close)}`;
  }
  const [sheet] = tags(styles, 'styleSheet');
  if (!sheet) return null;
  return `${styles.slice(0, sheet.end)}<numFmts count="${missing.length}">${defs}</numFmts>${styles.slice(sheet.end)}`;
}

/**
 * A character escaped with a backslash in a number format (`0.00\%`, `0\.0000`) is shown as
 * itself; exceljs drops the backslash, so `0.00\%` would read as a percent format and scale the
 * value. Quoted (`0.00"%"`), it means the same to Excel and survives exceljs.
 */
export function quoteEscapedFormatChars(styles: string): string | null {
  let out = '';
  let from = 0;
  for (const fmt of tags(styles, 'numFmt')) {
    const at = fmt.text.indexOf('formatCode=');
    if (at < 0 || fmt.text.indexOf('\\', at) < 0) continue;
    const quote = fmt.text[at + 11];
    const valueStart = at + 12;
    const valueEnd = fmt.text.indexOf(quote, valueStart);
    if (valueEnd < 0) continue;
    const code = fmt.text.slice(valueStart, valueEnd);
    let fixed = '';
    for (let i = 0; i < code.length; i++) {
      const next = code[i + 1];
      // (An escaped entity, `\&quot;`, is left as it is.)
      if (code[i] === '\\' && next !== undefined && next !== '&' && next !== '\\') {
        fixed += `&quot;${next}&quot;`;
        i++;
      } else fixed += code[i];
    }
    if (fixed === code) continue;
    out += styles.slice(from, fmt.start) + fmt.text.slice(0, valueStart) + fixed + fmt.text.slice(valueEnd);
    from = fmt.end;
  }
  return from === 0 ? null : out + styles.slice(from);
}

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';
const skipSpace = (xml: string, i: number) => {
  while (i < xml.length && isSpace(xml[i])) i++;
  return i;
};

/** `<si><t>x</t><r>…</r></si>` is valid, but exceljs (#3079) throws on it: make the bare text a run. */
export function wrapBareTextBeforeRuns(xml: string): string | null {
  const parts: string[] = [];
  let copied = 0;
  // The shared (<si>) and inline (<is>) strings in document order; each search moves forward only.
  let si = xml.indexOf('<si>');
  let is = xml.indexOf('<is>');
  while (si >= 0 || is >= 0) {
    const i = si < 0 ? is : is < 0 ? si : Math.min(si, is);
    if (i === si) si = xml.indexOf('<si>', i + 4);
    else is = xml.indexOf('<is>', i + 4);
    const t = skipSpace(xml, i + 4);
    if (!xml.startsWith('<t', t) || !(xml[t + 2] === '>' || xml[t + 2] === '/' || isSpace(xml[t + 2]))) continue;
    const end = tagEnd(xml, t);
    if (end < 0) continue;
    let textEnd = end + 1;
    if (xml[end - 1] !== '/') {
      const next = xml.indexOf('<', end);
      if (next < 0 || !xml.startsWith('</t>', next)) continue;
      textEnd = next + 4;
    }
    if (!xml.startsWith('<r>', skipSpace(xml, textEnd))) continue;
    parts.push(xml.slice(copied, t), '<r>', xml.slice(t, textEnd), '</r>');
    copied = textEnd;
  }
  return parts.length ? parts.join('') + xml.slice(copied) : null;
}

/** exceljs reads app.xml only for company/manager, and crashes on prefixed or odd ones: such a one goes. */
export const unreadableAppXml = (app: string) => !app.includes('<Properties ') && !app.includes('<Properties>');

/**
 * `<workbookPr date1904="true"/>` (LibreOffice writes the XML boolean as a word) says the same as
 * "1", but exceljs reads only "1": every date of such a workbook would come out 4 years and a day
 * early. Written as "1" (and "false" as "0") so exceljs counts days from 1904.
 */
export function date1904AsDigit(workbook: string): string | null {
  const [pr] = tags(workbook, 'workbookPr');
  if (!pr) return null;
  const value = attributes(pr.text).get('date1904');
  if (value === undefined || value === '1' || value === '0') return null;
  const at = pr.text.indexOf('date1904=');
  const quote = pr.text[at + 'date1904='.length];
  const end = pr.text.indexOf(quote, at + 'date1904='.length + 1);
  const digit = value.trim().toLowerCase() === 'true' ? '1' : '0';
  const fixed = `${pr.text.slice(0, at)}date1904="${digit}"${pr.text.slice(end + 1)}`;
  return workbook.slice(0, pr.start) + fixed + workbook.slice(pr.end);
}
