/**
 * The OCR worker thread: loads the models once and reads one original at a time, off the
 * thread that answers IPC. Pages are posted as they are read so progress shows per page.
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { FromOcrWorker, ToOcrWorker } from './protocol';
import { readOriginal } from './readFile';

// On Linux a thread has its own nice value: the reader yields the CPU to the thread that
// answers the UI. (Elsewhere this call would lower the whole app, so it is not made.)
if (process.platform === 'linux') {
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_LOW);
  } catch {
    // not allowed here: read at normal priority
  }
}

const port = parentPort!;
const send = (m: FromOcrWorker) => port.postMessage(m);

let chain = Promise.resolve();
port.on('message', (m: ToOcrWorker) => {
  chain = chain.then(async () => {
    try {
      await readOriginal(
        m.path,
        m.kind,
        m.dpi,
        {
          onStart: (pagesTotal) => send({ type: 'start', id: m.id, pagesTotal }),
          onPage: (page) => send({ type: 'page', id: m.id, page }),
        },
        m.maxPages,
      );
      send({ type: 'done', id: m.id });
    } catch (err) {
      send({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) });
    }
  });
});
