/**
 * Reads an original exactly once: opened without following it blindly (a symlink's target is
 * reported), typed by fstat (directories, pipes and devices are named as such, and a FIFO never
 * blocks the open), size-capped before the first byte is read, and copied into our own file while
 * hashing. A source that grows, shrinks or is rewritten during the copy is refused, so what was
 * hashed is exactly what was copied and what will be inspected.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../shared/result';
import { overCapRefusal } from './sizeLimits';

const CHUNK = 1024 * 1024;

/**
 * A read buffer for a file of `size` bytes: a chunk, or less for a smaller file (plus the one
 * byte that shows it grew meanwhile). Most originals are far smaller than a chunk; a fresh 1 MB
 * buffer for each, when many are read in a row, is garbage that costs the collector more than
 * the reading.
 */
export const readBufferFor = (size: number): Buffer => Buffer.allocUnsafe(Math.min(CHUNK, size + 1));

export interface CopiedOnce {
  sha256: string;
  size: number;
  /** Where a symbolic link pointed (resolved absolute path), or null for a plain file. */
  symlinkTarget: string | null;
}

export interface ReadOnceOptions {
  /** Largest accepted source in bytes; checked from fstat before anything is read. */
  maxBytes: number;
  /**
   * Called once with the first chunk (up to 1 MB) and the size, before anything else is read or
   * written: a refusal that the content type decides (a PDF over its parse budget) costs no copy.
   */
  early?: (head: Buffer, size: number) => void;
}

const refuse = (name: string, reason: string) => new AppError('FILE_REFUSED', `「${name}」${reason}`);

/** Resolves where `srcPath` points when it is a symbolic link (null otherwise). */
export async function symlinkTargetOf(srcPath: string, name: string): Promise<string | null> {
  let l: fs.Stats;
  try {
    l = await fs.promises.lstat(srcPath);
  } catch (err) {
    throw notFoundOr(err, name);
  }
  if (!l.isSymbolicLink()) return null;
  try {
    return await fs.promises.realpath(srcPath);
  } catch {
    const link = await fs.promises.readlink(srcPath).catch(() => '?');
    throw refuse(name, `是符号链接，指向的「${link}」不存在或无法访问，无法归档`);
  }
}

function notFoundOr(err: unknown, name: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('NOT_FOUND', `找不到文件「${name}」`);
  if (code === 'EACCES' || code === 'EPERM') return refuse(name, '没有读取权限，无法归档。请检查文件权限');
  if (code === 'ELOOP') return refuse(name, '是循环的符号链接，无法归档');
  return err;
}

/** What a non-regular file is, in the words the refusal uses. */
export function describeNonRegular(st: fs.Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return '是目录（文件夹），不是文件';
  if (st.isFIFO()) return '是管道（FIFO），不是普通文件';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '是设备文件，不是普通文件';
  if (st.isSocket()) return '是套接字，不是普通文件';
  return '不是普通文件';
}

/** Opens a regular file for reading; anything else is refused by what it is, never "not found". */
export async function openRegular(
  srcPath: string,
  name: string,
  opts: ReadOnceOptions,
): Promise<{ fh: fs.promises.FileHandle; stat: fs.Stats }> {
  let fh: fs.promises.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise hang here forever.
    fh = await fs.promises.open(srcPath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EISDIR') throw refuse(name, '是目录（文件夹），不是文件，无法归档。请选择其中的文件');
    throw notFoundOr(err, name);
  }
  try {
    const stat = await fh.stat();
    const what = describeNonRegular(stat);
    if (what) throw refuse(name, `${what}，无法归档。请选择普通文件`);
    if (stat.size > opts.maxBytes) {
      throw overCapRefusal(name, stat.size, opts.maxBytes);
    }
    return { fh, stat };
  } catch (err) {
    await fh.close();
    throw err;
  }
}

const changed = (name: string, how: string) =>
  refuse(name, `在读取过程中${how}，无法确定应归档的内容，未归档。请等文件写完或拷贝完成后再添加`);

/** Copies `srcPath` into the already opened `out` (which it fsyncs), hashing on the way. */
export async function copyOnce(srcPath: string, name: string, out: fs.promises.FileHandle, opts: ReadOnceOptions): Promise<CopiedOnce> {
  const symlinkTarget = await symlinkTargetOf(srcPath, name);
  const { fh, stat } = await openRegular(srcPath, name, opts);
  const hash = crypto.createHash('sha256');
  const buf = readBufferFor(stat.size);
  let size = 0;
  try {
    for (;;) {
      // Never more than one byte past the size fstat promised: a growing file is caught without reading it all.
      const want = Math.min(CHUNK, stat.size - size + 1);
      const { bytesRead } = await fh.read(buf, 0, want, size);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > stat.size) throw changed(name, '变大了（被其他程序写入）');
      if (size === bytesRead) opts.early?.(buf.subarray(0, bytesRead), stat.size);
      hash.update(buf.subarray(0, bytesRead));
      for (let w = 0; w < bytesRead; ) w += (await out.write(buf, w, bytesRead - w)).bytesWritten;
    }
    if (size < stat.size) throw changed(name, `被截断了（应有 ${stat.size} 字节，只读到 ${size} 字节）`);
    const after = await fh.stat();
    if (after.size !== stat.size) throw changed(name, '大小发生了变化');
    if (after.mtimeMs !== stat.mtimeMs || after.ctimeMs !== stat.ctimeMs) throw changed(name, '被修改了');
  } finally {
    await fh.close();
  }
  await out.sync();
  return { sha256: hash.digest('hex'), size, symlinkTarget };
}
