/**
 * Desktop smoke test: open the app, load the demo data, print (generate) one dossier, quit.
 *
 * Two ways in, one test body:
 * - ONEBAG_APP_EXECUTABLE=<installed or unpacked app>: started with --remote-debugging-port and
 *   driven over CDP. Playwright's `_electron` needs Node's --inspect, which the packaged app's
 *   fuses (enableNodeCliInspectArguments: false) rightly refuse.
 * - otherwise the development checkout through `_electron` with node_modules' Electron binary.
 * Skipped, saying why, when neither exists (offline machines cannot download Electron).
 */
import { _electron, chromium, expect, test, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const packaged = process.env.ONEBAG_APP_EXECUTABLE?.trim() || null;

function devElectron(): { path: string | null; reason: string } {
  try {
    const p = require('electron') as unknown as string;
    return fs.existsSync(p) ? { path: p, reason: '' } : { path: null, reason: `electron 可执行文件不存在：${p}` };
  } catch (err) {
    return { path: null, reason: (err as Error).message.split('\n')[0]! };
  }
}

const dev = packaged ? null : devElectron();
test.skip(
  !packaged && !dev?.path,
  `本机没有 Electron 可执行文件（离线环境无法下载），桌面冒烟测试只在 .github/workflows/release.yml 中运行 / no Electron binary here: ${dev?.reason}`,
);

interface Running {
  page: Page;
  quit(): Promise<number | null>;
}

async function waitForDevtools(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`程序已退出（${child.exitCode}）`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('60 秒内没有打开调试端口');
}

async function appPage(browser: Browser): Promise<Page> {
  for (let i = 0; i < 60; i++) {
    const page = browser
      .contexts()
      .flatMap((c) => c.pages())
      .find((p) => p.url().startsWith('app://onebag/'));
    if (page) return page;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('没有找到 OneBag 窗口');
}

async function launch(dataDir: string): Promise<Running> {
  const env = { ...process.env, ONEBAG_DATA: dataDir };
  if (packaged) {
    const port = 9300 + Math.floor(Math.random() * 500);
    const child = spawn(packaged, [`--remote-debugging-port=${port}`], { env, stdio: 'inherit' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await waitForDevtools(port, child);
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const page = await appPage(browser);
    return {
      page,
      async quit() {
        // Closing the only window quits the app (window-all-closed → app.quit()), as a user's click on ✕ does.
        await page.evaluate(() => window.close()).catch(() => undefined);
        const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000))]);
        await browser.close().catch(() => undefined);
        if (code === 'timeout') {
          child.kill();
          throw new Error('程序在 20 秒内没有退出');
        }
        return code;
      },
    };
  }
  const main = path.join(root, 'dist', 'main', 'app', 'main.js');
  if (!fs.existsSync(main)) throw new Error('缺少 dist/main/app/main.js：请先运行 npm run build');
  const app: ElectronApplication = await _electron.launch({ executablePath: dev!.path!, args: [root], env, cwd: root });
  const page = await app.firstWindow();
  return {
    page,
    async quit() {
      const exited = new Promise<number | null>((resolve) => app.process().once('exit', (code) => resolve(code)));
      await app.evaluate(({ app: electronApp }) => electronApp.quit());
      return exited;
    },
  };
}

test('open, load the demo, print one dossier, quit', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-electron-smoke-'));
  try {
    const { page, quit } = await launch(dataDir);
    await expect(page).toHaveTitle('OneBag 一袋式档案');
    await page.getByLabel('操作员姓名').fill('张晓梅');
    await page.getByRole('radio', { name: /载入演示数据/ }).check();
    await page.getByRole('button', { name: '开始使用' }).click();
    await expect(page.getByTestId('cadre-count')).toHaveText('共 20 人', { timeout: 90_000 });

    await page.getByRole('menuitem', { name: /档案打印/ }).click();
    await page.getByLabel('选择干部').click();
    await page.getByLabel('选择干部').fill('吴建军');
    await page.locator('.ant-select-item-option', { hasText: '吴建军' }).click();
    await page.getByLabel('选择年度').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2024年度' }).click();
    await page.getByRole('button', { name: /生成预览/ }).click();
    // The dossier is generated by the worker thread, with the Electron build of better-sqlite3.
    await expect(page.getByTestId('preview-summary')).toContainText(/吴建军\.pdf：\d+ 件，共 \d+ 页/, { timeout: 120_000 });
    await expect(page.getByTestId('pdf-preview').locator('canvas').first()).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: path.join(root, 'test-results', 'electron-smoke.png') });

    expect(await quit()).toBe(0);
    // The archive stayed in the data folder it was given.
    expect(fs.existsSync(path.join(dataDir, 'onebag.sqlite'))).toBe(true);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  }
});
