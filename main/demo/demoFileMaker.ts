/**
 * Makes the demo bag's files (demoFiles.ts) in ONE worker thread while the loading thread files
 * the bags made so far: typesetting and scanning are most of the load's CPU, and on a machine
 * with two cores they then overlap the filing instead of coming before it. The files are made in
 * the order given and `made(i)` resolves once the i-th exists; the filing order, and so every
 * row and id, is the same as making them one by one here.
 *
 * Loading the worker: from TypeScript sources (tests, the CLI through tsx) it registers tsx
 * first; from the bundle it loads dist/main/demo/fileWorker.js (an esbuild entry beside the app
 * and the CLI). When no worker can be started, the files are made on this thread on demand.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/result';
import { makeDemoFile, type DemoFileSpec } from './demoFiles';
import type { FromFileWorker, ToFileWorker } from './demoFileWorker';

function startWorker(): Worker {
  const here = typeof __filename === 'string' ? __filename : '';
  if (here.endsWith('.ts')) {
    const file = path.join(path.dirname(here), 'demoFileWorker.ts');
    return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`, { eval: true });
  }
  // bundled: this code lives in dist/main/app/main.js or dist/main/cli/index.js
  return new Worker(path.join(path.dirname(here), '..', 'demo', 'fileWorker.js'));
}

export class DemoFileMaker {
  private readonly worker: Worker | null;
  private madeCount = 0;
  private failure: Error | null = null;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

  constructor(private readonly specs: readonly DemoFileSpec[]) {
    let worker: Worker | null;
    try {
      worker = startWorker();
    } catch {
      worker = null; // made on this thread instead (made())
    }
    this.worker = worker;
    if (!worker) return;
    worker.on('message', (m: FromFileWorker) => {
      if (m.type === 'made') {
        this.madeCount = m.index + 1;
        for (const [i, w] of this.waiting) {
          if (i < this.madeCount) {
            this.waiting.delete(i);
            w.resolve();
          }
        }
      } else {
        this.fail(new AppError('INTERNAL', `示例材料生成失败：${m.message}`));
      }
    });
    worker.on('error', (e) => this.fail(new AppError('INTERNAL', `示例材料生成失败：${e.message}`)));
    worker.on('exit', () => {
      if (this.madeCount < this.specs.length) this.fail(new AppError('INTERNAL', '示例材料生成进程意外退出，请重试'));
    });
    worker.postMessage({ specs: [...specs] } satisfies ToFileWorker);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
  }

  /** Resolves once the `index`-th file is made (in the order given). */
  async made(index: number): Promise<void> {
    if (!this.worker) {
      await makeDemoFile(this.specs[index]!);
      return;
    }
    if (index < this.madeCount) return;
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => this.waiting.set(index, { resolve, reject }));
  }

  /** Stops the worker (at the end, or when the load failed midway). */
  async close(): Promise<void> {
    if (this.worker) await this.worker.terminate();
  }
}
