/**
 * Full-text search of the logs. Chinese is indexed as character bigrams (searchTokens.ts):
 * a two-character word like 低保 is one token, longer words need all their bigrams. Newest
 * entries first; FTS walks rowids downwards and stops at the limit, so a common word over
 * a county's years of logs still answers at once. Within one cadre, the owner column
 * (c<id>) narrows the match to that cadre's few hundred entries before any join.
 */
import type { LogSearchHit } from '../../../shared/worklog';
import type { Db } from '../../store/db';
import { queryToFts } from '../searchTokens';
import { ENTRY_COLUMNS, withFiles } from './entries';
import { stmt } from '../../store/statementCache';

export function searchEntries(db: Db, q: string, opts: { cadreId?: number; limit?: number } = {}): LogSearchHit[] {
  const match = queryToFts(q);
  if (!match) return [];
  const limit = opts.limit ?? 100;
  const rows = (
    opts.cadreId === undefined
      ? stmt(
          db,
          `SELECT ${ENTRY_COLUMNS}, c.name AS cadreName
             FROM (SELECT rowid AS id FROM worklog_fts WHERE worklog_fts MATCH ? ORDER BY rowid DESC LIMIT ?) h
             JOIN worklog_entries e ON e.id = h.id JOIN cadres c ON c.id = e.cadre_id`,
        ).all(`tokens : (${match})`, limit)
      : stmt(
          db,
          // MATERIALIZED: otherwise the planner walks the entries and probes the index per row.
          `WITH h AS MATERIALIZED (SELECT rowid AS id FROM worklog_fts WHERE worklog_fts MATCH ?)
           SELECT ${ENTRY_COLUMNS}, c.name AS cadreName
             FROM h JOIN worklog_entries e ON e.id = h.id JOIN cadres c ON c.id = e.cadre_id
            ORDER BY e.date DESC, e.id DESC LIMIT ?`,
        ).all(`owner : "c${opts.cadreId}" AND tokens : (${match})`, limit)
  ) as Array<Omit<LogSearchHit, 'files'>>;
  rows.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));
  return withFiles(db, rows);
}
