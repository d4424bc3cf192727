/**
 * Runs the OCR queue in the background of a running app (Electron, the bridge) or to the end
 * for `onebag ocr --wait`: one file at a time through an OcrReader (the OCR process of
 * main/ocr, composed in main/api), results stored per file, progress pushed per page. The
 * queue lives in SQLite, so a restart resumes where it stopped; pausing takes effect between
 * files.
 */
import type { OcrPage } from '../../../shared/ocr';
import type { CoreContext } from '../runtime/context';
import {
  isPaused,
  markFailed,
  markProgress,
  markRunning,
  nextPending,
  ocrStatus,
  requeueInterrupted,
  savePages,
  type QueuedFile,
} from './queue';

export interface OcrReader {
  read(file: string, kind: QueuedFile['kind'], dpi: number, cb: { onStart(n: number): void; onPage(p: OcrPage): void }): Promise<void>;
  close(): Promise<void>;
}

export const OCR_JOB_ID = 'ocr';
/** Resolution scanned PDF pages are rendered at for recognition. */
export const OCR_DPI = 200;

export interface OcrRunner {
  /** Reads everything pending now (ignoring the pause switch: the user asked); resolves when the queue is empty. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());

export function createOcrRunner(
  ctx: CoreContext,
  reader: OcrReader,
  opts: { pathOf(sha256: string): string; background?: boolean; pollMs?: number },
): OcrRunner {
  const { db } = ctx;
  const pollMs = opts.pollMs ?? 2000;
  let stopped = false;
  let busy: Promise<void> | null = null;
  requeueInterrupted(db);

  const readOne = async (item: QueuedFile): Promise<void> => {
    const pages: OcrPage[] = [];
    markRunning(db, item.sha256, null);
    let total = 0;
    try {
      await reader.read(opts.pathOf(item.sha256), item.kind, OCR_DPI, {
        onStart: (n) => {
          total = n;
          markRunning(db, item.sha256, n);
        },
        onPage: (p) => {
          pages.push(p);
          markProgress(db, item.sha256, pages.length);
          const s = ocrStatus(db);
          ctx.host.progress?.({
            jobId: OCR_JOB_ID,
            label: `文字识别：${s.current?.title ?? ''} 第 ${pages.length}/${total} 页，待识别 ${s.pending} 个文件`,
            done: pages.length,
            total,
          });
        },
      });
      savePages(db, item.sha256, pages);
    } catch (err) {
      if (stopped) return; // closing: the row stays 'running' and is read again at the next start
      markFailed(db, item.sha256, err instanceof Error ? err.message : String(err));
    }
  };

  const step = (ignorePause: boolean): Promise<boolean> => {
    busy ??= (async () => {
      if (stopped || (!ignorePause && isPaused(db))) return;
      const next = nextPending(db);
      if (next) await readOne(next);
    })().finally(() => (busy = null));
    return busy.then(() => !stopped && nextPending(db) !== null);
  };

  if (opts.background) {
    void (async () => {
      let working = false;
      while (!stopped) {
        const hadWork = !isPaused(db) && nextPending(db) !== null;
        const more = await step(false).catch(() => false);
        working ||= hadWork;
        if (!more && working) {
          working = false;
          ctx.host.progress?.({ jobId: OCR_JOB_ID, label: '文字识别已完成', done: 1, total: 1, finished: true });
        }
        if (!more || isPaused(db)) await sleep(pollMs);
      }
    })();
  }

  return {
    async drain() {
      while (await step(true));
    },
    async stop() {
      stopped = true;
      await reader.close();
      await busy?.catch(() => undefined);
    },
  };
}
