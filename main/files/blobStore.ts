/**
 * Content-addressed store of originals: <dataDir>/blobs/ab/cdef… named by SHA-256.
 * A blob is written once (temp file, fsync, rename, fsync of the folder) and never
 * modified, so a crash leaves either the whole file or nothing, and files shared by
 * several materials are stored once.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BLOBS_DIR, SHA256_RE, blobPathParts } from '../../shared/blobLayout';
import { fsyncDir } from './durableFiles';
import { copyOnce, type CopiedOnce, type ReadOnceOptions } from './readOnce';

/** A copy read once into the store's temp folder, hashed, not yet published. */
export interface PendingBlob extends CopiedOnce {
  tmp: string;
}

const CHUNK = 1024 * 1024;

/** `<root>/ab/cdef…`: where the blob store under `root` (or a backup's pool) keeps `sha256`. */
export const blobPath = (root: string, sha256: string): string => path.join(root, ...blobPathParts(sha256));

export class BlobStore {
  readonly root: string;
  private readonly tmpDir: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, BLOBS_DIR);
    this.tmpDir = path.join(this.root, 'tmp');
    fs.mkdirSync(this.tmpDir, { recursive: true });
    this.removeStaleTemps();
  }

  /** Temp files of a crash mid-copy; a day old, no writer is still busy with them. */
  private removeStaleTemps(): void {
    const cutoff = Date.now() - 24 * 60 * 60 * 1000;
    for (const f of fs.readdirSync(this.tmpDir)) {
      const p = path.join(this.tmpDir, f);
      try {
        if (fs.statSync(p).mtimeMs < cutoff) fs.rmSync(p, { force: true });
      } catch {
        /* vanished meanwhile */
      }
    }
  }

  pathOf(sha256: string): string {
    if (!SHA256_RE.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return blobPath(this.root, sha256);
  }

  has(sha256: string): boolean {
    return SHA256_RE.test(sha256) && fs.existsSync(this.pathOf(sha256));
  }

  createReadStream(sha256: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(sha256), { highWaterMark: CHUNK });
  }

  /**
   * Reads `srcPath` once into a private temp file (hashing, size-capped, refused if it changes
   * meanwhile; see readOnce.ts). Nothing is published yet: inspect `tmp`, then commit or discard.
   */
  async stage(srcPath: string, name: string, opts: ReadOnceOptions): Promise<PendingBlob> {
    return this.intoTemp((out) => copyOnce(srcPath, name, out, opts));
  }

  /** Writes bytes made here (files/madeHere.ts) into a private temp file, fsynced and hashed, as stage() does a file. */
  async stageBytes(bytes: Buffer): Promise<PendingBlob> {
    return this.intoTemp(async (out) => {
      await out.writeFile(bytes);
      await out.sync();
      return { sha256: crypto.createHash('sha256').update(bytes).digest('hex'), size: bytes.length, symlinkTarget: null };
    });
  }

  /** A private temp file written by `write` (which fsyncs it); removed again when anything fails. */
  private async intoTemp(write: (out: fs.promises.FileHandle) => Promise<CopiedOnce>): Promise<PendingBlob> {
    const tmp = path.join(this.tmpDir, `${process.pid}-${crypto.randomBytes(8).toString('hex')}`);
    try {
      const out = await fs.promises.open(tmp, 'wx', 0o600);
      try {
        return { tmp, ...(await write(out)) };
      } finally {
        await out.close();
      }
    } catch (err) {
      await fs.promises.rm(tmp, { force: true }).catch(() => {});
      throw err;
    }
  }

  /** Publishes a staged blob under its hash (an already stored one is left untouched). */
  async commit(p: PendingBlob): Promise<{ sha256: string; size: number }> {
    return (await this.commitMany([p]))[0]!;
  }

  /**
   * Publishes staged blobs (each already fsynced by stage()): renamed under their hashes, then
   * each folder that received one is fsynced once, concurrently, and the store's root once when
   * a folder was created. A batch (the demo, several files of one material) pays one fsync per
   * folder instead of one per file. On a failure the blobs not yet published are discarded;
   * published ones are harmless (content-addressed, unreferenced until a row names them).
   */
  async commitMany(pending: readonly PendingBlob[]): Promise<Array<{ sha256: string; size: number }>> {
    const out: Array<{ sha256: string; size: number }> = [];
    const dirs = new Set<string>();
    let createdDir = false;
    try {
      for (const p of pending) {
        const dest = this.pathOf(p.sha256);
        if (fs.existsSync(dest)) {
          await fs.promises.rm(p.tmp, { force: true });
        } else {
          const dir = path.dirname(dest);
          if (await fs.promises.mkdir(dir, { recursive: true })) createdDir = true;
          await fs.promises.chmod(p.tmp, 0o444);
          await fs.promises.rename(p.tmp, dest);
          dirs.add(dir);
        }
        out.push({ sha256: p.sha256, size: p.size });
      }
      await Promise.all([...dirs].map(fsyncDir));
      if (createdDir) await fsyncDir(this.root);
      return out;
    } catch (err) {
      for (const p of pending.slice(out.length)) await this.discard(p);
      throw err;
    }
  }

  async discard(p: PendingBlob): Promise<void> {
    await fs.promises.rm(p.tmp, { force: true }).catch(() => {});
  }

  /** Copies `srcPath` in (read once, no size cap: our own generated files), then publishes it. */
  async put(srcPath: string): Promise<{ sha256: string; size: number }> {
    return this.commit(await this.stage(srcPath, path.basename(srcPath), { maxBytes: Number.MAX_SAFE_INTEGER }));
  }
}
