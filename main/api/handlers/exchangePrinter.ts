import type { DossierPrinter } from '../../exchange/exportBundle';
import { JobRunner } from '../../dossier/batch/jobs';

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
