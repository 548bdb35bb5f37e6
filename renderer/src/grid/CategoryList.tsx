// The list of the six categories (and 其他) under a 类别 cell being edited: typing filters it,
// ↑ ↓ choose, Enter or a click takes the choice.
import { categoryLabel } from '../../../shared/fields';
import { CATEGORIES, fold, type Category } from '../../../shared/text';
import type { Lang } from '../../../shared/i18n';

export type ListState = { items: Category[]; highlight: number };

/** The categories whose name (in either language or script) contains what was typed. */
export function matchCategories(text: string): Category[] {
  if (text.trim() === '') return [...CATEGORIES];
  const typed = fold(text);
  return CATEGORIES.filter((c) => fold(categoryLabel(c, 'zh')).includes(typed) || categoryLabel(c, 'en').toLowerCase().includes(text.trim().toLowerCase()));
}

export function CategoryList({ list, lang, top, left, onPick }: { list: ListState; lang: Lang; top: number; left: number; onPick: (c: Category) => void }) {
  return (
    // Clicking the list must not take the keyboard from the cell.
    <ul className="grid-list" role="listbox" style={{ top, left }} onMouseDown={(e) => e.preventDefault()}>
      {list.items.map((c, i) => (
        <li key={c} role="option" aria-selected={i === list.highlight} className={i === list.highlight ? 'active' : undefined} onClick={() => onPick(c)}>
          {categoryLabel(c, lang)}
        </li>
      ))}
    </ul>
  );
}
