/**
 * Certification of a township's month (乡镇党委书记签字认定、盖章): the secretary's name, the
 * date, the seal, and the scan of the signed, sealed paper register. A certified month is
 * locked; changing it needs a revocation with a reason. Certifications are never deleted:
 * a revoked one keeps its row (revoked_at/by/reason) and the month's history shows it all.
 */
import type { CertifyConfirmation, CertifyWarning } from '../../../shared/api/attendance';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { snapshot as rowSnapshot } from '../audit/snapshot';
import { recordBlob } from '../blobs/rows';
import { activeCertification, assertMonth, operatorOf, townshipOf, writeHistory, type HistoryAction } from './common';
import { syncVerifications } from '../events/verifications';
import { checkCertifyForm, confirmWarnings, warningsOfGrid, type CertifyForm } from './certifyChecks';
import { getMonthGrid } from './grid';
import { fileRegister, markRegisterRevoked } from './registerFiling';
import { storeUpload, type StoredUpload } from '../blobs/intake';
import type { BlobStore } from '../../files/blobStore';
import type { CertificationInfo, HistoryEntryView } from '../../../shared/api/attendance';
import { monthDayLabel, dateLabel, monthLabel } from '../../../shared/dates';
import { stmt } from '../../store/statementCache';
import { isRecordedBlob } from '../blobs/lookup';

export interface CertifyInput extends CertifyForm {
  scanSha256: string | null;
  /** Confirmations of the warnings (certificationWarnings), one per key. */
  confirmations?: CertifyConfirmation[];
  /**
   * Instead of `confirmations`: given the warnings of the grid being certified, returns the
   * confirmations (checked the same way). For a caller that reads the warnings only to confirm
   * them (the demo's secretaries), so the month's grid is built once, not once more for them.
   */
  confirm?: (warnings: readonly CertifyWarning[]) => CertifyConfirmation[];
}

/** Certifies the month whose scan is already recorded in `blobs` (the register is not filed). */
export function certifyMonth(db: Db, input: CertifyInput): CertificationInfo {
  return certify(db, input, null).certification;
}

/**
 * Certifies the month with the uploaded scan of the paper register (attendance.certify): the
 * form's refusals first, so a bad form does not even look at the file (`file` is asked for only
 * then); then the scan is copied into the blob store and the month certified with it
 * (certifyAndFileRegister).
 */
export async function certifyWithScan(
  db: Db,
  blobs: BlobStore,
  input: Omit<CertifyInput, 'scanSha256'>,
  file: () => { path: string; name: string },
): Promise<{ certification: CertificationInfo; filed: number }> {
  checkCertifyForm(db, input);
  const scan = await storeUpload(db, blobs, file(), '考勤表扫描件');
  return certifyAndFileRegister(db, input, scan);
}

/**
 * Certifies the month with the scan of the paper register, already in the blob store, and
 * files the scan in the bag of every cadre on the month's grid: one transaction, so the
 * certification and the bag entries exist together or not at all.
 */
export function certifyAndFileRegister(
  db: Db,
  input: Omit<CertifyInput, 'scanSha256'>,
  scan: StoredUpload,
): { certification: CertificationInfo; filed: number } {
  return db.transaction(() => {
    recordBlob(db, scan.sha256, scan.size, scan.facts);
    const { certification, filed } = certify(db, { ...input, scanSha256: scan.sha256 }, scan);
    return { certification, filed };
  })();
}

