/**
 * Alerts (预警): who is behind on what in a year, each linked to the record it comes from.
 *
 * - 月在岗不足: a complete, certified month under the minimum, counted exactly as the township
 *   grid counts it (main/core/attendance/register.ts; one row per cadre and township). An
 *   uncertified month says nothing about the minimum: it is 考勤逾期未认定 once overdue.
 * - 考勤逾期未认定: a complete month of a township with posted cadres, not certified by
 *   month end + certifyDeadlineDays.
 * - 考勤登记不实: a check found a cadre not on post on a day the certified register shows 在岗
 *   (a 核查, open or 属实): one alert on the cadre, one on the certifying secretary.
 * - 五必到缺席 / 督查不在岗: every absence recorded, with the grade cap the year's check
 *   absences imply; a check absence covered by approved leave is 有因 and caps nothing.
 * - 请假越权审批: approved leave longer than the township limit, not approved by 县委组织部.
 * Nothing is hidden because it is old: every month of the year is examined. The whole county
 * is read in a few queries and counted in memory (300 cadres × 12 months ≤ 200 ms).
 */
import { dateFromDayNumber, dayNumber, monthLast, monthOf, type AttendanceSettings, type PostingSpan } from '../../../shared/attendance';
import { ALERT_KINDS, type Alert } from '../../../shared/alerts';
import { capFromCheckAbsences } from '../../../shared/grades';
import type { Db } from '../../store/db';
import { registerMonths } from '../attendance/register';
import { leaveCovering, leaveCoversSql } from './common';
import { listVerifications } from './verifications';
import { getCountySettings } from '../attendance/settings';
import { dateLabel, monthLabel } from '../../../shared/dates';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

export interface AlertQuery {
  year: number;
  countyId?: number;
  /** The clerk's today (tests pin it); decides which months are complete and overdue. */
  today?: string;
}

type Township = { id: number; name: string; countyId: number };
type PostingRow = { cadreId: number; name: string; townshipId: number; start: string; end: string | null };

const zh = new Intl.Collator('zh-CN');
const pad = (n: number) => String(n).padStart(2, '0');
const fmt = (n: number) => String(Math.round(n * 10) / 10);
/** 2024-08-05 → 8月5日 (the year is already said). */
const shortDate = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;

