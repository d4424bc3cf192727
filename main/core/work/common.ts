/** Internals shared by the work use cases: lookups that refuse in Chinese, postings, settings. */
import type { PostingSpan } from '../../../shared/attendance';
import { AppError } from '../../../shared/result';
import { DEFAULT_ALLOWANCE_MONTHLY_FEN } from '../../../shared/support';
import type { Db } from '../../store/db';
import { stmt } from '../../store/statementCache';
import { audit } from '../audit/log';

export interface CadreFacts {
  id: number;
  name: string;
  level: string;
  postType: string;
}

export function cadreFacts(db: Db, cadreId: number): CadreFacts {
  const c = stmt(db, 'SELECT id, name, level, post_type AS postType FROM cadres WHERE id = ?').get(cadreId) as CadreFacts | undefined;
  if (!c) throw new AppError('NOT_FOUND', '该干部不存在，可能已被删除，请刷新后重试');
  return c;
}

export interface VillageFacts {
  id: number;
  name: string;
  townshipId: number;
  township: string;
  countyId: number;
}

export function villageFacts(db: Db, villageId: number): VillageFacts {
  const v = stmt(
    db,
    `SELECT v.id, v.name, v.township_id AS townshipId, t.name AS township, t.county_id AS countyId
       FROM villages v JOIN townships t ON t.id = v.township_id WHERE v.id = ?`,
  ).get(villageId) as VillageFacts | undefined;
  if (!v) throw new AppError('NOT_FOUND', '所选村不存在，可能已被删除，请刷新后重试');
  return v;
}

export type TownshipPosting = PostingSpan & { townshipId: number; villageId: number | null };

export function postingsOf(db: Db, cadreId: number): TownshipPosting[] {
  return stmt(
    db,
    'SELECT township_id AS townshipId, village_id AS villageId, start, "end" AS "end" FROM postings WHERE cadre_id = ? ORDER BY start',
  ).all(cadreId) as TownshipPosting[];
}

/** All postings, grouped by cadre (alerts and overviews read the county at once). */
export function allPostings(db: Db): Map<number, TownshipPosting[]> {
  const out = new Map<number, TownshipPosting[]>();
  for (const p of stmt(
    db,
    'SELECT cadre_id AS cadreId, township_id AS townshipId, village_id AS villageId, start, "end" AS "end" FROM postings ORDER BY start',
  ).all() as Array<TownshipPosting & { cadreId: number }>) {
    const list = out.get(p.cadreId);
    if (list) list.push(p);
    else out.set(p.cadreId, [p]);
  }
  return out;
}

export const overlapsYear = (p: PostingSpan, year: number) => p.start <= `${year}-12-31` && (p.end === null || p.end >= `${year}-01-01`);

export function getWorkSetting(db: Db, key: 'allowanceMonthlyFen'): number {
  const r = stmt(db, 'SELECT value FROM work_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return r ? Number(r.value) : DEFAULT_ALLOWANCE_MONTHLY_FEN;
}

export function setWorkSetting(db: Db, key: 'allowanceMonthlyFen', value: number): void {
  const before = getWorkSetting(db, key);
  stmt(db, 'INSERT INTO work_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    String(value),
  );
  audit(db, 'update', 'work_setting', null, { key }, { before: { [key]: before }, after: { [key]: value } });
}

export const zh = new Intl.Collator('zh-CN');
