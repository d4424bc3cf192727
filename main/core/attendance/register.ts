/**
 * The register as certified: each cadre-month of a township, counted by the one rule
 * (defaultMonthRow + applyExceptions + countMonth with rest days, marks and today), with the
 * month's active certification. Statistics, alerts, the dossier and the evaluation caps read
 * months through here, so they agree: only certified months count towards rates, totals and
 * 达标; an uncertified month is 未认定; days after today never count.
 */
import {
  applyExceptions,
  countRegisterHalves,
  defaultMonthRow,
  futureFromIndex,
  holidayCalendar,
  markedHalves,
  monthDays,
  monthFirst,
  monthLast,
  type AttendanceSettings,
  type CountContext,
  type DayCell,
  type HolidayEntry,
  type MonthCounts,
  type PostingSpan,
  type RegisterDay,
  type StoredCell,
  registerHalves,
} from '../../../shared/attendance';
import type { Db } from '../../store/db';
import { getCountySettings } from './settings';
import { stmt } from '../../store/statementCache';

export interface CertificationRef {
  id: number;
  secretaryName: string;
  certifiedOn: string;
}

export interface RegisterMonth {
  cadreId: number;
  name: string;
  townshipId: number;
  countyId: number;
  month: string;
  villages: string[];
  spans: PostingSpan[];
  cells: DayCell[];
  /** What the register shows per half (rest and future halves told apart), and its count. */
  shown: RegisterDay[];
  counts: MonthCounts;
  /** The township's active certification of the month; null: 未认定. */
  certification: CertificationRef | null;
  /** The month has ended by today. */
  complete: boolean;
}

export interface RegisterQuery {
  /** First and last month (YYYY-MM), inclusive. */
  from: string;
  to: string;
  today: string;
  /** Only these townships (null: all). */
  townshipIds?: ReadonlySet<number> | null;
  /** Only this cadre. */
  cadreId?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; ) {
    out.push(m);
    const y = Number(m.slice(0, 4));
    const mm = Number(m.slice(5, 7));
    m = mm === 12 ? `${y + 1}-01` : `${y}-${pad(mm + 1)}`;
  }
  return out;
}

type PostingRow = {
  cadreId: number;
  name: string;
  townshipId: number;
  countyId: number;
  village: string | null;
  start: string;
  end: string | null;
};

/**
 * A month as every view shows and counts it (the grid passes its own rows through here too):
 * the halves as the register draws them, and the totals added up from those same halves.
 */
export function registerRow(
  row: readonly DayCell[],
  month: string,
  stored: readonly StoredCell[],
  days: ReadonlyArray<{ rest: boolean }>,
  settings: AttendanceSettings,
  today: string,
): { shown: RegisterDay[]; counts: MonthCounts } {
  const ctx: CountContext = {
    rest: days.map((d) => d.rest),
    marked: markedHalves(month, stored),
    futureFrom: futureFromIndex(month, today),
  };
  const shown = registerHalves(row, settings, ctx);
  return { shown, counts: countRegisterHalves(shown, settings) };
}

