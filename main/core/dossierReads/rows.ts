/**
 * The SQL the printed dossier needs beyond the feature readers: the county's cadres of a
 * period (the batch and its catalogue), a cadre's 五必到 and 督查 rows, a county's name.
 */
import type { Db } from '../../store/db';

const zh = new Intl.Collator('zh-CN');

export interface CountyCadreRow {
  cadreId: number;
  name: string;
  township: string;
  village: string | null;
}

/** Cadres with a posting in the county during the period, in the order the county's files are numbered. */
export function countyCadres(db: Db, countyId: number, from: string, to: string): CountyCadreRow[] {
  const rows = db
    .prepare(
      `SELECT p.cadre_id AS cadreId, c.name, t.name AS township, v.name AS village, p.start
         FROM postings p JOIN cadres c ON c.id = p.cadre_id JOIN townships t ON t.id = p.township_id
         LEFT JOIN villages v ON v.id = p.village_id
        WHERE t.county_id = ? AND p.start <= ? AND (p."end" IS NULL OR p."end" >= ?)
        ORDER BY p.start DESC`,
    )
    .all(countyId, to, from) as Array<CountyCadreRow & { start: string }>;
  const seen = new Map<number, CountyCadreRow>();
  for (const r of rows)
    if (!seen.has(r.cadreId)) seen.set(r.cadreId, { cadreId: r.cadreId, name: r.name, township: r.township, village: r.village });
  return [...seen.values()].sort(
    (a, b) =>
      zh.compare(a.township, b.township) ||
      zh.compare(a.village ?? '', b.village ?? '') ||
      zh.compare(a.name, b.name) ||
      a.cadreId - b.cadreId,
  );
}

/** A county's name, or null when the id names none. */
export function countyNameOrNull(db: Db, countyId: number): string | null {
  const row = db.prepare('SELECT name FROM counties WHERE id = ?').get(countyId) as { name: string } | undefined;
  return row?.name ?? null;
}

export type RecordRow = Record<string, unknown>;

/** The cadre's 五必到 events in the period with presence and absence reason, oldest first. */
export const mustAttendRows = (db: Db, cadreId: number, from: string, to: string): RecordRow[] =>
  db
    .prepare(
      `SELECT e.*, x.present AS present, x.absence_reason AS absenceReason
         FROM must_attend_expected x JOIN must_attend_events e ON e.id = x.event_id
        WHERE x.cadre_id = ? AND e.date BETWEEN ? AND ? ORDER BY e.date, e.id`,
    )
    .all(cadreId, from, to) as RecordRow[];

/** The checks (督查) of the cadre in the period with the result, oldest first. */
export const checkRows = (db: Db, cadreId: number, from: string, to: string): RecordRow[] =>
  db
    .prepare(
      `SELECT k.*, r.on_post AS onPost, r.reason AS reason
         FROM check_results r JOIN checks k ON k.id = r.check_id
        WHERE r.cadre_id = ? AND k.date BETWEEN ? AND ? ORDER BY k.date, k.id`,
    )
    .all(cadreId, from, to) as RecordRow[];
