/** Which townships a statistics run covers: one county's, or every county's. */
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import type { Scope, Township } from './facts';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

export interface StatsQuery {
  year: number;
  countyId?: number;
  /** Pinned by tests; defaults to the clerk's local date. */
  today?: string;
}

export function resolveScope(db: Db, q: StatsQuery): Scope & { countyName: string } {
  if (!Number.isInteger(q.year) || q.year < 2000 || q.year > 2100) {
    throw new AppError('INVALID_INPUT', '年度应为2000至2100之间的整数');
  }
  let countyName = '全部';
  if (q.countyId !== undefined) {
    const c = stmt(db, 'SELECT name FROM counties WHERE id = ?').get(q.countyId) as { name: string } | undefined;
    if (!c) throw new AppError('NOT_FOUND', '所选县（市、区）不存在，可能已被删除，请刷新后重试');
    countyName = c.name;
  }
  const rows = stmt(
    db,
    `SELECT t.id, t.name, t.county_id AS countyId, c.name AS county
       FROM townships t JOIN counties c ON c.id = t.county_id
      WHERE (@county IS NULL OR t.county_id = @county)
      ORDER BY c.id, t.id`,
  ).all({ county: q.countyId ?? null }) as Township[];
  return {
    year: q.year,
    countyId: q.countyId ?? null,
    countyName,
    today: q.today ?? localToday(),
    townships: new Map(rows.map((t) => [t.id, t])),
  };
}
