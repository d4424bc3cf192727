/**
 * Files this app has just made itself (the demo's typeset documents and scans), as opposed to a
 * user's files. A user's file is untrusted: intake (intake.ts) reads it once and inspects the
 * copy — type from content, every PDF page parsed, image streams walked to their end — before
 * it may enter the archive. A file made here a moment ago by our own code is known without
 * looking: its maker states what intake would learn (kind, pages, pixel size), so it is only
 * copied into the store (read once, hashed, fsynced) and published. The type keeps the two
 * apart: only a MadeHereFile skips the inspection, and only code that made the file can make one.
 */
import type { BlobStore } from './blobStore';
import type { FileFacts } from './inspect';
import type { TakenOriginal } from './intake';

interface MadeHere {
  readonly madeHere: true;
  readonly name: string;
  /** What inspectFile would report for the file (its maker knows; tests compare the two). */
  readonly facts: FileFacts;
}

/**
 * A file made here: written to `path` by its maker (another thread, another library), or still
 * in memory as `bytes` (made on this thread), which go straight into the store: no file to write
 * first only to read it back.
 */
export type MadeHereFile = MadeHere & ({ readonly path: string } | { readonly bytes: Buffer });

/** Reads a made file once (or writes its bytes) into the store's temp folder; nothing is published yet. */
export async function stageOneMadeHere(blobs: BlobStore, file: MadeHereFile): Promise<TakenOriginal> {
  const pending =
    'bytes' in file ? await blobs.stageBytes(file.bytes) : await blobs.stage(file.path, file.name, { maxBytes: Number.MAX_SAFE_INTEGER });
  return { name: file.name, pending, facts: { ...file.facts, size: pending.size } };
}

/** Reads each made file once into the store's temp folder (concurrently: their fsyncs overlap); nothing is published yet. */
export async function stageMadeHere(blobs: BlobStore, files: readonly MadeHereFile[]): Promise<TakenOriginal[]> {
  return settleStaged(
    blobs,
    files.map((f) => stageOneMadeHere(blobs, f)),
  );
}

/** The staged files once all are; when one failed, the others are discarded and its error thrown. */
export async function settleStaged(blobs: BlobStore, staging: ReadonlyArray<Promise<TakenOriginal>>): Promise<TakenOriginal[]> {
  const settled = await Promise.allSettled(staging);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    for (const s of settled) if (s.status === 'fulfilled') await blobs.discard(s.value.pending);
    throw failed.reason;
  }
  return settled.map((s) => (s as PromiseFulfilledResult<TakenOriginal>).value);
}
