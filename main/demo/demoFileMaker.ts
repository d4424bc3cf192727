/**
 * Makes the demo bag's files (demoFiles.ts), then the second county's bundle. The typeset
 * documents are made in ONE worker thread, in the order given, while the loading thread enters
 * the organisation, the cadres and the attendance year; the scans (worklog pages, sealed
 * registers, ledgers: drawn pixels, no fonts) are made on the loading thread when it files them
 * (madeOnCaller), which has time left once the attendance year is in and is warm for scans (it
 * draws the sealed registers of the certified months). Typesetting and scanning are half the
 * load's CPU; on a machine with two cores they then overlap the entering instead of coming
 * before it. `made(i)` resolves once the i-th file exists; the filing order, and so every row
 * and id, is the same as making them one by one here, and a spec gives the same bytes on either
 * thread.
 *
 * Loading the worker: from TypeScript sources (tests, the CLI through tsx) it registers tsx
 * first; from the bundle it loads dist/main/demo/fileWorker.js (an esbuild entry beside the app
 * and the CLI). Without a worker (asked for, or none can be started) the files are made on this
 * thread on demand and the bundle when asked for.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/result';
import type { FileFacts } from '../files/inspect';
import { makeDemoFile, type DemoFileSpec } from './demoFiles';
import type { FromFileWorker, ToFileWorker } from './demoFileWorker';
import { buildSecondCountyBundle, type SecondCountyBundle } from './demoSecondCounty';

function startWorker(): Worker {
  const here = typeof __filename === 'string' ? __filename : '';
  if (here.endsWith('.ts')) {
    const file = path.join(path.dirname(here), 'demoFileWorker.ts');
    return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`, { eval: true });
  }
  // bundled: this code lives in dist/main/app/main.js or dist/main/cli/index.js
  return new Worker(path.join(path.dirname(here), '..', 'demo', 'fileWorker.js'));
}

/** The files made on the loading thread rather than the worker: the scans (no typesetting). */
export const madeOnCaller = (spec: DemoFileSpec): boolean => spec.kind === 'scanJpeg' || spec.kind === 'scanPng';

export class DemoFileMaker {
  private readonly worker: Worker | null;
  /** How many of the worker's files are still to come. */
  private pending: number;
  private readonly facts: FileFacts[] = [];
  private failure: Error | null = null;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private bundle: Promise<SecondCountyBundle> | null = null;
  private settleBundle: { resolve: (b: SecondCountyBundle) => void; reject: (e: Error) => void } | null = null;

  /** `secondCounty`: also build the second county's bundle (demoSecondCounty.ts) after the files. */
  constructor(
    private readonly specs: readonly DemoFileSpec[],
    private readonly secondCounty?: { today: string; seed: number; dir: string },
    useWorker = true,
  ) {
    let worker: Worker | null;
    try {
      worker = useWorker ? startWorker() : null;
    } catch {
      worker = null; // made on this thread instead (made())
    }
    this.worker = worker;
    const forWorker = specs.map((spec, index) => ({ index, spec })).filter((s) => !madeOnCaller(s.spec));
    this.pending = worker ? forWorker.length : 0;
    if (!worker) return;
    if (secondCounty) {
      this.bundle = new Promise((resolve, reject) => (this.settleBundle = { resolve, reject }));
      this.bundle.catch(() => undefined); // reported when asked for (secondCountyBundle)
    }
    worker.on('message', (m: FromFileWorker) => {
      if (m.type === 'made') {
        this.facts[m.index] = m.facts;
        this.pending--;
        const w = this.waiting.get(m.index);
        if (w) {
          this.waiting.delete(m.index);
          w.resolve();
        }
      } else if (m.type === 'bundle') {
        this.settleBundle?.resolve(m.bundle);
      } else if (m.type === 'bundleError') {
        this.settleBundle?.reject(new AppError('INTERNAL', `示例数据包生成失败：${m.message}`));
      } else {
        this.fail(new AppError('INTERNAL', `示例材料生成失败：${m.message}`));
      }
    });
    worker.on('error', (e) => this.fail(new AppError('INTERNAL', `示例材料生成失败：${e.message}`)));
    worker.on('exit', () => {
      if (this.pending > 0) this.fail(new AppError('INTERNAL', '示例材料生成进程意外退出，请重试'));
      this.settleBundle?.reject(new AppError('INTERNAL', '示例数据生成进程意外退出，请重试'));
    });
    worker.postMessage({ specs: forWorker, secondCounty } satisfies ToFileWorker);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.settleBundle?.reject(err);
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
  }

  /**
   * Resolves once the `index`-th file is made, to what intake would learn of it: made here now
   * when it is this thread's (or there is no worker), else when the worker has made it.
   */
  async made(index: number): Promise<FileFacts> {
    const spec = this.specs[index]!;
    if (!this.worker || madeOnCaller(spec)) return makeDemoFile(spec);
    if (this.facts[index] === undefined) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve, reject) => this.waiting.set(index, { resolve, reject }));
    }
    return this.facts[index]!;
  }

  /** The second county's bundle: built by the worker after the files, or here when there is none. */
  secondCountyBundle(): Promise<SecondCountyBundle> {
    if (!this.secondCounty) throw new Error('no second county was asked for');
    this.bundle ??= buildSecondCountyBundle(this.secondCounty.today, this.secondCounty.seed, this.secondCounty.dir);
    return this.bundle;
  }

  /** Stops the worker (at the end, or when the load failed midway). */
  async close(): Promise<void> {
    if (this.worker) await this.worker.terminate();
  }
}
