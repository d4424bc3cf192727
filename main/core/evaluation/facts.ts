/**
 * The records the caps and the evidence panel read, computed by the same functions as the
 * alerts view (same rules, same counts): 月在岗不足 from computeAlerts, check absences from
 * yearAbsences, projects from listProjects, missed milestones from listWeakVillages.
 */
import type { CapFacts, Evidence } from '../../../shared/evaluation';
import { dateLabel } from '../../../shared/dates';
import { REQUIRED_CATEGORIES } from '../../../shared/domain';
import type { Db } from '../../store/db';
import { allAlerts } from '../alerts/all';
import { certifiedTotals, registerMonths } from '../attendance/register';
import { computeAlerts } from '../events/alerts';
import { yearAbsences } from '../events/common';
import { listProjects } from '../work/projects';
import { listWeakVillages } from '../work/weak';
import { localToday } from '../runtime/clock';

const MISSED = new Set(['逾期完成', '已逾期']);
const MILESTONE_TEXT: Record<string, string> = { 发展思路: '一年内提出发展思路', 增收渠道: '二年内找到增收渠道', 摘帽: '三年内摘帽' };

export interface CountyFacts {
  caps: Map<number, CapFacts>;
  shortMonths: Map<number, Set<string>>;
  missed: Map<number, string[]>;
}

export function countyFacts(db: Db, countyId: number, year: number, today = localToday()): CountyFacts {
  const shortMonths = new Map<number, Set<string>>();
  for (const a of computeAlerts(db, { year, countyId, today })) {
    if (a.kind !== '月在岗不足' || a.cadreId === undefined || !a.month) continue;
    const s = shortMonths.get(a.cadreId) ?? new Set<string>();
    s.add(a.month);
    shortMonths.set(a.cadreId, s);
  }
  const absences = yearAbsences(db, year);
  const projects = new Map<number, number>();
  for (const p of listProjects(db, { year, countyId })) projects.set(p.cadreId, (projects.get(p.cadreId) ?? 0) + 1);
  const missed = new Map<number, string[]>();
  for (const w of listWeakVillages(db, { countyId }, today)) {
    for (const s of w.supporters) {
      for (const m of s.milestones) {
        if (!MISSED.has(m.state) || m.dueDate < `${year}-01-01` || m.dueDate > `${year}-12-31`) continue;
        const list = missed.get(s.cadreId) ?? [];
        list.push(`${w.village}：${MILESTONE_TEXT[m.kind] ?? m.kind}（期限${dateLabel(m.dueDate)}，${m.state}）`);
        missed.set(s.cadreId, list);
      }
    }
  }
  const caps = new Map<number, CapFacts>();
  const ids = new Set([...shortMonths.keys(), ...absences.keys(), ...projects.keys(), ...missed.keys()]);
  for (const id of ids) {
    caps.set(id, {
      checkAbsences: absences.get(id)?.check ?? 0,
      monthsShort: shortMonths.get(id)?.size ?? 0,
      projects: projects.get(id) ?? 0,
      missedMilestones: missed.get(id)?.length ?? 0,
    });
  }
  return { caps, shortMonths, missed };
}

export const NO_FACTS: CapFacts = { checkAbsences: 0, monthsShort: 0, projects: 0, missedMilestones: 0 };

/** The evidence beside one cadre's score sheet. */
export function cadreEvidence(db: Db, cadreId: number, countyId: number, year: number, today = localToday()): Evidence {
  const alerts = allAlerts(db, { year, countyId, today }).filter((a) => a.cadreId === cadreId);
  const monthsShort = alerts
    .filter((a) => a.kind === '月在岗不足' && a.month)
    .map((a) => {
      const m = /在岗([\d.]+)天，少于应在岗(\d+)天/.exec(a.message);
      return { month: a.month!, onPost: m ? Number(m[1]) : 0, minimum: m ? Number(m[2]) : 0 };
    });
  const abs = yearAbsences(db, year).get(cadreId);
  const f = countyFacts(db, countyId, year, today);
  const filed = new Set(
    (
      db.prepare('SELECT DISTINCT category FROM materials WHERE cadre_id = ? AND year = ?').all(cadreId, year) as Array<{
        category: string;
      }>
    ).map((r) => r.category),
  );
  const bagMissing = REQUIRED_CATEGORIES.filter((c) => !filed.has(c));
  // Only ended months of the year can be certified; the panel says how many are and are not.
  const lastMonth = `${year}-12` < today.slice(0, 7) ? `${year}-12` : today.slice(0, 7);
  const register =
    lastMonth < `${year}-01` ? [] : registerMonths(db, { from: `${year}-01`, to: lastMonth, today, cadreId }).filter((m) => m.complete);
  const totals = certifiedTotals(register);
  return {
    cadreId,
    year,
    monthsShort,
    certifiedMonths: totals.certifiedMonths,
    uncertifiedMonths: totals.uncertifiedMonths,
    checkAbsences: abs?.check ?? 0,
    eventAbsences: abs?.event ?? 0,
    alerts: alerts.length,
    projects: listProjects(db, { year, cadreId }).map((p) => ({ id: p.id, name: p.name, status: p.status })),
    missedMilestones: f.missed.get(cadreId) ?? [],
    bagMissing,
  };
}
