import type { Database } from 'better-sqlite3';

/**
 * Active content found in an original at intake (main/files/validatePdf.ts): a comma-separated
 * list of FileFlag values (script, launch, attachment); '' for none and for blobs stored before.
 */
export function up(db: Database): void {
  db.exec(`ALTER TABLE blobs ADD COLUMN flags TEXT NOT NULL DEFAULT ''`);
}
