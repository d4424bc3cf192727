/** Cadres (选派干部) and their postings: list, detail, create, edit, move, remove. */
import { cadreInputSchema, postingInputSchema, type CadreInput } from '../../../shared/api/cadres';
import type { CadreDetail, CadreListRow, Posting } from '../../../shared/domain';
import { addDays } from '../../../shared/attendance';
import { AppError } from '../../../shared/result';
import type { z } from 'zod';
import { nowIso, type Db } from '../../store/db';
import { stmt } from '../../store/statementCache';
import { audit } from '../audit/log';
import { snapshot } from '../audit/snapshot';
import { nameKeys, normalizeQuery, queryCadres, type CadreFilter } from './cadreIndex';

export type { CadreFilter } from './cadreIndex';

export interface PostingInput {
  townshipId: number;
  villageId: number | null;
  start: string;
  end: string | null;
}

export function listCadres(db: Db, filter: CadreFilter = {}): CadreListRow[] {
  return queryCadres(db, filter);
}

/** Global search: exact name first, then names that start with the query, then the rest. */
export function searchCadres(db: Db, q: string, limit = 20): CadreListRow[] {
  const rows = queryCadres(db, { query: q });
  const nq = normalizeQuery(q);
  const rank = (r: CadreListRow) => (r.name === q.trim() ? 0 : r.name.toLowerCase().startsWith(nq) ? 1 : 2);
  return rows
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.r);
}

const POSTINGS_SQL = `
  SELECT p.id, p.cadre_id AS cadreId, co.id AS countyId, co.name AS countyName, t.id AS townshipId,
         t.name AS townshipName, v.id AS villageId, v.name AS villageName, p.start, p."end" AS "end"
  FROM postings p
  JOIN townships t ON t.id = p.township_id
  JOIN counties co ON co.id = t.county_id
  LEFT JOIN villages v ON v.id = p.village_id
  WHERE p.cadre_id = ?
  ORDER BY p.start, p.id`;

export function getCadre(db: Db, id: number): CadreDetail {
  const c = db
    .prepare(
      `SELECT c.id, c.name, c.gender, c.birth_date AS birthDate, c.id_number AS idNumber, c.party_status AS partyStatus,
              c.phone, c.unit_id AS unitId, u.name AS unitName, u.level AS unitLevel, c.level, c.post_type AS postType,
              c.created_at AS createdAt, c.updated_at AS updatedAt
       FROM cadres c LEFT JOIN units u ON u.id = c.unit_id WHERE c.id = ?`,
    )
    .get(id) as Omit<CadreDetail, 'postings'> | undefined;
  if (!c) throw new AppError('NOT_FOUND', '未找到该干部，可能已被删除，请刷新后重试');
  return { ...c, postings: db.prepare(POSTINGS_SQL).all(id) as Posting[] };
}

function parse<S extends z.ZodType>(schema: S, v: unknown): z.output<S> {
  const r = schema.safeParse(v);
  if (!r.success) throw new AppError('INVALID_INPUT', r.error.issues[0]?.message ?? '输入有误');
  return r.data;
}

function assertIdNumberFree(db: Db, idNumber: string, selfId: number | null): void {
  const other = db.prepare('SELECT id, name FROM cadres WHERE id_number = ?').get(idNumber) as { id: number; name: string } | undefined;
  if (other && other.id !== selfId) {
    throw new AppError('CONFLICT', `身份证号 ${idNumber} 已登记为 ${other.name}，不能重复登记`);
  }
}

function assertUnit(db: Db, unitId: number | null): void {
  if (unitId !== null && !db.prepare('SELECT id FROM units WHERE id = ?').get(unitId)) {
    throw new AppError('NOT_FOUND', '所选派出单位不存在，请刷新后重试');
  }
}

function assertPlace(db: Db, p: PostingInput): void {
  if (!db.prepare('SELECT id FROM townships WHERE id = ?').get(p.townshipId)) {
    throw new AppError('NOT_FOUND', '所选乡镇不存在，请刷新后重试');
  }
  if (p.villageId !== null) {
    const v = db.prepare('SELECT township_id AS t FROM villages WHERE id = ?').get(p.villageId) as { t: number } | undefined;
    if (!v) throw new AppError('NOT_FOUND', '所选村不存在，请刷新后重试');
    if (v.t !== p.townshipId) throw new AppError('INVALID_INPUT', '所选村不属于所选乡镇');
  }
}

