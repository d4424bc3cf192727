#!/usr/bin/env bash
# npm test: every suite in order, continuing through failures, then ONE closing line
# "N passed, N failed, N skipped" totalled over lint, typecheck, vitest and Playwright.
set -uo pipefail
cd "$(dirname "$0")/.."

REPORTS=.reports
mkdir -p "$REPORTS"
rm -f "$REPORTS/vitest.json" "$REPORTS/playwright.json" "$REPORTS/steps.txt" "$REPORTS/typecheck.log" "$REPORTS/build.log"

step() { # step NAME EXIT_CODE
  echo "$1 $2" >>"$REPORTS/steps.txt"
}
# Wall seconds per phase, for the CI time budget (issue 15): .reports/times.txt and the log.
T0=$SECONDS
took() { # took NAME START_SECONDS
  echo "$1 $((SECONDS - $2))s" | tee -a "$REPORTS/times.txt"
}
rm -f "$REPORTS/times.txt"

# Two cores: the typecheck runs beside the lint, the renderer build beside vitest (both are mostly
# one process on one core). Their output is shown when they finish, so the log stays in order.
echo "==> lint (typecheck alongside)"
t=$SECONDS
npm run --silent typecheck >"$REPORTS/typecheck.log" 2>&1 &
typecheck_pid=$!
npm run --silent lint
step lint $?
took lint $t
echo "==> typecheck"
wait "$typecheck_pid"
typecheck_rc=$?
cat "$REPORTS/typecheck.log"
step typecheck "$typecheck_rc"
took lint+typecheck $t

echo "==> vitest (renderer build alongside)"
t=$SECONDS
npm run --silent build:renderer >"$REPORTS/build.log" 2>&1 &
build_pid=$!
npm run --silent test:unit -- --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest.json"
step vitest $?
took vitest $t

echo "==> build renderer"
wait "$build_pid"
build_rc=$?
cat "$REPORTS/build.log"
took vitest+build $t
if [ "$build_rc" -eq 0 ]; then
  step build 0
  echo "==> playwright"
  t=$SECONDS
  npm run --silent test:e2e
  step playwright $?
  took playwright $t
else
  step build 1
  echo "renderer build failed: Playwright skipped"
fi
took total $T0

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
