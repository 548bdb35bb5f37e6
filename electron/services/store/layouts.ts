// Corrections of an import's reading, remembered per sheet layout once a person confirmed them by
// importing (columns and units; rows left out or kept and the header band by what they say, since
// rows differ from file to file). Kept beside the records, outside the change log: they are how
// this office's forms read, not figures of a county.
import type { DB } from './database';
import { layoutCorrectionSchema, type LayoutCorrection } from '../../../shared/doubts';

export function rememberedLayouts(db: DB): Record<string, LayoutCorrection> {
  const rows = db.prepare('SELECT layout, correction FROM import_layouts').all() as { layout: string; correction: string }[];
  const out: Record<string, LayoutCorrection> = {};
  for (const r of rows) {
    try {
      const parsed = layoutCorrectionSchema.safeParse(JSON.parse(r.correction));
      if (parsed.success) out[r.layout] = parsed.data;
    } catch {
      // A damaged row only loses a suggestion.
    }
  }
  return out;
}

/** Inside the import's transaction: the layout's correction as confirmed (none forgets it). */
export function rememberLayout(
  db: DB,
  layout: string,
  correction: LayoutCorrection | null,
  where: { file: string; sheet: string; by: string },
): void {
  if (!correction) {
    db.prepare('DELETE FROM import_layouts WHERE layout = ?').run(layout);
    return;
  }
  db.prepare(
    'INSERT INTO import_layouts (layout, correction, file, sheet, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?) ' +
      'ON CONFLICT (layout) DO UPDATE SET correction = excluded.correction, file = excluded.file, sheet = excluded.sheet, saved_by = excluded.saved_by, saved_at = excluded.saved_at',
  ).run(layout, JSON.stringify(correction), where.file, where.sheet, where.by, new Date().toISOString());
}
