/**
 * The signed, sealed register in the cadres' bags (月考勤登记表): certifying a month files its
 * scan as a material in the bag of every cadre on the month's grid, linked to the certification
 * by `materials.certification_id`; revoking the certification marks those materials, so a
 * dossier never shows them as current. The link is a column, not text in the notes, so a clerk
 * editing a filed material's note does not break revocation.
 */
import { MATERIAL_CATEGORIES } from '../../../shared/domain';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { snapshot } from '../audit/snapshot';
import { insertMaterial, reindexMaterial } from '../bag/bag';
import type { MonthGrid } from '../../../shared/api/attendance';
import { dateLabel } from '../../../shared/dates';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';
import type { StoredUpload } from '../blobs/intake';

export const REGISTER_CATEGORY = MATERIAL_CATEGORIES[3]; // 月考勤登记表
const REVOKED_SUFFIX = '（认定已撤销）';

/** Files the scan into each cadre's bag; runs inside the certification's transaction. Returns how many. */
export function fileRegister(
  db: Db,
  grid: Pick<MonthGrid, 'townshipName' | 'month' | 'rows'>,
  cert: { id: number; secretaryName: string; certifiedOn: string },
  scan: StoredUpload,
): number {
  const y = grid.month.slice(0, 4);
  const m = Number(grid.month.slice(5, 7));
  const material = {
    category: REGISTER_CATEGORY,
    title: `${grid.townshipName}选派干部${y}年${m}月考勤登记表（签字盖章）`,
    date: cert.certifiedOn,
    year: Number(y),
    responsible: `${grid.townshipName}党委`,
    docNumber: null,
    secrecy: '公开' as const,
    notes: `乡镇党委书记${cert.secretaryName}于${dateLabel(cert.certifiedOn)}签字认定，已加盖乡镇党委公章`,
  };
  for (const r of grid.rows) insertMaterial(db, r.cadreId, material, [scan], { certificationId: cert.id });
  return grid.rows.length;
}

/** Marks the bag entries a revoked certification filed; runs inside the revocation's transaction. */
export function markRegisterRevoked(db: Db, certificationId: number, reason: string, today = localToday()): number {
  const rows = stmt(db, 'SELECT id, title, notes FROM materials WHERE certification_id = ? ORDER BY id').all(certificationId) as Array<{
    id: number;
    title: string;
    notes: string | null;
  }>;
  const upd = stmt(db, 'UPDATE materials SET title = ?, notes = ?, updated_at = ? WHERE id = ?');
  const revokedNote = `该认定已于${dateLabel(today)}撤销，原因：${reason}`;
  for (const r of rows) {
    const title = r.title.endsWith(REVOKED_SUFFIX) ? r.title : `${r.title}${REVOKED_SUFFIX}`;
    const notes = r.notes ? `${r.notes}；${revokedNote}` : revokedNote;
    const before = snapshot(db, 'materials', r.id);
    upd.run(title, notes, nowIso(), r.id);
    reindexMaterial(db, r.id);
    audit(
      db,
      'update',
      'material',
      r.id,
      { title, certificationRevoked: certificationId },
      { before, after: snapshot(db, 'materials', r.id) },
    );
  }
  return rows.length;
}
