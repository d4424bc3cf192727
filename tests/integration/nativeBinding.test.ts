/**
 * Which compiled better-sqlite3 a process loads (main/store/nativeBinding.ts), with real files:
 * the Node build npm compiled into node_modules, copied into cache folders laid out like the
 * repository's .native-cache and a packaged app's resources. The runtime is injected — the
 * installed Electron's version and its module version come from electron/package.json and
 * node-abi, never typed in here.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BINDING_ENV,
  BINDING_FILE,
  electronBindingCandidates,
  electronCacheKey,
  NATIVE_CACHE_DIR,
  PACKAGED_NATIVE_DIR,
  selectNativeBinding,
  type NativeRuntime,
} from '../../main/store/nativeBinding';
import { inspectNativeModule } from '../../main/store/nativeModuleFile';
import { AppError } from '../../shared/result';

const root = path.resolve(__dirname, '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const nodeBuild = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', BINDING_FILE);
const electronVersion = (require('electron/package.json') as { version: string }).version;
const electronModules = String((require('node-abi') as { getAbi(v: string, rt: string): string }).getAbi(electronVersion, 'electron'));
const otherArch = process.arch === 'arm64' ? 'x64' : 'arm64';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-native-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function runtime(over: Partial<NativeRuntime> = {}): NativeRuntime {
  return {
    electron: electronVersion,
    modules: electronModules,
    platform: process.platform,
    arch: process.arch,
    env: {},
    appRoot: path.join(tmp, 'repo'),
    ...over,
  };
}

/** Puts a copy of the Node build where the repository's cache keeps the Electron build. */
function seedCache(appRoot: string, rt: NativeRuntime): string {
  const file = path.join(appRoot, NATIVE_CACHE_DIR, electronCacheKey(rt.electron!, rt.platform, rt.arch), BINDING_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(nodeBuild, file);
  return file;
}

function refusal(rt: NativeRuntime): string {
  try {
    selectNativeBinding(rt);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).message;
  }
  throw new Error('expected the binding to be refused');
}

describe('reading a compiled addon', () => {
  it('reads the format, CPU and module version of the Node build npm compiled', () => {
    const info = inspectNativeModule(nodeBuild);
    expect(info.moduleVersion).toBe(Number(process.versions.modules));
    expect(info.arch).toBe(process.arch);
    expect(info.format).toBe(process.platform === 'win32' ? 'pe' : process.platform === 'darwin' ? 'macho' : 'elf');
  });

  it('finds no module version in a file that is not an addon', () => {
    const f = path.join(tmp, 'fake.node');
    fs.writeFileSync(f, 'not a shared library');
    expect(inspectNativeModule(f)).toEqual({ format: 'unknown', arch: null, moduleVersion: null });
  });
});

