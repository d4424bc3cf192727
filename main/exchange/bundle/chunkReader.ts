/**
 * Sequential reader over a byte range of a file, in large chunks with one read ahead, so
 * that hashing one chunk overlaps reading the next. Every chunk is a fresh buffer: views
 * handed out stay valid (zlib may hold them). `onChunk` sees every byte once, in order —
 * the whole-file SHA-256 and the progress bar come from it.
 */
import type fs from 'node:fs';
import { refusal } from './refusals';

const CHUNK = 2 * 1024 * 1024;

export class ChunkReader {
  /** Absolute position of the next byte handed to the caller. */
  pos: number;
  private buf: Buffer = Buffer.alloc(0);
  private off = 0;
  private fetchPos: number;
  private ahead: Promise<Buffer> | null = null;
  /** Bytes already taken out of the next chunk (a header straddling two chunks). */
  private pending: Buffer | null = null;

  constructor(
    private readonly fh: fs.promises.FileHandle,
    start: number,
    private readonly end: number,
    private readonly onChunk?: (chunk: Buffer) => void | Promise<void>,
  ) {
    this.pos = start;
    this.fetchPos = start;
  }

  private async read(): Promise<Buffer> {
    const len = Math.min(CHUNK, this.end - this.fetchPos);
    if (len <= 0) return Buffer.alloc(0);
    const at = this.fetchPos;
    this.fetchPos += len;
    const b = Buffer.allocUnsafe(len);
    for (let got = 0; got < len; ) {
      const { bytesRead } = await this.fh.read(b, got, len - got, at + got);
      if (bytesRead === 0) throw refusal.truncated();
      got += bytesRead;
    }
    return b;
  }

  /** The next chunk (empty at the end), starting the read of the one after. */
  private async nextChunk(): Promise<Buffer> {
    if (this.pending) {
      const p = this.pending;
      this.pending = null;
      return p;
    }
    const current = await (this.ahead ?? this.read());
    this.ahead = current.length ? this.read() : null;
    // A failed read-ahead is reported when awaited, not as an unhandled rejection.
    this.ahead?.catch(() => {});
    await this.onChunk?.(current);
    return current;
  }

  /** Makes `n` bytes available contiguously in `buf` from `off`; false at the end of the range. */
  private async ensure(n: number): Promise<boolean> {
    while (this.buf.length - this.off < n) {
      const next = await this.nextChunk();
      if (next.length === 0) return false;
      const need = n - (this.buf.length - this.off);
      if (this.buf.length === this.off) {
        this.buf = next;
      } else {
        const piece = next.subarray(0, need);
        this.buf = Buffer.concat([this.buf.subarray(this.off), piece]);
        if (next.length > need) this.pending = next.subarray(need);
      }
      this.off = 0;
    }
    return true;
  }

  /** Exactly `n` bytes, or the truncation refusal. */
  async take(n: number, what?: string): Promise<Buffer> {
    if (!(await this.ensure(n))) throw refusal.truncated(what);
    const out = this.buf.subarray(this.off, this.off + n);
    this.off += n;
    this.pos += n;
    return out;
  }

  /** The next 4 bytes as a little-endian integer without consuming them; null at the end. */
  async peekUInt32(): Promise<number | null> {
    return (await this.ensure(4)) ? this.buf.readUInt32LE(this.off) : null;
  }

  /** `n` bytes as a series of views, without copying. */
  async *stream(n: number, what?: string): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.buf.length === this.off && !(await this.ensure(1))) throw refusal.truncated(what);
      const k = Math.min(left, this.buf.length - this.off);
      const view = this.buf.subarray(this.off, this.off + k);
      this.off += k;
      this.pos += k;
      left -= k;
      yield view;
    }
  }

  /** Consumes the rest of the range (so `onChunk` has seen the whole of it). */
  async drain(): Promise<void> {
    this.pos += this.buf.length - this.off;
    this.buf = Buffer.alloc(0);
    this.off = 0;
    for (;;) {
      const next = await this.nextChunk();
      if (next.length === 0) break;
      this.pos += next.length;
    }
  }

  /** Lets an outstanding read-ahead finish before the file is closed. */
  async settle(): Promise<void> {
    await this.ahead?.catch(() => {});
  }
}
