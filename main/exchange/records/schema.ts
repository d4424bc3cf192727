/**
 * What the records layer needs to know about a table, read from the local schema: its
 * columns, its key, and which columns hold references to an integer id (by the table that
 * owns the id, following composite foreign keys such as weak_milestone_files → weak_milestones
 * → weak_villages → villages) or to an original (blobs.sha256).
 */
import type { Db } from '../../store/db';

export interface TableInfo {
  table: string;
  /** Exported columns, in schema order. */
  columns: string[];
  /** Primary-key columns; ['id'] for tables with an integer id. */
  key: string[];
  hasId: boolean;
  /** column -> table owning the referenced integer id, or 'blobs' for a SHA-256 reference. */
  refs: Map<string, string>;
}

/** Columns kept out of records.json: where an imported county came from is set by the import. */
const LOCAL_COLUMNS: Record<string, string[]> = { counties: ['origin'] };

interface FkRow {
  parent: string;
  from: string;
  to: string | null;
}

export function schemaInfo(db: Db): (table: string) => TableInfo {
  const cache = new Map<string, TableInfo>();
  const fks = (table: string) => db.prepare(`SELECT "table" AS parent, "from", "to" FROM pragma_foreign_key_list(?)`).all(table) as FkRow[];
  const pkOf = (table: string) =>
    (db.prepare('SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as Array<{ name: string }>).map(
      (r) => r.name,
    );

  /** The table owning the id a column ultimately refers to, or null when it is no reference. */
  const entityOf = (table: string, column: string, depth = 0): string | null => {
    if (depth > 10) return null;
    const fk = fks(table).find((f) => f.from === column);
    if (!fk) return null;
    if (fk.parent === 'blobs') return 'blobs';
    const to = fk.to ?? pkOf(fk.parent)[0]!;
    const parentKey = pkOf(fk.parent);
    if (to === 'id' && parentKey.length === 1 && parentKey[0] === 'id') return fk.parent;
    return entityOf(fk.parent, to, depth + 1);
  };

  return (table: string) => {
    const hit = cache.get(table);
    if (hit) return hit;
    const all = (db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(table) as string[]).filter(
      (c) => !(LOCAL_COLUMNS[table] ?? []).includes(c),
    );
    if (all.length === 0) throw new Error(`records: unknown table ${table}`);
    const key = pkOf(table);
    const refs = new Map<string, string>();
    for (const c of all) {
      const e = entityOf(table, c);
      if (e) refs.set(c, e);
    }
    const info: TableInfo = { table, columns: all, key, hasId: key.length === 1 && key[0] === 'id', refs };
    cache.set(table, info);
    return info;
  };
}

export const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`;
