import type { BlobStore } from '../../files/blobStore';
import type { Db } from '../../store/db';
import type { DossierPrinter, ExportEnv } from '../../exchange/exportBundle';
import { JobRunner } from '../../dossier/batch/jobs';
import { resolveFontFile, resolveFontLicence } from '../../dossier/fonts';

/** The dossier worker as the export's DossierPrinter: one runner per export, closed afterwards. */
export function workerDossierPrinter(dataDir: string): DossierPrinter {
  return async (opts, onUpdate, signal) => {
    const runner = new JobRunner({ dataDir });
    try {
      const { jobId, done } = runner.startBatch(opts, (st) => onUpdate(st.done, st.total));
      const abort = () => runner.cancel(jobId);
      signal?.addEventListener('abort', abort);
      try {
        const s = await done;
        return { state: s.state === 'running' ? 'failed' : s.state, error: s.error, results: s.results, catalogue: s.catalogue };
      } finally {
        signal?.removeEventListener('abort', abort);
      }
    } finally {
      await runner.close();
    }
  };
}

/** The bundled Noto Sans SC and its OFL licence, for the bundle's index pages; absent when not installed. */
function pageFont(): ExportEnv['pageFont'] {
  try {
    return { file: resolveFontFile('sans'), licence: resolveFontLicence('sans') };
  } catch {
    return undefined;
  }
}

/** What an export needs from the app (CLI and handlers alike): stores, the dossier worker, the page font. */
export function exportEnv(db: Db, dataDir: string, blobs: BlobStore): ExportEnv {
  return { db, dataDir, blobs, printDossiers: workerDossierPrinter(dataDir), pageFont: pageFont() };
}
