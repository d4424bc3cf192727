/**
 * JobRunner: keeps dossier jobs by id and runs them in ONE long-lived worker thread (started
 * on first use), so the thread that answers IPC stays free. Progress goes to `progress`
 * (ctx.host.progress); a batch is cancelled between cadres through a shared flag.
 *
 * Loading the worker: from TypeScript sources (dev, tests, CLI via tsx) the worker registers
 * tsx first; from the bundle it loads dist/main/dossier/worker.js (an esbuild entry beside the
 * app and CLI bundles), unless the runner is given another built worker.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { BatchStatus, DossierScope } from '../../../shared/api/dossier';
import type { ProgressEvent } from '../../../shared/api';
import { AppError } from '../../../shared/result';
import { startWorker, workerSource } from '../../core/runtime/workerThread';
import type { GeneratedDossier } from '../fromDb/generate';
import type { BatchOutcome } from './county';
import type { FromWorker, ToWorker } from './protocol';

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

interface BatchJob {
  status: BatchStatus;
  cancel: Int32Array;
  done: Promise<BatchStatus>;
  onUpdate?: (s: BatchStatus) => void;
}

export class JobRunner {
  private worker: Worker | null = null;
  private readonly pending = new Map<string, Pending>();
  private readonly batches = new Map<string, BatchJob>();

  /** `workerFile`: a built worker to run instead of the one beside this module (a test of the bundle from the sources). */
  constructor(private readonly opts: { dataDir: string; progress?: (e: ProgressEvent) => void; workerFile?: string }) {}

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const src = workerSource(typeof __filename === 'string' ? __filename : '', 'dossier', this.opts.workerFile);
    const w = startWorker<FromWorker>(
      src,
      '档案生成',
      {
        message: (m) => this.onMessage(m),
        gone: (reason, exited) => {
          if (exited) this.worker = null;
          this.failAll(reason);
        },
      },
      '，请重试',
    );
    w.unref();
    this.worker = w;
    return w;
  }

  private failAll(message: string): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new AppError('INTERNAL', message));
    }
  }

  private post<T>(m: ToWorker): Promise<T> {
    const w = this.ensureWorker();
    // keep the process alive while a job runs; let it exit when idle
    if (this.pending.size === 0) w.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(m.jobId, { resolve: resolve as (v: unknown) => void, reject });
      w.postMessage(m);
    }).finally(() => {
      if (this.pending.size === 0) this.worker?.unref();
    });
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'progress') {
      const job = this.batches.get(m.jobId);
      if (!job) return;
      const s = job.status;
      const p = m.progress;
      Object.assign(s, { total: p.total, done: p.done, pages: p.pages, current: p.current });
      if (p.result) s.results.push(p.result);
      job.onUpdate?.(this.status(m.jobId));
      const label = p.current
        ? `正在生成 ${p.current} 的档案（第 ${p.done + 1}/${p.total} 人，已生成 ${p.pages} 页）`
        : `已完成 ${p.done}/${p.total} 人，共 ${p.pages} 页`;
      this.opts.progress?.({ jobId: m.jobId, label, done: p.done, total: p.total });
      return;
    }
    const p = this.pending.get(m.jobId);
    if (!p) return;
    this.pending.delete(m.jobId);
    if (m.type === 'done') p.resolve(m.value);
    else p.reject(new AppError(m.error.code, m.error.message));
  }

  /** One cadre's dossier written to outPath by the worker. */
  generate(input: { cadreId: number; year: DossierScope; outPath: string; pdfa?: boolean }): Promise<GeneratedDossier> {
    return this.post<GeneratedDossier>({ type: 'one', jobId: randomUUID(), dataDir: this.opts.dataDir, ...input });
  }

  /** Starts a county batch; returns at once. `done` settles with the final status (never rejects). */
  startBatch(
    input: { countyId: number; year: number; outDir: string; pdfa?: boolean },
    onUpdate?: (s: BatchStatus) => void,
  ): { jobId: string; done: Promise<BatchStatus> } {
    fs.mkdirSync(input.outDir, { recursive: true });
    const jobId = randomUUID();
    const cancel = new SharedArrayBuffer(4);
    const status: BatchStatus = {
      jobId,
      state: 'running',
      total: 0,
      done: 0,
      pages: 0,
      current: null,
      outDir: input.outDir,
      catalogue: null,
      results: [],
      error: null,
    };
    const done = this.post<BatchOutcome>({ type: 'batch', jobId, dataDir: this.opts.dataDir, ...input, cancel }).then(
      (o) => {
        status.state = o.cancelled ? 'cancelled' : 'done';
        status.catalogue = o.catalogue;
        status.current = null;
        return finish(status);
      },
      (e: unknown) => {
        status.state = 'failed';
        status.error = e instanceof AppError ? e.message : String((e as Error)?.message ?? e);
        return finish(status);
      },
    );
    const finish = (s: BatchStatus) => {
      const label =
        s.state === 'done'
          ? `已完成：${s.done} 人，共 ${s.pages} 页`
          : s.state === 'cancelled'
            ? `已取消：已生成 ${s.done} 人`
            : `生成失败：${s.error}`;
      this.opts.progress?.({ jobId, label, done: s.done, total: s.total, finished: true });
      return { ...s, results: [...s.results] };
    };
    this.batches.set(jobId, { status, cancel: new Int32Array(cancel), done, onUpdate });
    return { jobId, done };
  }

  status(jobId: string): BatchStatus {
    const job = this.batches.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', '找不到该批量生成任务，可能程序已重新启动');
    return { ...job.status, results: [...job.status.results] };
  }

  /** Asks the batch to stop after the cadre in progress; that cadre's file is kept only if complete. */
  cancel(jobId: string): BatchStatus {
    const job = this.batches.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', '找不到该批量生成任务，可能程序已重新启动');
    Atomics.store(job.cancel, 0, 1);
    return this.status(jobId);
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) {
      w.removeAllListeners('exit');
      await w.terminate();
    }
  }
}
