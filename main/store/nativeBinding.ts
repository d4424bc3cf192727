/**
 * Which compiled better-sqlite3 a process loads — the ONE place that decides it.
 *
 * Two builds live side by side: node_modules/better-sqlite3 holds the build for the Node that
 * ran npm (tests, CLI, loopback bridge); Electron embeds another Node with another
 * NODE_MODULE_VERSION and loads a build kept in a cache folder keyed by Electron version,
 * platform and arch (`.native-cache/electron-41.7.1-linux-x64/better_sqlite3.node`, prepared by
 * scripts/electron-sqlite.mjs; the packaged app ships it as resources/native/<key>/…).
 *
 * Under Node the answer is "the default build" (undefined). Under Electron the cached build is
 * located and read before it is loaded: a missing file, another module version or another CPU
 * is refused with a Chinese message saying what to do. The choice is handed to worker threads
 * through ONEBAG_SQLITE_BINDING, so the dossier worker loads exactly the same file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { formatPlatforms, inspectNativeModule } from './nativeModuleFile';

export const NATIVE_CACHE_DIR = '.native-cache';
export const BINDING_FILE = 'better_sqlite3.node';
/** Folder under the packaged app's resources (electron-builder extraResources). */
export const PACKAGED_NATIVE_DIR = 'native';
/** Explicit path of the Electron build; set by the main process for its workers. */
export const BINDING_ENV = 'ONEBAG_SQLITE_BINDING';
/** Alternative cache root (e.g. a shared folder on an offline build machine). */
export const CACHE_ENV = 'ONEBAG_NATIVE_CACHE';

/** The facts about the running process the choice depends on (injected in tests). */
export interface NativeRuntime {
  /** process.versions.electron; absent under plain Node. */
  electron?: string | undefined;
  /** process.versions.modules (NODE_MODULE_VERSION of the running Node). */
  modules: string;
  platform: NodeJS.Platform;
  arch: string;
  env: NodeJS.ProcessEnv;
  /** process.resourcesPath of a packaged Electron app. */
  resourcesPath?: string | undefined;
  /** The app's root folder: the repository, or …/resources/app.asar when packaged. */
  appRoot: string;
}

/** 'default': better-sqlite3's own build in node_modules; 'file': a checked build elsewhere. */
export type NativeBindingChoice = { kind: 'default' } | { kind: 'file'; file: string; moduleVersion: number; arch: string };

