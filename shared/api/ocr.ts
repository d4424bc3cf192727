/** Channels of the OCR queue (文字识别). Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import type { OcrStatus } from '../ocr';
import type { TextSuggestion } from '../suggestFromText';
import { id } from './fields';

export const ocrChannels = {
  /** Queue counts, the file being read and whether the queue is paused. */
  'ocr.status': { input: z.object({}), output: null as unknown as OcrStatus },
  /** 全部识别: queues every PDF and image of the bag (of one cadre) not read yet, and retries failures. */
  'ocr.queueAll': { input: z.object({ cadreId: id.optional() }), output: null as unknown as { queued: number; status: OcrStatus } },
  /** Pauses or resumes the background queue (takes effect between files). */
  'ocr.setPaused': { input: z.object({ paused: z.boolean() }), output: null as unknown as OcrStatus },
  /**
   * Intake: title, 文号, date and 落款 unit read from a staged file's first page (its own text, or
   * recognised when it is a scan); null for files that have no pages to read (Word, Excel…).
   */
  'ocr.suggest': {
    input: z.object({ token: z.string().min(1).max(100) }),
    output: null as unknown as (TextSuggestion & { source: 'ocr' | 'pdf-text' }) | null,
  },
} as const;
