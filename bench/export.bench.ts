/**
 * The real county export (exportCountyBundle): a data directory with the benchmark county of
 * 300 cadres and 30,000 materials whose originals total 2 GB of incompressible data, exported
 * to a .onebag — records.json, index pages, originals, manifest and signature — then verified
 * completely (verifyBundle). Targets from issue 7: export ≥ 100 MB/s with peak RSS ≤ 300 MB,
 * verify ≥ 200 MB/s. Dossier PDFs are off: the dossier batch has its own bench.
 *
 * The originals are bundle.bench.ts's data set, hard-linked into the blob store (no second
 * copy). The seeded data directory is kept in the temp folder between runs; it is rebuilt when
 * the schema version changes. ONEBAG_BENCH_BUNDLE_MB shrinks the data set for a quick run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyBundle } from '../main/exchange/bundle/container';
import { departmentKey } from '../main/exchange/bundle/keys';
import { exportCountyBundle } from '../main/exchange/exportBundle';
import { BlobStore } from '../main/files/blobStore';
import { sha256File } from '../main/files/durableFiles';
import { openDatabase, type Db } from '../main/store/db';
import { latestVersion } from '../main/store/migrations';
import { MATERIAL_CATEGORIES } from '../shared/domain';
import { bench as bundleBench } from './bundle.bench';
import { seedBenchCounty } from './county';
import { withPeakRss } from './measure';
import type { Bench, BenchFigure } from './types';

const MB = 1024 * 1024;
const TOTAL_MB = Number(process.env.ONEBAG_BENCH_BUNDLE_MB ?? 2048);
const YEAR = 2024;
const SOURCE_DIR = path.join(os.tmpdir(), `onebag-bench-bundle-${TOTAL_MB}mb`);
const DATA_DIR = path.join(os.tmpdir(), `onebag-bench-export-${TOTAL_MB}mb`);
/** Seeding in this process inflates its lifetime maxRSS, which then says nothing about the export. */
let seededNow = false;

/** bundle.bench.ts's generated originals (it makes them on its first run), in its order. */
async function sourceFiles(): Promise<string[]> {
  if (!fs.existsSync(path.join(SOURCE_DIR, 'complete'))) {
    console.log('  generating the originals through bundle.bench.ts (its figures follow, for reference):');
    for (const f of await bundleBench()) console.log(`    ${f.name}: ${f.value.toFixed(1)} ${f.unit}`);
  }
  const files: string[] = [];
  for (const sub of fs.readdirSync(SOURCE_DIR)) {
    const dir = path.join(SOURCE_DIR, sub);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir)) files.push(path.join(dir, f));
  }
  return files.sort((a, b) => parseInt(path.basename(a)) - parseInt(path.basename(b)));
}

/** Links (or, across file systems, copies) a file into the blob store under its hash. */
function linkBlob(blobs: BlobStore, sha256: string, file: string): void {
  const dest = blobs.pathOf(sha256);
  if (fs.existsSync(dest)) return;
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  try {
    fs.linkSync(file, dest);
  } catch {
    fs.copyFileSync(file, dest);
  }
}

