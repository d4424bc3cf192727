/**
 * The database as main/dossier receives it: a handle it can hold and pass on but not use. It
 * has none of the connection's methods (no prepare, exec, run, transaction, pragma), so the
 * compiler rejects any SQL or write in a dossier file and any call of a core function that
 * takes the writable `Db`. Dossier code reads only through ./readers.ts, the one list of core
 * readers that accept this type. (Signal Desktop brands its read-only DB the same way; here
 * a full `Db` converts to it implicitly, so callers pass their connection unchanged.)
 */
import type { Db } from '../../store/db';

export type ReadonlyDb = Pick<Db, 'name' | 'open' | 'readonly' | 'memory'>;

/** For ./readers.ts alone: the connection behind a read-only handle, to run a reader on it. */
export const connectionOf = (db: ReadonlyDb): Db => db as Db;
