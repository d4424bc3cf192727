/**
 * Import of a .onebag bundle: preview (verify everything, then plan) and commit (verify again,
 * since the file may have changed since the preview; trust the signer when asked; back up;
 * extract the originals the records need into the blob store; apply in one transaction).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreview, ImportResult, ImportRow, ManifestSummary, SignerStatus } from '../../shared/api/exchange';
import { AppError } from '../../shared/result';
import { SHA256_RE } from '../../shared/blobLayout';
import type { BlobStore } from '../files/blobStore';
import type { Db } from '../store/db';
import { autoBackup, backupsDirOf, discardBackup, pruneAutoBackups } from './integrity/autoBackup';
import { verifyBundle, type BundleManifest, type VerifiedBundle } from './bundle/container';
import { departmentKey, listTrustedKeys, trustKey, trustedPublicKey } from './bundle/keys';
import { fsyncDir } from '../files/durableFiles';
import { applyImport, planImport, type ImportPlan, type RecordsDoc } from './records';
import { isRecordedBlob } from '../core/blobs/lookup';

export interface ImportEnv {
  db: Db;
  dataDir: string;
  blobs: BlobStore;
}

export type VerifyProgress = (done: number, total: number) => void;

export function summarize(v: VerifiedBundle): ManifestSummary {
  const m = v.manifest;
  const count = (role: string) => m.files.filter((f) => f.role === role).length;
  return {
    formatVersion: m.formatVersion,
    producer: `${m.producer.app} ${m.producer.version}`,
    createdAt: m.createdAt,
    kind: m.kind,
    county: m.scope.county,
    year: m.scope.year,
    cadres: m.scope.cadres,
    files: m.files.length,
    originals: count('original'),
    dossiers: count('dossier'),
    size: v.size,
    sha256: v.sha256,
  };
}

export function signerStatus(db: Db, m: BundleManifest): SignerStatus {
  const fp = m.signer.fingerprint;
  const row = listTrustedKeys(db).find((k) => k.fingerprint === fp);
  const self = departmentKey(db).fingerprint === fp;
  return {
    name: m.signer.name,
    fingerprint: fp,
    trusted: self || (!!row && row.revokedAt === null),
    revoked: !!row && row.revokedAt !== null,
    self,
  };
}

/** Verifies the bundle completely (structure, signature, every hash, format version). */
export function verifyFile(
  db: Db,
  file: string,
  opts: { onProgress?: VerifyProgress; signal?: AbortSignal } = {},
): Promise<VerifiedBundle> {
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `找不到文件：${file}`);
  const self = departmentKey(db);
  return verifyBundle(file, {
    trustedKey: (fp) => (fp === self.fingerprint ? self.publicKey : trustedPublicKey(db, fp)),
    onProgress: opts.onProgress,
    signal: opts.signal,
  });
}

async function readRecords(v: VerifiedBundle): Promise<RecordsDoc> {
  if (!v.manifest.files.some((f) => f.path === 'records.json'))
    throw new AppError('IMPORT_REFUSED', '交换包中没有记录文件（records.json），无法导入');
  let doc: RecordsDoc;
  try {
    const bytes = await v.readEntry('records.json');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError('IMPORT_REFUSED', '交换包中的记录文件含有无效的 UTF-8 字符编码，已拒绝导入整个交换包');
    }
    doc = JSON.parse(text) as RecordsDoc;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IMPORT_REFUSED', '交换包中的记录文件无法读取（不是有效的 JSON），无法导入');
  }
  const m = v.manifest;
  // The manifest is signed; the records must say the same thing it does.
  if (
    doc.kind !== m.kind ||
    doc.origin !== m.signer.fingerprint ||
    doc.scope?.county !== m.scope.county ||
    doc.scope?.year !== m.scope.year
  ) {
    throw new AppError('IMPORT_REFUSED', '交换包中的记录与清单不一致（来源、类型或范围不符），可能被改动过，已拒绝导入');
  }
  return doc;
}

