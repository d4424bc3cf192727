/** Three-year plans and annual plans (三年工作规划、年度工作计划) of a cadre, as item tables. */
import type { PlanSaveInput } from '../../../shared/api/work';
import { AppError } from '../../../shared/result';
import type { Plan, PlanItem } from '../../../shared/work';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { removeAudited } from '../audit/removeAudited';
import { cadreFacts } from './common';
import { stmt } from '../../store/statementCache';

type PlanRow = Omit<Plan, 'items'>;

const PLAN_SQL = `SELECT p.id, p.cadre_id AS cadreId, p.kind, p.start_year AS startYear, p.title, p.material_id AS materialId,
                         m.title AS materialTitle, p.updated_at AS updatedAt
                    FROM plans p LEFT JOIN materials m ON m.id = p.material_id`;

function itemsOf(db: Db, planId: number): PlanItem[] {
  return stmt(db, 'SELECT id, goal, measures, deadline, responsible, status FROM plan_items WHERE plan_id = ? ORDER BY position').all(
    planId,
  ) as PlanItem[];
}

export function getPlan(db: Db, id: number): Plan {
  const p = stmt(db, `${PLAN_SQL} WHERE p.id = ?`).get(id) as PlanRow | undefined;
  if (!p) throw new AppError('NOT_FOUND', '该规划计划不存在，可能已被删除，请刷新后重试');
  return { ...p, items: itemsOf(db, id) };
}

/** Three-year plans first, then annual plans, newest first. */
export function listPlans(db: Db, cadreId: number): Plan[] {
  cadreFacts(db, cadreId);
  const rows = stmt(db, `${PLAN_SQL} WHERE p.cadre_id = ? ORDER BY p.kind = '年度计划', p.start_year DESC`).all(cadreId) as PlanRow[];
  return rows.map((p) => ({ ...p, items: itemsOf(db, p.id) }));
}

const label = (kind: string, startYear: number) =>
  kind === '三年规划' ? `${startYear}—${startYear + 2}年三年工作规划` : `${startYear}年度工作计划`;

/** Creates or replaces a plan and all its items in one transaction. */
export function savePlan(db: Db, input: PlanSaveInput): Plan {
  const cadre = cadreFacts(db, input.cadreId);
  if (input.materialId !== null) {
    const m = stmt(db, 'SELECT cadre_id AS cadreId FROM materials WHERE id = ?').get(input.materialId) as { cadreId: number } | undefined;
    if (!m) throw new AppError('NOT_FOUND', '所选的规划文件材料不存在，可能已被删除');
    if (m.cadreId !== input.cadreId) throw new AppError('INVALID_INPUT', `所选的规划文件不在${cadre.name}的资料袋中`);
  }
  const now = nowIso();
  return db.transaction(() => {
    let before: Plan | undefined;
    const clash = stmt(db, 'SELECT id FROM plans WHERE cadre_id = ? AND kind = ? AND start_year = ?').get(
      input.cadreId,
      input.kind,
      input.startYear,
    ) as { id: number } | undefined;
    if (clash && clash.id !== input.id) {
      throw new AppError('CONFLICT', `${cadre.name}已有${label(input.kind, input.startYear)}，请直接修改`);
    }
    let id = input.id;
    if (id === undefined) {
      id = Number(
        stmt(
          db,
          'INSERT INTO plans (cadre_id, kind, start_year, title, material_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(input.cadreId, input.kind, input.startYear, input.title, input.materialId, now, now).lastInsertRowid,
      );
    } else {
      const old = stmt(db, 'SELECT cadre_id AS cadreId FROM plans WHERE id = ?').get(id) as { cadreId: number } | undefined;
      if (!old) throw new AppError('NOT_FOUND', '该规划计划不存在，可能已被删除，请刷新后重试');
      if (old.cadreId !== input.cadreId) throw new AppError('INVALID_INPUT', '不能把规划计划改到其他干部名下');
      before = getPlan(db, id);
      stmt(db, 'UPDATE plans SET kind = ?, start_year = ?, title = ?, material_id = ?, updated_at = ? WHERE id = ?').run(
        input.kind,
        input.startYear,
        input.title,
        input.materialId,
        now,
        id,
      );
      stmt(db, 'DELETE FROM plan_items WHERE plan_id = ?').run(id);
    }
    const ins = stmt(
      db,
      'INSERT INTO plan_items (plan_id, position, goal, measures, deadline, responsible, status) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    input.items.forEach((it, i) => ins.run(id, i, it.goal, it.measures, it.deadline, it.responsible, it.status));
    const after = getPlan(db, id);
    audit(
      db,
      input.id === undefined ? 'create' : 'update',
      'plan',
      id,
      { cadreId: input.cadreId, kind: input.kind, items: input.items.length },
      { before, after },
    );
    return after;
  })();
}

export function removePlan(db: Db, id: number): void {
  removeAudited(db, { table: 'plans', entity: 'plan', read: getPlan }, id, (p) => ({ cadreId: p.cadreId, title: p.title }));
}
