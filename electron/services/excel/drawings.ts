// Text boxes and shapes on a sheet (xl/drawings): clerks put a unit (单位：元) or a note there,
// where no cell holds it. exceljs does not read their text; this does, from the workbook's own
// parts, so the import can check a unit they name against the amounts it read, and tell a note.
import type ExcelJS from 'exceljs';
import { attributes } from './repairs';

const texts = new WeakMap<ExcelJS.Workbook, Map<string, string[]>>();

/** The texts of the shapes drawn on each sheet, by sheet name (kept with the loaded workbook). */
export function drawingTexts(workbook: ExcelJS.Workbook): Map<string, string[]> {
  return texts.get(workbook) ?? new Map();
}

export function keepDrawingTexts(workbook: ExcelJS.Workbook, entries: Map<string, Buffer>, sheetNames: Map<string, string>): void {
  const out = new Map<string, string[]>();
  for (const [part, name] of sheetNames) {
    const shapes = sheetDrawingTexts(entries, part);
    if (shapes.length) out.set(name, [...(out.get(name) ?? []), ...shapes]);
  }
  if (out.size) texts.set(workbook, out);
}

/** The texts of the shapes drawn on one worksheet part (its drawings found through the part's relationships). */
export function sheetDrawingTexts(entries: Map<string, Buffer>, part: string): string[] {
  const slash = part.lastIndexOf('/');
  const rels = entries.get(`${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`)?.toString('utf8');
  if (!rels) return [];
  const out: string[] = [];
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (!/\/drawing$/.test(a.get('Type') ?? '')) continue;
    const xml = entries.get(resolve(part.slice(0, slash), a.get('Target') ?? ''))?.toString('utf8');
    if (xml) for (const text of shapeTexts(xml)) out.push(text);
  }
  return out;
}

function resolve(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = dir.split('/');
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

const unescape = (t: string) =>
  t
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** The text of each shape (xdr:sp, its txBody's runs, paragraphs joined by a space). */
export function shapeTexts(xml: string): string[] {
  const out: string[] = [];
  for (const shape of xml.matchAll(/<(?:\w+:)?sp\b[\s\S]*?<\/(?:\w+:)?sp>/g)) {
    const paragraphs = [...shape[0].matchAll(/<a:p\b[\s\S]*?<\/a:p>/g)].map((p) =>
      [...p[0].matchAll(/<a:t(?:\s[^>]*)?>([\s\S]*?)<\/a:t>/g)].map((t) => unescape(t[1])).join(''),
    );
    const text = paragraphs
      .filter((p) => p.trim())
      .join(' ')
      .trim();
    if (text) out.push(text);
  }
  return out;
}
