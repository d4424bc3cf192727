/**
 * 召回调换 acts on the posting: recording it ends the recalled cadre's posting in the village's
 * township on the action's date, and the place stays vacant (awaiting a successor) until another
 * cadre is posted to the same place on or after that date. Naming the successor opens their
 * posting there (closing their previous posting the day before, as any move does).
 */
import type { VacantPost } from '../../../shared/weakVillages';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { audit } from '../audit/log';
import { snapshot } from '../audit/snapshot';
import { addPosting } from '../cadres/cadres';
import { dateLabel } from '../../../shared/dates';
import { stmt } from '../../store/statementCache';

/**
 * Ends, on `date`, the cadre's posting in the township that covers `date`; returns its id, or
 * null when the cadre was not posted there that day (already left: nothing to end).
 * Call inside the transaction that records the action.
 */
export function endPostingOnRecall(db: Db, cadreId: number, townshipId: number, date: string, actionId: number): number | null {
  const p = stmt(
    db,
    `SELECT id FROM postings WHERE cadre_id = ? AND township_id = ? AND start <= ? AND ("end" IS NULL OR "end" >= ?)
      ORDER BY start DESC LIMIT 1`,
  ).get(cadreId, townshipId, date, date) as { id: number } | undefined;
  if (!p) return null;
  const before = snapshot(db, 'postings', p.id);
  stmt(db, 'UPDATE postings SET "end" = ? WHERE id = ?').run(date, p.id);
  audit(
    db,
    'move',
    'cadre',
    cadreId,
    { recall: { actionId, postingId: p.id, end: date } },
    { before: { posting: before }, after: { posting: snapshot(db, 'postings', p.id) } },
  );
  return p.id;
}

/** 召回调换 actions of the village whose ended posting has no successor yet. */
export function vacantPosts(db: Db, villageId: number, townshipId: number): VacantPost[] {
  return stmt(
    db,
    `SELECT a.id AS actionId, a.cadre_id AS cadreId, c.name AS cadreName, c.post_type AS postType, a.date,
            p.township_id AS townshipId, p.village_id AS villageId, t.name || COALESCE(v.name, '') AS place
       FROM weak_actions a
       JOIN cadres c ON c.id = a.cadre_id
       JOIN postings p ON p.cadre_id = a.cadre_id AND p.township_id = @township AND p."end" = a.date
       JOIN townships t ON t.id = p.township_id
       LEFT JOIN villages v ON v.id = p.village_id
      WHERE a.village_id = @village AND a.action = '召回调换'
        AND NOT EXISTS (SELECT 1 FROM postings q WHERE q.cadre_id <> a.cadre_id AND q.township_id = p.township_id
                          AND q.village_id IS p.village_id AND q.start >= a.date)
      GROUP BY a.id ORDER BY a.date, a.id`,
  ).all({ village: villageId, township: townshipId }) as VacantPost[];
}

/** Posts the successor to the recalled cadre's place from `start` (on or after the recall). */
export function appointSuccessor(db: Db, vacancies: VacantPost[], input: { actionId: number; cadreId: number; start: string }): void {
  const v = vacancies.find((x) => x.actionId === input.actionId);
  if (!v) throw new AppError('INVALID_INPUT', '该召回调换已有接任人或未结束任职，请刷新后重试');
  if (input.cadreId === v.cadreId) throw new AppError('INVALID_INPUT', `${v.cadreName}已被召回调换，不能接任自己的岗位`);
  if (input.start < v.date) throw new AppError('INVALID_INPUT', `接任日期不能早于召回日期（${dateLabel(v.date)}）`);
  addPosting(db, input.cadreId, { townshipId: v.townshipId, villageId: v.villageId, start: input.start, end: null });
}
