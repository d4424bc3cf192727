/** Channels of the OCR queue (文字识别). Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import type { OcrStatus } from '../ocr';

const id = z.number().int().positive();

export const ocrChannels = {
  /** Queue counts, the file being read and whether the queue is paused. */
  'ocr.status': { input: z.object({}), output: null as unknown as OcrStatus },
  /** 全部识别: queues every PDF and image of the bag (of one cadre) not read yet, and retries failures. */
  'ocr.queueAll': { input: z.object({ cadreId: id.optional() }), output: null as unknown as { queued: number; status: OcrStatus } },
  /** Pauses or resumes the background queue (takes effect between files). */
  'ocr.setPaused': { input: z.object({ paused: z.boolean() }), output: null as unknown as OcrStatus },
} as const;
