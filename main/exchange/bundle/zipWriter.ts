/**
 * Streaming zip writer: each entry is a local header with a data descriptor (sizes and CRC
 * follow the data, so nothing is buffered or seeked back), then the central directory.
 * STORE copies bytes straight from the source into the output buffer; DEFLATE goes through
 * a zlib stream with backpressure. CRC-32 and SHA-256 are computed on the way.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { AppError } from '../../../shared/result';
import { crc32 } from '../../files/crc32';
import {
  centralHeader,
  dataDescriptor,
  dosDateTime,
  endRecords,
  FLAG_DESCRIPTOR,
  FLAG_UTF8,
  localHeader,
  MADE_BY_UNIX,
  MAX32,
  METHOD_DEFLATE,
  METHOD_STORE,
  S_IFREG,
  type CentralFields,
} from './zipFormat';

export type EntrySource = { file: string } | { data: Buffer };

/**
 * Where the zip's bytes go, in order: a file (OutputSink, the bundle) or a stream (StreamSink,
 * a batch download). `reserve` hands out free space to read a source into, `commit(n)` sends
 * its first n bytes; `position` counts every byte sent so far.
 */
export interface ZipSink {
  readonly position: number;
  reserve(): Promise<Buffer>;
  commit(n: number): void;
  write(data: Buffer): Promise<void>;
}

export interface WrittenEntry {
  name: string;
  size: number;
  compressedSize: number;
  crc: number;
  sha256: string;
}

export interface ZipWriterOptions {
  date: Date;
  /** Write ZIP64 records even for small bundles (tests of the ZIP64 path). */
  forceZip64?: boolean;
  signal?: AbortSignal;
  /** Called with the number of source bytes just consumed. */
  onBytes?: (n: number) => void;
}

const READ_CHUNK = 1024 * 1024;
/** Files up to this size are read with one blocking read (see stored()); ≤ every sink's minimum reserve. */
const SYNC_READ_MAX = 256 * 1024;
/** Deflate can grow incompressible data slightly; leave room before the 32-bit limit. */
const ZIP64_MARGIN = 64 * 1024 * 1024;

export class ZipWriter {
  private readonly central: CentralFields[] = [];
  private readonly dos: { date: number; time: number };

  constructor(
    private readonly sink: ZipSink,
    private readonly opts: ZipWriterOptions,
  ) {
    this.dos = dosDateTime(opts.date);
  }

  /**
   * `expectedSize` (from stat) decides whether the entry needs ZIP64 fields; `modified` is the
   * entry's date when it is not the writer's date (a file's own modification time).
   */
  async add(name: string, source: EntrySource, compress: boolean, expectedSize: number, modified?: Date): Promise<WrittenEntry> {
    this.opts.signal?.throwIfAborted();
    const dos = modified ? dosDateTime(modified) : this.dos;
    const nameBytes = Buffer.from(name, 'utf8');
    const zip64 = !!this.opts.forceZip64 || expectedSize >= MAX32 - ZIP64_MARGIN;
    const offset = this.sink.position;
    const method = compress ? METHOD_DEFLATE : METHOD_STORE;
    const flags = FLAG_DESCRIPTOR | FLAG_UTF8;
    await this.sink.write(localHeader({ name: nameBytes, flags, method, ...dos, crc: 0, compressedSize: 0, size: 0, zip64 }));
    const dataStart = this.sink.position;
    const r = compress ? await this.deflated(source) : await this.stored(source, expectedSize);
    const compressedSize = this.sink.position - dataStart;
    if (!zip64 && (r.size >= MAX32 || compressedSize >= MAX32)) {
      throw new AppError('UNSUPPORTED', `文件“${name}”在写入时变大，超过 4 GB，请重新导出`);
    }
    await this.sink.write(dataDescriptor(r.crc, compressedSize, r.size, zip64));
    this.central.push({
      name: nameBytes,
      flags,
      method,
      ...dos,
      crc: r.crc,
      compressedSize,
      size: r.size,
      offset,
      externalAttr: ((S_IFREG | 0o644) << 16) >>> 0,
      versionMadeBy: MADE_BY_UNIX,
      zip64,
    });
    return { name, size: r.size, compressedSize, crc: r.crc, sha256: r.sha256 };
  }

  /** Central directory and end records. */
  async finish(): Promise<void> {
    const cdOffset = this.sink.position;
    for (const c of this.central) await this.sink.write(centralHeader(c));
    const cdSize = this.sink.position - cdOffset;
    await this.sink.write(endRecords(this.central.length, cdOffset, cdSize, !!this.opts.forceZip64));
  }

  /**
   * Source bytes land directly in the output buffer: one read, no copy. Reading stops at the
   * size found by stat (originals are immutable), which spares the final empty read per file.
   */
  private async stored(source: EntrySource, expectedSize: number): Promise<{ size: number; crc: number; sha256: string }> {
    const hash = crypto.createHash('sha256');
    let crc = 0;
    let size = 0;
    const take = (view: Buffer) => {
      hash.update(view);
      crc = crc32(view, crc);
      size += view.length;
      this.opts.onBytes?.(view.length);
    };
    if ('data' in source) {
      take(source.data);
      await this.sink.write(source.data);
      return { size, crc, sha256: hash.digest('hex') };
    }
    if (expectedSize <= SYNC_READ_MAX) {
      // Thousands of small originals: the thread-pool round trips of open, read and close would
      // cost more than the reads. One blocking read into the output buffer (which always has
      // room for it), while the previous buffer's write proceeds in the background.
      const region = await this.sink.reserve();
      let got = 0;
      const fd = fs.openSync(source.file, 'r');
      try {
        for (let n = -1; n !== 0 && got < expectedSize; got += n) n = fs.readSync(fd, region, got, expectedSize - got, null);
      } finally {
        fs.closeSync(fd);
      }
      take(region.subarray(0, got));
      this.sink.commit(got);
      return { size, crc, sha256: hash.digest('hex') };
    }
    const fh = await fs.promises.open(source.file, 'r');
    try {
      while (size < expectedSize) {
        this.opts.signal?.throwIfAborted();
        const region = await this.sink.reserve();
        const { bytesRead } = await fh.read(region, 0, Math.min(region.length, expectedSize - size), null);
        if (bytesRead === 0) break;
        take(region.subarray(0, bytesRead));
        this.sink.commit(bytesRead);
      }
    } finally {
      await fh.close();
    }
    return { size, crc, sha256: hash.digest('hex') };
  }

  private async deflated(source: EntrySource): Promise<{ size: number; crc: number; sha256: string }> {
    const hash = crypto.createHash('sha256');
    let crc = 0;
    let size = 0;
    const { signal, onBytes } = this.opts;
    async function* raw(): AsyncGenerator<Buffer> {
      const chunks: AsyncIterable<Buffer> | Buffer[] =
        'data' in source ? splitBuffer(source.data) : fs.createReadStream(source.file, { highWaterMark: READ_CHUNK });
      for await (const chunk of chunks) {
        signal?.throwIfAborted();
        hash.update(chunk);
        crc = crc32(chunk, crc);
        size += chunk.length;
        onBytes?.(chunk.length);
        yield chunk;
      }
    }
    const sink = this.sink;
    await pipeline(Readable.from(raw()), zlib.createDeflateRaw({ level: 6 }), async (compressed: AsyncIterable<Buffer>) => {
      for await (const c of compressed) await sink.write(c);
    });
    return { size, crc, sha256: hash.digest('hex') };
  }
}

function splitBuffer(data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += READ_CHUNK) out.push(data.subarray(i, i + READ_CHUNK));
  return out;
}
