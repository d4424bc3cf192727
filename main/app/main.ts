/**
 * Electron entry: one secure window, the app:// protocol (built renderer + originals), the
 * single IPC handler over the core's handler table, and the Chinese application menu.
 * Nothing here talks to the network: no updates, no telemetry, no remote content.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ProgressEvent } from '../../shared/api';
import type { Result } from '../../shared/result';
import { AppError } from '../../shared/result';
import type { CoreContext, HostServices } from '../core/runtime/context';
import { blobByPrefix, blobMeta, originalNameOf } from '../core/blobs/lookup';
import { dispatch } from '../core/runtime/dispatch';
import { openCore, type OpenCore } from '../api/open';
import { startBackupSchedule } from '../api/backupSchedule';
import { startOcrQueue } from '../api/ocrQueue';
import type { OcrRunner } from '../core/ocr/runner';
import {
  BLOB_CONTENT_SECURITY_POLICY,
  blobPath,
  blobResponseMime,
  CONTENT_SECURITY_POLICY,
  resolveStaticPath,
  safeOpenName,
  shaFromBlobPath,
  staticMime,
} from './appProtocol';
import { chooseStartupDataDir } from './dataFolderChoice';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, IPC_INVOKE, IPC_PROGRESS } from './ipcChannels';
import { buildMenu } from './menu';
import { isolateSelfTestProfile, isSelfTest, runElectronSelfTest } from './selfTestMode';
import { desktopOutput } from './desktopOutput';

const WINDOW_TITLE = 'OneBag 一袋式档案';

// ---- state ------------------------------------------------------------------------------

let mainWindow: BrowserWindow | null = null;
let core: OpenCore | null = null;
let ocr: OcrRunner | null = null;
let openTempDir: string | null = null;

// ---- before ready -----------------------------------------------------------------------

// Every renderer sandboxed, whatever a webPreferences object says.
app.enableSandbox();

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true },
  },
]);

// --self-test runs beside a running instance, in a temporary profile and data folder.
const selfTestProfile = isSelfTest(process.argv) ? isolateSelfTestProfile() : null;

if (!selfTestProfile && !app.requestSingleInstanceLock()) {
  app.quit();
} else {
  main();
}

function main(): void {
  // Bundled fonts ship as extraResources (resources/fonts); main/dossier/fonts.ts looks there.
  if (app.isPackaged && !process.env.ONEBAG_RESOURCES) process.env.ONEBAG_RESOURCES = process.resourcesPath;
  let dataDir = '';

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));

  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', () => {
    // The OCR worker is terminated; a file being read stays queued and is read at the next start.
    void ocr?.stop();
    ocr = null;
    try {
      core?.close();
    } catch (err) {
      console.error('关闭数据文件失败', err);
    }
    core = null;
    if (openTempDir) {
      // Best effort: a viewer may still hold a copy open (Windows locks it).
      fs.rmSync(openTempDir, { recursive: true, force: true, maxRetries: 2 });
    }
  });

  app
    .whenReady()
    .then(async () => {
      if (selfTestProfile) {
        const startHidden = async (dir: string) => {
          await start(dir, { selfTest: true });
          return core!;
        };
        return runElectronSelfTest({ start: startHidden, window: () => mainWindow, profileDir: selfTestProfile });
      }
      // First start: the data folder is shown and confirmed before anything is written.
      const chosen = await chooseStartupDataDir();
      if (!chosen) return app.quit();
      dataDir = chosen;
      return start(dataDir, { selfTest: false });
    })
    .catch((err: unknown) => {
      const message = err instanceof AppError ? err.message : `启动失败：${(err as Error)?.message ?? String(err)}`;
      dialog.showErrorBox(WINDOW_TITLE, `${message}${dataDir ? `\n\n数据文件夹：${dataDir}` : ''}`);
      app.exit(1);
    });
}

async function start(dataDir: string, opts: { selfTest: boolean }): Promise<void> {
  lockDownSession();

  core = openCore({ dataDir, host: electronHost(dataDir) });
  // The self-test's temporary folder gets no scheduled backups and no background OCR.
  if (!opts.selfTest) {
    startBackupSchedule(core);
    ocr = startOcrQueue(core, { background: true });
  }
  const ctx = core.ctx;
  const handlers = core.handlers;

  protocol.handle(APP_SCHEME, (request) => serveApp(request, ctx));

  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
    }
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'INVALID_INPUT', message: '操作名称无效' } };
    }
    return dispatch(handlers, channel, input, dataDir);
  });

  Menu.setApplicationMenu(buildMenu(dataDir, () => mainWindow));
  createWindow({ show: !opts.selfTest });
}

// ---- window -----------------------------------------------------------------------------

function createWindow(opts: { show: boolean }): void {
  mainWindow = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1440,
    height: 900,
    minWidth: 1280,
    minHeight: 720,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      // Reviewed: the preload exposes only window.onebag = { invoke, onProgress } (shared/window.ts).
      preload: path.join(__dirname, 'preload.js'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click must not open links in new windows (window.open is denied anyway).
      disableBlinkFeatures: 'Auxclick',
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !app.isPackaged,
    },
  });
  // Keep our title; the renderer's <title> must not replace it.
  mainWindow.on('page-title-updated', (e) => e.preventDefault());
  if (opts.show) mainWindow.once('ready-to-show', () => mainWindow?.show());
  // The renderer refuses to unload while an editor holds unsaved edits (renderer/src/common/
  // useUnsavedGuard.ts); Electron shows no dialog of its own, so ask here. preventDefault lets it close.
  mainWindow.webContents.on('will-prevent-unload', (event) => {
    if (!mainWindow) return;
    const choice = dialog.showMessageBoxSync(mainWindow, {
      type: 'warning',
      title: WINDOW_TITLE,
      message: '有未保存的修改',
      detail: '关闭后这些修改将丢失。',
      buttons: ['留在此页', '放弃修改并关闭'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (choice === 1) event.preventDefault();
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

/** Applied to every WebContents: no navigation, no new windows, no webviews. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-frame-navigate', (e) => {
    if (!e.url.startsWith(`${APP_ORIGIN}/`)) e.preventDefault();
  });
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Permissions all denied; nothing leaves the machine. */
function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
  ses.on('will-download', (e) => e.preventDefault());
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || !mainWindow || event.sender !== mainWindow.webContents) return false;
  return frame.url.startsWith(`${APP_ORIGIN}/`);
}

