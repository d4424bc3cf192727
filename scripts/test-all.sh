#!/usr/bin/env bash
# npm test: every suite in order, continuing through failures, then ONE closing line
# "N passed, N failed, N skipped" totalled over lint, typecheck, vitest and Playwright.
set -uo pipefail
cd "$(dirname "$0")/.."

REPORTS=.reports
mkdir -p "$REPORTS"
rm -f "$REPORTS/playwright.end" "$REPORTS/lint.txt" "$REPORTS/vitest.json" "$REPORTS/playwright.json" "$REPORTS/playwright.log" "$REPORTS/steps.txt" "$REPORTS/typecheck.log" "$REPORTS/build.log"

step() { # step NAME EXIT_CODE
  echo "$1 $2" >>"$REPORTS/steps.txt"
}
# Wall seconds per phase, for the CI time budget (issue 15): .reports/times.txt and the log.
T0=$SECONDS
took() { # took NAME START_SECONDS
  echo "$1 $((SECONDS - $2))s" | tee -a "$REPORTS/times.txt"
}
rm -f "$REPORTS/times.txt"

# Two cores (issue 15). Playwright needs only the built renderer, and its one worker (the bridge and
# Chromium taking turns) keeps about one core busy: it runs from the end of the build to the end of
# the run, while lint, the typecheck and vitest take the other core. The typecheck starts beside the
# build. Background output is kept in a log and shown when its phase is reached, so the log stays
# in order. Both runners share one folder of prepared data folders (tests/fixtures/preparedFolder.ts):
# the demo county they both copy is built once.
export ONEBAG_PREPARED_ROOT
ONEBAG_PREPARED_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/onebag-prepared-run-XXXXXX")
typecheck_pid=""
playwright_pid=""
cleanup() { # an interrupted run leaves no runner behind, and no prepared folders
  # Playwright runs inside a subshell (which notes its end time): its children go first.
  for pid in $typecheck_pid $playwright_pid; do
    pkill -P "$pid" 2>/dev/null
    kill "$pid" 2>/dev/null
  done
  rm -rf "$ONEBAG_PREPARED_ROOT"
}
trap cleanup EXIT

echo "==> build renderer (typecheck alongside)"
t=$SECONDS
npm run --silent typecheck >"$REPORTS/typecheck.log" 2>&1 &
typecheck_pid=$!
npm run --silent build:renderer >"$REPORTS/build.log" 2>&1
build_rc=$?
cat "$REPORTS/build.log"
took build $t

if [ "$build_rc" -eq 0 ]; then
  step build 0
  echo "==> playwright started in the background (its log follows vitest)"
  t_playwright=$SECONDS
  # The moment Playwright ends is written down: its own wall time, not when it is waited for.
  (
    npm run --silent test:e2e >"$REPORTS/playwright.log" 2>&1
    rc=$?
    echo "$SECONDS" >"$REPORTS/playwright.end"
    exit "$rc"
  ) &
  playwright_pid=$!
else
  step build 1
  echo "renderer build failed: Playwright skipped"
fi

echo "==> lint"
t=$SECONDS
npm run --silent lint
step lint $?
took lint $t

echo "==> typecheck"
t=$SECONDS
wait "$typecheck_pid"
typecheck_rc=$?
typecheck_pid=""
cat "$REPORTS/typecheck.log"
step typecheck "$typecheck_rc"
took typecheck-wait $t

echo "==> vitest"
t=$SECONDS
npm run --silent test:unit -- --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest.json"
step vitest $?
took vitest $t

if [ -n "$playwright_pid" ]; then
  echo "==> playwright"
  t=$SECONDS
  wait "$playwright_pid"
  playwright_rc=$?
  playwright_pid=""
  cat "$REPORTS/playwright.log"
  step playwright "$playwright_rc"
  took playwright-wait $t
  echo "playwright $(($(cat "$REPORTS/playwright.end" 2>/dev/null || echo "$SECONDS") - t_playwright))s (its own run, from the build's end)" | tee -a "$REPORTS/times.txt"
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
// The CI shows only the end of the log: every failure is named again just above the closing line.
const failures = [];
const lintSteps = (() => { try { return fs.readFileSync(path.join(dir, 'lint.txt'), 'utf8').trim().split('\n').filter(Boolean); } catch { return []; } })();
for (const s of ['lint', 'typecheck']) steps[s] === 0 ? passed++ : (failed++, failures.push(`step ${s}${s === 'lint' && lintSteps.length ? `: ${lintSteps.join(', ')}` : ''}`));
if (steps.build !== undefined && steps.build !== 0) { failed++; failures.push('step build'); }
const v = read('vitest.json');
if (v) {
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  // Files that failed to load have no tests to count; count each as one failure.
  const brokenFiles = (v.testResults ?? []).filter((r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed'));
  const broken = brokenFiles.length;
  failed += broken;
  for (const r of v.testResults ?? []) {
    const file = path.relative(process.cwd(), r.name ?? '');
    for (const a of r.assertionResults ?? []) {
      if (a.status === 'failed') failures.push(`vitest ${file} › ${a.fullName ?? a.title}: ${String((a.failureMessages ?? [])[0] ?? '').split('\n')[0].slice(0, 300)}`);
    }
    if (brokenFiles.includes(r)) failures.push(`vitest ${file} (did not load): ${String(r.message ?? '').split('\n')[0].slice(0, 300)}`);
  }
  if (steps.vitest !== 0 && (v.numFailedTests ?? 0) + broken === 0) { failed++; failures.push('step vitest'); }
} else if ('vitest' in steps) { failed++; failures.push('vitest: no report'); }
if ('playwright' in steps) {
  const p = read('playwright.json');
  if (p && p.stats) {
    passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
    failed += p.stats.unexpected ?? 0;
    skipped += p.stats.skipped ?? 0;
    if (steps.playwright !== 0 && (p.stats.unexpected ?? 0) === 0) { failed++; failures.push('step playwright'); }
    const walk = (suite, outer) => {
      const trail = suite.title && !suite.title.endsWith('.ts') ? [...outer, suite.title] : outer;
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests ?? []) {
          if (t.status !== 'unexpected') continue;
          const last = (t.results ?? []).at(-1);
          failures.push(`playwright ${spec.file}:${spec.line} › ${[...trail, spec.title].join(' › ')}: ${String(last?.error?.message ?? '').split('\n')[0].slice(0, 300)}`);
        }
      }
      for (const child of suite.suites ?? []) walk(child, trail);
    };
    for (const s of p.suites ?? []) walk(s, []);
  } else { failed++; failures.push('playwright: no report'); }
}
if (failures.length > 0) console.log(`failed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
NODE
