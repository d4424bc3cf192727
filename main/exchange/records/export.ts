/**
 * Writes the rows of one county and year (or an evaluator's review of it) as a RecordsDoc with
 * global references. Deterministic: tables in TABLES order, rows ordered by key.
 */
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { refOf } from './format';
import { schemaInfo, quoteId, type TableInfo } from './schema';
import { REVIEW_TABLES, SCOPE_CADRES, TABLES } from './tables';
import { RECORDS_VERSION, type RecordsDoc } from './types';

type Row = Record<string, unknown>;

/** Local id -> global reference: the origin it was imported from, else the exporting department. */
function refWriter(db: Db, origin: string): (entity: string, id: number) => string {
  const stmt = db.prepare('SELECT origin, remote_id FROM import_map WHERE entity = ? AND local_id = ?');
  return (entity, id) => {
    const m = stmt.get(entity, id) as { origin: string; remote_id: number } | undefined;
    return m ? refOf(m.origin, m.remote_id) : refOf(origin, id);
  };
}

function scopeParams(countyId: number, year: number) {
  return { county: countyId, year, from: `${year}-01-01`, to: `${year}-12-31`, ylike: `${year}-%` };
}

function countyRow(db: Db, countyId: number): { name: string; origin: string | null } {
  const c = db.prepare('SELECT name, origin FROM counties WHERE id = ?').get(countyId) as { name: string; origin: string | null } | undefined;
  if (!c) throw new AppError('NOT_FOUND', '找不到该县，可能已被删除');
  return c;
}

function writeTable(info: TableInfo, rows: Row[], ref: (entity: string, id: number) => string): RecordsDoc['tables'][string] {
  return {
    columns: info.columns,
    rows: rows.map((r) =>
      info.columns.map((c) => {
        const v = r[c] ?? null;
        if (v === null) return null;
        if (c === 'id' && info.hasId) return ref(info.table, v as number);
        const entity = info.refs.get(c);
        return entity && entity !== 'blobs' ? ref(entity, v as number) : v;
      }),
    ),
  };
}

function selectRows(db: Db, info: TableInfo, where: string, params: object): Row[] {
  const cols = info.columns.map(quoteId).join(', ');
  const order = info.key.map(quoteId).join(', ');
  return db.prepare(`SELECT ${cols} FROM ${quoteId(info.table)} WHERE ${where} ORDER BY ${order}`).all(params) as Row[];
}

/** The scope's cadres for index.html and file names: their posting in the county that year. */
function cadreSummaries(db: Db, countyId: number, year: number, ref: (entity: string, id: number) => string): RecordsDoc['cadres'] {
  const rows = db
    .prepare(
      `SELECT c.id, c.name, c.post_type AS postType, t.name AS township, v.name AS village
       FROM cadres c
       JOIN postings p ON p.id = (SELECT p2.id FROM postings p2 JOIN townships t2 ON t2.id = p2.township_id
         WHERE p2.cadre_id = c.id AND t2.county_id = :county AND p2.start <= :to AND (p2."end" IS NULL OR p2."end" >= :from)
         ORDER BY p2.start DESC, p2.id DESC LIMIT 1)
       JOIN townships t ON t.id = p.township_id
       LEFT JOIN villages v ON v.id = p.village_id
       WHERE c.id IN ${SCOPE_CADRES}
       ORDER BY c.id`,
    )
    .all(scopeParams(countyId, year)) as Array<{ id: number; name: string; postType: string; township: string; village: string | null }>;
  return rows.map((r) => ({ ref: ref('cadres', r.id), name: r.name, township: r.township, village: r.village, postType: r.postType }));
}

export function exportCountyRecords(db: Db, opts: { countyId: number; year: number; origin: string }): RecordsDoc {
  const county = countyRow(db, opts.countyId);
  const info = schemaInfo(db);
  const ref = refWriter(db, opts.origin);
  const params = scopeParams(opts.countyId, opts.year);
  return db.transaction(() => {
    const rowsByTable = new Map<string, Row[]>();
    for (const spec of TABLES) if (spec.scope) rowsByTable.set(spec.table, selectRows(db, info(spec.table), `(${spec.scope})`, params));
    // Originals: every SHA-256 the exported rows point at.
    const shas = new Set<string>();
    for (const [table, rows] of rowsByTable) {
      for (const [col, entity] of info(table).refs) {
        if (entity !== 'blobs') continue;
        for (const r of rows) if (typeof r[col] === 'string') shas.add(r[col]);
      }
    }
    const blobs = [...shas].sort();
    const blobInfo = info('blobs');
    rowsByTable.set(
      'blobs',
      blobs.length ? selectRows(db, blobInfo, `sha256 IN (SELECT value FROM json_each(:list))`, { list: JSON.stringify(blobs) }) : [],
    );
    const tables: RecordsDoc['tables'] = {};
    for (const spec of TABLES) tables[spec.table] = writeTable(info(spec.table), rowsByTable.get(spec.table)!, ref);
    return {
      recordsVersion: RECORDS_VERSION,
      kind: 'county' as const,
      origin: opts.origin,
      scope: { county: county.name, year: opts.year },
      tables,
      blobs,
      cadres: cadreSummaries(db, opts.countyId, opts.year, ref),
    };
  })();
}

/**
 * The evaluator's scores, ballots and comments on an imported county, with references
 * translated back to the county's own rows (so they land there on import).
 */
export function exportReviewRecords(db: Db, opts: { countyId: number; year: number; origin: string }): RecordsDoc {
  const county = countyRow(db, opts.countyId);
  if (county.origin === null) {
    throw new AppError('INVALID_INPUT', `「${county.name}」是本单位自己的数据，评审结果只能从其他单位导入的县导出`);
  }
  const info = schemaInfo(db);
  const ref = refWriter(db, opts.origin);
  const tables: RecordsDoc['tables'] = {};
  return db.transaction(() => {
    for (const t of REVIEW_TABLES) {
      const rows = selectRows(db, info(t), 'county_id = :county AND year = :year', { county: opts.countyId, year: opts.year });
      tables[t] = writeTable(info(t), rows, ref);
    }
    return {
      recordsVersion: RECORDS_VERSION,
      kind: 'review' as const,
      origin: opts.origin,
      scope: { county: county.name, year: opts.year },
      tables,
      blobs: [],
      cadres: cadreSummaries(db, opts.countyId, opts.year, ref),
    };
  })();
}
