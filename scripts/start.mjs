#!/usr/bin/env node
/**
 * npm start: build the renderer and the main process, make sure better-sqlite3 exists for
 * Electron's ABI in the native cache (scripts/electron-sqlite.mjs: once, then offline), then
 * launch Electron. When the Electron binary is not installed (offline machines: its install
 * script downloads it) or the Electron build of better-sqlite3 cannot be prepared (no network,
 * no compiler), say exactly that and start the loopback bridge instead, so the app can be used
 * in the system browser. Extra arguments (e.g. --data DIR, --self-test) are passed on.
 * With --self-test there is no fallback: a missing piece is a failure (exit 1).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const args = process.argv.slice(2);

function run(label, cmd, cmdArgs) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', windowsHide: true });
  if (r.status !== 0) {
    console.error(`✖ ${label} 失败 / failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

/** Path of the Electron binary, or null with the reason when it is not installed. */
function electronBinary() {
  try {
    const p = require('electron');
    if (typeof p === 'string' && fs.existsSync(p)) return { path: p };
    return { path: null, reason: `electron 返回的路径不存在 / path does not exist: ${p}` };
  } catch (err) {
    return { path: null, reason: err instanceof Error ? err.message : String(err) };
  }
}

function forward(child) {
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
run('构建界面 / building renderer', process.execPath, [viteBin, 'build', '--config', 'renderer/vite.config.mts']);
run('构建主进程 / building main process', process.execPath, [path.join(root, 'scripts', 'build-main.mjs')]);

const selfTest = args.includes('--self-test');

function fallBackToBridge(zh, en) {
  const lines = [
    '',
    '────────────────────────────────────────────────────────────────────',
    ...zh,
    '因此改为启动本机回环服务，在系统浏览器中使用 OneBag。数据与桌面版完全相同。',
    '',
    ...en,
    'Starting the loopback bridge instead: OneBag opens in the system browser, on the same',
    'data and the same code as the desktop app.',
    '────────────────────────────────────────────────────────────────────',
    '',
  ];
  console.warn(lines.join('\n'));
  if (selfTest) {
    console.error('✖ 自检失败 / self-test failed: Electron cannot start here (see above).');
    process.exit(1);
  }
}

async function launchElectron() {
  const electron = electronBinary();
  if (!electron.path) {
    fallBackToBridge(
      [
        '本机未安装 Electron 运行程序（离线环境无法下载 Electron 二进制文件）。',
        '如需桌面窗口：在可联网的机器上运行 npm ci，或使用打包好的安装程序。',
      ],
      ['The Electron binary is not installed on this machine (it cannot be downloaded offline).', `(${electron.reason})`],
    );
    return false;
  }
  const { ensureElectronSqlite, electronVersion } = await import('./electron-sqlite.mjs');
  console.log(
    `\n▶ 检查 Electron ${electronVersion()} 版数据库组件 / checking better-sqlite3 for Electron (${process.platform}-${process.arch})`,
  );
  const sqlite = await ensureElectronSqlite({}).catch((err) => ({
    ok: false,
    reason: 'failed',
    message: err instanceof Error ? err.message : String(err),
  }));
  if (!sqlite.ok) {
    fallBackToBridge(
      [
        `无法为 Electron 准备数据库组件 better-sqlite3：${sqlite.message}`,
        '联网后再运行一次 npm start 即可（只需准备一次，之后离线可用）。',
      ],
      [`better-sqlite3 could not be prepared for Electron (${sqlite.reason}); run npm start once on a networked machine.`],
    );
    return false;
  }
  console.log(
    sqlite.how === 'cache'
      ? `  ✔ ${path.relative(root, sqlite.file)}`
      : `  ✔ 已准备 / prepared (${sqlite.how}): ${path.relative(root, sqlite.file)}`,
  );
  console.log(`\n▶ 启动 OneBag / starting Electron${selfTest ? ' --self-test' : ''}`);
  // ONEBAG_SQLITE_BINDING names the file just checked: the app loads exactly that build.
  const env = { ...process.env, ONEBAG_SQLITE_BINDING: sqlite.file };
  forward(spawn(electron.path, [root, ...args], { cwd: root, stdio: 'inherit', env }));
  return true;
}

if (!(await launchElectron())) {
  const serve = path.join(root, 'main', 'bridge', 'serve.ts');
  if (!fs.existsSync(serve)) {
    console.error('✖ 找不到 main/bridge/serve.ts / the loopback bridge is missing.');
    process.exit(1);
  }
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  forward(spawn(process.execPath, ['--import', tsx, serve, '--open', ...args], { cwd: root, stdio: 'inherit' }));
}
