/** Attendance settings per county (公出 counts as on post, monthly minimum, leave approval threshold). */
import {
  DEFAULT_ATTENDANCE_SETTINGS,
  attendanceSettingsPatchSchema,
  attendanceSettingsSchema,
  type AttendanceSettings,
} from '../../../shared/attendance';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { rulesInForce } from '../rules/settings';
import { readStoredPatch } from '../rules/storedPatch';

/**
 * The county's settings, defaults (from the source report) filling whatever is not set. With a
 * year: the versioned rules in force that year (main/core/rules/settings.ts); without, the base row.
 */
export function getCountySettings(db: Db, countyId: number, year?: number): AttendanceSettings {
  if (year !== undefined) return rulesInForce(db, countyId, year).settings;
  const row = db.prepare('SELECT settings FROM county_settings WHERE county_id = ?').get(countyId) as { settings: string } | undefined;
  if (!row) return { ...DEFAULT_ATTENDANCE_SETTINGS };
  return { ...DEFAULT_ATTENDANCE_SETTINGS, ...readStoredPatch(row.settings, attendanceSettingsPatchSchema) };
}

function assertCounty(db: Db, countyId: number): void {
  if (!db.prepare('SELECT id FROM counties WHERE id = ?').get(countyId)) {
    throw new AppError('NOT_FOUND', '所选县（市、区）不存在，可能已被删除，请刷新后重试');
  }
}

/** The settings of a county the clerk picked: NOT_FOUND in Chinese when the county is gone. */
export function countySettings(db: Db, countyId: number): AttendanceSettings {
  assertCounty(db, countyId);
  return getCountySettings(db, countyId);
}

/** Settings of the county a township belongs to. */
export function settingsForTownship(db: Db, townshipId: number, year?: number): AttendanceSettings {
  const t = db.prepare('SELECT county_id AS countyId FROM townships WHERE id = ?').get(townshipId) as { countyId: number } | undefined;
  if (!t) throw new AppError('NOT_FOUND', '所选乡镇不存在，可能已被删除，请刷新后重试');
  return getCountySettings(db, t.countyId, year);
}

/** Validates and stores a (partial) change; returns the county's full settings. */
export function setCountySettings(db: Db, countyId: number, patch: Partial<AttendanceSettings>): AttendanceSettings {
  const parsed = attendanceSettingsPatchSchema.strict().safeParse(patch);
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? '考勤设置有误');
  return db.transaction(() => {
    assertCounty(db, countyId);
    const before = getCountySettings(db, countyId);
    const next = attendanceSettingsSchema.parse({ ...before, ...parsed.data });
    db.prepare(
      `INSERT INTO county_settings (county_id, settings, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(county_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
    ).run(countyId, JSON.stringify(next), nowIso());
    audit(db, 'update', 'attendance_settings', countyId, { countyId }, { before, after: next });
    return next;
  })();
}
