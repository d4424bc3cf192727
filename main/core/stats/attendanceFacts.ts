/**
 * 月在岗达标率: one fact per cadre-month posted in a township (the township grid's rows),
 * counted when the month meets the minimum. The same rule as the grid and the alerts:
 * defaultMonthRow + applyExceptions + countMonth with the county's settings. Only months
 * that have ended are counted (days still to come would count as on post).
 */
import {
  applyExceptions,
  countMonth,
  defaultMonthRow,
  monthLast,
  type AttendanceSettings,
  type DayCell,
  type MonthCounts,
  type PostingSpan,
  type StoredCell,
} from '../../../shared/attendance';
import type { Db } from '../../store/db';
import { monthLabel, stmt } from '../attendance/common';
import { getCountySettings } from '../attendance/settings';
import type { Fact, FigureFacts, Scope } from './facts';

type PostingRow = { cadreId: number; name: string; townshipId: number; village: string | null; start: string; end: string | null };

const pad = (n: number) => String(n).padStart(2, '0');
const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** The months of the year that have ended by `today`. */
export function endedMonths(year: number, today: string): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`).filter((m) => monthLast(m) < today);
}

export function attendanceFacts(db: Db, s: Scope): FigureFacts {
  const yFrom = `${s.year}-01-01`;
  const yTo = `${s.year}-12-31`;
  const months = endedMonths(s.year, s.today);
  const facts: Fact[] = [];
  if (months.length === 0) {
    return { key: 'attendance', unavailable: null, note: `${s.year}年尚无已结束的月份`, facts };
  }
  const postings = (
    stmt(
      db,
      `SELECT p.cadre_id AS cadreId, c.name, p.township_id AS townshipId, v.name AS village, p.start, p."end" AS "end"
         FROM postings p JOIN cadres c ON c.id = p.cadre_id LEFT JOIN villages v ON v.id = p.village_id
        WHERE p.start <= ? AND (p."end" IS NULL OR p."end" >= ?) ORDER BY p.start`,
    ).all(yTo, yFrom) as PostingRow[]
  ).filter((p) => s.townships.has(p.townshipId));
  const rows = new Map<string, { cadreId: number; name: string; townshipId: number; villages: string[]; spans: PostingSpan[] }>();
  for (const p of postings) {
    const key = `${p.cadreId}|${p.townshipId}`;
    const r = rows.get(key) ?? { cadreId: p.cadreId, name: p.name, townshipId: p.townshipId, villages: [], spans: [] };
    r.spans.push({ start: p.start, end: p.end });
    if (p.village && !r.villages.includes(p.village)) r.villages.push(p.village);
    rows.set(key, r);
  }

  // Exceptions of the ended months, grouped by cadre and month (one read for the county).
  const cadreIds = new Set(postings.map((p) => p.cadreId));
  const cells = new Map<string, StoredCell[]>();
  const last = monthLast(months[months.length - 1]!);
  // Read through the (cadre_id, date) key: other years and unposted cadres are never touched.
  const cellsOf = stmt(db, 'SELECT date, half, code FROM attendance_cells WHERE cadre_id = ? AND date BETWEEN ? AND ?');
  for (const id of cadreIds) {
    for (const c of cellsOf.iterate(id, yFrom, last) as IterableIterator<StoredCell>) {
      const key = `${id}|${c.date.slice(0, 7)}`;
      const list = cells.get(key);
      if (list) list.push(c);
      else cells.set(key, [c]);
    }
  }

  const settings = new Map<number, AttendanceSettings>();
  const settingsOf = (countyId: number) => {
    let v = settings.get(countyId);
    if (!v) settings.set(countyId, (v = getCountySettings(db, countyId)));
    return v;
  };
  const defaults = new Map<string, DayCell[]>();
  const plain = new Map<string, MonthCounts>();
  for (const r of rows.values()) {
    const t = s.townships.get(r.townshipId)!;
    const st = settingsOf(t.countyId);
    for (const m of months) {
      const first = `${m}-01`;
      const mLast = monthLast(m);
      if (!r.spans.some((p) => p.start <= mLast && (p.end === null || p.end >= first))) continue;
      // Most cadres share their posting dates: the default row (and its count, when nothing
      // is stored for the month) is built once per dates, month and county.
      const dk = `${t.countyId}|${m}|${r.spans.map((p) => `${p.start}~${p.end}`).join(',')}`;
      let row = defaults.get(dk);
      if (!row) defaults.set(dk, (row = defaultMonthRow(m, r.spans)));
      const stored = cells.get(`${r.cadreId}|${m}`);
      let n = stored ? undefined : plain.get(dk);
      if (!n) {
        n = countMonth(stored ? applyExceptions(row, m, stored) : row, st);
        if (!stored) plain.set(dk, n);
      }
      const extra = [n.leave > 0 ? `请假${fmt(n.leave)}天` : '', n.absent > 0 ? `缺勤${fmt(n.absent)}天` : ''].filter(Boolean).join('，');
      facts.push({
        key: `${r.cadreId}|${r.townshipId}|${m}`,
        townshipId: r.townshipId,
        township: t.name,
        village: r.villages.length ? r.villages.join('、') : null,
        cadreId: r.cadreId,
        cadre: r.name,
        when: m,
        month: m,
        text: `${monthLabel(m)}在岗${fmt(n.onPost)}天，应在岗${n.required}天${n.meetsMinimum ? '，达标' : `，差${fmt(n.shortBy)}天`}${extra ? `（${extra}）` : ''}`,
        amount: `${fmt(n.onPost)} / ${n.required}天`,
        counted: n.meetsMinimum,
        weight: 1,
        link: { view: 'attendance', townshipId: r.townshipId, month: m },
      });
    }
  }
  return { key: 'attendance', unavailable: null, facts };
}
