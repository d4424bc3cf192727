/**
 * County exports as jobs in this process (exchange.export.start/status/cancel): an export runs in
 * the background (streaming zip writes; the dossiers are generated in the dossier worker),
 * reports progress through `progress`, and can be asked for its status or cancelled by id.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ProgressEvent } from '../../shared/api';
import type { ExportJobStatus } from '../../shared/api/exchange';
import { AppError } from '../../shared/result';
import { toAppError } from '../core/runtime/dispatch';
import { defaultBundlePath, exportCountyBundle, ownCountyRow, type ExportEnv } from './exportBundle';

interface ExportJob {
  status: ExportJobStatus;
  abort: AbortController;
}

function finishLabel(s: ExportJobStatus): string {
  if (s.state === 'done') return `导出完成：${s.out}`;
  if (s.state === 'cancelled') return '导出已取消';
  return `导出失败：${s.error ?? ''}`;
}

export class ExportJobs {
  private readonly jobs = new Map<string, ExportJob>();

  constructor(
    private readonly env: ExportEnv,
    private readonly progress: (e: ProgressEvent) => void,
  ) {}

  /** Starts exporting the county's year to `out` (default: defaultBundlePath); refuses an imported county at once. */
  start(input: { countyId: number; year: number; out?: string; withDossiers: boolean }): { jobId: string; out: string } {
    const { countyId, year, withDossiers } = input;
    ownCountyRow(this.env.db, countyId);
    const file = input.out ?? defaultBundlePath(this.env.db, this.env.dataDir, countyId, year, 'county');
    if (!path.isAbsolute(file)) throw new AppError('INVALID_INPUT', '输出文件应为完整路径');
    const jobId = randomUUID();
    const status: ExportJobStatus = { jobId, state: 'running', stage: '整理记录', done: 0, total: 1, out: file, result: null, error: null };
    const job: ExportJob = { status, abort: new AbortController() };
    this.jobs.set(jobId, job);
    const emit = (finished?: boolean) =>
      this.progress({
        jobId,
        label: finished ? finishLabel(status) : `${status.stage}（${status.done}/${status.total}）`,
        done: status.done,
        total: status.total,
        finished,
      });
    void exportCountyBundle(this.env, {
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
  }

  status(jobId: string): ExportJobStatus {
    return { ...this.jobOf(jobId).status };
  }

  /** Cancels a running export; a finished one is left as it is. Returns its status. */
  cancel(jobId: string): ExportJobStatus {
    const job = this.jobOf(jobId);
    if (job.status.state === 'running') job.abort.abort();
    return { ...job.status };
  }

  private jobOf(jobId: string): ExportJob {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', '找不到该导出任务，可能程序已重新启动');
    return job;
  }
}
