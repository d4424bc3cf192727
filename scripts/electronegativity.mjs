#!/usr/bin/env node
/**
 * Electron security review of main/app with @doyensec/electronegativity (programmatic API).
 * Prints every finding and a summary; exits 1 on any finding above LOW severity.
 *
 *   node scripts/electronegativity.mjs [DIR]        (default: main/app)
 *
 * Offline: electronegativity fetches updated translations from the internet on every run;
 * its i18n loader is replaced here by the same setup using only the bundled en-US strings.
 * The Electron version is the installed one (main/app has no package.json of its own).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = path.resolve(repo, process.argv[2] ?? 'main/app');
const require = createRequire(path.join(repo, 'package.json'));

const runnerPath = require.resolve('@doyensec/electronegativity');
const enRequire = createRequire(runnerPath);
const i18nPath = enRequire.resolve('./locales/i18n');

// Offline i18n: identical configuration, no network request.
function offlineI18n() {
  const i18n = enRequire('i18n');
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: path.dirname(i18nPath),
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
  return Promise.resolve();
}
offlineI18n.default = offlineI18n;
const stub = new (enRequire('node:module').Module)(i18nPath);
stub.filename = i18nPath;
stub.loaded = true;
stub.exports = offlineI18n;
enRequire.cache[i18nPath] = stub;

const run = enRequire(runnerPath);
const { severity } = enRequire('./finder');
const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

if (!fs.existsSync(input)) {
  console.error(`electronegativity: ${path.relative(repo, input)} does not exist`);
  process.exit(1);
}

const quiet = console.log;
const result = await run({
  input,
  output: undefined,
  isSarif: false,
  customScan: [],
  // Downloads Electron's release list from the internet: meaningless offline (and lint must not
  // touch the network). Electron upgrades are reviewed by hand when bumping the version.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  severitySet: 'informational',
  confidenceSet: 'tentative',
  isRelative: true,
  isVerbose: false,
  electronUpgrade: undefined,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
});
console.log = quiet;

const rel = (f) => path.relative(repo, path.isAbsolute(f) ? f : path.join(input, f));
const blocking = result.issues.filter((i) => i.severity.value > severity.LOW.value);
const sorted = [...result.issues].sort((a, b) => b.severity.value - a.severity.value || a.id.localeCompare(b.id));
for (const i of sorted) {
  const mark = i.severity.value > severity.LOW.value ? '✖' : '·';
  const where = i.location ? `${rel(i.file)}:${i.location.line}:${i.location.column}` : rel(i.file);
  console.log(
    `${mark} ${i.severity.name.padEnd(13)} ${i.confidence.name.padEnd(9)} ${i.id.padEnd(40)} ${where}${i.manualReview ? '  (manual review)' : ''}`,
  );
}
for (const e of result.errors.filter((x) => !x.tolerable)) console.error(`✖ parse error in ${rel(e.file)}: ${e.message}`);

const bySeverity = {};
for (const i of result.issues) bySeverity[i.severity.name] = (bySeverity[i.severity.name] ?? 0) + 1;
const counts =
  Object.entries(bySeverity)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ') || 'no findings';
console.log(
  `electronegativity: ${path.relative(repo, input)} (Electron ${electronVersion}, ${result.globalChecks + result.atomicChecks} checks) — ${counts}; ` +
    `${blocking.length} above LOW`,
);
const parseErrors = result.errors.filter((x) => !x.tolerable).length;
process.exit(blocking.length > 0 || parseErrors > 0 ? 1 : 0);
