/** Options shared by the attendance commands: --township [--county] and --month. */
import { isMonth } from '../../../shared/attendance';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { UsageError } from '../util';

export const label = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** --township 名称 [--county 县名] → township id; a name shared by two counties needs --county. */
export function findTownship(db: Db, name: string, county?: string): { id: number; name: string } {
  const rows = db
    .prepare(
      `SELECT t.id, t.name, c.name AS county FROM townships t JOIN counties c ON c.id = t.county_id
        WHERE t.name = ? AND (? IS NULL OR c.name = ?)`,
    )
    .all(name.trim(), county ?? null, county ?? null) as Array<{ id: number; name: string; county: string }>;
  if (rows.length === 0) throw new AppError('NOT_FOUND', `找不到乡镇“${name}”${county ? `（${county}）` : ''}`);
  if (rows.length > 1) {
    throw new AppError('INVALID_INPUT', `有${rows.length}个乡镇名为“${name}”（${rows.map((r) => r.county).join('、')}），请用 --county 指定县名`);
  }
  return rows[0]!;
}

export function monthOption(v: string | undefined, command: string): string {
  if (!v) throw new UsageError(`${command} 需要 --month YYYY-MM`);
  if (!isMonth(v)) throw new AppError('INVALID_INPUT', `月份“${v}”格式不对，应为 YYYY-MM，如 2025-03`);
  return v;
}

