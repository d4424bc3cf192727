/**
 * Reading the `blobs` table (written by blobs/rows.ts): what is known about a stored original,
 * for the code that serves or opens it (the app:// protocol, the loopback bridge, the handlers).
 */
import type { StoredFile } from '../../../shared/domain';
import type { Db } from '../../store/db';
import { stmt } from '../../store/statementCache';

/** Whether the blob is recorded in the `blobs` table (a record may refer to it). */
export const isRecordedBlob = (db: Db, sha256: string): boolean =>
  stmt(db, 'SELECT 1 FROM blobs WHERE sha256 = ?').get(sha256) !== undefined;

/** A recorded blob as a stored file under the given name (kind, size, pages, image size), or null when unknown. */
export function storedFileOf(db: Db, sha256: string, originalName: string): StoredFile | null {
  const b = stmt(db, 'SELECT kind, mime, size, page_count AS pageCount, width, height, orientation FROM blobs WHERE sha256 = ?').get(
    sha256,
  ) as Omit<StoredFile, 'sha256' | 'originalName'> | undefined;
  return b ? { sha256, originalName, ...b } : null;
}

/** MIME type and active-content flags ('' when none) of a recorded blob; undefined when unknown. */
export function blobMeta(db: Db, sha256: string): { mime: string; flags: string } | undefined {
  const row = db.prepare('SELECT mime, flags FROM blobs WHERE sha256 = ?').get(sha256) as
    | { mime: string; flags: string | null }
    | undefined;
  return row && { mime: row.mime, flags: row.flags ?? '' };
}

/** The name a clerk's file arrived with, from any material that holds the blob. */
export function originalNameOf(db: Db, sha256: string): string | undefined {
  const row = db.prepare('SELECT original_name FROM material_files WHERE sha256 = ? LIMIT 1').get(sha256) as
    | { original_name: string }
    | undefined;
  return row?.original_name;
}

/** The one recorded blob whose hash starts with `prefix`, or null when none or several do. */
export function blobByPrefix(db: Db, prefix: string): string | null {
  const rows = db.prepare('SELECT sha256 FROM blobs WHERE substr(sha256, 1, ?) = ? LIMIT 2').all(prefix.length, prefix) as Array<{
    sha256: string;
  }>;
  return rows.length === 1 ? rows[0]!.sha256 : null;
}