export function computeAlerts(db: Db, q: AlertQuery): Alert[] {
  const today = q.today ?? localToday();
  const yFrom = `${q.year}-01-01`;
  const yTo = `${q.year}-12-31`;
  const county = q.countyId ?? null;
  const townships = new Map(
    (
      stmt(db, 'SELECT id, name, county_id AS countyId FROM townships WHERE (@county IS NULL OR county_id = @county)').all({
        county,
      }) as Township[]
    ).map((t) => [t.id, t]),
  );
  const settingsCache = new Map<number, AttendanceSettings>();
  const settingsOf = (townshipId: number) => {
    const c = townships.get(townshipId)!.countyId;
    let s = settingsCache.get(c);
    if (!s) settingsCache.set(c, (s = getCountySettings(db, c, q.year)));
    return s;
  };
  const alerts: Alert[] = [];

  // Postings touching the year, grouped by cadre and township (as the township grid rows are).
  const postings = (
    stmt(
      db,
      `SELECT p.cadre_id AS cadreId, c.name, p.township_id AS townshipId, p.start, p."end" AS "end"
         FROM postings p JOIN cadres c ON c.id = p.cadre_id
        WHERE p.start <= ? AND (p."end" IS NULL OR p."end" >= ?) ORDER BY p.start`,
    ).all(yTo, yFrom) as PostingRow[]
  ).filter((p) => townships.has(p.townshipId));
  const rows = new Map<string, { cadreId: number; name: string; townshipId: number; spans: PostingSpan[] }>();
  for (const p of postings) {
    const key = `${p.cadreId}|${p.townshipId}`;
    const r = rows.get(key) ?? { cadreId: p.cadreId, name: p.name, townshipId: p.townshipId, spans: [] };
    r.spans.push({ start: p.start, end: p.end });
    rows.set(key, r);
  }

  const months = Array.from({ length: 12 }, (_, i) => `${q.year}-${pad(i + 1)}`).filter((m) => monthLast(m) < today);
  if (months.length) {
    const staffed = new Set<string>();
    const certified = new Set<string>();
    const register = registerMonths(db, {
      from: months[0]!,
      to: months[months.length - 1]!,
      today,
      townshipIds: new Set(townships.keys()),
    });
    for (const r of register) {
      const t = townships.get(r.townshipId)!;
      staffed.add(`${r.townshipId}|${r.month}`);
      // Only a certified month says whether the minimum was met; an uncertified one is 考勤逾期未认定 below.
      if (!r.certification) continue;
      certified.add(`${r.townshipId}|${r.month}`);
      const n = r.counts;
      if (n.meetsMinimum) continue;
      const m = r.month;
      const parts = [`${r.name}${monthLabel(m)}在岗${fmt(n.onPost)}天，少于应在岗${n.required}天（差${fmt(n.shortBy)}天）`];
      if (n.absent > 0) parts.push(`缺勤${fmt(n.absent)}天`);
      if (n.leave > 0) parts.push(`请假${fmt(n.leave)}天`);
      parts.push(`经${r.certification.secretaryName}认定`);
      alerts.push({
        kind: '月在岗不足',
        severity: 'high',
        cadreId: r.cadreId,
        cadreName: r.name,
        townshipId: r.townshipId,
        township: t.name,
        month: m,
        message: parts.join('，'),
        link: { view: 'attendance', townshipId: r.townshipId, month: m },
      });
    }

    for (const t of townships.values()) {
      const days = settingsOf(t.id).certifyDeadlineDays;
      for (const m of months) {
        const key = `${t.id}|${m}`;
        if (!staffed.has(key) || certified.has(key)) continue;
        const deadline = dateFromDayNumber(dayNumber(monthLast(m)) + days);
        if (today <= deadline) continue;
        const late = dayNumber(today) - dayNumber(deadline);
        alerts.push({
          kind: '考勤逾期未认定',
          severity: late > 30 ? 'high' : 'medium',
          townshipId: t.id,
          township: t.name,
          month: m,
          message: `${t.name}${monthLabel(m)}考勤尚未经乡镇党委签字盖章认定，认定期限为${dateLabel(deadline)}（月末后${days}天），已逾期${late}天`,
          link: { view: 'attendance', townshipId: t.id, month: m },
        });
      }
    }
  }

  // 考勤登记不实: a 核查 open or found 属实 — on the cadre and on the certifying secretary (not 不属实).
  for (const v of listVerifications(db, { year: q.year, countyId: q.countyId })) {
    const t = townships.get(v.townshipId);
    if (!t || v.outcome === '不属实') continue;
    const state = v.outcome === '属实' ? `核查属实，对${v.secretaryName}的处理：${v.action ?? '未记录'}` : '待核查';
    const base = {
      kind: '考勤登记不实' as const,
      severity: 'high' as const,
      townshipId: t.id,
      township: t.name,
      date: v.date,
      link: { view: 'verifications' as const, year: Number(v.date.slice(0, 4)) },
    };
    alerts.push({ ...base, cadreId: v.cadreId, cadreName: v.cadreName, message: `${v.finding}（${state}）` });
    alerts.push({
      ...base,
      message: `乡镇党委书记${v.secretaryName}签字认定的${monthLabel(v.date.slice(0, 7))}考勤登记表与督查不符：${v.cadreName}${dateLabel(v.date)}不在岗却记为在岗（${state}）`,
    });
  }

  const absentAtEvents = stmt(
    db,
    `SELECT e.id, e.township_id AS townshipId, e.kind, e.title, e.date, x.cadre_id AS cadreId, c.name, x.absence_reason AS reason
       FROM must_attend_expected x JOIN must_attend_events e ON e.id = x.event_id JOIN cadres c ON c.id = x.cadre_id
      WHERE x.present = 0 AND e.date BETWEEN ? AND ?`,
  ).all(yFrom, yTo) as Array<{
    id: number;
    townshipId: number;
    kind: string;
    title: string;
    date: string;
    cadreId: number;
    name: string;
    reason: string | null;
  }>;
  for (const e of absentAtEvents) {
    const t = townships.get(e.townshipId);
    if (!t) continue;
    alerts.push({
      kind: '五必到缺席',
      severity: 'medium',
      cadreId: e.cadreId,
      cadreName: e.name,
      townshipId: t.id,
      township: t.name,
      date: e.date,
      message: `${e.name}缺席${dateLabel(e.date)}${t.name}${e.kind}“${e.title}”（原因：${e.reason ?? '未说明'}）`,
      link: { view: 'events', eventId: e.id },
    });
  }

  const absentAtChecks = (
    stmt(
      db,
      `SELECT k.id, k.township_id AS townshipId, k.level, k.kind, k.date, r.cadre_id AS cadreId, c.name, r.reason,
              ${leaveCoversSql('r.cadre_id', 'k.date')} AS excused
         FROM check_results r JOIN checks k ON k.id = r.check_id JOIN cadres c ON c.id = r.cadre_id
        WHERE r.on_post = 0 AND k.date BETWEEN ? AND ? ORDER BY k.date, k.id`,
    ).all(yFrom, yTo) as Array<{
      id: number;
      townshipId: number;
      level: string;
      kind: string;
      date: string;
      cadreId: number;
      name: string;
      reason: string | null;
      excused: 0 | 1;
    }>
  ).filter((k) => townships.has(k.townshipId));
  // An absence covered by approved leave is 有因: listed, but it neither counts nor caps the grade.
  const totals = new Map<number, number>();
  for (const k of absentAtChecks) if (!k.excused) totals.set(k.cadreId, (totals.get(k.cadreId) ?? 0) + 1);
  const nth = new Map<number, number>();
  for (const k of absentAtChecks) {
    const t = townships.get(k.townshipId)!;
    const head = `${k.name}在${dateLabel(k.date)}${k.kind}（${k.level}）中不在岗（原因：${k.reason ?? '未说明'}）`;
    if (k.excused) {
      const l = leaveCovering(db, k.cadreId, k.date);
      alerts.push({
        kind: '督查不在岗',
        severity: 'medium',
        cadreId: k.cadreId,
        cadreName: k.name,
        townshipId: t.id,
        township: t.name,
        date: k.date,
        message: `${head}，有因：当日在已批准的${l?.type ?? '请假'}期内${l ? `（${dateLabel(l.start)}至${dateLabel(l.end)}${l.approver ? `，${l.approver}批准` : ''}）` : ''}，不计入不在岗次数，不影响评定等次`,
        link: { view: 'events', checkId: k.id },
      });
      continue;
    }
    const i = (nth.get(k.cadreId) ?? 0) + 1;
    nth.set(k.cadreId, i);
    const cap = capFromCheckAbsences(totals.get(k.cadreId)!, settingsOf(t.id).checkAbsence);
    alerts.push({
      kind: '督查不在岗',
      severity: 'high',
      cadreId: k.cadreId,
      cadreName: k.name,
      townshipId: t.id,
      township: t.name,
      date: k.date,
      message: `${head}，为本年度第${i}次；${cap.reason}`,
      link: { view: 'events', checkId: k.id },
    });
  }

  const leaves = stmt(
    db,
    `SELECT l.id, l.cadre_id AS cadreId, c.name, l.type, l.start_date AS start, l.end_date AS "end", l.days,
            l.approver, l.approval_level AS level
       FROM leave_requests l JOIN cadres c ON c.id = l.cadre_id
      WHERE l.status IN ('已批准', '已销假') AND (l.approval_level IS NULL OR l.approval_level != '县委组织部')
        AND l.start_date <= ? AND l.end_date >= ?`,
  ).all(yTo, yFrom) as Array<{
    id: number;
    cadreId: number;
    name: string;
    type: string;
    start: string;
    end: string;
    days: number;
    approver: string | null;
    level: string | null;
  }>;
  for (const l of leaves) {
    const at = (d: string) => postings.find((p) => p.cadreId === l.cadreId && p.start <= d && (p.end === null || p.end >= d));
    const p = at(l.start) ?? at(l.end);
    if (!p) continue;
    const limit = settingsOf(p.townshipId).leaveTownshipMaxDays;
    if (l.days <= limit) continue;
    const t = townships.get(p.townshipId)!;
    const by = `${l.level ?? '未记录审批层级'}${l.approver ? `（${l.approver}）` : ''}`;
    alerts.push({
      kind: '请假越权审批',
      severity: 'medium',
      cadreId: l.cadreId,
      cadreName: l.name,
      townshipId: t.id,
      township: t.name,
      date: l.start,
      message: `${l.name}请${l.type}${fmt(l.days)}天（${dateLabel(l.start)}至${l.end.slice(0, 4) === l.start.slice(0, 4) ? shortDate(l.end) : dateLabel(l.end)}），超过乡镇审批上限${fmt(limit)}天，应报县委组织部审批，实由${by}批准`,
      link: { view: 'attendance-leave', leaveId: l.id, townshipId: t.id, month: monthOf(l.start) },
    });
  }

  const rank = (k: Alert['kind']) => ALERT_KINDS.indexOf(k);
  const when = (a: Alert) => a.date ?? a.month ?? '';
  return alerts.sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      (when(a) < when(b) ? 1 : when(a) > when(b) ? -1 : 0) ||
      zh.compare(a.township, b.township) ||
      zh.compare(a.cadreName ?? '', b.cadreName ?? ''),
  );
}
