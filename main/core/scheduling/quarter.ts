/**
 * One county quarter of 调度: the cadres posted in the county during it (latest posting there),
 * the 调度会 with each cadre's progress, and the cadres' reports of the quarter with where they
 * were sent. Rules in shared/scheduling.ts.
 */
import {
  quarterEnd,
  quarterStart,
  type CadreProgress,
  type QuarterCadre,
  type QuarterSummary,
  type ReportRoute,
  type RoutedReport,
  type SchedulingMeeting,
  type SchedulingQuarter,
} from '../../../shared/scheduling';
import type { Db } from '../../store/db';
import { assertCounty } from '../villages/income';
import { getProgramme } from '../villages/programme';
import { zh } from '../work/common';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

type Posted = Omit<QuarterCadre, 'progress' | 'reports'>;

/** Cadres posted in the county at some time in the quarter, each at their latest posting there. */
export function quarterCadres(db: Db, countyId: number, year: number, quarter: number): Posted[] {
  const rows = stmt(
    db,
    `SELECT c.id AS cadreId, c.name, c.level, c.post_type AS postType, t.name AS township, v.name AS village, u.name AS unitName, p.start
       FROM postings p JOIN townships t ON t.id = p.township_id JOIN cadres c ON c.id = p.cadre_id
       LEFT JOIN villages v ON v.id = p.village_id LEFT JOIN units u ON u.id = c.unit_id
      WHERE t.county_id = @county AND p.start <= @to AND (p."end" IS NULL OR p."end" >= @from)
      ORDER BY p.start DESC, p.id DESC`,
  ).all({ county: countyId, from: quarterStart(year, quarter), to: quarterEnd(year, quarter) }) as Array<Posted & { start: string }>;
  const seen = new Map<number, Posted>();
  for (const { start: _start, ...r } of rows) if (!seen.has(r.cadreId)) seen.set(r.cadreId, r);
  return [...seen.values()].sort(
    (a, b) => zh.compare(a.township, b.township) || zh.compare(a.village ?? '', b.village ?? '') || zh.compare(a.name, b.name),
  );
}

export function meetingOf(db: Db, countyId: number, year: number, quarter: number): SchedulingMeeting | null {
  return (
    (stmt(
      db,
      `SELECT id, meeting_date AS meetingDate, place, chaired_by AS chairedBy, problems, next_steps AS nextSteps
         FROM scheduling_meetings WHERE county_id = ? AND year = ? AND quarter = ?`,
    ).get(countyId, year, quarter) as SchedulingMeeting | undefined) ?? null
  );
}

/** The quarter's reports: its 季度报告, and at Q2 / Q4 the half-year's 半年总结. */
export function reportPeriods(year: number, quarter: number): Array<{ kind: RoutedReport['kind']; period: string }> {
  const out: Array<{ kind: RoutedReport['kind']; period: string }> = [{ kind: '季度报告', period: `${year}-Q${quarter}` }];
  if (quarter % 2 === 0) out.push({ kind: '半年总结', period: `${year}-H${quarter / 2}` });
  return out;
}

export function routesOf(db: Db, cadreId: number, kind: string, period: string): ReportRoute[] {
  return stmt(
    db,
    `SELECT recipient_kind AS recipientKind, recipient, sent_on AS sentOn FROM report_routes
      WHERE cadre_id = ? AND kind = ? AND period = ? ORDER BY recipient_kind DESC`,
  ).all(cadreId, kind, period) as ReportRoute[];
}

export function getQuarter(db: Db, countyId: number, year: number, quarter: number, today = localToday()): SchedulingQuarter {
  const county = assertCounty(db, countyId);
  const meeting = meetingOf(db, countyId, year, quarter);
  const progress = new Map(
    meeting
      ? (
          stmt(
            db,
            'SELECT cadre_id AS cadreId, progress, problems, next_steps AS nextSteps FROM scheduling_progress WHERE meeting_id = ?',
          ).all(meeting.id) as CadreProgress[]
        ).map((p) => [p.cadreId, p])
      : [],
  );
  const report = stmt(
    db,
    `SELECT s.submitted_on AS submittedOn, m.title FROM report_submissions s LEFT JOIN materials m ON m.id = s.material_id
      WHERE s.cadre_id = ? AND s.kind = ? AND s.period = ?`,
  );
  const cadres = quarterCadres(db, countyId, year, quarter).map((c) => ({
    ...c,
    progress: progress.get(c.cadreId) ?? null,
    reports: reportPeriods(year, quarter).flatMap(({ kind, period }) => {
      const r = report.get(c.cadreId, kind, period) as { submittedOn: string; title: string | null } | undefined;
      return r ? [{ kind, period, submittedOn: r.submittedOn, title: r.title, routes: routesOf(db, c.cadreId, kind, period) }] : [];
    }),
  }));
  return {
    countyId,
    county,
    year,
    quarter,
    ended: quarterEnd(year, quarter) < today,
    meeting,
    cadres,
    holdAllowance: getProgramme(db, countyId).holdAllowance,
  };
}

export function yearSummary(db: Db, countyId: number, year: number, today = localToday()): QuarterSummary[] {
  assertCounty(db, countyId);
  return [1, 2, 3, 4].map((quarter) => {
    const meeting = meetingOf(db, countyId, year, quarter);
    const cadres = quarterCadres(db, countyId, year, quarter).length;
    const withProgress = meeting
      ? (stmt(db, 'SELECT COUNT(*) AS n FROM scheduling_progress WHERE meeting_id = ?').get(meeting.id) as { n: number }).n
      : 0;
    const state = meeting ? '已调度' : quarterEnd(year, quarter) < today ? '未调度' : '未结束';
    return { quarter, state, meetingDate: meeting?.meetingDate ?? null, cadres, withProgress };
  });
}
