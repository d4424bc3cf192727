/**
 * electron-builder.yml, checked offline: the config is loaded and schema-validated through
 * app-builder-lib exactly as `electron-builder` would, then the points a release manager
 * signs off are asserted (targets, arches, native module handling, fuses, no update feed).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const require = createRequire(path.join(root, 'package.json'));

type Config = Record<string, any>;
interface ConfigApi {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Config>;
  validateConfiguration(config: Config, debugLogger: unknown): Promise<void>;
}

/** app-builder-lib does not export these publicly; the internal path is guarded here. */
const CONFIG_MODULE = 'app-builder-lib/out/util/config/config';

function loadApi(): { api: ConfigApi; newLogger: () => unknown } {
  let api: ConfigApi;
  let DebugLogger: new (enabled: boolean) => unknown;
  try {
    api = require(CONFIG_MODULE) as ConfigApi;
    const builderUtil = require(
      require.resolve('builder-util', { paths: [path.dirname(require.resolve('app-builder-lib/package.json'))] }),
    );
    DebugLogger = builderUtil.DebugLogger;
  } catch (err) {
    throw new Error(
      `Cannot load ${CONFIG_MODULE} / builder-util's DebugLogger (app-builder-lib ${version()}): ` +
        `the internal path has probably moved in this electron-builder release. ` +
        `Find getConfig/validateConfiguration in node_modules/app-builder-lib/out and update tests/integration/builderConfig.test.ts. ` +
        `Cause: ${(err as Error).message}`,
      { cause: err },
    );
  }
  if (typeof api.getConfig !== 'function' || typeof api.validateConfiguration !== 'function' || typeof DebugLogger !== 'function') {
    throw new Error(
      `${CONFIG_MODULE} (app-builder-lib ${version()}) no longer exports getConfig/validateConfiguration/DebugLogger — update this test.`,
    );
  }
  return { api, newLogger: () => new DebugLogger(false) };
}