// ---- app:// -----------------------------------------------------------------------------

function rendererRoot(): string {
  return path.join(app.getAppPath(), 'dist', 'renderer');
}

function notFound(status = 404): Response {
  return new Response(status === 403 ? '禁止访问' : '未找到', {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

function fileBody(filePath: string): BodyInit {
  return Readable.toWeb(fs.createReadStream(filePath)) as unknown as BodyInit;
}

async function serveApp(request: Request, ctx: CoreContext): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return notFound(400);
  }
  if (url.host !== APP_HOST) return notFound(403);
  if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);

  if (url.pathname.startsWith('/blob/')) return serveBlob(url.pathname.slice('/blob/'.length), ctx);

  const root = rendererRoot();
  let file = resolveStaticPath(root, url.pathname);
  if (!file) return notFound(403);
  let stat = await fs.promises.stat(file).catch(() => null);
  // Client-side routes (no file extension) fall back to the single page.
  if ((!stat || !stat.isFile()) && path.extname(file) === '') {
    file = path.join(root, 'index.html');
    stat = await fs.promises.stat(file).catch(() => null);
  }
  if (!stat || !stat.isFile()) return notFound();
  return new Response(fileBody(file), {
    status: 200,
    headers: {
      'Content-Type': staticMime(file),
      'Content-Length': String(stat.size),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-cache',
    },
  });
}

async function serveBlob(sha: string, ctx: CoreContext): Promise<Response> {
  const file = blobPath(ctx.dataDir, sha);
  if (!file) return notFound(403);
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat || !stat.isFile()) return notFound();
  const row = blobMeta(ctx.db, sha);
  return new Response(fileBody(file), {
    status: 200,
    headers: {
      'Content-Type': blobResponseMime(row?.mime),
      'Content-Length': String(stat.size),
      'Content-Security-Policy': BLOB_CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      // Originals are content-addressed and never modified.
      'Cache-Control': 'private, max-age=31536000, immutable',
    },
  });
}

// ---- host services ----------------------------------------------------------------------

function electronHost(dataDir: string): HostServices {
  return {
    kind: 'electron',
    blobUrl: (sha256) => `${APP_ORIGIN}/blob/${sha256}`,
    openPath: (filePath) => openBlobWithSystem(dataDir, filePath),
    ...desktopOutput(dataDir, () => mainWindow),
    progress: (e: ProgressEvent) => {
      const wc = mainWindow?.webContents;
      if (wc && !wc.isDestroyed()) wc.send(IPC_PROGRESS, e);
    },
  };
}

/**
 * Opens an original with the operating system's default program. Accepts only a blob of the
 * data folder (<dataDir>/blobs/ab/cdef…); the blob is copied, read-only, to a private temp
 * folder under a sanitised name whose extension comes from the sniffed MIME type, and only
 * that copy is handed to shell.openPath — never a caller-supplied path.
 */
async function openBlobWithSystem(dataDir: string, filePath: string): Promise<void> {
  const db = core?.ctx.db;
  const sha = shaFromBlobPath(dataDir, filePath) ?? shaFromCoreCopy(filePath);
  const source = sha ? blobPath(dataDir, sha) : null;
  if (!sha || !source || !fs.existsSync(source)) throw new AppError('NOT_FOUND', '找不到该原件文件');
  const blob = db && blobMeta(db, sha);
  const name = safeOpenName(db && originalNameOf(db, sha), blob?.mime);
  if (!name) throw new AppError('UNSUPPORTED', '该类型的文件不能用系统程序打开');

  openTempDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-open-'));
  const dir = path.join(openTempDir, sha.slice(0, 16));
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, name);
  if (!fs.existsSync(target)) {
    fs.copyFileSync(source, target);
    fs.chmodSync(target, 0o444);
  }
  const error = await shell.openPath(target);
  if (error) throw new AppError('UNSUPPORTED', `无法用系统程序打开该文件：${error}`);
}

/**
 * main/core's files.openExternal may hand over its own copy at <tmp>/onebag-open/<sha[0:16]>/<name>.
 * That path is only used to identify the blob; the copy itself is never opened.
 */
function shaFromCoreCopy(filePath: string): string | null {
  const rel = path.relative(path.join(os.tmpdir(), 'onebag-open'), path.resolve(filePath));
  const parts = rel.split(path.sep);
  if (parts.length !== 2 || !/^[0-9a-f]{16}$/.test(parts[0]!)) return null;
  return core ? blobByPrefix(core.ctx.db, parts[0]!) : null;
}
