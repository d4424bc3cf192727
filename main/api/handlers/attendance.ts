/**
 * Handlers for shared/api/attendance.ts: the month grid, certification, leave, settings and
 * holidays, over main/core/attendance/*.
 *
 * Files (the certified scan, leave proof) arrive as staging tokens. Each is inspected and
 * copied into the content-addressed blob store first (a failure later leaves only an
 * unreferenced blob that an identical file reuses); then ONE database transaction writes the
 * blob row and the record that refers to it. For certification that same transaction also
 * files the scan as a 月考勤登记表 material in the bag of every cadre on the month's grid, so
 * the certification and the bag entries exist together or not at all (bag.ts's insertMaterial
 * runs inside the caller's transaction).
 */
import type { attendanceChannels, MonthGridView } from '../../../shared/api/attendance';
import { MATERIAL_CATEGORIES, type StoredFile } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { FileFacts } from '../../files/inspect';
import { intakeMaxBytes } from '../../core/intakeLimit';
import { commitOriginals, discardOriginals, takeOriginals } from '../../files/intake';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../../core/audit';
import { snapshot } from '../../core/audit/snapshot';
import { insertMaterial, reindexMaterial } from '../../core/bag';
import { recordBlob } from '../../core/blobRows';
import { certifyMonth, monthHistory, revokeCertification } from '../../core/attendance/certify';
import { certificationWarnings } from '../../core/attendance/certifyChecks';
import { activeCertification, dateLabel, monthLabel } from '../../core/attendance/common';
import { getMonthGrid, setCells } from '../../core/attendance/grid';
import { deleteHoliday, listHolidays, setHoliday } from '../../core/attendance/holidays';
import { addLeave, approveLeave, listLeave, recordReturn, rejectLeave } from '../../core/attendance/leave';
import { getCountySettings, setCountySettings } from '../../core/attendance/settings';
import type { HandlersFor, Services } from '../services';

const REGISTER_CATEGORY = MATERIAL_CATEGORIES[3]; // 月考勤登记表
const SCAN_KINDS = new Set(['pdf', 'jpeg', 'png', 'tiff']);

interface StoredUpload {
  sha256: string;
  size: number;
  name: string;
  facts: FileFacts;
}

function storedFile(db: Db, sha256: string, originalName: string): StoredFile | null {
  const b = db
    .prepare('SELECT kind, mime, size, page_count AS pageCount, width, height, orientation FROM blobs WHERE sha256 = ?')
    .get(sha256) as Omit<StoredFile, 'sha256' | 'originalName'> | undefined;
  return b ? { sha256, originalName, ...b } : null;
}

/** Materials filed by a certification carry this mark in their notes (found again on revocation). */
const certMark = (certificationId: number) => `（考勤认定第${certificationId}号）`;

/** Files the scan into each cadre's bag; runs inside the certification's transaction. */
function fileRegister(
  db: Db,
  grid: MonthGridView,
  cert: { id: number; secretaryName: string; certifiedOn: string },
  scan: StoredUpload,
): number {
  const y = grid.month.slice(0, 4);
  const m = Number(grid.month.slice(5, 7));
  const title = `${grid.townshipName}选派干部${y}年${m}月考勤登记表（签字盖章）`;
  const notes = `乡镇党委书记${cert.secretaryName}于${dateLabel(cert.certifiedOn)}签字认定，已加盖乡镇党委公章${certMark(cert.id)}`;
  const responsible = `${grid.townshipName}党委`;
  const material = {
    category: REGISTER_CATEGORY,
    title,
    date: cert.certifiedOn,
    year: Number(y),
    responsible,
    docNumber: null,
    secrecy: '公开' as const,
    notes,
  };
  for (const r of grid.rows) insertMaterial(db, r.cadreId, material, [scan], { certificationId: cert.id });
  return grid.rows.length;
}

/** Marks the bag entries of a revoked certification, so a dossier never shows them as current. */
export function markRevoked(db: Db, certificationId: number, reason: string): void {
  const rows = db
    .prepare(`SELECT id, title, notes FROM materials WHERE category = ? AND notes LIKE ?`)
    .all(REGISTER_CATEGORY, `%${certMark(certificationId)}%`) as Array<{ id: number; title: string; notes: string }>;
  const upd = db.prepare('UPDATE materials SET title = ?, notes = ?, updated_at = ? WHERE id = ?');
  const today = nowIso().slice(0, 10);
  for (const r of rows) {
    const title = r.title.endsWith('（认定已撤销）') ? r.title : `${r.title}（认定已撤销）`;
    const notes = `${r.notes}；该认定已于${dateLabel(today)}撤销，原因：${reason}`;
    const before = snapshot(db, 'materials', r.id);
    upd.run(title, notes, nowIso(), r.id);
    reindexMaterial(db, r.id);
    audit(db, 'update', 'material', r.id, { title, certificationRevoked: certificationId }, { before, after: snapshot(db, 'materials', r.id) });
  }
}

