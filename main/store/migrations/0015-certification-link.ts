import type { Database } from 'better-sqlite3';
import { installReadOnlyGuards } from '../readOnlyGuards';

/**
 * The link from a month's certification (考勤认定) to the 月考勤登记表 materials it filed in the
 * cadres' bags: a column, `materials.certification_id`, instead of a marker in the notes
 * (（考勤认定第N号）) that revocation searched with `notes LIKE` and that a clerk editing the
 * note could break. Existing rows: the marker is parsed once here, the id set, the marker
 * removed from the notes (the search index keeps the marker's tokens until the material is
 * next saved, which only makes the old marker findable).
 */
const MARKER = /（考勤认定第(\d+)号）/;

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE materials ADD COLUMN certification_id INTEGER REFERENCES attendance_certifications(id);
    CREATE INDEX materials_certification ON materials(certification_id) WHERE certification_id IS NOT NULL;
  `);
  const marked = db.prepare(`SELECT id, notes FROM materials WHERE notes LIKE '%（考勤认定第%号）%'`).all() as Array<{
    id: number;
    notes: string;
  }>;
  const certExists = db.prepare('SELECT 1 FROM attendance_certifications WHERE id = ?').pluck();
  const link = db.prepare('UPDATE materials SET certification_id = ?, notes = ? WHERE id = ?');
  for (const m of marked) {
    const hit = MARKER.exec(m.notes);
    if (!hit) continue;
    const certificationId = Number(hit[1]);
    // A marker naming no certification (typed by hand, or from another database) stays as text.
    if (!certExists.get(certificationId)) continue;
    link.run(certificationId, m.notes.replace(hit[0], ''), m.id);
  }
  installReadOnlyGuards(db);
}
