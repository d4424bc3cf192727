/**
 * One pass over a RecordsDoc that resolves every global reference to a local row and compares
 * values: with write=false it only counts (the plan), with write=true it also inserts, updates
 * and records mappings. Both modes share this code so the plan is exactly what apply does.
 * Refuses (IMPORT_REFUSED) on a reference that resolves to nothing.
 */
import type { Statement } from 'better-sqlite3';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { parseRef } from './format';
import { quoteId, type TableInfo } from './schema';
import { TABLE_SPECS, type TableSpec } from './tables';
import type { ImportPlanTable, RecordsDoc } from './types';

export interface WalkContext {
  db: Db;
  doc: RecordsDoc;
  self: string;
  write: boolean;
  info: (table: string) => TableInfo;
  /** Tables to walk, in order. */
  order: string[];
  /** Tables whose existing local rows are kept as they are (never updated by the import). */
  keepLocal?: ReadonlySet<string>;
  /** Called with each resolved row (local values, local id for id tables) before it is counted. */
  onRow?: (table: string, values: Record<string, unknown>, localId: number | null) => void;
}

export interface WalkResult {
  tables: ImportPlanTable[];
  linked: number;
  /** table -> local ids (id tables) or parent ids whose search text must be rebuilt. */
  touched: Map<string, Set<number>>;
}

export const refused = (message: string) => new AppError('IMPORT_REFUSED', message);

const labelOf = (table: string) => TABLE_SPECS.get(table)?.label ?? table;

