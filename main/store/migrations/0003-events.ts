import type { Database } from 'better-sqlite3';

/**
 * Five must-attends (五必到) with the cadres expected and their presence, and checks (督查)
 * with the cadres checked and whether each was found on post. Both belong to one township;
 * the cadres listed must be posted there on the date (enforced in main/core/events).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE must_attend_events (
      id INTEGER PRIMARY KEY,
      township_id INTEGER NOT NULL REFERENCES townships(id) ON DELETE RESTRICT,
      kind TEXT NOT NULL CHECK (kind IN ('重要会议', '重点工作', '难点问题', '重大纠纷', '突发事件')),
      title TEXT NOT NULL CHECK (length(title) > 0),
      date TEXT NOT NULL,
      place TEXT NOT NULL DEFAULT '',
      notes TEXT,
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX must_attend_events_date ON must_attend_events(date, township_id);

    CREATE TABLE must_attend_expected (
      event_id INTEGER NOT NULL REFERENCES must_attend_events(id) ON DELETE CASCADE,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      present INTEGER CHECK (present IN (0, 1)),
      absence_reason TEXT,
      PRIMARY KEY (event_id, cadre_id)
    ) WITHOUT ROWID;
    CREATE INDEX must_attend_expected_cadre ON must_attend_expected(cadre_id);

    CREATE TABLE checks (
      id INTEGER PRIMARY KEY,
      township_id INTEGER NOT NULL REFERENCES townships(id) ON DELETE RESTRICT,
      level TEXT NOT NULL CHECK (level IN ('乡镇', '县级', '市级')),
      kind TEXT NOT NULL CHECK (kind IN ('乡镇月检', '县级抽查', '市级暗访', '电话查岗', '督查室')),
      date TEXT NOT NULL,
      checker TEXT NOT NULL CHECK (length(checker) > 0),
      findings TEXT,
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX checks_date ON checks(date, township_id);

    CREATE TABLE check_results (
      check_id INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      on_post INTEGER NOT NULL CHECK (on_post IN (0, 1)),
      reason TEXT,
      PRIMARY KEY (check_id, cadre_id)
    ) WITHOUT ROWID;
    CREATE INDEX check_results_cadre ON check_results(cadre_id);
  `);
}
