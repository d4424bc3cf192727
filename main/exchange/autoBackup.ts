/** Automatic backups into <data>/backups: on a schedule, before migrations and before imports. */
import type { BackupResult } from './backup';

export type AutoBackupReason = 'schedule' | 'migration' | 'import' | 'manual';

export async function autoBackup(_dataDir: string, _reason: AutoBackupReason): Promise<BackupResult> {
  throw new Error('autoBackup: not implemented yet');
}
