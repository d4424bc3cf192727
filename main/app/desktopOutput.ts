/**
 * Desktop output services (thin Electron code): 另存为 through the system dialog, the system
 * print dialog for a generated PDF, and showing a batch output folder. Wired into the host
 * services by main.ts; the handlers (main/api/handlers/output.ts) decide what may be saved,
 * printed or shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import type { HostServices } from '../core/runtime/context';
import { writeFileDurably } from '../files/durableFiles';
import { shaFromBlobPath } from './appProtocol';
import { APP_ORIGIN } from './ipcChannels';

type Output = Required<Pick<HostServices, 'saveFile' | 'printPdf' | 'openFolder'>>;

const FILTERS: Record<string, Electron.FileFilter> = {
  '.pdf': { name: 'PDF 文件', extensions: ['pdf'] },
  '.xlsx': { name: 'Excel 工作簿', extensions: ['xlsx'] },
};

export function desktopOutput(dataDir: string, window: () => BrowserWindow | null): Output {
  return {
    async saveFile(suggestedName, source) {
      const win = window();
      const ext = path.extname(suggestedName).toLowerCase();
      const options: Electron.SaveDialogOptions = {
        title: '另存为',
        defaultPath: path.join(lastFolder ?? defaultFolder(), suggestedName),
        filters: FILTERS[ext] ? [FILTERS[ext]] : [],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return null;
      const bytes = 'bytes' in source ? source.bytes : await fs.promises.readFile(source.path);
      await writeFileDurably(r.filePath, bytes);
      lastFolder = path.dirname(r.filePath);
      return r.filePath;
    },

    async printPdf(filePath) {
      const sha = shaFromBlobPath(dataDir, filePath);
      if (!sha) return false;
      // A hidden window shows the PDF through the app protocol; its print() opens the system dialog.
      const printer = new BrowserWindow({
        show: false,
        parent: window() ?? undefined,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, disableBlinkFeatures: 'Auxclick' },
      });
      try {
        await printer.loadURL(`${APP_ORIGIN}/blob/${sha}`);
        return await new Promise<boolean>((resolve) => {
          printer.webContents.print({ silent: false, printBackground: true }, (ok) => resolve(ok));
        });
      } finally {
        printer.destroy();
      }
    },

    async openFolder(dir) {
      const error = await shell.openPath(dir);
      if (error) throw new Error(`无法打开文件夹：${error}`);
    },
  };
}

let lastFolder: string | null = null;

function defaultFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}
