import type { worklogChannels } from '../../../shared/api/worklog';
import { listEntries, removeEntry, removeEntryFile, saveEntries } from '../../core/worklog/entries';
import { commitImport, previewImport } from '../../core/worklog/import';
import { confirmLinkedReport, listReports, setReportDue, submitWithFile, submitWithMaterial, unsubmit } from '../../core/worklog/reports';
import { reportLinkOfMaterial } from '../../core/worklog/reportLinks';
import { searchEntries } from '../../core/worklog/search';
import type { HandlersFor, Services } from '../services';
import { removeBy } from './removeBy';

/** Handlers for the channels of shared/api/worklog.ts. */
export function createWorklogHandlers(s: Services): HandlersFor<typeof worklogChannels> {
  const { db } = s.ctx;
  const staged = (token: string) => s.staging.get(token);
  return {
    'worklog.list': ({ cadreId, year }) => listEntries(db, cadreId, year),
    'worklog.save': async ({ cadreId, rows }) => {
      const files = rows.map((r) => r.files.map(staged));
      const ids = await saveEntries(db, s.blobs, cadreId, rows, files);
      for (const r of rows) for (const t of r.files) await s.staging.discard(t);
      return { ids };
    },
    'worklog.remove': removeBy(db, removeEntry),
    'worklog.removeFile': ({ entryId, sha256 }) => removeEntryFile(db, entryId, sha256),
    'worklog.search': ({ q, cadreId, limit }) => searchEntries(db, q, { cadreId, limit }),
    'worklog.importPreview': ({ cadreId, token, year }) => previewImport(db, cadreId, staged(token).path, year),
    'worklog.importCommit': async ({ cadreId, token, year }) => {
      const r = await commitImport(db, cadreId, staged(token).path, year);
      await s.staging.discard(token);
      return r;
    },
    'reports.list': ({ cadreId, year, today }) => listReports(db, cadreId, year, today),
    'reports.setDue': ({ cadreId, period, dueDate }) => setReportDue(db, cadreId, period, dueDate),
    'reports.submit': async ({ cadreId, period, submittedOn, materialId, token, title }) => {
      if (materialId !== undefined) return submitWithMaterial(db, cadreId, period, materialId, submittedOn);
      const row = await submitWithFile(db, s.blobs, cadreId, period, staged(token!), submittedOn, title);
      await s.staging.discard(token!);
      return row;
    },
    'reports.unsubmit': ({ cadreId, period }) => unsubmit(db, cadreId, period),
    'reports.confirmLink': ({ cadreId, period }) => confirmLinkedReport(db, cadreId, period),
    'reports.linkOfMaterial': ({ materialId }) => reportLinkOfMaterial(db, materialId),
  };
}
