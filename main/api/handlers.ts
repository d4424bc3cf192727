import fs from 'node:fs';
import { today as clockToday } from '../core/clock';
import path from 'node:path';
import type { AppStatus, FileKind, StagedFile } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { suggestForFile } from '../../shared/suggest';
import { sha256File, type BlobStore } from '../files/blobStore';
import { inspectFile } from '../files/inspect';
import { formatSize } from '../../shared/fileSize';
import { intakeMaxBytes } from '../core/intakeLimit';
import type { Staging } from '../files/staging';
import { schemaVersion } from '../store/db';
import { archiveCounts } from '../core/archiveCounts';
import { audit } from '../core/audit';
import { blobMeta } from '../core/blobLookup';
import { addMaterial, findDuplicate, listMaterials, removeMaterial, updateMaterial } from '../core/bag';
import { addPosting, createCadre, getCadre, listCadres, removeCadre, searchCadres, updateCadre } from '../core/cadres';
import type { CoreContext } from '../core/context';
import { loadDemo } from '../demo/demo';
import type { HandlerTable } from '../core/dispatch';
import { addCounty, addTownship, addUnit, addVillage, orgTree } from '../core/org';
import { setOperator } from '../core/operator';
import { commitRoster, previewRoster } from '../core/roster';
import { getSetting, setSetting } from '../core/settings';
import { createAttendanceHandlers } from './handlers/attendance';
import { createAttendanceIoHandlers } from './handlers/attendanceIo';
import { createDossierHandlers } from './handlers/dossier';
import { createEvaluationHandlers } from './handlers/evaluation';
import { createEventHandlers } from './handlers/events';
import { createStatsHandlers } from './handlers/stats';
import { createLeaderHandlers } from './handlers/leaders';
import { createSchedulingHandlers } from './handlers/scheduling';
import { createVillageHandlers } from './handlers/villages';
import { createWorkHandlers } from './handlers/work';
import { createWorklogHandlers } from './handlers/worklog';
import { createExchangeHandlers } from './handlers/exchange';
import { createIntegrityHandlers } from './handlers/integrity';
import { createAuditHandlers } from './handlers/audit';
import { createOcrHandlers } from './handlers/ocr';
import { searchMaterialsAndPages } from '../core/ocr/search';
import { createOutputHandlers } from './handlers/output';
import { createRulesHandlers } from './handlers/rules';
import { lastBackupAt } from '../exchange/integrity/autoBackup';
import { getBackupIntervalHours } from '../exchange/integrity/backupSettings';
import { dateLabel, isoDateOf } from '../../shared/dates';

export function appStatus(ctx: CoreContext): AppStatus {
  const { db } = ctx;
  return {
    dataDir: ctx.dataDir,
    operator: getSetting(db, 'operator'),
    firstRun: getSetting(db, 'setupDone') !== '1',
    ...archiveCounts(db),
    schemaVersion: schemaVersion(db),
    host: ctx.host.kind,
    operatorConfirmed: true,
    lastBackupAt: lastBackupAt(ctx.dataDir),
    backupIntervalHours: getBackupIntervalHours(db),
    today: clockToday(),
  };
}

/** Where the same content is already filed, in words: 「2024年度工作总结」（张三，2025年3月12日归档）. */
function describeDuplicate(d: { materialTitle: string; cadreName: string; filedAt: string } | null): string | null {
  if (!d) return null;
  const at = new Date(d.filedAt);
  const day = dateLabel(Number.isNaN(at.getTime()) ? d.filedAt.slice(0, 10) : isoDateOf(at));
  return `「${d.materialTitle}」（${d.cadreName}，${day}归档）`;
}

function rosterKind(name: string): FileKind {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.xls') return 'xls';
  if (ext === '.csv' || ext === '.txt') return 'text';
  return 'xlsx';
}

