/**
 * 按时报送率: one fact per quarterly report and half-year summary a cadre owes in the year
 * (shared/worklog.ts periodsOwed), once its due date has passed or it has been submitted;
 * counted when submitted on or before the due date. Due dates: the cadre's own if set, else
 * the county's default offsets. A report belongs to the township of the cadre's latest posting
 * in the period (main/core/worklog/reports.ts postingFor, as the reports screen and alerts).
 */
import { defaultDueDate, periodLabel, periodsOwed, reportStatus, type ReportSettings } from '../../../shared/worklog';
import type { PostingSpan } from '../../../shared/attendance';
import type { Db } from '../../store/db';
import { getReportSettings, postingFor } from '../worklog/reports';
import { hasTable, type Fact, type FigureFacts, type Scope } from './facts';
import { dateLabel } from '../../../shared/dates';

type PostingRow = { cadreId: number; name: string; townshipId: number; village: string | null; start: string; end: string | null };

export function reportFacts(db: Db, s: Scope): FigureFacts {
  if (!hasTable(db, 'report_dues') || !hasTable(db, 'report_submissions')) {
    return { key: 'reportsOnTime', unavailable: '暂无数据：季度报告和半年总结的登记功能尚未启用', facts: [] };
  }
  const yFrom = `${s.year}-01-01`;
  const yTo = `${s.year}-12-31`;
  const postings = db
    .prepare(
      `SELECT p.cadre_id AS cadreId, c.name, p.township_id AS townshipId, v.name AS village, p.start, p."end" AS "end"
         FROM postings p JOIN cadres c ON c.id = p.cadre_id LEFT JOIN villages v ON v.id = p.village_id
        WHERE p.start <= ? AND (p."end" IS NULL OR p."end" >= ?) ORDER BY p.start`,
    )
    .all(yTo, yFrom) as PostingRow[];
  const byCadre = new Map<number, PostingRow[]>();
  for (const p of postings) byCadre.set(p.cadreId, [...(byCadre.get(p.cadreId) ?? []), p]);

  const settings = new Map<number, ReportSettings>();
  const settingsOf = (countyId: number) => {
    let v = settings.get(countyId);
    if (!v) settings.set(countyId, (v = getReportSettings(db, countyId, s.year)));
    return v;
  };
  const key = (cadreId: number, kind: string, period: string) => `${cadreId}|${kind}|${period}`;
  const like = `${s.year}-%`;
  const dues = new Map(
    (
      db.prepare('SELECT cadre_id AS cadreId, kind, period, due_date AS due FROM report_dues WHERE period LIKE ?').all(like) as Array<{
        cadreId: number;
        kind: string;
        period: string;
        due: string;
      }>
    ).map((r) => [key(r.cadreId, r.kind, r.period), r.due]),
  );
  const subs = new Map(
    (
      db
        .prepare('SELECT cadre_id AS cadreId, kind, period, submitted_on AS on_ FROM report_submissions WHERE period LIKE ?')
        .all(like) as Array<{
        cadreId: number;
        kind: string;
        period: string;
        on_: string;
      }>
    ).map((r) => [key(r.cadreId, r.kind, r.period), r.on_]),
  );

  const facts: Fact[] = [];
  for (const [cadreId, list] of byCadre) {
    const spans: PostingSpan[] = list.map((p) => ({ start: p.start, end: p.end }));
    for (const p of periodsOwed(spans, s.year)) {
      // The same posting the reports screen and the overdue alerts use (the latest one in the period).
      const holder = postingFor(list, p)!;
      const t = s.townships.get(holder.townshipId);
      if (!t) continue;
      const k = key(cadreId, p.kind, p.code);
      const due = dues.get(k) ?? defaultDueDate(p, settingsOf(t.countyId));
      // A submission dated after the as-of day is not known yet on that day.
      const on = subs.get(k);
      const submitted = on !== undefined && on <= s.today ? on : null;
      if (!submitted && due >= s.today) continue; // not due yet
      const st = reportStatus(due, submitted, s.today);
      const onTime = st.status === '已提交' && st.lateDays === 0;
      const how = submitted
        ? onTime
          ? `${dateLabel(submitted)}报送，按时`
          : `${dateLabel(submitted)}报送，逾期${st.lateDays}天`
        : `未报送，已逾期${st.lateDays}天`;
      facts.push({
        key: k,
        townshipId: t.id,
        township: t.name,
        village: holder.village,
        cadreId,
        cadre: holder.name,
        when: due,
        text: `${periodLabel(p.code)}${p.kind}（${dateLabel(due)}前）：${how}`,
        amount: null,
        counted: onTime,
        weight: 1,
        link: { view: 'worklog', cadreId, tab: 'reports' },
      });
    }
  }
  return { key: 'reportsOnTime', unavailable: null, facts };
}
