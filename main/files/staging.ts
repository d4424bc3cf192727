/**
 * Staging area: files arrive from the renderer in base64 chunks (or are copied from a
 * path for the CLI and drag-and-drop) into <dataDir>/staging/<token>, and are referred
 * to by that random token until filed or discarded. Nothing here is archived yet.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { copyOnce, type ReadOnceOptions } from './readOnce';
import { DEFAULT_MAX_ORIGINAL_BYTES } from './sizeLimits';

const TOKEN_RE = /^[0-9a-f]{32}$/;
const STALE_MS = 24 * 60 * 60 * 1000;

interface Entry {
  name: string;
  size: number;
  received: number;
  done: boolean;
}

export interface StagedPath {
  token: string;
  path: string;
  name: string;
  size: number;
}

const expired = () => new AppError('NOT_FOUND', '上传的文件已失效，请重新添加');

export class Staging {
  readonly dir: string;
  private readonly entries = new Map<string, Entry>();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'staging');
    fs.mkdirSync(this.dir, { recursive: true });
    this.removeStale();
  }

  /** Leftovers of a crash or an abandoned upload; older than a day nobody is waiting for them. */
  private removeStale(): void {
    const now = Date.now();
    for (const f of fs.readdirSync(this.dir)) {
      const p = path.join(this.dir, f);
      try {
        if (now - fs.statSync(p).mtimeMs > STALE_MS) fs.rmSync(p, { force: true, recursive: true });
      } catch {
        /* vanished meanwhile */
      }
    }
  }

  pathOf(token: string): string {
    if (!TOKEN_RE.test(token)) throw expired();
    return path.join(this.dir, token);
  }

  private entry(token: string): Entry {
    const e = TOKEN_RE.test(token) ? this.entries.get(token) : undefined;
    if (!e) throw expired();
    return e;
  }

  begin(name: string, size: number): string {
    const token = crypto.randomBytes(16).toString('hex');
    fs.writeFileSync(this.pathOf(token), Buffer.alloc(0), { flag: 'wx' });
    this.entries.set(token, { name, size, received: 0, done: false });
    return token;
  }

  /** Appends one base64 chunk; more bytes than declared means a broken upload. */
  async chunk(token: string, base64: string): Promise<{ received: number }> {
    const e = this.entry(token);
    if (e.done) throw new AppError('INVALID_INPUT', `「${e.name}」已上传完毕，不能再追加内容`);
    const data = Buffer.from(base64, 'base64');
    if (e.received + data.length > e.size) {
      this.discard(token);
      throw new AppError('FILE_REFUSED', `「${e.name}」上传的内容超过了声明的大小，已取消。请重新添加`);
    }
    await fs.promises.appendFile(this.pathOf(token), data);
    e.received += data.length;
    return { received: e.received };
  }

  end(token: string): StagedPath {
    const e = this.entry(token);
    if (e.received !== e.size) {
      this.discard(token);
      throw new AppError('FILE_REFUSED', `「${e.name}」上传不完整（收到 ${e.received} 字节，应为 ${e.size} 字节），已取消。请重新添加`);
    }
    e.done = true;
    return { token, path: this.pathOf(token), name: e.name, size: e.size };
  }

  /**
   * Path, name and size of a completed upload (e.g. for bag.add, which gets tokens only); the one
   * refusal in Chinese when the token is unknown or its file is gone (a cleaned temp folder).
   */
  get(token: string): StagedPath {
    const e = this.entry(token);
    if (!e.done) throw new AppError('INVALID_INPUT', `「${e.name}」尚未上传完毕`);
    const file = this.pathOf(token);
    if (!fs.existsSync(file)) throw expired();
    return { token, path: file, name: e.name, size: e.size };
  }

  discard(token: string): void {
    if (!TOKEN_RE.test(token)) return;
    this.entries.delete(token);
    fs.rmSync(this.pathOf(token), { force: true });
  }

  /**
   * Copies a file from disk into staging (CLI, Electron drag-and-drop hands main a path), read
   * once and size-capped (readOnce.ts); `symlinkTarget` says where a symbolic link pointed.
   */
  async stageFromPath(
    srcPath: string,
    name = path.basename(srcPath),
    opts: ReadOnceOptions = { maxBytes: DEFAULT_MAX_ORIGINAL_BYTES },
  ): Promise<StagedPath & { symlinkTarget: string | null }> {
    const token = crypto.randomBytes(16).toString('hex');
    const dest = this.pathOf(token);
    let copied;
    try {
      const out = await fs.promises.open(dest, 'wx', 0o600);
      try {
        copied = await copyOnce(srcPath, name, out, opts);
      } finally {
        await out.close();
      }
    } catch (err) {
      await fs.promises.rm(dest, { force: true });
      throw err;
    }
    this.entries.set(token, { name, size: copied.size, received: copied.size, done: true });
    return { token, path: dest, name, size: copied.size, symlinkTarget: copied.symlinkTarget };
  }
}
