/**
 * Profiles OCR of one or more 200-dpi A4 pages in THIS process (no worker), for
 * `npx tsx --cpu-prof --cpu-prof-dir=.reports/prof bench/ocrPage.ts [pages] [dpi]`.
 * Prints wall and CPU time per page, the process's peak RSS (VmHWM) and the CER of each page.
 * Not a bench itself (no *.bench.ts): `npm run bench -- ocr` gives the figures.
 */
import fs from 'node:fs';
import { recognizeImageFile, loadEngine } from '../main/ocr/engine';
import { characterErrorRate, SAMPLE_LINES, scanOf, typesetPdf } from '../tests/fixtures/ocrPages';

const peakRssMb = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;

async function main() {
  const pages = Number(process.argv[2] ?? 3);
  const dpi = Number(process.argv[3] ?? 200);
  const scan = await scanOf(await typesetPdf(SAMPLE_LINES), { dpi });
  let t0 = performance.now();
  await loadEngine();
  console.log(`model load ${(performance.now() - t0).toFixed(0)} ms, peak RSS ${peakRssMb().toFixed(0)} MB`);
  for (let i = 0; i < pages; i++) {
    t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await recognizeImageFile(scan);
    const c = process.cpuUsage(c0);
    const cer = characterErrorRate(SAMPLE_LINES.join(''), r.lines.map((l) => l.text).join(''));
    console.log(
      `page ${i + 1}: wall ${(performance.now() - t0).toFixed(0)} ms, CPU ${((c.user + c.system) / 1000).toFixed(0)} ms, ` +
        `CER ${(cer * 100).toFixed(2)} %, rss ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MB, peak ${peakRssMb().toFixed(0)} MB`,
    );
  }
}

void main();
