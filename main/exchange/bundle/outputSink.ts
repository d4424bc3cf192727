/**
 * Sequential, buffered output to one file with at most one write in flight: callers fill
 * the current buffer (directly, via reserve/commit, to spare a copy) while the previous one
 * is being written, so reading sources and writing the bundle overlap. Memory stays at two
 * buffers whatever the bundle's size. Hashes every byte written (the bundle's SHA-256).
 */
import type fs from 'node:fs';
import { wholeHash } from './wholeHash';

const BUFFER = 4 * 1024 * 1024;
/** A reserve() smaller than this flushes first, so reads stay large. */
const MIN_RESERVE = 256 * 1024;

export class OutputSink {
  /** Bytes handed to the sink so far = offset of the next byte in the file. */
  position = 0;
  private buf = Buffer.allocUnsafe(BUFFER);
  private spare = Buffer.allocUnsafe(BUFFER);
  private used = 0;
  private filePos = 0;
  private inFlight: Promise<void> | null = null;
  private readonly hash;

  /** `expectedBytes` decides whether the whole-file hash gets its own thread. */
  constructor(
    private readonly fh: fs.promises.FileHandle,
    expectedBytes: number,
  ) {
    this.hash = wholeHash(expectedBytes);
  }

  /** Free space at the end of the current buffer; fill it and call commit(n). */
  async reserve(): Promise<Buffer> {
    if (BUFFER - this.used < MIN_RESERVE) await this.flush();
    return this.buf.subarray(this.used);
  }

  commit(n: number): void {
    this.used += n;
    this.position += n;
  }

  async write(data: Buffer): Promise<void> {
    let off = 0;
    while (off < data.length) {
      if (this.used === BUFFER) await this.flush();
      const n = data.copy(this.buf, this.used, off);
      off += n;
      this.commit(n);
    }
  }

  /** Hands the current buffer to the file (after the previous write finished) and starts a fresh one. */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    const chunk = this.buf.subarray(0, this.used);
    await this.hash.update(chunk);
    const at = this.filePos;
    this.filePos += chunk.length;
    // Two buffers take turns: the spare one was being written and is free once that write is done.
    const previous = this.inFlight;
    if (previous) await previous;
    [this.buf, this.spare] = [this.spare, this.buf];
    this.used = 0;
    this.inFlight = writeAll(this.fh, chunk, at);
    // Surface write errors (disk full) at the next await rather than as an unhandled rejection.
    this.inFlight.catch(() => {});
  }

  /** Writes everything, fsyncs; returns the SHA-256 and size of the file. */
  async finish(): Promise<{ sha256: string; size: number }> {
    await this.flush();
    if (this.inFlight) await this.inFlight;
    await this.fh.sync();
    const sha256 = await this.hash.digest();
    await this.hash.close();
    return { sha256, size: this.filePos };
  }

  /** Waits for the write in flight without throwing and stops the hash thread, before the file is closed and removed. */
  async settle(): Promise<void> {
    await this.inFlight?.catch(() => {});
    await this.hash.close();
  }
}

async function writeAll(fh: fs.promises.FileHandle, data: Buffer, position: number): Promise<void> {
  for (let w = 0; w < data.length; ) w += (await fh.write(data, w, data.length - w, position + w)).bytesWritten;
}
