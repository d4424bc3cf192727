/**
 * Changing the archive settings of printed dossiers (one JSON setting, read by
 * main/dossier/fromDb/settings.ts): validated, stored and audited in one transaction.
 */
import { dossierSettingsSchema, type DossierSettings } from '../../shared/api/dossier';
import { AppError } from '../../shared/result';
import type { Db } from '../store/db';
import { audit } from './audit/log';
import { getSetting, setSetting } from './runtime/settings';

/** Validates and stores the settings; fangsong is refused when no system FangSong exists. */
export function setDossierSettings(db: Db, input: unknown, fangSongAvailable: boolean): DossierSettings {
  const r = dossierSettingsSchema.safeParse(input);
  if (!r.success) throw new AppError('INVALID_INPUT', r.error.issues[0]?.message ?? '档案设置有误');
  if (r.data.bodyFont === 'fangsong' && !fangSongAvailable) {
    throw new AppError('INVALID_INPUT', '本机未找到仿宋字体（如 simfang.ttf、仿宋_GB2312），正文只能使用内置宋体');
  }
  db.transaction(() => {
    const stored = getSetting(db, 'dossier');
    setSetting(db, 'dossier', JSON.stringify(r.data));
    audit(db, 'update', 'dossier_settings', null, undefined, {
      before: stored === null ? undefined : (JSON.parse(stored) as unknown),
      after: r.data,
    });
  })();
  return r.data;
}