/** Handlers for the channels of shared/api/attendance.ts. */
export function createAttendanceHandlers(s: Services): HandlersFor<typeof attendanceChannels> {
  const { db } = s.ctx;

  /** Inspects a staged upload and copies it into the blob store; the token stays until the record is written. */
  const takeUpload = async (token: string, what: string, kinds?: Set<string>): Promise<StoredUpload> => {
    const f = s.staging.get(token);
    const [taken] = await takeOriginals(s.blobs, [f], { maxBytes: intakeMaxBytes(db) });
    const facts = taken!.facts;
    if (kinds && !kinds.has(facts.kind)) {
      await discardOriginals(s.blobs, [taken!]);
      throw new AppError('FILE_REFUSED', `「${f.name}」不是 PDF 或图片，${what}请上传扫描得到的 PDF、JPEG、PNG 或 TIFF 文件`);
    }
    const [{ sha256, size }] = (await commitOriginals(s.blobs, [taken!])) as [{ sha256: string; size: number }];
    return { sha256, size, name: f.name, facts };
  };

  const grid = (townshipId: number, month: string): MonthGridView => {
    const g = getMonthGrid(db, townshipId, month);
    const scan = g.certification ? storedFile(db, g.certification.scanSha256, `${g.townshipName}${monthLabel(month)}考勤表扫描件`) : null;
    return { ...g, scan };
  };

  const townshipLeave = (townshipId: number, month: string) => {
    const first = `${month}-01`;
    const last = `${month}-31`;
    const ids = new Set(
      db
        .prepare('SELECT cadre_id FROM postings WHERE township_id = ? AND start <= ? AND ("end" IS NULL OR "end" >= ?)')
        .pluck()
        .all(townshipId, last, first) as number[],
    );
    return listLeave(db, { from: first, to: last }).filter((l) => ids.has(l.cadreId));
  };

  return {
    'attendance.grid': ({ townshipId, month }) => grid(townshipId, month),
    'attendance.setCells': (input) => setCells(db, input),
    'attendance.certify.warnings': ({ townshipId, month }) => certificationWarnings(db, townshipId, month),
    'attendance.certify': async ({ townshipId, month, secretaryName, certifiedOn, sealApplied, scanToken, confirmations }) => {
      // Cheap refusals first, so a bad form does not even store the file.
      const g = getMonthGrid(db, townshipId, month);
      const existing = g.certification;
      if (existing) {
        throw new AppError(
          'CONFLICT',
          `${g.townshipName}${monthLabel(month)}考勤已由${existing.secretaryName}于${dateLabel(existing.certifiedOn)}认定；如需重新认定，须先撤销原认定并说明原因`,
        );
      }
      if (!secretaryName.trim()) throw new AppError('INVALID_INPUT', '请填写签字认定的乡镇党委书记姓名');
      if (!sealApplied) throw new AppError('INVALID_INPUT', '纸质考勤表须加盖乡镇党委公章后方可认定，请确认已盖章');
      const scan = await takeUpload(scanToken, '考勤表扫描件', SCAN_KINDS);
      // A refusal below (e.g. a date in the future) keeps the staged scan: the clerk corrects the form and retries.
      const result = db.transaction(() => {
        recordBlob(db, scan.sha256, scan.size, scan.facts);
        const certification = certifyMonth(db, { townshipId, month, secretaryName, certifiedOn, sealApplied, scanSha256: scan.sha256, confirmations });
        const filed = fileRegister(db, grid(townshipId, month), certification, scan);
        return { certification, filed };
      })();
      s.staging.discard(scanToken);
      return result;
    },
    'attendance.revoke': ({ townshipId, month, reason }) => {
      db.transaction(() => {
        const cert = activeCertification(db, townshipId, month);
        revokeCertification(db, { townshipId, month, reason });
        if (cert) markRevoked(db, cert.id, reason.trim());
      })();
      return { revoked: true as const };
    },
    'attendance.history': ({ townshipId, month }) => {
      getMonthGrid(db, townshipId, month);
      return monthHistory(db, townshipId, month);
    },
    'attendance.leave.list': ({ townshipId, month }) => {
      getMonthGrid(db, townshipId, month);
      return townshipLeave(townshipId, month);
    },
    'attendance.leave.add': async ({ proofToken, approver, approverLevel, ...leave }) => {
      const proof = proofToken ? await takeUpload(proofToken, '请假证明') : null;
      const result = db.transaction(() => {
        if (proof) recordBlob(db, proof.sha256, proof.size, proof.facts);
        const added = addLeave(db, { ...leave, proofSha256: proof?.sha256 ?? null });
        return approver ? approveLeave(db, { leaveId: added.id, approver, approverLevel }) : added;
      })();
      if (proofToken) s.staging.discard(proofToken);
      return result;
    },
    'attendance.leave.approve': (input) => approveLeave(db, input),
    'attendance.leave.reject': (input) => rejectLeave(db, input),
    'attendance.leave.return': (input) => recordReturn(db, input),
    'attendance.settings.get': ({ countyId }) => {
      if (!db.prepare('SELECT id FROM counties WHERE id = ?').get(countyId)) {
        throw new AppError('NOT_FOUND', '所选县（市、区）不存在，可能已被删除，请刷新后重试');
      }
      return getCountySettings(db, countyId);
    },
    'attendance.settings.set': ({ countyId, patch }) => setCountySettings(db, countyId, patch),
    'attendance.holidays.list': ({ year }) => listHolidays(db, year),
    'attendance.holidays.set': (input) => setHoliday(db, input),
    'attendance.holidays.delete': ({ date }) => {
      deleteHoliday(db, date);
      return { deleted: true as const };
    },
  };
}