function version(): string {
  try {
    return (require('app-builder-lib/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

type Target = { target: string; arch?: string[] | string };
function targets(list: unknown): Target[] {
  const arr = Array.isArray(list) ? list : [list];
  return arr.map((t) => (typeof t === 'string' ? { target: t } : (t as Target)));
}
function archesOf(list: unknown, name: string): string[] {
  const t = targets(list).find((x) => x.target.toLowerCase() === name.toLowerCase());
  if (!t) return [];
  return Array.isArray(t.arch) ? t.arch : t.arch ? [t.arch] : [];
}

let config: Config;
let loaded: ReturnType<typeof loadApi>;

beforeAll(async () => {
  loaded = loadApi();
  config = await loaded.api.getConfig(root, path.join(root, 'electron-builder.yml'), null);
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(loaded.api.validateConfiguration(structuredClone(config), loaded.newLogger())).resolves.toBeUndefined();
  });

  it('validation is not a no-op: an unknown key is rejected', async () => {
    const bad = { ...structuredClone(config), notAnElectronBuilderOption: true };
    await expect(loaded.api.validateConfiguration(bad, loaded.newLogger())).rejects.toThrow(/notAnElectronBuilderOption|configuration/i);
  });

  it('identifies the app', () => {
    expect(config.appId).toBe('cn.onebag.archive');
    expect(config.productName).toContain('OneBag');
  });

  it('writes installers outside dist/ (dist holds the build output)', () => {
    expect(config.directories?.output).toBeTruthy();
    expect(path.normalize(config.directories.output)).not.toBe('dist');
  });

  it('builds Windows nsis + portable for x64 and arm64', () => {
    for (const t of ['nsis', 'portable']) {
      expect(archesOf(config.win?.target, t), `win ${t}`).toEqual(expect.arrayContaining(['x64', 'arm64']));
    }
  });

  it('nsis is an assisted installer in Simplified Chinese', () => {
    expect(config.nsis?.oneClick).toBe(false);
    expect(config.nsis?.allowToChangeInstallationDirectory).toBe(true);
    const langs = [config.nsis?.installerLanguages].flat();
    expect(langs).toContain('zh_CN');
  });

  it('builds Linux deb + AppImage for x64 and arm64 in the Office category', () => {
    for (const t of ['deb', 'AppImage']) {
      expect(archesOf(config.linux?.target, t), `linux ${t}`).toEqual(expect.arrayContaining(['x64', 'arm64']));
    }
    expect(config.linux?.category).toBe('Office');
  });

  it('ships the bundles and production node_modules', () => {
    const filters = (config.files as { filter?: string[] }[]).flatMap((f) => f.filter ?? []);
    expect(filters).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
  });

  it('unpacks pdfkit data from the asar', () => {
    const unpack = [config.asarUnpack].flat();
    expect(unpack.some((p: string) => p.includes('node_modules/pdfkit'))).toBe(true);
    expect(config.asar).not.toBe(false);
  });

  it('ships the Electron build of better-sqlite3 from the native cache, never the Node build', () => {
    const filters = (config.files as { filter?: string[] }[]).flatMap((f) => f.filter ?? []);
    expect(filters).toContain('!**/node_modules/better-sqlite3/{deps,src,build}/**');
    const native = (config.extraResources as { from: string; to: string; filter: string[] }[]).find((r) => r.to.startsWith('native/'));
    expect(native?.from).toBe('.native-cache/electron-${env.ONEBAG_ELECTRON_VERSION}-${platform}-${arch}');
    expect(native?.to).toBe('native/electron-${env.ONEBAG_ELECTRON_VERSION}-${platform}-${arch}');
    expect(native?.filter).toContain('better_sqlite3.node');
  });

  it('never rebuilds native modules in place (scripts/electron-sqlite.mjs builds into the cache)', () => {
    expect(config.npmRebuild).toBe(false);
  });

  it('nsis installs per user without admin rights, elevation optional, and keeps the data on uninstall', () => {
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.nsis?.allowElevation).toBe(true);
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('has no publish provider (no update feed)', () => {
    expect(config.publish ?? null).toBeNull();
    for (const platform of ['win', 'linux', 'mac', 'nsis', 'portable', 'appImage', 'deb']) {
      expect(config[platform]?.publish ?? null, `${platform}.publish`).toBeNull();
    }
  });

  it('each installer carries only its own platform’s and arch’s ONNX Runtime, CPU provider only', () => {
    // electron-builder's own matcher and macro expansion (internal modules, as above)
    const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as {
      FileMatcher: new (
        from: string,
        to: string,
        expand: (p: string) => string,
        patterns: string[],
      ) => { createFilter(): (file: string, stat: fs.Stats) => boolean };
    };
    const { expandMacro } = require('app-builder-lib/out/util/macroExpander') as {
      expandMacro(p: string, arch: string, appInfo: object): string;
    };
    const patterns = (list: unknown): string[] =>
      [list ?? []].flat().flatMap((f: string | { filter?: string[] }) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    const binDir = path.join(root, 'node_modules/onnxruntime-node/bin/napi-v6');
    const all = (fs.readdirSync(binDir, { recursive: true }) as string[])
      .filter((f) => fs.statSync(path.join(binDir, f)).isFile())
      .map((f) => f.replace(/\\/g, '/'));
    expect(all).toContain('win32/arm64/onnxruntime.dll');
    for (const [platform, key] of [
      ['linux', 'linux'],
      ['win32', 'win'],
    ] as const) {
      for (const arch of ['x64', 'arm64']) {
        const matcher = new FileMatcher(root, '.', (p) => expandMacro(p, arch, {}), [
          ...patterns(config.files),
          ...patterns(config[key]?.files),
        ]);
        const keep = matcher.createFilter();
        const kept = all.filter((f) => keep(path.join(binDir, f), fs.statSync(path.join(binDir, f)))).sort();
        const own = all.filter((f) => f.startsWith(`${platform}/${arch}/`) && !/\/(DirectML|dxcompiler)\.dll$/.test(f)).sort();
        expect(kept, `${platform}-${arch}`).toEqual(own);
        expect(kept.some((f) => /onnxruntime_binding\.node$/.test(f))).toBe(true);
      }
    }
  });

  it('ships the VC++ runtime that onnxruntime.dll imports next to the Windows executable', () => {
    // the DLLs onnxruntime.dll imports besides Windows' own (objdump -p of the x64 build)
    const extra = [config.win?.extraFiles ?? []].flat() as Array<{ from: string; to: string; filter: string[] }>;
    expect(extra).toContainEqual({ from: 'build/vcruntime/${arch}', to: '.', filter: ['*.dll'] });
    const workflow = fs.readFileSync(path.join(root, '.github/workflows/release.yml'), 'utf8');
    const ort = fs.readFileSync(path.join(root, 'node_modules/onnxruntime-node/bin/napi-v6/win32/x64/onnxruntime.dll')).toString('latin1');
    for (const dll of ['vcruntime140.dll', 'vcruntime140_1.dll', 'msvcp140.dll', 'msvcp140_1.dll', 'msvcp140_atomic_wait.dll']) {
      const dllImport = new RegExp(dll.replace('.', '\\.'), 'i');
      expect(ort).toMatch(dllImport);
      expect(workflow.split(dll).length - 1, `${dll} copied and checked by the release workflow`).toBe(2);
    }
  });
});
