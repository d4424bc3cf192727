/**
 * Handlers for the channels of shared/api/exchange.ts. An export runs as a job in this process
 * (main/exchange/exportJobs.ts); preview and import report verification progress under an id
 * the renderer chose.
 */
import path from 'node:path';
import fs from 'node:fs';
import type { BundleSource, exchangeChannels, TrustedKeyRow } from '../../../shared/api/exchange';
import { AppError } from '../../../shared/result';
import { listComments, setComment } from '../../core/review/comments';
import { departmentKey, listTrustedKeys, revokeTrust, setDepartmentName } from '../../exchange/bundle/keys';
import { defaultBundlePath } from '../../exchange/exportBundle';
import { ExportJobs } from '../../exchange/exportJobs';
import { commitImport, listImports, previewImport } from '../../exchange/importBundle';
import { exportReviewBundle } from '../../exchange/reviewBundle';
import type { HandlersFor, Services } from '../services';
import { exportEnv } from './exchangePrinter';

const trustedRows = (keys: ReturnType<typeof listTrustedKeys>): TrustedKeyRow[] =>
  keys.map((k) => ({ fingerprint: k.fingerprint, name: k.name, trustedAt: k.trustedAt, operator: k.operator, revokedAt: k.revokedAt }));

export function createExchangeHandlers(s: Services): HandlersFor<typeof exchangeChannels> {
  const { ctx, blobs, staging } = s;
  const { db } = ctx;
  const env = exportEnv(db, ctx.dataDir, blobs);
  const exports = new ExportJobs(env, (e) => ctx.host.progress?.(e));

  const sourcePath = (src: BundleSource): string => {
    if ('token' in src) return staging.get(src.token).path;
    if (!path.isAbsolute(src.path)) throw new AppError('INVALID_INPUT', '请填写交换包的完整路径');
    if (!fs.existsSync(src.path)) throw new AppError('NOT_FOUND', `找不到文件：${src.path}`);
    return src.path;
  };

  const reporter = (progressId: string | undefined, label: string) => (done: number, total: number) => {
    if (progressId) ctx.host.progress?.({ jobId: progressId, label, done, total });
  };

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
    'exchange.defaultPath': ({ countyId, year, kind }) => ({ path: defaultBundlePath(db, ctx.dataDir, countyId, year, kind) }),
    'exchange.export.start': (input) => exports.start(input),
    'exchange.export.status': ({ jobId }) => exports.status(jobId),
    'exchange.export.cancel': ({ jobId }) => exports.cancel(jobId),
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
      exportReviewBundle(env, { countyId, year, out: out ?? defaultBundlePath(db, ctx.dataDir, countyId, year, 'review') }),
    'exchange.comments.list': ({ countyId, year }) => listComments(db, countyId, year),
    'exchange.comments.set': (input) => setComment(db, input),
  };
}
