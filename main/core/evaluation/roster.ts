/**
 * Who is evaluated: every cadre with a posting in the county that touches the year, placed in
 * the township (and village) of their latest such posting. Sorted by township, post, village, name.
 */
import type { PostType } from '../../../shared/domain';
import { POST_TYPES } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';

export interface RosterCadre {
  cadreId: number;
  name: string;
  idNumber: string;
  gender: string;
  birthDate: string | null;
  unit: string | null;
  level: string;
  postType: PostType;
  townshipId: number;
  township: string;
  village: string | null;
  start: string;
  end: string | null;
}

const zh = new Intl.Collator('zh-CN');

export function countyName(db: Db, countyId: number): string {
  const c = db.prepare('SELECT name FROM counties WHERE id = ?').get(countyId) as { name: string } | undefined;
  if (!c) throw new AppError('NOT_FOUND', '所选县（市、区）不存在，请刷新后重试');
  return c.name;
}

export function evaluationRoster(db: Db, countyId: number, year: number): RosterCadre[] {
  const rows = db
    .prepare(
      `SELECT c.id AS cadreId, c.name, c.id_number AS idNumber, c.gender, c.birth_date AS birthDate, u.name AS unit, c.level,
              c.post_type AS postType, t.id AS townshipId, t.name AS township, v.name AS village, p.start, p."end" AS "end"
         FROM postings p JOIN cadres c ON c.id = p.cadre_id JOIN townships t ON t.id = p.township_id
         LEFT JOIN villages v ON v.id = p.village_id LEFT JOIN units u ON u.id = c.unit_id
        WHERE t.county_id = ? AND p.start <= ? AND (p."end" IS NULL OR p."end" >= ?)
        ORDER BY p.start, p.id`,
    )
    .all(countyId, `${year}-12-31`, `${year}-01-01`) as RosterCadre[];
  const latest = new Map<number, RosterCadre>();
  for (const r of rows) {
    const prev = latest.get(r.cadreId);
    // Keep the first start of the run for the term shown on the sheet.
    latest.set(r.cadreId, prev ? { ...r, start: prev.start < r.start ? prev.start : r.start } : r);
  }
  return [...latest.values()].sort(
    (a, b) =>
      zh.compare(a.township, b.township) ||
      POST_TYPES.indexOf(a.postType) - POST_TYPES.indexOf(b.postType) ||
      zh.compare(a.village ?? '', b.village ?? '') ||
      zh.compare(a.name, b.name) ||
      a.cadreId - b.cadreId,
  );
}

/** The county in which the cadre is evaluated for the year (latest posting touching it). */
export function countyOfCadre(db: Db, cadreId: number, year: number): number {
  const r = db
    .prepare(
      `SELECT t.county_id AS countyId FROM postings p JOIN townships t ON t.id = p.township_id
        WHERE p.cadre_id = ? AND p.start <= ? AND (p."end" IS NULL OR p."end" >= ?) ORDER BY p.start DESC, p.id DESC LIMIT 1`,
    )
    .get(cadreId, `${year}-12-31`, `${year}-01-01`) as { countyId: number } | undefined;
  if (!r) {
    const c = db.prepare('SELECT name FROM cadres WHERE id = ?').get(cadreId) as { name: string } | undefined;
    if (!c) throw new AppError('NOT_FOUND', '所选干部不存在，可能已被删除，请刷新后重试');
    throw new AppError('INVALID_INPUT', `${c.name}${year}年没有任职记录，不参加该年度考核`);
  }
  return r.countyId;
}
