/** Messages between the JobRunner (thread answering IPC) and the dossier worker thread. */
import type { DossierScope } from '../../../shared/api/dossier';
import type { AppErrorShape } from '../../../shared/result';
import type { GeneratedDossier } from '../fromDb/generate';
import type { BatchOutcome, BatchProgress } from './county';

export type ToWorker =
  | { type: 'one'; jobId: string; dataDir: string; cadreId: number; year: DossierScope; outPath: string; pdfa?: boolean }
  /** `cancel` is a shared Int32Array(1): set to 1 to stop between cadres (read with Atomics). */
  | {
      type: 'batch';
      jobId: string;
      dataDir: string;
      countyId: number;
      year: number;
      outDir: string;
      pdfa?: boolean;
      cancel: SharedArrayBuffer;
    };

export type FromWorker =
  | { type: 'progress'; jobId: string; progress: BatchProgress }
  | { type: 'done'; jobId: string; value: GeneratedDossier | BatchOutcome }
  | { type: 'error'; jobId: string; error: AppErrorShape };