/** Builds the one handler table for every channel of shared/api.ts. */
export function createHandlers(ctx: CoreContext, blobs: BlobStore, staging: Staging): HandlerTable {
  const { db } = ctx;
  /** A completed upload's path and the name it arrived with. */
  const stagedFile = (token: string): { path: string; name: string } => {
    const f = staging.get(token);
    if (!fs.existsSync(f.path)) throw new AppError('NOT_FOUND', '上传的文件已失效，请重新添加');
    return { path: f.path, name: f.name };
  };

  const blobMime = (sha256: string): string => {
    const row = blobMeta(db, sha256);
    if (!row) throw new AppError('NOT_FOUND', '找不到该文件，可能已被删除');
    return row.mime;
  };

  const services = { ctx, blobs, staging };
  // Each start asks who works (the audit log's operator) until app.setup or app.setOperator answers.
  let operatorConfirmed = false;
  return {
    ...createAttendanceHandlers(services),
    ...createAttendanceIoHandlers(services),
    ...createEventHandlers(services),
    ...createDossierHandlers(services),
    ...createWorklogHandlers(services),
    ...createWorkHandlers(services),
    ...createVillageHandlers(services),
    ...createSchedulingHandlers(services),
    ...createStatsHandlers(services),
    ...createLeaderHandlers(services),
    ...createEvaluationHandlers(services),
    ...createExchangeHandlers(services),
    ...createIntegrityHandlers(services),
    ...createOcrHandlers(services),
    ...createAuditHandlers(services),
    ...createOutputHandlers(services),
    ...createRulesHandlers(services),
    // --- app ---
    'app.status': () => ({ ...appStatus(ctx), operatorConfirmed }),
    'app.setup': async ({ mode, operator }) => {
      if (getSetting(db, 'setupDone') === '1') throw new AppError('CONFLICT', '已完成初始设置，不能重复设置');
      setSetting(db, 'operator', operator);
      if (mode === 'demo') await loadDemo(ctx, blobs);
      db.transaction(() => {
        setSetting(db, 'setupDone', '1');
        audit(db, 'setup', 'app', null, { mode });
      })();
      operatorConfirmed = true;
      return appStatus(ctx);
    },
    'app.setOperator': ({ operator }) => {
      setOperator(db, operator);
      operatorConfirmed = true;
      return appStatus(ctx);
    },

    // --- organisation ---
    'org.tree': () => orgTree(db),
    'org.addCounty': (input) => addCounty(db, input),
    'org.addTownship': (input) => addTownship(db, input),
    'org.addVillage': (input) => addVillage(db, input),
    'org.addUnit': (input) => addUnit(db, input),

    // --- cadres ---
    'cadres.list': (filter) => listCadres(db, filter),
    'cadres.get': ({ id }) => getCadre(db, id),
    'cadres.create': ({ cadre, posting }) => createCadre(db, cadre, posting),
    'cadres.update': ({ id, cadre }) => updateCadre(db, id, cadre),
    'cadres.remove': ({ id }) => {
      removeCadre(db, id);
      return { removed: true as const };
    },
    'cadres.addPosting': ({ cadreId, posting }) => addPosting(db, cadreId, posting),

    // --- roster ---
    'roster.preview': ({ token }) => previewRoster(db, stagedFile(token).path),
    'roster.commit': async ({ token, confirmed }) => {
      const result = await commitRoster(db, stagedFile(token).path, confirmed);
      await staging.discard(token);
      return result;
    },

    // --- staging ---
    'staging.begin': async ({ name, size, purpose }) => {
      // Refused before a byte arrives: the originals cap (a roster or other import has its own checks).
      const max = intakeMaxBytes(db);
      if (purpose === 'attachment' && size > max) {
        throw new AppError(
          'FILE_REFUSED',
          `「${name}」大小为 ${formatSize(size)}，超过原件大小上限 ${formatSize(max)}，无法归档。请压缩或拆分后再添加（上限可在设置中调整）`,
        );
      }
      return { token: await staging.begin(name, size) };
    },
    'staging.chunk': ({ token, data }) => staging.chunk(token, data),
    'staging.end': async ({ token, purpose, cadreId }): Promise<StagedFile> => {
      const done = await staging.end(token);
      if (purpose === 'roster') {
        const { sha256 } = await sha256File(done.path);
        return {
          token,
          name: done.name,
          size: done.size,
          kind: rosterKind(done.name),
          pageCount: null,
          sha256,
          duplicateOf: null,
          suggestion: suggestForFile(done.name),
        };
      }
      try {
        const facts = await inspectFile(done.path, done.name);
        const { sha256 } = await sha256File(done.path);
        return {
          token,
          name: done.name,
          size: facts.size,
          kind: facts.kind,
          pageCount: facts.pageCount,
          sha256,
          duplicateOf: describeDuplicate(findDuplicate(db, sha256, cadreId)),
          suggestion: suggestForFile(done.name),
          flags: facts.flags,
          notice: facts.notice,
          symlinkTarget: null,
        };
      } catch (err) {
        await staging.discard(token);
        throw err;
      }
    },
    'staging.discard': async ({ token }) => {
      await staging.discard(token);
      return { discarded: true as const };
    },

    // --- the bag ---
    'bag.list': ({ cadreId, year }) => listMaterials(db, cadreId, year),
    'bag.add': async ({ cadreId, material, files }) => {
      const resolved = files.map(stagedFile);
      const result = await addMaterial(db, blobs, cadreId, material, resolved);
      for (const t of files) await staging.discard(t);
      return result;
    },
    'bag.update': ({ id, material }) => updateMaterial(db, id, material),
    'bag.remove': ({ id }) => {
      removeMaterial(db, id);
      return { removed: true as const };
    },
    'files.url': ({ sha256 }) => ({ url: ctx.host.blobUrl(sha256), mime: blobMime(sha256) }),
    'files.openExternal': async ({ sha256 }) => {
      const open = ctx.host.openPath;
      if (!open) {
        throw new AppError(
          'UNSUPPORTED',
          ctx.host.kind === 'bridge' ? '浏览器模式下无法调用系统程序打开，请下载后查看' : '当前运行方式无法调用系统程序打开文件',
        );
      }
      blobMime(sha256);
      if (!blobs.has(sha256)) throw new AppError('NOT_FOUND', '找不到该文件的原件，可能已被删除');
      // The host gets the blob's own path; it copies it under a safe, typed name before opening.
      await open(blobs.pathOf(sha256));
      return { opened: true as const };
    },

    // --- search ---
    'search.global': ({ q, limit }) => {
      const n = limit ?? 50;
      return { cadres: searchCadres(db, q, n), materials: searchMaterialsAndPages(db, q, n) };
    },
  };
}
