/**
 * Rural-revitalisation projects (乡村振兴项目): funding by source, publicity (公示 date and place),
 * the 第一书记产业园 and a park project's yearly revenue with its 飞地 split.
 */
import type { ProjectFilter, ProjectInput } from '../../../shared/api/work';
import { AppError } from '../../../shared/result';
import { splitRevenue, type ParkRevenue, type Project, type ProjectFund } from '../../../shared/work';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { removeAudited } from '../audit/removeAudited';
import { cadreFacts, overlapsYear, postingsOf, villageFacts, zh } from './common';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

type ProjectRow = Omit<Project, 'funds' | 'investmentFen' | 'revenue' | 'inPark'> & { inPark: 0 | 1 };

const PROJECT_SQL = `SELECT p.id, p.cadre_id AS cadreId, c.name AS cadreName, p.village_id AS villageId, v.name AS village,
                            t.id AS townshipId, t.name AS township, p.name, p.kind, p.year, p.status,
                            p.publicised_on AS publicisedOn, p.publicised_place AS publicisedPlace, p.in_park AS inPark, p.notes
                       FROM projects p JOIN cadres c ON c.id = p.cadre_id JOIN villages v ON v.id = p.village_id
                       JOIN townships t ON t.id = v.township_id`;

function hydrate(db: Db, rows: ProjectRow[]): Project[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const marks = ids.map(() => '?').join(',');
  const funds = new Map<number, ProjectFund[]>();
  for (const f of db
    .prepare(`SELECT project_id AS id, source, amount_fen AS amountFen FROM project_funds WHERE project_id IN (${marks})`)
    .all(...ids) as Array<ProjectFund & { id: number }>) {
    const list = funds.get(f.id) ?? [];
    list.push({ source: f.source, amountFen: f.amountFen });
    funds.set(f.id, list);
  }
  const revenue = new Map<number, ParkRevenue[]>();
  for (const r of db
    .prepare(
      `SELECT project_id AS id, year, revenue_fen AS revenueFen, park_share_bp AS parkShareBp FROM park_revenue WHERE project_id IN (${marks}) ORDER BY year`,
    )
    .all(...ids) as Array<{ id: number; year: number; revenueFen: number; parkShareBp: number }>) {
    const list = revenue.get(r.id) ?? [];
    list.push({ year: r.year, revenueFen: r.revenueFen, parkShareBp: r.parkShareBp, ...splitRevenue(r.revenueFen, r.parkShareBp) });
    revenue.set(r.id, list);
  }
  return rows.map((r) => {
    const f = funds.get(r.id) ?? [];
    return {
      ...r,
      inPark: r.inPark === 1,
      funds: f,
      investmentFen: f.reduce((s, x) => s + x.amountFen, 0),
      revenue: revenue.get(r.id) ?? [],
    };
  });
}

export function getProject(db: Db, id: number): Project {
  const r = stmt(db, `${PROJECT_SQL} WHERE p.id = ?`).get(id) as ProjectRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '该项目不存在，可能已被删除，请刷新后重试');
  return hydrate(db, [r])[0]!;
}

export function listProjects(db: Db, f: ProjectFilter): Project[] {
  const rows = db
    .prepare(
      `${PROJECT_SQL}
        WHERE (@year IS NULL OR p.year = @year) AND (@county IS NULL OR t.county_id = @county)
          AND (@township IS NULL OR t.id = @township) AND (@cadre IS NULL OR p.cadre_id = @cadre)
          AND (@kind IS NULL OR p.kind = @kind)
          AND (@unpub IS NULL OR (p.publicised_on IS NULL) = @unpub)
        ORDER BY p.year DESC, t.name, v.name, p.id`,
    )
    .all({
      year: f.year ?? null,
      county: f.countyId ?? null,
      township: f.townshipId ?? null,
      cadre: f.cadreId ?? null,
      kind: f.kind ?? null,
      unpub: f.unpublicised === undefined ? null : f.unpublicised ? 1 : 0,
    }) as ProjectRow[];
  rows.sort((a, b) => b.year - a.year || zh.compare(a.township, b.township) || zh.compare(a.village, b.village) || a.id - b.id);
  return hydrate(db, rows);
}

