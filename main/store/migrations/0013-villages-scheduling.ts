import type { Database } from 'better-sqlite3';
import { installReadOnlyGuards } from '../readOnlyGuards';

/**
 * County programme settings (the year the 选派 programme began, for cumulative figures; whether an
 * allowance quarter is held until its 调度 progress is recorded), the county's quarterly 调度
 * (meeting, per-cadre progress, problems, next steps) and where the cadres' reports were sent
 * (派出单位 / 上一级党委, recipient and date).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE county_programme (
      county_id INTEGER PRIMARY KEY REFERENCES counties(id) ON DELETE CASCADE,
      start_year INTEGER CHECK (start_year IS NULL OR start_year BETWEEN 2000 AND 2100),
      hold_allowance INTEGER NOT NULL DEFAULT 0 CHECK (hold_allowance IN (0, 1)),
      updated_at TEXT NOT NULL
    );

    CREATE TABLE scheduling_meetings (
      id INTEGER PRIMARY KEY,
      county_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
      meeting_date TEXT NOT NULL,
      place TEXT NOT NULL DEFAULT '',
      chaired_by TEXT NOT NULL DEFAULT '',
      problems TEXT NOT NULL DEFAULT '',
      next_steps TEXT NOT NULL DEFAULT '',
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (county_id, year, quarter)
    );

    CREATE TABLE scheduling_progress (
      meeting_id INTEGER NOT NULL REFERENCES scheduling_meetings(id) ON DELETE CASCADE,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      progress TEXT NOT NULL CHECK (length(progress) > 0),
      problems TEXT NOT NULL DEFAULT '',
      next_steps TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (meeting_id, cadre_id)
    ) WITHOUT ROWID;
    CREATE INDEX scheduling_progress_cadre ON scheduling_progress(cadre_id);

    CREATE TABLE report_routes (
      cadre_id INTEGER NOT NULL,
      kind TEXT NOT NULL,
      period TEXT NOT NULL,
      recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('派出单位', '上一级党委')),
      recipient TEXT NOT NULL CHECK (length(recipient) > 0),
      sent_on TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (cadre_id, kind, period, recipient_kind),
      FOREIGN KEY (cadre_id, kind, period) REFERENCES report_submissions(cadre_id, kind, period) ON DELETE CASCADE
    ) WITHOUT ROWID;
  `);
  installReadOnlyGuards(db);
}