export function walk(ctx: WalkContext): WalkResult {
  const { db, doc, self, write, info } = ctx;
  const stmts = new Map<string, Statement<unknown[]>>();
  const stmt = (sql: string): Statement<unknown[]> => {
    let s = stmts.get(sql);
    if (!s) stmts.set(sql, (s = db.prepare<unknown[]>(sql)));
    return s;
  };
  const ids = new Map<string, number>();
  const docShas = new Set<string>();
  let placeholder = 0;
  let linked = 0;
  const touched = new Map<string, Set<number>>();
  const touch = (table: string, id: number) => {
    const s = touched.get(table) ?? new Set<number>();
    s.add(id);
    touched.set(table, s);
  };

  const exists = (table: string, id: number) => stmt(`SELECT 1 FROM ${quoteId(table)} WHERE id = ?`).get(id) !== undefined;
  const mapped = (origin: string, entity: string, remote: number) =>
    stmt('SELECT local_id FROM import_map WHERE origin = ? AND entity = ? AND remote_id = ?').pluck().get(origin, entity, remote) as number | undefined;
  const unresolved = (table: string, entity: string, ref: unknown) =>
    refused(`交换包中的“${labelOf(table)}”记录引用了本机不存在的“${labelOf(entity)}”（${String(ref)}），无法导入`);

  /** A reference column's local value. */
  const resolve = (table: string, entity: string, value: unknown): unknown => {
    if (value === null) return null;
    if (entity === 'blobs') {
      if (typeof value !== 'string' || (!docShas.has(value) && !stmt('SELECT 1 FROM blobs WHERE sha256 = ?').get(value))) {
        throw unresolved(table, entity, value);
      }
      return value;
    }
    if (typeof value !== 'string') throw unresolved(table, entity, value);
    const known = ids.get(`${entity}\u0000${value}`);
    if (known !== undefined) return known;
    const p = parseRef(value);
    if (!p) throw unresolved(table, entity, value);
    if (p.origin === self) {
      if (exists(entity, p.id)) return p.id;
      throw unresolved(table, entity, value);
    }
    const m = mapped(p.origin, entity, p.id);
    if (m !== undefined && exists(entity, m)) return m;
    throw unresolved(table, entity, value);
  };

  const result: ImportPlanTable[] = [];
  for (const table of ctx.order) {
    const t = doc.tables[table];
    if (!t) continue;
    const ti = info(table);
    const spec = TABLE_SPECS.get(table) as TableSpec;
    const counts: ImportPlanTable = { table, label: spec.label, added: 0, updated: 0, unchanged: 0 };
    const cols = t.columns;
    const dataCols = cols.filter((c) => !ti.key.includes(c));
    const colList = cols.filter((c) => !(ti.hasId && c === 'id'));
    for (const raw of t.rows) {
      const v: Record<string, unknown> = {};
      cols.forEach((c, i) => {
        const entity = ti.refs.get(c);
        v[c] = entity && !(ti.hasId && c === 'id') ? resolve(table, entity, raw[i]) : raw[i];
      });
      if (table === 'blobs') docShas.add(String(v.sha256));
      const placeholderIn = (keys: string[]) => keys.some((k) => typeof v[k] === 'number' && (v[k] as number) < 0 && ti.refs.has(k));

      let localId: number | null = null;
      let local: Record<string, unknown> | undefined;
      let mapRef: { origin: string; id: number } | null = null;
      if (ti.hasId) {
        const p = typeof v.id === 'string' ? parseRef(v.id) : null;
        if (!p) throw refused(`交换包中的“${spec.label}”记录编号无效（${String(v.id)}），无法导入`);
        if (p.origin === self) {
          if (!exists(table, p.id)) throw unresolved(table, table, v.id);
          localId = p.id;
        } else {
          const m = mapped(p.origin, table, p.id);
          if (m !== undefined && exists(table, m)) localId = m;
          else {
            mapRef = p;
            if (spec.natural && !placeholderIn(spec.natural) && spec.natural.every((k) => v[k] !== null && v[k] !== undefined)) {
              const where = spec.natural.map((k) => `${quoteId(k)} = ?`).join(' AND ');
              const hit = stmt(`SELECT id FROM ${quoteId(table)} WHERE ${where}`).pluck().get(...spec.natural.map((k) => v[k])) as number | undefined;
              if (hit !== undefined) localId = hit;
            }
          }
        }
        if (localId !== null) local = stmt(`SELECT * FROM ${quoteId(table)} WHERE id = ?`).get(localId) as Record<string, unknown>;
      } else if (!placeholderIn(ti.key)) {
        const where = ti.key.map((k) => `${quoteId(k)} = ?`).join(' AND ');
        local = stmt(`SELECT * FROM ${quoteId(table)} WHERE ${where}`).get(...ti.key.map((k) => v[k])) as Record<string, unknown> | undefined;
      }
      ctx.onRow?.(table, v, localId);

      const compared = ti.hasId ? colList : dataCols;
      if (local) {
        const changed = !spec.insertOnly && !ctx.keepLocal?.has(table) && compared.some((c) => local[c] !== v[c]);
        if (changed) {
          counts.updated++;
          if (write) {
            const set = compared.map((c) => `${quoteId(c)} = ?`).join(', ');
            const where = ti.hasId ? 'id = ?' : ti.key.map((k) => `${quoteId(k)} = ?`).join(' AND ');
            const keyVals = ti.hasId ? [localId] : ti.key.map((k) => v[k]);
            stmt(`UPDATE ${quoteId(table)} SET ${set} WHERE ${where}`).run(...compared.map((c) => v[c]), ...keyVals);
          }
        } else counts.unchanged++;
        if (changed) touch(table, ti.hasId ? localId! : Number(v[ti.key[0]!]));
      } else {
        counts.added++;
        if (write) {
          const names = colList.map(quoteId).join(', ');
          const info = stmt(`INSERT INTO ${quoteId(table)} (${names}) VALUES (${colList.map(() => '?').join(', ')})`).run(...colList.map((c) => v[c]));
          if (ti.hasId) localId = Number(info.lastInsertRowid);
        } else if (ti.hasId) localId = --placeholder;
        touch(table, ti.hasId ? localId! : Number(v[ti.key[0]!]));
      }
      if (ti.hasId) {
        // A local row already linked to another origin's row keeps that link (one per local row).
        const linkedElsewhere = local !== undefined && stmt('SELECT 1 FROM import_map WHERE entity = ? AND local_id = ?').get(table, localId) !== undefined;
        if (mapRef && !linkedElsewhere) {
          if (local) linked++;
          if (write) {
            // A new row may reuse the id of a deleted one: drop that stale link first.
            stmt('DELETE FROM import_map WHERE entity = ? AND local_id = ?').run(table, localId);
            stmt('INSERT OR REPLACE INTO import_map (origin, entity, remote_id, local_id) VALUES (?, ?, ?, ?)').run(mapRef.origin, table, mapRef.id, localId);
          }
        }
        ids.set(`${table}\u0000${v.id as string}`, localId!);
      }
    }
    result.push(counts);
  }
  return { tables: result, linked, touched };
}
