/**
 * One long-lived OCR process (started on first use, restarted after a crash). A process of its
 * own, not a worker thread: its memory is its own and is given back to the system, and a crash
 * in the native OCR libraries cannot take the app down. From TypeScript sources (dev, tests, CLI
 * via tsx) it runs worker.ts through tsx; from the bundle it runs dist/main/ocr/worker.js.
 * In Electron, fork() runs the app's own binary as Node.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { workerSource } from '../files/workerThread';

import type { FromOcrWorker, OcrFileKind, ToOcrWorker } from './protocol';
import type { ReadCallbacks } from './readFile';

interface Job extends ReadCallbacks {
  resolve(): void;
  reject(e: Error): void;
}

export class OcrPool {
  private child: ChildProcess | null = null;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private peakMb = 0;
  private lastCpuS = 0;

  /** The OCR process's peak resident memory as last reported (MB; 0 before the first read ends). */
  get peakRssMb(): number {
    return this.peakMb;
  }

  /** The running OCR process's id (null before the first read and after close). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** CPU seconds the OCR process spent on the last read that ended well. */
  get lastReadCpuS(): number {
    return this.lastCpuS;
  }

  private ensureChild(): ChildProcess {
    if (this.child) return this.child;
    const src = workerSource(typeof __filename === 'string' ? __filename : '', 'ocr');
    const child = fork(src.file, [], {
      execArgv: src.typescript ? ['--import', 'tsx'] : [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (m: FromOcrWorker) => this.onMessage(m));
    child.on('error', (e) => this.failAll(`文字识别进程出错：${e.message}`));
    child.on('exit', () => {
      if (this.child === child) this.child = null;
      this.failAll('文字识别进程意外退出');
    });
    this.child = child;
    return child;
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
      this.peakMb = Math.max(this.peakMb, m.peakRssMb);
      this.jobs.delete(m.id);
      if (m.type === 'done') {
        this.lastCpuS = m.cpuS;
        job.resolve();
      } else job.reject(new Error(m.message));
    }
  }

  /** Reads one file in the OCR process; pages arrive through `onPage` as they are read. */
  read(file: string, kind: OcrFileKind, dpi: number, cb: ReadCallbacks, maxPages?: number): Promise<void> {
    const id = this.nextId++;
    const child = this.ensureChild();
    return new Promise<void>((resolve, reject) => {
      this.jobs.set(id, { ...cb, resolve, reject });
      const msg: ToOcrWorker = { type: 'read', id, path: file, kind, dpi, maxPages };
      child.send(msg);
    });
  }

  /** Stops the OCR process (the app is closing); a read in progress is failed and stays queued. */
  async close(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill();
    });
  }
}
