/**
 * A county department's data directory for the exchange tests: the demo county (岚川县, 20
 * cadres with real originals) plus 2025 rows in every table a county bundle carries —
 * attendance, leave, certification, five-must and checks, work log, reports, plans, projects,
 * weak villages, support and the evaluation (scheme, scores, ballots, results, comments).
 * Built once and copied per test (closed, WAL checkpointed) to save the demo's time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type OpenCore } from '../../main/api/open';
import { reopenYear } from '../../main/core/evaluation/results';
import { activateScheme, createFromTemplate } from '../../main/core/evaluation/schemes';
import { setBallots, setScores } from '../../main/core/evaluation/scores';
import { cellsFor } from './evaluationFixture';
import { copyLoadedDemo } from '../fixtures/demoFolder';

export const YEAR = 2025;
export const COUNTY_FP = 'C0C0-AAAA-1111-2222';
export const EVALUATOR_FP = 'E0E0-BBBB-3333-4444';
export const host = { kind: 'cli' as const, blobUrl: (s: string) => `blob:${s}` };

export interface SourceIds {
  county: number;
  township: number;
  village: number;
  /** A first secretary posted in 2025, with rows in every table. */
  cadre: number;
  material: number;
}

export const openDir = (dir: string): OpenCore => openCore({ dataDir: dir, host });

export function tempDir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `onebag-${tag}-`));
}

/** A copy of a closed data directory (database and originals). */
export function copyDir(from: string, tag: string): string {
  const to = tempDir(tag);
  fs.cpSync(from, to, { recursive: true });
  return to;
}

export async function buildSourceCounty(dir: string): Promise<SourceIds> {
  await copyLoadedDemo(dir, { operator: '岚川县组织部李干事' }); // the demo county, prepared once per run
  const core = openDir(dir);
  try {
    return await fill(core);
  } finally {
    core.close();
  }
}

