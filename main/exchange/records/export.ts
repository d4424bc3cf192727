/**
 * Writes the rows of one county and year (or an evaluator's review of it) as a RecordsDoc with
 * global references. Deterministic: tables in TABLES order, rows ordered by key.
 */
import fs from 'node:fs';
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
  const c = db.prepare('SELECT name, origin FROM counties WHERE id = ?').get(countyId) as
    | { name: string; origin: string | null }
    | undefined;
  if (!c) throw new AppError('NOT_FOUND', '找不到该县，可能已被删除');
  return c;
}

/** A row as the document writes it: values in column order, ids and foreign keys as global references. */
function rowWriter(info: TableInfo, ref: (entity: string, id: number) => string): (r: Row) => unknown[] {
  return (r) =>
    info.columns.map((c) => {
      const v = r[c] ?? null;
      if (v === null) return null;
      if (c === 'id' && info.hasId) return ref(info.table, v as number);
      const entity = info.refs.get(c);
      return entity && entity !== 'blobs' ? ref(entity, v as number) : v;
    });
}

function writeTable(info: TableInfo, rows: Row[], ref: (entity: string, id: number) => string): RecordsDoc['tables'][string] {
  return { columns: info.columns, rows: rows.map(rowWriter(info, ref)) };
}

function selectSql(info: TableInfo, where: string): string {
  const cols = info.columns.map(quoteId).join(', ');
  const order = info.key.map(quoteId).join(', ');
  return `SELECT ${cols} FROM ${quoteId(info.table)} WHERE ${where} ORDER BY ${order}`;
}

function selectRows(db: Db, info: TableInfo, where: string, params: object): Row[] {
  return db.prepare(selectSql(info, where)).all(params) as Row[];
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

/** Everything a county document needs before its tables: the county, references, and the originals. */
function countyScope(db: Db, opts: { countyId: number; year: number; origin: string }) {
  const county = countyRow(db, opts.countyId);
  const info = schemaInfo(db);
  const ref = refWriter(db, opts.origin);
  const params = scopeParams(opts.countyId, opts.year);
  // Originals: every SHA-256 the exported rows point at.
  const shas = new Set<string>();
  for (const spec of TABLES) {
    if (!spec.scope) continue;
    for (const [col, entity] of info(spec.table).refs) {
      if (entity !== 'blobs') continue;
      const values = db
        .prepare(`SELECT DISTINCT ${quoteId(col)} FROM ${quoteId(spec.table)} WHERE (${spec.scope})`)
        .pluck()
        .all(params);
      for (const v of values) if (typeof v === 'string') shas.add(v);
    }
  }
  const blobs = [...shas].sort();
  const head = {
    recordsVersion: RECORDS_VERSION,
    kind: 'county' as const,
    origin: opts.origin,
    scope: { county: county.name, year: opts.year },
  };
  /** One table's query; the rows of tables without a scope are the originals'. */
  const query = (spec: (typeof TABLES)[number]) => {
    const t = info(spec.table);
    if (spec.scope) return { t, sql: selectSql(t, `(${spec.scope})`), params: params as object };
    return {
      t,
      sql: selectSql(t, blobs.length ? `sha256 IN (SELECT value FROM json_each(:list))` : '0'),
      params: blobs.length ? { list: JSON.stringify(blobs) } : {},
    };
  };
  const table = (spec: (typeof TABLES)[number]): RecordsDoc['tables'][string] => {
    const { t, sql, params: p } = query(spec);
    return writeTable(t, db.prepare(sql).all(p) as Row[], ref);
  };
  /** The same rows one at a time (reads during iteration are fine: the references look up import_map). */
  const eachRow = (spec: (typeof TABLES)[number], fn: (row: unknown[], i: number) => void): number => {
    const { t, sql, params: p } = query(spec);
    const write = rowWriter(t, ref);
    let i = 0;
    for (const r of db.prepare(sql).iterate(p) as IterableIterator<Row>) fn(write(r), i++);
    return i;
  };
  const columns = (spec: (typeof TABLES)[number]) => info(spec.table).columns;
  const cadres = () => cadreSummaries(db, opts.countyId, opts.year, ref);
  return { head, blobs, table, eachRow, columns, cadres };
}

export function exportCountyRecords(db: Db, opts: { countyId: number; year: number; origin: string }): RecordsDoc {
  return db.transaction(() => {
    const s = countyScope(db, opts);
    const tables: RecordsDoc['tables'] = {};
    for (const spec of TABLES) tables[spec.table] = s.table(spec);
    return { ...s.head, tables, blobs: s.blobs, cadres: s.cadres() };
  })();
}

/**
 * The same document as JSON.stringify(exportCountyRecords(…)), byte for byte, written to `file`
 * one table at a time: a county's 100,000 rows never sit in memory as objects, JSON string and
 * buffer at once (the export's peak RSS). Returns what the export reports.
 */
export function writeCountyRecordsJson(
  db: Db,
  opts: { countyId: number; year: number; origin: string },
  file: string,
): { blobs: string[]; cadres: number; records: number } {
  const fd = fs.openSync(file, 'w');
  try {
    let pending = '';
    const put = (text: string) => {
      pending += text;
      if (pending.length >= 1 << 20) flush();
    };
    const flush = () => {
      fs.writeSync(fd, pending);
      pending = '';
    };
    return db.transaction(() => {
      const s = countyScope(db, opts);
      const head = JSON.stringify(s.head);
      put(`${head.slice(0, -1)},"tables":{`);
      let records = 0;
      TABLES.forEach((spec, i) => {
        put(`${i ? ',' : ''}${JSON.stringify(spec.table)}:{"columns":${JSON.stringify(s.columns(spec))},"rows":[`);
        records += s.eachRow(spec, (r, j) => put(j ? `,${JSON.stringify(r)}` : JSON.stringify(r)));
        put(']}');
      });
      const cadres = s.cadres();
      put(`},"blobs":${JSON.stringify(s.blobs)},"cadres":${JSON.stringify(cadres)}}`);
      flush();
      return { blobs: s.blobs, cadres: cadres.length, records };
    })();
  } finally {
    fs.closeSync(fd);
  }
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
