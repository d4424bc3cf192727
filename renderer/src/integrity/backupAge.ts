/** "上次备份：N小时前" and when it should worry the clerk (status bar and 检查与备份). */

const HOUR = 3_600_000;
/** With scheduled backups off, a backup older than two days still counts as overdue. */
const FALLBACK_INTERVAL_HOURS = 24;

export function backupAgeText(lastBackupAt: string | null, now = Date.now()): string {
  if (!lastBackupAt) return '从未备份';
  const ms = Math.max(0, now - Date.parse(lastBackupAt));
  if (ms < 60_000) return '刚刚';
  if (ms < HOUR) return `${Math.floor(ms / 60_000)}分钟前`;
  if (ms < 48 * HOUR) return `${Math.floor(ms / HOUR)}小时前`;
  return `${Math.floor(ms / (24 * HOUR))}天前`;
}

/** Overdue: never backed up, or the newest backup is older than twice the interval. */
export function backupOverdue(lastBackupAt: string | null, intervalHours: number, now = Date.now()): boolean {
  if (!lastBackupAt) return true;
  const hours = intervalHours > 0 ? intervalHours : FALLBACK_INTERVAL_HOURS;
  return now - Date.parse(lastBackupAt) > 2 * hours * HOUR;
}
