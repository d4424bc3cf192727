/**
 * The OCR process: loads the models once and reads one original at a time, outside the process
 * that answers the UI. Pages are sent as they are read so progress shows per page. It exits
 * when the app that started it goes away.
 */
import os from 'node:os';
import type { FromOcrWorker, ToOcrWorker } from './protocol';
import { readOriginal } from './readFile';

// The reader yields the CPU to the app (offices run 2-core PCs): the whole OCR process runs at low priority.
try {
  os.setPriority(os.constants.priority.PRIORITY_LOW);
} catch {
  // not allowed here: read at normal priority
}

/** Peak resident memory of this process over its life, in MB (maxRSS is in KB). */
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

const send = (m: FromOcrWorker) => process.send?.(m);
process.on('disconnect', () => process.exit(0));

let chain = Promise.resolve();
process.on('message', (m: ToOcrWorker) => {
  chain = chain.then(async () => {
    const cpu0 = process.cpuUsage();
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
      const cpu = process.cpuUsage(cpu0);
      send({ type: 'done', id: m.id, peakRssMb: peakRssMb(), cpuS: (cpu.user + cpu.system) / 1e6 });
    } catch (err) {
      send({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err), peakRssMb: peakRssMb() });
    }
  });
});
