/**
 * `npm run serve`: the app in the system browser over the loopback bridge.
 *   tsx main/bridge/serve.ts [--data DIR] [--port N] [--open]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultDataDir, resolveDataDir } from '../core/runtime/dataDir';
import { writeFileDurablySync } from '../files/durableFiles';
import { startBridge } from './server';
import { startBackupSchedule } from '../api/backupSchedule';
import { startOcrQueue } from '../api/ocrQueue';

export const DEFAULT_PORT = 5178;

function parsePort(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--port' ? argv[i + 1] : a.startsWith('--port=') ? a.slice(7) : undefined;
    if (v !== undefined) {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        console.error(`端口号无效：${v}（应为 0–65535 的整数）`);
        process.exit(2);
      }
      return n;
    }
  }
  return DEFAULT_PORT;
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no browser launcher: the URL is printed anyway
  }
}

/**
 * The browser gets a 0600 file that redirects to the secret link, not the link itself: a command
 * line is readable by every local user (ps, /proc/PID/cmdline), a file only by its owner.
 */
function writeLauncher(dataDir: string, openUrl: string): string {
  const file = path.join(dataDir, 'open-onebag.html');
  const html = `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${openUrl}"><title>OneBag</title><a href="${openUrl}">打开 OneBag</a>`;
  writeFileDurablySync(file, html, { mode: 0o600 });
  return file;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv, process.env, defaultDataDir(os.homedir()));
  const port = parsePort(argv);
  let bridge;
  try {
    bridge = await startBridge({ dataDir, port });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') console.error(`端口 ${port} 已被占用。可用 --port 指定其他端口，例如 --port 5179`);
    else console.error(`启动失败：${e.message}`);
    process.exit(1);
  }
  startBackupSchedule(bridge.core);
  const ocr = startOcrQueue(bridge.core, { background: true });
  console.log('OneBag 一袋式档案 已在本机启动');
  console.log(`  数据目录：${bridge.dataDir}`);
  console.log(`  请在浏览器中打开：${bridge.openUrl}`);
  console.log('  此链接含本次启动的密钥，仅供您本人使用，请勿转发；服务重启后需使用新链接');
  console.log('  仅限本机访问；按 Ctrl+C 停止服务');
  if (argv.includes('--open')) {
    try {
      openBrowser(writeLauncher(bridge.dataDir, bridge.openUrl));
    } catch {
      console.error('  无法自动打开浏览器，请手动打开上面的链接');
    }
  }

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('\n正在停止服务并关闭数据库…');
    fs.rmSync(path.join(bridge.dataDir, 'open-onebag.html'), { force: true });
    void ocr
      .stop()
      .then(() => bridge.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
