/**
 * The OCR queue's host alone, as the app runs it: a fresh process whose OcrPool starts the OCR
 * process and reads the given images one after the other, unlike ocr.bench.ts, which typesets
 * and rasterises the test pages first. maxRssMb is the OCR process's peak (VmHWM over its life,
 * as it reports it), hostRssMb this host's.
 * Usage (from ocr.bench.ts): node --import tsx bench/ocrHostChild.ts FILES.json
 * FILES.json: [{ file, kind }]. Prints one JSON line: { pages: [{ ms, cpuS, rotation, text }], maxRssMb, hostRssMb }.
 * cpuS is the OCR process's CPU time on the page: unlike wall time it does not grow when other
 * programs share the cores.
 */
import fs from 'node:fs';
import { OcrPool } from '../main/ocr/pool';
import type { OcrPage } from '../shared/ocr';

async function main() {
  const files = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Array<{ file: string; kind: 'png' | 'jpeg' }>;
  const pool = new OcrPool();
  const pages: Array<{ ms: number; cpuS: number; rotation: number; text: string }> = [];
  try {
    for (const f of files) {
      let page: OcrPage | null = null;
      await pool.read(f.file, f.kind, 200, { onStart: () => undefined, onPage: (p) => (page = p) });
      const p = page as OcrPage | null;
      if (!p) throw new Error(`no page read from ${f.file}`);
      pages.push({ ms: p.ms, cpuS: pool.lastReadCpuS, rotation: p.rotation, text: p.lines.map((l) => l.text).join('') });
    }
  } finally {
    await pool.close();
  }
  console.log(JSON.stringify({ pages, maxRssMb: pool.peakRssMb, hostRssMb: process.resourceUsage().maxRSS / 1024 }));
}

void main();
