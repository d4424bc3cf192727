import type { Database } from 'better-sqlite3';

/**
 * Plans with items, rural-revitalisation projects (funds, publicity, park revenue), weak
 * collective-economy villages (income, supporters, milestones with evidence, actions taken),
 * and support (allowance payments, insurance, the dispatching unit's pledges). Money is fen.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE work_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );

    CREATE TABLE plans (
      id INTEGER PRIMARY KEY,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('三年规划', '年度计划')),
      start_year INTEGER NOT NULL,
      title TEXT NOT NULL CHECK (length(title) > 0),
      material_id INTEGER REFERENCES materials(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (cadre_id, kind, start_year)
    );
    CREATE TABLE plan_items (
      id INTEGER PRIMARY KEY,
      plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      goal TEXT NOT NULL CHECK (length(goal) > 0),
      measures TEXT NOT NULL DEFAULT '',
      deadline TEXT,
      responsible TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('未开始', '推进中', '已完成', '未完成'))
    );
    CREATE INDEX plan_items_plan ON plan_items(plan_id, position);

    CREATE TABLE projects (
      id INTEGER PRIMARY KEY,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      village_id INTEGER NOT NULL REFERENCES villages(id) ON DELETE RESTRICT,
      name TEXT NOT NULL CHECK (length(name) > 0),
      kind TEXT NOT NULL,
      year INTEGER NOT NULL,
      status TEXT NOT NULL,
      publicised_on TEXT,
      publicised_place TEXT,
      in_park INTEGER NOT NULL DEFAULT 0 CHECK (in_park IN (0, 1)),
      notes TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((publicised_on IS NULL) = (publicised_place IS NULL))
    );
    CREATE INDEX projects_year ON projects(year, cadre_id);
    CREATE INDEX projects_cadre ON projects(cadre_id);

    CREATE TABLE project_funds (
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      source TEXT NOT NULL,
      amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
      PRIMARY KEY (project_id, source)
    ) WITHOUT ROWID;

    CREATE TABLE park_revenue (
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      revenue_fen INTEGER NOT NULL CHECK (revenue_fen >= 0),
      park_share_bp INTEGER NOT NULL DEFAULT 5000 CHECK (park_share_bp BETWEEN 0 AND 10000),
      PRIMARY KEY (project_id, year)
    ) WITHOUT ROWID;

    CREATE TABLE weak_villages (
      village_id INTEGER PRIMARY KEY REFERENCES villages(id) ON DELETE CASCADE,
      listed_year INTEGER NOT NULL,
      notes TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE village_income (
      village_id INTEGER NOT NULL REFERENCES villages(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      income_fen INTEGER NOT NULL CHECK (income_fen >= 0),
      PRIMARY KEY (village_id, year)
    ) WITHOUT ROWID;
    CREATE TABLE weak_supporters (
      village_id INTEGER NOT NULL REFERENCES weak_villages(village_id) ON DELETE CASCADE,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      PRIMARY KEY (village_id, cadre_id)
    ) WITHOUT ROWID;
    CREATE INDEX weak_supporters_cadre ON weak_supporters(cadre_id);

    -- The village's achievements: 发展思路, 增收渠道, 摘帽 (its de-listing date).
    CREATE TABLE weak_milestones (
      village_id INTEGER NOT NULL REFERENCES weak_villages(village_id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('发展思路', '增收渠道', '摘帽')),
      date TEXT NOT NULL,
      description TEXT NOT NULL CHECK (length(description) > 0),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (village_id, kind)
    ) WITHOUT ROWID;
    CREATE TABLE weak_milestone_files (
      village_id INTEGER NOT NULL,
      kind TEXT NOT NULL,
      position INTEGER NOT NULL,
      sha256 TEXT NOT NULL REFERENCES blobs(sha256),
      original_name TEXT NOT NULL,
      PRIMARY KEY (village_id, kind, position),
      FOREIGN KEY (village_id, kind) REFERENCES weak_milestones(village_id, kind) ON DELETE CASCADE
    ) WITHOUT ROWID;

    -- 约谈 / 召回调换 taken for a missed milestone, kept on record (记录在案).
    CREATE TABLE weak_actions (
      id INTEGER PRIMARY KEY,
      village_id INTEGER NOT NULL REFERENCES weak_villages(village_id) ON DELETE CASCADE,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      milestone TEXT NOT NULL CHECK (milestone IN ('发展思路', '增收渠道', '摘帽')),
      action TEXT NOT NULL CHECK (action IN ('约谈', '召回调换')),
      date TEXT NOT NULL,
      by_whom TEXT NOT NULL CHECK (length(by_whom) > 0),
      notes TEXT,
      created_by TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX weak_actions_village ON weak_actions(village_id, cadre_id);

    CREATE TABLE allowance_payments (
      id INTEGER PRIMARY KEY,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
      amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
      paid_on TEXT NOT NULL,
      notes TEXT,
      created_by TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX allowance_payments_cadre ON allowance_payments(cadre_id, year, quarter);

    CREATE TABLE insurance_policies (
      id INTEGER PRIMARY KEY,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      insurer TEXT NOT NULL CHECK (length(insurer) > 0),
      policy_no TEXT,
      cover_fen INTEGER NOT NULL CHECK (cover_fen > 0),
      start TEXT NOT NULL,
      "end" TEXT NOT NULL,
      created_at TEXT NOT NULL,
      CHECK ("end" >= start)
    );
    CREATE INDEX insurance_policies_cadre ON insurance_policies(cadre_id, start);

    CREATE TABLE unit_pledges (
      id INTEGER PRIMARY KEY,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      responsibility TEXT NOT NULL DEFAULT '',
      projects TEXT NOT NULL DEFAULT '',
      funds_fen INTEGER NOT NULL DEFAULT 0 CHECK (funds_fen >= 0),
      notes TEXT,
      updated_at TEXT NOT NULL,
      UNIQUE (cadre_id, year)
    );
  `);
}
