/** Archive settings of printed dossiers, stored as one JSON setting; unknown or bad values fall back to defaults. */
import { DEFAULT_DOSSIER_SETTINGS, dossierSettingsSchema, type DossierSettings } from '../../../shared/api/dossier';
import { AppError } from '../../../shared/result';
import type { CoreContext } from '../../core/context';
import { getSetting, setSetting } from '../../core/settings';

export type Db = CoreContext['db'];

export function getDossierSettings(db: Db): DossierSettings {
  const raw = getSetting(db, 'dossier');
  if (!raw) return { ...DEFAULT_DOSSIER_SETTINGS };
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return { ...DEFAULT_DOSSIER_SETTINGS };
  }
  // field by field, so one bad value does not lose the others
  const out: Record<string, unknown> = { ...DEFAULT_DOSSIER_SETTINGS };
  const shape = dossierSettingsSchema.shape;
  for (const key of Object.keys(shape) as Array<keyof typeof shape>) {
    const r = shape[key].safeParse((stored as Record<string, unknown>)?.[key]);
    if (r.success) out[key] = r.data;
  }
  return out as DossierSettings;
}

/** Validates and stores the settings; fangsong is refused when no system FangSong exists. */
export function setDossierSettings(db: Db, input: unknown, fangSongAvailable: boolean): DossierSettings {
  const r = dossierSettingsSchema.safeParse(input);
  if (!r.success) throw new AppError('INVALID_INPUT', r.error.issues[0]?.message ?? '档案设置有误');
  if (r.data.bodyFont === 'fangsong' && !fangSongAvailable) {
    throw new AppError('INVALID_INPUT', '本机未找到仿宋字体（如 simfang.ttf、仿宋_GB2312），正文只能使用内置宋体');
  }
  setSetting(db, 'dossier', JSON.stringify(r.data));
  return r.data;
}
