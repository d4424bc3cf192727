/** Small helpers shared by the benchmarks. */
import { seededRandom } from '../shared/random';

/** 95th percentile (nearest rank) of a list of timings. */
export function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

/** Deterministic pseudo-random numbers in [0, 1), so every run seeds the same data. */
export const rng = seededRandom;
