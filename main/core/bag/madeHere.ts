/**
 * Files materials whose files this app has just made itself (the demo's bags): the same rows,
 * blobs, hashes, search entries and audit entries as addMaterials (bag.ts), without the
 * inspection a user's file goes through (files/madeHere.ts says why, and what is trusted).
 */
import type { MaterialInput } from '../../../shared/api/bag';
import { AppError } from '../../../shared/result';
import type { BlobStore } from '../../files/blobStore';
import type { TakenOriginal } from '../../files/intake';
import type { MadeHereFile } from '../../files/madeHere';
import type { Db } from '../../store/db';
import { fileTaken } from './bag';

export interface MadeHereMaterial {
  cadreId: number;
  input: MaterialInput;
  files: readonly MadeHereFile[];
}

/**
 * Files each item as one material, all in one transaction, from its files already staged
 * (files/madeHere.ts stageOneMadeHere or stageMadeHere), in the order of the items' files: a
 * caller that makes its files one by one stages each as soon as it is made, so the reads and
 * fsyncs run while it makes the next. Returns the new materials' ids in order; discards the
 * staged files when refused.
 */
export async function fileStagedMadeHere(
  db: Db,
  blobs: BlobStore,
  items: readonly MadeHereMaterial[],
  staged: readonly TakenOriginal[],
): Promise<number[]> {
  try {
    checkItems(db, items);
    if (staged.length !== items.reduce((n, i) => n + i.files.length, 0)) throw new Error('staged files do not match the materials');
  } catch (err) {
    for (const t of staged) await blobs.discard(t.pending);
    throw err;
  }
  let k = 0;
  const taken = items.map((i) => i.files.map(() => staged[k++]!));
  return fileTaken(db, blobs, items, taken);
}

function checkItems(db: Db, items: readonly MadeHereMaterial[]): void {
  const cadreExists = db.prepare('SELECT 1 FROM cadres WHERE id = ?');
  for (const item of items) {
    if (!cadreExists.get(item.cadreId)) throw new AppError('NOT_FOUND', '该干部不存在或已被删除');
    if (item.files.length === 0) throw new AppError('INVALID_INPUT', '请至少添加一个文件');
  }
}
