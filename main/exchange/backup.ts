/**
 * Backups of a data directory and restoring them.
 *
 *   <out>/2024-05-01_10-20-30/onebag.sqlite   SQLite online backup (a consistent snapshot)
 *   <out>/2024-05-01_10-20-30/manifest.json   format, producer, time, schema, counts, hashes
 *   <out>/blobs/ab/cdef…                      originals, shared by every backup in <out>
 *
 * Originals are content-addressed and never modified, so a blob already in the pool is not
 * copied again. A backup is assembled in `<stamp>.partial` and renamed when complete, so an
 * interrupted run never looks like a backup. Restore verifies everything before writing
 * anything, and writes the database last: an interrupted restore leaves no onebag.sqlite
 * behind and can simply be run again.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry } from '../../shared/api/integrity';
import { AppError } from '../../shared/result';
import { sha256File } from '../files/blobStore';
import { DB_FILE } from '../store/db';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_REASONS,
  MANIFEST_FILE,
  MANIFEST_SIGNATURE_FILE,
  manifestSigner,
  readAuditWitness,
  reserveBackupFolder,
  signedManifestFiles,
  type AuditWitness,
  type BackupManifest,
  type BackupReason,
  type ManifestSigner,
} from '../store/backupManifest';
import { departmentKey, fingerprintOf, verifySignature } from './bundle/keys';
import { latestVersion } from '../store/migrations';
import { blobName, SHA256_RE } from '../../shared/blobLayout';
import { blobPath, copyDurably, fsyncDir, linkOrCopyDurably, writeFileDurably } from './fileOps';

export {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_FILE,
  type AuditWitness,
  type BackupManifest,
  type BackupReason,
} from '../store/backupManifest';

/** What a backup folder holds, as the CLI, the 检查与备份 page and the restore preview show it. */
export type BackupInfo = BackupEntry;

