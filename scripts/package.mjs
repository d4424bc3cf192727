#!/usr/bin/env node
/**
 * Packaging (npm run package — run `npm run build` first; the npm script does).
 *
 *   node scripts/package.mjs [--arch x64,arm64] [--dir]
 *
 * For each arch of the HOST platform (native modules cannot be cross-built for another OS):
 *   1. back up node_modules/better-sqlite3/build/Release/better_sqlite3.node (built for Node);
 *   2. rebuild better-sqlite3 for the installed Electron version and that arch (@electron/rebuild);
 *   3. run electron-builder with electron-builder.yml (npmRebuild: false, so it ships our build);
 *   4. always restore the Node build, so `npm test` keeps working afterwards.
 *
 * Needs the network (Electron headers for node-gyp, the Electron zip for electron-builder) or
 * both already cached. On an offline machine without them it stops before touching anything,
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
const archArg = argv.find((a) => a.startsWith('--arch='))?.slice(7) ?? (argv.includes('--arch') ? argv[argv.indexOf('--arch') + 1] : undefined);
const arches = (archArg ?? process.arch).split(',').map((a) => a.trim()).filter(Boolean);
const dirOnly = argv.includes('--dir');
const platform = process.platform; // 'win32' | 'linux' | 'darwin'
const builderPlatform = { win32: 'WINDOWS', linux: 'LINUX', darwin: 'MAC' }[platform];
if (!builderPlatform) fail(`不支持在 ${platform} 上打包`, `Packaging on ${platform} is not supported.`);
for (const a of arches) {
  if (!['x64', 'arm64', 'ia32'].includes(a)) fail(`未知的架构：${a}`, `Unknown arch: ${a}`);
}

// ---- preconditions ----------------------------------------------------------------------

const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const nativeFile = path.join(sqliteDir, 'build', 'Release', 'better_sqlite3.node');

if (!fs.existsSync(nativeFile)) {
  fail('better-sqlite3 尚未编译（npm ci 会编译它）', `better-sqlite3 is not built (${nativeFile} missing); run npm ci.`);
}

/** electron-builder / @electron/get cache locations for the Electron zip. */
function electronCacheDirs() {
  const dirs = [];
  if (process.env.ELECTRON_CACHE) dirs.push(process.env.ELECTRON_CACHE);
  if (platform === 'win32') dirs.push(path.join(process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'electron', 'Cache'));
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
const headersUrl = process.env.ELECTRON_HEADERS_MIRROR ?? 'https://www.electronjs.org/headers';
const headersCached = fs.existsSync(path.join(os.homedir(), '.electron-gyp', electronVersion, 'include', 'node', 'node.h'));
const missing = [];
if (!headersCached && !(await reachable(`${headersUrl.replace(/\/$/, '')}/v${electronVersion}/SHASUMS256.txt`))) {
  missing.push(`Electron ${electronVersion} 头文件 / headers (${headersUrl}, cache ~/.electron-gyp/${electronVersion})`);
}
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
      '  请在可联网的机器上打包，或预先把这些文件放入缓存目录（也可设置 ELECTRON_MIRROR / ELECTRON_HEADERS_MIRROR 指向内网镜像）。',
    ].join('\n'),
    'Cannot package: this machine is offline and the Electron files above are neither cached nor downloadable. ' +
      'Package on a machine with network access, pre-seed the caches, or point ELECTRON_MIRROR / ELECTRON_HEADERS_MIRROR at an internal mirror.',
  );
}

if (!fs.existsSync(path.join(root, 'dist', 'main', 'app', 'main.js')) || !fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
  fail('缺少构建产物，请先运行 npm run build', 'dist/ is incomplete: run `npm run build` first (npm run package does).');
}

// ---- rebuild, package, restore ----------------------------------------------------------

// This machine's npmrc sets nodedir=/usr (Node's own headers, see toolchain.md). npm exports it
// to scripts as npm_config_nodedir, and node-gyp would then build against Node's ABI instead of
// Electron's — a module that crashes on load in the packaged app. Build against Electron's headers.
for (const k of Object.keys(process.env)) {
  if (/^npm_config_(nodedir|disturl|target|runtime|arch)$/i.test(k)) delete process.env[k];
}

const { rebuild } = require('@electron/rebuild');
const builder = require('electron-builder');

const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-sqlite-node-'));
const backup = path.join(backupDir, 'better_sqlite3.node');
fs.copyFileSync(nativeFile, backup);
console.log(`▶ 已备份 Node 版 better-sqlite3 / backed up the Node build → ${backup}`);

function restoreNodeBuild() {
  if (!fs.existsSync(backup)) return;
  fs.copyFileSync(backup, nativeFile);
  fs.rmSync(backupDir, { recursive: true, force: true });
  console.log('▶ 已恢复 Node 版 better-sqlite3 / restored the Node build of better-sqlite3');
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    restoreNodeBuild();
    process.exit(130);
  });
}

let exitCode = 0;
try {
  for (const arch of arches) {
    console.log(`\n▶ 为 Electron ${electronVersion} (${platform}-${arch}) 编译 better-sqlite3 / rebuilding better-sqlite3`);
    await rebuild({ buildPath: root, electronVersion, arch, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential', headerURL: headersUrl });

    console.log(`\n▶ electron-builder ${dirOnly ? '--dir ' : ''}(${platform}-${arch})`);
    const targets = builder.Platform[builderPlatform].createTarget(dirOnly ? ['dir'] : null, builder.Arch[arch]);
    const artifacts = await builder.build({ targets, config: path.join(root, 'electron-builder.yml'), publish: 'never', projectDir: root });
    for (const a of artifacts) console.log(`  ✔ ${path.relative(root, a)}`);
  }
} catch (err) {
  console.error(`\n✖ 打包失败 / packaging failed: ${err instanceof Error ? err.stack : String(err)}`);
  exitCode = 1;
} finally {
  restoreNodeBuild();
}
process.exit(exitCode);
