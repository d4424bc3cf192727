/**
 * Support owed to dispatched cadres (待得好): the 市级 allowance (owed from the posting dates,
 * paid per quarter), accident insurance policies, and the dispatching unit's "three bindings".
 */
import type { z } from 'zod';
import type { paymentSchema, pledgeSchema, policySchema, SupportOverview, SupportRow } from '../../../shared/api/work';
import { addDays } from '../../../shared/attendance';
import { AppError } from '../../../shared/result';
import { yuan } from '../../../shared/work';
import { allowanceByQuarter, uncoveredRanges, type AllowancePayment, type InsurancePolicy, type UnitPledge } from '../../../shared/support';
import { nowIso, type Db } from '../../store/db';
import { assertAllowanceReleased } from '../scheduling/allowanceHold';
import { audit } from '../audit/log';
import { operatorOf } from '../attendance/common';
import { allPostings, cadreFacts, getWorkSetting, overlapsYear, postingsOf, setWorkSetting, zh } from './common';
import { snapshot } from '../audit/snapshot';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

const PAYMENT_SQL = `SELECT id, cadre_id AS cadreId, year, quarter, amount_fen AS amountFen, paid_on AS paidOn, notes FROM allowance_payments`;
const POLICY_SQL = `SELECT id, cadre_id AS cadreId, insurer, policy_no AS policyNo, cover_fen AS coverFen, start, "end" AS "end" FROM insurance_policies`;
const PLEDGE_SQL = `SELECT id, cadre_id AS cadreId, year, responsibility, projects, funds_fen AS fundsFen, notes FROM unit_pledges`;

const groupBy = <T extends { cadreId: number }>(rows: T[]) => {
  const m = new Map<number, T[]>();
  for (const r of rows) m.set(r.cadreId, [...(m.get(r.cadreId) ?? []), r]);
  return m;
};

/** Every cadre posted during the year (in the county when given); 市级 ones with allowance owed vs paid and insurance. */
export function supportOverview(db: Db, q: { year: number; countyId?: number }, today = localToday()): SupportOverview {
  const monthlyFen = getWorkSetting(db, 'allowanceMonthlyFen');
  const postings = allPostings(db);
  const cadres = stmt(
    db,
    `SELECT c.id AS cadreId, c.name, c.level, u.name AS unitName FROM cadres c LEFT JOIN units u ON u.id = c.unit_id`,
  ).all() as Array<{ cadreId: number; name: string; level: string; unitName: string | null }>;
  const places = new Map(
    (
      stmt(db, 'SELECT t.id, t.name, t.county_id AS countyId FROM townships t').all() as Array<{
        id: number;
        name: string;
        countyId: number;
      }>
    ).map((t) => [t.id, t]),
  );
  const villages = new Map(
    (stmt(db, 'SELECT id, name FROM villages').all() as Array<{ id: number; name: string }>).map((v) => [v.id, v.name]),
  );
  const payments = groupBy(stmt(db, `${PAYMENT_SQL} WHERE year = ? ORDER BY paid_on, id`).all(q.year) as AllowancePayment[]);
  const policies = groupBy(stmt(db, `${POLICY_SQL} ORDER BY start`).all() as InsurancePolicy[]);
  const pledges = new Map((stmt(db, `${PLEDGE_SQL} WHERE year = ?`).all(q.year) as UnitPledge[]).map((p) => [p.cadreId, p]));
  const yFrom = `${q.year}-01-01`;
  const yTo = `${q.year}-12-31`;
  // Insurance is checked up to yesterday: today's lapse is not yet a day lost.
  const upTo = today < yTo ? addDays(today, -1) : yTo;

  const rows: SupportRow[] = [];
  for (const c of cadres) {
    const mine = (postings.get(c.cadreId) ?? []).filter((p) => overlapsYear(p, q.year));
    if (mine.length === 0) continue;
    const last = mine[mine.length - 1]!;
    const t = places.get(last.townshipId);
    if (q.countyId !== undefined && !mine.some((p) => places.get(p.townshipId)?.countyId === q.countyId)) continue;
    const pays = payments.get(c.cadreId) ?? [];
    const paid = new Map<number, number>();
    for (const p of pays) paid.set(p.quarter, (paid.get(p.quarter) ?? 0) + p.amountFen);
    // Allowance and insurance are the city's, for 市级 cadres; pledges concern every cadre.
    const city = c.level === '市级';
    const quarters = city ? allowanceByQuarter({ postings: mine, year: q.year, paid, today, monthlyFen }) : [];
    const pol = policies.get(c.cadreId) ?? [];
    rows.push({
      ...c,
      cityLevel: city,
      township: t?.name ?? null,
      village: last.villageId === null ? null : (villages.get(last.villageId) ?? null),
      quarters,
      owedFen: quarters.reduce((s, x) => s + x.owedFen, 0),
      paidFen: quarters.reduce((s, x) => s + x.paidFen, 0),
      payments: pays,
      policies: pol.filter((p) => p.start <= yTo && p.end >= yFrom),
      uncovered: city && upTo >= yFrom ? uncoveredRanges(mine, pol, yFrom, upTo) : [],
      pledge: pledges.get(c.cadreId) ?? null,
    });
  }
  rows.sort(
    (a, b) => Number(b.cityLevel) - Number(a.cityLevel) || zh.compare(a.township ?? '', b.township ?? '') || zh.compare(a.name, b.name),
  );
  return { year: q.year, allowanceMonthlyFen: monthlyFen, rows };
}

