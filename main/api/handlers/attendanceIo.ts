import type { attendanceIoChannels } from '../../../shared/api/attendanceIo';
import { commitImport, previewImport } from '../../core/attendance/import';
import { storeGeneratedPdf } from '../../core/blobs/rows';
import { registerPdf } from '../../dossier/register/registerPdf';
import type { HandlersFor, Services } from '../services';
import { townshipById } from '../../core/lookup';
import { monthLabel } from '../../../shared/dates';

/** Handlers for the channels of shared/api/attendanceIo.ts. */
export function createAttendanceIoHandlers(s: Services): HandlersFor<typeof attendanceIoChannels> {
  const { ctx, blobs, staging } = s;
  const { db } = ctx;
  /** The staged spreadsheet of an import (staging.end with purpose 'roster' keeps it uninspected). */
  const stagedPath = (token: string): string => staging.get(token).path;

  return {
    'attendance.register.pdf': async ({ townshipId, month, blank }) => {
      const r = await registerPdf(db, { townshipId, month, blank: blank ?? false });
      const { sha256 } = await storeGeneratedPdf(db, blobs, r.pdf, r.pages);
      const t = townshipById(db, townshipId);
      const label = monthLabel(month);
      return {
        sha256,
        url: ctx.host.blobUrl(sha256),
        pages: r.pages,
        cadres: r.cadres,
        fileName: `${t.name}${label}${blank ? '空白' : ''}考勤登记表.pdf`,
      };
    },
    'attendance.import.preview': ({ token, townshipId, month }) => previewImport(db, stagedPath(token), { townshipId, month }),
    'attendance.import.commit': async ({ token, townshipId, month }) => {
      const r = await commitImport(db, stagedPath(token), { townshipId, month });
      staging.discard(token);
      return r;
    },
  };
}
