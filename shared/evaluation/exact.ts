/**
 * Exact non-negative fractions (BigInt) for weighted totals, so that no float drift decides a
 * grade: a total is summed exactly and rounded once, half-up, to hundredths.
 */
export interface Frac {
  num: bigint;
  den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
};

export const frac = (num: bigint | number, den: bigint | number = 1n): Frac => {
  const n = BigInt(num);
  const d = BigInt(den);
  if (d === 0n) throw new Error('zero denominator');
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
};

export const ZERO: Frac = { num: 0n, den: 1n };

export const add = (a: Frac, b: Frac): Frac => frac(a.num * b.den + b.num * a.den, a.den * b.den);

/** Rounds a non-negative fraction half-up to an integer number of hundredths. */
export function roundHundredths(f: Frac): number {
  return Number((f.num * 200n + f.den) / (2n * f.den));
}

/** A value typed with at most two decimals as integer hundredths (85.5 → 8550). */
export const toHundredths = (v: number): number => Math.round(v * 100);

/** Integer hundredths as a number with two decimals (8550 → 85.5). */
export const fromHundredths = (h: number): number => h / 100;

/** For print: always two decimals (8550 → "85.50"). */
export const formatHundredths = (h: number): string => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
