import type { Db } from '../../store/db';

/**
 * `dossier` holds the archive settings of printed dossiers as JSON (main/dossier/fromDb/settings.ts);
 * `signingKey*` and `departmentName` are this department's bundle identity (main/exchange/bundle/keys.ts).
 * `ocrPaused` is the OCR queue's pause switch (main/core/ocr/queue.ts).
 */
export type SettingKey =
  | 'operator'
  | 'setupDone'
  | 'dossier'
  | 'signingKeyPrivate'
  | 'signingKeyPublic'
  | 'departmentName'
  | 'ocrPaused'
  /** Cap on an original's size in bytes (main/core/bag/intakeLimit.ts). */
  | 'intakeMaxBytes';

export function getSetting(db: Db, key: SettingKey): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(db: Db, key: SettingKey, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
