/**
 * Results of a county's year: live under the active scheme (pure engine in
 * shared/evaluation/results.ts over the stored scores and the records' facts), or — once
 * finalised — the snapshot taken then, with the scheme version it used. Finalising and
 * reopening are logged (reopen needs a reason).
 */
import type { PostType } from '../../../shared/domain';
import {
  GRADES,
  QUOTA_GROUP_LABELS,
  type EvaluationResults,
  type Grade,
  type QuotaGroupInfo,
  type ResultRow,
  type YearState,
} from '../../../shared/evaluation';
import { evaluateCounty, type EngineCadre } from '../../../shared/evaluation/results';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { operatorOf } from '../attendance/common';
import { getCountySettings } from '../attendance/settings';
import { countyFacts, NO_FACTS } from './facts';
import { countyName, evaluationRoster } from './roster';
import { activeScheme, getScheme, listSchemes } from './schemes';
import { requireActive, storedEntries } from './scores';
import { assertOpen, yearState } from './years';
import { audit } from '../audit/log';
import { localToday } from '../runtime/clock';

export interface ResultsQuery {
  countyId: number;
  year: number;
  townshipId?: number;
  postType?: PostType;
  /** The clerk's today (tests pin it): decides which months are complete. */
  today?: string;
}

interface Live {
  schemeId: number;
  rows: ResultRow[];
  groups: QuotaGroupInfo[];
}

function liveResults(db: Db, countyId: number, year: number, today: string): Live {
  const scheme = requireActive(db, countyId, year);
  const county = countyName(db, countyId);
  const roster = evaluationRoster(db, countyId, year);
  const entries = storedEntries(db, countyId, year);
  const facts = countyFacts(db, countyId, year, today);
  const groupOf = (c: (typeof roster)[number]): [string, string] =>
    scheme.quotaGroup === 'township'
      ? [`t${c.townshipId}`, c.township]
      : scheme.quotaGroup === 'postType'
        ? [c.postType, c.postType]
        : ['county', county];
  const input: EngineCadre[] = roster.map((c) => {
    const [group, groupLabel] = groupOf(c);
    return {
      cadreId: c.cadreId,
      postType: c.postType,
      group,
      groupLabel,
      values: entries.values.get(c.cadreId) ?? {},
      ballots: entries.ballots.get(c.cadreId) ?? {},
      facts: facts.caps.get(c.cadreId) ?? NO_FACTS,
    };
  });
  const out = evaluateCounty(scheme, input, getCountySettings(db, countyId, year).checkAbsence);
  const rows = roster.map((c, i): ResultRow => {
    const r = out.rows[i]!;
    const components: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(r.components)) components[k] = v === null ? null : v / 100;
    return {
      cadreId: c.cadreId,
      name: c.name,
      idNumber: c.idNumber,
      townshipId: c.townshipId,
      township: c.township,
      village: c.village,
      postType: c.postType,
      componentScores: components,
      total: r.total === null ? null : r.total / 100,
      scoreGrade: r.scoreGrade,
      grade: r.grade,
      rank: r.rank,
      group: groupOf(c)[1],
      caps: r.caps,
      quotaNote: r.quotaNote,
      groupNote: r.groupNote,
      missing: r.missing,
    };
  });
  return {
    schemeId: scheme.id,
    rows,
    groups: out.groups.map((g) => ({ ...g, label: `${g.label}（${QUOTA_GROUP_LABELS[scheme.quotaGroup]}）` })),
  };
}

export function computeResults(db: Db, q: ResultsQuery): EvaluationResults {
  const state = yearState(db, q.countyId, q.year);
  let live: Live;
  if (state.finalised) {
    const rows = (
      db.prepare('SELECT row FROM eval_results WHERE county_id = ? AND year = ?').all(q.countyId, q.year) as Array<{ row: string }>
    ).map((r) => JSON.parse(r.row) as ResultRow);
    const order = new Map(evaluationRoster(db, q.countyId, q.year).map((c, i) => [c.cadreId, i]));
    rows.sort((a, b) => (order.get(a.cadreId) ?? 1e9) - (order.get(b.cadreId) ?? 1e9));
    const g = db.prepare('SELECT groups FROM eval_years WHERE county_id = ? AND year = ?').get(q.countyId, q.year) as {
      groups: string | null;
    };
    live = { schemeId: state.schemeId!, rows, groups: JSON.parse(g.groups ?? '[]') as QuotaGroupInfo[] };
  } else if (!activeScheme(db, q.countyId, q.year)) {
    // Nothing to compute yet: the screen shows "no scheme" rather than an error.
    countyName(db, q.countyId);
    live = { schemeId: 0, rows: [], groups: [] };
  } else {
    live = liveResults(db, q.countyId, q.year, q.today ?? localToday());
  }
  const rows = live.rows.filter(
    (r) => (q.townshipId === undefined || r.townshipId === q.townshipId) && (q.postType === undefined || r.postType === q.postType),
  );
  const counts = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  for (const r of rows) if (r.grade) counts[r.grade]++;
  const scheme = listSchemes(db, q.countyId, q.year).find((s) => s.id === live.schemeId) ?? null;
  return {
    countyId: q.countyId,
    year: q.year,
    scheme,
    finalised: state.finalised,
    finalisedAt: state.finalisedAt,
    incompleteReason: state.incompleteReason,
    rows,
    groups: live.groups,
    counts,
    incomplete: rows.filter((r) => r.total === null).length,
  };
}

