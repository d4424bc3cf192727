/** The complete backups in a backup directory, newest first (interrupted `.partial` runs never count). */
import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from '../../store/backupManifest';
import { infoOf, readManifest } from './backupRead';
import type { BackupEntry } from '../../../shared/api/integrity';

/** Published backups never change, so a manifest is parsed once per process (keyed by its mtime). */
const cache = new Map<string, { mtimeMs: number; info: BackupEntry | null }>();

function infoCached(dir: string): BackupEntry | null {
  const st = fs.statSync(path.join(dir, MANIFEST_FILE), { throwIfNoEntry: false });
  if (!st?.isFile()) return null;
  const hit = cache.get(dir);
  if (hit && hit.mtimeMs === st.mtimeMs) return hit.info;
  let info: BackupEntry | null;
  try {
    info = infoOf(dir, readManifest(dir));
  } catch {
    info = null; // not a readable OneBag manifest: not listed
  }
  cache.set(dir, { mtimeMs: st.mtimeMs, info });
  return info;
}

export function listBackups(outDir: string): BackupEntry[] {
  const abs = path.resolve(outDir);
  if (!fs.statSync(abs, { throwIfNoEntry: false })?.isDirectory()) return [];
  const out: BackupEntry[] = [];
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name.endsWith('.partial') || e.name === 'blobs') continue;
    const info = infoCached(path.join(abs, e.name));
    if (info) out.push(info);
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.dir.localeCompare(a.dir)));
}
