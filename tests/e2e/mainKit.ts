/**
 * The main-process code for the Playwright worker as ONE prebuilt bundle (issue 15).
 *
 * Without it, the worker compiles every module the fixtures and specs reach under main/ and
 * shared/ (the bridge reaches nearly all of them) with Playwright's Babel transform, file by file:
 * on a fresh CI clone, whose transform cache is empty, that took most of a minute of a busy core.
 * And the dossier, OCR and demo-file workers compiled their sources again through tsx in each
 * thread they started.
 *
 * Instead the config (loaded first by the runner, then by each process it starts: the one that
 * lists the tests, which loads every spec, and the workers) calls `useMainKit`: the runner bundles
 * them once with esbuild (`scripts/build-main.mjs --kit`: the kit, every module's exports under
 * its path, and the worker entries beside it, as in dist/main/) and names the bundle in the
 * environment its child processes inherit; in every process a `require` from the tests of a file
 * under main/ or shared/ then gets that module's exports from the kit. Every spec and fixture then shares ONE copy of each module with the bridge (one clock, one
 * cache), as before, and the specs keep importing the sources for their types. The bundle sits
 * under node_modules/.cache, which Playwright does not transform, and where its packages resolve.
 * Without the environment variable (the kit was not built) the sources load as before.
 */
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { buildMainBundle } from '../fixtures/mainBundle';

export const MAIN_KIT_ENV = 'ONEBAG_E2E_KIT';
const ROOT = path.resolve(__dirname, '../..');

/**
 * Once per process, from the config: in the runner (the environment names no kit yet) bundles
 * the kit into a fresh folder, removed when the runner exits; then serves main/ and shared/ from it.
 */
export function useMainKit(): void {
  if (!process.env[MAIN_KIT_ENV]) {
    const remove = buildMainKit();
    process.once('exit', remove);
  }
  installMainKit();
}

/** Bundles the kit into a fresh folder and names it in the environment; returns the removal. */
function buildMainKit(): () => void {
  const { out, remove } = buildMainBundle('--kit', 'onebag-e2e-kit-');
  process.env[MAIN_KIT_ENV] = path.join(out, 'main', 'kit', 'index.js');
  return remove;
}

interface ModuleInternals {
  _load(request: string, parent: { filename?: string | null } | null | undefined, isMain: boolean): unknown;
  _resolveFilename(request: string, parent: unknown, isMain: boolean): string;
}

let installed = false;

/** Serves main/ and shared/ from the kit named by the environment, if any. */
function installMainKit(): void {
  const kitFile = process.env[MAIN_KIT_ENV];
  if (installed || !kitFile || !fs.existsSync(kitFile)) return;
  installed = true;
  const M = Module as unknown as ModuleInternals;
  const load = M._load;
  const served = [path.join(ROOT, 'main') + path.sep, path.join(ROOT, 'shared') + path.sep];
  const inNodeModules = `${path.sep}node_modules${path.sep}`;
  let modules: Record<string, unknown> | null = null;
  M._load = function loadFromKit(this: unknown, ...args: Parameters<ModuleInternals['_load']>) {
    const [request, parent, isMain] = args;
    const from = parent?.filename;
    if (from && !from.includes(inNodeModules) && (request.startsWith('.') || path.isAbsolute(request))) {
      let file: string | null = null;
      try {
        file = M._resolveFilename(request, parent, isMain);
      } catch {
        // not found: the original loader reports it
      }
      if (file && served.some((dir) => file!.startsWith(dir))) {
        modules ??= (load.call(this, kitFile, null, false) as { modules: Record<string, unknown> }).modules;
        const exports = modules[path.relative(ROOT, file).split(path.sep).join('/')];
        if (exports) return exports;
      }
    }
    return load.apply(this, args);
  };
}