/** Every rule once, the month's grid built once: for the warnings, the snapshot and the filing. */
function certify(db: Db, input: CertifyInput, fileScan: StoredUpload | null): { certification: CertificationInfo; filed: number } {
  const { townshipId, month } = input;
  return db.transaction(() => {
    const { secretaryName, today } = checkCertifyForm(db, input);
    const scan = (input.scanSha256 ?? '').trim().toLowerCase();
    if (!scan) throw new AppError('INVALID_INPUT', '请上传乡镇党委书记签字并盖章的纸质考勤表扫描件');
    if (!isRecordedBlob(db, scan)) {
      throw new AppError('NOT_FOUND', '考勤表扫描件未找到，请重新上传后再认定');
    }
    const grid = getMonthGrid(db, townshipId, month, today);
    const warnings = warningsOfGrid(db, grid);
    const confirmed = confirmWarnings(warnings, input.confirm ? input.confirm(warnings) : input.confirmations);
    const at = nowIso();
    const operator = operatorOf(db);
    const id = Number(
      stmt(
        db,
        `INSERT INTO attendance_certifications
           (township_id, month, secretary_name, certified_on, seal_applied, scan_sha256, created_by, created_at)
         VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
      ).run(townshipId, month, secretaryName, input.certifiedOn, scan, operator, at).lastInsertRowid,
    );
    // What was certified: each cadre's days on post at that moment.
    const snapshot = grid.rows.map((r) => ({
      cadreId: r.cadreId,
      name: r.name,
      onPost: r.counts.onPost,
      required: r.counts.required,
      meetsMinimum: r.counts.meetsMinimum,
    }));
    writeHistory(db, townshipId, month, 'certify', {
      certificationId: id,
      secretaryName,
      certifiedOn: input.certifiedOn,
      sealApplied: true,
      scanSha256: scan,
      snapshot,
      confirmed,
    });
    // Checks already recorded for the month that contradict the register open a 核查 now.
    syncVerifications(db, { townshipId, month });
    audit(
      db,
      'create',
      'attendance_certification',
      id,
      { townshipId, township: grid.townshipName, month, secretaryName, certifiedOn: input.certifiedOn },
      {
        after: rowSnapshot(db, 'attendance_certifications', id),
      },
    );
    const certification = activeCertification(db, townshipId, month)!;
    const filed = fileScan ? fileRegister(db, grid, certification, fileScan) : 0;
    return { certification, filed };
  })();
}

export function revokeCertification(db: Db, input: { townshipId: number; month: string; reason: string }): void {
  const { townshipId, month } = input;
  assertMonth(month);
  const reason = (input.reason ?? '').trim();
  if ([...reason].length < 4) throw new AppError('INVALID_INPUT', '撤销认定须说明原因（不少于4个字）');
  if ([...reason].length > 500) throw new AppError('INVALID_INPUT', '撤销原因不能超过500个字');
  db.transaction(() => {
    const cert = activeCertification(db, townshipId, month);
    if (!cert) throw new AppError('NOT_FOUND', `${monthLabel(month)}考勤尚未认定，无需撤销`);
    const operator = operatorOf(db);
    const before = rowSnapshot(db, 'attendance_certifications', cert.id);
    stmt(db, 'UPDATE attendance_certifications SET revoked_at = ?, revoked_reason = ?, revoked_by = ? WHERE id = ?').run(
      nowIso(),
      reason,
      operator,
      cert.id,
    );
    writeHistory(db, townshipId, month, 'revoke', {
      certificationId: cert.id,
      secretaryName: cert.secretaryName,
      certifiedOn: cert.certifiedOn,
      reason,
    });
    audit(
      db,
      'update',
      'attendance_certification',
      cert.id,
      { townshipId, month, secretaryName: cert.secretaryName, revoked: true, reason },
      {
        before,
        after: rowSnapshot(db, 'attendance_certifications', cert.id),
      },
    );
    // The register it filed in the bags says so, so a dossier never shows it as current.
    markRegisterRevoked(db, cert.id, reason);
  })();
}

const ACTION_LABELS: Record<HistoryAction, string> = { certify: '认定', revoke: '撤销认定', edit: '修改考勤', leave: '请假' };
const HALF_LABEL: Record<string, string> = { 全: '全天', 上: '上午', 下: '下午' };

type Change = { name: string; date: string; half: string; from: string; to: string };

function summarize(action: HistoryAction, d: Record<string, unknown>): string {
  switch (action) {
    case 'certify': {
      const confirmed = (d.confirmed as Array<{ text: string; note: string | null }> | undefined) ?? [];
      return (
        `乡镇党委书记${String(d.secretaryName)}于${dateLabel(String(d.certifiedOn))}签字认定，已加盖公章并附扫描件` +
        (confirmed.length
          ? `；认定前逐条确认${confirmed.length}个问题：${confirmed.map((c) => c.text + (c.note ? `（说明：${c.note}）` : '')).join('；')}`
          : '')
      );
    }
    case 'revoke':
      return `撤销${String(d.secretaryName)}于${dateLabel(String(d.certifiedOn))}的认定，原因：${String(d.reason)}`;
    case 'edit': {
      const changes = (d.changes as Change[] | undefined) ?? [];
      const shown = changes.slice(0, 3).map((c) => `${c.name} ${monthDayLabel(c.date)}${HALF_LABEL[c.half] ?? ''} ${c.from}→${c.to}`);
      return shown.join('；') + (changes.length > 3 ? ` 等 ${changes.length} 处` : '');
    }
    case 'leave':
      return String(d.summary ?? '请假变动');
  }
}

/** The month's record, oldest first: certifications, revocations, edits and leave, with who did it. */
export function monthHistory(db: Db, townshipId: number, month: string): HistoryEntryView[] {
  assertMonth(month);
  townshipOf(db, townshipId);
  const rows = stmt(
    db,
    'SELECT id, at, operator, action, detail FROM attendance_history WHERE township_id = ? AND month = ? ORDER BY id',
  ).all(townshipId, month) as Array<{ id: number; at: string; operator: string | null; action: HistoryAction; detail: string }>;
  return rows.map((r) => {
    const detail = JSON.parse(r.detail) as Record<string, unknown>;
    return {
      id: r.id,
      at: r.at,
      operator: r.operator,
      action: r.action,
      actionLabel: ACTION_LABELS[r.action],
      summary: summarize(r.action, detail),
      detail,
    };
  });
}