export interface BackupResult {
  dir: string;
  info: BackupInfo;
  /** Originals written as new copies (their bytes are in `copiedBytes`). */
  copiedBlobs: number;
  /** Originals hard-linked from the data directory: no bytes copied. */
  linkedBlobs: number;
  reusedBlobs: number;
  copiedBytes: number;
  /** sha256 of originals that were missing or damaged in the data directory. */
  missingBlobs: string[];
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function countRows(db: Database.Database, table: string): number {
  return hasTable(db, table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0;
}

async function fsyncFile(file: string): Promise<void> {
  const fh = await fs.promises.open(file, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export function infoOf(dir: string, m: BackupManifest): BackupInfo {
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

export interface BackupOptions {
  now?: Date;
  /** Recorded in the manifest; default 'manual'. */
  reason?: BackupReason;
  /** Hard-link originals into the pool where possible (backups inside the data directory). */
  link?: boolean;
}

/** Backs up `dataDir` into a new dated folder of `outDir`, copying only originals the pool lacks. */
export async function backupTo(dataDir: string, outDir: string, opts: BackupOptions | Date = {}): Promise<BackupResult> {
  const { now = new Date(), reason = 'manual', link = false } = opts instanceof Date ? { now: opts } : opts;
  const dbPath = path.join(dataDir, DB_FILE);
  if (!fs.existsSync(dbPath)) throw new AppError('NOT_FOUND', `数据目录中没有 OneBag 数据库（${dbPath}），无可备份`);
  if (path.resolve(outDir) === path.resolve(dataDir)) {
    throw new AppError('INVALID_INPUT', '备份目录不能是数据目录本身，请另选一个目录（最好在另一块磁盘或U盘上）');
  }
  const { partial, finalDir } = reserveBackupFolder(outDir, now);
  try {
    // 1. A consistent snapshot of the live database (the app may be writing meanwhile).
    const copyPath = path.join(partial, DB_FILE);
    const src = new Database(dbPath, { fileMustExist: true });
    try {
      src.pragma('busy_timeout = 5000');
      // The manifest is signed with the department key: create it now if the department has none yet.
      if (!manifestSigner(src) && hasTable(src, 'settings')) departmentKey(src);
      await src.backup(copyPath);
    } finally {
      src.close();
    }
    // 2. Read what the snapshot holds; a self-contained file (no -wal) for the backup.
    const copy = new Database(copyPath, { fileMustExist: true });
    let schemaVersion: number;
    let counts: BackupManifest['counts'];
    let rows: Array<{ sha256: string; size: number }>;
    let auditHead: AuditWitness | undefined;
    let signer: ManifestSigner | null;
    try {
      copy.pragma('journal_mode = DELETE');
      signer = manifestSigner(copy);
      auditHead = readAuditWitness(copy);
      schemaVersion = copy.pragma('user_version', { simple: true }) as number;
      rows = hasTable(copy, 'blobs') ? (copy.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').all() as typeof rows) : [];
      counts = { cadres: countRows(copy, 'cadres'), materials: countRows(copy, 'materials'), blobs: rows.length };
    } finally {
      copy.close();
    }
    await fsyncFile(copyPath);
    const dbHash = await sha256File(copyPath);

    // 3. Originals into the shared pool, each verified against its name while copied.
    const pool = path.join(outDir, 'blobs');
    const blobs: Array<[string, number]> = [];
    const missing: string[] = [];
    let copiedBlobs = 0;
    let linkedBlobs = 0;
    let reusedBlobs = 0;
    let copiedBytes = 0;
    for (const { sha256, size } of rows) {
      if (!SHA256_RE.test(sha256)) {
        missing.push(sha256);
        continue;
      }
      const dest = blobPath(pool, sha256);
      const st = fs.statSync(dest, { throwIfNoEntry: false });
      if (st?.isFile() && st.size === size) {
        reusedBlobs++;
        blobs.push([sha256, size]);
        continue;
      }
      const from = blobPath(path.join(dataDir, 'blobs'), sha256);
      if (!fs.existsSync(from)) {
        missing.push(sha256);
        continue;
      }
      const r = link ? await linkOrCopyDurably(from, dest, sha256) : await copyDurably(from, dest, { expectSha256: sha256, mode: 0o444 });
      if (!r.ok) {
        missing.push(sha256);
        continue;
      }
      if ('linked' in r && r.linked) linkedBlobs++;
      else {
        copiedBlobs++;
        copiedBytes += r.size;
      }
      blobs.push([sha256, r.size]);
    }

    // 4. The manifest, then publish the folder.
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      producer: 'OneBag',
      createdAt: now.toISOString(),
      reason,
      schemaVersion,
      counts,
      database: { file: DB_FILE, sha256: dbHash.sha256, size: dbHash.size },
      blobPool: '../blobs',
      blobs,
      missingBlobs: missing,
      totalSize: dbHash.size + blobs.reduce((s, [, n]) => s + n, 0),
      ...(auditHead ? { auditHead } : {}),
    };
    const files = signedManifestFiles(manifest, signer);
    if (files.signature !== null) await writeFileDurably(path.join(partial, MANIFEST_SIGNATURE_FILE), files.signature);
    await writeFileDurably(path.join(partial, MANIFEST_FILE), files.manifest);
    await fsyncDir(partial);
    await fs.promises.rename(partial, finalDir);
    await fsyncDir(outDir);
    return {
      dir: finalDir,
      info: infoOf(finalDir, readManifest(finalDir)),
      copiedBlobs,
      linkedBlobs,
      reusedBlobs,
      copiedBytes,
      missingBlobs: missing,
    };
  } catch (err) {
    await fs.promises.rm(partial, { recursive: true, force: true }).catch(() => {});
    throw err;
  }
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
    (m.reason === undefined || (BACKUP_REASONS as readonly string[]).includes(m.reason)) &&
    (m.signer === undefined || (typeof m.signer === 'object' && m.signer !== null && typeof m.signer.publicKey === 'string'));
  if (!ok) throw new AppError('IMPORT_REFUSED', `备份清单内容不完整或格式有误：${file}`);
  return m;
}

/** What a backup holds, from its manifest (not yet verified: restore does that). */
export function describeBackup(dir: string): BackupInfo {
  const backupDir = resolveBackupDir(dir);
  return infoOf(backupDir, readManifest(backupDir));
}

function refuse(problems: string[]): never {
  const shown = problems.slice(0, 5).join('；');
  const more = problems.length > 5 ? `等 ${problems.length} 处` : '';
  throw new AppError('IMPORT_REFUSED', `备份未通过校验，未恢复任何内容：${shown}${more}`);
}

/**
 * Checks manifest.sig: an Ed25519 signature of manifest.json's exact bytes by the key the
 * manifest names; returns that key. An unsigned or altered manifest is refused.
 */
export function verifyManifestSignature(backupDir: string, m: BackupManifest): string {
  const sigFile = path.join(backupDir, MANIFEST_SIGNATURE_FILE);
  if (!m.signer || !fs.existsSync(sigFile)) {
    refuse([`备份清单没有本单位密钥的签名（缺少 ${MANIFEST_SIGNATURE_FILE}），无法确认清单未被改动`]);
  }
  const bytes = fs.readFileSync(path.join(backupDir, MANIFEST_FILE));
  const sig = fs.readFileSync(sigFile, 'utf8').trim();
  if (!verifySignature(m.signer.publicKey, bytes, sig)) {
    refuse([`备份清单的签名不符（指纹 ${fingerprintOf(m.signer.publicKey)}），清单在备份后被改动过`]);
  }
  return m.signer.publicKey;
}

/** What a verified backup holds, counted in its database copy (not taken from the manifest). */
export interface BackupCounts {
  cadres: number;
  materials: number;
  blobs: number;
}

/**
 * Checks the manifest's signature, the database copy and every original against the manifest;
 * throws naming what is wrong. Returns the counts read from the database copy (read-only).
 */
export async function verifyBackup(backupDir: string, m: BackupManifest): Promise<BackupCounts> {
  const signerKey = verifyManifestSignature(backupDir, m);
  const dbCopy = path.join(backupDir, m.database.file);
  if (!fs.existsSync(dbCopy)) refuse([`缺少数据库副本 ${dbCopy}`]);
  const h = await sha256File(dbCopy);
  if (h.sha256 !== m.database.sha256 || h.size !== m.database.size) {
    refuse([`数据库副本 ${m.database.file} 已被改动或损坏（SHA-256 与清单不符）`]);
  }
  const db = new Database(dbCopy, { readonly: true, fileMustExist: true });
  let referenced: string[];
  let schemaVersion: number;
  let counts: BackupCounts;
  let dbKey: string | null;
  try {
    schemaVersion = db.pragma('user_version', { simple: true }) as number;
    referenced = hasTable(db, 'blobs') ? (db.prepare('SELECT sha256 FROM blobs').pluck().all() as string[]) : [];
    counts = { cadres: countRows(db, 'cadres'), materials: countRows(db, 'materials'), blobs: referenced.length };
    dbKey = manifestSigner(db)?.publicKey ?? null;
  } finally {
    db.close();
  }
  if (dbKey !== signerKey) refuse(['备份清单的签名密钥不是备份数据库中记载的本单位密钥']);
  const wrong = (['cadres', 'materials', 'blobs'] as const).filter((k) => counts[k] !== m.counts[k]);
  if (wrong.length > 0) {
    const label = { cadres: '干部', materials: '材料', blobs: '原件' } as const;
    refuse(wrong.map((k) => `清单记载的${label[k]}数 ${m.counts[k]} 与数据库副本中的 ${counts[k]} 不符`));
  }
  if (schemaVersion !== m.schemaVersion) refuse([`清单记载的数据版本 ${m.schemaVersion} 与数据库副本的版本 ${schemaVersion} 不符`]);
  if (schemaVersion > latestVersion) {
    throw new AppError('UNSUPPORTED', `备份由更新版本的 OneBag 创建（数据版本 ${schemaVersion}），请升级本软件后再恢复`);
  }
  const listed = new Set([...m.blobs.map((b) => b[0]), ...m.missingBlobs]);
  const unlisted = referenced.filter((s) => !listed.has(s));
  if (unlisted.length > 0) refuse(unlisted.map((s) => `数据库引用的原件 ${blobName(s)} 不在备份清单中`));

  const pool = path.resolve(backupDir, m.blobPool);
  const problems: string[] = [];
  for (const [sha256, size] of m.blobs) {
    const file = blobPath(pool, sha256);
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (!st?.isFile()) {
      problems.push(`备份中缺少原件 ${blobName(sha256)}`);
      continue;
    }
    const got = st.size === size ? await sha256File(file) : { sha256: '', size: st.size };
    if (got.sha256 !== sha256) problems.push(`备份中的原件 ${blobName(sha256)} 已被改动或损坏（SHA-256 不符）`);
  }
  if (problems.length > 0) refuse(problems);
  return counts;
}

/** The files whose presence means `dataDir` already holds a database. */
const DB_FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-journal`];

export interface RestoreResult {
  info: BackupInfo;
  dryRun: boolean;
  restoredBlobs: number;
}

/**
 * Restores a backup into a data directory that holds no database yet. Verifies the
 * manifest, the database copy and every original first; nothing is written on failure.
 */
export async function restoreFrom(dir: string, dataDir: string, opts: { dryRun?: boolean } = {}): Promise<RestoreResult> {
  const backupDir = resolveBackupDir(dir);
  const m = readManifest(backupDir);
  const existing = DB_FILES.find((f) => fs.existsSync(path.join(dataDir, f)));
  if (existing !== undefined) {
    throw new AppError(
      'CONFLICT',
      `目标数据目录已有数据（${path.join(dataDir, existing)}）。为防止覆盖现有数据，只能恢复到不含 onebag.sqlite 的空数据目录，请用 --data 指定一个新目录`,
    );
  }
  const counts = await verifyBackup(backupDir, m);
  // What the backup holds, as its database says (the manifest only claims it).
  const info = { ...infoOf(backupDir, m), ...counts };
  if (opts.dryRun) return { info, dryRun: true, restoredBlobs: 0 };

  fs.mkdirSync(dataDir, { recursive: true });
  const pool = path.resolve(backupDir, m.blobPool);
  const store = path.join(dataDir, 'blobs');
  let restoredBlobs = 0;
  for (const [sha256] of m.blobs) {
    const r = await copyDurably(blobPath(pool, sha256), blobPath(store, sha256), { expectSha256: sha256, mode: 0o444 });
    if (!r.ok) refuse([`备份中的原件 ${blobName(sha256)} 在恢复过程中发生变化（SHA-256 不符）`]);
    restoredBlobs++;
  }
  // The database last: until it is in place the target still counts as empty.
  const r = await copyDurably(path.join(backupDir, m.database.file), path.join(dataDir, DB_FILE), {
    expectSha256: m.database.sha256,
    mode: 0o600,
  });
  if (!r.ok) refuse([`数据库副本 ${m.database.file} 在恢复过程中发生变化（SHA-256 不符）`]);
  return { info, dryRun: false, restoredBlobs };
}
