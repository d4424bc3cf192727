/**
 * Files out of the app, one way per host: on the desktop the system 另存为 and print dialogs
 * (main/app/desktopOutput.ts through the output.* channels); in browser mode a download with a
 * proper file name and the browser's own print of the PDF.
 */
import type { TableSheet } from '../../../shared/api/output';
import { call } from '../api/client';

export type HostKind = 'electron' | 'bridge' | string;

/** The sha256 of a generated file from its preview URL (app://onebag/blob/<sha> or /blob/<sha>?t=…). */
export function shaOfUrl(url: string): string | null {
  return /\/blob\/([0-9a-f]{64})(?:[?#]|$)/.exec(url)?.[1] ?? null;
}

/** Browser download of a same-origin URL under `fileName`. */
export function downloadUrl(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function base64ToBlob(base64: string, mime: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Browser mode: the bridge streams a finished county batch as one zip (main/bridge/batchZip.ts). */
export function downloadBatchZip(jobId: string, outDir: string): string {
  const name = `${outDir.split(/[\\/]/).filter(Boolean).pop() ?? '档案批量输出'}.zip`;
  downloadUrl(`/batch-zip/${encodeURIComponent(jobId)}`, name);
  return name;
}

/** Outcome shown to the clerk: where it went, or that it was cancelled. */
export type SaveOutcome = { kind: 'saved'; to: string } | { kind: 'downloaded'; name: string } | { kind: 'cancelled' };

/** Saves a generated PDF (by its preview URL) under `fileName`. */
export async function savePdf(host: HostKind, url: string, fileName: string): Promise<SaveOutcome> {
  const sha256 = shaOfUrl(url);
  if (host === 'electron' && sha256) {
    const r = await call('output.saveAs', { fileName, sha256 });
    return r.savedTo ? { kind: 'saved', to: r.savedTo } : { kind: 'cancelled' };
  }
  downloadUrl(url, fileName);
  return { kind: 'downloaded', name: fileName };
}

/**
 * Prints a generated PDF: the system print dialog on the desktop; in the browser the PDF opens
 * in a hidden frame whose print() shows the browser's dialog (a new tab when the frame cannot).
 */
export async function printPdf(host: HostKind, url: string): Promise<'printed' | 'cancelled' | 'opened'> {
  const sha256 = shaOfUrl(url);
  if (host === 'electron' && sha256) return (await call('output.print', { sha256 })).printed ? 'printed' : 'cancelled';
  document.querySelectorAll('iframe[data-onebag-print]').forEach((f) => f.remove());
  const frame = document.createElement('iframe');
  frame.dataset.onebagPrint = '1';
  frame.title = '打印';
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0;';
  frame.src = url;
  return new Promise((resolve) => {
    frame.onload = () => {
      try {
        frame.contentWindow?.focus();
        frame.contentWindow?.print();
        resolve('printed');
      } catch {
        window.open(url, '_blank', 'noopener');
        resolve('opened');
      }
    };
    document.body.appendChild(frame);
  });
}

/** Builds the .xlsx in main from what the screen shows and saves or downloads it. */
export async function exportXlsx(host: HostKind, fileName: string, sheets: TableSheet[]): Promise<SaveOutcome> {
  const r = await call('output.xlsx', { fileName, sheets });
  if (host === 'electron') {
    const saved = await call('output.saveAs', { fileName: r.fileName, base64: r.base64 });
    return saved.savedTo ? { kind: 'saved', to: saved.savedTo } : { kind: 'cancelled' };
  }
  const blobUrl = URL.createObjectURL(base64ToBlob(r.base64, XLSX_MIME));
  try {
    downloadUrl(blobUrl, r.fileName);
  } finally {
    setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
  }
  return { kind: 'downloaded', name: r.fileName };
}

/** The Chinese toast for an outcome. */
export function outcomeText(o: SaveOutcome): string | null {
  if (o.kind === 'saved') return `已保存到 ${o.to}`;
  if (o.kind === 'downloaded') return `已下载 ${o.name}`;
  return null;
}