/** A payment for a quarter; refused for non-市级 cadres and beyond what the quarter owes. */
export function addPayment(db: Db, input: z.output<typeof paymentSchema>, today = localToday()): AllowancePayment {
  const c = cadreFacts(db, input.cadreId);
  if (c.level !== '市级') throw new AppError('INVALID_INPUT', `${c.name}不是市级选派干部，不发放市级工作生活补助`);
  if (input.paidOn > today) throw new AppError('INVALID_INPUT', '发放日期不能晚于今天');
  assertAllowanceReleased(db, c, input.year, input.quarter);
  return db.transaction(() => {
    const postings = postingsOf(db, input.cadreId);
    const paid = new Map<number, number>();
    paid.set(
      input.quarter,
      (
        stmt(db, 'SELECT COALESCE(SUM(amount_fen), 0) AS s FROM allowance_payments WHERE cadre_id = ? AND year = ? AND quarter = ?').get(
          input.cadreId,
          input.year,
          input.quarter,
        ) as { s: number }
      ).s,
    );
    const q = allowanceByQuarter({ postings, year: input.year, paid, today, monthlyFen: getWorkSetting(db, 'allowanceMonthlyFen') })[
      input.quarter - 1
    ]!;
    const left = q.owedFen - q.paidFen;
    if (input.amountFen > left) {
      throw new AppError(
        'INVALID_INPUT',
        `${c.name}${input.year}年第${input.quarter}季度应发${yuan(q.owedFen)}元，已发${yuan(q.paidFen)}元，本次最多可发${yuan(Math.max(0, left))}元`,
      );
    }
    const id = Number(
      stmt(
        db,
        'INSERT INTO allowance_payments (cadre_id, year, quarter, amount_fen, paid_on, notes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(input.cadreId, input.year, input.quarter, input.amountFen, input.paidOn, input.notes, operatorOf(db), nowIso()).lastInsertRowid,
    );
    audit(
      db,
      'create',
      'allowance_payment',
      id,
      { cadreId: input.cadreId, year: input.year, quarter: input.quarter, amountFen: input.amountFen },
      {
        after: snapshot(db, 'allowance_payments', id),
      },
    );
    return stmt(db, `${PAYMENT_SQL} WHERE id = ?`).get(id) as AllowancePayment;
  })();
}

export function removePayment(db: Db, id: number): void {
  db.transaction(() => {
    const before = snapshot(db, 'allowance_payments', id);
    if (stmt(db, 'DELETE FROM allowance_payments WHERE id = ?').run(id).changes === 0) {
      throw new AppError('NOT_FOUND', '该发放记录不存在，可能已被删除');
    }
    audit(db, 'delete', 'allowance_payment', id, { cadreId: before?.cadre_id }, { before });
  })();
}

export function savePolicy(db: Db, input: z.output<typeof policySchema>): InsurancePolicy {
  cadreFacts(db, input.cadreId);
  return db.transaction(() => {
    let id = input.id;
    const before = id === undefined ? undefined : snapshot(db, 'insurance_policies', id);
    if (id === undefined) {
      id = Number(
        stmt(
          db,
          'INSERT INTO insurance_policies (cadre_id, insurer, policy_no, cover_fen, start, "end", created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(input.cadreId, input.insurer, input.policyNo, input.coverFen, input.start, input.end, nowIso()).lastInsertRowid,
      );
    } else if (
      stmt(
        db,
        'UPDATE insurance_policies SET insurer = ?, policy_no = ?, cover_fen = ?, start = ?, "end" = ? WHERE id = ? AND cadre_id = ?',
      ).run(input.insurer, input.policyNo, input.coverFen, input.start, input.end, id, input.cadreId).changes === 0
    ) {
      throw new AppError('NOT_FOUND', '该保单不存在，可能已被删除');
    }
    audit(
      db,
      input.id === undefined ? 'create' : 'update',
      'insurance_policy',
      id,
      { cadreId: input.cadreId, start: input.start, end: input.end },
      {
        before,
        after: snapshot(db, 'insurance_policies', id),
      },
    );
    return stmt(db, `${POLICY_SQL} WHERE id = ?`).get(id) as InsurancePolicy;
  })();
}

export function removePolicy(db: Db, id: number): void {
  db.transaction(() => {
    const before = snapshot(db, 'insurance_policies', id);
    if (stmt(db, 'DELETE FROM insurance_policies WHERE id = ?').run(id).changes === 0)
      throw new AppError('NOT_FOUND', '该保单不存在，可能已被删除');
    audit(db, 'delete', 'insurance_policy', id, { cadreId: before?.cadre_id }, { before });
  })();
}

/** The dispatching unit's pledge (责任、项目、资金) for a cadre and year; one per year. */
export function savePledge(db: Db, input: z.output<typeof pledgeSchema>): UnitPledge {
  cadreFacts(db, input.cadreId);
  return db.transaction(() => {
    const pledgeRow = () =>
      stmt(db, 'SELECT * FROM unit_pledges WHERE cadre_id = ? AND year = ?').get(input.cadreId, input.year) as
        | Record<string, unknown>
        | undefined;
    const before = pledgeRow();
    stmt(
      db,
      `INSERT INTO unit_pledges (cadre_id, year, responsibility, projects, funds_fen, notes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(cadre_id, year) DO UPDATE SET responsibility = excluded.responsibility, projects = excluded.projects,
         funds_fen = excluded.funds_fen, notes = excluded.notes, updated_at = excluded.updated_at`,
    ).run(input.cadreId, input.year, input.responsibility, input.projects, input.fundsFen, input.notes, nowIso());
    const p = stmt(db, `${PLEDGE_SQL} WHERE cadre_id = ? AND year = ?`).get(input.cadreId, input.year) as UnitPledge;
    audit(
      db,
      before ? 'update' : 'create',
      'unit_pledge',
      p.id,
      { cadreId: input.cadreId, year: input.year },
      { before, after: pledgeRow() },
    );
    return p;
  })();
}

/** The monthly allowance standard (元/月 as fen) every allowance figure is computed with; audited. */
export function setAllowanceStandard(db: Db, monthlyFen: number): { monthlyFen: number } {
  db.transaction(() => setWorkSetting(db, 'allowanceMonthlyFen', monthlyFen))();
  return { monthlyFen };
}
