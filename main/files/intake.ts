/**
 * Intake of originals, all or nothing: each file is read once into the blob store's temp folder
 * (readOnce.ts), the COPY is inspected, and only when every file passed are they published under
 * their hashes. The source path is never read a second time, so what was inspected is what is kept.
 */
import type { BlobStore, PendingBlob } from './blobStore';
import { inspectFile, refuseEarly, type FileFacts } from './inspect';
import type { ReadOnceOptions } from './readOnce';

export interface TakenOriginal {
  name: string;
  pending: PendingBlob;
  facts: FileFacts;
}

export async function takeOriginals(
  blobs: BlobStore,
  files: ReadonlyArray<{ path: string; name: string }>,
  opts: ReadOnceOptions,
): Promise<TakenOriginal[]> {
  const taken: TakenOriginal[] = [];
  let pending: PendingBlob | null = null;
  try {
    for (const f of files) {
      pending = await blobs.stage(f.path, f.name, { ...opts, early: (head, size) => refuseEarly(f.name, head, size) });
      const facts = await inspectFile(pending.tmp, f.name);
      taken.push({ name: f.name, pending, facts });
      pending = null;
    }
    return taken;
  } catch (err) {
    if (pending) await blobs.discard(pending);
    await discardOriginals(blobs, taken);
    throw err;
  }
}

/** Publishes every taken original (one fsync per folder); on a failure the rest are discarded (published ones are harmless). */
export async function commitOriginals(blobs: BlobStore, taken: readonly TakenOriginal[]): Promise<Array<{ sha256: string; size: number }>> {
  return blobs.commitMany(taken.map((t) => t.pending));
}

export async function discardOriginals(blobs: BlobStore, taken: readonly TakenOriginal[]): Promise<void> {
  for (const t of taken) await blobs.discard(t.pending);
}

/** One original: read once, inspected, published. */
export async function fileOriginal(
  blobs: BlobStore,
  path: string,
  name: string,
  opts: ReadOnceOptions,
): Promise<{ sha256: string; size: number; facts: FileFacts; symlinkTarget: string | null }> {
  const [t] = await takeOriginals(blobs, [{ path, name }], opts);
  const [stored] = await commitOriginals(blobs, [t!]);
  return { ...stored!, facts: t!.facts, symlinkTarget: t!.pending.symlinkTarget };
}
