/**
 * The OCR queue's host process alone, as the app runs it: a fresh process whose OcrPool starts
 * the worker thread and reads the given images one after the other. Its peak RSS is the worker's
 * figure (a worker thread's memory counts in the process that hosts it); nothing else was done
 * in this process before, unlike in ocr.bench.ts, which typesets and rasterises the test pages.
 * Usage (from ocr.bench.ts): node --import tsx bench/ocrHostChild.ts FILES.json
 * FILES.json: [{ file, kind }]. Prints one JSON line: { pages: [{ ms, cpuS, rotation, text }], maxRssMb }.
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
      // CPU of the whole process while the worker reads (this thread only waits): unlike the
      // wall time it does not grow when other programs share the cores
      const c0 = process.cpuUsage();
      await pool.read(f.file, f.kind, 200, { onStart: () => undefined, onPage: (p) => (page = p) });
      const c = process.cpuUsage(c0);
      const p = page as OcrPage | null;
      if (!p) throw new Error(`no page read from ${f.file}`);
      pages.push({ ms: p.ms, cpuS: (c.user + c.system) / 1e6, rotation: p.rotation, text: p.lines.map((l) => l.text).join('') });
    }
  } finally {
    await pool.close();
  }
  // VmHWM: the process's peak resident set over its whole life, worker thread included
  const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? process.resourceUsage().maxRSS);
  console.log(JSON.stringify({ pages, maxRssMb: hwmKb / 1024 }));
}

void main();
