import type { Database } from 'better-sqlite3';

/**
 * Offline OCR of scanned originals (issue 16). Recognition is per stored file (blob), so a
 * file filed twice is read once. `ocr_queue` is the persistent work list (it survives
 * restarts: a row left 'running' by a crash is picked up again); `ocr_pages` holds the text
 * of each recognised page with engine, model version, time and confidence; `ocr_fts` is the
 * CJK-bigram search index over that text (rowid = ocr_pages.id).
 * A trigger queues every PDF and image as soon as it is linked to a material, whatever path
 * filed it (attach, demo, certification scans, bundle import).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE ocr_queue (
      sha256 TEXT PRIMARY KEY REFERENCES blobs(sha256),
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),
      queued_at TEXT NOT NULL,
      finished_at TEXT,
      pages_total INTEGER,
      pages_read INTEGER NOT NULL DEFAULT 0,
      error TEXT
    );
    CREATE INDEX ocr_queue_state ON ocr_queue(state, queued_at);

    CREATE TABLE ocr_pages (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL REFERENCES blobs(sha256),
      page INTEGER NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('ocr', 'pdf-text')),
      engine TEXT NOT NULL,
      model TEXT NOT NULL,
      rotation INTEGER NOT NULL DEFAULT 0,
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      confidence REAL,
      ms INTEGER NOT NULL,
      text TEXT NOT NULL,
      lines TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (sha256, page)
    );

    CREATE VIRTUAL TABLE ocr_fts USING fts5(tokens, tokenize = 'unicode61 remove_diacritics 0');

    CREATE TRIGGER ocr_queue_on_file AFTER INSERT ON material_files
    WHEN (SELECT kind FROM blobs WHERE sha256 = NEW.sha256) IN ('pdf', 'jpeg', 'png', 'tiff')
    BEGIN
      INSERT OR IGNORE INTO ocr_queue (sha256, queued_at) VALUES (NEW.sha256, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    END;
  `);
}
