/**
 * Crash safety (issue 7): the real CLI is SIGKILLed at seeded-random moments during a batch
 * attach and during a backup. Afterwards the data directory reopens consistent, nothing
 * committed before is lost, and what a run committed is complete.
 *
 * Iterations per scenario: ONEBAG_CRASH_ITERATIONS (default 5; each scenario also asserts that at
 * least one kill landed before its commit, so fewer kills cannot pass vacuously); seed:
 * ONEBAG_CRASH_SEED.
 * A soak run: ONEBAG_CRASH_ITERATIONS=100 npx vitest run … tests/integration/crashSafety.test.ts
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMaterial } from '../../main/core/bag/bag';
import { backupTo } from '../../main/exchange/integrity/backup';
import { restoreFrom } from '../../main/exchange/integrity/restore';
import { listBackups } from '../../main/exchange/integrity/backupList';
import { checkIntegrity } from '../../main/exchange/integrity/check';
import { BlobStore } from '../../main/files/blobStore';
import { openDatabase } from '../../main/store/db';
import { runOnebag } from '../fixtures/cli';
import { materialInput } from '../fixtures/bagFolder';
import { type KillResult, killAtRandom, seededRandom } from '../fixtures/killAtRandom';
import { pngChunk } from '../fixtures/makeFiles';
import { makeIdNumber } from '../fixtures/makeRoster';
import { insertCadre } from '../fixtures/sqlRows';

const ITERATIONS = Number(process.env.ONEBAG_CRASH_ITERATIONS ?? 5);
const SEED = Number(process.env.ONEBAG_CRASH_SEED ?? 20240501);
const FILES_PER_ATTACH = 40;
/** Per scenario: generous for slow, shared machines; grows with a soak's iterations. */
const TIMEOUT_MS = Math.max(180_000, ITERATIONS * 4_000);
const ID_NUMBER = makeIdNumber('110101', '1985-03-02', 7, true);

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-crash-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A scan-sized PNG of random noise: unique bytes, incompressible, so storing it takes real work. */
function noisePng(side: number, rnd: () => number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = crypto.randomBytes((side * 3 + 1) * side);
  for (let y = 0; y < side; y++) raw[y * (side * 3 + 1)] = 0;
  raw.writeUInt32BE(Math.floor(rnd() * 2 ** 32), 1); // distinct even if randomBytes repeated
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(raw, { level: 0 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const sha = (buf: Buffer) => crypto.createHash('sha256').update(buf).digest('hex');

function writeFiles(dir: string, n: number, rnd: () => number): Array<{ file: string; sha256: string }> {
  fs.mkdirSync(dir, { recursive: true });
  return Array.from({ length: n }, (_, i) => {
    const buf = noisePng(160, rnd);
    const file = path.join(dir, `扫描件${String(i + 1).padStart(2, '0')}.png`);
    fs.writeFileSync(file, buf);
    return { file, sha256: sha(buf) };
  });
}

/** Creates a data directory with one cadre; returns his id. */
function seedData(dataDir: string): number {
  const db = openDatabase(dataDir);
  try {
    return insertCadre(db, '赵晓明', ID_NUMBER);
  } finally {
    db.close();
  }
}

/** title → the sha256 of its files in order, as the database holds them now (reopened as the app would). */
function materialsOnDisk(dataDir: string): Map<string, string[]> {
  const db = openDatabase(dataDir);
  try {
    const rows = db
      .prepare('SELECT m.title, f.sha256 FROM materials m JOIN material_files f ON f.material_id = m.id ORDER BY m.id, f.position')
      .all() as Array<{ title: string; sha256: string }>;
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.title, [...(out.get(r.title) ?? []), r.sha256]);
    return out;
  } finally {
    db.close();
  }
}

/**
 * Runs a command to completion once, armed like the kills will be, and returns the kill window:
 * from the first sign of work to a little after a normal run would have ended.
 */
async function killWindow(dataDir: string, args: string[], armWhen: () => boolean): Promise<{ minMs: number; maxMs: number }> {
  const r = await killAtRandom({ args, dataDir, minMs: 600_000, maxMs: 600_000, seed: 0, armWhen });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  expect(r.armedAtMs).not.toBeNull();
  return { minMs: 0, maxMs: Math.max(50, Math.round((r.totalMs - r.armedAtMs!) * 1.2)) };
}

/**
 * A run that finished before its kill shows the machine is now faster than at calibration (a busy
 * machine calibrates slow): later kills are drawn from within this run's own duration, so some land
 * mid-way however the load changes.
 */
function narrowed(window: { minMs: number; maxMs: number }, r: KillResult): { minMs: number; maxMs: number } {
  if (r.killed || r.armedAtMs === null) return window;
  return { minMs: 0, maxMs: Math.max(50, Math.min(window.maxMs, Math.round((r.totalMs - r.armedAtMs) * 0.9))) };
}

/** The CLI has the database open: SQLite created the WAL file (a clean close removes it). */
const dbOpen = (dataDir: string) => () => fs.existsSync(path.join(dataDir, 'onebag.sqlite-wal'));

const attachArgs = (title: string, files: string[]) => [
  'attach',
  '--cadre',
  ID_NUMBER,
  '--category',
  '其他佐证材料',
  '--title',
  title,
  ...files,
];

describe('killed during a batch attach', () => {
  it(
    `reopens consistent and loses nothing committed (${ITERATIONS} kills)`,
    async () => {
      const dataDir = path.join(tmp, 'attach');
      seedData(dataDir);
      const rnd = seededRandom(SEED);
      // calibrate with one full attach of 40 files
      const calib = writeFiles(path.join(tmp, 'attach-files-calib'), FILES_PER_ATTACH, rnd);
      let window = await killWindow(
        dataDir,
        attachArgs(
          '校准',
          calib.map((f) => f.file),
        ),
        dbOpen(dataDir),
      );
      const committed = new Map<string, string[]>([['校准', calib.map((f) => f.sha256)]]);

      let interrupted = 0;
      const uncommitted = new Set<string>(); // files of runs that never filed their material
      for (let i = 0; i < ITERATIONS; i++) {
        const title = `第${i + 1}批佐证材料`;
        const files = writeFiles(path.join(tmp, `attach-files-${i}`), FILES_PER_ATTACH, rnd);
        const r = await killAtRandom({
          args: attachArgs(
            title,
            files.map((f) => f.file),
          ),
          dataDir,
          ...window,
          armWhen: dbOpen(dataDir),
          seed: SEED + i,
        });
        const where = `iteration ${i} (seed ${SEED + i}, kill at ${r.delayMs} ms)`;
        if (!r.killed) expect(r.exitCode, `${where}: ${r.stderr}`).toBe(0);
        window = narrowed(window, r);
        const reported = r.stdout.includes('已归档');

        const onDisk = materialsOnDisk(dataDir);
        // a run that reported success, or whose transaction committed, left the complete material
        if (reported) expect(onDisk.has(title), where).toBe(true);
        if (onDisk.has(title)) {
          expect(onDisk.get(title), where).toEqual(files.map((f) => f.sha256));
          committed.set(
            title,
            files.map((f) => f.sha256),
          );
        } else {
          interrupted++;
          for (const f of files) uncommitted.add(f.sha256);
        }
        // nothing committed before is lost
        for (const [t, shas] of committed) expect(onDisk.get(t), `${where}: ${t}`).toEqual(shas);

        // no errors; the only acceptable warnings are originals an interrupted run stored but never filed
        const findings = await checkIntegrity(dataDir);
        expect(
          findings.filter((f) => f.severity === 'error'),
          where,
        ).toEqual([]);
        for (const f of findings) {
          expect(f.kind, where).toBe('orphan-original');
          expect(uncommitted.has(f.sha256!), where).toBe(true);
        }
      }
      // the kills did land mid-way at least once, or the test proved nothing
      console.info(`attach: ${interrupted} of ${ITERATIONS} runs killed before committing (kill window ${window.maxMs} ms)`);
      expect(interrupted).toBeGreaterThan(0);

      // and the data directory keeps working: the next attach succeeds
      const after = writeFiles(path.join(tmp, 'attach-files-after'), 3, rnd);
      const r = runOnebag(
        dataDir,
        attachArgs(
          '之后',
          after.map((f) => f.file),
        ),
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    },
    TIMEOUT_MS,
  );
});

describe('killed during a backup', () => {
  it(
    `leaves only complete backups that verify; the next backup succeeds (${ITERATIONS} kills)`,
    async () => {
      const dataDir = path.join(tmp, 'backup-data');
      const cadreId = seedData(dataDir);
      const rnd = seededRandom(SEED ^ 0x5eed);
      const db = openDatabase(dataDir);
      const blobs = new BlobStore(dataDir);
      try {
        for (let m = 0; m < 3; m++) {
          const files = writeFiles(path.join(tmp, `backup-files-${m}`), 20, rnd);
          const input = materialInput({ category: '工作总结', title: `材料${m + 1}` });
          await addMaterial(
            db,
            blobs,
            cadreId,
            input,
            files.map((f) => ({ path: f.file, name: path.basename(f.file) })),
          );
        }
      } finally {
        db.close();
      }
      const calibOut = path.join(tmp, 'usb-calib');
      let window = await killWindow(dataDir, ['backup', '--out', calibOut], () => fs.existsSync(calibOut));

      let interrupted = 0;
      for (let i = 0; i < ITERATIONS; i++) {
        const out = path.join(tmp, `usb-${i}`);
        const r = await killAtRandom({
          args: ['backup', '--out', out],
          dataDir,
          ...window,
          armWhen: () => fs.existsSync(out),
          seed: SEED + 1000 + i,
        });
        const where = `iteration ${i} (seed ${SEED + 1000 + i}, kill at ${r.delayMs} ms)`;
        if (!r.killed) expect(r.exitCode, `${where}: ${r.stderr}`).toBe(0);
        window = narrowed(window, r);
        const listed = listBackups(out);
        if (r.stdout.includes('备份完成')) expect(listed, where).toHaveLength(1);
        if (listed.length === 0) interrupted++;
        // whatever is listed is complete: every hash verifies (a dry-run restore checks them all)
        for (const b of listed) await restoreFrom(b.dir, path.join(tmp, `verify-${i}`), { dryRun: true });

        // the next backup into the same folder succeeds, reusing what the killed run finished
        // (in-process: the same backupTo the CLI runs, without a second start-up per iteration)
        await backupTo(dataDir, out);
        const now = listBackups(out);
        expect(now, where).toHaveLength(listed.length + 1);
        // a full restore (every original copied back) once; the other iterations verify by dry run
        const target = path.join(tmp, `restored-${i}`);
        await restoreFrom(now[0]!.dir, target, { dryRun: i < ITERATIONS - 1 });
        if (i === ITERATIONS - 1) {
          expect(materialsOnDisk(target).size, where).toBe(3);
          expect(await checkIntegrity(target), where).toEqual([]);
        }
        fs.rmSync(out, { recursive: true });
      }
      console.info(`backup: ${interrupted} of ${ITERATIONS} runs killed before publishing (kill window ${window.maxMs} ms)`);
      expect(interrupted).toBeGreaterThan(0);
      // the data directory itself was never touched by the killed backups
      expect(await checkIntegrity(dataDir)).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