/** 300 cadres, one year; every original is one material of one cadre (100 each at full size). */
async function seed(): Promise<void> {
  seededNow = true;
  const t0 = performance.now();
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const files = await sourceFiles();
  const db = openDatabase(DATA_DIR);
  const blobs = new BlobStore(DATA_DIR);
  try {
    const { county, townships } = seedBenchCounty(db, { idPrefix: 'E', posting: () => ({ start: `${YEAR - 1}-03-01`, end: null }) });
    const cadres = townships.flatMap((t) => t.cadres.map((c) => c.id));
    const hashed: Array<{ sha256: string; size: number }> = [];
    for (const f of files) {
      const h = await sha256File(f);
      linkBlob(blobs, h.sha256, f);
      hashed.push(h);
    }
    insertMaterials(db, cadres, hashed);
    db.prepare("UPDATE counties SET name = '基准县' WHERE id = ?").run(county);
    departmentKey(db);
  } finally {
    db.close();
  }
  fs.writeFileSync(path.join(DATA_DIR, 'complete'), String(latestVersion));
  console.log(`  seeded ${DATA_DIR} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

function insertMaterials(db: Db, cadres: number[], files: Array<{ sha256: string; size: number }>): void {
  const now = new Date().toISOString();
  const insBlob = db.prepare(
    `INSERT OR IGNORE INTO blobs (sha256, kind, mime, size, page_count, created_at) VALUES (?, 'pdf', 'application/pdf', ?, 1, ?)`,
  );
  const insMat = db.prepare(
    `INSERT INTO materials (cadre_id, category, title, date, year, responsible, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insFile = db.prepare('INSERT INTO material_files (material_id, position, sha256, original_name) VALUES (?, 0, ?, ?)');
  db.transaction(() => {
    files.forEach((f, i) => {
      insBlob.run(f.sha256, f.size, now);
      const month = String(1 + (i % 12)).padStart(2, '0');
      const category = MATERIAL_CATEGORIES[i % MATERIAL_CATEGORIES.length]!;
      const title = `${YEAR}年${month}月${category}第${i + 1}号`;
      const id = Number(
        insMat.run(cadres[i % cadres.length], category, title, `${YEAR}-${month}-15`, YEAR, '驻村工作队', now, now).lastInsertRowid,
      );
      insFile.run(id, f.sha256, `${title}.pdf`);
    });
  })();
}

export const bench: Bench = async () => {
  const marker = path.join(DATA_DIR, 'complete');
  if (!fs.existsSync(marker) || fs.readFileSync(marker, 'utf8') !== String(latestVersion)) await seed();
  const db = openDatabase(DATA_DIR);
  const blobs = new BlobStore(DATA_DIR);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bench-export-out-'));
  const out = path.join(outDir, '基准县.onebag');
  try {
    const countyId = db.prepare("SELECT id FROM counties WHERE name = '基准县'").pluck().get() as number;
    console.log('  dossier PDFs off (withDossiers: false): the dossier batch is measured by dossierBatch.bench.ts');
    console.log(`  RSS before export: ${(process.memoryUsage.rss() / MB).toFixed(0)} MB`);
    const t0 = performance.now();
    const stageAt = new Map<string, number>();
    const { value: res, peakMb } = await withPeakRss(
      () =>
        exportCountyBundle(
          { db, dataDir: DATA_DIR, blobs },
          {
            countyId,
            year: YEAR,
            out,
            withDossiers: false,
            onProgress: (p) => void (stageAt.has(p.stage) || stageAt.set(p.stage, performance.now())),
          },
        ),
      50,
    );
    const exportS = (performance.now() - t0) / 1000;
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    const sizeMb = res.size / MB;
    const stages = [...stageAt].map(([s, t]) => `${s} at ${((t - t0) / 1000).toFixed(1)} s`).join(', ');
    console.log(
      `  exported ${res.counts.cadres} cadres, ${res.counts.records} records, ${res.counts.originals} originals: ${sizeMb.toFixed(0)} MB in ${exportS.toFixed(1)} s`,
    );
    console.log(`  stages: ${stages}`);
    console.log(`  peak RSS sampled ${peakMb.toFixed(0)} MB; process maxRSS so far ${maxRssMb.toFixed(0)} MB`);

    const key = departmentKey(db);
    const t1 = performance.now();
    const v = await verifyBundle(out, { trustedKey: (fp) => (fp === key.fingerprint ? key.publicKey : null) });
    const verifyS = (performance.now() - t1) / 1000;
    if (v.sha256 !== res.sha256 || !v.trusted) throw new Error('verification disagrees with the export');
    console.log(`  verified in ${verifyS.toFixed(1)} s`);

    const label = `${res.counts.originals.toLocaleString('en')} originals, ${sizeMb.toFixed(0)} MB`;
    const figures: BenchFigure[] = [
      { name: `county export (no dossiers), ${label}`, value: sizeMb / exportS, unit: 'MB/s', target: 100, better: 'higher' },
      { name: `county export peak RSS, ${label}`, value: peakMb, unit: 'MB', target: 300, better: 'lower' },
      ...(seededNow
        ? []
        : [
            { name: `county export process maxRSS, ${label}`, value: maxRssMb, unit: 'MB' as const, target: 300, better: 'lower' as const },
          ]),
      { name: `county bundle verify, ${label}`, value: sizeMb / verifyS, unit: 'MB/s', target: 200, better: 'higher' },
    ];
    return figures;
  } finally {
    db.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
};
