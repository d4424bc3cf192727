/** Channels of 检查与备份. Merged into `channels` in shared/api.ts. */
import { z } from 'zod';

export type IntegritySeverity = 'error' | 'warning';

/** One finding of the integrity check (main/exchange/check.ts), with what to do about it. */
export interface IntegrityFinding {
  severity: IntegritySeverity;
  kind: string;
  message: string;
  advice: string;
  file?: string;
  sha256?: string;
}

export interface IntegrityReport {
  checkedAt: string;
  errors: number;
  warnings: number;
  findings: IntegrityFinding[];
}

export const BACKUP_REASON_KEYS = ['schedule', 'migration', 'import', 'manual'] as const;
export type BackupReasonKey = (typeof BACKUP_REASON_KEYS)[number];
export const BACKUP_REASON_LABELS: Record<BackupReasonKey, string> = {
  schedule: '定时',
  migration: '升级前',
  import: '导入前',
  manual: '手动',
};

/** One complete backup folder. */
export interface BackupEntry {
  dir: string;
  createdAt: string;
  reason: BackupReasonKey;
  schemaVersion: number;
  cadres: number;
  materials: number;
  blobs: number;
  missingBlobs: number;
  /** Database copy plus originals, in bytes (linked originals take no extra space on disk). */
  size: number;
  /** Fingerprint of the department key that signed the manifest; absent when it is unsigned. */
  signerFingerprint?: string;
}

export interface BackupOverview {
  /** <data>/backups */
  dir: string;
  backups: BackupEntry[];
  lastBackupAt: string | null;
  intervalHours: number;
  /** How many backups of each reason are kept. */
  keepPerReason: number;
  /** The reason of a backup running in this process right now. */
  running: BackupReasonKey | null;
  lastError: string | null;
}

export interface BackupNowResult {
  entry: BackupEntry;
  copiedBlobs: number;
  /** Hard-linked instead of copied (a backup folder on the data directory's disk). */
  linkedBlobs: number;
  reusedBlobs: number;
  copiedBytes: number;
  missingBlobs: number;
}

/** What a backup holds, after checking every hash: the restore preview. */
export interface BackupPreview {
  entry: BackupEntry;
  verified: boolean;
  /** Why it does not verify (Chinese), when it does not. */
  problem: string | null;
}

export interface IntegritySettings {
  /** Hours between scheduled backups; 0 = off. */
  backupIntervalHours: number;
}

const folder = z.string({ message: '请填写文件夹路径' }).trim().min(1, '请填写文件夹路径').max(1000, '路径过长');

export const integritySettingsSchema = z.object({
  backupIntervalHours: z
    .number({ message: '请填写备份间隔' })
    .int('备份间隔应为整数小时')
    .min(0, '备份间隔不能为负数')
    .max(24 * 30, '备份间隔不能超过30天（720小时）'),
});

export const integrityChannels = {
  /** Runs the integrity check; progress arrives as ProgressEvents with this jobId. */
  'integrity.check': {
    input: z.object({ jobId: z.string().min(1).max(100) }),
    output: null as unknown as IntegrityReport,
  },
  'integrity.backups': { input: z.object({}).strict(), output: null as unknown as BackupOverview },
  /** A backup now: into <data>/backups, or into `outDir` (another disk, a USB stick). */
  'integrity.backupNow': {
    input: z.object({ outDir: folder.optional() }),
    output: null as unknown as BackupNowResult,
  },
  'integrity.describeBackup': { input: z.object({ dir: folder }), output: null as unknown as BackupPreview },
  'integrity.settings.set': { input: integritySettingsSchema, output: null as unknown as IntegritySettings },
} as const;
