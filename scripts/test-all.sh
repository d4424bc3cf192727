#!/usr/bin/env bash
# npm test: every suite in order, continuing through failures, then ONE closing line
# "N passed, N failed, N skipped" totalled over lint, typecheck, vitest and Playwright.
set -uo pipefail
cd "$(dirname "$0")/.."

REPORTS=.reports
mkdir -p "$REPORTS"
rm -f "$REPORTS/vitest.json" "$REPORTS/playwright.json" "$REPORTS/steps.txt"

step() { # step NAME EXIT_CODE
  echo "$1 $2" >>"$REPORTS/steps.txt"
}

echo "==> lint"
npm run --silent lint
step lint $?

echo "==> typecheck"
npm run --silent typecheck
step typecheck $?

echo "==> vitest"
npm run --silent test:unit -- --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest.json"
step vitest $?

echo "==> build renderer"
if npm run --silent build:renderer; then
  step build 0
  echo "==> playwright"
  npm run --silent test:e2e
  step playwright $?
else
  step build 1
  echo "renderer build failed: Playwright skipped"
fi

node - "$REPORTS" <<'NODE'
const fs = require('node:fs');
const path = require('node:path');
const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
const steps = Object.fromEntries(
  fs.readFileSync(path.join(dir, 'steps.txt'), 'utf8').trim().split('\n').map((l) => l.split(' ')).map(([k, v]) => [k, Number(v)]),
);
const read = (f) => { try { return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch { return null; } };
for (const s of ['lint', 'typecheck']) steps[s] === 0 ? passed++ : failed++;
if (steps.build !== undefined && steps.build !== 0) failed++;
const v = read('vitest.json');
if (v) {
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  // Files that failed to load have no tests to count; count each as one failure.
  const broken = (v.testResults ?? []).filter((r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  failed += broken;
  if (steps.vitest !== 0 && (v.numFailedTests ?? 0) + broken === 0) failed++;
} else if ('vitest' in steps) failed++;
if ('playwright' in steps) {
  const p = read('playwright.json');
  if (p && p.stats) {
    passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
    failed += p.stats.unexpected ?? 0;
    skipped += p.stats.skipped ?? 0;
    if (steps.playwright !== 0 && (p.stats.unexpected ?? 0) === 0) failed++;
  } else failed++;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
NODE
