#!/usr/bin/env node
/**
 * Packaging (npm run package — run `npm run build` first; the npm script does).
 *
 *   node scripts/package.mjs [--arch x64,arm64] [--targets nsis,deb,AppImage] [--dir]
 *
 * For each arch of the HOST platform (native modules cannot be cross-built for another OS):
 *   1. make sure the native cache holds better-sqlite3 for the installed Electron version and
 *      that arch (scripts/electron-sqlite.mjs — the same cache `npm start` uses; node_modules,
 *      built for Node, is never touched, so the tests keep working);
 *   2. run electron-builder with electron-builder.yml (npmRebuild: false; its extraResources
 *      ship .native-cache/electron-<version>-<platform>-<arch>/ as resources/native/…, where
 *      main/store/nativeBinding.ts looks in a packaged app);
 *   3. check that the unpacked app really contains that file.
 *
 * Needs the network (the prebuilt or Electron's headers, the Electron zip for electron-builder)
 * or all of them already cached. On an offline machine without them it stops before building,
 * with a message saying what is missing.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

function fail(zh, en) {
  console.error(`\n✖ ${zh}\n  ${en}\n`);
  process.exit(1);
}

// ---- arguments --------------------------------------------------------------------------

const argv = process.argv.slice(2);
const archArg =
  argv.find((a) => a.startsWith('--arch='))?.slice(7) ?? (argv.includes('--arch') ? argv[argv.indexOf('--arch') + 1] : undefined);
const arches = (archArg ?? process.arch)
  .split(',')
  .map((a) => a.trim())
  .filter(Boolean);
const dirOnly = argv.includes('--dir');
const targetsArg =
  argv.find((a) => a.startsWith('--targets='))?.slice(10) ?? (argv.includes('--targets') ? argv[argv.indexOf('--targets') + 1] : undefined);
/** electron-builder target names for this platform; null: the ones electron-builder.yml lists. */
const targetNames = dirOnly
  ? ['dir']
  : targetsArg
    ? targetsArg
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
    : null;
const platform = process.platform; // 'win32' | 'linux' | 'darwin'
const builderPlatform = { win32: 'WINDOWS', linux: 'LINUX', darwin: 'MAC' }[platform];
if (!builderPlatform) fail(`不支持在 ${platform} 上打包`, `Packaging on ${platform} is not supported.`);
for (const a of arches) {
  if (!['x64', 'arm64', 'ia32'].includes(a)) fail(`未知的架构：${a}`, `Unknown arch: ${a}`);
}

// ---- preconditions ----------------------------------------------------------------------

const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
/** electron-builder / @electron/get cache locations for the Electron zip. */
function electronCacheDirs() {
  const dirs = [];
  if (process.env.ELECTRON_CACHE) dirs.push(process.env.ELECTRON_CACHE);
  if (platform === 'win32')
    dirs.push(path.join(process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'electron', 'Cache'));
  else if (platform === 'darwin') dirs.push(path.join(os.homedir(), 'Library', 'Caches', 'electron'));
  else dirs.push(path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'electron'));
  return dirs;
}

function findFile(dir, name, depth = 2) {
  if (!fs.existsSync(dir)) return false;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === name) return true;
    if (entry.isDirectory() && depth > 0 && findFile(path.join(dir, entry.name), name, depth - 1)) return true;
  }
  return false;
}

async function reachable(url) {
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(8000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

const electronPlatform = { win32: 'win32', linux: 'linux', darwin: 'darwin' }[platform];
const mirror = (process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/').replace(/\/?$/, '/');
const missing = [];
if (!process.env.ELECTRON_BUILDER_ELECTRON_DIST) {
  for (const arch of arches) {
    const zip = `electron-v${electronVersion}-${electronPlatform}-${arch}.zip`;
    const cached = electronCacheDirs().some((d) => findFile(d, zip));
    if (!cached && !(await reachable(`${mirror}v${electronVersion}/${zip}`))) {
      missing.push(`${zip} (${mirror}, cache ${electronCacheDirs().join(' | ')})`);
    }
  }
}
if (missing.length > 0) {
  fail(
    [
      '无法打包：本机离线，且以下 Electron 文件既未缓存也无法下载：',
      ...missing.map((m) => `    - ${m}`),
      '  请在可联网的机器上打包，或预先把这些文件放入缓存目录（也可设置 ELECTRON_MIRROR 指向内网镜像）。',
    ].join('\n'),
    'Cannot package: this machine is offline and the Electron files above are neither cached nor downloadable. ' +
      'Package on a machine with network access, pre-seed the caches, or point ELECTRON_MIRROR at an internal mirror.',
  );
}

if (
  !fs.existsSync(path.join(root, 'dist', 'main', 'app', 'main.js')) ||
  !fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))
) {
  fail('缺少构建产物，请先运行 npm run build', 'dist/ is incomplete: run `npm run build` first (npm run package does).');
}

// ---- native cache, package, check ------------------------------------------------------

const { ensureElectronSqlite } = await import('./electron-sqlite.mjs');
const builder = require('electron-builder');
// electron-builder.yml names the cache folder with ${env.ONEBAG_ELECTRON_VERSION}.
process.env.ONEBAG_ELECTRON_VERSION = electronVersion;

/** Where electron-builder leaves the unpacked app for this platform/arch. */
function unpackedResources(arch) {
  const out = path.join(root, 'release');
  const dirs = fs.existsSync(out) ? fs.readdirSync(out).filter((d) => d.endsWith('-unpacked')) : [];
  const suffix =
    arch === 'x64'
      ? [`${platform === 'win32' ? 'win' : platform}-unpacked`]
      : [`${platform === 'win32' ? 'win' : platform}-${arch}-unpacked`];
  const dir = dirs.find((d) => suffix.includes(d));
  return dir ? path.join(out, dir, 'resources') : null;
}

let exitCode = 0;
try {
  for (const arch of arches) {
    console.log(`\n▶ Electron ${electronVersion} (${platform}-${arch}) 的 better-sqlite3 / native cache`);
    const sqlite = await ensureElectronSqlite({ arch });
    if (!sqlite.ok)
      fail(
        `无法准备 ${arch} 版数据库组件：${sqlite.message}`,
        `better-sqlite3 for Electron ${electronVersion} ${platform}-${arch}: ${sqlite.reason}`,
      );
    console.log(`  ✔ ${path.relative(root, sqlite.file)} (${sqlite.how})`);

    console.log(`\n▶ electron-builder ${dirOnly ? '--dir ' : ''}(${platform}-${arch})`);
    const targets = builder.Platform[builderPlatform].createTarget(targetNames, builder.Arch[arch]);
    const artifacts = await builder.build({ targets, config: path.join(root, 'electron-builder.yml'), publish: 'never', projectDir: root });
    for (const a of artifacts) console.log(`  ✔ ${path.relative(root, a)}`);

    const resources = unpackedResources(arch);
    const shipped = resources && path.join(resources, 'native', path.basename(path.dirname(sqlite.file)), 'better_sqlite3.node');
    if (!shipped || !fs.existsSync(shipped))
      throw new Error(`打包结果中没有 Electron 版数据库组件 / the package lacks ${shipped ?? 'resources/native/…'}`);
    console.log(`  ✔ ${path.relative(root, shipped)}`);
  }
} catch (err) {
  console.error(`\n✖ 打包失败 / packaging failed: ${err instanceof Error ? err.stack : String(err)}`);
  exitCode = 1;
}
process.exit(exitCode);
