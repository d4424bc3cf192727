/**
 * One long-lived OCR worker thread (started on first use, restarted after a crash). From
 * TypeScript sources (dev, tests, CLI via tsx) the worker registers tsx first; from the bundle
 * it loads dist/main/ocr/worker.js. ONEBAG_OCR_WORKER overrides the path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

import type { FromOcrWorker, OcrFileKind, ToOcrWorker } from './protocol';
import type { ReadCallbacks } from './readFile';

function workerSource(): { file: string; eval: boolean } {
  const override = process.env.ONEBAG_OCR_WORKER;
  if (override) return { file: override, eval: false };
  const here = typeof __filename === 'string' ? __filename : '';
  if (here.endsWith('.ts')) return { file: path.join(path.dirname(here), 'worker.ts'), eval: true };
  // bundled: this code lives in dist/main/app/main.js or dist/main/cli/index.js
  const bundled = path.join(path.dirname(here), '..', 'ocr', 'worker.js');
  return { file: fs.existsSync(bundled) ? bundled : path.join(path.dirname(here), 'worker.js'), eval: false };
}

interface Job extends ReadCallbacks {
  resolve(): void;
  reject(e: Error): void;
}

export class OcrPool {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const src = workerSource();
    const w = src.eval
      ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(src.file)});`, { eval: true })
      : new Worker(src.file);
    w.on('message', (m: FromOcrWorker) => this.onMessage(m));
    w.on('error', (e) => this.failAll(`文字识别进程出错：${e.message}`));
    w.on('exit', () => {
      this.worker = null;
      this.failAll('文字识别进程意外退出');
    });
    this.worker = w;
    return w;
  }

  private failAll(message: string): void {
    for (const j of this.jobs.values()) j.reject(new Error(message));
    this.jobs.clear();
  }

  private onMessage(m: FromOcrWorker): void {
    const job = this.jobs.get(m.id);
    if (!job) return;
    if (m.type === 'start') job.onStart(m.pagesTotal);
    else if (m.type === 'page') job.onPage(m.page);
    else {
      this.jobs.delete(m.id);
      if (m.type === 'done') job.resolve();
      else job.reject(new Error(m.message));
    }
  }

  /** Reads one file in the worker; pages arrive through `onPage` as they are read. */
  read(file: string, kind: OcrFileKind, dpi: number, cb: ReadCallbacks, maxPages?: number): Promise<void> {
    const id = this.nextId++;
    const w = this.ensureWorker();
    return new Promise<void>((resolve, reject) => {
      this.jobs.set(id, { ...cb, resolve, reject });
      const msg: ToOcrWorker = { type: 'read', id, path: file, kind, dpi, maxPages };
      w.postMessage(msg);
    });
  }

  /** Stops the worker (the app is closing); a read in progress is failed and stays queued. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
