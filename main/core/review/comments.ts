/**
 * Evaluators' comments (评审意见), one per cadre and year of an imported county. They are
 * written only in review mode — on a county that came from another department — and travel
 * back to the county in the review bundle, next to the scores.
 */
import type { EvalComment } from '../../../shared/api/exchange';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { getSetting } from '../runtime/settings';

export const COMMENT_MAX = 2000;

export function listComments(db: Db, countyId: number, year: number): EvalComment[] {
  return db
    .prepare(
      `SELECT cadre_id AS cadreId, comment, author, updated_at AS updatedAt
       FROM eval_comments WHERE county_id = ? AND year = ? ORDER BY cadre_id`,
    )
    .all(countyId, year) as EvalComment[];
}

/** Saves (or, when empty, removes) the comment on one cadre; only on an imported county. */
export function setComment(db: Db, input: { countyId: number; year: number; cadreId: number; comment: string }): EvalComment | null {
  const county = db.prepare('SELECT name, origin FROM counties WHERE id = ?').get(input.countyId) as
    | { name: string; origin: string | null }
    | undefined;
  if (!county) throw new AppError('NOT_FOUND', '所选县（市、区）不存在，请刷新后重试');
  if (county.origin === null) {
    throw new AppError('FORBIDDEN', `评审意见由评审单位在导入的评审副本中填写，“${county.name}”是本单位数据，不能填写评审意见`);
  }
  if (!db.prepare('SELECT 1 FROM cadres WHERE id = ?').get(input.cadreId)) throw new AppError('NOT_FOUND', '该干部不存在，请刷新后重试');
  const text = input.comment.trim();
  if (text.length > COMMENT_MAX) throw new AppError('INVALID_INPUT', `评审意见不能超过${COMMENT_MAX}个字`);
  return db.transaction(() => {
    const before = db
      .prepare('SELECT comment FROM eval_comments WHERE county_id = ? AND year = ? AND cadre_id = ?')
      .pluck()
      .get(input.countyId, input.year, input.cadreId) as string | undefined;
    if (text === '') {
      if (before === undefined) return null;
      db.prepare('DELETE FROM eval_comments WHERE county_id = ? AND year = ? AND cadre_id = ?').run(
        input.countyId,
        input.year,
        input.cadreId,
      );
      audit(db, 'delete', 'eval_comment', input.cadreId, { countyId: input.countyId, year: input.year }, { before });
      return null;
    }
    if (before === text) return listComments(db, input.countyId, input.year).find((c) => c.cadreId === input.cadreId) ?? null;
    const author = getSetting(db, 'operator');
    const at = nowIso();
    db.prepare(
      `INSERT INTO eval_comments (county_id, year, cadre_id, comment, author, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (county_id, year, cadre_id) DO UPDATE SET comment = excluded.comment, author = excluded.author, updated_at = excluded.updated_at`,
    ).run(input.countyId, input.year, input.cadreId, text, author, at);
    const scope = { countyId: input.countyId, year: input.year };
    audit(db, before === undefined ? 'create' : 'update', 'eval_comment', input.cadreId, scope, { before: before ?? null, after: text });
    return { cadreId: input.cadreId, comment: text, author, updatedAt: at };
  })();
}
