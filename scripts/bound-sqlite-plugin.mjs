/**
 * esbuild plugin: routes every `import … from 'better-sqlite3'` in a main-process bundle to
 * main/store/boundDatabase.ts, which fills in the native build for the running process (Node's
 * in node_modules, Electron's from the native cache: main/store/nativeBinding.ts). That module
 * itself gets the real package, kept external. Used by scripts/build-main.mjs and its test.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BOUND_DATABASE = path.join(root, 'main', 'store', 'boundDatabase.ts');

export const boundSqlitePlugin = {
  name: 'onebag-bound-sqlite',
  setup(b) {
    b.onResolve({ filter: /^better-sqlite3$/ }, (args) =>
      path.resolve(args.importer) === BOUND_DATABASE ? { path: 'better-sqlite3', external: true } : { path: BOUND_DATABASE },
    );
  },
};
