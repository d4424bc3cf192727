/**
 * Handlers for shared/api/attendance.ts: the month grid, certification, leave, settings and
 * holidays. They parse (at dispatch), call main/core/attendance/* and map the result; the
 * rules and their Chinese messages live in core.
 *
 * Files (the certified scan, leave proof) arrive as staging tokens. Each is inspected and
 * copied into the content-addressed blob store first (a failure later leaves only an
 * unreferenced blob that an identical file reuses); then ONE database transaction in core
 * writes the blob row and the record that refers to it (for certification: also the scan
 * filed in every cadre's bag, core/attendance/registerFiling.ts).
 */
import type { attendanceChannels } from '../../../shared/api/attendance';
import { AppError } from '../../../shared/result';
import type { FileFacts } from '../../files/inspect';
import { intakeMaxBytes } from '../../core/bag/intakeLimit';
import { commitOriginals, discardOriginals, takeOriginals } from '../../files/intake';
import { recordBlob } from '../../core/blobs/rows';
import { certifyAndFileRegister, monthHistory, revokeCertification } from '../../core/attendance/certify';
import { certificationWarnings, checkCertifyForm } from '../../core/attendance/certifyChecks';
import { setCells } from '../../core/attendance/grid';
import { monthGridView } from '../../core/attendance/gridView';
import { deleteHoliday, listHolidays, setHoliday } from '../../core/attendance/holidays';
import { addLeave, approveLeave, recordReturn, rejectLeave } from '../../core/attendance/leave';
import { townshipLeave } from '../../core/attendance/townshipLeave';
import type { HandlersFor, Services } from '../services';

const SCAN_KINDS = new Set(['pdf', 'jpeg', 'png', 'tiff']);

/** An upload copied into the blob store, not yet recorded in the database. */
interface StoredUpload {
  sha256: string;
  size: number;
  name: string;
  facts: FileFacts;
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

  return {
    'attendance.grid': ({ townshipId, month }) => monthGridView(db, townshipId, month),
    'attendance.setCells': (input) => setCells(db, input),
    'attendance.certify.warnings': ({ townshipId, month }) => certificationWarnings(db, townshipId, month),
    'attendance.certify': async ({ scanToken, ...form }) => {
      // The form's refusals first, so a bad form does not even store the file.
      checkCertifyForm(db, form);
      const scan = await takeUpload(scanToken, '考勤表扫描件', SCAN_KINDS);
      // A refusal now (e.g. an unconfirmed warning) keeps the staged scan: the clerk corrects the form and retries.
      const result = certifyAndFileRegister(db, form, scan);
      s.staging.discard(scanToken);
      return result;
    },
    'attendance.revoke': (input) => {
      revokeCertification(db, input);
      return { revoked: true as const };
    },
    'attendance.history': ({ townshipId, month }) => monthHistory(db, townshipId, month),
    'attendance.leave.list': ({ townshipId, month }) => townshipLeave(db, townshipId, month),
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
    'attendance.holidays.list': ({ year }) => listHolidays(db, year),
    'attendance.holidays.set': (input) => setHoliday(db, input),
    'attendance.holidays.delete': ({ date }) => {
      deleteHoliday(db, date);
      return { deleted: true as const };
    },
  };
}
