/**
 * The .onebag container: writing a county's bundle of 30,000 originals totalling 2 GB of
 * incompressible data (STORE) — throughput and peak RSS — then verifying it completely
 * (every entry hashed, signature, whole-file SHA-256). Targets from issue 7: write ≥ 100 MB/s
 * with peak RSS ≤ 300 MB, verify ≥ 200 MB/s.
 *
 * ONEBAG_BENCH_BUNDLE_MB shrinks the data set for a quick run (files scale with it). The
 * generated originals are kept in the temp folder between runs (they take longest to make);
 * the bundle itself is removed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyBundle, writeBundle, type BundleEntryInput } from '../main/exchange/bundle/container';
import { fingerprintOf, type SigningKey } from '../main/exchange/bundle/keys';
import { rng, withPeakRss } from './measure';
import type { Bench, BenchFigure } from './types';

const MB = 1024 * 1024;
const TOTAL_MB = Number(process.env.ONEBAG_BENCH_BUNDLE_MB ?? 2048);
const FILES = Math.max(10, Math.round((30_000 * TOTAL_MB) / 2048));
const MIN_SIZE = 10 * 1024;

/** Sizes from 10 KB up, random but deterministic, adding up to exactly TOTAL_MB. */
function sizes(): number[] {
  const r = rng(7);
  const w = Array.from({ length: FILES }, () => r());
  const sum = w.reduce((a, b) => a + b, 0);
  const span = (TOTAL_MB * MB - FILES * MIN_SIZE) / sum;
  const out = w.map((x) => MIN_SIZE + Math.floor(x * span));
  out[0]! += TOTAL_MB * MB - out.reduce((a, b) => a + b, 0);
  return out;
}

/** Originals as slices of a random pool at random offsets: incompressible, quick to make. */
function dataSet(): string[] {
  const dir = path.join(os.tmpdir(), `onebag-bench-bundle-${TOTAL_MB}mb`);
  const files = sizes().map((_, i) => path.join(dir, String(i % 300), `${i}.bin`));
  const done = path.join(dir, 'complete');
  if (fs.existsSync(done)) return files;
  fs.rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const pool = crypto.randomBytes(64 * MB);
  const r = rng(11);
  sizes().forEach((size, i) => {
    fs.mkdirSync(path.dirname(files[i]!), { recursive: true });
    const at = Math.floor(r() * (pool.length - size));
    fs.writeFileSync(files[i]!, pool.subarray(at, at + size));
  });
  fs.writeFileSync(done, '');
  console.log(`  generated ${FILES} files, ${TOTAL_MB} MB in ${dir} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return files;
}

function signer(): SigningKey {
  const pair = crypto.generateKeyPairSync('ed25519');
  const publicKey = Buffer.from(pair.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  return {
    name: '基准测试县委组织部',
    fingerprint: fingerprintOf(publicKey),
    publicKey,
    sign: (d) => crypto.sign(null, d, pair.privateKey),
  };
}

export const bench: Bench = async () => {
  const files = dataSet();
  const key = signer();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bench-bundle-out-'));
  const out = path.join(outDir, 'county.onebag');
  const entries: BundleEntryInput[] = [
    { path: 'records.json', role: 'records', source: { data: Buffer.from(JSON.stringify({ files: files.length })) }, compress: true },
    ...files.map(
      (file, i): BundleEntryInput => ({
        path: `originals/${(i % 256).toString(16).padStart(2, '0')}/${i}.bin`,
        role: 'original',
        source: { file },
      }),
    ),
  ];
  try {
    console.log(`  RSS before writing: ${(process.memoryUsage.rss() / MB).toFixed(0)} MB`);
    const t0 = performance.now();
    const { value: written, peakMb } = await withPeakRss(
      () => writeBundle({ out, kind: 'county', scope: { county: '基准县', year: 2024, cadres: 300 }, signer: key, entries }),
      25,
    );
    const writeS = (performance.now() - t0) / 1000;
    const sizeMb = written.size / MB;
    console.log(`  wrote ${entries.length} entries, ${sizeMb.toFixed(0)} MB in ${writeS.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB`);

    const t1 = performance.now();
    const v = await verifyBundle(out, { trustedKey: () => key.publicKey });
    const verifyS = (performance.now() - t1) / 1000;
    if (v.sha256 !== written.sha256 || !v.trusted) throw new Error('verification disagrees with the writer');
    console.log(`  verified in ${verifyS.toFixed(1)} s`);

    const label = `${files.length.toLocaleString('en')} files, ${TOTAL_MB} MB`;
    const figures: BenchFigure[] = [
      { name: `bundle write (STORE), ${label}`, value: sizeMb / writeS, unit: 'MB/s', target: 100, better: 'higher' },
      { name: `bundle write peak RSS, ${label}`, value: peakMb, unit: 'MB', target: 300, better: 'lower' },
      { name: `bundle verify (every hash), ${label}`, value: sizeMb / verifyS, unit: 'MB/s', target: 200, better: 'higher' },
    ];
    return figures;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
};
