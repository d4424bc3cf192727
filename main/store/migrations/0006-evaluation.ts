import type { Database } from 'better-sqlite3';

/**
 * Year-end evaluation: versioned schemes per county and year (the body is JSON, checked by
 * shared/evaluation/validate.ts; an active scheme is never rewritten), scores per cadre and
 * cell (component or indicator), villagers' ballots, the finalise/reopen state and log, the
 * results snapshot taken on finalising (with the scheme version used), and outcomes.
 * Scores carry the county, so a cadre's entries stay with the county that evaluated them.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE eval_schemes (
      id INTEGER PRIMARY KEY,
      county_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      version INTEGER NOT NULL CHECK (version >= 1),
      status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'superseded')),
      template TEXT,
      body TEXT NOT NULL,
      created_at TEXT NOT NULL,
      activated_at TEXT,
      UNIQUE (county_id, year, version)
    );
    CREATE UNIQUE INDEX eval_schemes_one_active ON eval_schemes(county_id, year) WHERE status = 'active';

    CREATE TABLE eval_scores (
      county_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      cell TEXT NOT NULL,
      hundredths INTEGER NOT NULL CHECK (hundredths >= 0),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (county_id, year, cadre_id, cell)
    );

    CREATE TABLE eval_ballots (
      county_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      component TEXT NOT NULL,
      satisfied INTEGER NOT NULL CHECK (satisfied >= 0),
      basic INTEGER NOT NULL CHECK (basic >= 0),
      unsatisfied INTEGER NOT NULL CHECK (unsatisfied >= 0),
      ballots INTEGER NOT NULL CHECK (ballots > 0 AND satisfied + basic + unsatisfied <= ballots),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (county_id, year, cadre_id, component)
    );

    CREATE TABLE eval_years (
      county_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      finalised_at TEXT,
      scheme_id INTEGER REFERENCES eval_schemes(id) ON DELETE RESTRICT,
      -- Quota groups of the snapshot (JSON), shown with the finalised results.
      groups TEXT,
      PRIMARY KEY (county_id, year)
    );

    CREATE TABLE eval_year_log (
      id INTEGER PRIMARY KEY,
      county_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('finalise', 'reopen')),
      reason TEXT,
      operator TEXT,
      scheme_id INTEGER REFERENCES eval_schemes(id) ON DELETE RESTRICT,
      at TEXT NOT NULL,
      CHECK (action = 'finalise' OR length(reason) > 0)
    );
    CREATE INDEX eval_year_log_year ON eval_year_log(county_id, year, id);

    -- One row per cadre of a finalised county-year; replaced on the next finalise.
    CREATE TABLE eval_results (
      county_id INTEGER NOT NULL REFERENCES counties(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      scheme_id INTEGER NOT NULL REFERENCES eval_schemes(id) ON DELETE RESTRICT,
      total_hundredths INTEGER,
      grade TEXT,
      rank INTEGER,
      row TEXT NOT NULL,
      finalised_at TEXT NOT NULL,
      PRIMARY KEY (county_id, year, cadre_id)
    );
    CREATE INDEX eval_results_cadre ON eval_results(cadre_id, year);

    CREATE TABLE eval_outcomes (
      id INTEGER PRIMARY KEY,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('表彰', '提拔重用')),
      date TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    );
    CREATE INDEX eval_outcomes_year ON eval_outcomes(year, kind);
  `);
}
