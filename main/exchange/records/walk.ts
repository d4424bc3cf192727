/**
 * One pass over a RecordsDoc that resolves every global reference to a local row and compares
 * values: with write=false it only counts (the plan), with write=true it also inserts, updates
 * and records mappings. Both modes share this code so the plan is exactly what apply does.
 * Refuses (IMPORT_REFUSED) on a reference that resolves to nothing.
 *
 * Ownership (county bundles, ctx.owner = the signer): a row may create or update only rows
 * whose origin is the signer — rows the signer's earlier bundles created (import_map) or rows
 * it creates now. A row that names the receiver's own row, another origin's row, or matches
 * one by natural key (an ID number), or that points at such a row (a posting into a local
 * village), is a conflict: listed with both sides, never written, and every row depending on
 * it is skipped too. Shared reference rows (units, holidays) are matched read-only.
 */
import { AppError } from '../../../shared/result';
import { columnLabel, type PlanConflict, type PlanTable } from '../../../shared/api/exchange';
import type { Db } from '../../store/db';
import { stmt } from '../../store/statementCache';
import { parseRef } from './format';
import { conflictFields, type RowChange } from './rowChanges';
import { quoteId, type TableInfo } from './schema';
import { TABLE_SPECS, type TableSpec } from './tables';
import type { RecordsDoc } from './types';
import { isRecordedBlob } from '../../core/blobs/lookup';

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
  /** County bundles: the signer, the only origin whose rows may be created or updated. */
  owner?: string;
  /** Shared reference tables: existing rows are matched read-only, never updated; anyone may refer to them. */
  shared?: ReadonlySet<string>;
}

export interface WalkResult {
  tables: PlanTable[];
  linked: number;
  /** table -> local ids (id tables) or parent ids whose search text must be rebuilt. */
  touched: Map<string, Set<number>>;
  /** Every row added or updated (before/after for the preview and the audit log). */
  changes: RowChange[];
  conflicts: PlanConflict[];
}

/** Thrown inside one row: the row is not written; `reason` set = a conflict to list, else it depends on one. */
class SkipRow {
  constructor(
    readonly reason: string | null,
    readonly local?: Record<string, unknown>,
  ) {}
}

export const refused = (message: string) => new AppError('IMPORT_REFUSED', message);

const labelOf = (table: string) => TABLE_SPECS.get(table)?.label ?? table;

