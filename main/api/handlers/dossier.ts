import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { dossierChannels } from '../../../shared/api/dossier';
import { AppError } from '../../../shared/result';
import { storeGeneratedPdf } from '../../core/blobs/rows';
import { setDossierSettings } from '../../core/dossierSettings';
import { countyById } from '../../core/lookup';
import { JobRunner } from '../../dossier/batch/jobs';
import { batchOutDir } from '../../dossier/batch/outDir';
import { findSystemFangSong, BUNDLED_FONT_FILES } from '../../dossier/fonts';
import { getDossierSettings } from '../../dossier/fromDb/settings';
import { notOnThisHost } from '../hostRefusal';
import type { HandlersFor, Services } from '../services';

/**
 * Handlers for the channels of shared/api/dossier.ts. Generation runs in the dossier worker
 * (main/dossier/batch/jobs.ts); a preview is stored in the blob store (content-addressed, like
 * any original) so the host can serve it to the renderer and open it in the system viewer.
 */
export function createDossierHandlers(s: Services): HandlersFor<typeof dossierChannels> {
  const { ctx, blobs } = s;
  const { db } = ctx;
  let runner: JobRunner | null = null;
  const jobs = () => (runner ??= new JobRunner({ dataDir: ctx.dataDir, progress: (e) => ctx.host.progress?.(e) }));
  let fangSong: string | null | undefined;
  const systemFangSong = () => (fangSong === undefined ? (fangSong = findSystemFangSong()) : fangSong);

  return {
    'dossier.settings.get': () => getDossierSettings(db),
    'dossier.settings.set': (input) => setDossierSettings(db, input, systemFangSong() !== null),
    'dossier.fonts': () => ({
      bundled: Object.values(BUNDLED_FONT_FILES).map((f) => f.file),
      fangSong: systemFangSong(),
    }),
    'dossier.preview': async ({ cadreId, year, pdfa }) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-preview-'));
      try {
        const out = path.join(dir, 'dossier.pdf');
        const g = await jobs().generate({ cadreId, year, outPath: out, pdfa });
        const { sha256 } = await storeGeneratedPdf(db, blobs, out, g.pages);
        return {
          sha256,
          url: ctx.host.blobUrl(sha256),
          pages: g.pages,
          items: g.items.length,
          warnings: g.warnings,
          remarks: g.remarks,
          pdfa: g.pdfa,
          fileName: g.fileName,
        };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    'dossier.batch.start': ({ countyId, year, outDir, pdfa }) => {
      const dir = batchOutDir(ctx.dataDir, countyById(db, countyId).name, year, outDir);
      const { jobId } = jobs().startBatch({ countyId, year, outDir: dir, pdfa });
      return { jobId, outDir: dir };
    },
    'dossier.batch.cancel': ({ jobId }) => jobs().cancel(jobId),
    'dossier.batch.status': ({ jobId }) => jobs().status(jobId),
    'dossier.openExternal': async ({ sha256 }) => {
      const open = ctx.host.openPath;
      if (!open) throw notOnThisHost(ctx.host, '调用系统程序打开或打印', '请用预览上方的“打印”或“下载”');
      if (!blobs.has(sha256)) throw new AppError('NOT_FOUND', '找不到生成的档案文件，请重新生成预览');
      await open(blobs.pathOf(sha256));
      return { opened: true as const };
    },
  };
}
