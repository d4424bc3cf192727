import type { Database } from 'better-sqlite3';
import { installReadOnlyGuards } from '../readOnlyGuards';

/**
 * Archive numbers (档号) assigned once and kept: volumes (案卷) and items (件) of the fonds
 * (全宗), see main/core/archive/numbers.ts and README "Archive numbers". Rows are never deleted
 * or renumbered, so a number once printed is never reused; an item taken out of a volume keeps
 * its membership row with removed_at set, and the volume's 备考表 explains the gap.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE archive_volumes (
      id INTEGER PRIMARY KEY,
      fonds TEXT NOT NULL,
      -- 年度 of the code: the year of a year volume, the start year of a term volume
      code_year TEXT NOT NULL,
      retention TEXT NOT NULL,
      org TEXT NOT NULL,
      -- 案卷号 within (fonds, code_year, retention, org)
      vol_no INTEGER NOT NULL CHECK (vol_no > 0),
      code TEXT NOT NULL,
      -- no foreign key: the number outlives the cadre's row
      cadre_id INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('year', 'term')),
      -- '2025' for a year volume, the first posting's start date for a term volume
      period_key TEXT NOT NULL,
      assigned_at TEXT NOT NULL,
      UNIQUE (fonds, code),
      UNIQUE (fonds, code_year, retention, org, vol_no),
      UNIQUE (fonds, cadre_id, kind, period_key)
    );

    CREATE TABLE archive_items (
      id INTEGER PRIMARY KEY,
      fonds TEXT NOT NULL,
      year TEXT NOT NULL,
      retention TEXT NOT NULL,
      org TEXT NOT NULL,
      -- 件号 within (fonds, year, retention, org)
      item_no INTEGER NOT NULL CHECK (item_no > 0),
      code TEXT NOT NULL,
      -- 'blob:<sha256>' for an original (one 件号 wherever it appears),
      -- 'volume:<id>:<key>' for a record the app typesets into that volume
      source_key TEXT NOT NULL,
      title TEXT NOT NULL,
      assigned_at TEXT NOT NULL,
      UNIQUE (fonds, code),
      UNIQUE (fonds, year, retention, org, item_no),
      UNIQUE (fonds, source_key)
    );

    CREATE TABLE archive_volume_items (
      volume_id INTEGER NOT NULL REFERENCES archive_volumes(id),
      item_id INTEGER NOT NULL REFERENCES archive_items(id),
      added_at TEXT NOT NULL,
      -- set when a reprint no longer holds the item: its number stays a gap in this volume
      removed_at TEXT,
      PRIMARY KEY (volume_id, item_id)
    );
    CREATE INDEX archive_volume_items_item ON archive_volume_items(item_id);
  `);
  installReadOnlyGuards(db);
}