export function walk(ctx: WalkContext): WalkResult {
  const { db, doc, self, write, info, owner } = ctx;
  const shared = ctx.shared ?? new Set<string>();
  const ids = new Map<string, number>();
  /** `${table}\0${ref}` of rows skipped: rows referring to them are skipped too. */
  const skippedRefs = new Set<string>();
  /** `${table}\0${localId}` of rows this walk created (placeholders while planning). */
  const created = new Set<string>();
  const docShas = new Set<string>();
  let placeholder = 0;
  let linked = 0;
  const touched = new Map<string, Set<number>>();
  const changes: RowChange[] = [];
  const conflicts: PlanConflict[] = [];
  const touch = (table: string, id: number) => {
    const s = touched.get(table) ?? new Set<number>();
    s.add(id);
    touched.set(table, s);
  };

  const exists = (table: string, id: number) => stmt(db, `SELECT 1 FROM ${quoteId(table)} WHERE id = ?`).get(id) !== undefined;
  const mapped = (origin: string, entity: string, remote: number) =>
    stmt(db, 'SELECT local_id FROM import_map WHERE origin = ? AND entity = ? AND remote_id = ?').pluck().get(origin, entity, remote) as
      | number
      | undefined;
  const originOf = (entity: string, localId: number) =>
    stmt(db, 'SELECT origin FROM import_map WHERE entity = ? AND local_id = ?').pluck().get(entity, localId) as string | undefined;
  /** Whether the signer owns a local row: created now, or linked to the signer's row by an earlier import. */
  const ownedBy = (entity: string, localId: number): boolean => {
    if (localId < 0 || created.has(`${entity}\u0000${localId}`)) return true;
    if (originOf(entity, localId) === owner) return true;
    return entity === 'counties' && stmt(db, 'SELECT origin FROM counties WHERE id = ?').pluck().get(localId) === owner;
  };
  const whose = (entity: string, localId: number) => {
    const o =
      originOf(entity, localId) ??
      (entity === 'counties' ? (stmt(db, 'SELECT origin FROM counties WHERE id = ?').pluck().get(localId) as string | null) : null);
    return o ? `另一单位（指纹 ${o}）` : '本机';
  };
  const unresolved = (table: string, entity: string, ref: unknown) =>
    refused(`交换包中的“${labelOf(table)}”记录引用了本机不存在的“${labelOf(entity)}”（${String(ref)}），无法导入`);

  /** A reference column's local value. */
  const resolve = (table: string, entity: string, value: unknown): unknown => {
    if (value === null) return null;
    if (entity === 'blobs') {
      if (typeof value !== 'string' || (!docShas.has(value) && !isRecordedBlob(db, value))) {
        throw unresolved(table, entity, value);
      }
      return value;
    }
    if (typeof value !== 'string') throw unresolved(table, entity, value);
    if (skippedRefs.has(`${entity}\u0000${value}`)) throw new SkipRow(null);
    let local = ids.get(`${entity}\u0000${value}`);
    if (local === undefined) {
      const p = parseRef(value);
      if (!p) throw unresolved(table, entity, value);
      if (p.origin === self) {
        if (!exists(entity, p.id)) throw unresolved(table, entity, value);
        local = p.id;
      } else {
        const m = mapped(p.origin, entity, p.id);
        if (m === undefined || !exists(entity, m)) throw unresolved(table, entity, value);
        local = m;
      }
    }
    if (owner !== undefined && !shared.has(entity) && !ownedBy(entity, local)) {
      throw new SkipRow(`指向${whose(entity, local)}的“${labelOf(entity)}”（${value}），交换包不能把记录挂到不属于签名单位的数据上`);
    }
    return local;
  };

  const result: PlanTable[] = [];
  for (const table of ctx.order) {
    const t = doc.tables[table];
    if (!t) continue;
    const ti = info(table);
    const spec = TABLE_SPECS.get(table) as TableSpec;
    const counts: PlanTable = { table, label: spec.label, added: 0, updated: 0, unchanged: 0, skipped: 0 };
    const cols = t.columns;
    const dataCols = cols.filter((c) => !ti.key.includes(c));
    const colList = cols.filter((c) => !(ti.hasId && c === 'id'));
    const isShared = shared.has(table);
    const readOnly = !!spec.insertOnly || !!ctx.keepLocal?.has(table) || isShared;
    for (const raw of t.rows) {
      const rawRow: Record<string, unknown> = {};
      cols.forEach((c, i) => (rawRow[c] = raw[i]));
      const rowKey = ti.hasId ? String(rawRow.id) : ti.key.map((k) => String(rawRow[k])).join(' / ');
      try {
        const v: Record<string, unknown> = {};
        for (const c of cols) {
          const entity = ti.refs.get(c);
          v[c] = entity && !(ti.hasId && c === 'id') ? resolve(table, entity, rawRow[c]) : rawRow[c];
        }
        if (table === 'blobs') docShas.add(String(v.sha256));
        const placeholderIn = (keys: string[]) => keys.some((k) => typeof v[k] === 'number' && (v[k] as number) < 0 && ti.refs.has(k));

        let localId: number | null = null;
        let local: Record<string, unknown> | undefined;
        let mapRef: { origin: string; id: number } | null = null;
        if (ti.hasId) {
          const p = typeof v.id === 'string' ? parseRef(v.id) : null;
          if (!p) throw refused(`交换包中的“${spec.label}”记录编号无效（${String(v.id)}），无法导入`);
          const guarded = owner !== undefined && !isShared;
          if (p.origin === self) {
            if (guarded) {
              const mine = exists(table, p.id)
                ? (stmt(db, `SELECT * FROM ${quoteId(table)} WHERE id = ?`).get(p.id) as Record<string, unknown>)
                : undefined;
              throw new SkipRow(`编号指向本机自己的记录，交换包不能修改本单位的数据`, mine);
            }
            if (!exists(table, p.id)) throw unresolved(table, table, v.id);
            localId = p.id;
          } else {
            if (guarded && p.origin !== owner) throw new SkipRow(`记录来自另一单位（指纹 ${p.origin}），不是签名单位的数据`);
            const m = mapped(p.origin, table, p.id);
            if (m !== undefined && exists(table, m)) localId = m;
            else {
              mapRef = p;
              if (spec.natural && !placeholderIn(spec.natural) && spec.natural.every((k) => v[k] !== null && v[k] !== undefined)) {
                const where = spec.natural.map((k) => `${quoteId(k)} = ?`).join(' AND ');
                const hit = stmt(db, `SELECT id FROM ${quoteId(table)} WHERE ${where}`)
                  .pluck()
                  .get(...spec.natural.map((k) => v[k])) as number | undefined;
                if (hit !== undefined) localId = hit;
              }
            }
          }
          if (localId !== null) local = stmt(db, `SELECT * FROM ${quoteId(table)} WHERE id = ?`).get(localId) as Record<string, unknown>;
          if (guarded && localId !== null && !ownedBy(table, localId)) {
            const by =
              mapRef && spec.natural
                ? `${spec.natural.map(columnLabel).join('、')}与${whose(table, localId)}已有的“${spec.label}”相同`
                : `对应${whose(table, localId)}的记录`;
            throw new SkipRow(`${by}，不属于签名单位，未导入`, local);
          }
        } else if (!placeholderIn(ti.key)) {
          const where = ti.key.map((k) => `${quoteId(k)} = ?`).join(' AND ');
          local = stmt(db, `SELECT * FROM ${quoteId(table)} WHERE ${where}`).get(...ti.key.map((k) => v[k])) as
            | Record<string, unknown>
            | undefined;
        }
        ctx.onRow?.(table, v, localId);

        const compared = ti.hasId ? colList : dataCols;
        if (local) {
          const changed = !readOnly && compared.some((c) => local[c] !== v[c]);
          if (changed) {
            counts.updated++;
            const after: Record<string, unknown> = { ...local };
            for (const c of compared) after[c] = v[c];
            changes.push({ table, label: spec.label, action: 'update', key: rowKey, localId, before: local, after });
            if (write) {
              const set = compared.map((c) => `${quoteId(c)} = ?`).join(', ');
              const where = ti.hasId ? 'id = ?' : ti.key.map((k) => `${quoteId(k)} = ?`).join(' AND ');
              const keyVals = ti.hasId ? [localId] : ti.key.map((k) => v[k]);
              stmt(db, `UPDATE ${quoteId(table)} SET ${set} WHERE ${where}`).run(...compared.map((c) => v[c]), ...keyVals);
            }
            touch(table, ti.hasId ? localId! : Number(v[ti.key[0]!]));
          } else counts.unchanged++;
        } else {
          counts.added++;
          if (write) {
            const names = colList.map(quoteId).join(', ');
            const ins = stmt(db, `INSERT INTO ${quoteId(table)} (${names}) VALUES (${colList.map(() => '?').join(', ')})`).run(
              ...colList.map((c) => v[c]),
            );
            if (ti.hasId) localId = Number(ins.lastInsertRowid);
          } else if (ti.hasId) localId = --placeholder;
          if (ti.hasId) created.add(`${table}\u0000${localId}`);
          const after: Record<string, unknown> = ti.hasId ? { id: localId } : {};
          for (const c of colList) after[c] = v[c];
          changes.push({ table, label: spec.label, action: 'add', key: rowKey, localId, before: null, after });
          touch(table, ti.hasId ? localId! : Number(v[ti.key[0]!]));
        }
        if (ti.hasId) {
          // A local row already linked to another origin's row keeps that link (one per local row).
          const linkedElsewhere =
            local !== undefined && stmt(db, 'SELECT 1 FROM import_map WHERE entity = ? AND local_id = ?').get(table, localId) !== undefined;
          if (mapRef && !linkedElsewhere) {
            if (local) linked++;
            if (write) {
              // A new row may reuse the id of a deleted one: drop that stale link first.
              stmt(db, 'DELETE FROM import_map WHERE entity = ? AND local_id = ?').run(table, localId);
              stmt(db, 'INSERT OR REPLACE INTO import_map (origin, entity, remote_id, local_id) VALUES (?, ?, ?, ?)').run(
                mapRef.origin,
                table,
                mapRef.id,
                localId,
              );
            }
          }
          ids.set(`${table}\u0000${v.id as string}`, localId!);
        }
      } catch (e) {
        if (!(e instanceof SkipRow)) throw e;
        counts.skipped++;
        if (ti.hasId && typeof rawRow.id === 'string') skippedRefs.add(`${table}\u0000${rawRow.id}`);
        if (e.reason)
          conflicts.push({ table, label: spec.label, key: rowKey, reason: e.reason, fields: conflictFields(e.local, rawRow, cols) });
      }
    }
    result.push(counts);
  }
  return { tables: result, linked, touched, changes, conflicts };
}
