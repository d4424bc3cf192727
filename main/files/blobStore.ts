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

const CHUNK = 1024 * 1024;

/**
 * One pass over the source: each chunk is hashed and, when `out` is given, written. A plain
 * read/write loop over one reused buffer: measured here it is ~2× faster than a stream
 * pipeline with a hash transform, which allocates a buffer per chunk.
 */
async function hashCopy(srcPath: string, out?: fs.promises.FileHandle): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash('sha256');
  const src = await fs.promises.open(srcPath, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  let size = 0;
  try {
    for (;;) {
      const { bytesRead } = await src.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
      for (let w = 0; out && w < bytesRead; ) w += (await out.write(buf, w, bytesRead - w)).bytesWritten;
      size += bytesRead;
    }
  } finally {
    await src.close();
  }
  return { sha256: hash.digest('hex'), size };
}

/** SHA-256 of a file without storing it (e.g. to report duplicates while staging). */
export function sha256File(filePath: string): Promise<{ sha256: string; size: number }> {
  return hashCopy(filePath);
}

/** Directory fsync makes a rename durable on POSIX; Windows cannot open folders for it. */
async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await fs.promises.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

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
    return path.join(this.root, ...blobPathParts(sha256));
  }

  has(sha256: string): boolean {
    return SHA256_RE.test(sha256) && fs.existsSync(this.pathOf(sha256));
  }

  createReadStream(sha256: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(sha256), { highWaterMark: CHUNK });
  }

  /** Copies `srcPath` in, hashing on the way; an already stored blob is left untouched. */
  async put(srcPath: string): Promise<{ sha256: string; size: number }> {
    const tmp = path.join(this.tmpDir, `${process.pid}-${crypto.randomBytes(8).toString('hex')}`);
    try {
      const out = await fs.promises.open(tmp, 'wx', 0o600);
      let stored: { sha256: string; size: number };
      try {
        stored = await hashCopy(srcPath, out);
        // Durable before the rename publishes it: a crash never leaves a half-written blob.
        await out.sync();
      } finally {
        await out.close();
      }
      const { sha256 } = stored;
      const dest = this.pathOf(sha256);
      if (fs.existsSync(dest)) {
        await fs.promises.rm(tmp, { force: true });
        return stored;
      }
      const dir = path.dirname(dest);
      const createdDir = await fs.promises.mkdir(dir, { recursive: true });
      await fs.promises.chmod(tmp, 0o444);
      await fs.promises.rename(tmp, dest);
      await fsyncDir(dir);
      if (createdDir) await fsyncDir(this.root);
      return stored;
    } catch (err) {
      await fs.promises.rm(tmp, { force: true }).catch(() => {});
      throw err;
    }
  }
}
