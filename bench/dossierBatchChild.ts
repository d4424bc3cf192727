/**
 * The county batch alone in a fresh process, as `onebag dossier --county` runs it: no seeding
 * before it in the same process, so the peak RSS printed is the batch's (main + worker thread).
 * Usage (from dossierBatch.bench.ts): node --import tsx bench/dossierBatchChild.ts DATA COUNTY OUT
 * Prints one JSON line: { seconds, pages, cadres, failed, state, peakMb, maxRssMb }.
 */
import { JobRunner } from '../main/dossier/batch/jobs';
import { withPeakRss } from './measure';

async function main() {
  const [dataDir, county, outDir] = process.argv.slice(2);
  const runner = new JobRunner({ dataDir: dataDir! });
  const t = performance.now();
  const { value: s, peakMb } = await withPeakRss(
    () => runner.startBatch({ countyId: Number(county), year: 2024, outDir: outDir! }).done,
    50,
  );
  const seconds = (performance.now() - t) / 1000;
  await runner.close();
  const out = {
    seconds,
    pages: s.pages,
    cadres: s.results.length,
    failed: s.results.filter((r) => r.error).length,
    state: s.state,
    peakMb,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

void main();
