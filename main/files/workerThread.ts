/**
 * Finding and starting a long-lived worker (a thread, or the OCR's own process). From
 * TypeScript sources (dev, tests, CLI via tsx) the worker is `worker.ts` beside the calling
 * module and runs through tsx; from the bundle (code in dist/main/app/main.js or
 * dist/main/cli/index.js) it is dist/main/<folder>/worker.js. A caller may name a built
 * worker file outright (JobRunner's workerFile).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface WorkerSource {
  file: string;
  /** A TypeScript source, to be run through tsx. */
  typescript: boolean;
}

/** `callerFile` is the calling module's `__filename`; `folder` its worker's folder under dist/main. */
export function workerSource(callerFile: string, folder: string, override?: string): WorkerSource {
  if (override) return { file: override, typescript: false };
  const dir = path.dirname(callerFile);
  if (callerFile.endsWith('.ts')) return { file: path.join(dir, 'worker.ts'), typescript: true };
  const bundled = path.join(dir, '..', folder, 'worker.js');
  return { file: fs.existsSync(bundled) ? bundled : path.join(dir, 'worker.js'), typescript: false };
}

/**
 * Starts the worker and wires it: each message to `onMessage`; a crash or an exit to `onGone`
 * with the Chinese reason ("<what>进程出错：…" or "<what>进程意外退出<exitHint>").
 */
export function startWorker<M>(
  src: WorkerSource,
  what: string,
  on: { message(m: M): void; gone(reason: string, exited: boolean): void },
  exitHint = '',
): Worker {
  const w = src.typescript
    ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(src.file)});`, { eval: true })
    : new Worker(src.file);
  w.on('message', (m: M) => on.message(m));
  w.on('error', (e) => on.gone(`${what}进程出错：${e.message}`, false));
  w.on('exit', () => on.gone(`${what}进程意外退出${exitHint}`, true));
  return w;
}
