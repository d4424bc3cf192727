/**
 * The OCR work list in SQLite (migration 0012): what is waiting, what was read, and the
 * pause switch. Results of one file are stored in one transaction with their search tokens.
 */
import { OCR_ENGINE, OCR_MODEL, pageText, type OcrPage, type OcrStatus } from '../../../shared/ocr';
import { nowIso, type Db } from '../../store/db';
import { getSetting, setSetting } from '../runtime/settings';
import { toSearchTokens } from '../searchTokens';

export interface QueuedFile {
  sha256: string;
  kind: 'pdf' | 'jpeg' | 'png' | 'tiff';
}

const OCR_KINDS = "('pdf', 'jpeg', 'png', 'tiff')";
const PAUSE_KEY = 'ocrPaused';

/** Rows a crash left 'running' go back to the front of the queue. */
export function requeueInterrupted(db: Db): number {
  return db.prepare("UPDATE ocr_queue SET state = 'pending' WHERE state = 'running'").run().changes;
}

/** Queues every PDF and image in the bag (of one cadre, if given) not read yet. Returns how many were added. */
export function queueExisting(db: Db, cadreId?: number): number {
  const now = nowIso();
  const sql = `INSERT OR IGNORE INTO ocr_queue (sha256, queued_at)
     SELECT DISTINCT f.sha256, ? FROM material_files f
     JOIN blobs b ON b.sha256 = f.sha256 JOIN materials m ON m.id = f.material_id
     WHERE b.kind IN ${OCR_KINDS} ${cadreId === undefined ? '' : 'AND m.cadre_id = ?'}`;
  const added = db.prepare(sql).run(...(cadreId === undefined ? [now] : [now, cadreId])).changes;
  // Files that failed before get another chance when the user asks again.
  const retried = db
    .prepare(
      `UPDATE ocr_queue SET state = 'pending', error = NULL, queued_at = ? WHERE state = 'failed'
       ${cadreId === undefined ? '' : 'AND sha256 IN (SELECT f.sha256 FROM material_files f JOIN materials m ON m.id = f.material_id WHERE m.cadre_id = ?)'}`,
    )
    .run(...(cadreId === undefined ? [now] : [now, cadreId])).changes;
  return added + retried;
}

export function nextPending(db: Db): QueuedFile | null {
  return (
    (db
      .prepare(
        `SELECT q.sha256, b.kind FROM ocr_queue q JOIN blobs b ON b.sha256 = q.sha256
         WHERE q.state = 'pending' ORDER BY q.queued_at, q.sha256 LIMIT 1`,
      )
      .get() as QueuedFile | undefined) ?? null
  );
}

export function markRunning(db: Db, sha256: string, pagesTotal: number | null): void {
  db.prepare("UPDATE ocr_queue SET state = 'running', pages_total = ?, pages_read = 0 WHERE sha256 = ?").run(pagesTotal, sha256);
}

export function markProgress(db: Db, sha256: string, pagesRead: number): void {
  db.prepare('UPDATE ocr_queue SET pages_read = ? WHERE sha256 = ?').run(pagesRead, sha256);
}

export function markFailed(db: Db, sha256: string, message: string): void {
  db.prepare("UPDATE ocr_queue SET state = 'failed', error = ?, finished_at = ? WHERE sha256 = ?").run(
    message.slice(0, 500),
    nowIso(),
    sha256,
  );
}

/** Stores a file's pages (replacing any earlier reading) and marks it done, in one transaction. */
export function savePages(db: Db, sha256: string, pages: readonly OcrPage[]): void {
  const now = nowIso();
  db.transaction(() => {
    const old = db.prepare('SELECT id FROM ocr_pages WHERE sha256 = ?').pluck().all(sha256) as number[];
    const delFts = db.prepare('DELETE FROM ocr_fts WHERE rowid = ?');
    for (const id of old) delFts.run(id);
    db.prepare('DELETE FROM ocr_pages WHERE sha256 = ?').run(sha256);
    const ins = db.prepare(
      `INSERT INTO ocr_pages (sha256, page, source, engine, model, rotation, width, height, confidence, ms, text, lines, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const fts = db.prepare('INSERT INTO ocr_fts (rowid, tokens) VALUES (?, ?)');
    for (const p of pages) {
      const text = pageText(p.lines);
      const engine = p.source === 'ocr' ? OCR_ENGINE : 'PDFium';
      const model = p.source === 'ocr' ? OCR_MODEL : 'text layer';
      const id = Number(
        ins.run(
          sha256,
          p.page,
          p.source,
          engine,
          model,
          p.rotation,
          p.width,
          p.height,
          p.confidence,
          p.ms,
          text,
          JSON.stringify(p.lines),
          now,
        ).lastInsertRowid,
      );
      if (text) fts.run(id, toSearchTokens(text));
    }
    db.prepare("UPDATE ocr_queue SET state = 'done', error = NULL, finished_at = ?, pages_read = ? WHERE sha256 = ?").run(
      now,
      pages.length,
      sha256,
    );
  })();
}

export const isPaused = (db: Db): boolean => getSetting(db, PAUSE_KEY) === '1';
export const setPaused = (db: Db, paused: boolean): void => setSetting(db, PAUSE_KEY, paused ? '1' : '0');

export function ocrStatus(db: Db): OcrStatus {
  const counts = Object.fromEntries(
    (db.prepare('SELECT state, COUNT(*) AS n FROM ocr_queue GROUP BY state').all() as Array<{ state: string; n: number }>).map((r) => [
      r.state,
      r.n,
    ]),
  );
  const cur = db
    .prepare(
      `SELECT q.pages_read, q.pages_total,
         (SELECT m.title FROM material_files f JOIN materials m ON m.id = f.material_id WHERE f.sha256 = q.sha256 ORDER BY m.id LIMIT 1) AS title
       FROM ocr_queue q WHERE q.state = 'running' LIMIT 1`,
    )
    .get() as { pages_read: number; pages_total: number | null; title: string | null } | undefined;
  return {
    paused: isPaused(db),
    pending: counts.pending ?? 0,
    running: counts.running ?? 0,
    done: counts.done ?? 0,
    failed: counts.failed ?? 0,
    current: cur ? { title: cur.title ?? '（未归档文件）', pagesRead: cur.pages_read, pagesTotal: cur.pages_total } : null,
  };
}

/** Files whose reading failed, newest first, with a file name and the reason. */
export function failedFiles(db: Db, limit: number): Array<{ name: string | null; error: string | null }> {
  return db
    .prepare(
      `SELECT q.error, (SELECT f.original_name FROM material_files f WHERE f.sha256 = q.sha256 LIMIT 1) AS name
       FROM ocr_queue q WHERE q.state = 'failed' ORDER BY q.finished_at DESC LIMIT ?`,
    )
    .all(limit) as Array<{ name: string | null; error: string | null }>;
}
