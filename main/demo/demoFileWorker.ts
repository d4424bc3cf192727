/**
 * The demo's file-making worker thread (demoFileMaker.ts): makes each spec's file in order and
 * reports each one made, so the thread that files them never waits on typesetting or scanning.
 */
import { parentPort } from 'node:worker_threads';
import { makeDemoFile, type DemoFileSpec } from './demoFiles';

export type ToFileWorker = { specs: DemoFileSpec[] };
export type FromFileWorker = { type: 'made'; index: number } | { type: 'error'; index: number; message: string };

const port = parentPort!;

port.once('message', (m: ToFileWorker) => {
  void (async () => {
    for (const [index, spec] of m.specs.entries()) {
      try {
        await makeDemoFile(spec);
        port.postMessage({ type: 'made', index } satisfies FromFileWorker);
      } catch (err) {
        port.postMessage({ type: 'error', index, message: err instanceof Error ? err.message : String(err) } satisfies FromFileWorker);
        return;
      }
    }
  })();
});