// OR IGNORE where the demo may already hold a row with the same key (its attendance year, rules,
// reports): the round trip needs one row of each kind, not these particular ones.
async function fill(core: OpenCore): Promise<SourceIds> {
  const db = core.ctx.db;
  const now = '2025-06-30T08:00:00.000Z';
  const ins = (sql: string, ...args: unknown[]) => Number(db.prepare(sql).run(...args).lastInsertRowid);
  const pick = db
    .prepare(
      `SELECT p.cadre_id AS cadre, p.township_id AS township, p.village_id AS village, t.county_id AS county
       FROM postings p JOIN cadres c ON c.id = p.cadre_id JOIN townships t ON t.id = p.township_id
       WHERE c.post_type = '村党组织第一书记' AND p."end" IS NULL AND p.start <= '2025-01-01'
         AND p.village_id NOT IN (SELECT village_id FROM weak_villages) ORDER BY p.cadre_id LIMIT 1`,
    )
    .get() as { cadre: number; township: number; village: number; county: number };
  const { cadre, township, village, county } = pick;
  const material = db
    .prepare('SELECT id FROM materials WHERE cadre_id = ? AND year = ? ORDER BY id LIMIT 1')
    .pluck()
    .get(cadre, YEAR) as number;
  const sha = db.prepare('SELECT sha256 FROM material_files WHERE material_id = ?').pluck().get(material) as string;

  const leave = ins(
    `INSERT INTO leave_requests (cadre_id, type, start_date, start_half, end_date, end_half, days, reason, approver, approval_level, approved_on, proof_sha256, status, created_at, updated_at)
     VALUES (?, '事假', '2025-04-01', '上', '2025-04-01', '下', 1, '家中有事', '乡镇党委书记', '乡镇党委', '2025-03-30', ?, '已批准', ?, ?)`,
    cadre,
    sha,
    now,
    now,
  );
  ins(
    `INSERT OR IGNORE INTO attendance_cells (cadre_id, date, half, code, source, leave_id, updated_at) VALUES (?, '2025-04-01', '全', '事假', 'leave', ?, ?)`,
    cadre,
    leave,
    now,
  );
  ins(
    `INSERT OR IGNORE INTO attendance_cells (cadre_id, date, half, code, source, leave_id, updated_at) VALUES (?, '2025-05-06', '上', '公出', 'manual', NULL, ?)`,
    cadre,
    now,
  );
  ins(
    `INSERT OR IGNORE INTO attendance_certifications (township_id, month, secretary_name, certified_on, seal_applied, scan_sha256, created_at) VALUES (?, '2025-04', '王书记', '2025-05-03', 1, ?, ?)`,
    township,
    sha,
    now,
  );
  ins(
    `INSERT INTO attendance_history (township_id, month, at, operator, action, detail) VALUES (?, '2025-04', ?, '李干事', 'certify', '{"summary":"认定"}')`,
    township,
    now,
  );
  ins(
    `INSERT OR IGNORE INTO county_settings (county_id, settings, updated_at) VALUES (?, '{"publicTripCounts":true,"monthlyMinimum":20}', ?)`,
    county,
    now,
  );
  const event = ins(
    `INSERT INTO must_attend_events (township_id, kind, title, date, place, created_at, updated_at) VALUES (?, '重要会议', '防汛部署会', '2025-07-02', '镇政府', ?, ?)`,
    township,
    now,
    now,
  );
  ins('INSERT INTO must_attend_expected (event_id, cadre_id, present, absence_reason) VALUES (?, ?, 1, NULL)', event, cadre);
  const check = ins(
    `INSERT INTO checks (township_id, level, kind, date, checker, findings, created_at, updated_at) VALUES (?, '县级', '县级抽查', '2025-08-12', '县委组织部', '在岗', ?, ?)`,
    township,
    now,
    now,
  );
  ins('INSERT INTO check_results (check_id, cadre_id, on_post, reason) VALUES (?, ?, 1, NULL)', check, cadre);
  const entry = ins(
    `INSERT INTO worklog_entries (cadre_id, date, kind, place, persons, situation, created_at, updated_at) VALUES (?, '2025-03-12', '走访', '东坡组', '张大爷', '了解春耕备耕情况', ?, ?)`,
    cadre,
    now,
    now,
  );
  ins(`INSERT INTO worklog_files (entry_id, position, sha256, original_name) VALUES (?, 0, ?, '走访照片.pdf')`, entry, sha);
  ins('INSERT OR IGNORE INTO report_settings (county_id, quarter_due_days, half_due_days, updated_at) VALUES (?, 10, 15, ?)', county, now);
  ins(
    `INSERT OR IGNORE INTO rule_settings (county_id, effective_year, version, body, note, operator, created_at) VALUES (?, 2025, 1, '{"monthlyMinimum":20,"printRankOnSheet":false}', '2025年度规则', '李干事', ?)`,
    county,
    now,
  );
  ins(
    `INSERT OR IGNORE INTO report_dues (cadre_id, kind, period, due_date, updated_at) VALUES (?, '季度报告', '2025-Q1', '2025-04-10', ?)`,
    cadre,
    now,
  );
  // The demo reported every period already: this one now points at the fixture's material.
  ins(
    `INSERT OR IGNORE INTO report_submissions (cadre_id, kind, period, material_id, submitted_on, created_at) VALUES (?, '季度报告', '2025-Q1', ?, '2025-04-08', ?)
     ON CONFLICT (cadre_id, kind, period) DO UPDATE SET material_id = excluded.material_id, submitted_on = excluded.submitted_on, linked_at_intake = 0`,
    cadre,
    material,
    now,
  );
  const plan = ins(
    `INSERT INTO plans (cadre_id, kind, start_year, title, material_id, created_at, updated_at) VALUES (?, '三年规划', 2025, '2025—2027年三年规划', ?, ?, ?)`,
    cadre,
    material,
    now,
    now,
  );
  ins(
    `INSERT INTO plan_items (plan_id, position, goal, measures, status) VALUES (?, 0, '建成村级光伏电站', '争取项目资金', '推进中')`,
    plan,
  );
  const project = ins(
    `INSERT INTO projects (cadre_id, village_id, name, kind, year, status, in_park, created_at, updated_at) VALUES (?, ?, '光伏电站', '产业发展', 2025, '在建', 1, ?, ?)`,
    cadre,
    village,
    now,
    now,
  );
  ins(`INSERT INTO project_funds (project_id, source, amount_fen) VALUES (?, '衔接资金', 50000000)`, project);
  ins('INSERT INTO park_revenue (project_id, year, revenue_fen, park_share_bp) VALUES (?, 2025, 1200000, 5000)', project);
  ins(
    `INSERT INTO weak_villages (village_id, listed_year, notes, created_at, updated_at) VALUES (?, 2024, '集体收入不足5万元', ?, ?)`,
    village,
    now,
    now,
  );
  ins(
    'INSERT INTO village_income (village_id, year, income_fen) VALUES (?, 2025, 3800000) ON CONFLICT (village_id, year) DO UPDATE SET income_fen = excluded.income_fen',
    village,
  );
  ins('INSERT INTO weak_supporters (village_id, cadre_id) VALUES (?, ?)', village, cadre);
  ins(
    `INSERT INTO weak_milestones (village_id, kind, date, description, updated_at) VALUES (?, '发展思路', '2025-03-01', '发展光伏与林下经济', ?)`,
    village,
    now,
  );
  ins(
    `INSERT INTO weak_milestone_files (village_id, kind, position, sha256, original_name) VALUES (?, '发展思路', 0, ?, '思路.pdf')`,
    village,
    sha,
  );
  ins(
    `INSERT INTO weak_actions (village_id, cadre_id, milestone, action, date, by_whom, created_at) VALUES (?, ?, '增收渠道', '约谈', '2025-09-01', '县委组织部', ?)`,
    village,
    cadre,
    now,
  );
  ins(
    `INSERT INTO allowance_payments (cadre_id, year, quarter, amount_fen, paid_on, created_at) VALUES (?, 2025, 1, 180000, '2025-04-05', ?)`,
    cadre,
    now,
  );
  ins(
    `INSERT INTO insurance_policies (cadre_id, insurer, policy_no, cover_fen, start, "end", created_at) VALUES (?, '人保财险', 'PA2025001', 50000000, '2025-01-01', '2025-12-31', ?)`,
    cadre,
    now,
  );
  ins(
    `INSERT INTO unit_pledges (cadre_id, year, responsibility, projects, funds_fen, updated_at) VALUES (?, 2025, '每季度走访', '光伏', 2000000, ?)`,
    cadre,
    now,
  );

  // The demo finalised 2025 under its own scheme: reopened, a new scheme takes over.
  reopenYear(db, county, YEAR, '交换测试：改用村民评议方案');
  const scheme = createFromTemplate(db, county, YEAR, 'villagers30');
  activateScheme(db, scheme.id);
  setScores(db, county, YEAR, cellsFor(cadre, '村党组织第一书记', 90));
  setBallots(db, { countyId: county, year: YEAR, cadreId: cadre, satisfied: 90, basic: 5, unsatisfied: 5, ballots: 100 });
  // A finalise that was reopened: the year state, its log and the results snapshot travel too.
  ins(
    `INSERT OR REPLACE INTO eval_years (county_id, year, finalised_at, scheme_id, groups) VALUES (?, 2025, NULL, ?, '[]')`,
    county,
    scheme.id,
  );
  ins(
    `INSERT INTO eval_year_log (county_id, year, action, reason, operator, scheme_id, at) VALUES (?, 2025, 'finalise', NULL, '李干事', ?, ?)`,
    county,
    scheme.id,
    now,
  );
  ins(
    `INSERT INTO eval_year_log (county_id, year, action, reason, operator, scheme_id, at) VALUES (?, 2025, 'reopen', '补录票数', '李干事', ?, ?)`,
    county,
    scheme.id,
    now,
  );
  ins(
    `INSERT OR REPLACE INTO eval_results (county_id, year, cadre_id, scheme_id, total_hundredths, grade, rank, row, finalised_at) VALUES (?, 2025, ?, ?, 9000, '优秀', 1, '{}', ?)`,
    county,
    cadre,
    scheme.id,
    now,
  );
  ins(
    `INSERT INTO eval_outcomes (cadre_id, year, kind, date, note, created_at) VALUES (?, 2025, '表彰', '2025-12-20', '优秀第一书记', ?)`,
    cadre,
    now,
  );
  ins(
    `INSERT INTO eval_comments (county_id, year, cadre_id, comment, author, updated_at) VALUES (?, 2025, ?, '县级初评：实绩突出', '李干事', ?)`,
    county,
    cadre,
    now,
  );
  return { county, township, village, cadre, material };
}
