/**
 * The data folder the user chose on first start (or later under 文件 → 更改数据文件夹…), kept in
 * a small JSON file in the app's own settings folder — never inside the data folder itself.
 *
 * Precedence at start-up: `--data DIR`, then ONEBAG_DATA, then the saved choice, then the
 * default (main/core/runtime/dataDir.ts). Only when none of the first three applies is it a first start,
 * where the desktop app shows the location and lets the user keep it or pick another.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dataDirFromArgs, dataDirFromEnv } from './dataDir';
import { writeFileDurablySync } from '../../files/durableFiles';

export const LOCATION_FILE = 'data-location.json';
/** The database file name of main/store/db.ts (main/core does not import the store). */
const DB_FILE = 'onebag.sqlite';

export type DataDirSource = 'command-line' | 'environment' | 'saved' | 'default';

export interface StartupDataDir {
  dataDir: string;
  source: DataDirSource;
  /** True when the user has not yet confirmed a location (and none was given). */
  firstRun: boolean;
}

/** The saved choice, or null when there is none or the file is unreadable or malformed. */
export function readSavedDataDir(configDir: string): string | null {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(configDir, LOCATION_FILE), 'utf8')) as { dataDir?: unknown };
    return typeof raw.dataDir === 'string' && path.isAbsolute(raw.dataDir) ? raw.dataDir : null;
  } catch {
    return null;
  }
}

/** Saves the choice atomically (temp file, fsync, rename). */
export function saveDataDir(configDir: string, dataDir: string, now: Date): void {
  if (!path.isAbsolute(dataDir)) throw new Error(`not an absolute path: ${dataDir}`);
  fs.mkdirSync(configDir, { recursive: true });
  const target = path.join(configDir, LOCATION_FILE);
  writeFileDurablySync(target, `${JSON.stringify({ dataDir, chosenAt: now.toISOString() }, null, 2)}\n`);
}

export function resolveStartupDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  configDir: string,
  defaultDir: string,
): StartupDataDir {
  const fromArgs = dataDirFromArgs(argv);
  if (fromArgs) return { dataDir: path.resolve(fromArgs), source: 'command-line', firstRun: false };
  const fromEnv = dataDirFromEnv(env);
  if (fromEnv) return { dataDir: path.resolve(fromEnv), source: 'environment', firstRun: false };
  const saved = readSavedDataDir(configDir);
  if (saved) return { dataDir: path.resolve(saved), source: 'saved', firstRun: false };
  return { dataDir: path.resolve(defaultDir), source: 'default', firstRun: true };
}

/** True when `dir` already holds an OneBag archive. */
export function holdsArchive(dir: string): boolean {
  return fs.existsSync(path.join(dir, DB_FILE));
}

/**
 * Checks that the folder can hold the archive: creates it if needed and writes, syncs and
 * removes a probe file. Returns a Chinese reason when it cannot, else null; changes nothing else.
 */
export function dataDirProblem(dir: string): string | null {
  if (!path.isAbsolute(dir)) return `请选择完整路径的文件夹：${dir}`;
  try {
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) return `所选位置不是文件夹：${dir}`;
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.onebag-write-test-${process.pid}`);
    const fd = fs.openSync(probe, 'w');
    try {
      fs.writeSync(fd, 'ok');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
      fs.rmSync(probe, { force: true });
    }
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? '没有写入权限'
        : code === 'ENOSPC'
          ? '磁盘空间不足'
          : code === 'EROFS'
            ? '该位置只读'
            : (err as Error).message;
    return `无法在该文件夹保存档案数据（${why}）：${dir}`;
  }
}
