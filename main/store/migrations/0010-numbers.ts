import type { Database } from 'better-sqlite3';

/**
 * Numbers that add up (issue 13, issue 11 B):
 * - register_verifications (核查): a check found a cadre not on post on a day a certified
 *   register shows 在岗. The finding, the explanation, the outcome (属实/不属实) and the action
 *   taken on the certifying secretary. One per check result.
 * - report_submissions.linked_at_intake / confirmed_*: a 工作汇报/工作总结 filed in the bag is
 *   linked to the report period it answers when it is filed; the clerk confirms the link.
 *   Existing materials are linked here (same rule as main/core/worklog/reportLinks.ts, inlined
 *   so this migration never changes).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE register_verifications (
      id INTEGER PRIMARY KEY,
      check_id INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      township_id INTEGER NOT NULL REFERENCES townships(id) ON DELETE RESTRICT,
      date TEXT NOT NULL,
      certification_id INTEGER NOT NULL REFERENCES attendance_certifications(id) ON DELETE RESTRICT,
      secretary_name TEXT NOT NULL,
      finding TEXT NOT NULL CHECK (length(finding) > 0),
      explanation TEXT,
      outcome TEXT CHECK (outcome IN ('属实', '不属实')),
      action TEXT,
      concluded_on TEXT,
      concluded_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (outcome IS NULL OR (length(explanation) > 0 AND concluded_on IS NOT NULL)),
      CHECK (outcome IS NOT '属实' OR length(action) > 0),
      UNIQUE (check_id, cadre_id)
    );
    CREATE INDEX register_verifications_township ON register_verifications(township_id, date);

    ALTER TABLE report_submissions ADD COLUMN linked_at_intake INTEGER NOT NULL DEFAULT 0 CHECK (linked_at_intake IN (0, 1));
    ALTER TABLE report_submissions ADD COLUMN confirmed_at TEXT;
    ALTER TABLE report_submissions ADD COLUMN confirmed_by TEXT;
  `);
  // Link the reports already filed: each 工作汇报 (quarter) / 工作总结 (half-year) with a date
  // answers the period whose due window holds the date (the period before it, when dated within
  // its due days after that period's end), else the period the date falls in. Earliest first;
  // a period already linked keeps its link.
  const materials = db
    .prepare(
      `SELECT m.id, m.cadre_id AS cadreId, m.category, m.date FROM materials m
        WHERE m.category IN ('工作汇报', '工作总结') AND m.date IS NOT NULL ORDER BY m.date, m.id`,
    )
    .all() as Array<{ id: number; cadreId: number; category: string; date: string }>;
  const dueDays = db.prepare(
    `SELECT s.quarter_due_days AS q, s.half_due_days AS h FROM postings p JOIN townships t ON t.id = p.township_id
       JOIN report_settings s ON s.county_id = t.county_id WHERE p.cadre_id = ? ORDER BY p.start DESC LIMIT 1`,
  );
  const exists = db.prepare('SELECT 1 FROM report_submissions WHERE cadre_id = ? AND kind = ? AND period = ?');
  const usedMaterial = db.prepare('SELECT 1 FROM report_submissions WHERE material_id = ?');
  const ins = db.prepare(
    `INSERT INTO report_submissions (cadre_id, kind, period, material_id, submitted_on, created_by, created_at, linked_at_intake)
     VALUES (?, ?, ?, ?, ?, NULL, ?, 1)`,
  );
  const now = new Date().toISOString();
  for (const m of materials) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(m.date) || usedMaterial.get(m.id)) continue;
    const s = (dueDays.get(m.cadreId) as { q: number; h: number } | undefined) ?? { q: 10, h: 15 };
    const quarter = m.category === '工作汇报';
    const y = Number(m.date.slice(0, 4));
    const mo = Number(m.date.slice(5, 7));
    const size = quarter ? 3 : 6;
    const idx = Math.floor((mo - 1) / size); // 0-based period in the year
    const daysIn = Math.round(
      (Date.UTC(Number(m.date.slice(0, 4)), mo - 1, Number(m.date.slice(8))) - Date.UTC(y, idx * size, 1)) / 86_400_000,
    );
    const code = (yy: number, i: number) => `${yy}-${quarter ? 'Q' : 'H'}${i + 1}`;
    const prev = idx === 0 ? code(y - 1, quarter ? 3 : 1) : code(y, idx - 1);
    const kind = quarter ? '季度报告' : '半年总结';
    // Within the due window after the previous period's end (day 0 is the first day of this period).
    const candidates = daysIn < (quarter ? s.q : s.h) ? [prev, code(y, idx)] : [code(y, idx)];
    const period = candidates.find((p) => !exists.get(m.cadreId, kind, p));
    if (period) ins.run(m.cadreId, kind, period, m.id, m.date, now);
  }
}
