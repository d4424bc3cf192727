/**
 * An upload taken into the blob store for a record that refers to it: read once, inspected under
 * this data folder's originals cap (core/bag/intakeLimit.ts), published under its hash. The row in
 * the `blobs` table is written later, in the same transaction as the record (rows.ts recordBlob),
 * so a refusal in between leaves only an unreferenced blob that an identical file reuses.
 */
import type { FileKind } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { BlobStore } from '../../files/blobStore';
import type { FileFacts } from '../../files/inspect';
import { commitOriginals, discardOriginals, takeOriginals } from '../../files/intake';
import type { Db } from '../../store/db';
import { intakeMaxBytes } from '../bag/intakeLimit';

/** An upload copied into the blob store, not yet recorded in the database. */
export interface StoredUpload {
  sha256: string;
  size: number;
  name: string;
  facts: FileFacts;
}

/** What a scan may be: a PDF or an image. */
const SCAN_KINDS: ReadonlySet<FileKind> = new Set(['pdf', 'jpeg', 'png', 'tiff']);

/**
 * Copies the file into the blob store. `scanOf` names what a scan is wanted for (考勤表扫描件):
 * then anything but a PDF or an image is refused in Chinese and nothing is kept.
 */
export async function storeUpload(db: Db, blobs: BlobStore, file: { path: string; name: string }, scanOf?: string): Promise<StoredUpload> {
  const [taken] = await takeOriginals(blobs, [file], { maxBytes: intakeMaxBytes(db) });
  const facts = taken!.facts;
  if (scanOf !== undefined && !SCAN_KINDS.has(facts.kind)) {
    await discardOriginals(blobs, [taken!]);
    throw new AppError('FILE_REFUSED', `「${file.name}」不是 PDF 或图片，${scanOf}请上传扫描得到的 PDF、JPEG、PNG 或 TIFF 文件`);
  }
  const [{ sha256, size }] = (await commitOriginals(blobs, [taken!])) as [{ sha256: string; size: number }];
  return { sha256, size, name: file.name, facts };
}
