/**
 * Files materials whose files this app has just made itself (the demo's bags): the same rows,
 * blobs, hashes, search entries and audit entries as addMaterials (bag.ts), without the
 * inspection a user's file goes through (files/madeHere.ts says why, and what is trusted).
 */
import type { MaterialInput } from '../../../shared/api/bag';
import { AppError } from '../../../shared/result';
import type { BlobStore } from '../../files/blobStore';
import { stageMadeHere, type MadeHereFile } from '../../files/madeHere';
import type { Db } from '../../store/db';
import { fileTaken } from './bag';

export interface MadeHereMaterial {
  cadreId: number;
  input: MaterialInput;
  files: readonly MadeHereFile[];
}

/** Files each item as one material, all in one transaction; returns the new materials' ids in order. */
export async function addMadeHereMaterials(db: Db, blobs: BlobStore, items: readonly MadeHereMaterial[]): Promise<number[]> {
  const cadreExists = db.prepare('SELECT 1 FROM cadres WHERE id = ?');
  for (const item of items) {
    if (!cadreExists.get(item.cadreId)) throw new AppError('NOT_FOUND', '该干部不存在或已被删除');
    if (item.files.length === 0) throw new AppError('INVALID_INPUT', '请至少添加一个文件');
  }
  const flat = await stageMadeHere(
    blobs,
    items.flatMap((i) => i.files),
  );
  let k = 0;
  const taken = items.map((i) => i.files.map(() => flat[k++]!));
  return fileTaken(db, blobs, items, taken);
}
