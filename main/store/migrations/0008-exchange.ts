import type { Database } from 'better-sqlite3';
import { installReadOnlyGuards } from '../readOnlyGuards';

/**
 * Exchange bundles between departments: where an imported county came from (the
 * fingerprint of the exporting department's Ed25519 key; NULL = this department's own
 * data), the keys this department trusts, the mapping of imported row ids to local ones,
 * the imports themselves, and evaluators' comments (scores live in eval_scores).
 * Rows of an imported county are read-only (triggers from main/store/readOnlyGuards.ts).
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE counties ADD COLUMN origin TEXT;

    CREATE TABLE trusted_keys (
      fingerprint TEXT PRIMARY KEY,
      public_key TEXT NOT NULL,
      name TEXT NOT NULL,
      trusted_at TEXT NOT NULL,
      operator TEXT,
      revoked_at TEXT
    );

    -- Rows that came from another department: (origin, table, id there) -> id here.
    CREATE TABLE import_map (
      origin TEXT NOT NULL,
      entity TEXT NOT NULL,
      remote_id INTEGER NOT NULL,
      local_id INTEGER NOT NULL,
      PRIMARY KEY (origin, entity, remote_id)
    ) WITHOUT ROWID;
    CREATE UNIQUE INDEX import_map_local ON import_map(entity, local_id);

    CREATE TABLE imports (
      id INTEGER PRIMARY KEY,
      bundle_id TEXT NOT NULL,
      bundle_sha256 TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('county', 'review')),
      origin TEXT NOT NULL,
      signer_name TEXT NOT NULL,
      county TEXT NOT NULL,
      year INTEGER NOT NULL,
      added INTEGER NOT NULL,
      updated INTEGER NOT NULL,
      unchanged INTEGER NOT NULL,
      operator TEXT,
      at TEXT NOT NULL
    );

    CREATE TABLE eval_comments (
      county_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      comment TEXT NOT NULL CHECK (length(comment) > 0),
      author TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (county_id, year, cadre_id)
    );
  `);
  installReadOnlyGuards(db);
}
