/**
 * A zip of files on disk streamed to a Writable (browser mode's batch download) by the same
 * ZipWriter that writes bundles: entries stored (PDFs are compressed already) under UTF-8 names,
 * sizes and CRC in a data descriptor, ZIP64 only where a size or offset needs it. Memory stays
 * bounded: the writer waits for 'drain' before it reads the next chunk of a file.
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { ZipWriter, type ZipSink } from './zipWriter';

export interface ZipEntry {
  /** The name inside the archive (no folders, no leading slash). */
  name: string;
  /** The file on disk. */
  path: string;
}

/** One read's worth: at least the writer's blocking-read size (256 KiB). */
const REGION = 256 * 1024;

/** A ZipSink over a Writable that honours its backpressure and fails once the stream is gone. */
class StreamSink implements ZipSink {
  position = 0;
  private region = Buffer.alloc(0);

  constructor(private readonly out: Writable) {}

  async reserve(): Promise<Buffer> {
    await this.room();
    this.region = Buffer.allocUnsafe(REGION);
    return this.region;
  }

  commit(n: number): void {
    if (n === 0) return;
    // A small file's bytes are copied so that the stream's queue does not pin a whole region.
    const bytes = n < REGION / 2 ? Buffer.from(this.region.subarray(0, n)) : this.region.subarray(0, n);
    this.out.write(bytes);
    this.position += n;
  }

  async write(data: Buffer): Promise<void> {
    await this.room();
    this.out.write(data);
    this.position += data.length;
  }

  /** Resolves once the stream wants more; rejects when it was closed (a cancelled download). */
  private async room(): Promise<void> {
    const out = this.out;
    if (out.destroyed) throw new Error('zip output closed');
    if (!out.writableNeedDrain) return;
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        out.off('drain', ok);
        out.off('close', closed);
        out.off('error', done);
        if (err) reject(err);
        else resolve();
      };
      const ok = () => done();
      const closed = () => done(new Error('zip output closed'));
      out.on('drain', ok);
      out.on('close', closed);
      out.on('error', done);
    });
  }
}

/**
 * Streams a stored zip of `entries` into `out` (left open; the caller ends it), each entry dated
 * by its file's modification time. Rejects if a file cannot be read or the output closes early.
 */
export async function writeZip(entries: ZipEntry[], out: Writable): Promise<{ bytes: number; files: number }> {
  const sink = new StreamSink(out);
  const writer = new ZipWriter(sink, { date: new Date() });
  for (const entry of entries) {
    const st = fs.statSync(entry.path);
    await writer.add(entry.name, { file: entry.path }, false, st.size, st.mtime);
  }
  await writer.finish();
  return { bytes: sink.position, files: entries.length };
}