/**
 * Locks the year and stores the snapshot. Every cadre must be fully scored first, unless the
 * clerk confirms with a written reason: the unscored then stay 未录全 (no total, no grade) in
 * the snapshot, and the reason is kept in the year's log, the audit entry and the printed table.
 */
export function finaliseYear(db: Db, countyId: number, year: number, today = localToday(), incompleteReason?: string): YearState {
  return db.transaction(() => {
    assertOpen(db, countyId, year, `${year}年度考核已经定档`);
    const live = liveResults(db, countyId, year, today);
    if (live.rows.length === 0) throw new AppError('INVALID_INPUT', `${countyName(db, countyId)}${year}年没有参加考核的干部`);
    const missing = live.rows.filter((r) => r.total === null);
    const reason = incompleteReason?.trim() || null;
    if (missing.length > 0 && (reason === null || reason.length < 5)) {
      const names = missing
        .slice(0, 5)
        .map((r) => r.name)
        .join('、');
      throw new AppError(
        'INVALID_INPUT',
        `还有${missing.length}名干部的分数未录全（${names}${missing.length > 5 ? '等' : ''}），不能定档；如确需定档，请写明原因`,
      );
    }
    // A reason is only recorded when it explains something: with everyone scored there is nothing to explain.
    const kept = missing.length > 0 ? reason : null;
    const at = nowIso();
    db.prepare('DELETE FROM eval_results WHERE county_id = ? AND year = ?').run(countyId, year);
    const ins = db.prepare(
      'INSERT INTO eval_results (county_id, year, cadre_id, scheme_id, total_hundredths, grade, rank, row, finalised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of live.rows)
      ins.run(
        countyId,
        year,
        r.cadreId,
        live.schemeId,
        r.total === null ? null : Math.round(r.total * 100),
        r.grade,
        r.rank,
        JSON.stringify(r),
        at,
      );
    db.prepare(
      `INSERT INTO eval_years (county_id, year, finalised_at, scheme_id, groups) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (county_id, year) DO UPDATE SET finalised_at = excluded.finalised_at, scheme_id = excluded.scheme_id, groups = excluded.groups`,
    ).run(countyId, year, at, live.schemeId, JSON.stringify(live.groups));
    db.prepare(
      `INSERT INTO eval_year_log (county_id, year, action, reason, operator, scheme_id, at) VALUES (?, ?, 'finalise', ?, ?, ?, ?)`,
    ).run(countyId, year, kept, operatorOf(db), live.schemeId, at);
    const counts: Record<string, number> = {};
    for (const r of live.rows) if (r.grade) counts[r.grade] = (counts[r.grade] ?? 0) + 1;
    audit(
      db,
      'finalise',
      'eval_year',
      countyId,
      {
        countyId,
        county: countyName(db, countyId),
        year,
        schemeId: live.schemeId,
        cadres: live.rows.length,
        counts,
        ...(kept ? { unscored: missing.map((r) => r.name).join('、'), reason: kept } : {}),
      },
      {
        after: {
          finalised_at: at,
          scheme_id: live.schemeId,
          results: live.rows.map((r) => ({ cadreId: r.cadreId, name: r.name, total: r.total, grade: r.grade, rank: r.rank })),
        },
      },
    );
    return yearState(db, countyId, year);
  })();
}

/** Unlocks the year; the snapshot stays until the next finalise replaces it. */
export function reopenYear(db: Db, countyId: number, year: number, reason: string): YearState {
  return db.transaction(() => {
    const state = yearState(db, countyId, year);
    if (!state.finalised) throw new AppError('INVALID_INPUT', `${year}年度考核尚未定档，无需重新打开`);
    if (reason.trim().length < 2) throw new AppError('INVALID_INPUT', '请填写重新打开的原因');
    db.prepare('UPDATE eval_years SET finalised_at = NULL WHERE county_id = ? AND year = ?').run(countyId, year);
    db.prepare(
      `INSERT INTO eval_year_log (county_id, year, action, reason, operator, scheme_id, at) VALUES (?, ?, 'reopen', ?, ?, ?, ?)`,
    ).run(countyId, year, reason.trim(), operatorOf(db), state.schemeId, nowIso());
    audit(
      db,
      'reopen',
      'eval_year',
      countyId,
      { countyId, county: countyName(db, countyId), year, reason: reason.trim() },
      {
        before: { finalised_at: state.finalisedAt, scheme_id: state.schemeId },
        after: { finalised_at: null, scheme_id: state.schemeId },
      },
    );
    return yearState(db, countyId, year);
  })();
}

/** The finalised result of a cadre for a year (for the sheet and the dossier), or null. */
export function finalisedResult(
  db: Db,
  cadreId: number,
  year: number,
): { row: ResultRow; countyId: number; schemeId: number; finalisedAt: string } | null {
  const r = db
    .prepare(
      `SELECT r.row, r.county_id AS countyId, r.scheme_id AS schemeId, r.finalised_at AS finalisedAt FROM eval_results r
         JOIN eval_years y ON y.county_id = r.county_id AND y.year = r.year AND y.finalised_at IS NOT NULL
        WHERE r.cadre_id = ? AND r.year = ?`,
    )
    .get(cadreId, year) as { row: string; countyId: number; schemeId: number; finalisedAt: string } | undefined;
  return r ? { row: JSON.parse(r.row) as ResultRow, countyId: r.countyId, schemeId: r.schemeId, finalisedAt: r.finalisedAt } : null;
}

export { getScheme };
