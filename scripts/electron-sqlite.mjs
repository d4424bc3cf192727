#!/usr/bin/env node
/**
 * Prepares better-sqlite3 for Electron in the native cache, beside (never over) the Node build:
 *
 *   .native-cache/electron-<version>-<platform>-<arch>/better_sqlite3.node   (+ build-info.json)
 *
 *   node scripts/electron-sqlite.mjs [--arch x64|arm64]
 *
 * Offline first: a valid cached file is used as is (checked by main/store/nativeBinding.ts, the
 * same code the app runs). Otherwise, in a temporary copy of the package:
 *   1. prebuild-install --runtime electron (the prebuilt from better-sqlite3's releases; reuses
 *      npm's prebuild cache ~/.npm/_prebuilds when it was downloaded before);
 *   2. node-gyp against Electron's headers (~/.electron-gyp, downloaded when missing).
 * The result is read back (module version, CPU) before it is moved into the cache (temp file,
 * fsync, rename). When nothing works, the reason says exactly what is missing: the Electron
 * version, the network, or a C++ compiler.
 *
 * Used by scripts/start.mjs (npm start) and scripts/package.mjs (npm run package).
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

export const HEADERS_URL = process.env.ELECTRON_HEADERS_MIRROR ?? 'https://electronjs.org/headers';

/** main/store/nativeBinding.ts, loaded through tsx: one implementation of "does this file fit". */
async function nativeBindingModule() {
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(pathToFileURL(path.join(root, 'main', 'store', 'nativeBinding.ts')).href, import.meta.url);
}

export function electronVersion() {
  return JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

/** NODE_MODULE_VERSION of an Electron release (node-abi's offline registry). */
export function electronModuleVersion(version) {
  try {
    return String(require('node-abi').getAbi(version, 'electron'));
  } catch (err) {
    return null;
  }
}

export function cacheFile(version, platform, arch, cacheRoot = process.env.ONEBAG_NATIVE_CACHE || path.join(root, '.native-cache')) {
  return path.join(path.resolve(cacheRoot), `electron-${version}-${platform}-${arch}`, 'better_sqlite3.node');
}

/** Environment for the build tools: this machine's npmrc sets nodedir=/usr (Node's headers). */
function buildEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^npm_config_(nodedir|disturl|dist_url|target|runtime|arch|platform|build_from_source)$/i.test(k)) delete env[k];
  }
  return env;
}

function run(cmd, args, cwd, timeoutMs) {
  const r = spawnSync(cmd, args, { cwd, env: buildEnv(), encoding: 'utf8', timeout: timeoutMs, windowsHide: true });
  const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}`;
  return { ok: r.status === 0, output };
}

const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|network/i;

function hasCompiler() {
  if (process.platform === 'win32') return true; // node-gyp locates Visual Studio itself and says so
  for (const c of [process.env.CXX, 'c++', 'g++', 'clang++'].filter(Boolean)) {
    if (spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0) return true;
  }
  return false;
}

function installAtomically(src, dest, info) {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.tmp-${process.pid}`;
  fs.copyFileSync(src, tmp);
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, dest);
  const sha256 = crypto.createHash('sha256').update(fs.readFileSync(dest)).digest('hex');
  fs.writeFileSync(path.join(path.dirname(dest), 'build-info.json'), `${JSON.stringify({ ...info, sha256 }, null, 2)}\n`);
}

/**
 * Makes sure the cache holds a build for (electron version, platform, arch).
 * @returns {Promise<{ok: true, file: string, how: 'cache'|'prebuilt'|'compiled'} | {ok: false, reason: 'unknown-electron'|'no-network'|'no-compiler'|'failed', message: string}>}
 */
