/**
 * The `blobs` table: what is known about each original in the blob store. Every writer of the
 * store records its file here through these functions, so the row is always the same shape.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FILE_FLAGS, type FileFlag } from '../../../shared/domain';
import type { BlobStore } from '../../files/blobStore';
import type { FileFacts } from '../../files/inspect';
import { nowIso, type Db } from '../../store/db';

/** Records a stored original (kept if already there: content-addressed, never modified). */
export function recordBlob(
  db: Db,
  sha256: string,
  size: number,
  facts: Omit<FileFacts, 'size' | 'flags' | 'notice'> & { flags?: readonly FileFlag[] },
  at = nowIso(),
): void {
  db.prepare(
    `INSERT OR IGNORE INTO blobs (sha256, kind, mime, size, page_count, width, height, orientation, created_at, flags)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    sha256,
    facts.kind,
    facts.mime,
    size,
    facts.pageCount,
    facts.width,
    facts.height,
    facts.orientation,
    at,
    (facts.flags ?? []).join(','),
  );
}

/** The blobs.flags column ('script,attachment') as known flags; unknown words are dropped. */
export function parseFileFlags(text: string | null | undefined): FileFlag[] {
  if (!text) return [];
  return text.split(',').filter((f): f is FileFlag => (FILE_FLAGS as readonly string[]).includes(f));
}

/**
 * Puts a PDF the app generated (register, dossier preview, evaluation sheet) into the blob store
 * and records it, so the preview and "open with the system viewer" work as for any original.
 * Takes the file on disk, or the bytes (written to a temp file first).
 */
export async function storeGeneratedPdf(
  db: Db,
  blobs: BlobStore,
  pdf: string | Buffer,
  pages: number,
): Promise<{ sha256: string; size: number }> {
  const tmpDir = typeof pdf === 'string' ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-pdf-'));
  try {
    let file = pdf as string;
    if (tmpDir) {
      file = path.join(tmpDir, 'generated.pdf');
      fs.writeFileSync(file, pdf as Buffer);
    }
    const stored = await blobs.put(file);
    recordBlob(db, stored.sha256, stored.size, {
      kind: 'pdf',
      mime: 'application/pdf',
      pageCount: pages,
      width: null,
      height: null,
      orientation: null,
    });
    return stored;
  } finally {
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}
