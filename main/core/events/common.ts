/** Internals shared by events, checks and alerts: input parsing, townships, who is posted where. */
import type { z } from 'zod';
import type { Candidate } from '../../../shared/events';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { sortCadres, townshipOf } from '../attendance/common';
import { settingsForTownship } from '../attendance/settings';
import { dateLabel } from '../../../shared/dates';
import { stmt } from '../../store/statementCache';

/** Parses with a contract schema; the first issue becomes the Chinese refusal. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new AppError('INVALID_INPUT', r.error.issues[0]?.message ?? '输入有误');
  return r.data;
}

/**
 * SQL select-list item: the village where the cadre in column `cadreColumn` served in township
 * ?1 on date ?2 (bind the township and the date, then the date again).
 */
export const villageOnDateSql = (cadreColumn: string) =>
  `(SELECT v.name FROM postings p JOIN villages v ON v.id = p.village_id
     WHERE p.cadre_id = ${cadreColumn} AND p.township_id = ? AND p.start <= ? AND (p."end" IS NULL OR p."end" >= ?)) AS village`;

/**
 * The cadres listed on a township record (a check's results, an event's expected cadres) with
 * the village each served in on the record's date, in register order. `list.columns` are the
 * list table's own columns, aliased `r`.
 */
export function listedCadres<T extends PostedCadre>(
  db: Db,
  list: { table: string; recordColumn: string; columns: string },
  record: { id: number; townshipId: number; date: string },
): T[] {
  const rows = stmt(
    db,
    `SELECT r.cadre_id AS cadreId, c.name, c.post_type AS postType, ${villageOnDateSql('r.cadre_id')}, ${list.columns}
       FROM ${list.table} r JOIN cadres c ON c.id = r.cadre_id WHERE r.${list.recordColumn} = ?`,
  ).all(record.townshipId, record.date, record.date, record.id) as T[];
  return sortCadres(rows);
}

export interface PostedCadre {
  cadreId: number;
  name: string;
  postType: string;
  village: string | null;
}

/** Cadres posted in the township on the date. */
export function postedCadres(db: Db, townshipId: number, date: string): PostedCadre[] {
  const rows = stmt(
    db,
    `SELECT p.cadre_id AS cadreId, c.name, c.post_type AS postType, v.name AS village
       FROM postings p JOIN cadres c ON c.id = p.cadre_id LEFT JOIN villages v ON v.id = p.village_id
      WHERE p.township_id = ? AND p.start <= ? AND (p."end" IS NULL OR p."end" >= ?)
      GROUP BY p.cadre_id`,
  ).all(townshipId, date, date) as PostedCadre[];
  return sortCadres(rows);
}

/** Refuses any listed cadre not posted in the township on the date; returns the posted ones by id. */
export function assertPosted(db: Db, townshipId: number, date: string, cadreIds: number[]): Map<number, PostedCadre> {
  const posted = new Map(postedCadres(db, townshipId, date).map((c) => [c.cadreId, c]));
  const seen = new Set<number>();
  for (const id of cadreIds) {
    if (seen.has(id)) throw new AppError('INVALID_INPUT', `${posted.get(id)?.name ?? '同一名干部'}被重复列出`);
    seen.add(id);
    if (posted.has(id)) continue;
    const c = stmt(db, 'SELECT name FROM cadres WHERE id = ?').get(id) as { name: string } | undefined;
    if (!c) throw new AppError('NOT_FOUND', '所选干部不存在，可能已被删除，请刷新后重试');
    const t = townshipOf(db, townshipId);
    throw new AppError('INVALID_INPUT', `${c.name}${dateLabel(date)}不在${t.name}任职，不能列入`);
  }
  return posted;
}

export interface YearAbsences {
  check: number;
  event: number;
}

/**
 * Absences per cadre in a calendar year: found not on post at checks, absent at five-must
 * events. `exclude` leaves out the record being edited (its marks are in the form).
 */
/**
 * SQL: approved leave covers the date (有因). `cadre` and `date` are column expressions. Leave
 * ended early (已销假) covers the days before the return, and the return day when the cadre
 * came back in the afternoon.
 */
export const leaveCoversSql = (cadre: string, date: string) => `EXISTS (
  SELECT 1 FROM leave_requests lv
   WHERE lv.cadre_id = ${cadre} AND lv.status IN ('已批准', '已销假')
     AND lv.start_date <= ${date} AND lv.end_date >= ${date}
     AND (lv.status = '已批准' OR lv.returned_at IS NULL OR lv.returned_at > ${date}
          OR (lv.returned_at = ${date} AND lv.returned_half = '下')))`;

/** The approved leave covering a cadre's date, if any (for messages). */
export function leaveCovering(
  db: Db,
  cadreId: number,
  date: string,
): { type: string; start: string; end: string; approver: string | null } | null {
  const r = stmt(
    db,
    `SELECT type, start_date AS start, end_date AS "end", approver FROM leave_requests
      WHERE cadre_id = @cadreId AND status IN ('已批准', '已销假') AND start_date <= @date AND end_date >= @date
        AND (status = '已批准' OR returned_at IS NULL OR returned_at > @date OR (returned_at = @date AND returned_half = '下'))
      ORDER BY start_date LIMIT 1`,
  ).get({ cadreId, date }) as { type: string; start: string; end: string; approver: string | null } | undefined;
  return r ?? null;
}

/** Absences at checks and must-attends of a year; check absences covered by approved leave (有因) are left out. */
export function yearAbsences(db: Db, year: number, exclude: { eventId?: number; checkId?: number } = {}): Map<number, YearAbsences> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const out = new Map<number, YearAbsences>();
  const get = (id: number) => {
    let a = out.get(id);
    if (!a) out.set(id, (a = { check: 0, event: 0 }));
    return a;
  };
  const checks = stmt(
    db,
    `SELECT r.cadre_id AS cadreId, COUNT(*) AS n FROM check_results r JOIN checks k ON k.id = r.check_id
      WHERE r.on_post = 0 AND k.date BETWEEN ? AND ? AND k.id != ? AND NOT ${leaveCoversSql('r.cadre_id', 'k.date')}
      GROUP BY r.cadre_id`,
  ).all(from, to, exclude.checkId ?? 0) as Array<{ cadreId: number; n: number }>;
  for (const r of checks) get(r.cadreId).check = r.n;
  const events = stmt(
    db,
    `SELECT x.cadre_id AS cadreId, COUNT(*) AS n FROM must_attend_expected x JOIN must_attend_events e ON e.id = x.event_id
      WHERE x.present = 0 AND e.date BETWEEN ? AND ? AND e.id != ? GROUP BY x.cadre_id`,
  ).all(from, to, exclude.eventId ?? 0) as Array<{ cadreId: number; n: number }>;
  for (const r of events) get(r.cadreId).event = r.n;
  return out;
}

/** Cadres who may be listed for the township on the date, with the year's absences. */
export function candidates(db: Db, input: { townshipId: number; date: string; eventId?: number; checkId?: number }) {
  townshipOf(db, input.townshipId);
  const abs = yearAbsences(db, Number(input.date.slice(0, 4)), input);
  const cadres: Candidate[] = postedCadres(db, input.townshipId, input.date).map((c) => ({
    ...c,
    checkAbsences: abs.get(c.cadreId)?.check ?? 0,
    eventAbsences: abs.get(c.cadreId)?.event ?? 0,
  }));
  return { cadres, thresholds: settingsForTownship(db, input.townshipId, Number(input.date.slice(0, 4))).checkAbsence };
}

/** A year's date range, for list filters. */
export const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
