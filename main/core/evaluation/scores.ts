/**
 * Score entry: the grid of cadres × cells under the active scheme, batch saving (every cell
 * checked first, then one transaction) and villagers' ballots. A finalised year refuses edits.
 */
import type { z } from 'zod';
import type { ballotsInputSchema, scoreCellSchema } from '../../../shared/api/evaluation';
import { POST_TYPES, type PostType } from '../../../shared/domain';
import type { Ballots, GridColumn, GridRow, Scheme, ScoreGrid } from '../../../shared/evaluation';
import { ballotsProblem, cellKey, gridColumns, scoreCadre } from '../../../shared/evaluation/scoring';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { countyName, evaluationRoster, type RosterCadre } from './roster';
import { activeScheme } from './schemes';
import { assertOpen, yearState } from './years';
import { audit } from '../audit/log';

export interface StoredEntries {
  values: Map<number, Record<string, number>>;
  ballots: Map<number, Record<string, Ballots>>;
}

export function storedEntries(db: Db, countyId: number, year: number): StoredEntries {
  const values = new Map<number, Record<string, number>>();
  for (const r of db
    .prepare('SELECT cadre_id AS cadreId, cell, hundredths FROM eval_scores WHERE county_id = ? AND year = ?')
    .iterate(countyId, year) as IterableIterator<{
    cadreId: number;
    cell: string;
    hundredths: number;
  }>) {
    const v = values.get(r.cadreId) ?? {};
    v[r.cell] = r.hundredths / 100;
    values.set(r.cadreId, v);
  }
  const ballots = new Map<number, Record<string, Ballots>>();
  for (const r of db
    .prepare(
      'SELECT cadre_id AS cadreId, component, satisfied, basic, unsatisfied, ballots FROM eval_ballots WHERE county_id = ? AND year = ?',
    )
    .iterate(countyId, year) as IterableIterator<Ballots & { cadreId: number; component: string }>) {
    const b = ballots.get(r.cadreId) ?? {};
    b[r.component] = { satisfied: r.satisfied, basic: r.basic, unsatisfied: r.unsatisfied, ballots: r.ballots };
    ballots.set(r.cadreId, b);
  }
  return { values, ballots };
}

export function requireActive(db: Db, countyId: number, year: number): Scheme {
  const s = activeScheme(db, countyId, year);
  if (!s) throw new AppError('INVALID_INPUT', `${countyName(db, countyId)}${year}年度尚未启用考核方案，请先在“考核方案”中选择模板并启用`);
  return s;
}

function gridRow(scheme: Scheme | null, c: RosterCadre, e: StoredEntries): GridRow {
  const values = e.values.get(c.cadreId) ?? {};
  const ballots = e.ballots.get(c.cadreId) ?? {};
  const s = scheme ? scoreCadre(scheme, c.postType, values, ballots) : null;
  const componentScores: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(s?.components ?? {})) componentScores[k] = v === null ? null : v / 100;
  return {
    cadreId: c.cadreId,
    name: c.name,
    townshipId: c.townshipId,
    township: c.township,
    village: c.village,
    postType: c.postType,
    values,
    ballots,
    componentScores,
    total: s?.total == null ? null : s.total / 100,
  };
}

