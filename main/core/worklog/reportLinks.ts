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
import { halfOf, quarterOf, type Period, type ReportSettings } from '../../../shared/worklog';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit';
import { operatorOf, stmt } from '../attendance/common';
import { rulesInForce } from '../rules/settings';

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
  const r = stmt(db, 'SELECT t.county_id AS countyId FROM postings p JOIN townships t ON t.id = p.township_id WHERE p.cadre_id = ? ORDER BY p.start DESC LIMIT 1').get(
    cadreId,
  ) as { countyId: number } | undefined;
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

/** The clerk confirms a link made at intake (报告关联确认). */
export function confirmReportLink(db: Db, cadreId: number, period: string): void {
  db.transaction(() => {
    const r = stmt(db, 'SELECT linked_at_intake AS auto, confirmed_at AS confirmedAt FROM report_submissions WHERE cadre_id = ? AND period = ?').get(
      cadreId,
      period,
    ) as { auto: number; confirmedAt: string | null } | undefined;
    if (!r) throw new AppError('NOT_FOUND', '该期报告尚无关联的材料，无需确认');
    if (r.confirmedAt) return;
    const at = nowIso();
    stmt(db, 'UPDATE report_submissions SET confirmed_at = ?, confirmed_by = ? WHERE cadre_id = ? AND period = ?').run(at, operatorOf(db), cadreId, period);
    audit(db, 'update', 'report_submission', cadreId, { period, confirmed: true }, { before: { confirmedAt: null }, after: { confirmedAt: at } });
  })();
}
