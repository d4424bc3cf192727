/**
 * Handlers for shared/api/attendance.ts: the month grid, certification, leave, settings and
 * holidays. They parse (at dispatch), call main/core/attendance/* and map the result; the
 * rules, their Chinese messages and the transactions live in core.
 *
 * Files (the certified scan, leave proof) arrive as staging tokens. Core copies each into the
 * content-addressed blob store first, then writes the blob row and the record that refers to it
 * in ONE transaction. A token is discarded once its record is written; after a refusal (e.g. an
 * unconfirmed warning) it stays, so the clerk corrects the form and retries.
 */
import type { attendanceChannels } from '../../../shared/api/attendance';
import { certifyWithScan, monthHistory, revokeCertification } from '../../core/attendance/certify';
import { certificationWarnings } from '../../core/attendance/certifyChecks';
import { setCells } from '../../core/attendance/grid';
import { monthGridView } from '../../core/attendance/gridView';
import { deleteHoliday, listHolidays, setHoliday } from '../../core/attendance/holidays';
import { addLeaveFromForm, approveLeave, recordReturn, rejectLeave } from '../../core/attendance/leave';
import { townshipLeave } from '../../core/attendance/townshipLeave';
import type { HandlersFor, Services } from '../services';

/** Handlers for the channels of shared/api/attendance.ts. */
export function createAttendanceHandlers(s: Services): HandlersFor<typeof attendanceChannels> {
  const { db } = s.ctx;
  return {
    'attendance.grid': ({ townshipId, month }) => monthGridView(db, townshipId, month),
    'attendance.setCells': (input) => setCells(db, input),
    'attendance.certify.warnings': ({ townshipId, month }) => certificationWarnings(db, townshipId, month),
    'attendance.certify': async ({ scanToken, ...form }) => {
      const result = await certifyWithScan(db, s.blobs, form, () => s.staging.get(scanToken));
      s.staging.discard(scanToken);
      return result;
    },
    'attendance.revoke': (input) => {
      revokeCertification(db, input);
      return { revoked: true as const };
    },
    'attendance.history': ({ townshipId, month }) => monthHistory(db, townshipId, month),
    'attendance.leave.list': ({ townshipId, month }) => townshipLeave(db, townshipId, month),
    'attendance.leave.add': async ({ proofToken, ...form }) => {
      const result = await addLeaveFromForm(db, s.blobs, form, proofToken ? s.staging.get(proofToken) : null);
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