export function scoreGrid(db: Db, q: { countyId: number; year: number; townshipId?: number; postType?: PostType }): ScoreGrid {
  countyName(db, q.countyId);
  const scheme = activeScheme(db, q.countyId, q.year);
  const entries = storedEntries(db, q.countyId, q.year);
  const rows = evaluationRoster(db, q.countyId, q.year)
    .filter((c) => (q.townshipId === undefined || c.townshipId === q.townshipId) && (q.postType === undefined || c.postType === q.postType))
    .map((c) => gridRow(scheme, c, entries));
  const columns = Object.fromEntries(POST_TYPES.map((p) => [p, scheme ? gridColumns(scheme, p) : []])) as Record<PostType, GridColumn[]>;
  return { year: q.year, countyId: q.countyId, scheme, finalised: yearState(db, q.countyId, q.year).finalised, columns, rows };
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

export function setScores(
  db: Db,
  countyId: number,
  year: number,
  cells: Array<z.output<typeof scoreCellSchema>>,
): { saved: number; rows: GridRow[] } {
  return db.transaction(() => {
    assertOpen(db, countyId, year);
    const scheme = requireActive(db, countyId, year);
    const roster = new Map(evaluationRoster(db, countyId, year).map((c) => [c.cadreId, c]));
    const upsert = db.prepare(
      `INSERT INTO eval_scores (county_id, year, cadre_id, cell, hundredths, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (county_id, year, cadre_id, cell) DO UPDATE SET hundredths = excluded.hundredths, updated_at = excluded.updated_at`,
    );
    const remove = db.prepare('DELETE FROM eval_scores WHERE county_id = ? AND year = ? AND cadre_id = ? AND cell = ?');
    const at = nowIso();
    const touched = new Set<number>();
    // Check every cell before writing any, so a bad cell changes nothing.
    const checked = cells.map((cell) => {
      const c = roster.get(cell.cadreId);
      if (!c) throw new AppError('INVALID_INPUT', `所选干部${year}年不在${countyName(db, countyId)}任职，不能录入考核分数`);
      const col = gridColumns(scheme, c.postType).find((g) => g.component === cell.component && g.indicator === cell.indicator);
      if (!col) throw new AppError('INVALID_INPUT', `${c.name}（${c.postType}）的考核方案中没有这一评分项，请刷新后重试`);
      if (col.source === 'ballots') throw new AppError('INVALID_INPUT', `“${col.label}”按票数计分，请录入票数`);
      if (cell.value !== null && cell.value > col.max)
        throw new AppError('INVALID_INPUT', `${c.name}的“${col.label}”最高${col.max}分，录入了${fmt(cell.value)}分`);
      return { cell, key: cellKey(cell.component, cell.indicator) };
    });
    const old = db.prepare('SELECT hundredths FROM eval_scores WHERE county_id = ? AND year = ? AND cadre_id = ? AND cell = ?').pluck();
    const before: Record<string, number | null> = {};
    const after: Record<string, number | null> = {};
    for (const { cell, key } of checked) {
      const h = old.get(countyId, year, cell.cadreId, key) as number | undefined;
      before[`${cell.cadreId}:${key}`] = h === undefined ? null : h / 100;
      after[`${cell.cadreId}:${key}`] = cell.value;
    }
    if (checked.length)
      audit(
        db,
        'update',
        'eval_scores',
        countyId,
        { countyId, year, cells: checked.length, cadreIds: [...new Set(checked.map((c) => c.cell.cadreId))] },
        { before, after },
      );
    for (const { cell, key } of checked) {
      if (cell.value === null) remove.run(countyId, year, cell.cadreId, key);
      else upsert.run(countyId, year, cell.cadreId, key, Math.round(cell.value * 100), at);
      touched.add(cell.cadreId);
    }
    const e = storedEntries(db, countyId, year);
    return { saved: checked.length, rows: [...touched].map((id) => gridRow(scheme, roster.get(id)!, e)) };
  })();
}

export function setBallots(db: Db, input: z.output<typeof ballotsInputSchema>): GridRow {
  return db.transaction(() => {
    const { countyId, year } = input;
    assertOpen(db, countyId, year);
    const scheme = requireActive(db, countyId, year);
    const c = evaluationRoster(db, countyId, year).find((r) => r.cadreId === input.cadreId);
    if (!c) throw new AppError('INVALID_INPUT', `所选干部${year}年不在${countyName(db, countyId)}任职，不能录入票数`);
    const comp = input.component
      ? scheme.components.find((k) => k.key === input.component)
      : scheme.components.find((k) => k.source === 'ballots');
    if (!comp || comp.source !== 'ballots') throw new AppError('INVALID_INPUT', '考核方案中没有按票数计分的项目');
    const b: Ballots = { satisfied: input.satisfied, basic: input.basic, unsatisfied: input.unsatisfied, ballots: input.ballots };
    const problem = ballotsProblem(b);
    if (problem) throw new AppError('INVALID_INPUT', `${c.name}的“${comp.label}”：${problem}`);
    const before = db
      .prepare(
        'SELECT satisfied, basic, unsatisfied, ballots FROM eval_ballots WHERE county_id = ? AND year = ? AND cadre_id = ? AND component = ?',
      )
      .get(countyId, year, c.cadreId, comp.key);
    audit(
      db,
      before ? 'update' : 'create',
      'eval_ballots',
      c.cadreId,
      { countyId, year, cadreId: c.cadreId, name: c.name, component: comp.key },
      { before, after: b },
    );
    db.prepare(
      `INSERT INTO eval_ballots (county_id, year, cadre_id, component, satisfied, basic, unsatisfied, ballots, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (county_id, year, cadre_id, component) DO UPDATE SET satisfied = excluded.satisfied, basic = excluded.basic,
         unsatisfied = excluded.unsatisfied, ballots = excluded.ballots, updated_at = excluded.updated_at`,
    ).run(countyId, year, c.cadreId, comp.key, b.satisfied, b.basic, b.unsatisfied, b.ballots, nowIso());
    return gridRow(scheme, c, storedEntries(db, countyId, year));
  })();
}

/**
 * Saves a score sheet — typed scores and ballots — in one transaction, so a refused value
 * anywhere leaves everything as it was (setScores/setBallots nest as savepoints).
 */
export function saveSheet(
  db: Db,
  countyId: number,
  year: number,
  cells: Array<z.output<typeof scoreCellSchema>>,
  ballots: Array<Omit<z.output<typeof ballotsInputSchema>, 'countyId' | 'year'>>,
): { saved: number; rows: GridRow[] } {
  return db.transaction(() => {
    const rows = new Map<number, GridRow>();
    if (cells.length) for (const r of setScores(db, countyId, year, cells).rows) rows.set(r.cadreId, r);
    for (const b of ballots) {
      const r = setBallots(db, { countyId, year, ...b });
      rows.set(r.cadreId, r);
    }
    return { saved: cells.length + ballots.length, rows: [...rows.values()] };
  })();
}
