/** 自动备份间隔: the setting 'backupIntervalHours' (hours between scheduled backups; 0 = off). */
import { audit } from '../../core/audit/log';
import type { Db } from '../../store/db';

const KEY = 'backupIntervalHours';
export const DEFAULT_BACKUP_INTERVAL_HOURS = 24;

export function getBackupIntervalHours(db: Db): number {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  const n = row === undefined ? NaN : Number(row.value);
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_BACKUP_INTERVAL_HOURS;
}

/** Stores the interval with an audit entry (before/after) in one transaction. */
export function setBackupIntervalHours(db: Db, hours: number): number {
  db.transaction(() => {
    const before = getBackupIntervalHours(db);
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      KEY,
      String(hours),
    );
    audit(db, 'update', 'settings', null, undefined, { before: { backupIntervalHours: before }, after: { backupIntervalHours: hours } });
  })();
  return hours;
}