/** The project's village must lie in a township where the cadre served during the project's year. */
function assertPlace(db: Db, input: ProjectInput): void {
  const cadre = cadreFacts(db, input.cadreId);
  const village = villageFacts(db, input.villageId);
  const served = postingsOf(db, input.cadreId).some((p) => p.townshipId === village.townshipId && overlapsYear(p, input.year));
  if (!served)
    throw new AppError('INVALID_INPUT', `${cadre.name}${input.year}年未在${village.township}任职，不能登记${village.name}的项目`);
  const sources = new Set(input.funds.map((f) => f.source));
  if (sources.size !== input.funds.length) throw new AppError('INVALID_INPUT', '同一资金来源只能填写一次，请合并金额');
}

export function saveProject(db: Db, id: number | undefined, input: ProjectInput): Project {
  assertPlace(db, input);
  const now = nowIso();
  return db.transaction(() => {
    let pid = id;
    const before = pid === undefined ? undefined : getProject(db, pid);
    if (pid === undefined) {
      pid = Number(
        stmt(
          db,
          `INSERT INTO projects (cadre_id, village_id, name, kind, year, status, in_park, notes, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(input.cadreId, input.villageId, input.name, input.kind, input.year, input.status, input.inPark ? 1 : 0, input.notes, now, now)
          .lastInsertRowid,
      );
    } else {
      const old = getProject(db, pid);
      if (!input.inPark && old.revenue.length > 0) {
        throw new AppError('CONFLICT', '该项目已登记产业园收益，请先删除收益记录再改为不在产业园');
      }
      stmt(
        db,
        'UPDATE projects SET cadre_id = ?, village_id = ?, name = ?, kind = ?, year = ?, status = ?, in_park = ?, notes = ?, updated_at = ? WHERE id = ?',
      ).run(input.cadreId, input.villageId, input.name, input.kind, input.year, input.status, input.inPark ? 1 : 0, input.notes, now, pid);
      stmt(db, 'DELETE FROM project_funds WHERE project_id = ?').run(pid);
    }
    const ins = stmt(db, 'INSERT INTO project_funds (project_id, source, amount_fen) VALUES (?, ?, ?)');
    for (const f of input.funds) if (f.amountFen > 0) ins.run(pid, f.source, f.amountFen);
    const after = getProject(db, pid);
    audit(db, id === undefined ? 'create' : 'update', 'project', pid, { name: input.name, cadreId: input.cadreId }, { before, after });
    return after;
  })();
}

/** Records the publicity; the date may not lie in the future nor before the project's year. */
export function publiciseProject(db: Db, id: number, date: string, place: string, today = localToday()): Project {
  return db.transaction(() => {
    const p = getProject(db, id);
    if (date > today) throw new AppError('INVALID_INPUT', '公示日期不能晚于今天');
    if (Number(date.slice(0, 4)) < p.year - 1) throw new AppError('INVALID_INPUT', `公示日期应在项目年度（${p.year}年）前后`);
    stmt(db, 'UPDATE projects SET publicised_on = ?, publicised_place = ?, updated_at = ? WHERE id = ?').run(date, place, nowIso(), id);
    const after = getProject(db, id);
    audit(db, 'update', 'project', id, { publicisedOn: date, publicisedPlace: place }, { before: p, after });
    return after;
  })();
}

export function setParkRevenue(db: Db, id: number, year: number, revenueFen: number | null, parkShareBp: number): Project {
  return db.transaction(() => {
    const p = getProject(db, id);
    if (revenueFen === null) {
      stmt(db, 'DELETE FROM park_revenue WHERE project_id = ? AND year = ?').run(id, year);
    } else {
      if (!p.inPark) throw new AppError('INVALID_INPUT', '只有落户“第一书记产业园”的项目才登记园区收益');
      stmt(
        db,
        `INSERT INTO park_revenue (project_id, year, revenue_fen, park_share_bp) VALUES (?, ?, ?, ?)
         ON CONFLICT(project_id, year) DO UPDATE SET revenue_fen = excluded.revenue_fen, park_share_bp = excluded.park_share_bp`,
      ).run(id, year, revenueFen, parkShareBp);
    }
    const after = getProject(db, id);
    audit(db, 'update', 'project', id, { revenueYear: year, revenueFen, parkShareBp }, { before: p, after });
    return after;
  })();
}

export function removeProject(db: Db, id: number): void {
  removeAudited(db, { table: 'projects', entity: 'project', read: getProject }, id, (p) => ({ name: p.name, cadreId: p.cadreId }));
}
