/**
 * Plan and check-cadence alerts (预警) of a year, in the Alert shape of main/core/events/alerts.ts
 * (issue 13 item 9). Source: 制订三年工作规划和年度工作计划，明确工作目标、推进措施、时间节点、
 * 工作责任; 乡镇党委每月检查选派干部出勤情况; 县（市、区）委组织部每月抽查选派干部出勤情况.
 * - 无年度计划: a cadre posted in the county during the year with no 年度计划 of that year
 *   once the rules' annualPlanDueDays have passed since 1 January (or the posting's start, if
 *   later); high once the year is over. Not raised when the cadre left before the due date.
 * - 计划事项逾期: an item of any plan whose 时间节点 falls in the year and has passed, not 已完成.
 * - 乡镇月检缺失: a month of the year that has ended, in which the township had a cadre posted,
 *   with no check of level 乡镇 recorded for it.
 * - 县级抽查缺失: a month of the year that has ended, in which the county had a cadre posted,
 *   with no check of level 县级 recorded in any of its townships. A county alert: its
 *   townshipId is 0 and its township names the county.
 */
import { addDays, dayNumber, monthFirst, monthLast } from '../../../shared/attendance';
import type { Alert } from '../../../shared/alerts';
import type { Db } from '../../store/db';
import { rulesInForce } from '../rules/settings';
import { allPostings, zh, type TownshipPosting } from './common';
import { monthLabel, dateLabel } from '../../../shared/dates';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

export interface PlanAlertQuery {
  year: number;
  countyId?: number;
  /** The clerk's today (tests pin it). */
  today?: string;
}

type Township = { id: number; name: string; countyId: number; county: string };

const pad = (n: number) => String(n).padStart(2, '0');

