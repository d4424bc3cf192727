/**
 * Archive numbers assigned once and stored (migration 0009): a volume (案卷) gets its 案卷号 the
 * first time it is printed, an item (件) its 件号 the first time it is printed in any volume.
 * Nothing is recomputed from list positions: reprints, roster changes and term volumes find the
 * stored numbers. An original (by SHA-256) keeps one 件号 in every volume that holds it. Numbers
 * are never deleted or reused: an item a reprint no longer holds stays in the volume's list as
 * removed, and the volume's 备考表 explains the gap.
 *
 * The dossier layer builds the list of items and calls assignVolumeNumbers() (through the
 * NumberAssigner it is given) before composing; this module is the only writer of the tables.
 */
import type { Db } from '../../store/db';
import { itemCode, volumeCode, type CodeGroup } from '../../../shared/archiveCode';

export interface VolumeNumberRequest {
  cadreId: number;
  kind: 'year' | 'term';
  /** '2025' for a year volume; the first posting's start date for a term volume. */
  periodKey: string;
  /** 年度 printed in the volume's 档号. */
  codeYear: string;
  /** Archive settings at the time of printing (used only for numbers not yet assigned). */
  fonds: string;
  retention: string;
  org: string;
  /** The volume's items in print order. */
  items: Array<{
    /** 'blob:<sha256>' for an original; any other key names a record typeset into this volume. */
    key: string;
    title: string;
    /** 年度 of the item (document year). */
    year: string;
  }>;
  /** ISO timestamp of this print (injected clock). */
  now: string;
}

export interface AssignedItem extends CodeGroup {
  itemNo: number;
  code: string;
}

export interface NumberGap {
  itemNo: number;
  code: string;
  title: string;
  /** ISO timestamp the item left the volume. */
  removedAt: string;
}

export interface VolumeNumbers {
  volumeCode: string;
  /** One per requested item, in request order. */
  items: AssignedItem[];
  /** Numbers once printed in this volume whose item it no longer holds, by 件号. */
  gaps: NumberGap[];
}

/** Assigns (or finds) the volume's number and its items' numbers, in one transaction. */
export type NumberAssigner = (req: VolumeNumberRequest) => VolumeNumbers | Promise<VolumeNumbers>;

interface ItemRow {
  id: number;
  fonds: string;
  year: string;
  retention: string;
  org: string;
  item_no: number;
  code: string;
}

const isOriginal = (key: string) => key.startsWith('blob:');

/** The assigner a print gets when it runs on the thread that holds the writable connection. */
export const volumeNumberAssigner =
  (db: Db): NumberAssigner =>
  (req) =>
    assignVolumeNumbers(db, req);

export function assignVolumeNumbers(db: Db, req: VolumeNumberRequest): VolumeNumbers {
  return db.transaction(() => {
    const volume = findOrCreateVolume(db, req);
    const sourceKey = (key: string) => (isOriginal(key) ? key : `volume:${volume.id}:${key}`);
    const items: AssignedItem[] = [];
    const held = new Set<number>();
    for (const it of req.items) {
      const row = findOrCreateItem(db, req, sourceKey(it.key), it.title, it.year);
      items.push({ fonds: row.fonds, year: row.year, retention: row.retention, org: row.org, itemNo: row.item_no, code: row.code });
      if (held.has(row.id)) continue;
      held.add(row.id);
      db.prepare(
        `INSERT INTO archive_volume_items (volume_id, item_id, added_at) VALUES (?, ?, ?)
           ON CONFLICT (volume_id, item_id) DO UPDATE SET removed_at = NULL`,
      ).run(volume.id, row.id, req.now);
    }
    const members = db
      .prepare('SELECT item_id AS itemId, removed_at AS removedAt FROM archive_volume_items WHERE volume_id = ?')
      .all(volume.id) as Array<{ itemId: number; removedAt: string | null }>;
    const markRemoved = db.prepare('UPDATE archive_volume_items SET removed_at = ? WHERE volume_id = ? AND item_id = ?');
    for (const m of members) if (!held.has(m.itemId) && m.removedAt === null) markRemoved.run(req.now, volume.id, m.itemId);
    const gaps = db
      .prepare(
        `SELECT i.item_no AS itemNo, i.code, i.title, m.removed_at AS removedAt
           FROM archive_volume_items m JOIN archive_items i ON i.id = m.item_id
          WHERE m.volume_id = ? AND m.removed_at IS NOT NULL
          ORDER BY i.year, i.item_no`,
      )
      .all(volume.id) as NumberGap[];
    return { volumeCode: volume.code, items, gaps };
  })();
}

