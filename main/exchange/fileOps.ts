/** Durable file copies for backup and restore: temp file, fsync, rename, fsync of the folder. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { blobPathParts } from '../../shared/blobLayout';
import { sha256File } from '../files/blobStore';

const CHUNK = 1024 * 1024;

/** `<root>/ab/cdef…`: the content-addressed layout of the data directory's blob store. */
export const blobPath = (root: string, sha256: string): string => path.join(root, ...blobPathParts(sha256));

/** Directory fsync makes a rename durable on POSIX; Windows cannot open folders for it. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await fs.promises.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
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
  const tmp = path.join(dir, `.tmp-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
  const hash = crypto.createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  let size = 0;
  try {
    const input = await fs.promises.open(src, 'r');
    try {
      const out = await fs.promises.open(tmp, 'wx', 0o600);
      try {
        for (;;) {
          const { bytesRead } = await input.read(buf, 0, CHUNK, null);
          if (bytesRead === 0) break;
          hash.update(buf.subarray(0, bytesRead));
          for (let w = 0; w < bytesRead; ) w += (await out.write(buf, w, bytesRead - w)).bytesWritten;
          size += bytesRead;
        }
        await out.sync();
      } finally {
        await out.close();
      }
    } finally {
      await input.close();
    }
    const sha256 = hash.digest('hex');
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
  const tmp = path.join(dir, `.tmp-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
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

/** Writes a small text file durably (temp, fsync, rename). */
export async function writeFileDurably(dest: string, text: string): Promise<void> {
  const dir = path.dirname(dest);
  const tmp = path.join(dir, `.tmp-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
  const fh = await fs.promises.open(tmp, 'wx', 0o644);
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.promises.rename(tmp, dest);
  await fsyncDir(dir);
}
