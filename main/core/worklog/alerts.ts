/**
 * 报告逾期: quarterly reports and half-year summaries of `year` not submitted by their due
 * date, in the shape of main/core/events/alerts.ts. The township named is the one the cadre
 * answered to at the period's end. The whole county is read in four queries.
 */
import type { Alert } from '../../../shared/alerts';
import { defaultDueDate, periodLabel, periodsOwed, reportStatus, type ReportSettings } from '../../../shared/worklog';
import type { Db } from '../../store/db';
import { localToday } from '../runtime/clock';
import { getReportSettings, postingFor } from './reports';
import { stmt } from '../../store/statementCache';

type Row = { cadreId: number; name: string; start: string; end: string | null; countyId: number; townshipId: number; township: string };

export function worklogAlerts(db: Db, q: { year: number; countyId?: number; today?: string }): Alert[] {
  const today = q.today ?? localToday();
  const postings = stmt(
    db,
    `SELECT p.cadre_id AS cadreId, c.name, p.start, p."end" AS "end", t.county_id AS countyId, t.id AS townshipId, t.name AS township
       FROM postings p JOIN cadres c ON c.id = p.cadre_id JOIN townships t ON t.id = p.township_id
      WHERE p.start <= ? AND (p."end" IS NULL OR p."end" >= ?) ORDER BY p.cadre_id, p.start`,
  ).all(`${q.year}-12-31`, `${q.year}-01-01`) as Row[];
  const byCadre = new Map<number, Row[]>();
  for (const p of postings) {
    const list = byCadre.get(p.cadreId);
    if (list) list.push(p);
    else byCadre.set(p.cadreId, [p]);
  }
  const like = `${q.year}-%`;
  const dues = new Map(
    (
      stmt(db, 'SELECT cadre_id AS c, period, due_date AS d FROM report_dues WHERE period LIKE ?').all(like) as Array<{
        c: number;
        period: string;
        d: string;
      }>
    ).map((r) => [`${r.c}|${r.period}`, r.d]),
  );
  const submitted = new Set(
    (
      stmt(db, 'SELECT cadre_id AS c, period FROM report_submissions WHERE period LIKE ?').all(like) as Array<{ c: number; period: string }>
    ).map((r) => `${r.c}|${r.period}`),
  );
  const settings = new Map<number, ReportSettings>();
  const alerts: Alert[] = [];
  for (const [cadreId, spans] of byCadre) {
    for (const p of periodsOwed(spans, q.year)) {
      const at = postingFor(spans, p)!;
      if (q.countyId !== undefined && at.countyId !== q.countyId) continue;
      const key = `${cadreId}|${p.code}`;
      if (submitted.has(key)) continue;
      if (!settings.has(at.countyId)) settings.set(at.countyId, getReportSettings(db, at.countyId, q.year));
      const due = dues.get(key) ?? defaultDueDate(p, settings.get(at.countyId));
      const st = reportStatus(due, null, today);
      if (st.status !== '逾期') continue;
      const what = p.kind === '季度报告' ? '季度工作进展报告' : '半年书面工作总结';
      alerts.push({
        kind: '报告逾期',
        severity: st.lateDays > 30 ? 'high' : 'medium',
        cadreId,
        cadreName: at.name,
        townshipId: at.townshipId,
        township: at.township,
        date: due,
        message: `${at.name}${periodLabel(p.code)}${what}未报送，报送期限为${Number(due.slice(5, 7))}月${Number(due.slice(8))}日，已逾期${st.lateDays}天`,
        link: { view: 'worklog', cadreId, tab: 'reports' },
      });
    }
  }
  const zh = new Intl.Collator('zh-CN');
  return alerts.sort(
    (a, b) =>
      (a.date! < b.date! ? 1 : a.date! > b.date! ? -1 : 0) || zh.compare(a.township, b.township) || zh.compare(a.cadreName!, b.cadreName!),
  );
}
