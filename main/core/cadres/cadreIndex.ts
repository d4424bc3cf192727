/**
 * In-memory index of the cadre list, so that filtering and pinyin search over ten thousand
 * cadres stays well under 20 ms. One index per connection, rebuilt lazily whenever the
 * database changed since it was built — any write on this connection (total_changes) or a
 * commit by another connection (data_version) — so writers elsewhere never have to remember
 * to invalidate it.
 */
import { pinyin } from 'pinyin-pro';
import { REQUIRED_CATEGORIES, type CadreListRow, type MaterialCategory, type PostType } from '../../../shared/domain';
import { maskIdNumber } from '../../../shared/idNumber';
import type { Db } from '../../store/db';

export interface CadreFilter {
  query?: string;
  countyId?: number;
  townshipId?: number;
  postType?: PostType;
}

interface Entry {
  row: Readonly<CadreListRow>;
  countyId: number | null;
  townshipId: number | null;
  /** name, pinyin (v and u spellings of ü), initials, real ID number: lowercase, \u0001-separated. */
  hay: string;
}

interface Index {
  stamp: string;
  entries: Entry[];
}

const indexes = new WeakMap<Db, Index>();

/** Full toneless pinyin ("zhangsan", ü as v) and initials ("zs"); surnames read as surnames (单 → shan). */
export function nameKeys(name: string): { pinyin: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', mode: 'surname', surname: 'head', v: true });
  const letters = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { pinyin: letters.join(''), initials: letters.map((s) => s[0]).join('') };
}

/** What users type: case, spaces and apostrophes (xi'an) do not matter. */
export function normalizeQuery(q: string | undefined): string {
  return (q ?? '').toLowerCase().replace(/[\s'’·]/g, '');
}

function stampOf(db: Db): string {
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${db.pragma('data_version', { simple: true }) as number}:${changes}`;
}

const LIST_SQL = `
  SELECT c.id, c.name, c.name_pinyin AS pinyin, c.name_initials AS initials, c.gender, c.id_number AS idNumber,
         c.post_type AS postType, c.level, u.name AS unitName,
         co.id AS countyId, co.name AS county, t.id AS townshipId, t.name AS township, v.name AS village,
         (SELECT COUNT(*) FROM materials m WHERE m.cadre_id = c.id) AS materialCount,
         (SELECT GROUP_CONCAT(DISTINCT m.category) FROM materials m WHERE m.cadre_id = c.id) AS filedCategories
  FROM cadres c
  LEFT JOIN units u ON u.id = c.unit_id
  LEFT JOIN postings p ON p.id = (
    SELECT p2.id FROM postings p2 WHERE p2.cadre_id = c.id ORDER BY p2.start DESC, p2.id DESC LIMIT 1)
  LEFT JOIN townships t ON t.id = p.township_id
  LEFT JOIN counties co ON co.id = t.county_id
  LEFT JOIN villages v ON v.id = p.village_id
  ORDER BY c.name_pinyin, c.id`;

type ListRow = Omit<CadreListRow, 'idNumberMasked' | 'bagMissing'> & {
  filedCategories: string | null;
  pinyin: string;
  initials: string;
  idNumber: string;
  countyId: number | null;
  townshipId: number | null;
};

/** Required categories absent from a comma-joined list of the filed ones. */
const missingCategories = (filed: string | null): MaterialCategory[] => {
  const have = new Set((filed ?? '').split(','));
  return REQUIRED_CATEGORIES.filter((c) => !have.has(c));
};

function build(db: Db, stamp: string): Index {
  const rows = db.prepare(LIST_SQL).all() as ListRow[];
  const entries = rows.map((r): Entry => {
    const alt = r.pinyin.includes('v') ? `\u0001${r.pinyin.replaceAll('v', 'u')}` : '';
    return {
      // Frozen: queries hand out the same objects instead of copying ten thousand rows.
      row: Object.freeze({
        id: r.id,
        name: r.name,
        gender: r.gender,
        idNumberMasked: maskIdNumber(r.idNumber),
        postType: r.postType,
        level: r.level,
        unitName: r.unitName,
        county: r.county,
        township: r.township,
        village: r.village,
        materialCount: r.materialCount,
        bagMissing: missingCategories(r.filedCategories),
      }),
      countyId: r.countyId,
      townshipId: r.townshipId,
      hay: `${r.name.toLowerCase()}\u0001${r.pinyin}${alt}\u0001${r.initials}\u0001${r.idNumber.toLowerCase()}`,
    };
  });
  return { stamp, entries };
}

function current(db: Db): Index {
  const stamp = stampOf(db);
  let idx = indexes.get(db);
  if (!idx || idx.stamp !== stamp) {
    idx = build(db, stamp);
    indexes.set(db, idx);
  }
  return idx;
}

/** Drops the index now (e.g. before measuring); it is rebuilt on the next query. */
export function invalidateCadreIndex(db: Db): void {
  indexes.delete(db);
}

/** Rows in name (pinyin) order; the ID number is searchable but only ever returned masked. */
export function queryCadres(db: Db, filter: CadreFilter): CadreListRow[] {
  const q = normalizeQuery(filter.query);
  const out: CadreListRow[] = [];
  for (const e of current(db).entries) {
    if (filter.countyId !== undefined && e.countyId !== filter.countyId) continue;
    if (filter.townshipId !== undefined && e.townshipId !== filter.townshipId) continue;
    if (filter.postType !== undefined && e.row.postType !== filter.postType) continue;
    if (q && !e.hay.includes(q)) continue;
    out.push(e.row);
  }
  return out;
}
