/**
 * SHA-256 of a whole bundle (gigabytes) on a worker thread, so that it runs beside the
 * per-entry hashing instead of doubling the main thread's work. Chunks are copied once and
 * transferred; at most MAX_QUEUED bytes wait for the worker (backpressure). Small bundles
 * hash inline: starting a thread would cost more than it saves.
 */
import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';

export interface WholeHash {
  update(chunk: Buffer): void | Promise<void>;
  digest(): Promise<string>;
  /** Stops the worker; safe to call more than once, also after digest(). */
  close(): Promise<void>;
}

const INLINE_BELOW = 16 * 1024 * 1024;
const MAX_QUEUED = 16 * 1024 * 1024;
const SLOT = 4 * 1024 * 1024;

// Plain CommonJS so it runs the same from tsx, vitest and the bundled app. Buffers go back to
// the main thread for reuse, so hashing gigabytes allocates nothing after the first few chunks.
const WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
const hash = require('node:crypto').createHash('sha256');
parentPort.on('message', (m) => {
  if (m === 'digest') return parentPort.postMessage({ digest: hash.digest('hex') });
  hash.update(new Uint8Array(m.buf, 0, m.len));
  parentPort.postMessage({ buf: m.buf, len: m.len }, [m.buf]);
});
`;

export function wholeHash(expectedBytes: number): WholeHash {
  if (expectedBytes < INLINE_BELOW) {
    const h = crypto.createHash('sha256');
    return { update: (c) => void h.update(c), digest: async () => h.digest('hex'), close: async () => {} };
  }
  return new WorkerHash();
}

class WorkerHash implements WholeHash {
  private readonly worker = new Worker(WORKER_CODE, { eval: true });
  private queued = 0;
  /** Buffers back from the worker, ready for the next chunk. */
  private readonly free: ArrayBuffer[] = [];
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private onDigest: ((hex: string) => void) | null = null;

  constructor() {
    this.worker.unref();
    this.worker.on('message', (m: { buf?: ArrayBuffer; len?: number; digest?: string }) => {
      if (m.buf) {
        this.queued -= m.len!;
        this.free.push(m.buf);
      }
      if (m.digest !== undefined) this.onDigest?.(m.digest);
      this.poke();
    });
    this.worker.on('error', (err) => {
      this.failure = err;
      this.poke();
    });
  }

  private poke(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private async waitUntil(ok: () => boolean): Promise<void> {
    while (!ok()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.failure) throw this.failure;
  }

  async update(chunk: Buffer): Promise<void> {
    if (this.queued > MAX_QUEUED) await this.waitUntil(() => this.queued <= MAX_QUEUED);
    for (let at = 0; at < chunk.length; at += SLOT) {
      const part = chunk.subarray(at, at + SLOT);
      const buf = this.free.pop() ?? new ArrayBuffer(SLOT);
      part.copy(new Uint8Array(buf));
      this.queued += part.length;
      this.worker.postMessage({ buf, len: part.length }, [buf]);
    }
  }

  async digest(): Promise<string> {
    let hex: string | null = null;
    this.onDigest = (h) => (hex = h);
    this.worker.postMessage('digest');
    await this.waitUntil(() => hex !== null);
    return hex!;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
