/** Certifies township months through the real use case, confirming every warning it raises (tests only). */
import { addDays, monthLast } from '../../shared/attendance';
import { certifyMonth } from '../../main/core/attendance/certify';
import { certificationWarnings } from '../../main/core/attendance/certifyChecks';
import type { Db } from '../../main/store/db';

export const SCAN = 'a'.repeat(64);

export function ensureScan(db: Db): string {
  db.prepare(`INSERT OR IGNORE INTO blobs (sha256, kind, mime, size, created_at) VALUES (?, 'pdf', 'application/pdf', 100, ?)`).run(
    SCAN,
    new Date().toISOString(),
  );
  return SCAN;
}

export function certify(db: Db, townshipId: number, month: string, today: string, secretaryName = '刘书记') {
  const confirmations = certificationWarnings(db, townshipId, month, today).map((w) => ({
    key: w.key,
    ...(w.needsNote ? { note: '经核实，原因属实' } : {}),
  }));
  const certifiedOn = [addDays(monthLast(month), 1), today].sort()[0]!;
  return certifyMonth(db, {
    townshipId,
    month,
    secretaryName,
    certifiedOn,
    sealApplied: true,
    scanSha256: ensureScan(db),
    confirmations,
    today,
  });
}

export function certifyMonths(db: Db, townshipIds: number[], months: string[], today: string): void {
  for (const t of townshipIds) for (const m of months) if (monthLast(m) < today) certify(db, t, m, today);
}
