/**
 * The dossier worker thread: long-lived (fonts are parsed once, pdf-notes G13), it opens the
 * data folder's database READ-ONLY per job and writes PDFs, off the thread that answers IPC.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { BLOBS_DIR, blobPathParts } from '../../../shared/blobLayout';
import { AppError } from '../../../shared/result';
import { assignVolumeNumbers, type NumberAssigner } from '../../core/archive/numbers';
import type { BlobPaths } from '../fromDb/context';
import { generateDossier } from '../fromDb/generate';
import { getDossierSettings } from '../fromDb/settings';
import { runCountyBatch } from './county';
import type { FromWorker, ToWorker } from './protocol';

/** The blob store's layout (shared/blobLayout.ts); main/dossier may not import main/files. */
const blobPaths = (dataDir: string): BlobPaths => ({
  pathOf: (sha) => path.join(dataDir, BLOBS_DIR, ...blobPathParts(sha)),
});

/** The database file name of main/store/db.ts. */
const openDb = (dataDir: string): Database.Database => {
  return new Database(path.join(dataDir, 'onebag.sqlite'), { readonly: true, fileMustExist: true, timeout: 5000 });
};

/**
 * Archive numbers are the one thing a print writes: assigned by main/core/archive/numbers.ts in
 * one transaction on a short-lived writable connection (the build reads through the read-only one).
 */
const numberAssigner =
  (dataDir: string): NumberAssigner =>
  (req) => {
    const w = new Database(path.join(dataDir, 'onebag.sqlite'), { fileMustExist: true, timeout: 5000 });
    try {
      return assignVolumeNumbers(w, req);
    } finally {
      w.close();
    }
  };

const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);

async function handle(m: ToWorker): Promise<void> {
  let db: Database.Database | null = null;
  try {
    db = openDb(m.dataDir);
    const settings = getDossierSettings(db);
    const blobs = blobPaths(m.dataDir);
    if (m.type === 'one') {
      const value = await generateDossier(
        db,
        blobs,
        { cadreId: m.cadreId, year: m.year, numbers: numberAssigner(m.dataDir) },
        settings,
        m.outPath,
        { pdfa: m.pdfa },
      );
      send({ type: 'done', jobId: m.jobId, value });
    } else {
      const flag = new Int32Array(m.cancel);
      const value = await runCountyBatch(
        db,
        blobs,
        { countyId: m.countyId, year: m.year, outDir: m.outDir, pdfa: m.pdfa, numbers: numberAssigner(m.dataDir) },
        settings,
        {
          progress: (progress) => send({ type: 'progress', jobId: m.jobId, progress }),
          cancelled: () => Atomics.load(flag, 0) === 1,
        },
      );
      send({ type: 'done', jobId: m.jobId, value });
    }
  } catch (e) {
    const error =
      e instanceof AppError
        ? { code: e.code, message: e.message }
        : { code: 'INTERNAL' as const, message: `档案生成失败：${(e as Error)?.message ?? String(e)}` };
    send({ type: 'error', jobId: m.jobId, error });
  } finally {
    db?.close();
  }
}

port.on('message', (m: ToWorker) => void handle(m));
