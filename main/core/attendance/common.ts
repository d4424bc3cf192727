/** Internals shared by the attendance use cases: day read/write, certification guard, history. */
import { isMonth, type AttendanceCode, type CellHalf, type PostingSpan } from '../../../shared/attendance';
import { POST_TYPES } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { stmt } from '../../store/statementCache';
import { getSetting } from '../runtime/settings';
import type { CertificationInfo } from '../../../shared/api/attendance';

export type CellSource = 'manual' | 'leave' | 'import';
export interface HalfState {
  code: AttendanceCode;
  source: CellSource;
  leaveId: number | null;
  /** A stored cell: the register marks this half explicitly (matters for 在岗 on rest days). */
  marked?: boolean;
}
export type DayState = [HalfState, HalfState];

const ON_POST: HalfState = { code: '在岗', source: 'manual', leaveId: null };

type CellRow = { half: CellHalf } & HalfState;

/** A day from its stored rows: whole-day rows first, then halves; unstored halves are 在岗. */
function dayOf(rows: CellRow[]): DayState {
  const day: DayState = [ON_POST, ON_POST];
  for (const r of rows.sort((a, b) => (a.half === '全' ? 0 : 1) - (b.half === '全' ? 0 : 1))) {
    const s: HalfState = { code: r.code, source: r.source, leaveId: r.leaveId, marked: true };
    if (r.half !== '下') day[0] = s;
    if (r.half !== '上') day[1] = s;
  }
  return day;
}

/** The stored state of one day of one cadre (defaults to 在岗 for both halves). */
export function readDay(db: Db, cadreId: number, date: string): DayState {
  const rows = stmt(db, 'SELECT half, code, source, leave_id AS leaveId FROM attendance_cells WHERE cadre_id = ? AND date = ?').all(
    cadreId,
    date,
  ) as CellRow[];
  return dayOf(rows);
}

/**
 * The stored state of a cadre's days from `first` to `last` in one query, as readDay gives each:
 * `day(date)` for any date in the range.
 */
export function readDays(db: Db, cadreId: number, first: string, last: string): (date: string) => DayState {
  const rows = stmt(
    db,
    'SELECT date, half, code, source, leave_id AS leaveId FROM attendance_cells WHERE cadre_id = ? AND date BETWEEN ? AND ?',
  ).all(cadreId, first, last) as Array<CellRow & { date: string }>;
  const byDate = new Map<string, CellRow[]>();
  for (const r of rows) {
    const list = byDate.get(r.date);
    if (list) list.push(r);
    else byDate.set(r.date, [r]);
  }
  return (date) => dayOf(byDate.get(date) ?? []);
}

/** Whether any half of a day read by readDay(s) is stored (a row exists for the day). */
export const isStored = (day: DayState): boolean => day[0].marked === true || day[1].marked === true;

const same = (a: HalfState, b: HalfState) => a.code === b.code && a.source === b.source && a.leaveId === b.leaveId;

/**
 * Stores a day canonically: nothing for unmarked 在岗 halves (the default), one 全 row when the
 * halves agree, else one row per half that differs. A 在岗 half marked explicitly (a rest day
 * the register marks as worked) is stored, so the count knows it was marked.
 */
