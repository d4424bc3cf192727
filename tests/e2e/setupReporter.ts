/**
 * Playwright reporter: where the suite's time goes, spec by spec (issue 14: the suite must not
 * spend most of its time loading the demo; issue 15: its time budget).
 *
 * The app fixture (tests/e2e/fixtures.ts) attaches `setup-ms` to the first test of each spec file:
 * the milliseconds it took to give that file its data folder (a copy of the prepared demo, or an
 * empty one; the first spec that needs the demo also builds it) and start the bridge. At the end
 * this prints one line per spec, slowest first, and a closing summary line:
 *
 *   e2e time: 33 specs, 85 tests, 864.1 s in tests; setup 33.9 s (3.9 %), slowest setup alertsAll.spec.ts 15.7 s;
 *   CPU 912.4 s (worker, bridge and browser)
 *
 * Each test also carries `cpu-ms` (tests/e2e/cpuMeter.ts): the CPU its worker's process tree spent
 * on it, which on a shared machine says more than wall time about what a spec costs.
 *
 * The same figures go to .reports/e2e-times.json for comparing runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

interface SpecTime {
  tests: number;
  testMs: number;
  setupMs: number;
  /** CPU of the worker's process tree over the spec's tests (tests/e2e/cpuMeter.ts), null off Linux. */
  cpuMs: number | null;
}

export default class SetupReporter implements Reporter {
  private readonly specs = new Map<string, SpecTime>();
  private readonly outFile: string | undefined;

  constructor(options: { outputFile?: string } = {}) {
    this.outFile = options.outputFile;
  }

  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const file = path.basename(test.location.file);
    const spec = this.specs.get(file) ?? { tests: 0, testMs: 0, setupMs: 0, cpuMs: null };
    spec.tests++;
    spec.testMs += result.duration;
    for (const a of result.attachments) {
      if (a.name === 'setup-ms' && a.body) spec.setupMs += Number(a.body.toString('utf8'));
      if (a.name === 'cpu-ms' && a.body) spec.cpuMs = (spec.cpuMs ?? 0) + Number(a.body.toString('utf8'));
    }
    this.specs.set(file, spec);
  }

  onEnd(result: FullResult): void {
    const rows = [...this.specs.entries()].sort((a, b) => b[1].testMs - a[1].testMs);
    if (rows.length === 0) return;
    const s = (ms: number) => (ms / 1000).toFixed(1);
    const cpu = (t: SpecTime) => (t.cpuMs === null ? '-' : s(t.cpuMs)).padStart(6);
    const lines = ['e2e time per spec (s): tests  setup    cpu  spec'];
    for (const [file, t] of rows) lines.push(`${s(t.testMs).padStart(8)} ${s(t.setupMs).padStart(6)} ${cpu(t)}  ${file} (${t.tests})`);
    const testMs = rows.reduce((n, [, t]) => n + t.testMs, 0);
    const cpuMs = rows.reduce((n, [, t]) => n + (t.cpuMs ?? 0), 0);
    const setupMs = rows.reduce((n, [, t]) => n + t.setupMs, 0);
    const tests = rows.reduce((n, [, t]) => n + t.tests, 0);
    const [slowFile, slow] = rows.reduce((a, b) => (b[1].setupMs > a[1].setupMs ? b : a));
    const share = testMs > 0 ? ((100 * setupMs) / testMs).toFixed(1) : '0.0';
    lines.push(
      `e2e time: ${rows.length} specs, ${tests} tests, ${s(testMs)} s in tests (run ${s(result.duration)} s); ` +
        `setup ${s(setupMs)} s (${share} %), slowest setup ${slowFile} ${s(slow.setupMs)} s; ` +
        `CPU ${s(cpuMs)} s (worker, bridge and browser)`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    if (this.outFile) {
      fs.mkdirSync(path.dirname(this.outFile), { recursive: true });
      const json = { durationMs: result.duration, testMs, setupMs, cpuMs, specs: Object.fromEntries(rows) };
      const tmp = `${this.outFile}.tmp`;
      fs.writeFileSync(tmp, `${JSON.stringify(json, null, 2)}\n`);
      fs.renameSync(tmp, this.outFile);
    }
  }
}