/** A table of numbered rows: numbers count up within a code group (全宗号, 年度, 保管期限, 机构). */
interface NumberedTable {
  table: 'archive_volumes' | 'archive_items';
  yearColumn: 'code_year' | 'year';
  numberColumn: 'vol_no' | 'item_no';
  code: (group: CodeGroup, n: number) => string;
}

const VOLUMES: NumberedTable = { table: 'archive_volumes', yearColumn: 'code_year', numberColumn: 'vol_no', code: volumeCode };
const ITEMS: NumberedTable = { table: 'archive_items', yearColumn: 'year', numberColumn: 'item_no', code: itemCode };

/**
 * Inserts a row with the next number of its code group (numbers are never reused: the highest
 * ever given + 1) and its code, plus `columns`; returns its id, number and code.
 */
function insertNumbered(
  db: Db,
  t: NumberedTable,
  group: CodeGroup,
  columns: Record<string, string | number>,
): { id: number; number: number; code: string } {
  const { last } = db
    .prepare(
      `SELECT COALESCE(MAX(${t.numberColumn}), 0) AS last FROM ${t.table} WHERE fonds = ? AND ${t.yearColumn} = ? AND retention = ? AND org = ?`,
    )
    .get(group.fonds, group.year, group.retention, group.org) as { last: number };
  const number = last + 1;
  const code = t.code(group, number);
  const row: Record<string, string | number> = {
    fonds: group.fonds,
    [t.yearColumn]: group.year,
    retention: group.retention,
    org: group.org,
    [t.numberColumn]: number,
    code,
    ...columns,
  };
  const names = Object.keys(row);
  const r = db
    .prepare(`INSERT INTO ${t.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
    .run(...Object.values(row));
  return { id: Number(r.lastInsertRowid), number, code };
}

function findOrCreateVolume(db: Db, req: VolumeNumberRequest): { id: number; code: string } {
  const found = db
    .prepare('SELECT id, code FROM archive_volumes WHERE fonds = ? AND cadre_id = ? AND kind = ? AND period_key = ?')
    .get(req.fonds, req.cadreId, req.kind, req.periodKey) as { id: number; code: string } | undefined;
  if (found) return found;
  const group: CodeGroup = { fonds: req.fonds, year: req.codeYear, retention: req.retention, org: req.org };
  const { id, code } = insertNumbered(db, VOLUMES, group, {
    cadre_id: req.cadreId,
    kind: req.kind,
    period_key: req.periodKey,
    assigned_at: req.now,
  });
  return { id, code };
}

function findOrCreateItem(db: Db, req: VolumeNumberRequest, sourceKey: string, title: string, year: string): ItemRow {
  const cols = 'id, fonds, year, retention, org, item_no, code';
  const found = db.prepare(`SELECT ${cols} FROM archive_items WHERE fonds = ? AND source_key = ?`).get(req.fonds, sourceKey) as
    | ItemRow
    | undefined;
  if (found) return found;
  const group: CodeGroup = { fonds: req.fonds, year, retention: req.retention, org: req.org };
  const { id, number, code } = insertNumbered(db, ITEMS, group, { source_key: sourceKey, title, assigned_at: req.now });
  return { id, ...group, item_no: number, code };
}