export function writeDay(db: Db, cadreId: number, date: string, day: DayState, at = nowIso(), hadRows = true): void {
  // `hadRows: false` when the caller read the day in this transaction and nothing was stored.
  if (hadRows) stmt(db, 'DELETE FROM attendance_cells WHERE cadre_id = ? AND date = ?').run(cadreId, date);
  const ins = stmt(
    db,
    'INSERT INTO attendance_cells (cadre_id, date, half, code, source, leave_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const [am, pm] = day;
  const stored = (h: HalfState) => h.code !== '在岗' || h.marked === true;
  if (same(am, pm) && stored(am) === stored(pm)) {
    if (stored(am)) ins.run(cadreId, date, '全', am.code, am.source, am.leaveId, at);
    return;
  }
  if (stored(am)) ins.run(cadreId, date, '上', am.code, am.source, am.leaveId, at);
  if (stored(pm)) ins.run(cadreId, date, '下', pm.code, pm.source, pm.leaveId, at);
}

export function assertMonth(month: string): void {
  if (!isMonth(month)) throw new AppError('INVALID_INPUT', '月份格式应为 YYYY-MM');
}

export function activeCertification(db: Db, townshipId: number, month: string): CertificationInfo | null {
  const row = stmt(
    db,
    `SELECT id, township_id AS townshipId, month, secretary_name AS secretaryName, certified_on AS certifiedOn,
            scan_sha256 AS scanSha256, created_by AS createdBy, created_at AS createdAt
       FROM attendance_certifications WHERE township_id = ? AND month = ? AND revoked_at IS NULL`,
  ).get(townshipId, month) as Omit<CertificationInfo, 'sealApplied'> | undefined;
  return row ? { ...row, sealApplied: true } : null;
}

export const CERTIFIED_MESSAGE = '该月考勤已由乡镇党委认定，修改前须先撤销认定并说明原因';

export function assertNotCertified(db: Db, townshipId: number, month: string, message = CERTIFIED_MESSAGE): void {
  if (activeCertification(db, townshipId, month)) throw new AppError('CONFLICT', message);
}

export const operatorOf = (db: Db): string | null => getSetting(db, 'operator');

export type HistoryAction = 'edit' | 'certify' | 'revoke' | 'leave';

export function writeHistory(db: Db, townshipId: number, month: string, action: HistoryAction, detail: unknown): void {
  stmt(db, 'INSERT INTO attendance_history (township_id, month, at, operator, action, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    townshipId,
    month,
    nowIso(),
    operatorOf(db),
    action,
    JSON.stringify(detail),
  );
}

export interface CadrePosting extends PostingSpan {
  townshipId: number;
}

export function postingsOf(db: Db, cadreId: number): CadrePosting[] {
  return stmt(db, 'SELECT township_id AS townshipId, start, "end" AS "end" FROM postings WHERE cadre_id = ? ORDER BY start').all(
    cadreId,
  ) as CadrePosting[];
}

/** The posting (hence township) covering a date, if any. */
export const postingOn = (postings: readonly CadrePosting[], date: string): CadrePosting | undefined =>
  postings.find((p) => p.start <= date && (p.end === null || p.end >= date));

/** The township a grid or form names; NOT_FOUND in Chinese when it is gone. */
export function townshipOf(db: Db, townshipId: number): { name: string; countyId: number } {
  const t = stmt(db, 'SELECT name, county_id AS countyId FROM townships WHERE id = ?').get(townshipId) as
    | { name: string; countyId: number }
    | undefined;
  if (!t) throw new AppError('NOT_FOUND', '所选乡镇不存在，可能已被删除，请刷新后重试');
  return t;
}

/** Pinyin order, as Chinese lists are sorted. */
const zh = new Intl.Collator('zh-CN');
const postRank = (t: string) => {
  const i = (POST_TYPES as readonly string[]).indexOf(t);
  return i < 0 ? POST_TYPES.length : i;
};

/** Township posts first, then by village and name in pinyin order (as the register lists them). */
export function sortCadres<T extends { cadreId: number; name: string; postType: string; village: string | null }>(rows: T[]): T[] {
  return rows.sort(
    (a, b) =>
      postRank(a.postType) - postRank(b.postType) ||
      zh.compare(a.village ?? '', b.village ?? '') ||
      zh.compare(a.name, b.name) ||
      a.cadreId - b.cadreId,
  );
}

export function cadreName(db: Db, cadreId: number): string {
  const r = stmt(db, 'SELECT name FROM cadres WHERE id = ?').get(cadreId) as { name: string } | undefined;
  if (!r) throw new AppError('NOT_FOUND', '该干部不存在，可能已被删除，请刷新后重试');
  return r.name;
}
