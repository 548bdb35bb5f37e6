// Undo and redo as a window does them, for tests of the store: the step replayed, or null.
import { replay, type Actor } from '../../electron/services/store/changelog';
import type { DB } from '../../electron/services/store/database';
import { ME } from './fixtures';
import { AppError } from '../../shared/errors';

/** Undoes the actor's latest step, saying yes to a step that removes a record. */
export const undo = (db: DB, actor: Actor = ME) => replay(db, db.name, actor, 'undo', { confirm: true }).steps[0] ?? null;
export const redo = (db: DB, actor: Actor = ME) => replay(db, db.name, actor, 'redo', { confirm: true }).steps[0] ?? null;

/** The store's refusal of `fn` (an AppError), for its words and place; fails when `fn` is not refused. */
export function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}
