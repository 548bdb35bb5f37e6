// A small forward scanner of XML text for the workbook reader (sheet-reader.ts): tags with their
// local names (a namespace prefix dropped), attributes read on demand, text with its entities and
// line ends decoded as an XML parser does; comments, processing instructions and declarations
// skipped. No tree is built and nothing is kept: the caller keeps what it needs.

export type XmlHandler = {
  /** A start tag (`raw` is what stands between `<` and `>`, for attr()); called before close() when self-closing. */
  open(name: string, raw: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
};

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function entity(_: string, e: string): string {
  if (e.charCodeAt(0) !== 35) return NAMED[e];
  const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** Text content as an XML parser gives it: line ends normalised to \n, entities decoded. */
export function decodeText(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return s.indexOf('&') >= 0 ? s.replace(ENTITY, entity) : s;
}

/** An attribute value as an XML parser gives it: white space normalised to spaces, entities decoded. */
function decodeAttr(s: string): string {
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n|[\t\n\r]/g, ' ');
  return s.indexOf('&') >= 0 ? s.replace(ENTITY, entity) : s;
}

/** The value of attribute `name` (its local name: `r:id` is found as `r:id` or `id` only when asked so) in a raw tag. */
export function attr(raw: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = raw.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = raw.charCodeAt(at - 1);
    // A whole attribute name: white space before it, '=' (maybe spaced) after it.
    if (!(before === 32 || before === 9 || before === 10 || before === 13)) continue;
    let i = from;
    while (raw.charCodeAt(i) === 32) i++;
    if (raw.charCodeAt(i) !== 61) continue;
    i++;
    while (raw.charCodeAt(i) === 32) i++;
    const quote = raw[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = raw.indexOf(quote, i + 1);
    if (end < 0) return undefined;
    return decodeAttr(raw.slice(i + 1, end));
  }
}

function localName(raw: string): string {
  let end = 0;
  while (end < raw.length) {
    const c = raw.charCodeAt(end);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
    end++;
  }
  const colon = raw.lastIndexOf(':', end);
  return raw.slice(colon >= 0 ? colon + 1 : 0, end);
}

/** Scans `xml` from start to end, calling `h` for each tag and each run of text. */
export function scanXml(xml: string, h: XmlHandler): void {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      h.text(decodeText(xml.slice(i)));
      return;
    }
    if (lt > i) h.text(decodeText(xml.slice(i, lt)));
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        i = e < 0 ? n : e + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        h.text(xml.slice(lt + 9, e < 0 ? n : e));
        i = e < 0 ? n : e + 3;
      } else {
        const e = xml.indexOf('>', lt);
        i = e < 0 ? n : e + 1;
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const e = xml.indexOf('?>', lt);
      i = e < 0 ? n : e + 2;
      continue;
    }
    // The tag's end: the first '>' outside quotes (attribute values may hold '>').
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const b = xml.charCodeAt(j);
      if (quote) {
        if (b === quote) quote = 0;
      } else if (b === 34 || b === 39) quote = b;
      else if (b === 62) break;
    }
    if (j >= n) return;
    if (c === 47 /* / */) h.close(localName(xml.slice(lt + 2, j).trim()));
    else {
      const selfClosing = xml.charCodeAt(j - 1) === 47;
      const raw = xml.slice(lt + 1, selfClosing ? j - 1 : j);
      const name = localName(raw);
      h.open(name, raw, selfClosing);
      if (selfClosing) h.close(name);
    }
    i = j + 1;
  }
}
