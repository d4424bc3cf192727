import type { Database } from 'better-sqlite3';

/**
 * Work log (民情日记 / 工作日志) with evidence files and a search table, and reports
 * (季度报告 / 半年总结): due dates set per cadre (the county default applies otherwise),
 * per-county default offsets, and submissions linked to the bag material that holds them.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE worklog_entries (
      id INTEGER PRIMARY KEY,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      kind TEXT NOT NULL CHECK (kind IN ('走访', '帮扶', '会议', '项目', '其他')),
      place TEXT NOT NULL DEFAULT '',
      persons TEXT NOT NULL DEFAULT '',
      situation TEXT NOT NULL DEFAULT '',
      difficulties TEXT NOT NULL DEFAULT '',
      follow_up TEXT NOT NULL DEFAULT '',
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX worklog_entries_cadre ON worklog_entries(cadre_id, date);

    CREATE TABLE worklog_files (
      entry_id INTEGER NOT NULL REFERENCES worklog_entries(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      sha256 TEXT NOT NULL REFERENCES blobs(sha256),
      original_name TEXT NOT NULL,
      PRIMARY KEY (entry_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX worklog_files_sha ON worklog_files(sha256);

    -- Search text (CJK bigrams, see main/core/searchTokens.ts); rowid = worklog_entries.id.
    -- owner holds 'c<cadre id>' so a search within one cadre's log intersects two short lists.
    CREATE VIRTUAL TABLE worklog_fts USING fts5(tokens, owner, tokenize = 'unicode61 remove_diacritics 0');
    -- Cascaded deletes (a cadre removed) fire this too, so no orphan search rows remain.
    CREATE TRIGGER worklog_entries_fts_delete AFTER DELETE ON worklog_entries BEGIN
      DELETE FROM worklog_fts WHERE rowid = old.id;
    END;

    CREATE TABLE report_settings (
      county_id INTEGER PRIMARY KEY REFERENCES counties(id) ON DELETE CASCADE,
      quarter_due_days INTEGER NOT NULL CHECK (quarter_due_days BETWEEN 0 AND 90),
      half_due_days INTEGER NOT NULL CHECK (half_due_days BETWEEN 0 AND 90),
      updated_at TEXT NOT NULL
    );

    CREATE TABLE report_dues (
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('季度报告', '半年总结')),
      period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[QH][1-4]'),
      due_date TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (cadre_id, kind, period)
    ) WITHOUT ROWID;

    CREATE TABLE report_submissions (
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('季度报告', '半年总结')),
      period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[QH][1-4]'),
      -- Removing the material from the bag withdraws the submission.
      material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
      submitted_on TEXT NOT NULL,
      created_by TEXT,
      created_at TEXT NOT NULL,
      PRIMARY KEY (cadre_id, kind, period)
    ) WITHOUT ROWID;
    CREATE INDEX report_submissions_material ON report_submissions(material_id);
  `);
}
