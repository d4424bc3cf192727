#!/usr/bin/env node
/**
 * npm start: build the renderer and the main process, then launch Electron. When the Electron
 * binary is not installed (offline machines: its install script downloads it), explain that
 * and start the loopback bridge instead, so the app can be used in the system browser.
 * Extra arguments (e.g. --data DIR) are passed on to Electron or the bridge.
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

const electron = electronBinary();
if (electron.path) {
  console.log('\n▶ 启动 OneBag / starting Electron');
  forward(spawn(electron.path, [root, ...args], { cwd: root, stdio: 'inherit' }));
} else {
  console.warn(
    [
      '',
      '────────────────────────────────────────────────────────────────────',
      '本机未安装 Electron 运行程序（离线环境无法下载 Electron 二进制文件），',
      '因此改为启动本机回环服务，在系统浏览器中使用 OneBag。数据与桌面版完全相同。',
      '如需桌面窗口：在可联网的机器上安装 Electron，或使用打包好的安装程序。',
      '',
      'The Electron binary is not installed on this machine (it cannot be downloaded',
      'offline). Starting the loopback bridge instead: OneBag opens in the system',
      'browser, on the same data and the same code as the desktop app.',
      `(${electron.reason})`,
      '────────────────────────────────────────────────────────────────────',
      '',
    ].join('\n'),
  );
  const serve = path.join(root, 'main', 'bridge', 'serve.ts');
  if (!fs.existsSync(serve)) {
    console.error('✖ 找不到 main/bridge/serve.ts / the loopback bridge is missing.');
    process.exit(1);
  }
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  forward(spawn(process.execPath, ['--import', tsx, serve, '--open', ...args], { cwd: root, stdio: 'inherit' }));
}
