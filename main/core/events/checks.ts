/**
 * Checks (督查): 乡镇月检, 县级抽查, 市级暗访, 电话查岗, 督查室 — records the clerk enters from
 * inspection reports, never a check-in. Each cadre checked is found on post or not (with a
 * reason); absences cap the year-end grade (shared/events.ts capFromCheckAbsences).
 */
import { checkSaveSchema, type CheckSaveInput } from '../../../shared/api/events';
import { CHECK_KIND_LEVEL, type CheckDetail, type CheckSummary, type CheckedCadre } from '../../../shared/events';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { townshipOf } from '../attendance/common';
import { syncVerifications } from './verifications';
import { assertPosted, listedCadres, parseInput, yearRange } from './common';
import { saveRecordWithRows, type RecordTables } from './saveRecord';
import { removeAudited } from '../audit/removeAudited';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

const CHECK_SQL = `
  SELECT k.id, k.township_id AS townshipId, t.name AS township, k.level, k.kind, k.date, k.checker, k.findings
    FROM checks k JOIN townships t ON t.id = k.township_id`;

export function getCheck(db: Db, id: number): CheckDetail {
  const k = stmt(db, `${CHECK_SQL} WHERE k.id = ?`).get(id) as Omit<CheckDetail, 'results'> | undefined;
  if (!k) throw new AppError('NOT_FOUND', '该督查记录不存在，可能已被删除，请刷新后重试');
  const rows = listedCadres<Omit<CheckedCadre, 'onPost'> & { onPost: 0 | 1 }>(
    db,
    { table: 'check_results', recordColumn: 'check_id', columns: 'r.on_post AS onPost, r.reason' },
    k,
  );
  return { ...k, results: rows.map((r) => ({ ...r, onPost: r.onPost === 1 })) };
}

const CHECK_TABLES: RecordTables<CheckDetail> = {
  table: 'checks',
  rows: { table: 'check_results', recordColumn: 'check_id' },
  entity: 'check',
  read: getCheck,
};

export function listChecks(db: Db, filter: { year: number; townshipId?: number; countyId?: number }): CheckSummary[] {
  const { from, to } = yearRange(filter.year);
  return stmt(
    db,
    `SELECT k.id, k.township_id AS townshipId, t.name AS township, k.level, k.kind, k.date, k.checker, k.findings,
            COUNT(r.cadre_id) AS checked,
            COALESCE(SUM(r.on_post = 0), 0) AS notOnPost,
            COALESCE(GROUP_CONCAT(CASE WHEN r.on_post = 0 THEN c.name END, '、'), '') AS notOnPostNames
       FROM checks k JOIN townships t ON t.id = k.township_id
       LEFT JOIN check_results r ON r.check_id = k.id LEFT JOIN cadres c ON c.id = r.cadre_id
      WHERE k.date BETWEEN @from AND @to AND (@townshipId IS NULL OR k.township_id = @townshipId)
        AND (@countyId IS NULL OR t.county_id = @countyId)
      GROUP BY k.id ORDER BY k.date DESC, k.id DESC`,
  ).all({ from, to, townshipId: filter.townshipId ?? null, countyId: filter.countyId ?? null }) as CheckSummary[];
}

/** Creates or replaces a check with its results, in one transaction. */
export function saveCheck(db: Db, input: CheckSaveInput): CheckDetail {
  const { id, check, results } = parseInput(checkSaveSchema, input);
  const implied = CHECK_KIND_LEVEL[check.kind];
  if (implied && implied !== check.level) {
    throw new AppError('INVALID_INPUT', `“${check.kind}”的督查层级应为“${implied}”`);
  }
  if (check.date > localToday()) throw new AppError('INVALID_INPUT', '督查日期不能晚于今天：请在督查之后按督查报告登记');
  return db.transaction(() => {
    townshipOf(db, check.townshipId);
    const posted = assertPosted(
      db,
      check.townshipId,
      check.date,
      results.map((r) => r.cadreId),
    );
    for (const r of results) {
      if (!r.onPost && !r.reason) throw new AppError('INVALID_INPUT', `请填写${posted.get(r.cadreId)?.name ?? '该干部'}不在岗的原因`);
    }
    return saveRecordWithRows(db, CHECK_TABLES, {
      id,
      columns: {
        township_id: check.townshipId,
        level: check.level,
        kind: check.kind,
        date: check.date,
        checker: check.checker,
        findings: check.findings,
      },
      writeRows: (checkId) => {
        const ins = stmt(db, 'INSERT INTO check_results (check_id, cadre_id, on_post, reason) VALUES (?, ?, ?, ?)');
        for (const r of results) ins.run(checkId, r.cadreId, r.onPost ? 1 : 0, r.reason);
        // A cadre found not on post on a day a certified register shows 在岗 opens a 核查.
        syncVerifications(db, { checkId });
      },
      summary: {
        kind: check.kind,
        date: check.date,
        checked: results.length,
        notOnPost: results.filter((r) => !r.onPost).map((r) => r.cadreId),
      },
    });
  })();
}

export function removeCheck(db: Db, id: number): void {
  removeAudited(db, CHECK_TABLES, id, (k) => ({ kind: k.kind, date: k.date, township: k.township }));
}
