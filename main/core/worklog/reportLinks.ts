/**
 * Reports filed in the bag count as submitted (issue 11 B): a 工作汇报 (quarterly report) or
 * 工作总结 (half-year summary) with a date is linked, when it is filed, to the period it answers,
 * and the link is marked 待确认 until the clerk confirms it (or moves it to another period with
 * the ordinary submission). The period: the one before the date's, when the date lies within
 * that period's due window (a Q1 report dated 4 April answers Q1), else the date's own period;
 * a period already linked keeps its link, and the material then tries the next candidate.
 */
import { addDays } from '../../../shared/attendance';
import { AppError } from '../../../shared/result';
import {
  halfOf,
  periodFromCode,
  periodLabel,
  quarterOf,
  type MaterialReportLink,
  type Period,
  type ReportSettings,
} from '../../../shared/worklog';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { operatorOf } from '../attendance/common';
import { rulesInForce } from '../rules/settings';
import { stmt } from '../../store/statementCache';

const KIND_OF_CATEGORY: Record<string, '季度报告' | '半年总结'> = { 工作汇报: '季度报告', 工作总结: '半年总结' };

/** The candidate periods a report dated `date` answers, best first. */
export function reportPeriodsFor(category: string, date: string, s: ReportSettings): Period[] {
  const kind = KIND_OF_CATEGORY[category];
  if (!kind || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return [];
  const own = kind === '季度报告' ? quarterOf(date) : halfOf(date);
  const prevDate = addDays(own.start, -1);
  const prev = kind === '季度报告' ? quarterOf(prevDate) : halfOf(prevDate);
  const due = addDays(prev.end, kind === '季度报告' ? s.quarterDueDays : s.halfDueDays);
  return date <= due ? [prev, own] : [own];
}

/** The report deadlines in force for the cadre's latest county in the year of the date. */
function settingsOfCadre(db: Db, cadreId: number, date: string): ReportSettings {
  const r = stmt(
    db,
    'SELECT t.county_id AS countyId FROM postings p JOIN townships t ON t.id = p.township_id WHERE p.cadre_id = ? ORDER BY p.start DESC LIMIT 1',
  ).get(cadreId) as { countyId: number } | undefined;
  if (!r) return { quarterDueDays: 10, halfDueDays: 15 };
  const s = rulesInForce(db, r.countyId, Number(date.slice(0, 4))).settings;
  return { quarterDueDays: s.quarterDueDays, halfDueDays: s.halfDueDays };
}

/**
 * Links a just-filed material to its report period (inside the caller's transaction). Returns
 * the period code, or null when the material is no report, has no date, or every candidate
 * period is already linked.
 */
export function linkFiledReport(db: Db, materialId: number): string | null {
  const m = stmt(db, 'SELECT cadre_id AS cadreId, category, date FROM materials WHERE id = ?').get(materialId) as
    | { cadreId: number; category: string; date: string | null }
    | undefined;
  if (!m?.date || !KIND_OF_CATEGORY[m.category]) return null;
  if (stmt(db, 'SELECT 1 FROM report_submissions WHERE material_id = ?').get(materialId)) return null;
  const taken = stmt(db, 'SELECT 1 FROM report_submissions WHERE cadre_id = ? AND kind = ? AND period = ?');
  const p = reportPeriodsFor(m.category, m.date, settingsOfCadre(db, m.cadreId, m.date)).find((c) => !taken.get(m.cadreId, c.kind, c.code));
  if (!p) return null;
  stmt(
    db,
    `INSERT INTO report_submissions (cadre_id, kind, period, material_id, submitted_on, created_by, created_at, linked_at_intake)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
  ).run(m.cadreId, p.kind, p.code, materialId, m.date, operatorOf(db), nowIso());
  return p.code;
}

/** The report period a material is linked to (at intake or by a submission), or null. */
export function reportLinkOfMaterial(db: Db, materialId: number): MaterialReportLink | null {
  const r = stmt(
    db,
    `SELECT cadre_id AS cadreId, kind, period, submitted_on AS submittedOn, linked_at_intake AS auto, confirmed_at AS confirmedAt, confirmed_by AS confirmedBy
       FROM report_submissions WHERE material_id = ?`,
  ).get(materialId) as
    | {
        cadreId: number;
        kind: MaterialReportLink['kind'];
        period: string;
        submittedOn: string;
        auto: number;
        confirmedAt: string | null;
        confirmedBy: string | null;
      }
    | undefined;
  if (!r) return null;
  return {
    cadreId: r.cadreId,
    kind: r.kind,
    period: r.period,
    periodLabel: periodLabel(r.period),
    submittedOn: r.submittedOn,
    linkedAtIntake: r.auto === 1,
    toConfirm: r.auto === 1 && r.confirmedAt === null,
    confirmedAt: r.confirmedAt,
    confirmedBy: r.confirmedBy,
  };
}

/**
 * The clerk confirms a link made at intake (报告关联确认): the period then counts as submitted
 * without the 待确认 note. A link the clerk made by submitting needs no confirmation; confirming
 * twice changes nothing. Undoing a link is the ordinary withdrawal (reports.ts unsubmit).
 */
export function confirmReportLink(db: Db, cadreId: number, period: string): void {
  if (!periodFromCode(period)) throw new AppError('INVALID_INPUT', '报告期次格式应为 2025-Q1 或 2025-H1');
  db.transaction(() => {
    const before = stmt(db, 'SELECT * FROM report_submissions WHERE cadre_id = ? AND period = ?').get(cadreId, period) as
      | { linked_at_intake: number; confirmed_at: string | null }
      | undefined;
    if (!before) throw new AppError('NOT_FOUND', `${periodLabel(period)}尚无关联的报告材料，无需确认`);
    if (!before.linked_at_intake || before.confirmed_at) return;
    stmt(db, 'UPDATE report_submissions SET confirmed_at = ?, confirmed_by = ? WHERE cadre_id = ? AND period = ?').run(
      nowIso(),
      operatorOf(db),
      cadreId,
      period,
    );
    const after = stmt(db, 'SELECT * FROM report_submissions WHERE cadre_id = ? AND period = ?').get(cadreId, period) as Record<
      string,
      unknown
    >;
    audit(db, 'update', 'report_submission', cadreId, { period, confirmed: true }, { before, after });
  })();
}