export function registerMonths(db: Db, q: RegisterQuery): RegisterMonth[] {
  const months = monthsBetween(q.from, q.to);
  if (months.length === 0) return [];
  const first = monthFirst(months[0]!);
  const last = monthLast(months[months.length - 1]!);
  const postings = (
    stmt(
      db,
      `SELECT p.cadre_id AS cadreId, c.name, p.township_id AS townshipId, t.county_id AS countyId, v.name AS village,
              p.start, p."end" AS "end"
         FROM postings p JOIN cadres c ON c.id = p.cadre_id JOIN townships t ON t.id = p.township_id
         LEFT JOIN villages v ON v.id = p.village_id
        WHERE p.start <= @last AND (p."end" IS NULL OR p."end" >= @first) AND (@cadre IS NULL OR p.cadre_id = @cadre)
        ORDER BY p.start`,
    ).all({ first, last, cadre: q.cadreId ?? null }) as PostingRow[]
  ).filter((p) => !q.townshipIds || q.townshipIds.has(p.townshipId));
  const rows = new Map<
    string,
    { cadreId: number; name: string; townshipId: number; countyId: number; villages: string[]; spans: PostingSpan[] }
  >();
  for (const p of postings) {
    const key = `${p.cadreId}|${p.townshipId}`;
    const r = rows.get(key) ?? {
      cadreId: p.cadreId,
      name: p.name,
      townshipId: p.townshipId,
      countyId: p.countyId,
      villages: [],
      spans: [],
    };
    r.spans.push({ start: p.start, end: p.end });
    if (p.village && !r.villages.includes(p.village)) r.villages.push(p.village);
    rows.set(key, r);
  }

  const cells = new Map<string, StoredCell[]>();
  const cellsOf = stmt(db, 'SELECT date, half, code FROM attendance_cells WHERE cadre_id = ? AND date BETWEEN ? AND ?');
  for (const id of new Set(postings.map((p) => p.cadreId))) {
    for (const c of cellsOf.iterate(id, first, last) as IterableIterator<StoredCell>) {
      const key = `${id}|${c.date.slice(0, 7)}`;
      const list = cells.get(key);
      if (list) list.push(c);
      else cells.set(key, [c]);
    }
  }
  const calendar = holidayCalendar(
    stmt(db, 'SELECT date, kind, name FROM holidays WHERE date BETWEEN ? AND ?').all(first, last) as HolidayEntry[],
  );
  const daysOf = new Map(months.map((m) => [m, monthDays(m, calendar)]));
  const certs = new Map<string, CertificationRef>();
  for (const c of stmt(
    db,
    `SELECT id, township_id AS townshipId, month, secretary_name AS secretaryName, certified_on AS certifiedOn
       FROM attendance_certifications WHERE revoked_at IS NULL AND month BETWEEN ? AND ?`,
  ).all(months[0], months[months.length - 1]) as Array<CertificationRef & { townshipId: number; month: string }>) {
    certs.set(`${c.townshipId}|${c.month}`, { id: c.id, secretaryName: c.secretaryName, certifiedOn: c.certifiedOn });
  }
  const settings = new Map<string, AttendanceSettings>();
  const settingsOf = (countyId: number, year: number) => {
    let v = settings.get(`${countyId}|${year}`);
    if (!v) settings.set(`${countyId}|${year}`, (v = getCountySettings(db, countyId, year)));
    return v;
  };

  const out: RegisterMonth[] = [];
  for (const r of rows.values()) {
    for (const m of months) {
      const st = settingsOf(r.countyId, Number(m.slice(0, 4)));
      const mFirst = monthFirst(m);
      const mLast = monthLast(m);
      if (!r.spans.some((p) => p.start <= mLast && (p.end === null || p.end >= mFirst))) continue;
      if (mFirst > q.today) continue;
      const stored = cells.get(`${r.cadreId}|${m}`) ?? [];
      const row = applyExceptions(defaultMonthRow(m, r.spans), m, stored);
      out.push({
        cadreId: r.cadreId,
        name: r.name,
        townshipId: r.townshipId,
        countyId: r.countyId,
        month: m,
        villages: r.villages,
        spans: r.spans,
        cells: row,
        ...registerRow(row, m, stored, daysOf.get(m)!, st, q.today),
        certification: certs.get(`${r.townshipId}|${m}`) ?? null,
        complete: mLast < q.today,
      });
    }
  }
  return out;
}

/** Certified-only totals over register months (what a rate or a "达到规定" sentence may say). */
export interface CertifiedTotals {
  certifiedMonths: number;
  uncertifiedMonths: number;
  onPost: number;
  leave: number;
  absent: number;
  /** Certified months under the minimum. */
  short: RegisterMonth[];
  uncertified: RegisterMonth[];
}

export function certifiedTotals(months: readonly RegisterMonth[]): CertifiedTotals {
  const t: CertifiedTotals = { certifiedMonths: 0, uncertifiedMonths: 0, onPost: 0, leave: 0, absent: 0, short: [], uncertified: [] };
  for (const m of months) {
    if (!m.certification) {
      t.uncertifiedMonths++;
      t.uncertified.push(m);
      continue;
    }
    t.certifiedMonths++;
    t.onPost += m.counts.onPost;
    t.leave += m.counts.leave;
    t.absent += m.counts.absent;
    if (!m.counts.meetsMinimum) t.short.push(m);
  }
  return t;
}