export async function ensureElectronSqlite({
  arch = process.arch,
  platform = process.platform,
  version = electronVersion(),
  log = console.log,
} = {}) {
  const modules = electronModuleVersion(version);
  if (!modules) {
    return {
      ok: false,
      reason: 'unknown-electron',
      message: `不认识 Electron ${version} 的模块版本（node-abi 太旧）：请升级 node-abi 或 @electron/rebuild。`,
    };
  }
  const dest = cacheFile(version, platform, arch);
  const { bindingMismatch } = await nativeBindingModule();
  const runtime = { electron: version, modules, platform, arch, env: {}, appRoot: root };

  if (fs.existsSync(dest)) {
    const mismatch = bindingMismatch(dest, runtime);
    if (!mismatch) return { ok: true, file: dest, how: 'cache' };
    log(`  缓存中的文件不可用，重新准备 / cached build refused: ${mismatch}`);
  }

  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-electron-sqlite-'));
  const work = path.join(tmp, 'better-sqlite3');
  const buildDir = path.join(sqliteDir, 'build');
  fs.cpSync(sqliteDir, work, { recursive: true, filter: (src) => src !== buildDir && !src.startsWith(buildDir + path.sep) });
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  const info = {
    electron: version,
    modules: Number(modules),
    platform,
    arch,
    betterSqlite3: sqliteVersion,
    createdAt: new Date().toISOString(),
  };

  const accept = (how) => {
    const mismatch = fs.existsSync(built) ? bindingMismatch(built, runtime) : '没有生成 better_sqlite3.node';
    if (mismatch) {
      log(`  ✖ 结果不可用 / result refused: ${mismatch}`);
      return null;
    }
    installAtomically(built, dest, { ...info, how });
    return { ok: true, file: dest, how };
  };

  try {
    log(`  ① 获取预编译文件 / fetching the prebuilt (better-sqlite3 ${sqliteVersion}, Electron ${version}, ${platform}-${arch}) …`);
    const prebuilt = run(
      process.execPath,
      [require.resolve('prebuild-install/bin.js'), '--runtime=electron', `--target=${version}`, `--arch=${arch}`, `--platform=${platform}`],
      work,
      120_000,
    );
    if (prebuilt.ok) {
      const done = accept('prebuilt');
      if (done) return done;
    }
    const prebuiltOffline = NETWORK_ERROR.test(prebuilt.output);
    log(`    未取得${prebuiltOffline ? '（无法联网）' : ''} / not available`);

    const devdir = path.join(os.homedir(), '.electron-gyp');
    const headersCached = fs.existsSync(path.join(devdir, version, 'include', 'node', 'node.h'));
    if (!hasCompiler()) {
      return {
        ok: false,
        reason: prebuiltOffline ? 'no-network' : 'no-compiler',
        message: prebuiltOffline
          ? '无法联网下载预编译文件，本机也没有 C++ 编译器（g++ / clang++）可以自行编译。'
          : '没有适用于本机的预编译文件，本机也没有 C++ 编译器（g++ / clang++）可以自行编译。',
      };
    }
    log(`  ② 编译（约 1–2 分钟）/ compiling against Electron ${version} headers${headersCached ? ' (cached)' : ` from ${HEADERS_URL}`} …`);
    const gyp = run(
      process.execPath,
      [
        require.resolve('node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${version}`,
        `--arch=${arch}`,
        `--dist-url=${HEADERS_URL}`,
        `--devdir=${devdir}`,
      ],
      work,
      15 * 60_000,
    );
    if (gyp.ok) {
      const done = accept('compiled');
      if (done) return done;
      return { ok: false, reason: 'failed', message: '编译完成，但结果与 Electron 不匹配（见上）。' };
    }
    if (!headersCached && NETWORK_ERROR.test(gyp.output)) {
      return {
        ok: false,
        reason: 'no-network',
        message: `无法联网：预编译文件（github.com）和 Electron ${version} 头文件（${HEADERS_URL}）都下载不到，本机缓存里也没有。`,
      };
    }
    const tail = gyp.output.trim().split('\n').slice(-12).join('\n');
    return { ok: false, reason: 'failed', message: `编译失败 / node-gyp failed:\n${tail}` };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---- command line -------------------------------------------------------------------------

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const arch =
    argv.find((a) => a.startsWith('--arch='))?.slice(7) ?? (argv.includes('--arch') ? argv[argv.indexOf('--arch') + 1] : process.arch);
  const version = electronVersion();
  console.log(`▶ 为 Electron ${version}（${process.platform}-${arch}）准备数据库组件 / preparing better-sqlite3 for Electron`);
  const result = await ensureElectronSqlite({ arch });
  if (result.ok) {
    console.log(`✔ ${result.how === 'cache' ? '已在缓存中' : result.how === 'prebuilt' ? '已下载预编译文件' : '已编译'}：${result.file}`);
  } else {
    console.error(`✖ ${result.message}`);
    process.exit(result.reason === 'no-network' ? 3 : result.reason === 'no-compiler' ? 4 : 1);
  }
}
