/**
 * The on-disk format of a backup folder (main/exchange/backup.ts writes and reads it). It lives
 * in the store layer because openDatabase takes a backup itself before migrating.
 */
import type Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupReasonKey } from '../../shared/api/integrity';
import { folderStampOf } from '../../shared/dates';

export const BACKUP_FORMAT = 'onebag-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
/** Ed25519 signature (base64) of manifest.json's exact bytes by the department key. */
export const MANIFEST_SIGNATURE_FILE = 'manifest.sig';
/** The folder of automatic backups inside a data directory. */
export const BACKUPS_DIR = 'backups';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  producer: 'OneBag';
  createdAt: string;
  /**
   * Why the backup was taken; a backup made with `onebag backup --out` records 'manual'.
   * Absent in backups made before reasons were recorded (read as 'manual').
   */
  reason?: BackupReasonKey;
  schemaVersion: number;
  counts: { cadres: number; materials: number; blobs: number };
  database: { file: string; sha256: string; size: number };
  /** Folder of the shared blob pool, relative to the backup folder. */
  blobPool: string;
  /** Every original this backup guarantees: [sha256, size]. */
  blobs: Array<[string, number]>;
  /** Originals the database refers to that were missing or damaged when the backup was made. */
  missingBlobs: string[];
  /** Database copy plus originals, in bytes. */
  totalSize: number;
  /**
   * The audit log's last entry in the database copy. Kept outside the live database, so a
   * log rewritten by hand (anchor included) still disagrees with it (`onebag check`).
   * Absent in older backups and when the copy had no hash-chained entries.
   */
  auditHead?: AuditWitness;
  /**
   * The department key that signed manifest.json (manifest.sig): base64 of the raw Ed25519
   * public key, the same key the backup's database holds in settings.signingKeyPublic.
   */
  signer?: { publicKey: string };
}

/** The department's signing key as stored in a database's settings (main/exchange/bundle/keys.ts creates it). */
export interface ManifestSigner {
  publicKey: string;
  /** Base64 Ed25519 signature of `data`. */
  sign(data: Buffer): string;
}

/** The signing key kept in `db`, or null when the database has none yet (or no settings table). */
export function manifestSigner(db: Database.Database): ManifestSigner | null {
  const hasSettings = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get() !== undefined;
  if (!hasSettings) return null;
  const value = (key: string) => db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  const privatePem = value('signingKeyPrivate');
  const publicKey = value('signingKeyPublic');
  if (!privatePem || !publicKey) return null;
  const privateKey = crypto.createPrivateKey(privatePem);
  return { publicKey, sign: (data) => crypto.sign(null, data, privateKey).toString('base64') };
}

/** A new Ed25519 key pair as the settings keep it: PKCS#8 PEM and base64 of the raw public key. */
export function generateSigningKeyPair(): { privatePem: string; publicKey: string } {
  const pair = crypto.generateKeyPairSync('ed25519');
  const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const publicKey = Buffer.from(pair.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  return { privatePem, publicKey };
}

/**
 * The database's signing key, created first when it has none (the backup before a migration
 * of a department that never exported): every backup manifest is signed. The creation is
 * audited by main/exchange/bundle/keys.ts when the key is made there; here the schema may be
 * too old for the audit chain, so the key's first use is the backup it signs.
 */
export function ensureManifestSigner(db: Database.Database): ManifestSigner | null {
  const existing = manifestSigner(db);
  if (existing) return existing;
  const hasSettings = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get() !== undefined;
  if (!hasSettings) return null;
  const pair = generateSigningKeyPair();
  db.transaction(() => {
    const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING');
    put.run('signingKeyPrivate', pair.privatePem);
    put.run('signingKeyPublic', pair.publicKey);
  }).immediate();
  return manifestSigner(db);
}

/**
 * manifest.json's bytes with the signer recorded, and their signature (null when unsigned).
 * Callers write both files durably: the signature first, so a manifest never appears unsigned.
 */
export function signedManifestFiles(
  manifest: BackupManifest,
  signer: ManifestSigner | null,
): { manifest: string; signature: string | null } {
  const text = JSON.stringify(signer ? { ...manifest, signer: { publicKey: signer.publicKey } } : manifest, null, 1) + '\n';
  return { manifest: text, signature: signer ? signer.sign(Buffer.from(text, 'utf8')) + '\n' : null };
}

/** The audit log's head as a backup saw it: last id, its chain hash, and how many entries. */
export interface AuditWitness {
  id: number;
  hash: string;
  count: number;
}

/**
 * The audit head of `db`, or undefined when it has no hash-chained entries (empty log, or a
 * schema before the chain). Lives here, not in main/core/audit, because the store layer's
 * pre-migration backup records it too.
 */
export function readAuditWitness(db: Database.Database): AuditWitness | undefined {
  const cols = db.prepare("SELECT name FROM pragma_table_info('audit_log')").pluck().all() as string[];
  if (!cols.includes('hash')) return undefined;
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string | null }
    | undefined;
  if (!last || typeof last.hash !== 'string') return undefined;
  const count = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  return { id: last.id, hash: last.hash, count };
}

/**
 * A fresh folder name in `outDir` for a backup taken at `now` (local time, sortable). Creates
 * `<name>.partial` exclusively, so two writers never share a folder; returns both paths.
 */
export function reserveBackupFolder(outDir: string, now: Date): { partial: string; finalDir: string } {
  fs.mkdirSync(outDir, { recursive: true });
  for (let i = 1; ; i++) {
    const name = i === 1 ? folderStampOf(now) : `${folderStampOf(now)}-${String(i).padStart(2, '0')}`;
    const finalDir = path.join(outDir, name);
    const partial = `${finalDir}.partial`;
    if (fs.existsSync(finalDir)) continue;
    try {
      fs.mkdirSync(partial);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    return { partial, finalDir };
  }
}
