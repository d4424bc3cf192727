/**
 * The OCR queue of a running app (Electron and the bridge) or of `onebag ocr --wait`: the
 * runner of main/core/ocr over the worker thread of main/ocr, on this data folder's blobs.
 */
import { createOcrRunner, type OcrRunner } from '../core/ocr/runner';
import { OcrPool } from '../ocr/pool';
import type { OpenCore } from './open';

export function startOcrQueue(core: OpenCore, opts: { background: boolean }): OcrRunner {
  return createOcrRunner(core.ctx, new OcrPool(), { pathOf: (sha) => core.blobs.pathOf(sha), background: opts.background });
}
