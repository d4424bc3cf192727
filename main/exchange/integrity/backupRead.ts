/**
 * Reading a backup folder without trusting it: which folder a path names (a backup, or the
 * newest one of a backup directory), its manifest's shape, and what it claims to hold.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_REASON_KEYS, type BackupEntry } from '../../../shared/api/integrity';
import { AppError } from '../../../shared/result';
import { DB_FILE } from '../../store/db';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST_FILE, type AuditWitness, type BackupManifest } from '../../store/backupManifest';
import { fingerprintOf } from '../bundle/keys';
import { SHA256_RE } from '../../../shared/blobLayout';

export function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function countRows(db: Database.Database, table: string): number {
  return hasTable(db, table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0;
}

export function infoOf(dir: string, m: BackupManifest): BackupEntry {
  return {
    dir,
    createdAt: m.createdAt,
    reason: m.reason ?? 'manual',
    schemaVersion: m.schemaVersion,
    cadres: m.counts.cadres,
    materials: m.counts.materials,
    blobs: m.counts.blobs,
    missingBlobs: m.missingBlobs.length,
    size: m.totalSize,
    ...(m.signer && typeof m.signer.publicKey === 'string' ? { signerFingerprint: fingerprintOf(m.signer.publicKey) } : {}),
  };
}

/**
 * The backup folder `dir` names: a folder holding manifest.json, or a backup directory
 * (the `--out` of `onebag backup`), in which case its newest complete backup.
 */
export function resolveBackupDir(dir: string): string {
  const abs = path.resolve(dir);
  if (fs.existsSync(path.join(abs, MANIFEST_FILE))) return abs;
  const entries = fs.existsSync(abs) && fs.statSync(abs).isDirectory() ? fs.readdirSync(abs, { withFileTypes: true }) : [];
  const candidates = entries
    .filter((e) => e.isDirectory() && !e.name.endsWith('.partial') && fs.existsSync(path.join(abs, e.name, MANIFEST_FILE)))
    .map((e) => e.name)
    .sort();
  const newest = candidates[candidates.length - 1];
  if (newest === undefined) throw new AppError('NOT_FOUND', `不是 OneBag 备份目录（找不到 ${MANIFEST_FILE}）：${abs}`);
  return path.join(abs, newest);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isWitness = (h: AuditWitness): boolean =>
  typeof h === 'object' && h !== null && isCount(h.id) && h.id > 0 && SHA256_RE.test(String(h.hash)) && isCount(h.count) && h.count > 0;

/** Reads and checks the shape of a backup's manifest.json. */
export function readManifest(backupDir: string): BackupManifest {
  const file = path.join(backupDir, MANIFEST_FILE);
  let m: BackupManifest;
  try {
    m = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  } catch {
    throw new AppError('IMPORT_REFUSED', `备份清单无法读取：${file}`);
  }
  if (m?.format !== BACKUP_FORMAT || m.producer !== 'OneBag' || !isCount(m.formatVersion)) {
    throw new AppError('IMPORT_REFUSED', `不是 OneBag 备份清单：${file}`);
  }
  if (m.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new AppError(
      'UNSUPPORTED',
      `备份格式版本 ${m.formatVersion} 比本软件支持的版本 ${BACKUP_FORMAT_VERSION} 新，请升级 OneBag 后再恢复`,
    );
  }
  const ok =
    typeof m.createdAt === 'string' &&
    isCount(m.schemaVersion) &&
    isCount(m.counts?.cadres) &&
    isCount(m.counts?.materials) &&
    isCount(m.counts?.blobs) &&
    m.database?.file === DB_FILE &&
    SHA256_RE.test(String(m.database?.sha256)) &&
    isCount(m.database?.size) &&
    m.blobPool === '../blobs' &&
    Array.isArray(m.blobs) &&
    m.blobs.every((b) => Array.isArray(b) && SHA256_RE.test(String(b[0])) && isCount(b[1])) &&
    Array.isArray(m.missingBlobs) &&
    m.missingBlobs.every((s) => typeof s === 'string') &&
    isCount(m.totalSize) &&
    (m.auditHead === undefined || isWitness(m.auditHead)) &&
    (m.reason === undefined || (BACKUP_REASON_KEYS as readonly string[]).includes(m.reason)) &&
    (m.signer === undefined || (typeof m.signer === 'object' && m.signer !== null && typeof m.signer.publicKey === 'string'));
  if (!ok) throw new AppError('IMPORT_REFUSED', `备份清单内容不完整或格式有误：${file}`);
  return m;
}

/** What a backup holds, from its manifest (not yet verified: restore does that). */
export function describeBackup(dir: string): BackupEntry {
  const backupDir = resolveBackupDir(dir);
  return infoOf(backupDir, readManifest(backupDir));
}
