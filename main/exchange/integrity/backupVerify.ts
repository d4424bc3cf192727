/**
 * Verifying a backup before anything is restored from it: the manifest's signature, the
 * database copy and every original against the manifest. Every failure names what is wrong.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { MANIFEST_FILE, MANIFEST_SIGNATURE_FILE, manifestSigner, type BackupManifest } from '../../store/backupManifest';
import { fingerprintOf, verifySignature } from '../bundle/keys';
import { latestVersion } from '../../store/migrations';
import { blobName } from '../../../shared/blobLayout';
import { blobPath } from '../../files/blobStore';
import { sha256File } from '../../files/durableFiles';
import { countRows, hasTable } from './backupRead';

export function refuse(problems: string[]): never {
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
