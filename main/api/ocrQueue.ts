/**
 * The OCR queue of a running app (Electron and the bridge) or of `onebag ocr --wait`: the
 * runner of main/core/ocr over the OCR process of main/ocr, on this data folder's blobs.
 * A caller that passes its own pool keeps it (and its loaded models) after the runner stops.
 */
import { createOcrRunner, type OcrReader, type OcrRunner } from '../core/ocr/runner';
import { OcrPool } from '../ocr/pool';
import type { OpenCore } from './open';

export function startOcrQueue(core: OpenCore, opts: { background: boolean; pool?: OcrPool }): OcrRunner {
  const shared = opts.pool;
  const reader: OcrReader = shared
    ? { read: (file, kind, dpi, cb) => shared.read(file, kind, dpi, cb), close: async () => undefined }
    : new OcrPool();
  return createOcrRunner(core.ctx, reader, { pathOf: (sha) => core.blobs.pathOf(sha), background: opts.background });
}
