/** Handlers of the OCR channels (shared/api/ocr.ts): state lives in SQLite, the runner follows it. */
import type { ocrChannels } from '../../../shared/api/ocr';
import { ocrStatus, queueExisting, setPaused } from '../../core/ocr/queue';
import { inspectFile } from '../../files/inspect';
import { suggestFromFirstPage } from '../ocrSuggest';
import type { HandlersFor, Services } from '../services';

export function createOcrHandlers({ ctx, staging }: Services): HandlersFor<typeof ocrChannels> {
  const { db } = ctx;
  return {
    'ocr.status': () => ocrStatus(db),
    'ocr.queueAll': ({ cadreId }) => ({ queued: queueExisting(db, cadreId), status: ocrStatus(db) }),
    'ocr.setPaused': ({ paused }) => {
      setPaused(db, paused);
      return ocrStatus(db);
    },
    'ocr.suggest': async ({ token }) => {
      const staged = staging.get(token);
      const facts = await inspectFile(staged.path, staged.name);
      return suggestFromFirstPage(staged.path, facts.kind);
    },
  };
}
