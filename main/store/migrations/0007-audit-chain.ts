import type { Database } from 'better-sqlite3';

/** Hash-chained, append-only audit log (filled in by the audit work). */
export function up(_db: Database): void {
  // Intentionally empty until the audit chain lands.
}
