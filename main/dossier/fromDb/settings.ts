/**
 * Archive settings of printed dossiers, stored as one JSON setting; unknown or bad values fall
 * back to defaults. Changing them is main/core/dossierSettings.ts (audited).
 */
import { getSetting } from '../../core/dossierReads/readers';
import { DEFAULT_DOSSIER_SETTINGS, dossierSettingsSchema, type DossierSettings } from '../../../shared/api/dossier';
import type { ReadonlyDb } from '../../core/dossierReads/readers';

export function getDossierSettings(db: ReadonlyDb): DossierSettings {
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
