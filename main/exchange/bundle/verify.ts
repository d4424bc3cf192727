/**
 * Full verification of a bundle before anything is imported: the zip structure (zipReader),
 * manifest format and version, signature and signer, that the manifest lists exactly the
 * entries present with their sizes, then one sequential pass that inflates and hashes every
 * entry (and the whole file). Nothing is written; any doubt is an IMPORT_REFUSED.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { fsyncDir } from '../../files/durableFiles';
import { withCaps, type BundleCaps } from './caps';
import { ChunkReader } from './chunkReader';
import { readEntryData, type DataSink } from './entryData';
import { fingerprintOf, publicKeyObject, verifySignature } from './keys';
import { BUNDLE_FORMAT_VERSION, MANIFEST_NAME, parseManifest, SIGNATURE_NAME, type BundleManifest } from './manifest';
import { refusal } from './refusals';
import { wholeHash } from './wholeHash';
import { openZipIndex, type ZipEntry, type ZipIndex } from './zipReader';

const MAX_SIGNATURE_BYTES = 1024;

export interface VerifiedBundle {
  file: string;
  manifest: BundleManifest;
  /** SHA-256 of the whole bundle file. */
  sha256: string;
  size: number;
  /** Whether the signer's key is in trusted_keys (and not revoked). */
  trusted: boolean;
  /** Reads one (small) entry fully, re-checking its hash. */
  readEntry(path: string): Promise<Buffer>;
  /** Streams one entry into `dest` (temp file, fsync, rename), re-checking its hash. */
  extractEntry(path: string, dest: string): Promise<void>;
}

export interface VerifyOptions {
  /** Public key (base64 raw) of a trusted fingerprint, or null when unknown/revoked. */
  trustedKey: (fingerprint: string) => string | null;
  /** Bytes of the bundle file read so far, of its size. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Tighter limits (tests); defaults in caps.ts. */
  caps?: Partial<BundleCaps>;
}

export async function verifyBundle(file: string, opts: VerifyOptions): Promise<VerifiedBundle> {
  const caps = withCaps(opts.caps);
  const fh = await openBundle(file);
  try {
    const index = await openZipIndex(fh, caps);
    const byName = new Map(index.entries.map((e) => [e.name, e]));
    const manifestEntry = byName.get(MANIFEST_NAME);
    if (!manifestEntry) throw refusal.manifestMissing();
    if (manifestEntry.size > caps.maxManifestBytes) throw refusal.manifestFormat('清单过大');
    const manifestBytes = await readSmall(fh, index, manifestEntry);
    const manifest = parseManifest(manifestBytes, BUNDLE_FORMAT_VERSION);
    const sigEntry = byName.get(SIGNATURE_NAME);
    if (!sigEntry) throw refusal.signatureMissing();
    if (sigEntry.size > MAX_SIGNATURE_BYTES) throw refusal.signatureInvalid(manifest.signer.name);
    const signature = (await readSmall(fh, index, sigEntry)).toString('latin1').trim();
    const trusted = checkSigner(manifest, manifestBytes, signature, opts.trustedKey);
    const listed = crossCheck(manifest, index);
    const sha256 = await hashEverything(fh, index, listed, opts);
    return verified(file, manifest, sha256, index, listed, trusted, caps);
  } catch (err) {
    if (opts.signal?.aborted) throw new AppError('INVALID_INPUT', '已取消校验，未做任何改动');
    throw err;
  } finally {
    await fh.close();
  }
}

async function openBundle(file: string): Promise<fs.promises.FileHandle> {
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(file, 'r');
  } catch {
    throw new AppError('NOT_FOUND', `找不到或无法打开文件：${file}`);
  }
  if (!(await fh.stat()).isFile()) {
    await fh.close();
    throw new AppError('INVALID_INPUT', `“${file}”是文件夹，不是交换包文件`);
  }
  return fh;
}

/** Reads one entry on its own (from its local header), letting the read-ahead finish before returning. */
async function readEntryAt(fh: fs.promises.FileHandle, index: ZipIndex, e: ZipEntry, onData: DataSink): Promise<{ crcOk: boolean }> {
  const reader = new ChunkReader(fh, e.offset, index.cdOffset);
  try {
    return await readEntryData(reader, e, onData);
  } finally {
    await reader.settle();
  }
}

/** An entry read whole into memory (manifest, signature, records), its CRC checked. */
async function readSmall(fh: fs.promises.FileHandle, index: ZipIndex, e: ZipEntry, sha256?: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  const hash = crypto.createHash('sha256');
  const { crcOk } = await readEntryAt(fh, index, e, (c) => {
    parts.push(c);
    hash.update(c);
  });
  if (sha256 !== undefined && hash.digest('hex') !== sha256) throw refusal.hashMismatch(e.name);
  if (!crcOk) throw refusal.crc(e.name);
  return Buffer.concat(parts);
}

