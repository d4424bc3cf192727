/**
 * `npm run bench` — runs every bench/*.bench.ts (or the ones named on the command line),
 * prints each figure against its target from the issues, and exits 1 if any misses.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Bench, BenchFigure } from './types';

async function main() {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const rows: Array<BenchFigure & { file: string; pass: boolean }> = [];
  for (const file of files) {
    const mod = (await import(path.join(__dirname, file))) as { bench: Bench };
    console.log(`\n▶ ${file}`);
    for (const fig of await mod.bench()) {
      const pass = fig.better === 'lower' ? fig.value <= fig.target : fig.value >= fig.target;
      rows.push({ ...fig, file, pass });
      const cmp = fig.better === 'lower' ? '≤' : '≥';
      console.log(
        `  ${pass ? 'PASS' : 'MISS'}  ${fig.name}: ${fig.value.toFixed(2)} ${fig.unit} (target ${cmp} ${fig.target} ${fig.unit})`,
      );
    }
  }
  const missed = rows.filter((r) => !r.pass);
  console.log(`\n${rows.length - missed.length} of ${rows.length} figures within target`);
  fs.mkdirSync('.reports', { recursive: true });
  fs.writeFileSync('.reports/bench.json', JSON.stringify(rows, null, 2));
  process.exit(missed.length ? 1 : 0);
}

void main();