async function previewVerified(
  db: Db,
  v: VerifiedBundle,
  hasBlob: (sha256: string) => boolean,
): Promise<ImportPreview & { doc: RecordsDoc }> {
  const signer = signerStatus(db, v.manifest);
  if (signer.self) throw new AppError('IMPORT_REFUSED', '这是本单位自己导出的交换包，不需要导入');
  const doc = await readRecords(v);
  const plan = planImport(db, doc, { self: departmentKey(db).fingerprint, hasBlob });
  // The very same bundle again changes nothing, even where local work (an evaluator's scores) has moved on since.
  const seen = db.prepare('SELECT 1 FROM imports WHERE bundle_id = ? AND bundle_sha256 = ?').get(v.manifest.bundleId, v.sha256);
  return { manifest: summarize(v), signer, plan: seen ? settled(plan) : plan, doc };
}

/** The plan of a bundle imported before: every row counts as unchanged. */
function settled(plan: ImportPlan): ImportPlan {
  const tables = plan.tables.map((t) => ({ ...t, added: 0, updated: 0, unchanged: t.added + t.updated + t.unchanged }));
  return { ...plan, tables, added: 0, updated: 0, unchanged: plan.added + plan.updated + plan.unchanged, blobsNeeded: [], changes: [] };
}

/** Verifies and plans; changes nothing. */
export async function previewImport(
  env: ImportEnv,
  file: string,
  opts: { onProgress?: VerifyProgress; signal?: AbortSignal } = {},
): Promise<ImportPreview> {
  const v = await verifyFile(env.db, file, opts);
  const { doc: _doc, ...preview } = await previewVerified(env.db, v, (sha) => env.blobs.has(sha));
  return preview;
}

/** Bundle path of each original the manifest carries, by its SHA-256. */
function originalPaths(m: BundleManifest): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of m.files) if (f.role === 'original' && SHA256_RE.test(f.sha256)) out.set(f.sha256, f.path);
  return out;
}

/**
 * Puts one original from the bundle into the blob store: extracted (hash re-checked) into the
 * store's temp folder, made read-only, then renamed into place — never a half-written blob.
 */