export function planAlerts(db: Db, q: PlanAlertQuery): Alert[] {
  const today = q.today ?? localToday();
  const yFrom = `${q.year}-01-01`;
  const yTo = `${q.year}-12-31`;
  if (today <= yFrom) return [];
  const yearOver = today > yTo;
  const townships = new Map(
    (
      stmt(
        db,
        'SELECT t.id, t.name, t.county_id AS countyId, c.name AS county FROM townships t JOIN counties c ON c.id = t.county_id WHERE (@c IS NULL OR t.county_id = @c)',
      ).all({ c: q.countyId ?? null }) as Township[]
    ).map((t) => [t.id, t]),
  );
  const names = new Map((stmt(db, 'SELECT id, name FROM cadres').all() as Array<{ id: number; name: string }>).map((c) => [c.id, c.name]));
  // Postings in the year, in the chosen county, per cadre.
  const inYear = new Map<number, TownshipPosting[]>();
  for (const [cadreId, ps] of allPostings(db)) {
    const mine = ps.filter((p) => townships.has(p.townshipId) && p.start <= yTo && (p.end === null || p.end >= yFrom));
    if (mine.length > 0) inYear.set(cadreId, mine);
  }
  const dueDays = new Map<number, number>();
  const planDueDays = (countyId: number) => {
    let d = dueDays.get(countyId);
    if (d === undefined) dueDays.set(countyId, (d = rulesInForce(db, countyId, q.year).settings.annualPlanDueDays));
    return d;
  };
  const base = (cadreId: number, t: Township) => ({ cadreId, cadreName: names.get(cadreId) ?? '', townshipId: t.id, township: t.name });
  const lastPosting = (ps: TownshipPosting[]) => ps[ps.length - 1]!;

  // ── no annual plan ──
  const noPlan: Alert[] = [];
  const planned = new Set(
    (stmt(db, `SELECT cadre_id AS c FROM plans WHERE kind = '年度计划' AND start_year = ?`).all(q.year) as Array<{ c: number }>).map(
      (r) => r.c,
    ),
  );
  for (const [cadreId, ps] of inYear) {
    if (planned.has(cadreId)) continue;
    const first = ps[0]!;
    const t = townships.get(lastPosting(ps).townshipId)!;
    const from = first.start > yFrom ? first.start : yFrom;
    const due = addDays(from, planDueDays(t.countyId));
    if (due > yTo || today <= due) continue;
    // Left before the plan was due: nothing owed.
    if (ps.every((p) => p.end !== null && p.end < due)) continue;
    noPlan.push({
      kind: '无年度计划',
      severity: yearOver ? 'high' : 'medium',
      ...base(cadreId, t),
      date: due,
      message: `${names.get(cadreId)}${q.year}年度工作计划尚未录入（应于${dateLabel(due)}前制订，${from === yFrom ? '年初' : '到任'}后${planDueDays(t.countyId)}天内）`,
      link: { view: 'work', tab: 'plans', cadreId },
    });
  }
  noPlan.sort((a, b) => zh.compare(a.township, b.township) || zh.compare(a.cadreName!, b.cadreName!));

  // ── plan items past their date ──
  const items = stmt(
    db,
    `SELECT p.cadre_id AS cadreId, p.kind, p.start_year AS startYear, p.title, i.goal, i.deadline, i.status
       FROM plan_items i JOIN plans p ON p.id = i.plan_id
      WHERE i.deadline BETWEEN ? AND ? AND i.deadline < ? AND i.status <> '已完成'
      ORDER BY i.deadline, p.cadre_id, i.position`,
  ).all(yFrom, yTo, today) as Array<{
    cadreId: number;
    kind: string;
    startYear: number;
    title: string;
    goal: string;
    deadline: string;
    status: string;
  }>;
  const overdue: Alert[] = [];
  for (const it of items) {
    const ps = inYear.get(it.cadreId);
    if (!ps) continue;
    const at = ps.find((p) => p.start <= it.deadline && (p.end === null || p.end >= it.deadline)) ?? lastPosting(ps);
    const t = townships.get(at.townshipId)!;
    const late = dayNumber(today) - dayNumber(it.deadline);
    overdue.push({
      kind: '计划事项逾期',
      severity: late > 30 ? 'high' : 'medium',
      ...base(it.cadreId, t),
      date: it.deadline,
      message: `${names.get(it.cadreId)}《${it.title}》中的“${it.goal}”时间节点为${dateLabel(it.deadline)}，${it.status === '未完成' ? '已记为未完成' : `仍为“${it.status}”`}，已逾期${late}天`,
      link: { view: 'work', tab: 'plans', cadreId: it.cadreId },
    });
  }

  // ── check cadence ──
  const months = Array.from({ length: 12 }, (_, i) => `${q.year}-${pad(i + 1)}`).filter((m) => monthLast(m) < today);
  const checks = stmt(db, 'SELECT township_id AS townshipId, level, date FROM checks WHERE date BETWEEN ? AND ?').all(yFrom, yTo) as Array<{
    townshipId: number;
    level: string;
    date: string;
  }>;
  const townshipChecked = new Set(checks.filter((c) => c.level === '乡镇').map((c) => `${c.townshipId}|${c.date.slice(0, 7)}`));
  const countyChecked = new Set(
    checks
      .filter((c) => c.level === '县级' && townships.has(c.townshipId))
      .map((c) => `${townships.get(c.townshipId)!.countyId}|${c.date.slice(0, 7)}`),
  );
  const staffed = new Set<string>();
  for (const ps of inYear.values()) {
    for (const p of ps)
      for (const m of months)
        if (p.start <= monthLast(m) && (p.end === null || p.end >= monthFirst(m))) staffed.add(`${p.townshipId}|${m}`);
  }
  const noTownshipCheck: Alert[] = [];
  const noCountyCheck: Alert[] = [];
  const countyMonths = new Set<string>();
  const sortedTownships = [...townships.values()].sort((a, b) => zh.compare(a.county, b.county) || zh.compare(a.name, b.name));
  for (const m of months) {
    for (const t of sortedTownships) {
      if (!staffed.has(`${t.id}|${m}`)) continue;
      countyMonths.add(`${t.countyId}|${m}`);
      if (townshipChecked.has(`${t.id}|${m}`)) continue;
      noTownshipCheck.push({
        kind: '乡镇月检缺失',
        severity: 'medium',
        townshipId: t.id,
        township: t.name,
        month: m,
        message: `${t.name}${monthLabel(m)}没有乡镇党委检查选派干部出勤情况的记录（乡镇党委每月检查）`,
        link: { view: 'events', month: m, townshipId: t.id },
      });
    }
    const counties = new Map(sortedTownships.map((t) => [t.countyId, t.county]));
    for (const [countyId, county] of counties) {
      if (!countyMonths.has(`${countyId}|${m}`) || countyChecked.has(`${countyId}|${m}`)) continue;
      noCountyCheck.push({
        kind: '县级抽查缺失',
        severity: 'medium',
        townshipId: 0,
        township: `${county}（全县）`,
        month: m,
        message: `${county}${monthLabel(m)}没有县委组织部抽查选派干部出勤情况的记录（县委组织部每月抽查）`,
        link: { view: 'events', month: m },
      });
    }
  }
  return [...noPlan, ...overdue, ...noTownshipCheck, ...noCountyCheck];
}
