// The 已删除的县 dialog's rules, with no React (test/unit/renderer/deleted.test.ts): a deletion as its line
// — the county, where it stood, its batch, who deleted it and when — and whether this person may bring it
// back. The store keeps every row a deletion took and lists the deletions of the caller's scope
// (deletedRecords); restoring writes the county again, which a team workspace leaves to its county
// officers (policy.ts): a reviewer sees the list, and why the button is not theirs.
import { roleLabel, type UserInfo } from '../../shared/accounts';
import type { Output } from '../../shared/contract';
import type { Lang } from '../../shared/i18n';
import type { Strings } from './strings';

export type Deletion = Output<'deletedRecords'>[number];

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as this computer's clock shows it: 2026-12-07 09:05. */
export function localTime(at: string): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A deletion as the dialog lists it: who deleted it is the account, else the program it was done in. */
export function deletionLine(d: Deletion, t: Strings) {
  return {
    county: d.place.county,
    place: [d.place.province, d.place.prefecture].filter(Boolean).join(' '),
    batch: t.batchLabel(d.place.batch),
    who: d.user ?? t.deletedBy[d.by],
    when: localTime(d.at),
  };
}

/** Why this person may not bring a county back (a reviewer of a team workspace), or null when they may. */
export function restoreBlocked(user: UserInfo | null, t: Strings, lang: Lang): string | null {
  return user && user.role !== 'county' ? t.restoreOfficersOnly(roleLabel(user.role, lang)) : null;
}
