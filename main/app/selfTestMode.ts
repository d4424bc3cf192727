/**
 * `--self-test` for the desktop app (development `electron . --self-test` and the installed
 * app alike): the steps of main/selfTest.ts with Electron's transport — a hidden window whose
 * renderer calls window.onebag.invoke through the sandboxed preload, the IPC handler and the
 * handler table. Prints the one-line report on stdout (and into the file given by
 * --self-test-report=FILE, for Windows GUI processes whose stdout may go nowhere), then exits
 * 0 or 1. Chromium's profile goes to a temporary folder: the self-test leaves no trace.
 */
import { app, type BrowserWindow } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Result } from '../../shared/result';
import type { OpenCore } from '../api/open';
import { runSelfTest } from '../selfTest';

export const SELF_TEST_FLAG = '--self-test';
const REPORT_FLAG = '--self-test-report=';
const TIMEOUT_MS = 60_000;

export const isSelfTest = (argv: readonly string[]) => argv.includes(SELF_TEST_FLAG);

/** Call before the app is ready. Returns the temporary profile folder. */
export function isolateSelfTestProfile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-self-test-profile-'));
  app.setPath('userData', dir);
  return dir;
}

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}超时（${TIMEOUT_MS / 1000} 秒）`)), TIMEOUT_MS);
    p.then(resolve, reject).finally(() => clearTimeout(t));
  });
}

/** Runs `window.onebag.invoke(channel, input)` in the window's page, as the renderer does. */
async function invokeFromWindow(win: BrowserWindow, channel: string, input: unknown): Promise<Result<unknown>> {
  const wc = win.webContents;
  if (wc.isLoading()) {
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        wc.once('did-finish-load', () => resolve());
        wc.once('did-fail-load', (_e, code, description) => reject(new Error(`界面加载失败：${description} (${code})`)));
      }),
      '界面加载',
    );
  }
  const script = `window.onebag.invoke(${JSON.stringify(channel)}, ${JSON.stringify(input)})`;
  return withTimeout(wc.executeJavaScript(script, true) as Promise<Result<unknown>>, '界面请求');
}

export async function runElectronSelfTest(opts: {
  start(dataDir: string): Promise<OpenCore>;
  window(): BrowserWindow | null;
  profileDir: string;
}): Promise<void> {
  let code = 1;
  try {
    const report = await runSelfTest({
      versions: process.versions,
      open: opts.start,
      roundTrip: async () => {
        const win = opts.window();
        if (!win) throw new Error('没有创建窗口');
        return invokeFromWindow(win, 'app.status', {});
      },
    });
    code = report.ok ? 0 : 1;
    writeReport(report.line);
  } catch (err) {
    writeReport(`OneBag 自检失败 self-test FAILED · ${(err as Error)?.message ?? String(err)}`);
  } finally {
    try {
      fs.rmSync(opts.profileDir, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // Chromium may still hold files of its profile (Windows): a temporary folder left behind
    }
    app.exit(code);
  }
}

function writeReport(line: string): void {
  process.stdout.write(`${line}\n`);
  const file = process.argv.find((a) => a.startsWith(REPORT_FLAG))?.slice(REPORT_FLAG.length);
  if (file) fs.writeFileSync(file, `${line}\n`);
}
