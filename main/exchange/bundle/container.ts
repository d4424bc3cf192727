/**
 * The .onebag bundle container: a zip holding manifest.json (format, producer, time,
 * scope, signer, SHA-256 and size of every other entry), manifest.sig (Ed25519 over the
 * exact bytes of manifest.json) and the entries the manifest lists. Written in one
 * streaming pass; verified completely before anything is imported.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { fsyncDir } from '../../files/durableFiles';
import { collisionKey, nameProblem } from './entryName';
import type { SigningKey } from './keys';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  MANIFEST_NAME,
  SIGNATURE_NAME,
  type BundleEntryRole,
  type BundleKind,
  type BundleManifest,
} from './manifest';
import { OutputSink } from './outputSink';
import { producer } from './producer';
import { ZipWriter } from './zipWriter';

export { verifyBundle, type VerifiedBundle, type VerifyOptions } from './verify';
export { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type BundleEntryRole, type BundleKind, type BundleManifest } from './manifest';

export interface BundleEntryInput {
  /** Path inside the bundle, forward slashes, no leading slash. */
  path: string;
  role: BundleEntryRole;
  source: { file: string } | { data: Buffer };
  /** Deflate (text, JSON); originals and PDFs are stored as they are. */
  compress?: boolean;
}

export interface WriteBundleInput {
  out: string;
  kind: BundleKind;
  scope: BundleManifest['scope'];
  signer: SigningKey;
  entries: BundleEntryInput[];
  /** Bytes of entry data written so far, of all entries' bytes. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Write ZIP64 records even when nothing needs them (tests of the ZIP64 path). */
  forceZip64?: boolean;
}

/** Refuses entry lists the reader would refuse: unsafe or reserved names, collisions. */
function checkEntries(entries: BundleEntryInput[]): void {
  const seen = new Map<string, string>();
  for (const e of [...entries.map((x) => x.path), MANIFEST_NAME, SIGNATURE_NAME]) {
    const problem = nameProblem(e);
    if (problem) throw new AppError('INVALID_INPUT', `交换包中的文件名“${e}”不可用（${problem}）`);
    const other = seen.get(collisionKey(e));
    if (other !== undefined) throw new AppError('INVALID_INPUT', `交换包中的文件名“${e}”与“${other}”重复`);
    seen.set(collisionKey(e), e);
  }
}

/** Blocking stat: for 30,000 originals a thread-pool round trip each would take seconds. */
function sourceSize(source: BundleEntryInput['source']): number {
  if ('data' in source) return source.data.length;
  try {
    return fs.statSync(source.file).size;
  } catch {
    throw new AppError('NOT_FOUND', `找不到要写入交换包的文件：${source.file}`);
  }
}

/**
 * Writes the bundle in one streaming pass to `<out>.partial` — every entry, then
 * manifest.json, manifest.sig and the central directory — fsyncs and renames it to `out`.
 * On any failure or abort the partial file is removed and `out` is untouched.
 */
export async function writeBundle(input: WriteBundleInput): Promise<{ manifest: BundleManifest; size: number; sha256: string }> {
  checkEntries(input.entries);
  const sizes = input.entries.map((e) => sourceSize(e.source));
  const total = sizes.reduce((a, b) => a + b, 0);
  let done = 0;
  input.onProgress?.(0, total);

  await fs.promises.mkdir(path.dirname(input.out), { recursive: true });
  const partial = `${input.out}.partial`;
  const fh = await fs.promises.open(partial, 'w', 0o644);
  const sink = new OutputSink(fh, total);
  const writer = new ZipWriter(sink, {
    date: new Date(),
    forceZip64: input.forceZip64,
    signal: input.signal,
    onBytes: (n) => {
      // The manifest and signature are not part of the announced total.
      if (done >= total) return;
      done += n;
      input.onProgress?.(done, total);
    },
  });
  try {
    const files: BundleManifest['files'] = [];
    for (let i = 0; i < input.entries.length; i++) {
      const e = input.entries[i]!;
      const w = await writer.add(e.path, e.source, e.compress ?? false, sizes[i]!);
      files.push({ path: e.path, size: w.size, sha256: w.sha256, role: e.role });
    }
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      minReaderVersion: BUNDLE_FORMAT_VERSION,
      producer: producer(),
      createdAt: new Date().toISOString(),
      bundleId: crypto.randomUUID(),
      kind: input.kind,
      scope: input.scope,
      signer: { name: input.signer.name, fingerprint: input.signer.fingerprint, publicKey: input.signer.publicKey },
      files,
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 1), 'utf8');
    const signature = Buffer.from(input.signer.sign(manifestBytes).toString('base64'), 'ascii');
    await writer.add(MANIFEST_NAME, { data: manifestBytes }, false, manifestBytes.length);
    await writer.add(SIGNATURE_NAME, { data: signature }, false, signature.length);
    await writer.finish();
    const { sha256, size } = await sink.finish();
    await fh.close();
    await fs.promises.rename(partial, input.out);
    await fsyncDir(path.dirname(input.out));
    input.onProgress?.(total, total);
    return { manifest, size, sha256 };
  } catch (err) {
    await sink.settle();
    await fh.close().catch(() => {});
    await fs.promises.rm(partial, { force: true }).catch(() => {});
    throw writeError(err, input.signal);
  }
}

function writeError(err: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return new AppError('INVALID_INPUT', '已取消，未生成交换包');
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC') return new AppError('DISK_FULL', '磁盘空间不足，交换包未生成；请换一个有足够空间的位置');
  if (code === 'ENOENT') return new AppError('NOT_FOUND', `写入交换包时找不到文件：${(err as NodeJS.ErrnoException).path ?? ''}`);
  return err;
}
