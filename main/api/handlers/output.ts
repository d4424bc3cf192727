import fs from 'node:fs';
import path from 'node:path';
import type { outputChannels } from '../../../shared/api/output';
import { AppError } from '../../../shared/result';
import { buildXlsx } from '../../core/export/xlsx';
import { notOnThisHost } from '../hostRefusal';
import type { HandlersFor, Services } from '../services';

/** A folder the dossier batch wrote: it holds the county's 案卷目录 PDF (dossier/batch/catalogue.ts). Nothing else is shown. */
function isBatchFolder(dir: string): boolean {
  try {
    if (!fs.statSync(dir).isDirectory()) return false;
    return fs.readdirSync(dir).some((n) => n.endsWith('案卷目录.pdf'));
  } catch {
    return false;
  }
}

export function createOutputHandlers(s: Services): HandlersFor<typeof outputChannels> {
  const { ctx, blobs } = s;
  return {
    'output.xlsx': async ({ fileName, sheets }) => {
      const bytes = await buildXlsx(sheets);
      const name = fileName.toLowerCase().endsWith('.xlsx') ? fileName : `${fileName}.xlsx`;
      return { fileName: name, base64: bytes.toString('base64'), bytes: bytes.length };
    },
    'output.saveAs': async ({ fileName, sha256, base64 }) => {
      const save = ctx.host.saveFile;
      if (!save) throw notOnThisHost(ctx.host, '弹出“另存为”窗口');
      if (sha256 !== undefined) {
        if (!blobs.has(sha256)) throw new AppError('NOT_FOUND', '找不到生成的文件，请重新生成预览');
        return { savedTo: await save(fileName, { path: blobs.pathOf(sha256) }) };
      }
      return { savedTo: await save(fileName, { bytes: Buffer.from(base64 ?? '', 'base64') }) };
    },
    'output.print': async ({ sha256 }) => {
      const print = ctx.host.printPdf;
      if (!print) throw notOnThisHost(ctx.host, '调用系统打印');
      if (!blobs.has(sha256)) throw new AppError('NOT_FOUND', '找不到生成的文件，请重新生成预览');
      return { printed: await print(blobs.pathOf(sha256)) };
    },
    'output.openFolder': async ({ path: dir }) => {
      const open = ctx.host.openFolder;
      if (!open) throw notOnThisHost(ctx.host, '打开文件夹');
      const abs = path.resolve(dir);
      if (!isBatchFolder(abs)) throw new AppError('NOT_FOUND', '该文件夹不是档案批量输出文件夹，或已被移动');
      await open(abs);
      return { opened: true as const };
    },
  };
}
