/**
 * The durable-file toolkit every writer of lasting files uses (backups before a migration and
 * on request, restore, bundles, originals, exports, printed PDFs): a temp file in the target's
 * folder, fsync, rename, fsync of the folder. Synchronous twins serve callers that cannot await
 * (opening the database, printing inside a transaction).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readBufferFor } from './readOnce';

/** A fresh temp name in `dir`, never taken by another process or call. */
const tempIn = (dir: string): string => path.join(dir, `.tmp-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);

/** Directory fsync makes a rename durable on POSIX; Windows cannot open folders for it. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  await fsyncPath(dir, 'r');
}

export function fsyncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  fsyncPathSync(dir, 'r');
}

/** Flushes a file written by someone else (SQLite's VACUUM INTO, a closed write stream). */
export async function fsyncFile(file: string): Promise<void> {
  await fsyncPath(file, 'r+');
}

export function fsyncFileSync(file: string): void {
  fsyncPathSync(file, 'r+');
}

async function fsyncPath(p: string, flags: string): Promise<void> {
  const fh = await fs.promises.open(p, flags);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function fsyncPathSync(p: string, flags: string): void {
  const fd = fs.openSync(p, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** SHA-256 and size of a file, read in chunks without blocking on a thread-pool round trip. */
export function sha256FileSync(file: string): { sha256: string; size: number } {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  let size = 0;
  try {
    const buf = readBufferFor(fs.fstatSync(fd).size);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; size += n) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * One pass over the source: each chunk is hashed and, when `out` is given, written. A plain
 * read/write loop over one reused buffer: measured here it is ~2× faster than a stream
 * pipeline with a hash transform, which allocates a buffer per chunk.
 */
async function hashCopy(srcPath: string, out?: fs.promises.FileHandle): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash('sha256');
  const src = await fs.promises.open(srcPath, 'r');
  let size = 0;
  try {
    const buf = readBufferFor((await src.stat()).size);
    for (;;) {
      const { bytesRead } = await src.read(buf, 0, buf.length, null);
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

/** SHA-256 and size of a file without storing it (e.g. to report duplicates while staging). */
export function sha256File(filePath: string): Promise<{ sha256: string; size: number }> {
  return hashCopy(filePath);
}

/**
 * Copies `src` to `dest` through a temp file in the same folder, hashing on the way. When
 * `expectSha256` is given and the bytes do not match, nothing is published and the actual
 * hash is returned with `ok: false`.
 */
export async function copyDurably(
  src: string,
  dest: string,
  opts: { expectSha256?: string; mode?: number } = {},
): Promise<{ ok: boolean; sha256: string; size: number }> {
  const dir = path.dirname(dest);
  await fs.promises.mkdir(dir, { recursive: true });
  const tmp = tempIn(dir);
  try {
    const out = await fs.promises.open(tmp, 'wx', 0o600);
    let copied: { sha256: string; size: number };
    try {
      copied = await hashCopy(src, out);
      await out.sync();
    } finally {
      await out.close();
    }
    const { sha256, size } = copied;
    if (opts.expectSha256 !== undefined && sha256 !== opts.expectSha256) {
      await fs.promises.rm(tmp, { force: true });
      return { ok: false, sha256, size };
    }
    if (opts.mode !== undefined) await fs.promises.chmod(tmp, opts.mode);
    // A read-only file in the way (an earlier, damaged copy) cannot be renamed over on Windows.
    if (process.platform === 'win32') await fs.promises.rm(dest, { force: true });
    await fs.promises.rename(tmp, dest);
    await fsyncDir(dir);
    return { ok: true, sha256, size };
  } catch (err) {
    await fs.promises.rm(tmp, { force: true }).catch(() => {});
    throw err;
  }
}

/**
 * Publishes `src` at `dest` as a hard link when both are on one filesystem (an immutable,
 * content-addressed original then costs no space twice), else as a durable copy. The result
 * is checked against `expectSha256` either way; on a mismatch nothing is published.
 */
export async function linkOrCopyDurably(
  src: string,
  dest: string,
  expectSha256: string,
): Promise<{ ok: boolean; linked: boolean; size: number }> {
  const dir = path.dirname(dest);
  await fs.promises.mkdir(dir, { recursive: true });
  const tmp = tempIn(dir);
  try {
    await fs.promises.link(src, tmp);
  } catch {
    // another filesystem, FAT/exFAT, or links refused: copy instead
    const r = await copyDurably(src, dest, { expectSha256, mode: 0o444 });
    return { ok: r.ok, linked: false, size: r.size };
  }
  try {
    const got = await sha256File(tmp);
    if (got.sha256 !== expectSha256) {
      await fs.promises.rm(tmp, { force: true });
      return { ok: false, linked: true, size: got.size };
    }
    if (process.platform === 'win32') await fs.promises.rm(dest, { force: true });
    await fs.promises.rename(tmp, dest);
    await fsyncDir(dir);
    return { ok: true, linked: true, size: got.size };
  } catch (err) {
    await fs.promises.rm(tmp, { force: true }).catch(() => {});
    throw err;
  }
}

/**
 * Links (or, where links are impossible, copies) `src` to `dest` through a temp name; true when
 * `dest` now holds `sha256`. Nothing is published on a mismatch or an error.
 */
export function linkOrCopyDurablySync(src: string, dest: string, sha256: string): boolean {
  const dir = path.dirname(dest);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = tempIn(dir);
  try {
    try {
      fs.linkSync(src, tmp);
    } catch {
      fs.copyFileSync(src, tmp);
      fs.chmodSync(tmp, 0o444);
      fsyncFileSync(tmp);
    }
    if (sha256FileSync(tmp).sha256 !== sha256) {
      fs.rmSync(tmp, { force: true });
      return false;
    }
    fs.renameSync(tmp, dest);
    return true;
  } catch {
    fs.rmSync(tmp, { force: true });
    return false;
  }
}

export interface DurableWriteOptions {
  /** File mode of the new file (default 0o644). */
  mode?: number;
}

/** Writes `data` to `dest` durably: temp file in the same folder, fsync, rename, fsync of the folder. */
export async function writeFileDurably(dest: string, data: string | Uint8Array, opts: DurableWriteOptions = {}): Promise<void> {
  const dir = path.dirname(path.resolve(dest));
  const tmp = tempIn(dir);
  try {
    const fh = await fs.promises.open(tmp, 'wx', opts.mode ?? 0o644);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.promises.rename(tmp, dest);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true }).catch(() => {});
    throw err;
  }
  await fsyncDir(dir);
}

/** The synchronous twin of writeFileDurably. */
export function writeFileDurablySync(dest: string, data: string | Uint8Array, opts: DurableWriteOptions = {}): void {
  const dir = path.dirname(path.resolve(dest));
  const tmp = tempIn(dir);
  try {
    const fd = fs.openSync(tmp, 'wx', opts.mode ?? 0o644);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, dest);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDirSync(dir);
}