async function extractOriginal(env: ImportEnv, v: VerifiedBundle, entry: string, sha256: string): Promise<void> {
  const dest = env.blobs.pathOf(sha256);
  if (fs.existsSync(dest)) return;
  const tmp = path.join(env.blobs.root, 'tmp', `import-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
  try {
    await v.extractEntry(entry, tmp);
    await fs.promises.chmod(tmp, 0o444);
    const dir = path.dirname(dest);
    const created = await fs.promises.mkdir(dir, { recursive: true });
    await fs.promises.rename(tmp, dest);
    await fsyncDir(dir);
    if (created) await fsyncDir(env.blobs.root);
  } finally {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
  }
}

export interface CommitOptions {
  /** Trust the signer's key first (the user compared the fingerprint by phone). */
  trustSigner?: boolean;
  onProgress?: (p: { stage: '校验' | '备份' | '写入原件' | '导入记录'; done: number; total: number }) => void;
  signal?: AbortSignal;
  /**
   * Skip the automatic backup before writing. Only for an archive that holds nothing of the
   * user's yet (the demo's own second county, loaded inside the demo's undo); every import a
   * user starts keeps it.
   */
  withoutBackup?: boolean;
}

/**
 * Verifies and validates the whole bundle and plans it before anything is written; then backs
 * up, extracts the originals and applies the rows in one transaction that also trusts the
 * signer. A refusal at any step rolls the transaction back and removes the backup and the
 * originals this import extracted, so it leaves no trusted key, backup or row behind.
 */
export async function commitImport(env: ImportEnv, file: string, opts: CommitOptions = {}): Promise<ImportResult> {
  const { db } = env;
  const progress = opts.onProgress ?? (() => undefined);
  const v = await verifyFile(db, file, { signal: opts.signal, onProgress: (done, total) => progress({ stage: '校验', done, total }) });
  const { plan, signer, doc } = await previewVerified(db, v, (sha) => env.blobs.has(sha));
  const trustNow = !signer.trusted;
  if (trustNow && !opts.trustSigner) {
    throw new AppError(
      'IMPORT_REFUSED',
      signer.revoked
        ? `“${signer.name}”（指纹 ${signer.fingerprint}）的密钥已被撤销信任，未导入。如确认对方换用了该密钥，请电话核对指纹后重新信任`
        : `尚未信任“${signer.name}”（指纹 ${signer.fingerprint}），未导入。请通过电话与发送单位核对指纹，确认无误后选择信任再导入`,
    );
  }
  const trust = () => {
    if (!trustNow) return;
    trustKey(db, { fingerprint: signer.fingerprint, publicKey: v.manifest.signer.publicKey, name: signer.name });
  };
  const trusted = { ...signer, trusted: true, revoked: false };
  if (plan.added === 0 && plan.updated === 0 && plan.blobsNeeded.length === 0) {
    trust();
    return { unchanged: true, importId: null, plan, signer: trusted, backupDir: null, originalsAdded: 0 };
  }
  if (opts.signal?.aborted) throw new AppError('INVALID_INPUT', '导入已取消，未做任何改动');

  progress({ stage: '备份', done: 0, total: 1 });
  const hadBackups = fs.existsSync(backupsDirOf(env.dataDir));
  // Retention runs only once the import stands: a refused import must not cost an older backup.
  const backup = opts.withoutBackup ? null : await autoBackup(env.dataDir, 'import', { prune: false });
  progress({ stage: '备份', done: 1, total: 1 });

  const extracted: string[] = [];
  try {
    const paths = originalPaths(v.manifest);
    for (const [i, sha] of plan.blobsNeeded.entries()) {
      const entry = paths.get(sha);
      if (!entry) throw new AppError('IMPORT_REFUSED', `交换包缺少记录所需的原件 ${sha.slice(0, 12)}…，已拒绝导入`);
      if (!env.blobs.has(sha)) {
        await extractOriginal(env, v, entry, sha);
        extracted.push(sha);
      }
      progress({ stage: '写入原件', done: i + 1, total: plan.blobsNeeded.length });
    }

    progress({ stage: '导入记录', done: 0, total: 1 });
    const applied = applyImport(db, doc, {
      self: departmentKey(db).fingerprint,
      bundleId: v.manifest.bundleId,
      bundleSha256: v.sha256,
      signerName: signer.name,
      hasBlob: (sha: string) => env.blobs.has(sha),
      beforeWrite: trust,
    });
    progress({ stage: '导入记录', done: 1, total: 1 });
    await pruneAutoBackups(env.dataDir);
    const { importId, ...appliedPlan } = applied;
    return {
      unchanged: false,
      importId,
      plan: appliedPlan,
      signer: trusted,
      backupDir: backup?.dir ?? null,
      originalsAdded: extracted.length,
    };
  } catch (err) {
    await undoExtracted(env, extracted);
    if (backup) await discardBackup(env.dataDir, backup.dir);
    if (!hadBackups) await fs.promises.rm(backupsDirOf(env.dataDir), { recursive: true, force: true });
    throw err;
  }
}

/** Removes the originals a refused import put into the store (no row refers to them). */
async function undoExtracted(env: ImportEnv, shas: string[]): Promise<void> {
  for (const sha of shas) {
    const referenced = isRecordedBlob(env.db, sha);
    if (referenced) continue;
    const file = env.blobs.pathOf(sha);
    await fs.promises.rm(file, { force: true });
    await fs.promises.rmdir(path.dirname(file)).catch(() => undefined); // only when now empty
  }
}

export function listImports(db: Db): ImportRow[] {
  return db
    .prepare(
      `SELECT id, kind, county, year, signer_name AS signerName, origin, added, updated, unchanged, operator, at
       FROM imports ORDER BY id DESC`,
    )
    .all() as ImportRow[];
}
