/** Outcomes of the evaluation (表彰 / 提拔重用) per cadre and year; they feed the county figures. */
import type { z } from 'zod';
import type { outcomeInputSchema } from '../../../shared/api/evaluation';
import type { Outcome } from '../../../shared/evaluation';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { snapshot } from '../audit/snapshot';

const SQL = `SELECT o.id, o.cadre_id AS cadreId, c.name, o.year, o.kind, o.date, o.note,
    (SELECT t.name FROM postings p JOIN townships t ON t.id = p.township_id
      WHERE p.cadre_id = o.cadre_id AND p.start <= (o.year || '-12-31') AND (p."end" IS NULL OR p."end" >= (o.year || '-01-01'))
      ORDER BY p.start DESC LIMIT 1) AS township
  FROM eval_outcomes o JOIN cadres c ON c.id = o.cadre_id`;

export function listOutcomes(db: Db, q: { year: number; countyId?: number }): Outcome[] {
  return db
    .prepare(
      `${SQL} WHERE o.year = @year AND (@county IS NULL OR EXISTS (
         SELECT 1 FROM postings p JOIN townships t ON t.id = p.township_id WHERE p.cadre_id = o.cadre_id AND t.county_id = @county
           AND p.start <= (o.year || '-12-31') AND (p."end" IS NULL OR p."end" >= (o.year || '-01-01'))))
       ORDER BY o.date, o.id`,
    )
    .all({ year: q.year, county: q.countyId ?? null }) as Outcome[];
}

export function saveOutcome(db: Db, input: z.output<typeof outcomeInputSchema>): Outcome {
  return db.transaction(() => {
    const c = db.prepare('SELECT name FROM cadres WHERE id = ?').get(input.cadreId) as { name: string } | undefined;
    if (!c) throw new AppError('NOT_FOUND', '所选干部不存在，可能已被删除，请刷新后重试');
    if (Number(input.date.slice(0, 4)) < input.year)
      throw new AppError('INVALID_INPUT', `${input.kind}日期不能早于考核年度${input.year}年`);
    let id = input.id;
    const before = id === undefined ? undefined : snapshot(db, 'eval_outcomes', id);
    if (id !== undefined) {
      const r = db
        .prepare('UPDATE eval_outcomes SET cadre_id = ?, year = ?, kind = ?, date = ?, note = ? WHERE id = ?')
        .run(input.cadreId, input.year, input.kind, input.date, input.note, id);
      if (r.changes === 0) throw new AppError('NOT_FOUND', '该条记录不存在，可能已被删除，请刷新后重试');
    } else {
      id = Number(
        db
          .prepare('INSERT INTO eval_outcomes (cadre_id, year, kind, date, note, created_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(input.cadreId, input.year, input.kind, input.date, input.note, nowIso()).lastInsertRowid,
      );
    }
    audit(
      db,
      input.id === undefined ? 'create' : 'update',
      'eval_outcome',
      id,
      { cadreId: input.cadreId, name: c.name, year: input.year, kind: input.kind },
      {
        before,
        after: snapshot(db, 'eval_outcomes', id),
      },
    );
    return db.prepare(`${SQL} WHERE o.id = ?`).get(id) as Outcome;
  })();
}

export function removeOutcome(db: Db, id: number): void {
  db.transaction(() => {
    const before = snapshot(db, 'eval_outcomes', id);
    if (db.prepare('DELETE FROM eval_outcomes WHERE id = ?').run(id).changes === 0)
      throw new AppError('NOT_FOUND', '该条记录不存在，可能已被删除，请刷新后重试');
    audit(db, 'delete', 'eval_outcome', id, { cadreId: before?.cadre_id, year: before?.year, kind: before?.kind }, { before });
  })();
}
