import type { Database } from 'better-sqlite3';
import { installReadOnlyGuards } from '../readOnlyGuards';

/**
 * City leaders who "contract" counties (包县) and the leader a 市级 check names. These are the
 * city department's own records: never in a county bundle (records/tables.ts NOT_EXPORTED) and
 * writable for imported counties too (readOnlyGuards.ts GUARD_EXEMPT), so a county's bundle
 * neither carries nor overwrites them. The link to a check is a table of its own rather than a
 * column of `checks`: `checks` travels in county bundles and is read-only for imported counties,
 * while the city names its leaders on checks of every county it holds.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE city_leaders (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      title TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE city_leader_contracts (
      id INTEGER PRIMARY KEY,
      leader_id INTEGER NOT NULL REFERENCES city_leaders(id) ON DELETE CASCADE,
      county_id INTEGER NOT NULL REFERENCES counties(id),
      start TEXT NOT NULL,
      "end" TEXT,
      CHECK ("end" IS NULL OR "end" >= start)
    );
    CREATE INDEX city_leader_contracts_county ON city_leader_contracts(county_id);
    CREATE INDEX city_leader_contracts_leader ON city_leader_contracts(leader_id);
    CREATE TABLE check_leaders (
      check_id INTEGER PRIMARY KEY REFERENCES checks(id) ON DELETE CASCADE,
      leader_id INTEGER NOT NULL REFERENCES city_leaders(id)
    );
    CREATE INDEX check_leaders_leader ON check_leaders(leader_id);
  `);
  installReadOnlyGuards(db);
}
