/**
 * Finding records by what a person types (the command line's --county, --township, --cadre)
 * or by the id a screen sent: by name, ID number or id, with one Chinese message when nothing
 * (or more than one) matches.
 */
import { AppError } from '../../shared/result';
import type { Db } from '../store/db';

/** A county by its exact name (trimmed). */
export function countyByName(db: Db, name: string): { id: number; name: string } {
  const row = db.prepare('SELECT id, name FROM counties WHERE name = ?').get(name.trim()) as { id: number; name: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到县（市、区）“${name.trim()}”`);
  return row;
}

/** The counties this department keeps itself (not imported review copies), by id. */
export const ownCountyIds = (db: Db): number[] =>
  db.prepare('SELECT id FROM counties WHERE origin IS NULL ORDER BY id').pluck().all() as number[];

/** Whether the archive holds any county imported from another department (a review copy). */
export const hasImportedCounty = (db: Db): boolean =>
  (db.prepare('SELECT COUNT(*) FROM counties WHERE origin IS NOT NULL').pluck().get() as number) > 0;

/** The only county this department keeps itself (not an imported review copy); else a Chinese message. */
export function onlyOwnCounty(db: Db): number {
  const all = ownCountyIds(db);
  if (all.length !== 1)
    throw new AppError('INVALID_INPUT', all.length === 0 ? '还没有登记县（市、区）' : '本机有多个县（市、区），请用 --county 指定');
  return all[0]!;
}

/** A township by name; a name shared by two counties needs the county's name. */
export function findTownship(db: Db, name: string, county?: string): { id: number; name: string } {
  const rows = db
    .prepare(
      `SELECT t.id, t.name, c.name AS county FROM townships t JOIN counties c ON c.id = t.county_id
        WHERE t.name = ? AND (? IS NULL OR c.name = ?)`,
    )
    .all(name.trim(), county ?? null, county ?? null) as Array<{ id: number; name: string; county: string }>;
  if (rows.length === 0) throw new AppError('NOT_FOUND', `找不到乡镇“${name}”${county ? `（${county}）` : ''}`);
  if (rows.length > 1) {
    throw new AppError(
      'INVALID_INPUT',
      `有${rows.length}个乡镇名为“${name}”（${rows.map((r) => r.county).join('、')}），请用 --county 指定县名`,
    );
  }
  return { id: rows[0]!.id, name: rows[0]!.name };
}

/** A cadre by ID number (any case). */
export function findCadreByIdNumber(db: Db, idNumber: string): { id: number; name: string } {
  const row = db.prepare('SELECT id, name FROM cadres WHERE id_number = ?').get(idNumber.trim().toUpperCase()) as
    | { id: number; name: string }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到身份证号为 ${idNumber} 的干部`);
  return row;
}

/** Every cadre's ID number by cadre id (the command line prints cadres by ID number). */
export function idNumbersById(db: Db): Map<number, string> {
  const rows = db.prepare('SELECT id, id_number AS idNumber FROM cadres').all() as Array<{ id: number; idNumber: string }>;
  return new Map(rows.map((r) => [r.id, r.idNumber]));
}

/** A county by id, for a screen's request (the record may have been removed meanwhile). */
export function countyById(db: Db, id: number): { id: number; name: string } {
  const row = db.prepare('SELECT id, name FROM counties WHERE id = ?').get(id) as { id: number; name: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', '所选县（市、区）不存在，可能已被删除，请刷新后重试');
  return row;
}

/** A township by id, for a screen's request (the record may have been removed meanwhile). */
export function townshipById(db: Db, id: number): { id: number; name: string } {
  const row = db.prepare('SELECT id, name FROM townships WHERE id = ?').get(id) as { id: number; name: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', '所选乡镇不存在，可能已被删除，请刷新后重试');
  return row;
}

/** The township a cadre (database id or ID number) served in during `month` (YYYY-MM), from the postings. */
export function townshipOfCadreInMonth(db: Db, cadre: string, month: string): { id: number; name: string; cadre: string } {
  const c = (
    /^\d{1,9}$/.test(cadre)
      ? db.prepare('SELECT id, name FROM cadres WHERE id = ?').get(Number(cadre))
      : db.prepare('SELECT id, name FROM cadres WHERE id_number = ?').get(cadre.trim().toUpperCase())
  ) as { id: number; name: string } | undefined;
  if (!c) throw new AppError('NOT_FOUND', `找不到干部：${cadre}（请给出干部编号或身份证号）`);
  const rows = db
    .prepare(
      `SELECT DISTINCT t.id, t.name FROM postings p JOIN townships t ON t.id = p.township_id
        WHERE p.cadre_id = ? AND p.start <= ? AND (p."end" IS NULL OR p."end" >= ?)`,
    )
    .all(c.id, `${month}-31`, `${month}-01`) as Array<{ id: number; name: string }>;
  const label = `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
  if (rows.length === 0) throw new AppError('INVALID_INPUT', `${c.name}${label}不在任何乡镇任职，无考勤可认定`);
  if (rows.length > 1)
    throw new AppError('INVALID_INPUT', `${c.name}${label}先后在${rows.map((r) => r.name).join('、')}任职，请用 --township 指定乡镇`);
  return { ...rows[0]!, cadre: c.name };
}