/** True when the signer is trusted; throws when the signature is bad or someone else's key wears a trusted fingerprint. */
function checkSigner(m: BundleManifest, manifestBytes: Buffer, signature: string, trustedKey: VerifyOptions['trustedKey']): boolean {
  const { name, fingerprint, publicKey } = m.signer;
  if (!publicKeyObject(publicKey)) throw refusal.signatureInvalid(name);
  if (fingerprintOf(publicKey) !== fingerprint) throw refusal.fingerprintMismatch(fingerprint);
  if (!verifySignature(publicKey, manifestBytes, signature)) throw refusal.signatureInvalid(name);
  const known = trustedKey(fingerprint);
  if (known === null) return false;
  if (known !== publicKey) throw refusal.impersonation(name, fingerprint);
  return true;
}

/** The manifest must list exactly the entries present, with the sizes the zip declares. */
function crossCheck(m: BundleManifest, index: ZipIndex): Map<string, BundleManifest['files'][number]> {
  const listed = new Map(m.files.map((f) => [f.path, f]));
  const present = new Set<string>();
  for (const e of index.entries) {
    if (e.name === MANIFEST_NAME || e.name === SIGNATURE_NAME) continue;
    const f = listed.get(e.name);
    if (!f) throw refusal.notListed(e.name);
    if (f.size !== e.size) throw refusal.sizeMismatch(e.name, f.size, e.size);
    present.add(e.name);
  }
  for (const f of m.files) if (!present.has(f.path)) throw refusal.listedMissing(f.path);
  return listed;
}

/** One sequential pass over the file: every entry inflated and hashed, and the SHA-256 of the whole bundle. */
async function hashEverything(
  fh: fs.promises.FileHandle,
  index: ZipIndex,
  listed: Map<string, BundleManifest['files'][number]>,
  opts: VerifyOptions,
): Promise<string> {
  const whole = wholeHash(index.size);
  let done = 0;
  opts.onProgress?.(0, index.size);
  const reader = new ChunkReader(fh, 0, index.size, (chunk) => {
    opts.signal?.throwIfAborted();
    done += chunk.length;
    opts.onProgress?.(done, index.size);
    return whole.update(chunk);
  });
  try {
    for (const e of index.entries) {
      opts.signal?.throwIfAborted();
      const f = listed.get(e.name);
      const hash = crypto.createHash('sha256');
      const { crcOk } = await readEntryData(reader, e, f ? (c) => void hash.update(c) : () => {});
      if (f && hash.digest('hex') !== f.sha256) throw refusal.hashMismatch(e.name);
      if (!crcOk) throw refusal.crc(e.name);
    }
    if (reader.pos !== index.cdOffset) throw refusal.malformed('文件数据之后有无法识别的内容');
    await reader.drain();
    return await whole.digest();
  } finally {
    await reader.settle();
    await whole.close();
  }
}

function verified(
  file: string,
  manifest: BundleManifest,
  sha256: string,
  index: ZipIndex,
  listed: Map<string, BundleManifest['files'][number]>,
  trusted: boolean,
  caps: BundleCaps,
): VerifiedBundle {
  const byName = new Map(index.entries.map((e) => [e.name, e]));
  const entry = (name: string): ZipEntry => {
    const e = byName.get(name);
    if (!e || (!listed.has(name) && name !== MANIFEST_NAME)) throw refusal.noSuchEntry(name);
    return e;
  };
  // Each read opens the file afresh and re-checks the hash: the file may have changed since verification.
  const withFile = async <T>(fn: (fh: fs.promises.FileHandle) => Promise<T>): Promise<T> => {
    const fh = await openBundle(file);
    try {
      return await fn(fh);
    } finally {
      await fh.close();
    }
  };
  return {
    file,
    manifest,
    sha256,
    size: index.size,
    trusted,
    readEntry: (name) => {
      const e = entry(name);
      if (e.size > caps.maxReadEntryBytes) throw refusal.entryTooBigToRead(name);
      return withFile((fh) => readSmall(fh, index, e, listed.get(name)?.sha256));
    },
    extractEntry: (name, dest) => {
      const e = entry(name);
      return withFile((fh) => extract(fh, index, e, listed.get(name)?.sha256, dest));
    },
  };
}

async function extract(fh: fs.promises.FileHandle, index: ZipIndex, e: ZipEntry, sha256: string | undefined, dest: string): Promise<void> {
  const dir = path.dirname(dest);
  await fs.promises.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.tmp-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
  const out = await fs.promises.open(tmp, 'wx', 0o600);
  let published = false;
  try {
    const hash = crypto.createHash('sha256');
    const write: DataSink = async (c) => {
      hash.update(c);
      for (let w = 0; w < c.length; ) w += (await out.write(c, w, c.length - w)).bytesWritten;
    };
    const { crcOk } = await readEntryAt(fh, index, e, write);
    if (sha256 !== undefined && hash.digest('hex') !== sha256) throw refusal.hashMismatch(e.name);
    if (!crcOk) throw refusal.crc(e.name);
    await out.sync();
    await out.close();
    await fs.promises.chmod(tmp, 0o644);
    await fs.promises.rename(tmp, dest);
    published = true;
    await fsyncDir(dir);
  } finally {
    if (!published) {
      await out.close().catch(() => {});
      await fs.promises.rm(tmp, { force: true }).catch(() => {});
    }
  }
}
