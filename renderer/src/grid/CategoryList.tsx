// The list of choices under a cell being edited: the six categories (and 其他) under 类别, which it
// must be one of; the usual stages of a payment (签订协议, 进度款, 验收后) under 阶段, which it may be
// one of (any other text is kept as typed). Typing filters it, ↑ ↓ choose, Enter or a click takes the choice.
import { categoryLabel } from '../../../shared/fields';
import { CATEGORIES, fold, type Category } from '../../../shared/text';
import { STAGES } from '../../../shared/ledger';
import type { Lang } from '../../../shared/i18n';

/** The choices shown (as they read) and the one highlighted (-1: none, the text typed stands). */
export type ListState = { items: string[]; highlight: number };

/** The fields that offer a list. */
export const LIST_FIELDS: ReadonlySet<string> = new Set(['category', 'stage']);

/** The categories whose name (in either language or script) contains what was typed. */
export function matchCategories(text: string): Category[] {
  if (text.trim() === '') return [...CATEGORIES];
  const typed = fold(text);
  return CATEGORIES.filter(
    (c) => fold(categoryLabel(c, 'zh')).includes(typed) || categoryLabel(c, 'en').toLowerCase().includes(text.trim().toLowerCase()),
  );
}

/** The list under a cell of `field` with `text` typed, its value now `current`; null when there is nothing to offer. */
export function listFor(field: string, text: string, current: unknown, lang: Lang): ListState | null {
  if (field === 'category') {
    const items = matchCategories(text);
    return { items: items.map((c) => categoryLabel(c, lang)), highlight: Math.max(0, current ? items.indexOf(current as Category) : 0) };
  }
  if (field === 'stage') {
    const typed = fold(text);
    const items = STAGES.filter((s) => fold(s).includes(typed));
    return items.length ? { items: [...items], highlight: items.indexOf(String(current ?? '') as (typeof STAGES)[number]) } : null;
  }
  return null;
}

export function CategoryList({ list, top, left, onPick }: { list: ListState; top: number; left: number; onPick: (label: string) => void }) {
  return (
    // Clicking the list must not take the keyboard from the cell.
    <ul className="grid-list" role="listbox" style={{ top, left }} onMouseDown={(e) => e.preventDefault()}>
      {list.items.map((label, i) => (
        <li
          key={label}
          role="option"
          aria-selected={i === list.highlight}
          className={i === list.highlight ? 'active' : undefined}
          onClick={() => onPick(label)}
        >
          {label}
        </li>
      ))}
    </ul>
  );
}
