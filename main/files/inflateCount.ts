/**
 * Inflates a zlib stream only to count its bytes: the output is dropped as it comes, so a
 * decompression bomb costs time up to `limit` bytes but never memory.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

export class InflateLimitExceeded extends Error {
  constructor(readonly limit: number) {
    super(`inflated size exceeds ${limit} bytes`);
  }
}

/**
 * Resolves to the inflated size; rejects with InflateLimitExceeded past `limit`, or with zlib's
 * error for corrupt data. A missing end (no Adler-32) is tolerated as PDF readers do; `strictEnd`
 * (PNG, zip entries) requires the stream to be complete; `raw` is deflate without zlib header (zip).
 */
export async function inflateCount(
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  limit: number,
  opts: { strictEnd?: boolean; raw?: boolean } = {},
): Promise<number> {
  let total = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      total += chunk.length;
      done(total > limit ? new InflateLimitExceeded(limit) : null);
    },
  });
  // Large output chunks: counting 100 MB in 16 KB pieces spends most of its time in stream overhead.
  const zopts = { chunkSize: 1024 * 1024, ...(opts.strictEnd ? {} : { finishFlush: zlib.constants.Z_SYNC_FLUSH }) };
  const inflate = opts.raw ? zlib.createInflateRaw(zopts) : zlib.createInflate(zopts);
  await pipeline(Readable.from(chunks, { objectMode: false }), inflate, sink);
  return total;
}
