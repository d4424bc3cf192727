/**
 * The demo's worker thread (demoFileMaker.ts): makes the file of each spec it is given (the
 * typeset documents) in order and reports each one made with what intake would learn of it, so
 * the thread that files them does not wait on typesetting; then, when
 * asked, builds the second county's bundle (demoSecondCounty.ts), which touches nothing of the
 * demo's archive, on the demo's today.
 */
import { parentPort } from 'node:worker_threads';
import { fixToday, localToday } from '../core/runtime/clock';
import type { FileFacts } from '../files/inspect';
import { makeDemoFile, type DemoFileSpec } from './demoFiles';
import { buildSecondCountyBundle, type SecondCountyBundle } from './demoSecondCounty';

export interface ToFileWorker {
  /** The files to make, in this order; `index` is the file's place in the load's list. */
  specs: Array<{ index: number; spec: DemoFileSpec }>;
  secondCounty?: { today: string; seed: number; dir: string };
}
export type FromFileWorker =
  | { type: 'made'; index: number; facts: FileFacts }
  | { type: 'error'; index: number; message: string }
  | { type: 'bundle'; bundle: SecondCountyBundle }
  | { type: 'bundleError'; message: string };

const port = parentPort!;
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

port.once('message', (m: ToFileWorker) => {
  void (async () => {
    for (const { index, spec } of m.specs) {
      try {
        const facts = await makeDemoFile(spec);
        port.postMessage({ type: 'made', index, facts } satisfies FromFileWorker);
      } catch (err) {
        port.postMessage({ type: 'error', index, message: messageOf(err) } satisfies FromFileWorker);
        return;
      }
    }
    const c = m.secondCounty;
    if (!c) return;
    try {
      if (c.today !== localToday()) fixToday(c.today);
      const bundle = await buildSecondCountyBundle(c.today, c.seed, c.dir);
      port.postMessage({ type: 'bundle', bundle } satisfies FromFileWorker);
    } catch (err) {
      port.postMessage({ type: 'bundleError', message: messageOf(err) } satisfies FromFileWorker);
    }
  })();
});