const INSERT_CADRE = `INSERT INTO cadres (name, name_pinyin, name_initials, gender, birth_date, id_number,
  party_status, phone, unit_id, level, post_type, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The cadre's columns from name to post_type, in the order INSERT_CADRE and UPDATE_CADRE list them. */
function cadreValues(c: CadreInput): unknown[] {
  const k = nameKeys(c.name);
  return [c.name, k.pinyin, k.initials, c.gender, c.birthDate, c.idNumber, c.partyStatus, c.phone, c.unitId, c.level, c.postType];
}

/** Low-level insert shared with roster import; the caller validates and holds the transaction. */
export function insertCadreRow(db: Db, input: CadreInput, now = nowIso()): number {
  const r = stmt(db, INSERT_CADRE).run(...cadreValues(input), now, now);
  return Number(r.lastInsertRowid);
}

const FIELD_COLUMNS: Array<[keyof CadreInput, string]> = [
  ['name', 'name'],
  ['gender', 'gender'],
  ['birthDate', 'birth_date'],
  ['idNumber', 'id_number'],
  ['partyStatus', 'party_status'],
  ['phone', 'phone'],
  ['unitId', 'unit_id'],
  ['level', 'level'],
  ['postType', 'post_type'],
];

const UPDATE_CADRE = `UPDATE cadres SET name = ?, name_pinyin = ?, name_initials = ?, gender = ?, birth_date = ?,
  id_number = ?, party_status = ?, phone = ?, unit_id = ?, level = ?, post_type = ?, updated_at = ? WHERE id = ?`;

/** Writes only when something differs; returns the names of the changed fields. */
export function updateCadreRow(db: Db, id: number, input: CadreInput, now = nowIso()): string[] {
  const old = stmt(db, `SELECT ${FIELD_COLUMNS.map(([, c]) => c).join(', ')} FROM cadres WHERE id = ?`).get(id) as
    | Record<string, unknown>
    | undefined;
  if (!old) throw new AppError('NOT_FOUND', '未找到该干部，可能已被删除，请刷新后重试');
  const changed = FIELD_COLUMNS.filter(([k, c]) => old[c] !== input[k]).map(([k]) => k);
  if (changed.length === 0) return [];
  stmt(db, UPDATE_CADRE).run(...cadreValues(input), now, id);
  return changed;
}

export interface CurrentPosting {
  id: number;
  townshipId: number;
  villageId: number | null;
  start: string;
  end: string | null;
}

const CURRENT_POSTING = `SELECT id, township_id AS townshipId, village_id AS villageId, start, "end" AS "end"
  FROM postings WHERE cadre_id = ? ORDER BY start DESC, id DESC LIMIT 1`;

/** The current posting is the one that started last. */
export function currentPosting(db: Db, cadreId: number): CurrentPosting | null {
  return (stmt(db, CURRENT_POSTING).get(cadreId) as CurrentPosting | undefined) ?? null;
}

export const dayBefore = (iso: string): string => addDays(iso, -1);

/**
 * Opens a posting; when the cadre already serves somewhere, the current posting is closed the
 * day before the new start (history kept). Refuses a start on or before the current start.
 */
export function insertPostingRow(db: Db, cadreId: number, p: PostingInput): number {
  const cur = currentPosting(db, cadreId);
  if (cur) {
    if (p.start <= cur.start) {
      throw new AppError('INVALID_INPUT', `新任职的开始日期（${p.start}）必须晚于当前任职的开始日期（${cur.start}）`);
    }
    if (cur.end === null || cur.end >= p.start) {
      stmt(db, 'UPDATE postings SET "end" = ? WHERE id = ?').run(dayBefore(p.start), cur.id);
    }
  }
  return Number(
    stmt(db, 'INSERT INTO postings (cadre_id, township_id, village_id, start, "end") VALUES (?, ?, ?, ?, ?)').run(
      cadreId,
      p.townshipId,
      p.villageId,
      p.start,
      p.end,
    ).lastInsertRowid,
  );
}

export function createCadre(db: Db, input: CadreInput, posting: PostingInput | null): CadreDetail {
  const c = parse(cadreInputSchema, input);
  const p = posting === null ? null : parse(postingInputSchema, posting);
  const id = db.transaction(() => {
    assertIdNumberFree(db, c.idNumber, null);
    assertUnit(db, c.unitId);
    if (p) assertPlace(db, p);
    const newId = insertCadreRow(db, c);
    if (p) insertPostingRow(db, newId, p);
    audit(db, 'create', 'cadre', newId, { name: c.name, postType: c.postType, posting: p }, { after: snapshot(db, 'cadres', newId) });
    return newId;
  })();
  return getCadre(db, id);
}

export function updateCadre(db: Db, id: number, input: CadreInput): CadreDetail {
  const c = parse(cadreInputSchema, input);
  db.transaction(() => {
    assertIdNumberFree(db, c.idNumber, id);
    assertUnit(db, c.unitId);
    const before = snapshot(db, 'cadres', id);
    const changed = updateCadreRow(db, id, c);
    if (changed.length) audit(db, 'update', 'cadre', id, { changed }, { before, after: snapshot(db, 'cadres', id) });
  })();
  return getCadre(db, id);
}

/** Deletes the cadre with postings and bag records; originals stay in the blob store. */
export function removeCadre(db: Db, id: number): { removed: true } {
  db.transaction(() => {
    const c = snapshot(db, 'cadres', id) as { name: string } | undefined;
    if (!c) throw new AppError('NOT_FOUND', '未找到该干部，可能已被删除，请刷新后重试');
    // The search table is not linked by a foreign key: clear the cadre's material text first.
    db.prepare('DELETE FROM material_fts WHERE rowid IN (SELECT id FROM materials WHERE cadre_id = ?)').run(id);
    db.prepare('DELETE FROM cadres WHERE id = ?').run(id);
    audit(db, 'delete', 'cadre', id, { name: c.name }, { before: c });
  })();
  return { removed: true };
}

/** Moves a cadre: closes the current posting the day before `posting.start` and opens the new one. */
export function addPosting(db: Db, cadreId: number, posting: PostingInput): CadreDetail {
  const p = parse(postingInputSchema, posting);
  db.transaction(() => {
    if (!db.prepare('SELECT id FROM cadres WHERE id = ?').get(cadreId)) {
      throw new AppError('NOT_FOUND', '未找到该干部，可能已被删除，请刷新后重试');
    }
    assertPlace(db, p);
    const from = currentPosting(db, cadreId);
    const before = from ? { posting: snapshot(db, 'postings', from.id) } : {};
    const postingId = insertPostingRow(db, cadreId, p);
    const after = { ...(from ? { previous: snapshot(db, 'postings', from.id) } : {}), posting: snapshot(db, 'postings', postingId) };
    audit(
      db,
      'move',
      'cadre',
      cadreId,
      { postingId, from: from && { townshipId: from.townshipId, villageId: from.villageId }, to: p },
      { before, after },
    );
  })();
  return getCadre(db, cadreId);
}
