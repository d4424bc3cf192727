import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { attendanceIoChannels } from '../../../shared/api/attendanceIo';
import { AppError } from '../../../shared/result';
import { commitImport, previewImport } from '../../core/attendance/import';
import { registerPdf } from '../../dossier/register/registerPdf';
import { nowIso } from '../../store/db';
import type { HandlersFor, Services } from '../services';

/** Handlers for the channels of shared/api/attendanceIo.ts. */
export function createAttendanceIoHandlers(s: Services): HandlersFor<typeof attendanceIoChannels> {
  const { ctx, blobs, staging } = s;
  const { db } = ctx;
  /** The staged spreadsheet of an import (staging.end with purpose 'roster' keeps it uninspected). */
  const stagedPath = (token: string): string => {
    const f = staging.get(token);
    if (!fs.existsSync(f.path)) throw new AppError('NOT_FOUND', '上传的表格已失效，请重新选择');
    return f.path;
  };

  return {
    'attendance.register.pdf': async ({ townshipId, month, blank }) => {
      const r = await registerPdf(db, { townshipId, month, blank: blank ?? false });
      // The PDF goes into the blob store so the preview and 用系统程序打开 work as for any original.
      const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-register-')), 'register.pdf');
      try {
        fs.writeFileSync(tmp, r.pdf);
        const { sha256, size } = await blobs.put(tmp);
        db.prepare(
          `INSERT OR IGNORE INTO blobs (sha256, kind, mime, size, page_count, created_at) VALUES (?, 'pdf', 'application/pdf', ?, ?, ?)`,
        ).run(sha256, size, r.pages, nowIso());
        const t = db.prepare('SELECT name FROM townships WHERE id = ?').get(townshipId) as { name: string };
        const label = `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
        return {
          sha256,
          url: ctx.host.blobUrl(sha256),
          pages: r.pages,
          cadres: r.cadres,
          fileName: `${t.name}${label}${blank ? '空白' : ''}考勤登记表.pdf`,
        };
      } finally {
        fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
      }
    },
    'attendance.import.preview': ({ token, townshipId, month }) => previewImport(db, stagedPath(token), { townshipId, month }),
    'attendance.import.commit': async ({ token, townshipId, month }) => {
      const r = await commitImport(db, stagedPath(token), { townshipId, month });
      staging.discard(token);
      return r;
    },
  };
}
