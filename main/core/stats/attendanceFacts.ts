/**
 * 月在岗达标率: one fact per cadre-month posted in a township (the township grid's rows).
 * Only certified months count: a certified month meeting the minimum is counted, a certified
 * month under it is in the denominator only, and an uncertified month is `pending` (未认定):
 * in neither, but counted and shown beside the rate. The same rule as the grid and the alerts
 * (main/core/attendance/register.ts). Only months that have ended are counted.
 */
import { monthLast } from '../../../shared/attendance';
import type { Db } from '../../store/db';
import { registerMonths } from '../attendance/register';
import type { Fact, FigureFacts, Scope } from './facts';
import { monthLabel } from '../../../shared/dates';

const pad = (n: number) => String(n).padStart(2, '0');
const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** The months of the year that have ended by `today`. */
export function endedMonths(year: number, today: string): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`).filter((m) => monthLast(m) < today);
}

export function attendanceFacts(db: Db, s: Scope): FigureFacts {
  const months = endedMonths(s.year, s.today);
  const facts: Fact[] = [];
  if (months.length === 0) {
    return { key: 'attendance', unavailable: null, note: `${s.year}年尚无已结束的月份`, facts };
  }
  const townshipIds = new Set(s.townships.keys());
  let pending = 0;
  for (const r of registerMonths(db, { from: months[0]!, to: months[months.length - 1]!, today: s.today, townshipIds })) {
    const t = s.townships.get(r.townshipId)!;
    const n = r.counts;
    const certified = r.certification !== null;
    if (!certified) pending++;
    const extra = [n.leave > 0 ? `请假${fmt(n.leave)}天` : '', n.absent > 0 ? `缺勤${fmt(n.absent)}天` : ''].filter(Boolean).join('，');
    facts.push({
      key: `${r.cadreId}|${r.townshipId}|${r.month}`,
      townshipId: r.townshipId,
      township: t.name,
      village: r.villages.length ? r.villages.join('、') : null,
      cadreId: r.cadreId,
      cadre: r.name,
      when: r.month,
      month: r.month,
      text: certified
        ? `${monthLabel(r.month)}在岗${fmt(n.onPost)}天，应在岗${n.required}天${n.meetsMinimum ? '，达标' : `，差${fmt(n.shortBy)}天`}${extra ? `（${extra}）` : ''}（${r.certification!.secretaryName}认定）`
        : `${monthLabel(r.month)}考勤未认定，不计入达标率`,
      amount: certified ? `${fmt(n.onPost)} / ${n.required}天` : '未认定',
      counted: certified && n.meetsMinimum,
      pending: !certified,
      weight: 1,
      link: { view: 'attendance', townshipId: r.townshipId, month: r.month },
    });
  }
  return {
    key: 'attendance',
    unavailable: null,
    note: pending ? `${pending}个人月考勤未经乡镇党委认定（未认定），不计入达标率` : undefined,
    facts,
  };
}
