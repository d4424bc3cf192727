/**
 * Automatic backups into <data>/backups: on a schedule, before migrations (main/store/
 * preMigrationBackup.ts) and before imports, plus 立即备份 from the 检查与备份 page.
 *
 * Same format as `onebag backup --out` (backup.ts), with the reason in the manifest. Originals
 * are hard-linked into the pool (same filesystem, no extra space), so a backup costs a copy of
 * the database plus links. These backups undo bad imports, failed migrations and mistakes;
 * they do NOT survive a dead disk — that needs 备份到其他文件夹 (a USB stick).
 *
 * Retention: the newest KEEP_PER_REASON backups of each reason are kept; older ones are
 * deleted, then pool originals no remaining backup lists. One backup at a time per data
 * directory: in-process by a promise chain, across processes by <data>/backups/.lock.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { SHA256_RE } from '../../../shared/blobLayout';
import { AppError } from '../../../shared/result';
import type { BackupReasonKey } from '../../../shared/api/integrity';
import { BACKUPS_DIR } from '../../store/backupManifest';
import { DB_FILE } from '../../store/db';
import { backupTo, type BackupResult } from './backup';
import { readManifest } from './backupRead';
import { listBackups } from './backupList';

export const KEEP_PER_REASON = 10;
/** A .partial folder or pool temp file older than this belongs to an interrupted run. */
const STALE_MS = 10 * 60_000;
const LOCK_FILE = '.lock';
const LOCK_WAIT_MS = 5 * 60_000;

export const backupsDirOf = (dataDir: string): string => path.join(dataDir, BACKUPS_DIR);

/** What the status bar and the page show about automatic backups in this process. */
export interface AutoBackupState {
  running: BackupReasonKey | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

const states = new Map<string, AutoBackupState>();
const chains = new Map<string, Promise<unknown>>();

export function autoBackupState(dataDir: string): AutoBackupState {
  const key = path.resolve(dataDir);
  let s = states.get(key);
  if (!s) states.set(key, (s = { running: null, lastError: null, lastErrorAt: null }));
  return s;
}

/** True when the database has no cadre, material, original or county yet (nothing to lose). */
function holdsNothing(dbPath: string): boolean {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    return ['cadres', 'materials', 'blobs', 'counties'].every(
      (t) => !tables.has(t) || db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() === undefined,
    );
  } finally {
    db.close();
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes <backups>/.lock, waiting for a live holder; a dead holder's lock is broken. */
async function acquireLock(outDir: string): Promise<() => void> {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, LOCK_FILE);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = Number(fs.readFileSync(file, { encoding: 'utf8', flag: 'r' }).trim() || NaN);
    if (!Number.isInteger(pid) || pid === process.pid || !pidAlive(pid)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new AppError('CONFLICT', '另一个 OneBag 进程正在备份，请稍后再试');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Backs up `dataDir` into <data>/backups for `reason`, then applies retention. Resolves to
 * null when there is nothing to back up yet (no database, or an empty one).
 */
export function autoBackup(dataDir: string, reason: BackupReasonKey, opts: { prune?: boolean } = {}): Promise<BackupResult | null> {
  const key = path.resolve(dataDir);
  const run = async (): Promise<BackupResult | null> => {
    const dbPath = path.join(dataDir, DB_FILE);
    if (!fs.existsSync(dbPath) || holdsNothing(dbPath)) return null;
    const state = autoBackupState(dataDir);
    const outDir = backupsDirOf(dataDir);
    state.running = reason;
    try {
      const release = await acquireLock(outDir);
      try {
        const r = await backupTo(dataDir, outDir, { reason, link: true });
        if (opts.prune !== false) await pruneBackups(outDir);
        state.lastError = null;
        state.lastErrorAt = null;
        return r;
      } finally {
        release();
      }
    } catch (err) {
      state.lastError = err instanceof AppError ? err.message : `自动备份失败：${(err as Error).message}`;
      state.lastErrorAt = new Date().toISOString();
      throw err;
    } finally {
      state.running = null;
    }
  };
  const next = (chains.get(key) ?? Promise.resolve()).then(run, run);
  chains.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

/** Runs `work` on <data>/backups under the backup lock, in line with the automatic backups. */
function withBackupsLocked(dataDir: string, work: (outDir: string) => Promise<void>): Promise<void> {
  const key = path.resolve(dataDir);
  const run = async () => {
    const outDir = backupsDirOf(dataDir);
    const release = await acquireLock(outDir);
    try {
      await work(outDir);
    } finally {
      release();
    }
  };
  const next = (chains.get(key) ?? Promise.resolve()).then(run, run);
  chains.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

/** Applies retention after a backup taken with prune: false has served its purpose. */
export function pruneAutoBackups(dataDir: string): Promise<void> {
  return withBackupsLocked(dataDir, async (outDir) => {
    await pruneBackups(outDir);
  });
}

/**
 * Removes a backup taken for an operation that was then refused (prune: false), with the pool
 * originals only it listed, so the refusal leaves the backups folder as it was.
 */
export function discardBackup(dataDir: string, dir: string): Promise<void> {
  return withBackupsLocked(dataDir, async (outDir) => {
    if (path.dirname(path.resolve(dir)) !== path.resolve(outDir)) return;
    await fs.promises.rm(dir, { recursive: true, force: true });
    await collectPool(outDir);
  });
}

const isStale = (p: string) => Date.now() - (fs.statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > STALE_MS;

/** Keeps the newest `keep` backups of each reason in `outDir`; removes the rest and unused originals. */
export async function pruneBackups(outDir: string, keep = KEEP_PER_REASON): Promise<{ removed: string[] }> {
  const removed: string[] = [];
  const seen = new Map<string, number>();
  for (const b of listBackups(outDir)) {
    const n = (seen.get(b.reason) ?? 0) + 1;
    seen.set(b.reason, n);
    if (n > keep) {
      await fs.promises.rm(b.dir, { recursive: true, force: true });
      removed.push(b.dir);
    }
  }
  // Leftovers of interrupted runs: never published, never listed.
  for (const e of fs.readdirSync(outDir, { withFileTypes: true })) {
    const p = path.join(outDir, e.name);
    if (e.isDirectory() && e.name.endsWith('.partial') && isStale(p)) await fs.promises.rm(p, { recursive: true, force: true });
  }
  if (removed.length > 0) await collectPool(outDir);
  return { removed };
}

/** Deletes pool originals that no remaining backup lists (and stale temp files). */
async function collectPool(outDir: string): Promise<void> {
  const listed = new Set<string>();
  for (const b of listBackups(outDir)) for (const [sha] of readManifest(b.dir).blobs) listed.add(sha);
  const pool = path.join(outDir, 'blobs');
  if (!fs.existsSync(pool)) return;
  for (const d of fs.readdirSync(pool, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    for (const f of fs.readdirSync(path.join(pool, d.name))) {
      const p = path.join(pool, d.name, f);
      const sha = d.name + f;
      const unused = SHA256_RE.test(sha) ? !listed.has(sha) : f.startsWith('.tmp-') && isStale(p);
      if (unused) await fs.promises.rm(p, { force: true });
    }
  }
}

/** When the newest backup in <data>/backups was made, or null when there is none. */
export function lastBackupAt(dataDir: string): string | null {
  return listBackups(backupsDirOf(dataDir))[0]?.createdAt ?? null;
}
