/**
 * Supporters of a weak village derived from postings: every cadre whose post type is the
 * village's first secretary or work team member (POSTED_SUPPORTER_TYPES) and who was posted to
 * the village while it was weak — from 1 January of its listing year to its 摘帽 date (or today).
 * They support it whether or not anybody named them, so the 1/2/3-year clock runs for them.
 */
import { POSTED_SUPPORTER_TYPES } from '../../../shared/weakVillages';
import type { Db } from '../../store/db';
import { stmt } from '../../store/statementCache';

export interface PostedSupporter {
  cadreId: number;
  name: string;
  postType: string;
}

const TYPES = POSTED_SUPPORTER_TYPES.map((t) => `'${t}'`).join(', ');

export function postedSupporters(
  db: Db,
  q: { villageId: number; listedYear: number; delistedOn: string | null; today: string },
): PostedSupporter[] {
  const until = q.delistedOn !== null && q.delistedOn < q.today ? q.delistedOn : q.today;
  return stmt(
    db,
    `SELECT DISTINCT c.id AS cadreId, c.name, c.post_type AS postType
       FROM postings p JOIN cadres c ON c.id = p.cadre_id
      WHERE p.village_id = @village AND c.post_type IN (${TYPES})
        AND p.start <= @until AND (p."end" IS NULL OR p."end" >= @listed)`,
  ).all({ village: q.villageId, until, listed: `${q.listedYear}-01-01` }) as PostedSupporter[];
}
