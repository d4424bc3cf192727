/**
 * Browser mode's way to take a county batch home: GET /batch-zip/<jobId> streams the volumes the
 * batch wrote and its 案卷目录 as one zip (main/exchange/bundle/streamZip.ts, bounded memory). Only a
 * finished or cancelled job's own files are sent; the folder is never listed.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { BatchStatus } from '../../shared/api/dossier';
import { writeZip, type ZipEntry } from '../exchange/bundle/streamZip';
import { sendText } from './static';

export const BATCH_ZIP_ROUTE = /^\/batch-zip\/([0-9a-f-]{36})$/;

/** The files of a finished batch, named as on disk: the volumes in their order, then the catalogue. */
export function batchZipEntries(s: BatchStatus): ZipEntry[] {
  const files = [...s.results.map((r) => r.file).filter((f): f is string => !!f), ...(s.catalogue ? [s.catalogue] : [])];
  return files.filter((f) => fs.existsSync(f)).map((f) => ({ name: path.basename(f), path: f }));
}

/** Sends the zip, or a Chinese reason (running, nothing written, moved away). */
export async function sendBatchZip(req: IncomingMessage, res: ServerResponse, status: BatchStatus): Promise<void> {
  if (status.state === 'running') return sendText(res, 409, '批量生成尚未完成，完成后再下载');
  const entries = batchZipEntries(status);
  if (entries.length === 0) return sendText(res, 404, '该批次没有可下载的文件（可能已被移动或删除）');
  const zipName = `${path.basename(status.outDir) || '档案批量输出'}.zip`;
  res.writeHead(200, {
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename="onebag-batch.zip"; filename*=UTF-8''${encodeURIComponent(zipName)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  try {
    await writeZip(entries, res);
    res.end();
  } catch {
    // the browser cancelled the download, or a file vanished mid-way: the zip is cut short
    res.destroy();
  }
}
