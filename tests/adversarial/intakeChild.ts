/**
 * Runs one `onebag` command in this process and prints its exit code, stderr and the process's
 * peak RSS as one JSON line: how tests/adversarial/intakeMemory.test.ts and
 * bench/intake-memory.bench.ts measure the memory a single hostile file costs.
 *   tsx tests/adversarial/intakeChild.ts --data DIR attach …
 */
import { runCli } from '../../main/cli/run';

async function main(): Promise<void> {
  const err: string[] = [];
  const code = await runCli(process.argv.slice(2), {}, { out: () => {}, err: (l) => err.push(l) });
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ code, err: err.join('\n'), peakRssMb })}\n`);
}

void main();
