/** The shape every `*.remove` channel answers with: the core delete by id, then `{ removed: true }`. */
import type { Db } from '../../store/db';

/** A handler for a `{ id }` remove channel that runs `remove(db, id)` (which throws NOT_FOUND when there is nothing). */
export function removeBy(db: Db, remove: (db: Db, id: number) => void): (input: { id: number }) => { removed: true } {
  return ({ id }) => {
    remove(db, id);
    return { removed: true as const };
  };
}
