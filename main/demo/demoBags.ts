/**
 * Files the demo's bags: each file the worker made (demoFileMaker.ts) is staged into the store as
 * soon as it is made (its read and fsync run while the next ones are made or awaited); then all
 * materials are written in one batch, in bag order, as files made here (core/bag/madeHere.ts: no
 * untrusted-file inspection), and the generated files are removed. Progress counts a file when
 * this thread takes it from the maker and a bag when it is filed, so the figure never runs ahead of the archive.
 */
import type { Db } from '../store/db';
import type { BlobStore } from '../files/blobStore';
import type { TakenOriginal } from '../files/intake';
import { settleStaged, stageOneMadeHere, type MadeHereFile } from '../files/madeHere';
import { fileStagedMadeHere, type MadeHereMaterial } from '../core/bag/madeHere';
import type { MaterialInput } from '../../shared/api/bag';
import type { DemoCadre } from './demoData';
import type { DemoFileMaker } from './demoFileMaker';
import type { DemoFileSpec } from './demoFiles';
import type { DemoProgress } from './demoProgress';
import fs from 'node:fs';

/** One material of a bag: what is recorded, and the file to be made for it. */
export interface Planned {
  input: MaterialInput;
  file: string;
  name: string;
  spec: DemoFileSpec;
}

export async function fileDemoBags(
  db: Db,
  blobs: BlobStore,
  bags: { plans: Planned[][]; cadres: DemoCadre[]; cadreIds: number[] },
  maker: DemoFileMaker,
  progress: DemoProgress,
): Promise<void> {
  const { plans, cadres, cadreIds } = bags;
  const staging: Array<Promise<TakenOriginal>> = [];
  const items: MadeHereMaterial[] = [];
  try {
    let made = 0;
    for (let i = 0; i < cadres.length; i++) {
      for (const item of plans[i]!) {
        const file: MadeHereFile = { madeHere: true, path: item.file, name: item.name, facts: await maker.made(made++) };
        const staged = stageOneMadeHere(blobs, file);
        staged.catch(() => undefined); // reported by settleStaged below
        staging.push(staged);
        items.push({ cadreId: cadreIds[i]!, input: item.input, files: [file] });
        progress.step(`正在生成示例档案材料：${cadres[i]!.name}`);
      }
    }
  } catch (err) {
    // A file failed to be made: what was staged is discarded, nothing was published.
    await settleStaged(blobs, staging).then(
      (taken) => Promise.all(taken.map((t) => blobs.discard(t.pending))),
      () => undefined,
    );
    throw err;
  }
  await fileStagedMadeHere(db, blobs, items, await settleStaged(blobs, staging));
  for (const [i, bag] of plans.entries()) {
    for (const item of bag) fs.rmSync(item.file, { force: true });
    progress.step(`正在归档示例材料：${cadres[i]!.name}`, bag.length);
  }
}
