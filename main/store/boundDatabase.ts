/**
 * better-sqlite3's Database with this process's native build filled in (nativeBinding.ts).
 *
 * The main-process bundles (scripts/build-main.mjs) resolve every `import … from 'better-sqlite3'`
 * to this module, so each `new Database(…)` in the app — store, exchange, backups, the dossier
 * worker thread — loads the Electron build under Electron and the default build under Node,
 * without each caller knowing about it. Under tsx/vitest (plain Node) callers import
 * better-sqlite3 directly, which is the same default build.
 */
import Database from 'better-sqlite3';
import { sqliteNativeBinding } from './nativeBinding';

type Options = Database.Options;

function BoundDatabase(filename?: string | Buffer, options?: Options): Database.Database {
  const nativeBinding = options?.nativeBinding ?? sqliteNativeBinding();
  return new Database(filename, nativeBinding === undefined ? options : { ...options, nativeBinding });
}
// `new BoundDatabase(…)` returns the real instance; `instanceof` and the statics still work.
BoundDatabase.prototype = Database.prototype;
Object.setPrototypeOf(BoundDatabase, Database);

export default BoundDatabase as unknown as typeof Database;
