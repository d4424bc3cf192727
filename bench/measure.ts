/** Small helpers shared by the benchmarks. */
import { seededRandom } from '../shared/random';

/** 95th percentile (nearest rank) of a list of timings. */
export function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

/** Deterministic pseudo-random numbers in [0, 1), so every run seeds the same data. */
export const rng = seededRandom;

/** Runs `fn`, sampling RSS every `everyMs` (the process's lifetime maxRSS would include earlier benches); peak in MiB. */
export async function withPeakRss<T>(fn: () => Promise<T>, everyMs: number): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), everyMs);
  try {
    const value = await fn();
    return { value, peakMb: Math.max(peak, process.memoryUsage.rss()) / (1024 * 1024) };
  } finally {
    clearInterval(timer);
  }
}
