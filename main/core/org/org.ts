/** Organisation: counties → townships → villages, and the dispatching units (派出单位). */
import { COUNTY_KINDS, type CountyKind, type OrgTree, type UnitLevel } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { audit } from '../audit/log';
import { snapshot } from '../audit/snapshot';

type IdRow = { id: number } | undefined;

export function orgTree(db: Db): OrgTree {
  const counties = (
    db
      .prepare(
        `SELECT c.id, c.name, c.kind, c.origin, k.name AS originName
         FROM counties c LEFT JOIN trusted_keys k ON k.fingerprint = c.origin ORDER BY c.name`,
      )
      .all() as Array<Omit<OrgTree['counties'][number], 'townships' | 'readOnly'>>
  ).map((c) => ({ ...c, readOnly: c.origin !== null }));
  const townships = db.prepare('SELECT id, county_id AS countyId, name FROM townships ORDER BY name').all() as Array<{
    id: number;
    countyId: number;
    name: string;
  }>;
  const villages = db.prepare('SELECT id, township_id AS townshipId, name FROM villages ORDER BY name').all() as Array<{
    id: number;
    townshipId: number;
    name: string;
  }>;
  const villagesBy = new Map<number, typeof villages>();
  for (const v of villages) {
    const list = villagesBy.get(v.townshipId) ?? [];
    list.push(v);
    villagesBy.set(v.townshipId, list);
  }
  const byCounty = new Map<number, OrgTree['counties'][number]['townships']>();
  for (const t of townships) {
    const list = byCounty.get(t.countyId) ?? [];
    list.push({ ...t, villages: villagesBy.get(t.id) ?? [] });
    byCounty.set(t.countyId, list);
  }
  const units = db.prepare('SELECT id, name, level FROM units ORDER BY level, name').all() as OrgTree['units'];
  return { counties: counties.map((c) => ({ ...c, townships: byCounty.get(c.id) ?? [] })), units };
}

const clean = (s: string) => s.trim().replace(/\s+/g, '');

function requireRow(db: Db, sql: string, id: number, what: string): void {
  if (!db.prepare(sql).get(id)) throw new AppError('NOT_FOUND', `${what}不存在，可能已被删除，请刷新后重试`);
}

/** Where an organisation row is added or found; table and column names are constants of this module, never input. */
interface OrgRows {
  table: 'counties' | 'townships' | 'villages' | 'units';
  entity: 'county' | 'township' | 'village' | 'unit';
}

const COUNTIES: OrgRows = { table: 'counties', entity: 'county' };
const TOWNSHIPS: OrgRows = { table: 'townships', entity: 'township' };
const VILLAGES: OrgRows = { table: 'villages', entity: 'village' };
const UNITS: OrgRows = { table: 'units', entity: 'unit' };

/** Inserts the row and audits it (`create` from the screens, `import` from the roster) with the row as stored. */
function insertOrgRow(
  db: Db,
  rows: OrgRows,
  columns: Record<string, string | number>,
  action: 'create' | 'import',
  detail: Record<string, unknown>,
): number {
  const names = Object.keys(columns);
  const sql = `INSERT INTO ${rows.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
  const id = Number(db.prepare(sql).run(...Object.values(columns)).lastInsertRowid);
  audit(db, action, rows.entity, id, detail, { after: snapshot(db, rows.table, id) });
  return id;
}

export function addCounty(db: Db, input: { name: string; kind: CountyKind }): { id: number } {
  const name = clean(input.name);
  return db.transaction(() => {
    if (db.prepare('SELECT id FROM counties WHERE name = ?').get(name)) {
      throw new AppError('CONFLICT', `县（市、区）“${name}”已存在`);
    }
    return { id: insertOrgRow(db, COUNTIES, { name, kind: input.kind }, 'create', { name, kind: input.kind }) };
  })();
}

export function addTownship(db: Db, input: { countyId: number; name: string }): { id: number } {
  const name = clean(input.name);
  return db.transaction(() => {
    requireRow(db, 'SELECT id FROM counties WHERE id = ?', input.countyId, '所选县（市、区）');
    if (db.prepare('SELECT id FROM townships WHERE county_id = ? AND name = ?').get(input.countyId, name)) {
      throw new AppError('CONFLICT', `乡镇“${name}”已存在`);
    }
    return { id: insertOrgRow(db, TOWNSHIPS, { county_id: input.countyId, name }, 'create', { countyId: input.countyId, name }) };
  })();
}

export function addVillage(db: Db, input: { townshipId: number; name: string }): { id: number } {
  const name = clean(input.name);
  return db.transaction(() => {
    requireRow(db, 'SELECT id FROM townships WHERE id = ?', input.townshipId, '所选乡镇');
    if (db.prepare('SELECT id FROM villages WHERE township_id = ? AND name = ?').get(input.townshipId, name)) {
      throw new AppError('CONFLICT', `村“${name}”已存在`);
    }
    return { id: insertOrgRow(db, VILLAGES, { township_id: input.townshipId, name }, 'create', { townshipId: input.townshipId, name }) };
  })();
}

export function addUnit(db: Db, input: { name: string; level: UnitLevel }): { id: number } {
  const name = clean(input.name);
  return db.transaction(() => {
    if (db.prepare('SELECT id FROM units WHERE name = ?').get(name)) {
      throw new AppError('CONFLICT', `派出单位“${name}”已存在`);
    }
    return { id: insertOrgRow(db, UNITS, { name, level: input.level }, 'create', { name, level: input.level }) };
  })();
}

/** 县/市/区 from the name's last character (青山县, 东城区, 迁安市); 县 when it does not say. */
export function countyKindOf(name: string): CountyKind {
  const last = name.trim().slice(-1);
  return (COUNTY_KINDS as readonly string[]).includes(last) ? (last as CountyKind) : '县';
}

// Get-or-create, for roster import; a creation is audited in the same (nested) transaction.

/**
 * The id of the row whose `key` columns match; without one, inserts the key and `more` columns
 * and audits the creation with `detail`.
 */
function ensureRow(
  db: Db,
  rows: OrgRows,
  key: Record<string, string | number>,
  more: Record<string, string | number>,
  detail: Record<string, unknown>,
): number {
  const where = Object.keys(key)
    .map((k) => `${k} = ?`)
    .join(' AND ');
  const row = db.prepare(`SELECT id FROM ${rows.table} WHERE ${where}`).get(...Object.values(key)) as IdRow;
  if (row) return row.id;
  return db.transaction(() => insertOrgRow(db, rows, { ...key, ...more }, 'import', detail))();
}

export function ensureCounty(db: Db, name: string, kind: CountyKind = countyKindOf(name)): number {
  const n = clean(name);
  return ensureRow(db, COUNTIES, { name: n }, { kind }, { name: n, kind });
}

export function ensureTownship(db: Db, countyId: number, name: string): number {
  const n = clean(name);
  return ensureRow(db, TOWNSHIPS, { county_id: countyId, name: n }, {}, { countyId, name: n });
}

export function ensureVillage(db: Db, townshipId: number, name: string): number {
  const n = clean(name);
  return ensureRow(db, VILLAGES, { township_id: townshipId, name: n }, {}, { townshipId, name: n });
}

export function ensureUnit(db: Db, name: string, level: UnitLevel): number {
  const n = clean(name);
  return ensureRow(db, UNITS, { name: n }, { level }, { name: n, level });
}
