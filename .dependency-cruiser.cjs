/**
 * The layer table of /work/shared/docs/architecture.md, enforced by dependency-cruiser
 * (`npm run lint` → depcruise main shared renderer). Each layer lists what it MAY import;
 * anything else is an error. npm packages are allowed everywhere unless a rule says otherwise;
 * Node built-ins (node:*) everywhere in main/, nowhere in shared/ or renderer/.
 * Type-only imports count: a layer must not even see another layer's types.
 *
 * | from          | may import                                                      |
 * |---------------|-----------------------------------------------------------------|
 * | shared/       | shared/                                      (no node:*, no DOM) |
 * | renderer/     | renderer/, shared/, UI packages       (never electron, node:*, main/) |
 * | main/app/     | main/, shared/ — the only importer of electron                  |
 * | main/core/    | main/core, main/store, main/files, shared/                      |
 * | main/store/   | main/store, shared/, main/files/durableFiles                    |
 * | main/files/   | main/files, shared/                                             |
 * | main/dossier/ | main/dossier, main/core, shared/, main/files/durableFiles       |
 * | main/exchange/| main/exchange, main/core, main/store, main/files, shared/       |
 * | main/ocr/     | main/ocr, main/files, shared/ — the OCR engine and its worker thread |
 * | main/api/     | all of main/ but main/app, cli, bridge — the handler table (composition root) |
 * | main/demo/    | main/demo, main/core, main/files, main/store, main/dossier, main/exchange, shared/ |
 * | main/cli/     | all of main/ but main/app, shared/                              |
 * | main/bridge/  | all of main/ but main/app, shared/                              |
 *
 * And no circular imports between files (type-only imports included): a shared piece two
 * files need goes into a module of its own that both import.
 */

/** Dependency types of npm packages (allowed unless a rule forbids the package). */
const NPM = ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg'];
/** Node built-ins. */
const CORE = ['core'];

/**
 * One "may import only" rule: files under `from` that import something that is neither in
 * `allowed` (path regexes), nor an npm package, nor (if `builtins`) a Node built-in.
 */
function layer(name, from, allowed, { builtins, fromNot }) {
  return {
    name,
    severity: 'error',
    comment: `${from} may import only ${allowed.join(', ')}, npm packages${builtins ? ' and Node built-ins' : ''} (architecture.md)`,
    from: fromNot ? { path: `^${from}`, pathNot: fromNot } : { path: `^${from}` },
    to: {
      pathNot: allowed.map((p) => `^${p}`),
      dependencyTypesNot: builtins ? [...NPM, ...CORE] : NPM,
    },
  };
}

const MAIN_BUT_APP = 'main/(?!app/)';
const DURABLE_FILES = 'main/files/durableFiles\\.ts$';
/** Build-tool configs beside the renderer (vite.config.mts) run under Node, not in the page. */
const RENDERER_TOOL_CONFIG = '^renderer/[^/]+\\.config\\.[cm]?[jt]s$';

module.exports = {
  forbidden: [
    layer('shared-is-self-contained', 'shared/', ['shared/'], { builtins: false }),
    layer('renderer-only-shared', 'renderer/', ['renderer/', 'shared/'], { builtins: false, fromNot: RENDERER_TOOL_CONFIG }),
    layer('app-main-and-shared', 'main/app/', ['main/', 'shared/'], { builtins: true }),
    layer('core-layers', 'main/core/', ['main/core/', 'main/store/', 'main/files/', 'shared/'], { builtins: true }),
    // The durable-file toolkit (temp, fsync, rename) is the one piece of main/files the database's
    // own backup and the printed PDFs need; it imports nothing but Node.
    layer('store-layers', 'main/store/', ['main/store/', 'shared/', DURABLE_FILES], { builtins: true }),
    layer('files-layers', 'main/files/', ['main/files/', 'shared/'], { builtins: true }),
    layer('dossier-layers', 'main/dossier/', ['main/dossier/', 'main/core/', 'shared/', DURABLE_FILES], { builtins: true }),
    layer('exchange-layers', 'main/exchange/', ['main/exchange/', 'main/core/', 'main/store/', 'main/files/', 'shared/'], {
      builtins: true,
    }),
    layer('ocr-layers', 'main/ocr/', ['main/ocr/', 'main/files/', 'shared/'], { builtins: true }),
    layer('api-composition', 'main/api/', ['main/(?!app/|cli/|bridge/)', 'shared/'], { builtins: true }),
    layer('demo-layers', 'main/demo/', ['main/demo/', 'main/core/', 'main/files/', 'main/store/', 'main/dossier/', 'main/exchange/', 'shared/'], {
      builtins: true,
    }),
    layer('cli-not-app', 'main/cli/', [MAIN_BUT_APP, 'shared/'], { builtins: true }),
    layer('bridge-not-app', 'main/bridge/', [MAIN_BUT_APP, 'shared/'], { builtins: true }),
    {
      name: 'electron-only-in-main-app',
      severity: 'error',
      comment: 'Only main/app/ may import electron; everything else must run under plain Node (architecture.md).',
      from: { pathNot: '^main/app/' },
      to: { path: ['^electron$', '^electron/', '(^|/)node_modules/electron/'] },
    },
    {
      name: 'renderer-no-node-packages',
      severity: 'error',
      comment: 'The renderer runs in a sandboxed browser context: no native or Node-only packages.',
      from: { path: '^renderer/', pathNot: RENDERER_TOOL_CONFIG },
      to: { path: '(^|/)node_modules/(better-sqlite3|pdfkit|exceljs|tsx|esbuild|@electron|electron-builder)/' },
    },
    {
      name: 'shared-and-renderer-no-builtins',
      severity: 'error',
      comment: 'shared/ and renderer/ never import Node built-ins (node:*), whatever they resolve to.',
      from: { path: '^(shared|renderer)/', pathNot: RENDERER_TOOL_CONFIG },
      to: { dependencyTypes: CORE },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files must not import each other in a cycle (type-only imports too): move the shared piece into its own module.',
      from: { path: '^(main|shared|renderer)/' },
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing package.',
      from: { path: '^(main|shared|renderer)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    // Not node_modules: excluding it would hide imports OF packages (electron!) from the rules;
    // doNotFollow above already keeps the cruise out of their insides.
    exclude: { path: '(^|/)dist/|\\.d\\.ts$' },
    // type-only imports are dependencies too
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