describe('choosing the native build', () => {
  it('plain Node uses better-sqlite3’s own build', () => {
    expect(selectNativeBinding(runtime({ electron: undefined, modules: process.versions.modules }))).toEqual({ kind: 'default' });
  });

  it('Electron loads the cached build keyed by version, platform and arch, and it opens a database', () => {
    // The installed Electron's version, with this Node's module version so the copy fits and loads here.
    const rt = runtime({ modules: process.versions.modules });
    const file = seedCache(rt.appRoot, rt);
    expect(path.basename(path.dirname(file))).toBe(`electron-${electronVersion}-${process.platform}-${process.arch}`);
    const choice = selectNativeBinding(rt);
    expect(choice).toEqual({ kind: 'file', file, moduleVersion: Number(process.versions.modules), arch: process.arch });
    const db = new Database(':memory:', { nativeBinding: file });
    expect((db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v).toMatch(/^3\.\d+\.\d+$/);
    db.close();
    expect(Object.keys(require.cache)).toContain(file);
  });

  it('refuses a missing cache, naming the Electron version and every place it looked', () => {
    const rt = runtime({ resourcesPath: path.join(tmp, 'resources') });
    const message = refusal(rt);
    expect(message).toContain(`缺少 Electron ${electronVersion}`);
    for (const c of electronBindingCandidates(rt)) expect(message).toContain(c);
    expect(message).toContain('请重新安装 OneBag');
  });

  it('refuses the Node build in Electron’s cache (wrong module version) with both numbers', () => {
    const rt = runtime();
    expect(electronModules).not.toBe(process.versions.modules);
    seedCache(rt.appRoot, rt);
    const message = refusal(rt);
    expect(message).toContain('已拒绝加载');
    expect(message).toContain(`Node 模块版本 ${process.versions.modules} 编译`);
    expect(message).toContain(`需要模块版本 ${electronModules}`);
    expect(message).toContain('npm start');
  });

  it('refuses a build for another CPU or another operating system', () => {
    const rt = runtime({ modules: process.versions.modules, arch: otherArch });
    seedCache(rt.appRoot, rt);
    expect(refusal(rt)).toContain(`为 ${process.arch} 处理器编译，本机为 ${otherArch}`);

    const other: NodeJS.Platform = process.platform === 'win32' ? 'linux' : 'win32';
    const rt2 = runtime({ modules: process.versions.modules, platform: other });
    seedCache(rt2.appRoot, rt2);
    expect(refusal(rt2)).toContain(`不是 ${other} 系统的程序模块`);
  });

  it('refuses a damaged file', () => {
    const rt = runtime();
    const file = seedCache(rt.appRoot, rt);
    fs.writeFileSync(file, Buffer.alloc(4096));
    expect(refusal(rt)).toContain('不是');
  });

  it('an installed app loads only from its resources folder (resources/native/<key>/), never a cache beside it', () => {
    const resources = path.join(tmp, 'resources');
    const rt = runtime({ modules: process.versions.modules, resourcesPath: resources, appRoot: path.join(resources, 'app.asar') });
    const key = electronCacheKey(electronVersion, process.platform, process.arch);
    const shipped = path.join(resources, PACKAGED_NATIVE_DIR, key, BINDING_FILE);
    expect(electronBindingCandidates(rt)).toEqual([shipped]);
    seedCache(resources, rt); // resources/.native-cache/… must not count
    seedCache(path.join(resources, 'app.asar.unpacked'), rt);
    expect(refusal(rt)).toContain(`缺少 Electron ${electronVersion}`);
    fs.mkdirSync(path.dirname(shipped), { recursive: true });
    fs.copyFileSync(nodeBuild, shipped);
    expect(selectNativeBinding(rt)).toMatchObject({ kind: 'file', file: shipped });
  });

  it('in a worker thread of an installed app (no resourcesPath) the folder holding app.asar is the resources folder', () => {
    const resources = path.join(tmp, 'Program Files', 'OneBag', 'resources');
    const shipped = path.join(
      resources,
      PACKAGED_NATIVE_DIR,
      electronCacheKey(electronVersion, process.platform, process.arch),
      BINDING_FILE,
    );
    fs.mkdirSync(path.dirname(shipped), { recursive: true });
    fs.copyFileSync(nodeBuild, shipped);
    const worker = (env: NodeJS.ProcessEnv) =>
      runtime({ electron: undefined, modules: process.versions.modules, appRoot: path.join(resources, 'app.asar'), env });
    // The main process's choice, handed over in the environment, is inside the resources folder.
    expect(selectNativeBinding(worker({ [BINDING_ENV]: shipped }))).toMatchObject({ kind: 'file', file: shipped });
    // Anything else named by the environment is refused: no native code from outside the install.
    const outside = path.join(tmp, 'elsewhere', BINDING_FILE);
    fs.mkdirSync(path.dirname(outside), { recursive: true });
    fs.copyFileSync(nodeBuild, outside);
    expect(() => selectNativeBinding(worker({ [BINDING_ENV]: outside }))).toThrow(`已拒绝环境变量 ${BINDING_ENV} 指定的 ${outside}`);
    expect(() =>
      selectNativeBinding(
        runtime({ resourcesPath: resources, appRoot: path.join(resources, 'app.asar'), env: { [BINDING_ENV]: outside } }),
      ),
    ).toThrow('安装版只加载安装目录中的数据库组件');
  });

  it('an explicit ONEBAG_SQLITE_BINDING (the main process’s choice, inherited by workers) wins, and is still checked', () => {
    const file = path.join(tmp, 'chosen', BINDING_FILE);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(nodeBuild, file);
    const underNode = runtime({ electron: undefined, modules: process.versions.modules, env: { [BINDING_ENV]: file } });
    expect(selectNativeBinding(underNode)).toMatchObject({ kind: 'file', file });
    expect(refusal(runtime({ env: { [BINDING_ENV]: file } }))).toContain(`需要模块版本 ${electronModules}`);
    expect(refusal(runtime({ env: { [BINDING_ENV]: path.join(tmp, 'nowhere.node') } }))).toContain(path.join(tmp, 'nowhere.node'));
  });
});
