/**
 * Work alerts (预警) of a year, in the Alert shape of main/core/events/alerts.ts:
 * - 年度无项目: a cadre posted at year end (or today, if earlier) with no project that year —
 *   medium from 1 October ("年底前至少1个项目" is coming due), high once the year is over.
 * - 项目未公示: every project of the year never publicised (high once the year is over).
 * - 未包扶薄弱村: a 乡镇党委第一副书记 posted on that date who supports no weak village.
 * - 薄弱村节点逾期: a supporter's missed milestone (due by the year's end) with no action on record.
 * - 补助发放滞后: a 市级 cadre's ended quarters of the year paid less than owed.
 * - 保险脱保: a 市级 cadre's posted days of the year (up to yesterday) without a valid policy.
 * The county is read in a handful of queries and evaluated in memory.
 */
import { dateFromDayNumber, dayNumber } from '../../../shared/attendance';
import type { Alert } from '../../../shared/alerts';
import { WORK_ALERT_KINDS, yuan } from '../../../shared/work';
import { MILESTONE_RULE } from '../../../shared/weakVillages';
import { allowanceByQuarter, rangeDays, uncoveredRanges, type InsurancePolicy } from '../../../shared/support';
import type { Db } from '../../store/db';
import { allPostings, getWorkSetting, overlapsYear, zh, type TownshipPosting } from './common';
import { listWeakVillages } from './weak';
import { dateLabel } from '../../../shared/dates';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

export interface WorkAlertQuery {
  year: number;
  countyId?: number;
  /** The clerk's today (tests pin it). */
  today?: string;
}

type Cadre = { id: number; name: string; level: string; postType: string };
type Township = { id: number; name: string; countyId: number };

const postedOn = (ps: readonly TownshipPosting[], date: string) => ps.find((p) => p.start <= date && (p.end === null || p.end >= date));

