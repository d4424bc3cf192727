/** Handlers of the OCR channels (shared/api/ocr.ts): state lives in SQLite, the runner follows it. */
import type { ocrChannels } from '../../../shared/api/ocr';
import { ocrStatus, queueExisting, setPaused } from '../../core/ocr/queue';
import type { HandlersFor, Services } from '../services';

export function createOcrHandlers({ ctx }: Services): HandlersFor<typeof ocrChannels> {
  const { db } = ctx;
  return {
    'ocr.status': () => ocrStatus(db),
    'ocr.queueAll': ({ cadreId }) => ({ queued: queueExisting(db, cadreId), status: ocrStatus(db) }),
    'ocr.setPaused': ({ paused }) => {
      setPaused(db, paused);
      return ocrStatus(db);
    },
  };
}
