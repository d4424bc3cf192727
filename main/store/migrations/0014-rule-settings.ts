import type { Database } from 'better-sqlite3';
import { installReadOnlyGuards } from '../readOnlyGuards';

/**
 * Rule settings per county, versioned with the year they take effect from (issue 13 item 4).
 * `body` is the full RuleSettings JSON (shared/rules.ts); a save adds a row, never rewrites one.
 * The older single-row tables (county_settings, report_settings) stay as the base a county
 * without versions uses.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE rule_settings (
      id INTEGER PRIMARY KEY,
      county_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      effective_year INTEGER NOT NULL CHECK (effective_year BETWEEN 2000 AND 2100),
      version INTEGER NOT NULL CHECK (version >= 1),
      body TEXT NOT NULL,
      note TEXT,
      operator TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (county_id, effective_year, version)
    );
  `);
  installReadOnlyGuards(db);
}