export function workAlerts(db: Db, q: WorkAlertQuery): Alert[] {
  const today = q.today ?? localToday();
  const yFrom = `${q.year}-01-01`;
  const yTo = `${q.year}-12-31`;
  if (today < yFrom) return [];
  const yearOver = today > yTo;
  const refDate = yearOver ? yTo : today;
  const townships = new Map(
    (
      stmt(db, 'SELECT id, name, county_id AS countyId FROM townships WHERE (@c IS NULL OR county_id = @c)').all({
        c: q.countyId ?? null,
      }) as Township[]
    ).map((t) => [t.id, t]),
  );
  const cadres = new Map((stmt(db, 'SELECT id, name, level, post_type AS postType FROM cadres').all() as Cadre[]).map((c) => [c.id, c]));
  const postings = allPostings(db);
  const alerts: Alert[] = [];
  const base = (c: Cadre, t: Township) => ({ cadreId: c.id, cadreName: c.name, townshipId: t.id, township: t.name });

  // Cadres posted in the county on the reference date.
  const current: Array<{ c: Cadre; t: Township }> = [];
  for (const [cadreId, ps] of postings) {
    const p = postedOn(ps, refDate);
    const t = p && townships.get(p.townshipId);
    if (t) current.push({ c: cadres.get(cadreId)!, t });
  }

  // ── projects ──
  const projects = stmt(
    db,
    `SELECT p.id, p.cadre_id AS cadreId, p.name, p.publicised_on AS publicisedOn, v.name AS village, v.township_id AS townshipId, p.created_at AS createdAt
       FROM projects p JOIN villages v ON v.id = p.village_id WHERE p.year = ?`,
  ).all(q.year) as Array<{
    id: number;
    cadreId: number;
    name: string;
    publicisedOn: string | null;
    village: string;
    townshipId: number;
    createdAt: string;
  }>;
  const withProject = new Set(projects.map((p) => p.cadreId));
  if (yearOver || today >= `${q.year}-10-01`) {
    for (const { c, t } of current) {
      if (withProject.has(c.id)) continue;
      alerts.push({
        kind: '年度无项目',
        severity: yearOver ? 'high' : 'medium',
        ...base(c, t),
        date: yTo,
        message: yearOver
          ? `${c.name}${q.year}年底前没有促进乡村振兴发展项目（每名驻村干部年底前至少1个）`
          : `${c.name}${q.year}年尚无促进乡村振兴发展项目，距年底还有${dayNumber(yTo) - dayNumber(today) + 1}天`,
        link: { view: 'work', tab: 'projects', cadreId: c.id },
      });
    }
  }
  for (const p of projects) {
    const t = townships.get(p.townshipId);
    const c = cadres.get(p.cadreId);
    if (!t || !c || p.publicisedOn) continue;
    alerts.push({
      kind: '项目未公示',
      severity: yearOver ? 'high' : 'medium',
      ...base(c, t),
      message: `${c.name}的${q.year}年项目“${p.name}”（${p.village}）尚未在村公示栏公示`,
      link: { view: 'work', tab: 'projects', cadreId: c.id, projectId: p.id },
    });
  }

  // ── weak villages ──
  const supporting = new Set(
    (stmt(db, 'SELECT DISTINCT cadre_id AS id FROM weak_supporters').all() as Array<{ id: number }>).map((r) => r.id),
  );
  for (const { c, t } of current) {
    if (c.postType !== '乡镇党委第一副书记' || supporting.has(c.id)) continue;
    alerts.push({
      kind: '未包扶薄弱村',
      severity: 'medium',
      ...base(c, t),
      message: `${c.name}任${t.name}党委第一副书记，尚未包扶集体经济薄弱村（每人至少包扶1个）`,
      link: { view: 'work', tab: 'weak', cadreId: c.id },
    });
  }
  for (const w of listWeakVillages(db, q.countyId === undefined ? {} : { countyId: q.countyId }, today)) {
    const t = townships.get(w.townshipId);
    if (!t) continue;
    for (const s of w.supporters) {
      const c = cadres.get(s.cadreId)!;
      for (const m of s.milestones) {
        if (!m.open || m.dueDate > yTo) continue;
        const late = m.achievedOn ? `${dateLabel(m.achievedOn)}才完成` : `至今未完成（期限${dateLabel(m.dueDate)}）`;
        const taken = m.actionTaken ? `，已记录${m.actionTaken.action}，仍须${m.requiredAction}` : '';
        alerts.push({
          kind: '薄弱村节点逾期',
          severity: 'high',
          ...base(c, t),
          date: m.dueDate,
          message: `${c.name}包扶的${w.village}未能${MILESTONE_RULE[m.kind]}，${late}，应予${m.requiredAction}并记录在案${taken}`,
          link: { view: 'work', tab: 'weak', villageId: w.villageId, cadreId: c.id },
        });
      }
    }
  }

  // ── support (市级 cadres) ──
  const monthlyFen = getWorkSetting(db, 'allowanceMonthlyFen');
  const paid = new Map<number, Map<number, number>>();
  for (const r of stmt(
    db,
    'SELECT cadre_id AS cadreId, quarter, SUM(amount_fen) AS s FROM allowance_payments WHERE year = ? GROUP BY cadre_id, quarter',
  ).all(q.year) as Array<{ cadreId: number; quarter: number; s: number }>) {
    const m = paid.get(r.cadreId) ?? new Map<number, number>();
    m.set(r.quarter, r.s);
    paid.set(r.cadreId, m);
  }
  const policies = new Map<number, InsurancePolicy[]>();
  for (const p of stmt(db, 'SELECT cadre_id AS cadreId, start, "end" AS "end" FROM insurance_policies').all() as InsurancePolicy[]) {
    policies.set(p.cadreId, [...(policies.get(p.cadreId) ?? []), p]);
  }
  const yesterday = dateFromDayNumber(dayNumber(today) - 1);
  const insuredTo = yesterday < yTo ? yesterday : yTo;
  for (const [cadreId, all] of postings) {
    const c = cadres.get(cadreId)!;
    if (c.level !== '市级') continue;
    const ps = all.filter((p) => overlapsYear(p, q.year) && townships.has(p.townshipId));
    if (ps.length === 0) continue;
    const t = townships.get((postedOn(ps, refDate) ?? ps[ps.length - 1]!).townshipId)!;
    const behind = allowanceByQuarter({ postings: ps, year: q.year, paid: paid.get(cadreId) ?? new Map(), today, monthlyFen }).filter(
      (x) => x.behind,
    );
    if (behind.length) {
      const short = behind.reduce((s, x) => s + x.owedFen - x.paidFen, 0);
      alerts.push({
        kind: '补助发放滞后',
        severity: 'medium',
        ...base(c, t),
        date: behind[behind.length - 1]!.dueDate,
        message: `${c.name}${q.year}年${behind.map((x) => `第${x.quarter}季度`).join('、')}工作生活补助未足额发放：${behind
          .map((x) => `应发${yuan(x.owedFen)}元、已发${yuan(x.paidFen)}元`)
          .join('；')}，合计欠发${yuan(short)}元`,
        link: { view: 'work', tab: 'support', cadreId },
      });
    }
    if (insuredTo < yFrom) continue;
    const gaps = uncoveredRanges(ps, policies.get(cadreId) ?? [], yFrom, insuredTo);
    if (gaps.length) {
      const days = gaps.reduce((s, g) => s + rangeDays(g), 0);
      const g = gaps[gaps.length - 1]!;
      alerts.push({
        kind: '保险脱保',
        severity: 'high',
        ...base(c, t),
        date: g.from,
        message: `${c.name}${q.year}年在岗期间有${days}天没有有效的人身意外伤害保险（${gaps
          .slice(-3)
          .map((x) => `${dateLabel(x.from)}至${dateLabel(x.to)}`)
          .join('、')}）`,
        link: { view: 'work', tab: 'support', cadreId },
      });
    }
  }

  const rank = (k: Alert['kind']) => (WORK_ALERT_KINDS as readonly string[]).indexOf(k);
  return alerts.sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      zh.compare(a.township, b.township) ||
      zh.compare(a.cadreName ?? '', b.cadreName ?? '') ||
      a.message.localeCompare(b.message),
  );
}