export function electronCacheKey(electronVersion: string, platform: string, arch: string): string {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

/** The resources folder of an installed app: process.resourcesPath, or (in a worker) the folder holding app.asar. */
export function packagedResources(rt: NativeRuntime): string | undefined {
  if (rt.resourcesPath) return rt.resourcesPath;
  return path.basename(rt.appRoot) === 'app.asar' ? path.dirname(rt.appRoot) : undefined;
}

const isInside = (file: string, dir: string) => {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * Where an Electron build is looked for, most specific first. An installed app looks only in
 * its own resources folder: the environment cannot make it load native code from elsewhere
 * (its fuses already refuse NODE_OPTIONS for the same reason).
 */
export function electronBindingCandidates(rt: NativeRuntime): string[] {
  const key = electronCacheKey(rt.electron ?? '?', rt.platform, rt.arch);
  const explicit = rt.env[BINDING_ENV]?.trim();
  const resources = packagedResources(rt);
  if (explicit) {
    if (resources && !isInside(explicit, resources)) {
      throw new AppError('FORBIDDEN', `安装版只加载安装目录中的数据库组件，已拒绝环境变量 ${BINDING_ENV} 指定的 ${explicit}`);
    }
    return [path.resolve(explicit)];
  }
  if (resources) return [path.join(resources, PACKAGED_NATIVE_DIR, key, BINDING_FILE)];
  const out: string[] = [];
  const cacheRoot = rt.env[CACHE_ENV]?.trim();
  if (cacheRoot) out.push(path.resolve(cacheRoot, key, BINDING_FILE));
  out.push(path.join(rt.appRoot, NATIVE_CACHE_DIR, key, BINDING_FILE));
  return out;
}

const REPAIR_DEV = '请在项目目录运行 npm start（会自动重新准备），或运行 node scripts/electron-sqlite.mjs';
const REPAIR_PACKAGED = '请重新安装 OneBag';

/** Checks one candidate file against the runtime; returns null when it fits, else the reason. */
export function bindingMismatch(file: string, rt: NativeRuntime): string | null {
  let info;
  try {
    info = inspectNativeModule(file);
  } catch (err) {
    return `无法读取 ${file}：${(err as Error).message}`;
  }
  if (!formatPlatforms(info.format).includes(rt.platform)) {
    return `${file} 不是 ${rt.platform} 系统的程序模块（格式：${info.format}）`;
  }
  if (info.arch !== rt.arch) {
    return `${file} 为 ${info.arch ?? '未知'} 处理器编译，本机为 ${rt.arch}`;
  }
  if (info.moduleVersion === null) return `${file} 中找不到 Node 模块版本号，无法确认它与本程序匹配`;
  if (String(info.moduleVersion) !== rt.modules) {
    return (
      `${file} 是为 Node 模块版本 ${info.moduleVersion} 编译的，` +
      `本程序（${rt.electron ? `Electron ${rt.electron}` : `Node ${process.versions.node}`}）需要模块版本 ${rt.modules}` +
      (info.moduleVersion < Number(rt.modules) ? '（这很可能是给 Node.js 用的版本）' : '')
    );
  }
  return null;
}

/**
 * Decides which build the runtime loads; throws an AppError with a Chinese message when none
 * fits. Plain Node uses the default build unless ONEBAG_SQLITE_BINDING names one (checked all
 * the same); Electron always loads a checked file from the cache or the app's resources.
 */
export function selectNativeBinding(rt: NativeRuntime): NativeBindingChoice {
  if (!rt.electron && !rt.env[BINDING_ENV]?.trim()) return { kind: 'default' };
  const candidates = electronBindingCandidates(rt);
  const repair = packagedResources(rt) ? REPAIR_PACKAGED : REPAIR_DEV;
  const present = candidates.filter((f) => fs.existsSync(f));
  if (present.length === 0) {
    const wanted = rt.electron ? `Electron ${rt.electron}` : `Node 模块版本 ${rt.modules}`;
    throw new AppError(
      'UNSUPPORTED',
      `缺少 ${wanted}（${rt.platform}-${rt.arch}）版数据库组件 ${BINDING_FILE}。已查找：\n` +
        candidates.map((c) => `  ${c}`).join('\n') +
        `\n${repair}。`,
    );
  }
  const reasons: string[] = [];
  for (const file of present) {
    const reason = bindingMismatch(file, rt);
    if (!reason) {
      const info = inspectNativeModule(file);
      return { kind: 'file', file, moduleVersion: info.moduleVersion!, arch: info.arch! };
    }
    reasons.push(reason);
  }
  throw new AppError('UNSUPPORTED', `数据库组件与本程序不匹配，已拒绝加载：\n${reasons.map((r) => `  ${r}`).join('\n')}\n${repair}。`);
}

/** The app root seen from this module: sources (main/store) or a bundle (dist/main/<entry>/). */
function moduleAppRoot(): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  return typeof __filename === 'string' && __filename.endsWith('.ts')
    ? path.resolve(here, '..', '..')
    : path.resolve(here, '..', '..', '..');
}

export function currentRuntime(): NativeRuntime {
  const electronProcess = process as NodeJS.Process & { resourcesPath?: string; defaultApp?: boolean };
  // `electron .` (development) sets defaultApp; a packaged app does not.
  const packaged = !!process.versions.electron && !electronProcess.defaultApp && !!electronProcess.resourcesPath;
  return {
    electron: process.versions.electron,
    modules: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
    env: process.env,
    resourcesPath: packaged ? electronProcess.resourcesPath : undefined,
    appRoot: moduleAppRoot(),
  };
}

let chosen: NativeBindingChoice | undefined;

/** The choice for this process, made once; throws (every time) while no build fits. */
export function currentNativeBinding(): NativeBindingChoice {
  if (chosen) return chosen;
  const choice = selectNativeBinding(currentRuntime());
  // Worker threads copy process.env when they start: they load the very same file.
  if (choice.kind === 'file') process.env[BINDING_ENV] = choice.file;
  chosen = choice;
  return choice;
}

/** better-sqlite3's `nativeBinding` option for this process: undefined means its default build. */
export function sqliteNativeBinding(): string | undefined {
  const choice = currentNativeBinding();
  return choice.kind === 'file' ? choice.file : undefined;
}
