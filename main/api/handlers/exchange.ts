import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BundleSource, ExportJobStatus, exchangeChannels, TrustedKeyRow } from '../../../shared/api/exchange';
import { AppError } from '../../../shared/result';
import { listComments, setComment } from '../../core/review/comments';
import { toAppError } from '../../core/runtime/dispatch';
import { departmentKey, listTrustedKeys, revokeTrust, setDepartmentName } from '../../exchange/bundle/keys';
import { countyRow, exportCountyBundle } from '../../exchange/exportBundle';
import { commitImport, listImports, previewImport } from '../../exchange/importBundle';
import { exportReviewBundle } from '../../exchange/reviewBundle';
import type { HandlersFor, Services } from '../services';
import { exportEnv } from './exchangePrinter';

interface ExportJob {
  status: ExportJobStatus;
  abort: AbortController;
}

const trustedRows = (keys: ReturnType<typeof listTrustedKeys>): TrustedKeyRow[] =>
  keys.map((k) => ({ fingerprint: k.fingerprint, name: k.name, trustedAt: k.trustedAt, operator: k.operator, revokedAt: k.revokedAt }));

/**
 * Handlers for the channels of shared/api/exchange.ts. An export runs as a job in this process
 * (streaming zip writes; the dossiers are generated in the dossier worker) and reports progress
 * through host.progress; preview and import report verification progress under an id the
 * renderer chose.
 */
export function createExchangeHandlers(s: Services): HandlersFor<typeof exchangeChannels> {
  const { ctx, blobs, staging } = s;
  const { db } = ctx;
  const env = exportEnv(db, ctx.dataDir, blobs);
  const jobs = new Map<string, ExportJob>();

  const sourcePath = (src: BundleSource): string => {
    if ('token' in src) {
      const f = staging.get(src.token);
      if (!fs.existsSync(f.path)) throw new AppError('NOT_FOUND', '上传的文件已失效，请重新选择');
      return f.path;
    }
    if (!path.isAbsolute(src.path)) throw new AppError('INVALID_INPUT', '请填写交换包的完整路径');
    if (!fs.existsSync(src.path)) throw new AppError('NOT_FOUND', `找不到文件：${src.path}`);
    return src.path;
  };

  const reporter = (progressId: string | undefined, label: string) => (done: number, total: number) => {
    if (progressId) ctx.host.progress?.({ jobId: progressId, label, done, total });
  };

  const defaultPath = (countyId: number, year: number, kind: 'county' | 'review') => {
    const county = countyRow(db, countyId);
    return path.join(ctx.dataDir, 'exports', `${county.name}-${year}${kind === 'review' ? '-评审结果' : ''}.onebag`);
  };

  const jobOf = (jobId: string): ExportJob => {
    const job = jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', '找不到该导出任务，可能程序已重新启动');
    return job;
  };
  const snapshot = (job: ExportJob): ExportJobStatus => ({ ...job.status });

  return {
    'exchange.identity.get': () => {
      const k = departmentKey(db);
      return { name: k.name, fingerprint: k.fingerprint };
    },
    'exchange.identity.setName': ({ name }) => {
      setDepartmentName(db, name);
      const k = departmentKey(db);
      return { name: k.name, fingerprint: k.fingerprint };
    },
    'exchange.trusted.list': () => trustedRows(listTrustedKeys(db)),
    'exchange.trusted.revoke': ({ fingerprint }) => {
      revokeTrust(db, fingerprint);
      return trustedRows(listTrustedKeys(db));
    },
    'exchange.defaultPath': ({ countyId, year, kind }) => ({ path: defaultPath(countyId, year, kind) }),
    'exchange.export.start': ({ countyId, year, out, withDossiers }) => {
      const county = countyRow(db, countyId);
      if (county.origin !== null) {
        throw new AppError(
          'FORBIDDEN',
          `“${county.name}”是从其他单位导入的评审副本，不能作为本单位数据再次导出；如需把评审结果发回，请使用“导出评审结果”`,
        );
      }
      const file = out ?? defaultPath(countyId, year, 'county');
      if (!path.isAbsolute(file)) throw new AppError('INVALID_INPUT', '输出文件应为完整路径');
      const jobId = randomUUID();
      const status: ExportJobStatus = {
        jobId,
        state: 'running',
        stage: '整理记录',
        done: 0,
        total: 1,
        out: file,
        result: null,
        error: null,
      };
      const job: ExportJob = { status, abort: new AbortController() };
      jobs.set(jobId, job);
      const emit = (finished?: boolean) =>
        ctx.host.progress?.({
          jobId,
          label: finished ? finishLabel(status) : `${status.stage}（${status.done}/${status.total}）`,
          done: status.done,
          total: status.total,
          finished,
        });
      void exportCountyBundle(env, {
        countyId,
        year,
        out: file,
        withDossiers,
        signal: job.abort.signal,
        onProgress: (p) => {
          Object.assign(status, p);
          emit();
        },
      }).then(
        (result) => {
          Object.assign(status, { state: 'done', result });
          emit(true);
        },
        (err: unknown) => {
          Object.assign(status, { state: job.abort.signal.aborted ? 'cancelled' : 'failed', error: toAppError(err).message });
          emit(true);
        },
      );
      return { jobId, out: file };
    },
    'exchange.export.status': ({ jobId }) => snapshot(jobOf(jobId)),
    'exchange.export.cancel': ({ jobId }) => {
      const job = jobOf(jobId);
      if (job.status.state === 'running') job.abort.abort();
      return snapshot(job);
    },
    'exchange.preview': ({ source, progressId }) =>
      previewImport(env, sourcePath(source), { onProgress: reporter(progressId, '正在校验交换包') }),
    'exchange.import': async ({ source, trustSigner, progressId }) => {
      const file = sourcePath(source);
      const r = await commitImport(env, file, {
        trustSigner,
        onProgress: (p) => reporter(progressId, p.stage === '校验' ? '正在重新校验交换包' : `正在${p.stage}`)(p.done, p.total),
      });
      if ('token' in source) staging.discard(source.token);
      return r;
    },
    'exchange.imports.list': () => listImports(db),
    'exchange.reviewExport': ({ countyId, year, out }) =>
      exportReviewBundle(env, { countyId, year, out: out ?? defaultPath(countyId, year, 'review') }),
    'exchange.comments.list': ({ countyId, year }) => listComments(db, countyId, year),
    'exchange.comments.set': (input) => setComment(db, input),
  };
}

function finishLabel(s: ExportJobStatus): string {
  if (s.state === 'done') return `导出完成：${s.out}`;
  if (s.state === 'cancelled') return '导出已取消';
  return `导出失败：${s.error ?? ''}`;
}
